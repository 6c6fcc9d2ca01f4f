"""Taking one demo result through the workflow, as the people whose job it is, on the days
they would have done it.

A ``Plan`` says how far a result goes (draft, submitted, verified, approved; returned and
corrected on the way) and what the district typed; a ``Timeline`` says when each step
happened. ``carry_out`` calls the actions a click in the app would call, each under the demo's
clock (``kpi.demo.clock``), and only where ``kpi.access`` lets that account do it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from kpi import access
from kpi.demo.clock import at, moment
from kpi.demo.files import Attachment
from kpi.results import actions
from kpi.results.models import Result

User = AbstractBaseUser

# Stages a result is taken to (as far as access lets the demo's accounts take it).
DRAFT, SUBMITTED, VERIFIED, APPROVED = "draft", "submitted", "verified", "approved"


@dataclass
class Plan:
    """What happens to one result."""

    stage: str
    measure: dict[str, Any] = field(default_factory=dict)
    links: int = 0
    files: tuple[Attachment, ...] = ()
    #: the owner sends it back with this comment
    returned: str = ""
    #: … and the district corrects it (these values) and sends it again
    fix: dict[str, Any] | None = None
    #: the owner verifies at a level other than the computed one, for this reason
    verified_level: int | None = None
    verified_reason: str = ""


@dataclass(frozen=True)
class Timeline:
    """When each step of a result happened (only those its plan reaches are used)."""

    saved: datetime
    submitted: datetime
    returned: datetime
    fixed: datetime
    verified: datetime
    approved: datetime


@dataclass(frozen=True)
class Window:
    """The days a round's results are reported and reviewed in."""

    first_save: date
    last_save: date


def timeline(plan: Plan, window: Window, rng: random.Random) -> Timeline:
    """Days that follow each other: the result is saved on some day of the window (early in
    it, or soon after its last milestone step, for a milestone), submitted within days, then
    returned, corrected, verified and approved a few working days apart; office hours."""
    steps = [s.done for s in (plan.measure.get("steps") or {}).values() if s.done is not None]
    span = (window.last_save - window.first_save).days
    day = window.first_save + timedelta(days=rng.randint(0, span if not steps else span // 3))
    if steps:
        day = max(day, max(steps) + timedelta(days=rng.randint(1, 4)))
    day = min(day, window.last_save)

    def later(start: datetime, low: int, high: int) -> datetime:
        when = start.date() + timedelta(days=rng.randint(low, high))
        return moment(when, rng.randint(8, 16), rng.choice((0, 10, 20, 30, 40, 50)))

    saved = moment(day, rng.randint(8, 15), rng.choice((5, 15, 25, 35, 45)))
    submitted = saved + timedelta(minutes=rng.randint(10, 50))
    if rng.random() < 0.4:
        submitted = later(saved, 1, 2)
    returned = later(submitted, 2, 4)
    fixed = later(returned, 1, 3)
    verified = later(fixed if plan.fix is not None else submitted, 2, 5)
    approved = later(verified, 1, 4)
    return Timeline(saved, submitted, returned, fixed, verified, approved)


@dataclass(frozen=True)
class People:
    """Who acts on one result: who types it, who submits it, who reviews and approves it."""

    writer: User
    head: User
    owner: User | None
    evaluator: User | None


def carry_out(
    result: Result,
    plan: Plan,
    times: Timeline,
    people: People,
    *,
    link: Callable[[Result, int], tuple[str, str]],
) -> Result:
    """Save, attach, submit, review and approve *result* as far as *plan* says."""
    writer, head, owner = people.writer, people.head, people.owner
    with at(times.saved):
        result = actions.save_result(
            result, by=writer, expected_version=result.version, **plan.measure
        )
        _attach(result, plan, writer, link)
    if plan.stage == DRAFT:
        return result
    with at(times.submitted):
        result = actions.submit_result(result, by=head, expected_version=result.version)
    if owner is None:
        return result
    if plan.returned and access.can_return(owner, result):
        with at(times.returned):
            result = actions.return_result(
                result, by=owner, comment=plan.returned, expected_version=result.version
            )
        if plan.fix is None:
            return result
        with at(times.fixed):
            result = actions.save_result(
                result, by=writer, expected_version=result.version, **plan.fix
            )
            _attach(result, replace(plan, links=1, files=()), writer, link, start=plan.links)
            result = actions.resubmit_result(result, by=head, expected_version=result.version)
    if plan.stage == SUBMITTED or not access.can_verify(owner, result):
        return result
    with at(times.verified):
        result = actions.verify_result(
            result,
            by=owner,
            level=plan.verified_level,
            reason=plan.verified_reason,
            expected_version=result.version,
        )
    evaluator = people.evaluator
    if plan.stage == APPROVED and evaluator is not None and access.can_approve(evaluator, result):
        with at(times.approved):
            result = actions.approve_result(result, by=evaluator, expected_version=result.version)
    return result


def _attach(
    result: Result,
    plan: Plan,
    by: User,
    link: Callable[[Result, int], tuple[str, str]],
    *,
    start: int = 0,
) -> None:
    for serial in range(start + 1, start + plan.links + 1):
        url, title = link(result, serial)
        actions.add_evidence_link(result, url, by=by, title=title)
    for attachment in plan.files:
        upload = attachment.make(result)
        if upload is not None:
            actions.add_evidence_file(result, upload, by=by, title=attachment.title)
