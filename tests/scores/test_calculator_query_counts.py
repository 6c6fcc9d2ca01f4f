"""The calculator costs a fixed number of queries, with ten times the indicators and districts.

Persona: ``as_province`` (the provincial administrator: sees every indicator and district).
"""

import pytest

from kpi.org.models import District, Province
from kpi.rounds.models import Indicator, Round
from tests.base import World, add_districts, add_indicators
from tests.scores.helpers import district_pk

pytestmark = pytest.mark.django_db

URL = "/calculator/"
# Every request: the session, the user, the user's person and groups (kpi.access.actor).
ACTOR = 4
# A whole page adds the navigation's demo flag; an htmx fragment has no navigation.
PAGE = ACTOR + 1
# The indicators to choose from (one query, grouped by round).
CHOICES = 1
# The chosen indicator (access), its versions with their documents, criteria and levels.
INDICATOR = 1 + 3
# The districts to choose from, and their sizes for the round's fiscal year.
DISTRICTS = 2


def grow(world: World) -> None:
    """Ten times the indicators and districts of the demo round's province."""
    round = Round.objects.get(pk=world.round)
    province = Province.objects.get(pk=world.ubon)
    indicators = Indicator.objects.filter(round=round).count()
    districts = District.objects.filter(province=province).count()
    add_indicators(round, 9 * indicators)
    add_districts(province, 9 * districts)
    assert Indicator.objects.filter(round=round).count() == 10 * indicators
    assert District.objects.filter(province=province).count() == 10 * districts


def test_the_empty_page_does_not_grow(as_province, world: World, django_assert_num_queries):
    # Before an indicator is chosen: the districts of the user's province, without sizes.
    with django_assert_num_queries(PAGE + CHOICES + 1):
        assert as_province.get(URL).status_code == 200

    grow(world)

    with django_assert_num_queries(PAGE + CHOICES + 1):
        assert as_province.get(URL).status_code == 200


def test_a_calculation_does_not_grow(as_province, world: World, django_assert_num_queries):
    params = {"indicator": world.individual_8, "district": district_pk("3402"), "value": "75"}
    with django_assert_num_queries(PAGE + CHOICES + INDICATOR + DISTRICTS):
        response = as_province.get(URL, params)
    assert len(response.context["outcomes"]) == 2

    grow(world)

    with django_assert_num_queries(PAGE + CHOICES + INDICATOR + DISTRICTS):
        response = as_province.get(URL, params)
    assert response.context["outcomes"][1].result.level == 4


def test_the_fragment_while_typing_does_not_grow(
    as_province, world: World, django_assert_num_queries
):
    params = {"indicator": world.team_5, "district": district_pk("3402"), "steps": ["1", "2"]}
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "calc-result"}
    with django_assert_num_queries(ACTOR + CHOICES + INDICATOR + DISTRICTS):
        assert as_province.get(URL, params, **headers).status_code == 200

    grow(world)

    with django_assert_num_queries(ACTOR + CHOICES + INDICATOR + DISTRICTS):
        assert as_province.get(URL, params, **headers).status_code == 200
