"""The results lists: "my results" (what the user may see, filtered) and "waiting for me"
(what the user is to act on next), each row with what is still missing.

Rows come from ``access.visible_results`` in one query whatever their number: the related
rows a list shows are joined, evidence and steps done are counted in subqueries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kpi import access
from kpi.results import states
from kpi.results.models import Evidence, Result, StepProgress
from kpi.rounds.models import Indicator, Round

if TYPE_CHECKING:
    from kpi.access import User

PAGE_SIZE = 50
#: level problems that are the province's to fix (the district's size), not the district's
SIZE_PROBLEMS = ("size_required", "size_not_covered")


def list_rounds(user: User) -> QuerySet[Round]:
    """Rounds with results (every round past its draft) the user may see, newest first."""
    return (
        access.visible_rounds(user)
        .exclude(status=Round.Status.DRAFT)
        .order_by("-fiscal_year", "-number", "province__name")
    )


def default_round(rounds: list[Round]) -> Round | None:
    """The open round (the one being reported on), else the newest."""
    return next((r for r in rounds if r.status == Round.Status.OPEN), rounds[0] if rounds else None)


def indicators_with_results(user: User, round: Round) -> QuerySet[Indicator]:
    """The round's indicators the user sees results of (an owner: only their own)."""
    visible = access.visible_results(user).for_round(round).values("item__indicator")
    return Indicator.objects.filter(round=round, pk__in=visible).order_by("-kind", "number")


def _count(model: type, **where: Any) -> Coalesce:
    rows = (
        model.objects.filter(result=OuterRef("pk"), **where)  # type: ignore[attr-defined]
        .order_by()
        .values("result")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def results_for(
    user: User,
    round: Round,
    *,
    indicator: Indicator | None = None,
    district: Any = None,
    state: str | None = None,
    waiting: bool = False,
) -> QuerySet[Result]:
    results = access.visible_results(user).for_round(round)
    if waiting:
        results = results.filter(access.waiting_for(user))
    if indicator is not None:
        results = results.for_indicator(indicator)
    if district is not None:
        results = results.for_district(district)
    if state:
        results = results.in_states(state)
    return results.annotate(
        evidence_count=_count(Evidence),
        steps_done=_count(StepProgress, done__isnull=False),
    ).order_by(
        "district__dopa_code",
        "-item__indicator__kind",
        "item__indicator__number",
        "person__first_name",
        "pk",
    )


@dataclass(frozen=True)
class ResultRow:
    result: Result
    subject: str
    missing: list[str]

    @property
    def indicator(self) -> Indicator:
        return self.result.item.indicator


def row(result: Result) -> ResultRow:
    subject = result.person.full_name if result.person_id else result.district.office_name
    return ResultRow(result, subject, missing(result))


def missing(result: Result) -> list[str]:
    """What the result still needs before it counts, in words (annotated by
    ``results_for``: ``evidence_count``)."""
    if result.state in states.EDITABLE:
        needs = []
        if result.level is None:
            if result.level_problem in SIZE_PROBLEMS:
                needs.append(_("จังหวัดยังไม่ได้กำหนดขนาดอำเภอ"))
            else:
                needs.append(_("ยังไม่ได้กรอกผล"))
        if not getattr(result, "evidence_count", 0):
            needs.append(_("ยังไม่มีหลักฐาน"))
        needs.append(_("ยังไม่ได้ส่ง") if result.state == states.DRAFT else _("ยังไม่ได้ส่งใหม่"))
        return needs
    if result.state in states.REVIEWABLE:
        return [_("รอหน่วยงานเจ้าของตัวชี้วัดตรวจสอบ")]
    if result.state in states.APPROVABLE:
        return [_("รอผู้ประเมินอนุมัติ")]
    return []
