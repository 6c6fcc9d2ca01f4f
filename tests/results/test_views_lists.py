"""The results lists: what each person sees, the filters, "waiting for me", and query counts
that do not grow with the number of results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpi.org.models import District, DistrictSize
from kpi.results.actions import (
    add_evidence_link,
    open_round,
    reopen_round,
    return_result,
    save_result,
    submit_result,
    verify_result,
)
from kpi.results.models import Result
from tests.agreements.builders import World, agreements_adding_up, person
from tests.results.view_helpers import client_for, result_8, team_5

pytestmark = pytest.mark.django_db


def listed(world: World, username: str, name: str = "list", **query: object) -> str:
    response = client_for(world, username).get(reverse(f"results:{name}"), query)
    assert response.status_code == 200
    return response.content.decode()


def links(page: str) -> set[int]:
    """The results a page links to."""
    import re

    return {int(pk) for pk in re.findall(r'href="/results/(\d+)/"', page)}


@pytest.fixture
def busy(opened: World) -> World:
    """3402's indicator 8 submitted, 3401's returned, 3401's team 5 verified."""
    head_2, head_1 = opened.user("d3402"), opened.user("d3401")
    r8_2, r8_1, t5_1 = (
        result_8(opened, opened.d3402),
        result_8(opened, opened.d3401),
        team_5(opened, opened.d3401),
    )
    save_result(r8_2, by=head_2, expected_version=1, value="75")
    submit_result(r8_2, by=head_2)
    save_result(r8_1, by=head_1, expected_version=1, value="60")
    submit_result(r8_1, by=head_1)
    return_result(r8_1, by=opened.user("info"), comment="ขอภาพข่าว")
    submit_result(t5_1, by=head_1)
    verify_result(t5_1, by=opened.user("coord"))
    add_evidence_link(r8_1, "https://example.org/news/1", by=head_1)
    return opened


def test_a_district_head_sees_their_offices_results_only(busy: World) -> None:
    page = listed(busy, "d3401")

    mine = set(Result.objects.filter(district=busy.d3401).values_list("pk", flat=True))
    assert links(page) == mine
    assert "ขอภาพข่าว" in page  # the returned result says why


def test_the_province_sees_every_district_and_filters_them(busy: World) -> None:
    everything = set(Result.objects.values_list("pk", flat=True))

    assert links(listed(busy, "province")) == everything
    only_3402 = listed(busy, "province", district=busy.d3402.pk)
    assert links(only_3402) == set(
        Result.objects.filter(district=busy.d3402).values_list("pk", flat=True)
    )
    returned = listed(busy, "province", state="returned")
    assert links(returned) == {result_8(busy, busy.d3401).pk}
    by_indicator = listed(busy, "province", indicator=busy.team_5.pk)
    assert links(by_indicator) == set(
        Result.objects.filter(item__indicator=busy.team_5).values_list("pk", flat=True)
    )


def test_an_owner_sees_only_the_results_of_their_indicator(busy: World) -> None:
    page = listed(busy, "info")

    assert links(page) == set(
        Result.objects.filter(item__indicator=busy.individual_8).values_list("pk", flat=True)
    )


def test_rows_say_what_is_missing(busy: World) -> None:
    page = listed(busy, "d3402")

    team_row = page[page.index(f'href="/results/{team_5(busy, busy.d3402).pk}/"') :]
    team_row = team_row[: team_row.index("</tr>")]
    assert "ยังไม่ได้กรอกผล" in team_row and "ยังไม่มีหลักฐาน" in team_row
    sent_row = page[page.index(f'href="/results/{result_8(busy, busy.d3402).pk}/"') :]
    assert "รอหน่วยงานเจ้าของตัวชี้วัดตรวจสอบ" in sent_row[: sent_row.index("</tr>")]


def test_waiting_for_the_owner_is_what_was_sent_to_them(busy: World) -> None:
    assert links(listed(busy, "info", "waiting")) == {result_8(busy, busy.d3402).pk}


def test_waiting_for_the_evaluator_is_what_was_verified(busy: World) -> None:
    assert links(listed(busy, "evaluator", "waiting")) == {team_5(busy, busy.d3401).pk}


def test_waiting_for_a_district_is_what_it_still_has_to_send(busy: World) -> None:
    assert links(listed(busy, "d3401", "waiting")) == {result_8(busy, busy.d3401).pk}
    assert links(listed(busy, "viewer", "waiting")) == set()


def test_filtering_with_htmx_returns_the_table_alone(busy: World) -> None:
    response = client_for(busy, "province").get(
        reverse("results:list"), {"state": "submitted"}, HTTP_HX_REQUEST="true"
    )

    text = response.content.decode()
    assert "<html" not in text and 'id="results-table"' in text
    assert links(text) == {result_8(busy, busy.d3402).pk}


def test_someone_of_another_province_sees_no_results(busy: World) -> None:
    assert links(listed(busy, "nobody")) == set()


def grow(world: World, count: int) -> None:
    """*count* more districts with a head each, the round opened again to give them results."""
    province_user = world.user("province")
    reopen_round(world.round, by=province_user, reason="เพิ่มอำเภอ")
    for offset in range(count):
        district = District.objects.create(
            province=world.province, dopa_code=str(3500 + offset), name=f"ทดสอบ{offset}"
        )
        DistrictSize.objects.create(district=district, fiscal_year=2567, size="small")
        person(
            world.province,
            None,
            first_name=f"หัวหน้า{offset}",
            district=district,
            position=f"พัฒนาการอำเภอทดสอบ{offset}",
        )
    agreements_adding_up(world)
    open_round(world.round, by=province_user)
    for result in Result.objects.filter(district__dopa_code__startswith="35")[::3]:
        add_evidence_link(result, "https://example.org/news", by=None)


def queries(world: World, username: str, name: str) -> int:
    client = client_for(world, username)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(f"results:{name}"))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("username", "name"),
    [("province", "list"), ("info", "list"), ("info", "waiting"), ("evaluator", "waiting")],
)
def test_query_counts_stay_the_same_with_ten_times_the_results(busy: World, username, name) -> None:
    before = Result.objects.count()
    small = queries(busy, username, name)

    grow(busy, 18)

    assert Result.objects.count() == 10 * before
    assert queries(busy, username, name) == small
    # session, user, person, roles; rounds; count and page of results; count of districts;
    # the header's demo flag; the filter's choices: indicators, districts (one round: no
    # round choice)
    assert small == 11
