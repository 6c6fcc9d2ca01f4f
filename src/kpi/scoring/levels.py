"""The level (0–5) a measured value or the steps done reach, with the reasons.

Pages explain a level from the result: the band that applies, what the next level needs, and
for milestones which done steps do not count and why.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from kpi.scoring.criteria import LEVELS, Band, Direction, Milestone, Rule, Threshold, to_decimal
from kpi.scoring.errors import (
    InvalidStep,
    InvalidValue,
    MeasureMismatch,
    PlannedZero,
    ValueMissing,
    gettext_noop,
)

__all__ = [
    "LevelResult",
    "NextLevel",
    "StepFlag",
    "percentage",
    "score",
    "score_milestone",
    "score_threshold",
]

_TOP = LEVELS[-1]
_HUNDREDTH = Decimal("0.01")
_INTEGRAL = tuple(Decimal(level) for level in range(_TOP + 1))
_HUNDREDTHS = tuple(level.quantize(_HUNDREDTH) for level in _INTEGRAL)
_CEILING = tuple(level + 1 - _HUNDREDTH for level in range(_TOP + 1))


@dataclass(frozen=True, slots=True)
class NextLevel:
    """What the next level needs.

    Attributes:
        level: the level it gives.
        value: threshold: the bound to reach (at least / at most ``value``, or more / less than
            it when ``exclusive``); None for milestones.
        exclusive: the value must pass ``value``, not merely reach it.
        direction: threshold: ``"higher"`` (reach upwards) or ``"lower"``; None for milestones.
        step: milestone: the first step not done; None for thresholds.
        text: the criteria text of that band or step.
    """

    level: int
    value: Decimal | None = None
    exclusive: bool = False
    direction: Direction | None = None
    step: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class StepFlag:
    """A milestone step done while an earlier one is not: it counts for nothing.

    Attributes:
        step: the step that is done.
        missing: the first step not done, below it.
    """

    step: int
    missing: int
    template: ClassVar[str] = gettext_noop(
        "Step %(step)s is done but step %(missing)s is not, so it does not count"
    )

    @property
    def message(self) -> str:
        """The English explanation."""
        return self.template % {"step": self.step, "missing": self.missing}

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The explanation in the language of *gettext*."""
        return gettext(self.template) % {"step": self.step, "missing": self.missing}


@dataclass(frozen=True, slots=True)
class LevelResult:
    """The level reached and why.

    Attributes:
        level: 0–5, integral unless the rule interpolates (then always two decimals).
        band: threshold: the band of the level reached (None at level 0 and for milestones).
        next: what the next level needs; None at level 5.
        flagged_steps: milestone: steps done above the level, which do not count.
        flags: one explanation per flagged step.
    """

    level: Decimal
    band: Band | None = None
    next: NextLevel | None = None
    flagged_steps: tuple[int, ...] = ()
    flags: tuple[StepFlag, ...] = ()


def _measured(value: object, where: str = "value") -> Decimal:
    if value.__class__ is Decimal:
        number: Decimal = value
    elif value is None:
        raise ValueMissing(where)
    elif isinstance(value, float):
        # Scores are Decimal end to end; a float here is a caller's bug, not user input.
        raise TypeError("pass a measured value as Decimal, int or str, not float")
    else:
        try:
            number = to_decimal(value)
        except ValueError:
            raise InvalidValue(where, value=repr(value)) from None
    if not number.is_finite() or number < 0:
        raise InvalidValue(where, value=str(number))
    return number


def _threshold_results(rule: Threshold) -> tuple[LevelResult, ...]:
    """The result for each integral level 0..5 of *rule*, computed once."""
    results = []
    for level in range(_TOP + 1):
        band = rule.by_level[level - 1] if level else None
        upcoming = None
        if level < _TOP:
            above = rule.by_level[level]
            _, bound, exclusive = rule.ruling_bounds[_TOP - above.level]
            upcoming = NextLevel(
                level=above.level,
                value=bound,
                exclusive=exclusive,
                direction=rule.direction,
                text=above.text,
            )
        results.append(LevelResult(level=_INTEGRAL[level], band=band, next=upcoming))
    return tuple(results)


def _interpolation_bases(rule: Threshold) -> tuple[tuple[Decimal, Decimal] | None, ...]:
    """For each level 0..5: ``(t_k, t_{k+1} − t_k)``, or None where the level stays integral.

    Interpolation starts at level 1's bound; without one there is nothing to measure from.
    """
    bases: list[tuple[Decimal, Decimal] | None] = [None] * (_TOP + 1)
    for level in range(1, _TOP):
        here = rule.ruling_bounds[_TOP - level][1]
        there = rule.ruling_bounds[_TOP - level - 1][1]
        if here is not None and there is not None and there != here:
            bases[level] = (here, there - here)
    return tuple(bases)


def _interpolated(rule: Threshold, level: int, value: Decimal) -> Decimal:
    """``k + (v − t_k)/(t_{k+1} − t_k)``, two decimals, half-up, below k + 1.

    The same expression serves both directions (for "lower" both differences are negative).
    """
    memo: dict[str, Any] = rule.memo
    bases = memo.get("bases")
    if bases is None:
        bases = memo["bases"] = _interpolation_bases(rule)
    base = bases[level]
    if base is None:
        return _HUNDREDTHS[level]
    here, span = base
    result = (level + (value - here) / span).quantize(_HUNDREDTH, ROUND_HALF_UP)
    # A value just short of an exclusive or rounded bound must not show the next level,
    # which the bands do not give.
    ceiling = _CEILING[level]
    return ceiling if result > ceiling else result


def score_threshold(rule: Threshold, value: object) -> LevelResult:
    """Return the level *value* reaches under *rule*.

    Higher is better: the highest level whose lower bound *value* reaches (a level without a
    lower bound is reached by every value; an exclusive bound only by values above it).
    Lower is better: the highest level whose upper bound *value* does not exceed. With
    ``rule.interpolate``, the level is ``k + (v − t_k)/(t_{k+1} − t_k)``, two decimals,
    half-up, and stays below k + 1 while the bands give k.

    Args:
        rule: the threshold rule.
        value: the measured value, ``Decimal``, ``int`` or numeric ``str``.

    Raises:
        ValueMissing: *value* is None.
        InvalidValue: *value* is negative, NaN, infinite or not a number.
        TypeError: *value* is a ``float``.
    """
    number = _measured(value)
    memo: dict[str, Any] = rule.memo
    results = memo.get("results")
    if results is None:
        results = memo["results"] = _threshold_results(rule)
    level = 0
    if rule.direction == "higher":
        for candidate, bound, exclusive in rule.ruling_bounds:
            if bound is None or number > bound or (number == bound and not exclusive):
                level = candidate
                break
    else:
        for candidate, bound, exclusive in rule.ruling_bounds:
            if bound is None or number < bound or (number == bound and not exclusive):
                level = candidate
                break
    result: LevelResult = results[level]
    if rule.interpolate:
        interpolated = _interpolated(rule, level, number)
        # At most 501 distinct levels (0.00 … 5.00): build each result once.
        seen: dict[Decimal, LevelResult] = memo.setdefault("interpolated", {})
        cached = seen.get(interpolated)
        if cached is None:
            cached = seen[interpolated] = LevelResult(
                level=interpolated, band=result.band, next=result.next
            )
        return cached
    return result


def score_milestone(rule: Milestone, steps: Iterable[object]) -> LevelResult:
    """Return the level reached by the steps done.

    The level is the highest n such that steps 1..n are all done. A step done above the level
    counts for nothing and is flagged. The next level names the first step not done and the
    level doing it would give (higher than one more when later steps are already done).

    Args:
        rule: the milestone rule.
        steps: the numbers (1..5) of the steps done, in any order; repeats are ignored.

    Raises:
        ValueMissing: *steps* is None.
        InvalidStep: a step is not an integer from 1 to 5.
    """
    if steps is None:
        raise ValueMissing("steps")
    done = 0  # bit n set: step n is done
    for step in steps:
        if step.__class__ is not int or not 1 <= step <= _TOP:
            raise InvalidStep("steps", step=repr(step))
        done |= 1 << step
    result: LevelResult | None = rule.memo.get(done)
    if result is None:
        result = rule.memo[done] = _milestone_result(rule, done)
    return result


def _milestone_result(rule: Milestone, done: int) -> LevelResult:
    """The result for the steps whose bits are set in *done* (32 cases per rule)."""
    level = 0
    while level < _TOP and done >> (level + 1) & 1:
        level += 1
    flagged = tuple(step for step in LEVELS if step > level and done >> step & 1)
    upcoming = None
    if level < _TOP:
        gives = level + 1
        while gives < _TOP and done >> (gives + 1) & 1:
            gives += 1
        upcoming = NextLevel(level=gives, step=level + 1, text=rule.steps[level])
    return LevelResult(
        level=_INTEGRAL[level],
        next=upcoming,
        flagged_steps=flagged,
        flags=tuple(StepFlag(step, level + 1) for step in flagged),
    )


def score(
    rule: Rule, *, value: object = None, steps: Iterable[object] | None = None
) -> LevelResult:
    """Score *value* (threshold) or *steps* (milestone) under *rule*.

    See :func:`score_threshold` and :func:`score_milestone`.

    Raises:
        MeasureMismatch: steps given for a threshold rule, or a value for a milestone rule
            (people choose the input, so this is bad input, not a bug); ``where`` is the
            input given (``"steps"`` or ``"value"``).
        ValueMissing: the value or steps the rule needs are missing.
        InvalidValue: or a subclass, for a value or step that cannot be scored.
    """
    if isinstance(rule, Threshold):
        if steps is not None:
            raise MeasureMismatch("steps", expected="value", given="steps")
        return score_threshold(rule, value)
    if value is not None:
        raise MeasureMismatch("value", expected="steps", given="value")
    return score_milestone(rule, steps)  # type: ignore[arg-type]


def percentage(part: object, whole: object) -> Decimal:
    """Return ``part × 100 / whole`` (a ratio indicator's value from its stored parts).

    Not rounded: a level is decided on the exact value.

    Raises:
        InvalidValue: either is negative or not a number (``where``: ``"value"`` for *part*,
            ``"whole"`` for *whole*).
        PlannedZero: *whole* is 0.
    """
    numerator, denominator = _measured(part), _measured(whole, "whole")
    if not denominator:
        raise PlannedZero("whole")
    return numerator * 100 / denominator
