"""Finding the demo round's agreements and results in tests.

The demo reports results in every state (``kpi.demo.reporting``); tests that write pick a
result or agreement nobody has touched yet, whatever the demo's spread, and act as the head
of its district (``d<DOPA code>``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from kpi.agreements.models import Agreement
from kpi.results.models import Result


def result_id(world, kind: str, code: str) -> int:  # type: ignore[no-untyped-def]
    indicator = world.team_5 if kind == "team" else world.individual_8
    return Result.objects.get(item__indicator_id=indicator, district__dopa_code=code).pk


def agreement_id(world, kind: str, code: str) -> int:  # type: ignore[no-untyped-def]
    return Agreement.objects.get(round_id=world.round, kind=kind, district__dopa_code=code).pk


def _has_account(code: str) -> bool:
    return get_user_model()._default_manager.filter(username=f"d{code}").exists()


def untouched(indicator: int, *, size: str | None = None) -> tuple[int, str, str]:
    """``(result id, head's username, DOPA code)`` of a draft result of *indicator* nobody
    has saved, in a district of *size* (for fiscal year 2567) when given."""
    results = Result.objects.filter(item__indicator_id=indicator, state="draft", version=1)
    if size is not None:
        results = results.filter(district__sizes__fiscal_year=2567, district__sizes__size=size)
    for pk, code in results.order_by("district__dopa_code").values_list(
        "pk", "district__dopa_code"
    ):
        if _has_account(code):
            return pk, f"d{code}", code
    raise LookupError(f"no untouched result of indicator {indicator} (size {size})")


def unacknowledged(world, kind: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """``(agreement id, head's username)`` of an agreement its district has not acknowledged."""
    agreements = Agreement.objects.filter(
        round_id=world.round, kind=kind, evaluatee_acknowledged_at__isnull=True
    )
    for pk, code in agreements.order_by("district__dopa_code").values_list(
        "pk", "district__dopa_code"
    ):
        if _has_account(code):
            return pk, f"d{code}"
    raise LookupError(f"every {kind} agreement is acknowledged")
