"""A result's level, from the scoring engine: the only code here gathers its inputs.

Inputs: the indicator's version in force (its criteria), the district's size for the round's
fiscal year, and what was reported: a value or its parts (threshold) or the steps done
(milestone). ``assess`` returns the engine's ``LevelResult`` (band, next level, flagged steps)
so pages can say what is missing, or the reason there is no level yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kpi.org.models import DistrictSize
from kpi.scoring import (
    Criteria,
    InvalidValue,
    LevelResult,
    Milestone,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
    ValueMissing,
    criteria_from_version,
    percentage,
    score,
)
from kpi.scoring.criteria import to_decimal

if TYPE_CHECKING:
    from kpi.results.models import Result
    from kpi.rounds.models import IndicatorVersion, Round

#: engine errors that leave a result without a level but are no fault of what was typed
NO_LEVEL_YET = (SizeRequired, SizeNotCovered, ValueMissing)


@dataclass(frozen=True)
class Assessment:
    """The level of a result, or why it has none.

    Attributes:
        level: 0–5, or None.
        outcome: the engine's result (band, next level, flags), or None.
        problem: why there is no level (``SizeRequired``, ``ValueMissing``, …), or None.
        value: the measured value (a threshold's, computed from its parts when given).
        milestone: whether the indicator is scored by steps.
    """

    level: Decimal | None
    outcome: LevelResult | None = None
    problem: ScoringError | None = None
    value: Decimal | None = None
    milestone: bool = False

    @property
    def problem_code(self) -> str:
        return self.problem.code if self.problem is not None else ""


def criteria_of(version: IndicatorVersion) -> Criteria:
    return criteria_from_version(version.as_contract())


def sizes_for(round: Round) -> dict[int, str]:
    """District pk → its size for the round's fiscal year (sizes are set per year)."""
    rows = DistrictSize.objects.for_fiscal_year(round.fiscal_year).filter(
        district__province_id=round.province_id
    )
    return dict(rows.values_list("district_id", "size"))


def measured_value(value: object, done: object, planned: object) -> object:
    """The value, or ``done × 100 / planned`` when parts are given (the parts win).

    Raises:
        ValueMissing: one part without the other.
        InvalidValue: a part the engine refuses (negative, planned 0).
    """
    if done is None and planned is None:
        return value
    if done is None or planned is None:
        raise ValueMissing("planned" if planned is None else "done")
    return percentage(done, planned)


def assess(
    criteria: Criteria,
    size: str | None,
    *,
    value: object = None,
    done: object = None,
    planned: object = None,
    steps: Iterable[int] = (),
) -> Assessment:
    """Score what was reported under *criteria* for a district of *size*.

    Raises:
        InvalidValue: (not ``ValueMissing``) a value, part or step the engine refuses; the
            caller reports it as ``MeasureInvalid``.
    """
    try:
        rule = criteria.select(size)
    except (SizeRequired, SizeNotCovered) as problem:
        return Assessment(None, problem=problem)
    if isinstance(rule, Milestone):
        outcome = score(rule, steps=list(steps))
        return Assessment(outcome.level, outcome=outcome, milestone=True)
    try:
        measured = measured_value(value, done, planned)
        if measured is None:
            raise ValueMissing("value")
    except ValueMissing as problem:
        return Assessment(None, problem=problem)
    outcome = score(rule, value=measured)
    # The engine accepted it, so it is a number.
    return Assessment(outcome.level, outcome=outcome, value=to_decimal(measured))


def steps_done(result: Result) -> list[int]:
    return [row.step for row in result.steps.all() if row.done is not None]


#: ``assess_result``'s default size: look it up
LOOK_UP: Any = object()


def assess_result(
    result: Result,
    *,
    criteria: Criteria | None = None,
    size: str | None = LOOK_UP,
    **typed: object,
) -> Assessment:
    """The level of *result* as stored, or with *typed* values (``value``, ``done``,
    ``planned``, ``steps``) in place of the stored ones: the page's live preview.

    *criteria* and *size* are looked up when not given (the version in force of the result's
    indicator; the district's size for the round's fiscal year).
    """
    if criteria is None:
        version = result.item.indicator.version_in_force
        if version is None:
            return Assessment(None)
        criteria = criteria_of(version)
    if size is LOOK_UP:
        round = result.item.agreement.round
        size = (
            DistrictSize.objects.filter(
                district_id=result.district_id, fiscal_year=round.fiscal_year
            )
            .values_list("size", flat=True)
            .first()
        )
    return assess(
        criteria,
        size,
        value=typed.get("value", result.value),
        done=typed.get("done", result.done),
        planned=typed.get("planned", result.planned),
        steps=typed["steps"] if "steps" in typed else steps_done(result),  # type: ignore[arg-type]
    )


def preview_level(result: Result, **typed: object) -> Assessment:
    """``assess_result`` for what is being typed (the page's live level): a value the engine
    refuses is a problem to show (``problem``), not an error to raise."""
    try:
        return assess_result(result, **typed)
    except InvalidValue as problem:
        return Assessment(None, problem=problem)
