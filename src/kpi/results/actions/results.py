"""Reporting and reviewing one result: each write is atomic, locks the row, checks the state
(``kpi.results.states``) and the version the caller read, bumps it, and is audited through
django-simple-history with a reason. Who may call them is ``kpi.access``'s decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from kpi.agreements.errors import ReasonRequired, RoundStatusRefused
from kpi.org.audit import save_audited
from kpi.results import states
from kpi.results.errors import (
    CannotScore,
    CommentRequired,
    Conflict,
    LevelInvalid,
    MeasureInvalid,
    WrongState,
)
from kpi.results.levels import Assessment, assess_result
from kpi.results.models import Notification, Result, StepProgress
from kpi.results.notifications import indicator_label, notify, people_of, subject_of
from kpi.scoring import LEVELS, InvalidValue, ValueMissing

User = AbstractBaseUser
UNSET: Any = object()

SAVED = "บันทึกผลการดำเนินงาน"
SUBMITTED = "ส่งผลการดำเนินงาน"
RESUBMITTED = "ส่งผลการดำเนินงานที่แก้ไขแล้ว"
VERIFIED = "ตรวจสอบผลการดำเนินงาน"
APPROVED = "อนุมัติผลการดำเนินงาน"


@dataclass(frozen=True)
class StepInput:
    """A milestone step as typed: the date it was done (None: not done) and a note."""

    done: date | None = None
    note: str = ""


def snapshot(result: Result) -> dict[str, Any]:
    """The values of *result* a page compares with what its user typed."""
    return {
        "value": result.value,
        "done": result.done,
        "planned": result.planned,
        "note": result.note,
        "steps": {row.step: (row.done, row.note) for row in result.steps.all()},
        "level": result.level,
        "state": result.state,
        "version": result.version,
    }


def lock(result: Result, expected_version: int | None = None) -> Result:
    """The row locked for this transaction, after checking nobody saved it since it was read.

    Raises:
        Conflict: *expected_version* is given and is not the current one.
    """
    # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of a join.
    locked = Result.objects.select_for_update().get(pk=result.pk)
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(locked, snapshot(locked))
    return locked


def require_state(result: Result, allowed: tuple[str, ...] | Mapping[str, str]) -> None:
    if result.state not in allowed:
        raise WrongState("state", state=result.state)


def require_round(result: Result, allowed: tuple[str, ...]) -> None:
    status = result.item.agreement.round.status
    if status not in allowed:
        raise RoundStatusRefused("status", status=status)


def _save(result: Result, *, by: User | None, reason: str, fields: list[str]) -> None:
    result.version += 1
    save_audited(result, by=by, reason=reason, update_fields=[*fields, "version", "updated_at"])


def _assess(result: Result, **typed: object) -> Assessment:
    try:
        return assess_result(result, **typed)
    except InvalidValue as error:
        raise MeasureInvalid(getattr(error, "where", None), cause=error) from error


def _decimal(value: object, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(value.strip() if isinstance(value, str) else str(value))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise MeasureInvalid(field, cause=InvalidValue(field, value=repr(value)))
    return number


@transaction.atomic
def save_result(
    result: Result,
    *,
    by: User | None,
    expected_version: int | None,
    value: object = UNSET,
    done: object = UNSET,
    planned: object = UNSET,
    note: object = UNSET,
    steps: Mapping[int, StepInput | None] | None = None,
    reason: str = SAVED,
) -> Result:
    """Store what the district typed and the level the engine gives it.

    Only the arguments given change. A threshold is scored on *value*, or on ``done × 100 /
    planned`` when a part is given (store the parts of a ratio). *steps* maps step numbers to
    ``StepInput`` (None, or no date and no note, clears the step); steps not named stay.

    Raises:
        Conflict: someone saved the result after *expected_version* (None skips the check).
        WrongState: the result is not draft or returned.
        RoundStatusRefused: the round is not open.
        MeasureInvalid: a value, part or step the engine refuses (negative, planned 0, step 6).
    """
    result = lock(result, expected_version)
    require_state(result, states.EDITABLE)
    require_round(result, states.REPORTING)
    fields = []
    for name, given in (("value", value), ("done", done), ("planned", planned)):
        if given is not UNSET:
            setattr(result, name, _decimal(given, name))
            fields.append(name)
    if note is not UNSET:
        result.note = str(note or "")
        fields.append("note")
    current = {row.step: row for row in result.steps.all()}
    wanted = dict(current)
    for step, typed in (steps or {}).items():
        if typed is None or (typed.done is None and not typed.note):
            wanted.pop(step, None)
        else:
            wanted[step] = typed  # type: ignore[assignment]
    done_steps = [step for step, row in wanted.items() if row.done is not None]
    assessment = _assess(result, steps=done_steps)
    result.level = assessment.level
    result.level_problem = assessment.problem_code
    _save(result, by=by, reason=reason, fields=[*fields, "level", "level_problem"])
    _write_steps(result, current, steps or {}, by=by, reason=reason)
    return result


def _write_steps(
    result: Result,
    current: dict[int, StepProgress],
    typed: Mapping[int, StepInput | None],
    *,
    by: User | None,
    reason: str,
) -> None:
    for step, entry in sorted(typed.items()):
        row = current.get(step)
        if entry is None or (entry.done is None and not entry.note):
            if row is not None:
                row._history_user = by  # type: ignore[attr-defined]
                row._change_reason = reason  # type: ignore[attr-defined]
                row.delete()
            continue
        if row is None:
            row = StepProgress(result=result, step=step)
        elif (row.done, row.note) == (entry.done, entry.note):
            continue
        row.done, row.note = entry.done, entry.note
        save_audited(row, by=by, reason=reason)


@transaction.atomic
def submit_result(
    result: Result, *, by: User | None, expected_version: int | None = None
) -> Result:
    """Send a draft, or a returned result (then it is resubmitted), for verification.

    Raises:
        Conflict, WrongState, RoundStatusRefused: as ``save_result``.
        CannotScore: there is no level yet (no value, or the district has no size).
    """
    result = lock(result, expected_version)
    require_state(result, states.SUBMIT_TO)
    require_round(result, states.REPORTING)
    assessment = _assess(result)
    if assessment.level is None:
        problem = assessment.problem or ValueMissing("value")
        raise CannotScore(problem.where, cause=problem)
    reason = RESUBMITTED if result.state == states.RETURNED else SUBMITTED
    result.state = states.SUBMIT_TO[result.state]
    result.level, result.level_problem = assessment.level, ""
    result.submitted_at, result.submitted_by = timezone.now(), by
    _save(
        result,
        by=by,
        reason=reason,
        fields=["state", "level", "level_problem", "submitted_at", "submitted_by"],
    )
    return result


@transaction.atomic
def resubmit_result(
    result: Result, *, by: User | None, expected_version: int | None = None
) -> Result:
    """Send a returned result again (``submit_result`` for a result that was returned).

    Raises:
        WrongState: the result was not returned.
    """
    locked = lock(result, expected_version)
    require_state(locked, (states.RETURNED,))
    return submit_result(locked, by=by)


@transaction.atomic
def return_result(
    result: Result, *, by: User | None, comment: str, expected_version: int | None = None
) -> Result:
    """The owner sends a submitted result back to the district, saying what to correct.

    Raises:
        CommentRequired: *comment* is blank.
        WrongState: the result is not submitted or resubmitted.
        RoundStatusRefused: the round is not open (the district could not correct it).
    """
    if not comment or not comment.strip():
        raise CommentRequired("comment")
    result = lock(result, expected_version)
    require_state(result, states.REVIEWABLE)
    require_round(result, states.REPORTING)
    result.state = states.RETURNED
    result.return_comment = comment.strip()
    _save(result, by=by, reason=result.return_comment, fields=["state", "return_comment"])
    _tell(result, Notification.Kind.RETURNED, comment=result.return_comment)
    return result


def checked_level(level: object) -> Decimal:
    try:
        number = Decimal(str(level).strip())
    except InvalidOperation:
        raise LevelInvalid("level", level=level) from None
    if (
        not number.is_finite()
        or not 0 <= number <= LEVELS[-1]
        or number != number.quantize(Decimal("0.01"))
    ):
        raise LevelInvalid("level", level=level)
    return number


@transaction.atomic
def verify_result(
    result: Result,
    *,
    by: User | None,
    level: object = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Result:
    """The owner confirms a submitted result, optionally at a different *level* (then with
    a *reason*, kept as ``verified_reason``).

    Raises:
        LevelInvalid: *level* is not 0–5 with two decimals at most.
        ReasonRequired: *level* differs from the computed one and *reason* is blank.
        WrongState: the result is not submitted or resubmitted.
        RoundStatusRefused: the round is neither open nor closed.
    """
    result = lock(result, expected_version)
    require_state(result, states.REVIEWABLE)
    require_round(result, states.REVIEWING)
    verified = None if level is None or level == "" else checked_level(level)
    if verified is not None and verified == result.level:
        verified = None
    if verified is not None and not reason.strip():
        raise ReasonRequired("reason")
    result.state = states.VERIFIED
    result.verified_level = verified
    result.verified_reason = reason.strip() if verified is not None else ""
    result.verified_at, result.verified_by = timezone.now(), by
    _save(
        result,
        by=by,
        reason=result.verified_reason or VERIFIED,
        fields=["state", "verified_level", "verified_reason", "verified_at", "verified_by"],
    )
    _tell(result, Notification.Kind.VERIFIED, email=False, level=level_text(result.final_level))
    return result


@transaction.atomic
def approve_result(
    result: Result, *, by: User | None, expected_version: int | None = None
) -> Result:
    """The evaluator approves a verified result; nobody edits it afterwards.

    Raises:
        WrongState: the result is not verified.
        RoundStatusRefused: the round is neither open nor closed.
    """
    result = lock(result, expected_version)
    require_state(result, states.APPROVABLE)
    require_round(result, states.REVIEWING)
    result.state = states.APPROVED
    result.approved_at, result.approved_by = timezone.now(), by
    _save(result, by=by, reason=APPROVED, fields=["state", "approved_at", "approved_by"])
    _tell(result, Notification.Kind.APPROVED, email=False)
    return result


@transaction.atomic
def reopen_result(
    result: Result, *, by: User | None, reason: str, expected_version: int | None = None
) -> Result:
    """Send a result back to draft (the province administrator, with a recorded reason);
    its verification and approval are cleared (the history keeps them).

    Raises:
        ReasonRequired: *reason* is blank.
        WrongState: the result is draft, returned or locked (re-open the round first).
        RoundStatusRefused: the round is not open.
    """
    if not reason or not reason.strip():
        raise ReasonRequired("reason")
    result = lock(result, expected_version)
    require_state(result, states.REOPENABLE)
    require_round(result, states.REPORTING)
    result.state = states.DRAFT
    result.verified_level, result.verified_reason = None, ""
    result.verified_at = result.verified_by = result.approved_at = result.approved_by = None
    fields = ["state", "verified_level", "verified_reason", "verified_at", "verified_by"]
    _save(result, by=by, reason=reason.strip(), fields=[*fields, "approved_at", "approved_by"])
    _tell(result, Notification.Kind.REOPENED, reason=reason.strip())
    return result


def level_text(level: Decimal | None) -> str:
    if level is None:
        return "-"
    return str(int(level)) if level == level.to_integral_value() else f"{level:.2f}"


def _tell(result: Result, kind: str, *, email: bool = True, **params: str) -> None:
    notify(
        people_of(result),
        kind,
        {"indicator": indicator_label(result), "subject": subject_of(result), **params},
        result=result,
        email=email,
    )
