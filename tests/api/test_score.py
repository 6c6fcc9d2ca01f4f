"""POST /api/score: the engine's level, band, next level and flagged steps, over HTTP."""

import pytest
from django.utils import translation

from kpi.org.models import District
from kpi.scoring import SizeRequired
from tests.base import OTHER_PROVINCE


def district(code: str) -> int:
    return District.objects.get(dopa_code=code).pk


def post(client, **body):
    return client.post("/api/score", body, content_type="application/json")


def test_revised_indicator_8_at_75_is_level_4_for_a_medium_district(world, api_as):
    response = post(api_as("province"), indicator=world.individual_8, size="medium", value="75")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["level"] == "4"
    assert body["size"] == "medium"
    assert body["band"]["level"] == 4 and body["band"]["min"] == "71"
    assert body["next"]["level"] == 5 and body["next"]["value"] == "81"
    assert body["flagged_steps"] == []


def test_the_district_gives_its_size_for_the_rounds_year(world, api_as):
    # 3402 is medium in 2567, 3401 large: the same 75 is level 4 and level 3.
    client = api_as("province")
    medium = post(client, indicator=world.individual_8, district=district("3402"), value=75)
    large = post(client, indicator=world.individual_8, district=district("3401"), value=75)
    assert (medium.json()["size"], medium.json()["level"]) == ("medium", "4")
    assert (large.json()["size"], large.json()["level"]) == ("large", "3")


def test_a_size_given_outright_wins_over_the_districts(world, api_as):
    response = post(
        api_as("province"),
        indicator=world.individual_8,
        district=district("3401"),
        size="medium",
        value="75",
    )
    assert response.json()["level"] == "4"


def test_parts_give_the_percentage(world, api_as):
    # The scenario: 40 of 50 items publicised is 80 %, level 4 for a medium district.
    response = post(
        api_as("d3402"),
        indicator=world.individual_8,
        district=district("3402"),
        done=40,
        planned=50,
    )
    body = response.json()
    assert body["value"] == "80" and body["level"] == "4"


def test_team_5_with_steps_1_2_4_5_reaches_level_2_and_flags_4_and_5(world, api_as):
    response = post(api_as("d3401"), indicator=world.team_5, steps=[1, 2, 4, 5])
    body = response.json()
    assert response.status_code == 200, body
    assert body["level"] == "2"
    assert body["flagged_steps"] == [4, 5]
    assert [(f["step"], f["missing"]) for f in body["flags"]] == [(4, 3), (5, 3)]
    assert body["next"]["step"] == 3 and body["next"]["level"] == 5
    assert body["band"] is None


def test_a_size_dependent_indicator_without_a_size_is_refused_plainly(world, api_as):
    response = post(api_as("province"), indicator=world.individual_8, value="75")
    body = response.json()
    assert response.status_code == 400
    assert body["code"] == SizeRequired.code
    assert body["where"] == "district_size"
    error = SizeRequired("district_size", sizes="large, medium, small")
    with translation.override("th"):
        expected = error.translated(translation.gettext)
    if expected == error.message:  # the catalogue lacks the template yet: the error's own Thai
        expected = error.message_th
    assert body["message"] == expected


def test_a_district_head_cannot_score_for_another_district(world, api_as):
    response = post(
        api_as("d3401"), indicator=world.individual_8, district=district("3402"), value=1
    )
    assert response.status_code == 404
    own = post(api_as("d3401"), indicator=world.individual_8, district=district("3401"), value=1)
    assert own.status_code == 200


def test_another_provinces_user_gets_404_for_ubon_indicators(world, api_as):
    response = post(api_as(OTHER_PROVINCE), indicator=world.team_5, steps=[1])
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "code", "where"),
    [
        ({"steps": [1, 6]}, "invalid_step", "steps"),
        ({}, "value_missing", "steps"),
        ({"value": "3"}, "measure_mismatch", "value"),
    ],
)
def test_milestone_refusals_carry_the_engines_code(world, api_as, body, code, where):
    response = post(api_as("d3401"), indicator=world.team_5, **body)
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["where"]) == (code, where)


@pytest.mark.parametrize(
    ("body", "code", "where"),
    [
        ({"value": "-1"}, "invalid_value", "value"),
        ({"done": 1, "planned": 0}, "planned_zero", "whole"),
        ({"done": 1}, "parts_incomplete", "planned"),
        ({"steps": [1]}, "measure_mismatch", "steps"),
        ({}, "value_missing", "value"),
    ],
)
def test_threshold_refusals_carry_their_code(world, api_as, body, code, where):
    response = post(api_as("province"), indicator=world.individual_8, size="small", **body)
    assert response.status_code == 400, response.content
    assert (response.json()["code"], response.json()["where"]) == (code, where)


def test_a_district_of_another_province_is_refused_for_a_superuser(world, api_as, db):
    from kpi.accounts.actions import create_account

    create_account("root", password="x", by=None, reason="test", superuser=True)
    response = post(api_as("root"), indicator=world.team_5, district=district("3301"), steps=[])
    assert response.status_code == 400
    assert response.json()["code"] == "district_not_in_round"
