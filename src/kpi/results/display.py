"""What the result page shows, computed for its templates: the criteria in force for the
district's size with the level reached, what the next level needs, the history in words, and
refusals in the page's language.

Every rule is someone else's: levels are ``kpi.results.levels.preview_level`` (the scoring
engine), who may do what is ``kpi.access``, the history is ``kpi.results.audit``. This module
only arranges their answers for reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal
from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from kpi.org.models import DistrictSize, Person
from kpi.results.audit import AuditRow
from kpi.results.levels import Assessment, criteria_of
from kpi.results.models import Evidence, Result
from kpi.rounds.models import IndicatorVersion
from kpi.scores.calculator import LevelRow, size_label
from kpi.scoring import (
    Milestone,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
    Threshold,
    ValueMissing,
)
from kpi.scoring.errors import InvalidCriteria


def error_text(error: Any) -> str:
    """A refusal (workflow or scoring error) in the active language.

    Workflow errors carry their Thai themselves (``message_th``), used while the Thai
    catalogue does not have the template yet; scoring errors rely on the catalogue.
    """
    thai = getattr(error, "message_th", None)
    if thai and (get_language() or "th").startswith("th") and _(error.template) == error.template:
        return thai
    return error.translated(_)


def district_size(result: Result) -> str | None:
    """The district's size for the round's fiscal year (sizes are set per year), or None."""
    round = result.item.agreement.round
    return (
        DistrictSize.objects.filter(district_id=result.district_id, fiscal_year=round.fiscal_year)
        .values_list("size", flat=True)
        .first()
    )


@dataclass
class CriteriaView:
    """The criteria of the version in force that apply to the result's district."""

    version: IndicatorVersion | None
    size: str | None
    rule: Threshold | Milestone | None = None
    size_dependent: bool = False
    #: why there is no rule to show (no version, no size for a size-dependent indicator, …)
    problem: str = ""

    @property
    def milestone(self) -> bool:
        return isinstance(self.rule, Milestone)

    @property
    def threshold(self) -> bool:
        return isinstance(self.rule, Threshold)

    @property
    def unit(self) -> str | None:
        return self.version.measure_unit if self.version else None

    @property
    def percent(self) -> bool:
        return self.unit == "percent"

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def step_texts(self) -> list[tuple[int, str]]:
        if isinstance(self.rule, Milestone):
            return list(enumerate(self.rule.steps, start=1))
        return []


def criteria_view(result: Result, size: str | None) -> CriteriaView:
    version = result.item.indicator.version_in_force
    if version is None:
        return CriteriaView(None, size, problem=_("ตัวชี้วัดนี้ยังไม่มีฉบับที่ใช้บังคับ"))
    try:
        criteria = criteria_of(version)
    except InvalidCriteria as error:
        return CriteriaView(version, size, problem=error_text(error))
    view = CriteriaView(version, size, size_dependent=criteria.size_dependent)
    try:
        view.rule = criteria.select(size)
    except (SizeRequired, SizeNotCovered) as error:
        view.problem = size_problem(error, result)
    return view


def size_problem(error: ScoringError, result: Result) -> str:
    """The engine's size refusal (it names the sizes in words itself), and what to do."""
    message = error_text(error)
    if isinstance(error, SizeRequired):
        message += " " + _("กรุณาแจ้งจังหวัดให้กำหนดขนาดของอำเภอ%(district)s") % {
            "district": result.district.name
        }
    return message


@dataclass
class LevelView:
    """The live level: the engine's answer for what is typed, and what the next level needs."""

    level: Decimal | None
    rows: list[LevelRow] = field(default_factory=list)
    next: Any = None
    flags: list[str] = field(default_factory=list)
    #: why there is no level (a problem with what was typed, or no size, …)
    problem: str = ""
    #: nothing typed yet
    waiting: bool = False
    band: Any = None
    value: Decimal | None = None
    ratio: dict[str, Decimal] | None = None
    #: percentage from parts: how many more items reach the next level
    items_needed: Decimal | None = None
    milestone: bool = False
    unit: str | None = None
    #: a typed number is not one: its field says why, the level waits
    typing_error: bool = False


def level_view(
    criteria: CriteriaView,
    assessment: Assessment,
    *,
    done: Decimal | None = None,
    planned: Decimal | None = None,
    steps: list[int] | None = None,
) -> LevelView:
    view = LevelView(
        level=assessment.level,
        value=assessment.value,
        milestone=criteria.milestone,
        unit=criteria.unit,
    )
    outcome = assessment.outcome
    problem = assessment.problem
    if criteria.problem:
        view.problem = criteria.problem
    elif isinstance(problem, ValueMissing):
        view.waiting = True
    elif isinstance(problem, SizeRequired | SizeNotCovered):
        view.problem = criteria.problem
    elif problem is not None:
        view.problem = error_text(problem)
    rule = criteria.rule
    reached = int(outcome.level) if outcome is not None else 0
    if isinstance(rule, Milestone):
        done_steps = set(steps or [])
        flagged = set(outcome.flagged_steps) if outcome else set()
        view.rows = [
            LevelRow(n, text, reached=n <= reached, done=n in done_steps, flagged=n in flagged)
            for n, text in enumerate(rule.steps, start=1)
        ]
        if outcome is not None:
            view.flags = [flag.translated(_) for flag in outcome.flags]
    elif isinstance(rule, Threshold):
        band_level = outcome.band.level if outcome is not None and outcome.band else None
        view.rows = [
            LevelRow(band.level, band.text, band=band, reached=band.level == band_level)
            for band in rule.by_level
        ]
        if outcome is not None:
            view.band = outcome.band
        if done is not None and planned:
            view.ratio = {"done": done, "planned": planned, "value": done * 100 / planned}
    if outcome is not None:
        view.next = outcome.next
        if isinstance(rule, Threshold) and criteria.percent:
            view.items_needed = items_needed(outcome.next, done, planned)
    return view


def items_needed(upcoming: Any, done: Decimal | None, planned: Decimal | None) -> Decimal | None:
    """How many more items (of *planned*) reach the next level of a percentage that rises:
    the least whole number n with n × 100 / planned reaching (or passing, when exclusive)
    the next bound, less what is done. None when it cannot be said (no parts, or the bound
    is out of reach of whole items)."""
    if upcoming is None or upcoming.value is None or done is None or not planned:
        return None
    if getattr(upcoming, "direction", "higher") != "higher":
        return None
    target = (upcoming.value * planned / 100).to_integral_value(rounding=ROUND_CEILING)
    if upcoming.exclusive and target * 100 / planned <= upcoming.value:
        target += 1
    more = target - done
    if more <= 0 or target > planned:
        return None
    return more


# --- Optimistic locking --------------------------------------------------------------------


@dataclass
class ConflictView:
    """Someone saved the result after the user read it: when, who, and what they saved."""

    at: datetime | None
    by: str
    version: int
    values: dict[str, Any]
    steps: list[tuple[int, date | None, str]]


def conflict_view(result: Result, values: dict[str, Any]) -> ConflictView:
    last = Result.history.filter(id=result.pk).select_related("history_user").first()  # type: ignore[attr-defined]
    user = last.history_user if last is not None else None
    steps = sorted((n, day, note) for n, (day, note) in values.get("steps", {}).items())
    return ConflictView(
        at=last.history_date if last is not None else result.updated_at,
        by=people_names([user]).get(user.pk, "") if user is not None else "",
        version=values["version"],
        values=values,
        steps=steps,
    )


# --- History -------------------------------------------------------------------------------

#: fields the history tab leaves out: bookkeeping, relations (the "who" column says who),
#: and the stored file's internals
HIDDEN = {"sha256", "file", "extension", "content_type", "size", "level_problem"}


@dataclass
class HistoryChange:
    label: str
    before: str
    after: str


@dataclass
class HistoryRow:
    at: datetime
    by: str
    reason: str
    what: str
    action: str
    changes: list[HistoryChange]


#: what happened to what: "created the result", "changed step 2", …
ACTION_WORDS = {
    "created": gettext_lazy("สร้าง%(what)s"),
    "changed": gettext_lazy("แก้ไข%(what)s"),
    "deleted": gettext_lazy("ลบ%(what)s"),
}


def people_names(users: list[Any]) -> dict[int, str]:
    """User pk → the person's full name (else the username), in one query."""
    ids = {user.pk for user in users if user is not None}
    names = {
        user_id: f"{title}{first} {last}".strip()
        for user_id, title, first, last in Person.objects.filter(user_id__in=ids).values_list(
            "user_id", "title", "first_name", "last_name"
        )
    }
    for user in users:
        if user is not None and user.pk not in names:
            names[user.pk] = user.get_username()
    return names


def history_rows(rows: list[AuditRow]) -> list[HistoryRow]:
    """The audit rows of one result, newest first, in words."""
    names = people_names([row.user for row in rows])
    shown = []
    for row in reversed(rows):
        what = _what(row)
        shown.append(
            HistoryRow(
                at=row.at,
                by=names.get(row.user.pk, "") if row.user is not None else _("ระบบ"),
                reason=row.reason,
                what=what,
                action=str(ACTION_WORDS.get(row.action, "%(what)s")) % {"what": what},
                changes=[
                    HistoryChange(
                        change.label,
                        shown_value(change.field, change.before),
                        shown_value(change.field, change.after),
                    )
                    for change in row.changes
                    if change.field not in HIDDEN
                    and not change.field.endswith("_id")
                    and not change.field.endswith("_at")
                ],
            )
        )
    return shown


def _what(row: AuditRow) -> str:
    record = row.record
    model = getattr(record, "instance_type", None)
    if model is Result:
        return _("ผลการดำเนินงาน")
    if model is Evidence:
        return _("หลักฐาน: %(name)s") % {"name": record.title or record.original_name or record.url}
    step = getattr(record, "step", None)
    if step is not None:
        return _("ขั้นตอนที่ %(step)s") % {"step": step}
    return row.model


def shown_value(name: str, value: Any) -> str:
    from kpi.accounts.templatetags.thai import thai_date
    from kpi.scores.templatetags.kpi_numbers import plain

    if value is None or value == "":
        return "—"
    if name == "state":
        try:
            return str(Result.State(value).label)
        except ValueError:
            return str(value)
    if name == "kind":
        try:
            return str(Evidence.Kind(value).label)
        except ValueError:
            return str(value)
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, date):
        return thai_date(value)
    return str(value)
