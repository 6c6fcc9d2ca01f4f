"""GET /api/results, /api/results/{id}: who sees which (the demo round is open, its results
in every state)."""

import pytest

from kpi.org.models import Person
from kpi.results.models import Result
from kpi.rounds.models import IndicatorVersion
from tests.api.workflow import result_id, untouched
from tests.base import OTHER_PROVINCE, PERSONAS


def ids_of(rows) -> set[int]:
    return {row["id"] for row in rows}


def round_results(world):  # type: ignore[no-untyped-def]
    return Result.objects.filter(item__agreement__round_id=world.round)


def test_a_district_head_lists_only_their_districts_results(opened, api_as):
    body = api_as("d3401").get("/api/results?limit=500").json()
    own = round_results(opened).filter(district__dopa_code="3401")
    assert ids_of(body["items"]) == set(own.values_list("pk", flat=True))
    assert body["count"] == own.count() > 0
    assert {row["district"]["dopa_code"] for row in body["items"]} == {"3401"}


def test_the_province_lists_every_result_a_page_at_a_time(opened, api_as):
    client = api_as("province")
    total = round_results(opened).count()
    pages = [
        client.get(f"/api/results?limit=100&offset={offset}").json()
        for offset in range(0, total, 100)
    ]
    assert {page["count"] for page in pages} == {total}
    ids = [row["id"] for page in pages for row in page["items"]]
    assert len(ids) == len(set(ids)) == total


def test_the_indicator_owner_sees_only_their_units_indicators(opened, api_as):
    unit = Person.objects.get(user__username="info").unit_id
    owned = set(
        IndicatorVersion.objects.filter(
            in_force=True, responsible_unit_id=unit, indicator__round_id=opened.round
        ).values_list("indicator_id", flat=True)
    )
    rows = api_as("info").get("/api/results?limit=500").json()["items"]
    assert owned and {row["indicator"]["id"] for row in rows} == owned


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_districts_result_is_a_404(opened, api_as, persona):
    response = api_as(persona).get(f"/api/results/{result_id(opened, 'team', '3401')}")
    visible = {"province", "evaluator", "d3401"}
    expected = 401 if persona is None else 200 if persona in visible else 404
    assert response.status_code == expected, persona


def test_a_result_says_what_the_caller_may_do(opened, api_as):
    pk, head, _code = untouched(opened.team_5)
    mine = api_as(head).get(f"/api/results/{pk}").json()
    evaluator = api_as("evaluator").get(f"/api/results/{pk}").json()
    assert mine["state"] == "draft" and mine["version"] == 1
    assert mine["permissions"]["edit"] is True and mine["permissions"]["submit"] is True
    assert evaluator["permissions"] == {
        "edit": False,
        "submit": False,
        "return": False,
        "verify": False,
        "approve": False,
        "reopen": False,
    }


def test_filters_narrow_the_list(opened, api_as):
    client = api_as("province")
    body = client.get(f"/api/results?indicator={opened.team_5}&state=draft&limit=500").json()
    expected = round_results(opened).filter(item__indicator_id=opened.team_5, state="draft")
    assert ids_of(body["items"]) == set(expected.values_list("pk", flat=True))
    assert {row["state"] for row in body["items"]} == {"draft"}
    assert client.get(f"/api/results?round={opened.other_round}").json()["count"] == 0
    assert api_as(OTHER_PROVINCE).get("/api/results").json()["count"] == 0
