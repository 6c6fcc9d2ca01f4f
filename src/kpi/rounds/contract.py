"""Between stored versions and ``kpi-circular/1`` version dicts.

Only the shape is translated here; what bands and milestones mean is ``kpi.scoring``'s.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kpi.rounds.models import IndicatorVersion

Number = int | Decimal


def to_decimal(value: object) -> Decimal | None:
    """A contract number as ``Decimal``, built from its text (never from a float's binary)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError(f"not a number: {value!r}")
    return value if isinstance(value, Decimal) else Decimal(str(value))


def to_number(value: Decimal | None) -> Number | None:
    """A stored Decimal as the contract writes it: ``20.0000`` → ``20``, ``20.50`` → ``20.5``."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def version_to_contract(version: IndicatorVersion) -> dict[str, Any]:
    """The contract's version dict of *version*, plus ``interpolation``."""
    criteria = []
    for criterion in version.criteria.all():
        levels = []
        for row in criterion.levels.all():
            level: dict[str, Any] = {
                "level": row.level,
                "text": row.text,
                "min": to_number(row.min),
                "max": to_number(row.max),
            }
            # kpi-circular/1: the exclusive keys appear only when true.
            if row.min_exclusive:
                level["min_exclusive"] = True
            if row.max_exclusive:
                level["max_exclusive"] = True
            levels.append(level)
        criteria.append({"district_size": criterion.district_size, "levels": levels})
    return {
        "status": version.status,
        "weight": to_number(version.weight),
        "responsible_unit": version.responsible_unit_text or None,
        "responsible_persons": list(version.contact_names),
        "method": version.method,
        "unit": version.measure_unit,
        "direction": version.direction,
        "criteria": criteria,
        "interpolation": version.interpolation,
    }


def _numbers_as_decimal(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _numbers_as_decimal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers_as_decimal(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):
        return to_decimal(value)
    return value


def content_of(version: dict[str, Any]) -> dict[str, Any]:
    """What makes two version dicts the same indicator: all but status and interpolation, and
    numbers compared by value (``10``, ``10.0`` and ``Decimal("10.00")`` are equal)."""
    kept = {k: v for k, v in version.items() if k not in {"status", "interpolation"}}
    kept.setdefault("responsible_persons", [])
    kept["criteria"] = [
        {
            "district_size": criterion.get("district_size"),
            "levels": [
                {
                    "min_exclusive": bool(level.get("min_exclusive")),
                    "max_exclusive": bool(level.get("max_exclusive")),
                    **{
                        k: v
                        for k, v in level.items()
                        if k not in {"min_exclusive", "max_exclusive"}
                    },
                }
                for level in criterion.get("levels", [])
            ],
        }
        for criterion in version.get("criteria", [])
    ]
    return _numbers_as_decimal(kept)


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return content_of(a) == content_of(b)
