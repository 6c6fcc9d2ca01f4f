"""Reading the calculator's answer out of a response."""

from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from kpi.org.models import District
from kpi.rounds.models import IndicatorVersion


def district_pk(dopa_code: str) -> int:
    return District.objects.get(dopa_code=dopa_code).pk


def calculate(client: Client, **params: Any):
    return client.get(reverse("calculator"), params)


def outcome(response, status: str):
    """The outcome under the version of *status* (``original``, ``revised``, ``current``);
    ``original`` is the version the revision replaced, whichever circular stated it (the
    demo's first circular states it as ``current``)."""
    found = [
        o
        for o in response.context["outcomes"]
        if o.version.status == status or (status == "original" and not o.version.in_force)
    ]
    assert len(found) == 1, [o.version.status for o in response.context["outcomes"]]
    return found[0]


def level(response, status: str = IndicatorVersion.Status.REVISED) -> Decimal:
    result = outcome(response, status).result
    assert result is not None, (
        outcome(response, status).problem or outcome(response, status).waiting
    )
    return result.level
