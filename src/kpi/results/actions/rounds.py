"""A round's life: draft → open → closed → approved → archived, and back with a reason.

Opening needs agreements whose weights make 100 for every person and creates each agreement
item's draft results; approving needs every result approved and locks them; going back one
step (``reopen_round``) needs a reason, which the round's history keeps. The round's results
are locked before its status changes, so a save in progress finishes first.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from kpi.agreements.errors import (
    AgreementsMissing,
    ReasonRequired,
    RoundStatusRefused,
    WeightsDoNotAddUp,
)
from kpi.agreements.models import Agreement, AgreementItem
from kpi.agreements.weights import not_adding_up
from kpi.org.audit import save_audited
from kpi.results import states
from kpi.results.errors import ResultsPending
from kpi.results.models import Result
from kpi.rounds.models import Round

User = AbstractBaseUser
Status = Round.Status

OPENED = "เปิดรอบการประเมิน"
CLOSED = "ปิดรับรายงานผล"
APPROVED = "อนุมัติผลการประเมินของรอบ"
ARCHIVED = "เก็บรอบการประเมินถาวร"
LOCKED = "ล็อกผลการดำเนินงานเมื่ออนุมัติรอบ"
UNLOCKED = "ปลดล็อกผลการดำเนินงานเมื่อเปิดรอบอีกครั้ง"
DEADLINE = "กำหนดวันส่งรายงานผล"

#: where re-opening a round of each status takes it
BACK = {Status.OPEN: Status.DRAFT, Status.CLOSED: Status.OPEN, Status.APPROVED: Status.CLOSED}
BACK[Status.ARCHIVED] = Status.APPROVED


def _lock(round: Round, *allowed: str) -> Round:
    locked = Round.objects.select_for_update().get(pk=round.pk)
    if allowed and locked.status not in allowed:
        raise RoundStatusRefused("status", status=locked.status)
    return locked


def _lock_results(round: Round) -> list[int]:
    # order_by("pk"): no default ordering, whose joins would lock offices and indicators too.
    rows = Result.objects.select_for_update().for_round(round).order_by("pk")
    return list(rows.values_list("pk", flat=True))


def _move(round: Round, status: str, *, by: User | None, reason: str) -> Round:
    round.status = status
    save_audited(round, by=by, reason=reason, update_fields=["status"])
    return round


@transaction.atomic
def set_reporting_deadline(
    round: Round, deadline: date | None, *, by: User | None, reason: str = DEADLINE
) -> Round:
    """The last day districts report on (reminders count down to it); None removes it."""
    round = _lock(round)
    round.reporting_deadline = deadline
    save_audited(round, by=by, reason=reason, update_fields=["reporting_deadline"])
    return round


@transaction.atomic
def open_round(round: Round, *, by: User | None, reason: str = OPENED) -> Round:
    """Open a draft round for reporting and create the draft results of every agreement item.

    Raises:
        RoundStatusRefused: the round is not a draft.
        AgreementsMissing: it has no agreements.
        WeightsDoNotAddUp: someone's weights are not 100; ``people`` names each of them with
            their office and totals (``weights.PersonWeights.describe``).
    """
    round = _lock(round, Status.DRAFT)
    if not Agreement.objects.for_round(round).exists():
        raise AgreementsMissing("agreements")
    wrong = not_adding_up(round)
    if wrong:
        raise WeightsDoNotAddUp(
            "weights", people="; ".join(entry.describe() for entry in wrong), count=len(wrong)
        )
    _move(round, Status.OPEN, by=by, reason=reason)
    ensure_results(round, by=by, reason=reason)
    return round


@transaction.atomic
def ensure_results(round: Round, *, by: User | None, reason: str = OPENED) -> list[Result]:
    """Create the missing draft results: one per team item and office, one per individual
    item and evaluatee. Returns those created."""
    items = AgreementItem.objects.for_round(round).select_related("agreement")
    have_team = set(
        Result.objects.for_round(round)
        .filter(person__isnull=True)
        .values_list("item_id", "district_id")
    )
    have_own = set(
        Result.objects.for_round(round)
        .filter(person__isnull=False)
        .values_list("item_id", "person_id")
    )
    new = []
    for item in items.order_by("pk"):
        agreement = item.agreement
        if agreement.is_team:
            if (item.pk, agreement.district_id) not in have_team:
                new.append(Result(item=item, district_id=agreement.district_id))
        elif (item.pk, agreement.evaluatee_id) not in have_own:
            new.append(
                Result(item=item, district_id=agreement.district_id, person=agreement.evaluatee)
            )
    return bulk_create_with_history(new, Result, default_user=by, default_change_reason=reason)


@transaction.atomic
def close_round(round: Round, *, by: User | None, reason: str = CLOSED) -> Round:
    """Stop reporting; owners and the evaluator go on reviewing.

    Raises:
        RoundStatusRefused: the round is not open.
    """
    round = _lock(round, Status.OPEN)
    _lock_results(round)
    return _move(round, Status.CLOSED, by=by, reason=reason)


@transaction.atomic
def approve_round(round: Round, *, by: User | None, reason: str = APPROVED) -> Round:
    """Approve a closed round whose results are all approved, and lock them.

    Raises:
        RoundStatusRefused: the round is not closed.
        ResultsPending: some results are not approved.
    """
    round = _lock(round, Status.CLOSED)
    _lock_results(round)
    pending = Result.objects.for_round(round).exclude(state__in=states.FINAL).count()
    if pending:
        raise ResultsPending("results", count=pending)
    _move(round, Status.APPROVED, by=by, reason=reason)
    lock_round_results(round, by=by)
    return round


@transaction.atomic
def archive_round(round: Round, *, by: User | None, reason: str = ARCHIVED) -> Round:
    round = _lock(round, Status.APPROVED)
    return _move(round, Status.ARCHIVED, by=by, reason=reason)


@transaction.atomic
def lock_round_results(round: Round, *, by: User | None, reason: str = LOCKED) -> int:
    """Approved results of *round* become locked; returns how many."""
    return _set_states(round, states.APPROVED, states.LOCKED, by=by, reason=reason)


def _set_states(round: Round, old: str, new: str, *, by: User | None, reason: str) -> int:
    results = list(
        Result.objects.select_for_update().for_round(round).filter(state=old).order_by("pk")
    )
    for result in results:
        result.state = new
        result.version += 1
    bulk_update_with_history(
        results,
        Result,
        ["state", "version"],
        default_user=by,
        default_change_reason=reason,
    )
    return len(results)


@transaction.atomic
def reopen_round(round: Round, *, by: User | None, reason: str) -> Round:
    """Take the round one step back (open → draft, closed → open, approved → closed,
    archived → approved); from approved, its locked results become approved again.

    Raises:
        ReasonRequired: *reason* is blank.
        RoundStatusRefused: the round is a draft.
    """
    if not reason or not reason.strip():
        raise ReasonRequired("reason")
    round = _lock(round, *BACK)
    _lock_results(round)
    if round.status == Status.APPROVED:
        _set_states(round, states.LOCKED, states.APPROVED, by=by, reason=reason.strip())
    return _move(round, BACK[Status(round.status)], by=by, reason=reason.strip())
