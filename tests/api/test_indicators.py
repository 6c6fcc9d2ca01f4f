"""GET /api/indicators/{id}: the indicator with every version."""

import pytest

from kpi.rounds.models import Indicator, IndicatorVersion
from tests.base import OTHER_PROVINCE, PERSONAS, add_indicators


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_ubon_indicator_opens_to_ubon_people_only(world, api_as, persona):
    response = api_as(persona).get(f"/api/indicators/{world.team_5}")
    assert response.status_code == {None: 401, OTHER_PROVINCE: 404}.get(persona, 200)


def test_it_gives_every_version_and_the_one_in_force(world, api_as):
    body = api_as("info").get(f"/api/indicators/{world.team_5}").json()
    indicator = Indicator.objects.get(pk=world.team_5)
    assert (body["kind"], body["number"], body["name"]) == ("team", 5, indicator.name)
    assert body["round_id"] == world.round
    stored = IndicatorVersion.objects.filter(indicator=indicator).order_by("created", "pk")
    assert [v["id"] for v in body["versions"]] == [v.pk for v in stored]
    assert [v["status"] for v in body["versions"]][-1] == "revised"
    assert len(body["versions"]) >= 2
    assert body["version"]["id"] == indicator.version_in_force.pk


def test_the_revised_level_4_of_team_5_differs_from_the_original(world, api_as):
    body = api_as("info").get(f"/api/indicators/{world.team_5}").json()
    original, revised = (
        {level["level"]: level["text"] for level in v["criteria"][0]["levels"]}
        for v in body["versions"][-2:]
    )
    assert original[4] != revised[4]
    assert {n: original[n] for n in (1, 2, 3, 5)} == {n: revised[n] for n in (1, 2, 3, 5)}


def test_it_names_the_unit_and_the_contact_persons(world, api_as):
    [indicator] = add_indicators(Indicator.objects.get(pk=world.team_5).round, 1)
    body = api_as("province").get(f"/api/indicators/{indicator.pk}").json()
    version = indicator.version_in_force
    assert body["version"]["responsible_unit"]["id"] == version.responsible_unit_id
    people = {p.pk: p.full_name for p in version.contact_persons.all()}
    assert {p["id"]: p["name"] for p in body["version"]["contact_persons"]} == people
    assert len(people) == 2
