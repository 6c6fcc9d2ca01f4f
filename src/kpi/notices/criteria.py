"""A revised version from what the administrator typed, checked twice before it is drafted.

1. The scoring engine must be able to use it (``kpi.scoring.criteria_from_version``): levels
   1 to 5, bands in order, bounds not reversed.
2. The notice prints only each level's text; the districts (and ``kpi parse``) read method,
   unit, direction and bands from it. So what was typed must be what the text says, read by
   the parser's own reader (``kpi.circulars.method.classify``). Bounds, unit and direction
   left blank are taken from the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kpi.circulars.bounds import level_band
from kpi.circulars.method import PrintedCriterion, classify
from kpi.circulars.normalise import clean
from kpi.notices.content import normalise_version
from kpi.notices.errors import (
    CriteriaInvalid,
    LevelTextMissing,
    NoBandInText,
    PrintedTextDiffers,
    WeightInvalid,
    level_where,
)
from kpi.scoring import InvalidCriteria, criteria_from_version

LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class LevelInput:
    """One level as typed: its text and, for a threshold, its band (``None``: from the text)."""

    level: int
    text: str
    min: Decimal | None = None
    max: Decimal | None = None
    min_exclusive: bool = False
    max_exclusive: bool = False

    @property
    def has_bounds(self) -> bool:
        return self.min is not None or self.max is not None


def bounds_words(level: dict[str, Any]) -> str:
    """A band as symbols, the way the pages show it: ``≥ 51, ≤ 70``; ``-`` for none."""
    parts = []
    if level.get("min") is not None:
        parts.append(f"{'>' if level.get('min_exclusive') else '≥'} {level['min']}")
    if level.get("max") is not None:
        parts.append(f"{'<' if level.get('max_exclusive') else '≤'} {level['max']}")
    return ", ".join(parts) or "-"


def _number(value: Decimal | None) -> int | Decimal | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def _levels(size: str | None, levels: Sequence[LevelInput], method: str) -> list[dict[str, Any]]:
    built = []
    for item in sorted(levels, key=lambda item: item.level):
        text = clean(item.text or "")
        where = level_where(size, item.level)
        if not text:
            raise LevelTextMissing(where, level=item.level)
        level: dict[str, Any] = {"level": item.level, "text": text, "min": None, "max": None}
        if method == "threshold":
            if item.has_bounds:
                low, high = item.min, item.max
                low_exclusive, high_exclusive = item.min_exclusive, item.max_exclusive
            else:
                band = level_band(text)
                if band is None:
                    raise NoBandInText(where, level=item.level)
                low, high = band.min, band.max
                low_exclusive, high_exclusive = band.min_exclusive, band.max_exclusive
            level.update(min=_number(low), max=_number(high))
            if low is not None and low_exclusive:
                level["min_exclusive"] = True
            if high is not None and high_exclusive:
                level["max_exclusive"] = True
        built.append(level)
    return built


def _check_printed(
    version: dict[str, Any], measure_unit: str | None, direction: str | None
) -> None:
    """Refuse values the printed texts do not state; fill unit and direction from them."""
    printed = classify(
        [
            PrintedCriterion(
                criterion["district_size"],
                tuple((level["level"], level["text"]) for level in criterion["levels"]),
            )
            for criterion in version["criteria"]
        ]
    )
    method = version["method"]
    if printed.method != method:
        raise PrintedTextDiffers("method", read=printed.method, given=method)
    if method != "threshold":
        return
    for criterion, read in zip(version["criteria"], printed.criteria, strict=True):
        for level, read_level in zip(criterion["levels"], read.levels, strict=True):
            read_dict = read_level.to_dict()
            if bounds_words(level) != bounds_words(read_dict):
                raise PrintedTextDiffers(
                    level_where(criterion["district_size"], level["level"]),
                    read=bounds_words(read_dict),
                    given=bounds_words(level),
                )
    if measure_unit and printed.unit and clean(measure_unit) != printed.unit:
        raise PrintedTextDiffers("unit", read=printed.unit, given=measure_unit)
    if direction and direction != printed.direction:
        raise PrintedTextDiffers("direction", read=printed.direction, given=direction)
    version["unit"] = printed.unit or _text_or_none(measure_unit)
    version["direction"] = printed.direction


def _text_or_none(value: str | None) -> str | None:
    return clean(value) or None if value else None


def build_version(
    *,
    status: str,
    weight: Decimal,
    unit_text: str | None,
    contacts: Sequence[str],
    method: str,
    measure_unit: str | None,
    direction: str | None,
    interpolation: bool,
    criteria: dict[str | None, Sequence[LevelInput]],
) -> dict[str, Any]:
    """The version dict of what was typed, in the contract's shape plus ``interpolation``.

    Args:
        criteria: district size (``None``: every size) → its five levels.

    Raises:
        WeightInvalid, LevelTextMissing, NoBandInText, CriteriaInvalid (the scoring engine's
        refusal as ``cause``), PrintedTextDiffers. ``where`` names the field or the level
        (``"large, level 3"``).
    """
    if weight is None or not weight > 0:
        raise WeightInvalid("weight", weight=weight)
    version: dict[str, Any] = {
        "status": status,
        "weight": _number(weight),
        "responsible_unit": _text_or_none(unit_text),
        "responsible_persons": [name for name in (clean(c) for c in contacts) if name],
        "method": method,
        "unit": _text_or_none(measure_unit) if method == "threshold" else None,
        "direction": direction if method == "threshold" else None,
        "criteria": [
            {"district_size": size, "levels": _levels(size, levels, method)}
            for size, levels in criteria.items()
        ],
        "interpolation": bool(interpolation) and method == "threshold",
    }
    try:
        criteria_from_version(
            {**version, "direction": version["direction"] or _guess_direction(version)}
        )
    except InvalidCriteria as error:
        raise CriteriaInvalid(error) from error
    if method == "threshold":
        _check_printed(version, measure_unit, direction)
    else:
        _check_printed(version, None, None)
    return normalise_version(version)


def _guess_direction(version: dict[str, Any]) -> str:
    """Bands as typed, before the text has been read: more is better unless level 5's band
    lies below level 1's (the engine needs a direction to check the order of bands)."""
    first = version["criteria"][0]["levels"] if version["criteria"] else []
    if len(first) < 2:
        return "higher"

    def position(level: dict[str, Any]) -> Decimal:
        bounds = [Decimal(str(b)) for b in (level["min"], level["max"]) if b is not None]
        return sum(bounds, Decimal(0)) / len(bounds) if bounds else Decimal(0)

    return "lower" if position(first[-1]) < position(first[0]) else "higher"
