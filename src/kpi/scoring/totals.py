"""From levels to a person's total and rating.

DOMAIN.md: weighted score = level × weight / 5 (level 5 everywhere scores 100); achievement =
Σ weighted scores; total = 70 % achievement + 30 % competency by default (50/50 on probation),
both shares configurable per round; rating bands on the total are configurable. Everything is
exact ``Decimal``; :func:`display` rounds (two places, half-up) and is for display only.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kpi.scoring.criteria import LEVELS, to_decimal
from kpi.scoring.errors import (
    InvalidLevel,
    InvalidRatingBands,
    InvalidScore,
    InvalidShares,
    InvalidValue,
    InvalidWeight,
    ScoringError,
    ValueMissing,
    WeightsNotHundred,
)

__all__ = [
    "DEFAULT_RATINGS",
    "DEFAULT_SHARES",
    "PROBATION_SHARES",
    "RatingBand",
    "Shares",
    "achievement",
    "check_weights",
    "competency_score",
    "display",
    "rating",
    "total",
    "weighted_score",
    "weights_total",
]

_HUNDRED = Decimal(100)
_TOP = Decimal(LEVELS[-1])
# DPIS: 3 points per competency at the expected level, one less per level short of it.
_COMPETENCY_MAX = 3


def _exact(value: object, error: type[ScoringError], name: str) -> Decimal:
    if isinstance(value, float):
        # Scores are Decimal end to end; a float here is a caller's bug, not user input.
        raise TypeError(f"pass {name} as Decimal, int or str, not float")
    try:
        return to_decimal(value)
    except ValueError:
        raise error(name, **{name: repr(value)}) from None


def _level(level: object) -> Decimal:
    number = _exact(level, InvalidLevel, "level")
    if not 0 <= number <= _TOP:
        raise InvalidLevel("level", level=str(number))
    return number


def _weight(weight: object) -> Decimal:
    number = _exact(weight, InvalidWeight, "weight")
    if number <= 0:
        raise InvalidWeight("weight", weight=str(number))
    return number


def _score(score: object, name: str) -> Decimal:
    number = _exact(score, InvalidScore, "score")
    if not 0 <= number <= _HUNDRED:
        raise InvalidScore(name, score=str(number))
    return number


def weighted_score(level: object, weight: object) -> Decimal:
    """Return ``level × weight / 5``, unrounded.

    Args:
        level: 0–5 (``Decimal``, ``int`` or ``str``; fractional when interpolated).
        weight: the indicator's weight, percent of the achievement score, above 0.

    Raises:
        InvalidLevel: *level* is not a number from 0 to 5.
        InvalidWeight: *weight* is not a number above 0.
        TypeError: either is a ``float``.
    """
    return _level(level) * _weight(weight) / _TOP


def achievement(items: Iterable[tuple[object, object]]) -> Decimal:
    """Return the achievement score: Σ weighted scores over ``(level, weight)`` pairs.

    0–100 when the weights add up to 100 (see :func:`check_weights`); not rounded.

    Raises:
        InvalidLevel, InvalidWeight: as :func:`weighted_score`.
    """
    return sum((weighted_score(level, weight) for level, weight in items), Decimal(0))


def weights_total(weights: Iterable[object]) -> Decimal:
    """Return the sum of *weights*, each checked to be above 0.

    Raises:
        InvalidWeight: a weight is not a number above 0.
    """
    return sum((_weight(weight) for weight in weights), Decimal(0))


def check_weights(weights: Iterable[object]) -> Decimal:
    """Return the sum of one agreement's *weights*, which must be exactly 100.

    DOMAIN.md: warn while the weights do not add up to 100 (use :func:`weights_total`),
    refuse to open the round otherwise (use this).

    Raises:
        InvalidWeight: a weight is not a number above 0.
        WeightsNotHundred: the weights add up to something else.
    """
    summed = weights_total(weights)
    if summed != _HUNDRED:
        raise WeightsNotHundred("weights", total=str(summed))
    return summed


@dataclass(frozen=True, slots=True)
class Shares:
    """How achievement and competency make up the total, in percent.

    Attributes:
        achievement: share of the achievement score (default 70).
        competency: share of the competency score (default 30).

    Raises:
        InvalidShares: a share is negative or not a number, or they do not add up to 100.
    """

    achievement: Decimal = Decimal(70)
    competency: Decimal = Decimal(30)

    def __post_init__(self) -> None:
        try:
            shares = to_decimal(self.achievement), to_decimal(self.competency)
        except ValueError:
            shares = None
        if shares is None or min(shares) < 0 or sum(shares) != _HUNDRED:
            raise InvalidShares(
                "shares", achievement=str(self.achievement), competency=str(self.competency)
            )
        object.__setattr__(self, "achievement", shares[0])
        object.__setattr__(self, "competency", shares[1])


#: 70 % achievement, 30 % competency.
DEFAULT_SHARES = Shares()
#: Staff on probation: 50 / 50.
PROBATION_SHARES = Shares(Decimal(50), Decimal(50))


def total(achievement: object, competency: object, shares: Shares = DEFAULT_SHARES) -> Decimal:
    """Return ``(achievement × shares.achievement + competency × shares.competency) / 100``.

    Args:
        achievement: the achievement score, 0–100.
        competency: the competency score, 0–100.
        shares: the round's shares (default 70/30).

    Raises:
        InvalidScore: a score is not a number from 0 to 100.
    """
    done = _score(achievement, "achievement")
    behaviour = _score(competency, "competency")
    return (done * shares.achievement + behaviour * shares.competency) / _HUNDRED


def competency_score(gaps: Iterable[int]) -> Decimal:
    """Return the competency score, 0–100, on the DPIS scale.

    Each competency scores 3 points when the level shown reaches the expected level (gap 0 or
    less), 2 when one level short, 1 when two short, 0 when three or more short; the score is
    the points as a percentage of 3 per competency, unrounded.

    Args:
        gaps: per competency, expected level minus the level shown (integers).

    Raises:
        ValueMissing: no competency.
        InvalidValue: a gap is not an integer.
    """
    points = 0
    count = 0
    for gap in gaps:
        if gap.__class__ is not int:
            raise InvalidValue("gaps", value=repr(gap))
        points += min(_COMPETENCY_MAX, max(0, _COMPETENCY_MAX - gap))
        count += 1
    if not count:
        raise ValueMissing("gaps")
    return Decimal(points) * _HUNDRED / (_COMPETENCY_MAX * count)


@dataclass(frozen=True, slots=True)
class RatingBand:
    """A rating given to totals from ``minimum`` up to the next band's minimum.

    Attributes:
        code: stable identifier (``"outstanding"``).
        label: the rating as users say it (``ดีเด่น``).
        minimum: the lowest total with this rating.
    """

    code: str
    label: str
    minimum: Decimal

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "minimum", to_decimal(self.minimum))
        except ValueError:
            raise InvalidRatingBands("rating bands", lowest=repr(self.minimum)) from None


#: ดีเด่น ≥ 90, ดีมาก ≥ 80, ดี ≥ 70, พอใช้ ≥ 60, ต้องปรับปรุง below 60.
DEFAULT_RATINGS: tuple[RatingBand, ...] = (
    RatingBand("outstanding", "ดีเด่น", Decimal(90)),
    RatingBand("very_good", "ดีมาก", Decimal(80)),
    RatingBand("good", "ดี", Decimal(70)),
    RatingBand("fair", "พอใช้", Decimal(60)),
    RatingBand("needs_improvement", "ต้องปรับปรุง", Decimal(0)),
)


def rating(total: object, bands: Sequence[RatingBand] = DEFAULT_RATINGS) -> RatingBand:
    """Return the band with the highest minimum that *total* reaches.

    The total is rated as it is printed (two places, half-up): the scorecard that says
    90.00 must not say ดีมาก beside it, so 89.995 rates ดีเด่น and 89.994 ดีมาก.

    Args:
        total: the total score, 0–100.
        bands: the rating bands, in any order; the minimums must be distinct and the lowest
            0 or less, so that every total has a rating.

    Raises:
        InvalidScore: *total* is not a number from 0 to 100.
        InvalidRatingBands: the bands leave some totals without a rating.
    """
    number = _score(total, "total")
    ordered = sorted(bands, key=lambda band: band.minimum, reverse=True)
    minimums = [band.minimum for band in ordered]
    if not ordered or minimums[-1] > 0 or len(set(minimums)) != len(minimums):
        lowest = minimums[-1] if ordered else None
        raise InvalidRatingBands("rating bands", lowest=str(lowest))
    shown = display(number)
    for band in ordered:
        if shown >= band.minimum:
            return band
    raise AssertionError("unreachable: the lowest band's minimum is 0 or less")


def display(number: Decimal) -> Decimal:
    """Return *number* rounded to two places, half-up: for display and export only."""
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
