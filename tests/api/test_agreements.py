"""GET /api/agreements, /api/agreements/{id}; POST …/acknowledge."""

from decimal import Decimal

import pytest

from kpi.agreements.models import Agreement, AgreementItem
from tests.api.workflow import agreement_id, unacknowledged
from tests.base import OTHER_PROVINCE, PERSONAS


def codes(rows) -> set[tuple[str, str]]:
    return {(row["kind"], row["district"]["dopa_code"]) for row in rows}


def test_the_province_sees_every_districts_agreements(opened, api_as):
    body = api_as("province").get("/api/agreements?limit=500").json()
    assert body["count"] == Agreement.objects.filter(round_id=opened.round).count() == 50
    assert len(body["items"]) == 50


def test_a_district_head_sees_their_offices_two_agreements_only(opened, api_as):
    body = api_as("d3401").get("/api/agreements").json()
    assert codes(body["items"]) == {("team", "3401"), ("individual", "3401")}
    assert body["count"] == 2


def test_items_carry_the_indicator_and_its_weight(opened, api_as):
    pk = agreement_id(opened, "team", "3401")
    body = api_as("d3401").get(f"/api/agreements/{pk}").json()
    stored = AgreementItem.objects.filter(agreement_id=pk)
    assert {(i["indicator"]["id"], Decimal(i["weight"])) for i in body["items"]} == set(
        stored.values_list("indicator_id", "weight")
    )
    assert opened.team_5 in {item["indicator"]["id"] for item in body["items"]}
    assert {item["indicator"]["kind"] for item in body["items"]} == {"team"}
    assert body["evaluatee"]["name"] and body["evaluator"]["name"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_districts_agreement_is_a_404(opened, api_as, persona):
    response = api_as(persona).get(f"/api/agreements/{agreement_id(opened, 'team', '3401')}")
    expected = {None: 401, OTHER_PROVINCE: 404, "d3402": 404}.get(persona, 200)
    assert response.status_code == expected


def test_filters_narrow_the_list(opened, api_as):
    client = api_as("province")
    district = Agreement.objects.get(pk=agreement_id(opened, "team", "3405")).district_id
    body = client.get(f"/api/agreements?district={district}&kind=individual").json()
    assert codes(body["items"]) == {("individual", "3405")}
    assert client.get(f"/api/agreements?round={opened.other_round}").json()["count"] == 0


def test_the_head_acknowledges_their_agreement_once(opened, api_as):
    pk, head = unacknowledged(opened, "individual")
    client = api_as(head)
    before = client.get(f"/api/agreements/{pk}").json()
    assert before["can_acknowledge"] is True and before["evaluatee_acknowledged_at"] is None
    response = client.post(f"/api/agreements/{pk}/acknowledge")
    assert response.status_code == 200, response.content
    after = response.json()
    assert after["evaluatee_acknowledged_at"] is not None
    assert after["evaluator_acknowledged_at"] == before["evaluator_acknowledged_at"]
    assert after["can_acknowledge"] is False
    again = client.post(f"/api/agreements/{pk}/acknowledge")
    assert (again.status_code, again.json()["code"]) == (403, "forbidden")


def test_someone_who_is_no_party_cannot_acknowledge(opened, api_as):
    pk, head = unacknowledged(opened, "individual")
    neighbour = "d3402" if head != "d3402" else "d3401"
    assert api_as("info").post(f"/api/agreements/{pk}/acknowledge").status_code == 403
    assert api_as(neighbour).post(f"/api/agreements/{pk}/acknowledge").status_code == 404
    assert Agreement.objects.get(pk=pk).evaluatee_acknowledged_at is None
