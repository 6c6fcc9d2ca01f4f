"""The result page as each person reads it: ids unique (every label finds its input), every
input named by a label, the saved values shown to those who only read."""

import re
from collections import Counter
from datetime import date

import pytest
from django.urls import reverse

from kpi.results.actions import StepInput, save_result, submit_result
from tests.agreements.builders import World
from tests.results.view_helpers import client_for, result_8, team_5

pytestmark = pytest.mark.django_db


def page_of(world: World, username: str, result) -> str:  # type: ignore[no-untyped-def]
    response = client_for(world, username).get(reverse("results:detail", args=[result.pk]))
    assert response.status_code == 200
    return response.content.decode()


def check_ids_and_labels(page: str) -> None:
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    inputs = re.findall(r"<(?:input|select|textarea)\b[^>]*>", page)
    for tag in inputs:
        if re.search(r'type="(hidden|submit)"', tag):
            continue
        found = re.search(r'\sid="([^"]+)"', tag)
        assert found and found.group(1) in labelled, tag


@pytest.mark.parametrize("indicator", ["threshold", "milestone"])
def test_the_districts_page_has_unique_ids_and_labelled_inputs(opened: World, indicator) -> None:
    result = (result_8 if indicator == "threshold" else team_5)(opened, opened.d3402)

    check_ids_and_labels(page_of(opened, "d3402", result))


def test_the_owners_page_has_unique_ids_and_labelled_inputs(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, done="40", planned="50")
    submit_result(result, by=None)

    check_ids_and_labels(page_of(opened, "info", result))


def test_the_owner_reads_the_saved_parts(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, done="40", planned="50", note="ข่าว 40 เรื่อง")
    submit_result(result, by=None)

    page = page_of(opened, "info", result)

    assert "40 / 50" in page
    assert "ข่าว 40 เรื่อง" in page
    assert 'name="done"' not in page


def test_the_owner_reads_the_steps_with_their_dates_and_notes(opened: World) -> None:
    result = team_5(opened, opened.d3401)
    save_result(
        result,
        by=None,
        expected_version=1,
        steps={1: StepInput(date(2024, 5, 2), "ประชุมคณะทำงาน"), 3: StepInput(date(2024, 6, 1))},
    )

    page = page_of(opened, "coord", result)

    assert "ทำแล้วเสร็จเมื่อ 2 พ.ค. 2567" in page
    assert "ประชุมคณะทำงาน" in page
    assert "ทำแล้วแต่ยังไม่นับ" in page  # step 3 without step 2


def test_saved_numbers_are_shown_as_people_write_them(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, done="40", planned="50")

    page = page_of(opened, "d3402", result)

    assert 'name="planned" value="50"' in page
    assert "50.0000" not in page
