"""Thai dates for templates: ``{% load thai %}{{ round.start|thai_date }}`` → ``1 เม.ย. 2567``.

Django's own ``date`` filter prints Gregorian years even in Thai; these go through
``kpi.thai.dates`` so every screen shows Buddhist Era years the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from kpi.thai.dates import format_document_date, format_screen_date

register = template.Library()


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        # An aware datetime is shown on the Bangkok calendar day, not UTC's.
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    return None


@register.filter
def thai_date(value: object) -> str:
    """``date`` or ``datetime`` → ``4 มิ.ย. 2567``; anything else (None, "") → ``""``."""
    day = _as_date(value)
    return format_screen_date(day) if day else ""


@register.filter
def thai_long_date(value: object) -> str:
    """``date`` → ``4 มิถุนายน 2567`` (full month, Arabic digits), as letters are cited."""
    day = _as_date(value)
    return format_document_date(day, thai_digits=False) if day else ""


@register.simple_tag
def thai_date_range(start: object, end: object) -> str:
    """``{% thai_date_range round.start round.end %}`` → ``1 เม.ย. 2567 – 30 ก.ย. 2567``."""
    return f"{thai_date(start)} – {thai_date(end)}"
