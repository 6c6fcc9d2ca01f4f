"""The reporting board: who has not submitted, per indicator and per district, with counts per
state; for the provincial office only (``access.can_see_reporting``)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpi.agreements.actions import create_agreements_for_round
from kpi.agreements.models import AgreementItem
from kpi.results.actions import open_round, reopen_round, save_result, submit_result
from kpi.results.models import Result
from tests.agreements.builders import World, agreements_adding_up
from tests.agreements.test_views_round_agreements import add_offices, client, other_province_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(world: World) -> World:
    agreements_adding_up(world)
    open_round(world.round, by=None)
    return world


def board(world: World) -> str:
    return reverse("round_reporting", args=[world.round.pk])


def submit_individual_8(world: World, username: str, district) -> Result:  # type: ignore[no-untyped-def]
    result = Result.objects.get(item__indicator=world.individual_8, district=district)
    save_result(result, by=world.user(username), expected_version=1, value="75")
    return submit_result(result, by=world.user(username))


def test_it_is_for_the_provincial_office(opened: World) -> None:
    assert Client().get(board(opened)).status_code == 302
    assert other_province_admin(opened).get(board(opened)).status_code == 404
    for username in ("d3401", "s3401", "info"):
        assert client(opened, username).get(board(opened)).status_code == 403, username
    for username in ("province", "evaluator", "viewer"):
        assert client(opened, username).get(board(opened)).status_code == 200, username


def test_it_lists_who_has_not_submitted_per_indicator_and_per_district(opened: World) -> None:
    submit_individual_8(opened, "d3402", opened.d3402)

    response = client(opened, "evaluator").get(board(opened))

    missing = response.context["missing"]
    assert missing.count == 3
    by_indicator = {group.key.number: group for group in missing.by_indicator}
    assert [r.district.dopa_code for r in by_indicator[5].results] == ["3401", "3402"]
    assert [r.person.full_name for r in by_indicator[8].results] == ["นายหัวหน้า3401 ทดสอบ"]
    by_district = {group.key.dopa_code: group for group in missing.by_district}
    assert [r.item.indicator.number for r in by_district["3402"].results] == [5]
    html = response.content.decode()
    assert "ยังไม่ส่ง <strong>3</strong> จาก 4 รายการ" in html
    assert "สำนักงานพัฒนาชุมชนอำเภอศรีเมืองใหม่" in html
    for result in by_indicator[5].results:  # each links to its result's page
        assert reverse("results:detail", args=[result.pk]) in html


def test_it_counts_results_per_state_for_the_round_and_each_district(opened: World) -> None:
    submit_individual_8(opened, "d3402", opened.d3402)

    response = client(opened, "province").get(board(opened))

    totals = {value: count for value, _label, count in response.context["totals"]}
    assert (totals["draft"], totals["submitted"], totals["verified"]) == (3, 1, 0)
    rows = {row.district.dopa_code: row for row in response.context["districts"]}
    assert (rows["3402"].counts, rows["3402"].unsubmitted) == ({"draft": 1, "submitted": 1}, 1)
    assert (rows["3401"].total, rows["3401"].unsubmitted) == (2, 2)


def test_a_round_without_results_says_so(world: World) -> None:
    response = client(world, "province").get(board(world))

    assert response.status_code == 200
    assert "ยังไม่มีผลการดำเนินงาน" in response.content.decode()


def grow(world: World, offices: int, start: int) -> None:
    """More offices with heads, their agreements adding up, and their draft results."""
    reopen_round(world.round, by=None, reason="เพิ่มอำเภอ")
    add_offices(world, offices, start)
    create_agreements_for_round(world.round, by=None)
    items = AgreementItem.objects.filter(agreement__round=world.round)
    items.filter(agreement__kind="team").update(weight=60)
    items.filter(agreement__kind="individual").update(weight=40)
    open_round(world.round, by=None)


def count_queries(signed_in: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert signed_in.get(path).status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_districts(opened: World) -> None:
    admin = client(opened, "province")
    grow(opened, 2, 5000)
    few = count_queries(admin, board(opened))

    grow(opened, 20, 6000)
    many = count_queries(admin, board(opened))

    assert Result.objects.count() == 48
    # session, user, person, groups, round (with its province), districts, counts per
    # district and state, unsubmitted results, demo flag
    assert few == many == 9
