"""GET /api/rounds, /api/rounds/{id} and /api/rounds/{id}/indicators: who sees which."""

import pytest

from kpi.rounds.models import Indicator, IndicatorVersion, Round
from tests.base import OTHER_PROVINCE, PERSONAS

UBON_PEOPLE = ("province", "evaluator", "info", "d3401", "d3402")


@pytest.mark.parametrize("persona", UBON_PEOPLE)
def test_ubon_people_see_the_ubon_round_only(world, api_as, persona):
    response = api_as(persona).get("/api/rounds")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [world.round]


def test_the_other_province_sees_its_own_round_only(world, api_as):
    rounds = api_as(OTHER_PROVINCE).get("/api/rounds").json()
    assert [row["id"] for row in rounds] == [world.other_round]


def test_a_round_reads_as_stored(world, api_as):
    body = api_as("d3401").get(f"/api/rounds/{world.round}").json()
    round = Round.objects.get(pk=world.round)
    assert body["fiscal_year"] == round.fiscal_year == 2567
    assert body["number"] == round.number == 2
    assert body["start"] == "2024-04-01" and body["end"] == "2024-09-30"
    assert body["status"] == round.status
    assert body["province"] == {"id": world.ubon, "name": round.province.name}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("path", ["/api/rounds/{round}", "/api/rounds/{round}/indicators"])
def test_ubon_round_is_hidden_from_the_other_province_and_anonymous(world, api_as, persona, path):
    response = api_as(persona).get(path.format(round=world.round))
    expected = {None: 401, OTHER_PROVINCE: 404}.get(persona, 200)
    assert response.status_code == expected, response.content


def test_a_round_that_does_not_exist_is_a_404_like_a_hidden_one(world, api_as):
    missing = Round.objects.order_by("-pk").first().pk + 1000
    hidden = api_as("d3401").get(f"/api/rounds/{world.other_round}")
    absent = api_as("d3401").get(f"/api/rounds/{missing}")
    assert hidden.status_code == absent.status_code == 404
    assert hidden.json() == absent.json()


def test_round_indicators_come_team_first_with_the_version_in_force(world, api_as):
    rows = api_as("d3401").get(f"/api/rounds/{world.round}/indicators").json()
    expected = list(
        Indicator.objects.filter(round_id=world.round).values_list("kind", "number", "pk")
    )
    assert [(row["kind"], row["number"], row["id"]) for row in rows] == expected
    assert rows[0]["kind"] == "team"
    for row in rows:
        in_force = IndicatorVersion.objects.get(indicator_id=row["id"], in_force=True)
        assert row["version"]["id"] == in_force.pk
        assert row["versions"] is None


def test_revised_indicator_8_has_criteria_per_size_with_decimal_text_bounds(world, api_as):
    rows = api_as("d3401").get(f"/api/rounds/{world.round}/indicators").json()
    row = next(r for r in rows if r["id"] == world.individual_8)
    version = row["version"]
    assert version["status"] == "revised" and version["method"] == "threshold"
    assert version["weight"] == "5"
    by_size = {c["district_size"]: c["levels"] for c in version["criteria"]}
    assert sorted(by_size) == ["large", "medium", "small"]
    medium = {level["level"]: (level["min"], level["max"]) for level in by_size["medium"]}
    assert medium == {
        1: ("1", "20"),
        2: ("21", "50"),
        3: ("51", "70"),
        4: ("71", "80"),
        5: ("81", None),
    }


def test_team_5_lists_its_five_milestone_steps(world, api_as):
    rows = api_as("d3401").get(f"/api/rounds/{world.round}/indicators").json()
    version = next(r for r in rows if r["id"] == world.team_5)["version"]
    assert version["method"] == "milestone"
    [criterion] = version["criteria"]
    assert criterion["district_size"] is None
    assert [level["level"] for level in criterion["levels"]] == [1, 2, 3, 4, 5]
    assert all(level["text"] for level in criterion["levels"])


def test_all_versions_adds_the_first_version_before_the_revised(world, api_as):
    url = f"/api/rounds/{world.round}/indicators?all_versions=1"
    rows = api_as("d3401").get(url).json()
    row = next(r for r in rows if r["id"] == world.individual_8)
    stored = IndicatorVersion.objects.filter(indicator_id=world.individual_8)
    assert [v["id"] for v in row["versions"]] == [v.pk for v in stored.order_by("created", "pk")]
    # As first issued, one set of bands for every size; as revised, one per size.
    first, revised = row["versions"][0], row["versions"][-1]
    assert (first["in_force"], revised["in_force"]) == (False, True)
    assert row["version"] == revised
    assert {c["district_size"] for c in first["criteria"]} == {None}
    assert {c["district_size"] for c in revised["criteria"]} == {"large", "medium", "small"}
