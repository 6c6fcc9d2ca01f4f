"""The notice pages cost a fixed number of queries, with ten times the indicators too."""

from decimal import Decimal

from django.urls import reverse

from kpi.notices.actions import revise_in_draft, start_revision
from tests.base import add_indicators
from tests.notices.helpers import admin, demo_round, indicator, values_of

# Every page: session, user, the user's person, their groups (kpi.access.actor), and the
# navigation's demo flag.
REQUEST = 5


def _revise(notice, item, weight: int):
    return revise_in_draft(notice, item, by=admin(), **values_of(item, weight=Decimal(weight)))


def test_the_list_does_not_grow_with_indicators(as_province, world, django_assert_num_queries):
    url = reverse("notices", args=[world.round])
    start_revision(demo_round(world), by=admin())
    # the round, its latest circular (may a first circular be issued?), notices, indicators
    with django_assert_num_queries(REQUEST + 4):
        as_province.get(url)

    add_indicators(demo_round(world), 10)

    with django_assert_num_queries(REQUEST + 4):
        as_province.get(url)


def test_the_preview_does_not_grow_with_revised_indicators(
    as_province, world, django_assert_num_queries
):
    round = demo_round(world)
    notice = _revise(start_revision(round, by=admin()), indicator(world), 6)
    url = reverse("notice", args=[notice.pk])
    # the notice with its round and province, the latest circular (cited), indicator ids
    with django_assert_num_queries(REQUEST + 3):
        as_province.get(url)

    for item in add_indicators(round, 5):
        notice = _revise(notice, item, 3)

    assert len(notice.content["indicators"]) == 6
    with django_assert_num_queries(REQUEST + 3):
        as_province.get(url)


def test_the_revise_form_does_not_grow_with_indicators(
    as_province, world, django_assert_num_queries
):
    url = reverse("notice_revise", args=[indicator(world).pk])
    # the indicator; its version in force, contacts, criteria, levels; the round's draft;
    # the province's units (the choices)
    with django_assert_num_queries(REQUEST + 7):
        as_province.get(url)

    add_indicators(demo_round(world), 10)

    with django_assert_num_queries(REQUEST + 7):
        as_province.get(url)
