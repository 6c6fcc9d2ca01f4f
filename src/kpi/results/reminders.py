"""Reminders, for cron (``kpi remind`` / ``manage.py remind``).

- People with results still to send (draft or returned) in an open round whose reporting
  deadline is today or within ``days``: the person of an individual result, everyone with an
  account in the office of a team result.
- Indicator owners with results waiting for verification (submitted or resubmitted) in an
  open or closed round: the owner accounts of the unit responsible for the version in force.

Each is told once per round in their notification list and by e-mail (Django's e-mail
backend); with a LINE channel configured, each district's LINE groups get a summary of what
the district has not sent, and the provincial groups one of what waits for verification.
Mail and LINE leave after the notifications are committed.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from kpi import access
from kpi.org.models import Person
from kpi.results.line import LineChannel, channel
from kpi.results.models import LineGroup, Notification, Result
from kpi.results.notifications import notify
from kpi.rounds.models import Indicator, Round
from kpi.thai.dates import format_screen_date

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 7


@dataclass
class ReminderSummary:
    """What a run did (or, dry, would do)."""

    notifications: int = 0
    emails: int = 0
    line_pushes: int = 0
    line_failures: int = 0
    people: list[str] = field(default_factory=list)

    def text(self) -> str:
        return (
            f"แจ้งเตือน {self.notifications} รายการ อีเมล {self.emails} ฉบับ "
            f"LINE {self.line_pushes} ข้อความ (ส่งไม่สำเร็จ {self.line_failures}) / "
            f"{self.notifications} notifications, {self.emails} e-mails, "
            f"{self.line_pushes} LINE pushes ({self.line_failures} failed)"
        )


@dataclass
class _Plan:
    messages: list[tuple[Person, str, dict[str, object], Round]] = field(default_factory=list)
    pushes: list[tuple[str, str]] = field(default_factory=list)


def send_reminders(
    *, today: date | None = None, days: int = DEFAULT_DAYS, dry_run: bool = False
) -> ReminderSummary:
    """Remind everyone who has something to do; see the module's docstring."""
    today = today or timezone.localdate()
    plan = _Plan()
    _plan_submissions(plan, today, days)
    _plan_verifications(plan)
    summary = ReminderSummary(people=[person.full_name for person, *_ in plan.messages])
    summary.notifications = len(plan.messages)
    summary.emails = sum(1 for person, *_ in plan.messages if _email(person))
    line = channel()
    if dry_run:
        summary.line_pushes = len(plan.pushes) if line else 0
        return summary
    with transaction.atomic():
        for person, kind, params, round in plan.messages:
            notify([person], kind, params, round=round)
        if line is not None and plan.pushes:
            transaction.on_commit(lambda: _push_all(line, plan.pushes, summary), robust=True)
    return summary


def _email(person: Person) -> str:
    return person.user.email if person.user_id and person.user.email else ""


def _push_all(line: LineChannel, pushes: list[tuple[str, str]], summary: ReminderSummary) -> None:
    for target, text in pushes:
        try:
            line.push(target, text)
        except OSError:
            logger.exception("LINE push to %s failed", target)
            summary.line_failures += 1
        else:
            summary.line_pushes += 1


def _labels(results: list[Result]) -> str:
    seen = dict.fromkeys(
        ("รายทีม" if r.item.indicator.kind == "team" else "รายบุคคล") + f"ที่ {r.item.indicator.number}"
        for r in results
    )
    return ", ".join(seen)


def _office_people(province_id: int) -> dict[int, list[Person]]:
    people: dict[int, list[Person]] = defaultdict(list)
    rows = Person.objects.filter(
        province_id=province_id, district__isnull=False, user__isnull=False
    ).select_related("user")
    for person in rows.order_by("pk"):
        people[person.district_id].append(person)
    return people


def _groups(province_id: int) -> dict[int | None, list[str]]:
    targets: dict[int | None, list[str]] = defaultdict(list)
    for group in LineGroup.objects.filter(province_id=province_id).order_by("pk"):
        targets[group.district_id].append(group.target)
    return targets


def _plan_submissions(plan: _Plan, today: date, days: int) -> None:
    rounds = Round.objects.open().filter(
        reporting_deadline__gte=today, reporting_deadline__lte=today + timedelta(days=days)
    )
    for round in rounds.select_related("province"):
        pending = list(
            Result.objects.for_round(round)
            .unsubmitted()
            .with_related()
            .select_related("person__user")
        )
        if not pending:
            continue
        offices = _office_people(round.province_id)
        per_person: dict[int, tuple[Person, list[Result]]] = {}
        per_district: dict[int, list[Result]] = defaultdict(list)
        for result in pending:
            per_district[result.district_id].append(result)
            people = [result.person] if result.person_id else offices.get(result.district_id, [])
            for person in people:
                if person.user_id is not None:
                    per_person.setdefault(person.pk, (person, []))[1].append(result)
        deadline = format_screen_date(round.reporting_deadline)
        for person, results in per_person.values():
            params = {"count": len(results), "deadline": deadline, "indicators": _labels(results)}
            plan.messages.append((person, Notification.Kind.REMIND_SUBMIT, params, round))
        groups = _groups(round.province_id)
        for district_id, results in per_district.items():
            office = results[0].district.office_name
            text = (
                f"{office}: ยังไม่ได้ส่งรายงานผลตัวชี้วัด {len(results)} รายการ "
                f"({_labels(results)}) กรุณาส่งภายในวันที่ {deadline}"
            )
            plan.pushes.extend((target, text) for target in groups.get(district_id, []))


def _plan_verifications(plan: _Plan) -> None:
    rounds = Round.objects.with_status(Round.Status.OPEN, Round.Status.CLOSED)
    for round in rounds.select_related("province"):
        waiting = list(Result.objects.for_round(round).awaiting_review().with_related())
        if not waiting:
            continue
        indicators = Indicator.objects.filter(
            pk__in={result.item.indicator_id for result in waiting}
        ).with_version_in_force()
        unit_of = {
            indicator.pk: indicator.version_in_force.responsible_unit_id
            for indicator in indicators
            if indicator.version_in_force is not None
        }
        per_unit: dict[int, list[Result]] = defaultdict(list)
        for result in waiting:
            unit = unit_of.get(result.item.indicator_id)
            if unit is not None:
                per_unit[unit].append(result)
        owners = Person.objects.filter(
            province_id=round.province_id,
            district__isnull=True,
            unit_id__in=list(per_unit),
            user__groups__name=access.INDICATOR_OWNER,
        ).select_related("user")
        for owner in owners.distinct().order_by("pk"):
            results = per_unit[owner.unit_id]
            params = {"count": len(results), "indicators": _labels(results)}
            plan.messages.append((owner, Notification.Kind.REMIND_VERIFY, params, round))
        text = f"มีผลการดำเนินงาน {len(waiting)} รายการรอการตรวจสอบ ({_labels(waiting)})"
        plan.pushes.extend((target, text) for target in _groups(round.province_id).get(None, []))
