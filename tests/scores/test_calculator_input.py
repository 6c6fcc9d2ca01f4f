"""Bad input is explained beside its field and kept; deep links and htmx fragments."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kpi.org.models import Province
from kpi.rounds.models import Round
from tests.base import World, add_districts, add_indicators
from tests.scores.helpers import calculate, district_pk, outcome

pytestmark = pytest.mark.django_db


def error_beside(html: str, field: str) -> str:
    match = re.search(rf'<div id="err-{field}" class="field-errors">(.*?)</div>', html, re.S)
    assert match, f"no error slot for {field}"
    return match.group(1)


def error_beside_oob(html: str, field: str) -> str:
    pattern = rf'<div id="err-{field}" class="field-errors" hx-swap-oob="true">(.*?)</div>'
    match = re.search(pattern, html, re.S)
    assert match, f"no out-of-band error slot for {field}"
    return match.group(1)


def status_text(html: str) -> str:
    """The live summary sent out of band, as a screen reader reads it."""
    match = re.search(r'<p id="calc-status" hx-swap-oob="innerHTML">(.*?)</p>', html, re.S)
    assert match, "no out-of-band status"
    return re.sub(r"<[^>]+>", "", match.group(1))


def typed_value(html: str, field: str) -> str:
    match = re.search(rf'<input type="text" name="{field}" id="id_{field}" value="([^"]*)"', html)
    assert match, f"no input for {field}"
    return match.group(1)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "กรอกเป็นตัวเลข เช่น 75 หรือ 70.5"),
        ("7.5.1", "กรอกเป็นตัวเลข เช่น 75 หรือ 70.5"),
        ("-5", "ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป"),
    ],
)
def test_a_value_that_is_not_a_number_of_0_or_more_is_explained_and_kept(
    as_province, world: World, typed: str, message: str
) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), value=typed
    )

    html = response.content.decode()
    assert message in error_beside(html, "value")
    assert typed_value(html, "value") == typed
    assert 'aria-invalid="true"' in html
    assert outcome(response, "revised").result is None


def test_more_done_than_planned_is_explained_beside_the_done_field(
    as_province, world: World
) -> None:
    response = calculate(
        as_province,
        indicator=world.individual_8,
        district=district_pk("3402"),
        done="60",
        planned="50",
    )

    html = response.content.decode()
    assert "จำนวนที่ทำได้ต้องไม่มากกว่าจำนวนทั้งหมดตามแผน" in error_beside(html, "done")
    assert (typed_value(html, "done"), typed_value(html, "planned")) == ("60", "50")
    assert response.context["ratio"] is None


def test_nothing_planned_is_explained_beside_the_planned_field(as_province, world: World) -> None:
    response = calculate(
        as_province,
        indicator=world.individual_8,
        district=district_pk("3402"),
        done="0",
        planned="0",
    )

    assert "จำนวนทั้งหมดต้องมากกว่า 0" in error_beside(response.content.decode(), "planned")
    assert outcome(response, "revised").result is None


def test_a_deep_link_fills_the_form(as_province, world: World) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), value="75"
    )

    html = response.content.decode()
    assert f'<option value="{world.individual_8}" selected>' in html
    assert f'<option value="{district_pk("3402")}" selected>' in html
    assert typed_value(html, "value") == "75"


def test_typing_returns_only_the_result_with_the_field_messages_out_of_band(
    as_province, world: World
) -> None:
    response = as_province.get(
        "/calculator/",
        {"indicator": world.individual_8, "district": district_pk("3402"), "value": "7x"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="calc-result",
    )

    html = response.content.decode()
    # The inside of #calc-result only: no page, no form, not the container itself.
    assert "<html" not in html and "<form" not in html and 'id="calc-result"' not in html
    assert 'id="err-value" class="field-errors" hx-swap-oob="true"' in html
    assert "กรอกเป็นตัวเลข" in error_beside_oob(html, "value")
    assert "กรอกเป็นตัวเลข" in status_text(html)


def test_typing_a_good_value_returns_its_level_in_the_fragment(as_province, world: World) -> None:
    response = as_province.get(
        "/calculator/",
        {"indicator": world.individual_8, "district": district_pk("3402"), "value": "75"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="calc-result",
    )

    html = response.content.decode()
    assert re.findall(r'data-level="([^"]+)"', html) == ["3", "4"]
    assert "ตามเกณฑ์เดิม: ระดับ 3" in status_text(html)
    assert "ตามเกณฑ์ที่แก้ไข: ระดับ 4" in status_text(html)


def test_choosing_another_indicator_returns_the_form_with_its_inputs(
    as_province, world: World
) -> None:
    response = as_province.get(
        "/calculator/",
        {"indicator": world.team_5},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="calculator",
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="calculator"')
    assert 'name="steps"' in html and 'name="value"' not in html
    assert "<html" not in html


def test_the_page_works_without_javascript(as_province, world: World) -> None:
    response = calculate(as_province, indicator=world.team_5, steps=["1", "2"])

    html = response.content.decode()
    assert '<form method="get" action="/calculator/"' in html
    assert '<button type="submit"' in html
    assert 'name="steps" value="1" id="id_steps_1"\n                   checked' in html


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = calculate(client, **params)
    assert response.status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_indicators_or_districts(
    as_province, world: World
) -> None:
    params = {"indicator": world.individual_8, "district": district_pk("3402"), "value": "75"}
    before = _queries(as_province, **params)

    round = Round.objects.get(pk=world.round)
    add_indicators(round, 20)
    add_districts(Province.objects.get(pk=world.ubon), 30)
    after = _queries(as_province, **params)

    assert after == before
    assert before <= 14, before
    print("calculator queries", before)


def test_the_fragment_updates_only_messages_of_inputs_on_the_page(
    as_province, world: World
) -> None:
    response = as_province.get(
        "/calculator/",
        {"indicator": world.team_5, "steps": ["1"]},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="calc-result",
    )

    html = response.content.decode()
    assert re.findall(r'id="err-(\w+)" class="field-errors" hx-swap-oob', html) == ["steps"]
