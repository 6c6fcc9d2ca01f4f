"""Criteria of an indicator version: numeric bands or milestone steps, per district size.

This module is the only place that interprets the criteria data of ``kpi-circular/1`` (the
importer stores them, the database keeps them, pages and the CLI score with them). The rules,
from DOMAIN.md:

- Threshold, higher is better: each level's rule is its band's lower bound; the level reached
  is the highest k whose lower bound the value reaches. A band without a lower bound is
  reached by every value; an exclusive bound (``มากกว่า 90``) only by values above it.
- Threshold, lower is better: the mirror with upper bounds (``ไม่เกิน 3`` at level 5).
- The other bound of each band is what was printed and is kept for display only, so bands
  printed as integers (1-20, 21-50) leave no value without a level.
- Milestone: each level is a step of work; see :mod:`kpi.scoring.levels`.
- A criteria entry with district size null applies to every size.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any, Literal, TypeAlias

from kpi.scoring.errors import (
    BandsOutOfOrder,
    BoundsReversed,
    DuplicateSize,
    InvalidBound,
    InvalidCriteria,
    LevelsIncomplete,
    SizeNotCovered,
    SizeRequired,
    UnknownDirection,
    UnknownMethod,
)

__all__ = [
    "LEVELS",
    "Band",
    "Criteria",
    "Direction",
    "Milestone",
    "Rule",
    "Threshold",
    "criteria_from_version",
    "to_decimal",
]

#: The levels every indicator defines.
LEVELS = (1, 2, 3, 4, 5)

Direction: TypeAlias = Literal["higher", "lower"]


def to_decimal(number: object) -> Decimal:
    """Return *number* as a finite ``Decimal``.

    Accepts ``Decimal``, ``int`` and numeric ``str`` (``"60.00"``). A ``float`` is converted
    through ``str()`` (``0.1`` → ``Decimal("0.1")``), never ``Decimal(float)``.

    Raises:
        ValueError: *number* is a ``bool``, another type, not numeric, NaN or infinite.
    """
    if isinstance(number, bool):
        raise ValueError(number)
    if isinstance(number, Decimal):
        result = number
    elif isinstance(number, int | str):
        try:
            result = Decimal(number.strip() if isinstance(number, str) else number)
        except InvalidOperation:
            raise ValueError(number) from None
    elif isinstance(number, float):
        result = Decimal(str(number))
    else:
        raise ValueError(number)
    if not result.is_finite():
        raise ValueError(number)
    return result


@dataclass(frozen=True, slots=True)
class Band:
    """One level of a threshold indicator: the numbers a value must lie between.

    Attributes:
        level: 1..5.
        min: lower bound, or None where open (``ต่ำกว่า 50``).
        max: upper bound, or None where open (``91 ขึ้นไป``).
        min_exclusive: the value must be above ``min`` (``มากกว่า``), not merely reach it.
        max_exclusive: the value must be below ``max`` (``น้อยกว่า``, ``ต่ำกว่า``).
        text: the level as printed.

    Bounds given as ``int`` or ``str`` are stored as ``Decimal``.

    Raises:
        InvalidBound: a bound is not a finite number.
        BoundsReversed: no value lies between ``min`` and ``max``.
    """

    level: int
    min: Decimal | None
    max: Decimal | None
    min_exclusive: bool = False
    max_exclusive: bool = False
    text: str = ""

    def __post_init__(self) -> None:
        where = f"level {self.level}"
        low, high = _bound(self.min, where), _bound(self.max, where)
        object.__setattr__(self, "min", low)
        object.__setattr__(self, "max", high)
        exclusive = self.min_exclusive or self.max_exclusive
        if low is not None and high is not None and (low > high or (low == high and exclusive)):
            raise BoundsReversed(f"level {self.level}", min=low, max=high)


def _threshold_key(band: Band, direction: Direction) -> tuple[int, Decimal, int]:
    """Sort key: a smaller key is an easier rule to satisfy."""
    if direction == "higher":
        if band.min is None:
            return (0, Decimal(0), 0)
        # ">= x" is easier than "> x"
        return (1, band.min, int(band.min_exclusive))
    if band.max is None:
        return (0, Decimal(0), 0)
    # "<= x" is easier than "< x"; a smaller maximum is harder
    return (1, -band.max, int(band.max_exclusive))


@dataclass(frozen=True, slots=True)
class Threshold:
    """Levels as numeric bands.

    Attributes:
        bands: one band per level 1..5, in any order.
        direction: ``"higher"`` (more is better: lower bounds rule) or ``"lower"`` (less is
            better: upper bounds rule).
        interpolate: give fractional levels between bands (OPDC style).

    Raises:
        UnknownDirection: *direction* is neither ``"higher"`` nor ``"lower"``.
        LevelsIncomplete: the bands are not levels 1..5 once each.
        BandsOutOfOrder: a level is no harder to reach than the one below (it would hide it).
    """

    bands: tuple[Band, ...]
    direction: Direction
    interpolate: bool = False
    #: bands by level, index 0 = level 1
    by_level: tuple[Band, ...] = field(init=False, repr=False, compare=False)
    #: ``(level, bound, exclusive)`` from level 5 down to level 1: the bound that rules each
    #: level (lower bound for "higher", upper for "lower"; None = every value reaches it)
    ruling_bounds: tuple[tuple[int, Decimal | None, bool], ...] = field(
        init=False, repr=False, compare=False
    )
    #: results computed once per rule by :mod:`kpi.scoring.levels`
    memo: dict[str, Any] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if self.direction not in ("higher", "lower"):
            raise UnknownDirection("direction", direction=repr(self.direction))
        by_level = _check_levels(self.bands, lambda band: band.level)
        for below, above in pairwise(by_level):
            if _threshold_key(above, self.direction) <= _threshold_key(below, self.direction):
                raise BandsOutOfOrder(f"level {above.level}", level=above.level, below=below.level)
        higher = self.direction == "higher"
        ruling_bounds = tuple(
            (b.level, b.min, b.min_exclusive) if higher else (b.level, b.max, b.max_exclusive)
            for b in reversed(by_level)
        )
        object.__setattr__(self, "by_level", by_level)
        object.__setattr__(self, "ruling_bounds", ruling_bounds)


@dataclass(frozen=True, slots=True)
class Milestone:
    """Levels as steps of work: step n is what level n asks for.

    Attributes:
        steps: the texts of steps 1..5.

    Raises:
        LevelsIncomplete: there are not exactly five steps.
    """

    steps: tuple[str, ...]
    #: results computed once per set of done steps by :mod:`kpi.scoring.levels`
    memo: dict[int, Any] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if len(self.steps) != len(LEVELS):
            raise LevelsIncomplete("levels", levels=list(range(1, len(self.steps) + 1)))


Rule: TypeAlias = Threshold | Milestone


@dataclass(frozen=True)
class Criteria:
    """The rules of one indicator version, by district size.

    Attributes:
        rules: district size (``"large"``, …) or None (every size) → its rule. Sizes are data,
            not a fixed list.
    """

    rules: Mapping[str | None, Rule]

    @property
    def sizes(self) -> tuple[str, ...]:
        """The district sizes with their own criteria, in order (empty if none)."""
        return tuple(size for size in self.rules if size is not None)

    @property
    def size_dependent(self) -> bool:
        """Whether a district must have a size to be scored."""
        return None not in self.rules

    def select(self, size: str | None) -> Rule:
        """Return the rule for a district of *size* (None: the district has no size).

        A size's own criteria come first; criteria with size null apply to every size.

        Raises:
            SizeRequired: *size* is None and the criteria differ by size.
            SizeNotCovered: *size* has no criteria and none apply to every size.
        """
        rule = self.rules.get(size)
        if rule is not None:
            return rule
        fallback = self.rules.get(None)
        if fallback is not None:
            return fallback
        sizes = ", ".join(self.sizes)
        if size is None:
            raise SizeRequired("district_size", sizes=sizes)
        raise SizeNotCovered("district_size", size=size, sizes=sizes)


def _check_levels(items: Iterable[Any], level_of: Any) -> tuple[Any, ...]:
    ordered = sorted(items, key=level_of)
    levels = [level_of(item) for item in ordered]
    if levels != list(LEVELS):
        raise LevelsIncomplete("levels", levels=levels)
    return tuple(ordered)


def _bound(raw: object, where: str) -> Decimal | None:
    if raw is None:
        return None
    try:
        return to_decimal(raw)
    except ValueError:
        raise InvalidBound(where, bound=repr(raw)) from None


def _level_number(raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, Decimal | str):
        try:
            number = to_decimal(raw)
        except ValueError:
            pass
        else:
            if number == number.to_integral_value():
                return int(number)
    raise LevelsIncomplete("levels", levels=repr(raw))


def _rule(entry: Mapping[str, Any], version: Mapping[str, Any]) -> Rule:
    raw_levels = entry.get("levels") or []
    levels = [dict(level, level=_level_number(level.get("level"))) for level in raw_levels]
    levels = list(_check_levels(levels, lambda level: level["level"]))
    method = version.get("method")
    if method == "milestone":
        return Milestone(tuple(str(level.get("text") or "") for level in levels))
    if method != "threshold":
        raise UnknownMethod("method", method=repr(method))
    bands = tuple(
        Band(
            level=level["level"],
            min=level.get("min"),
            max=level.get("max"),
            min_exclusive=bool(level.get("min_exclusive", False)),
            max_exclusive=bool(level.get("max_exclusive", False)),
            text=str(level.get("text") or ""),
        )
        for level in levels
    )
    return Threshold(bands, version.get("direction"), bool(version.get("interpolation", False)))  # type: ignore[arg-type]


def criteria_from_version(version: Mapping[str, Any]) -> Criteria:
    """Build the criteria of a ``kpi-circular/1`` indicator version (a dict as in the JSON).

    Reads ``method``, ``direction``, ``criteria[]`` (``district_size`` and ``levels[]`` with
    ``level``, ``text``, ``min``, ``max``, ``min_exclusive``, ``max_exclusive``) and the
    optional ``interpolation`` flag (absent = false). Bounds may be ``int``, ``str`` or
    ``Decimal`` (load JSON with ``parse_float=Decimal``); a ``float`` goes through ``str()``.
    Milestone levels keep only their text.

    Raises:
        InvalidCriteria: or one of its subclasses; ``where`` names the size and level
            (``"medium, level 3"``).
    """
    rules: dict[str | None, Rule] = {}
    entries = version.get("criteria") or []
    if not entries:
        raise LevelsIncomplete("criteria", levels=[])
    for entry in entries:
        size = entry.get("district_size")
        if size in rules:
            raise DuplicateSize("district_size", size=size)
        try:
            rules[size] = _rule(entry, version)
        except InvalidCriteria as error:
            if size is not None:
                error.where = f"{size}, {error.where}" if error.where else size
            raise
    return Criteria(rules)
