"""Shared by the results page tests (test_views_*.py): clients signed in as the builders'
personas, and the results they look at."""

from __future__ import annotations

from django.test import Client

from kpi.results.models import Result
from tests.agreements.builders import World


def client_for(world: World, username: str | None) -> Client:
    client = Client()
    if username is not None:
        client.force_login(world.user(username))
    return client


def result_8(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    """Individual indicator 8 (threshold, percent) of the district's head."""
    return Result.objects.get(item__indicator=world.individual_8, district=district)


def team_5(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    """Team indicator 5 (milestone) of the district's office."""
    return Result.objects.get(item__indicator=world.team_5, district=district)
