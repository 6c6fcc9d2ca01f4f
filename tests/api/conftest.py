"""The personas of ``tests.base`` (the Ubon demo plus another province), and API clients
signed in by token or by session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction
from django.test import Client

from kpi.api.actions import create_token
from tests.base import (  # noqa: F401
    anonymous,
    as_evaluator,
    as_head_3401,
    as_head_3402,
    as_info,
    as_other_province,
    as_province,
    ubon,
    user,
    world,
)


def token_for(username: str) -> str:
    """A new API token of *username*'s (the secret)."""
    return create_token(user(username), name="test", by=None)[1]


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


class TokenClient(Client):
    """A test client that sends *secret* as a bearer token with every request."""

    def __init__(self, secret: str | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.secret = secret
        if secret is not None:
            self.defaults.update(bearer(secret))


@pytest.fixture
def api_as(world, db) -> Callable[[str | None], Client]:  # noqa: F811
    """``api_as("d3401")``: a client calling with a token of that user; None: no token."""

    def make(username: str | None) -> Client:
        return TokenClient(token_for(username) if username is not None else None)

    return make


#: the share of a district head's 100 that their office's team agreement carries
TEAM_SHARE = 60


def open_demo_round(built) -> None:  # type: ignore[no-untyped-def]
    """The demo round with its agreements and open: every district has a draft result for
    each team indicator and its head one for each individual indicator. Weights are set to
    add up (team 60, individual 40: the first item takes what the others, at 1, leave)."""
    from kpi.agreements.actions import create_agreements_for_round, set_item_weight
    from kpi.results.actions import open_round
    from kpi.rounds.models import Round

    round = Round.objects.get(pk=built.round)
    by = user("province")
    for agreement in create_agreements_for_round(round, by=by):
        total = TEAM_SHARE if agreement.kind == "team" else 100 - TEAM_SHARE
        items = list(agreement.items.order_by("indicator__number"))
        for position, item in enumerate(items):
            weight = total - (len(items) - 1) if position == 0 else 1
            set_item_weight(item, weight, by=by)
    open_round(round, by=by)


@pytest.fixture(scope="module")
def opened_once(world, django_db_blocker):  # type: ignore[no-untyped-def]  # noqa: F811
    """The demo round open, once per test module, inside the package's transaction and
    rolled back after the module (opening 25 districts' results takes a second). The demo
    may open it itself (with results in every state): then it is left as it is."""
    from kpi.rounds.models import Round

    with django_db_blocker.unblock():
        savepoint = transaction.atomic()
        savepoint.__enter__()
        if Round.objects.get(pk=world.round).status == Round.Status.DRAFT:
            open_demo_round(world)
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            savepoint.__exit__(None, None, None)


@pytest.fixture
def opened(opened_once, db):  # type: ignore[no-untyped-def]
    return opened_once
