"""Numbers and criteria bounds as people read them on screen.

Display only: which band a value falls in is decided by ``kpi.scoring``; these filters print
the bounds the way the circular states them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.translation import gettext as _

from kpi.scoring import display

register = template.Library()


def as_decimal(number: object) -> Decimal | None:
    if number is None or number == "" or isinstance(number, bool):
        return None
    try:
        return number if isinstance(number, Decimal) else Decimal(str(number))
    except InvalidOperation:
        return None


def plain(number: object) -> str:
    """``80`` for 80.0000, ``70.9`` for 70.90, never an exponent (``1E+2``)."""
    value = as_decimal(number)
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


@register.filter
def num(number: object) -> str:
    """A stored or typed number without trailing zeros."""
    return plain(number)


@register.filter
def num2(number: object) -> str:
    """A computed number (a percentage from its parts) to two places, half-up; ``≈`` marks
    that it was rounded, since the level is decided on the exact value."""
    value = as_decimal(number)
    if value is None:
        return ""
    shown = display(value)
    if shown == value:
        return plain(value)
    return f"≈ {shown}"


def _get(level: Any, name: str) -> Any:
    if isinstance(level, Mapping):
        return level.get(name)
    return getattr(level, name, None)


def with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    if unit == "percent":
        return _("ร้อยละ %(number)s") % {"number": number}
    return f"{number} {unit}"


@register.filter
def bounds(level: Any, unit: str | None = None) -> str:
    """A band's bounds as words: ``ร้อยละ 71 – 80``, ``มากกว่า 90``, ``ไม่เกิน 3 วัน``.

    *level* is a ``kpi.scoring.Band``, a ``CriterionLevel`` or a contract level dict.
    Empty for a milestone step (no bounds).
    """
    low, high = as_decimal(_get(level, "min")), as_decimal(_get(level, "max"))
    low_open, high_open = bool(_get(level, "min_exclusive")), bool(_get(level, "max_exclusive"))
    if low is None and high is None:
        return ""
    if low is not None and high is not None and not (low_open or high_open):
        if low == high:
            return with_unit(plain(low), unit)
        return with_unit(f"{plain(low)} – {plain(high)}", unit)
    if high is None:
        template = _("มากกว่า %(number)s") if low_open else _("%(number)s ขึ้นไป")
        return template % {"number": with_unit(plain(low), unit)}
    if low is None:
        template = _("น้อยกว่า %(number)s") if high_open else _("ไม่เกิน %(number)s")
        return template % {"number": with_unit(plain(high), unit)}
    lower = _("มากกว่า %(number)s") if low_open else _("ตั้งแต่ %(number)s")
    upper = _("น้อยกว่า %(number)s") if high_open else _("ไม่เกิน %(number)s")
    return _("%(lower)s แต่%(upper)s") % {
        "lower": lower % {"number": with_unit(plain(low), unit)},
        "upper": upper % {"number": with_unit(plain(high), unit)},
    }


@register.filter
def needs(upcoming: Any, unit: str | None = None) -> str:
    """What a threshold's next level asks for: ``อย่างน้อย ร้อยละ 81``, ``มากกว่า 90``,
    ``ไม่เกิน 3 วัน``; from the engine's ``NextLevel`` (its bound and exclusivity)."""
    value = _get(upcoming, "value")
    if value is None:
        return ""
    number = with_unit(plain(value), unit)
    exclusive = bool(_get(upcoming, "exclusive"))
    if _get(upcoming, "direction") == "lower":
        template = _("น้อยกว่า %(number)s") if exclusive else _("ไม่เกิน %(number)s")
    else:
        template = _("มากกว่า %(number)s") if exclusive else _("อย่างน้อย %(number)s")
    return template % {"number": number}


@register.filter
def unit_word(unit: str | None) -> str:
    """The unit shown beside a value field: ``ร้อยละ`` for percent, else the counting word."""
    if unit == "percent":
        return _("ร้อยละ")
    return unit or ""
