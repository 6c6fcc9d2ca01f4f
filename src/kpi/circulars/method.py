"""Milestone or threshold: how a version's levels are meant to be scored.

A version is a **threshold** when every level of every criterion states one numeric band,
all bands measure the same unit, and the bands move steadily in one direction from level 1
to level 5 (the levels are bands of one measure). Anything else is a **milestone**: the
levels are steps of work, and any number inside a step (``ไม่น้อยกว่า 3 ช่องทาง``,
``ร้อยละ 100``) is part of the step's wording, so every bound is ``None``.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from kpi.circulars.bounds import Band, level_band
from kpi.circulars.model import Criterion, Direction, DistrictSize, Level, Method

__all__ = ["PrintedCriterion", "Scoring", "classify"]


@dataclass(frozen=True)
class PrintedCriterion:
    """A criterion as printed: its district size and its ``(level, text)`` pairs."""

    district_size: DistrictSize | None
    levels: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Scoring:
    """What :func:`classify` decides for one version."""

    method: Method
    unit: str | None
    direction: Direction | None
    criteria: tuple[Criterion, ...]


def _monotonic(positions: Sequence[Decimal]) -> bool:
    rising = all(a <= b for a, b in pairwise(positions))
    falling = all(a >= b for a, b in pairwise(positions))
    return (rising or falling) and positions[0] != positions[-1]


def _threshold_bands(criteria: Sequence[PrintedCriterion]) -> list[list[Band]] | None:
    """Each criterion's bands when the version reads as a threshold, else ``None``."""
    if not criteria or any(not c.levels for c in criteria):
        return None
    result: list[list[Band]] = []
    units: set[str] = set()
    for criterion in criteria:
        bands: list[Band] = []
        for _, text in criterion.levels:
            band = level_band(text)
            if band is None:
                return None
            bands.append(band)
            if band.unit is not None:
                units.add(band.unit)
        if len(bands) < 2 or not _monotonic([band.position for band in bands]):
            return None
        result.append(bands)
    return result if len(units) <= 1 else None


def _direction(levels: Sequence[Level]) -> Direction:
    by_number = {level.level: level for level in levels}
    first, last = by_number[min(by_number)], by_number[max(by_number)]
    return "higher" if _position(last) > _position(first) else "lower"


def _position(level: Level) -> Decimal:
    return Band(level.min, level.max).position


def classify(criteria: Sequence[PrintedCriterion]) -> Scoring:
    """Decide method, unit and direction and build the criteria with their bounds.

    ``direction`` compares level 5's band with level 1's (of the first criterion):
    ``"higher"`` when level 5 asks for more.
    """
    bands = _threshold_bands(criteria)
    if bands is None:
        return Scoring(
            method="milestone",
            unit=None,
            direction=None,
            criteria=tuple(
                Criterion(c.district_size, tuple(Level(n, text) for n, text in c.levels))
                for c in criteria
            ),
        )
    built: list[Criterion] = []
    for criterion, criterion_bands in zip(criteria, bands, strict=True):
        levels = tuple(
            Level(
                level=number,
                text=text,
                min=band.min,
                max=band.max,
                min_exclusive=band.min_exclusive,
                max_exclusive=band.max_exclusive,
            )
            for (number, text), band in zip(criterion.levels, criterion_bands, strict=True)
        )
        built.append(Criterion(criterion.district_size, levels))
    unit = next((band.unit for row in bands for band in row if band.unit is not None), None)
    return Scoring(
        method="threshold",
        unit=unit,
        direction=_direction(built[0].levels),
        criteria=tuple(built),
    )
