"""What the score calculator shows: the indicators and districts a user may choose, and the
level a value (or the steps done) reaches under each version of an indicator.

Every rule is ``kpi.scoring``'s: this module loads rows, hands the engine the contract-shaped
criteria (``IndicatorVersion.as_contract()``) and keeps its answer, its reasons and its
refusals (translated) for the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kpi import access
from kpi.org.models import DistrictSize, Size
from kpi.rounds.models import Indicator, IndicatorVersion
from kpi.scoring import (
    LevelResult,
    MeasureMismatch,
    Milestone,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
    Threshold,
    criteria_from_version,
    score,
)

if TYPE_CHECKING:
    from kpi.access import User
    from kpi.org.models import Province

Choices = list[tuple[Any, Any]]


def size_label(code: str | None) -> str:
    """The Thai (or current language's) name of a size class; the code itself if unknown."""
    if code is None:
        return ""
    try:
        return str(Size(code).label)
    except ValueError:
        return code


def kind_word(kind: str) -> str:
    """``รายทีม`` or ``รายบุคคล``: the kind as it qualifies an indicator's number."""
    return _("รายทีม") if kind == Indicator.Kind.TEAM else _("รายบุคคล")


def indicator_title(kind: str, number: int) -> str:
    """``ตัวชี้วัดรายบุคคลที่ 8``, as the circulars name an indicator."""
    return _("ตัวชี้วัด%(kind)sที่ %(number)s") % {"kind": kind_word(kind), "number": number}


# ---------------------------------------------------------------------------------------------
# What a user may choose


def indicator_choices(user: User) -> Choices:
    """The indicators of every round *user* may see, grouped by round (one query)."""
    indicators = (
        Indicator.objects.filter(round__in=access.visible_rounds(user))
        .select_related("round__province")
        .order_by(
            "-round__fiscal_year", "-round__number", "round__province__name", "-kind", "number"
        )
    )
    groups: dict[int, tuple[str, Choices]] = {}
    for indicator in indicators:
        round = indicator.round
        if round.pk not in groups:
            label = _("รอบที่ %(number)s/%(year)s %(province)s") % {
                "number": round.number,
                "year": round.fiscal_year,
                "province": round.province.name,
            }
            groups[round.pk] = (label, [])
        label = f"{kind_word(indicator.kind)} {indicator.number}. {indicator.name}"
        groups[round.pk][1].append((indicator.pk, label))
    return list(groups.values())


@dataclass(frozen=True)
class DistrictOption:
    pk: int
    label: str
    #: the size class the province set for the round's fiscal year, or None
    size: str | None


def district_options(
    user: User, province: Province, fiscal_year: int | None
) -> list[DistrictOption]:
    """The districts *user* may see in *province*, each with its size for *fiscal_year*
    (two queries, whatever the number of districts; sizes unknown without a year)."""
    districts = access.visible_districts(user, province).order_by("dopa_code")
    if fiscal_year is None:
        return [DistrictOption(d.pk, f"{d.dopa_code} {d.name}", None) for d in districts]
    sizes = DistrictSize.objects.for_fiscal_year(fiscal_year)  # type: ignore[attr-defined]
    districts = districts.prefetch_related(Prefetch("sizes", sizes, to_attr="year_sizes"))
    return [
        DistrictOption(
            d.pk,
            f"{d.dopa_code} {d.name}",
            d.year_sizes[0].size if d.year_sizes else None,  # type: ignore[attr-defined]
        )
        for d in districts
    ]


def load_indicator(user: User, pk: int) -> Indicator:
    """The indicator *pk* if *user* may see it (404 otherwise), with every version, its
    criteria, levels and source document prefetched (five queries)."""
    indicator = access.indicator_or_404(user, pk)
    versions = (
        IndicatorVersion.objects.filter(indicator=indicator)
        .select_related("source_document")
        .prefetch_related("criteria__levels")
        .order_by("created", "pk")
    )
    indicator.all_versions = list(versions)  # type: ignore[attr-defined]
    return indicator


def shown_versions(indicator: Indicator) -> list[IndicatorVersion]:
    """The versions to score side by side: all of them once the indicator was revised (the
    original first), else the one in force."""
    versions: list[IndicatorVersion] = indicator.all_versions  # type: ignore[attr-defined]
    if len(versions) > 1:
        return versions
    return [v for v in versions if v.in_force] or versions


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class SizeChoice:
    """The district size the calculation uses and where it comes from."""

    code: str | None
    #: "chosen" (the size field), "district" (the district's record), or "" (none known)
    source: str
    district: DistrictOption | None = None

    @property
    def label(self) -> str:
        return size_label(self.code)


@dataclass
class LevelRow:
    """One level of the criteria in use, for the table beside the result."""

    level: int
    text: str
    band: Any = None  # kpi.scoring.Band for thresholds
    reached: bool = False
    done: bool = False  # milestone: the step is ticked
    flagged: bool = False  # milestone: ticked, but an earlier step is not


@dataclass
class VersionOutcome:
    """The result under one version of the indicator."""

    version: IndicatorVersion
    method: str
    unit: str | None = None
    direction: str | None = None
    result: LevelResult | None = None
    #: the engine's refusal, translated (no size for a size-dependent indicator, …)
    problem: str = ""
    #: what is missing before a level can be shown (no value typed yet)
    waiting: str = ""
    size_dependent: bool = False
    levels: list[LevelRow] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        status = self.version.status
        # A version no longer in force was replaced: it is the เดิม, whether the notice that
        # replaced it printed it (original) or the round's first circular did (current).
        if status == IndicatorVersion.Status.ORIGINAL or not self.version.in_force:
            return _("ตามเกณฑ์เดิม")
        if status == IndicatorVersion.Status.REVISED:
            return _("ตามเกณฑ์ที่แก้ไข")
        return _("ตามเกณฑ์ของตัวชี้วัด")


def refusal_text(error: ScoringError) -> str:
    """The engine's refusal in the active language: the catalogue's, or the error's own Thai
    (``message_th``, sizes and kinds in words) while the catalogue lacks the template."""
    thai = error.message_th
    if thai and (get_language() or "th").startswith("th") and _(error.template) == error.template:
        return thai
    return error.translated(_)


def _size_refusal(error: ScoringError, size: SizeChoice) -> str:
    """The engine's SizeRequired / SizeNotCovered message in the user's language (the sizes
    in words), and what to do about it."""
    message = refusal_text(error)
    if isinstance(error, SizeRequired) and size.district is not None:
        message += " " + _(
            "อำเภอ%(district)s ยังไม่มีขนาดอำเภอของปีงบประมาณนี้: เลือกขนาดอำเภอเพื่อคำนวณ "
            "หรือแจ้งจังหวัดให้กำหนดขนาดอำเภอ"
        ) % {"district": size.district.label}
    return message


def evaluate(
    version: IndicatorVersion,
    size: SizeChoice,
    *,
    value: Decimal | None,
    steps: list[int],
    stray_value: bool = False,
    stray_steps: bool = False,
) -> VersionOutcome:
    """Score *value* or *steps* under *version* for a district of *size*.

    A milestone version ignores *value* and a threshold one *steps* (the other version of a
    revised indicator may take them), unless they are stray: no version shown takes them, and
    the engine's refusal (``MeasureMismatch``) is shown instead of a level.
    """
    contract = version.as_contract()
    outcome = VersionOutcome(
        version=version,
        method=contract["method"],
        unit=contract.get("unit"),
        direction=contract.get("direction"),
    )
    try:
        criteria = criteria_from_version(contract)
    except ScoringError as error:
        # Stored criteria the engine cannot use: the importer refuses those, so this is a
        # record edited by hand; say so rather than fail the page.
        outcome.problem = refusal_text(error)
        return outcome
    outcome.size_dependent = criteria.size_dependent
    try:
        rule = criteria.select(size.code)
    except (SizeRequired, SizeNotCovered) as error:
        outcome.problem = _size_refusal(error, size)
        return outcome

    try:
        if isinstance(rule, Milestone):
            outcome.result = score(rule, value=value if stray_value else None, steps=steps)
        elif stray_steps:
            score(rule, value=value, steps=steps)  # refused: this rule takes a value
    except MeasureMismatch as error:
        outcome.problem = refusal_text(error)
        return outcome

    if isinstance(rule, Milestone) and outcome.result is not None:
        flagged = set(outcome.result.flagged_steps)
        level = int(outcome.result.level)
        outcome.levels = [
            LevelRow(n, text, reached=n <= level, done=n in steps, flagged=n in flagged)
            for n, text in enumerate(rule.steps, start=1)
        ]
        outcome.flags = [flag.translated(_) for flag in outcome.result.flags]
        return outcome

    assert isinstance(rule, Threshold)
    outcome.levels = [LevelRow(band.level, band.text, band=band) for band in rule.by_level]
    if value is None:
        outcome.waiting = _("กรอกผลการดำเนินงานเพื่อดูระดับคะแนน")
        return outcome
    outcome.result = score(rule, value=value)
    reached = outcome.result.band.level if outcome.result.band else 0
    for row in outcome.levels:
        row.reached = row.level == reached
    return outcome


def choose_size(chosen: str | None, district: DistrictOption | None) -> SizeChoice:
    """A size picked on the form wins (to ask "what if"); else the district's own record."""
    if chosen:
        return SizeChoice(chosen, "chosen", district)
    if district is not None:
        return SizeChoice(district.size, "district" if district.size else "", district)
    return SizeChoice(None, "")
