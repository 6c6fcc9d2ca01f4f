"""Small display helpers shared by the round and indicator pages (no business rules here)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from kpi.org.models import Person
from kpi.rounds.contract import to_number
from kpi.rounds.models import CriterionLevel, IndicatorVersion, Round

# Short labels for the status badge; the model's labels say what each status allows.
ROUND_STATUS_SHORT = {
    Round.Status.DRAFT: _("ร่าง"),
    Round.Status.OPEN: _("เปิด"),
    Round.Status.CLOSED: _("ปิดรับรายงานผล"),
    Round.Status.APPROVED: _("อนุมัติผลแล้ว"),
    Round.Status.ARCHIVED: _("เก็บถาวร"),
}

METHOD_SHORT = {
    IndicatorVersion.Method.MILESTONE: _("ขั้นตอน"),
    IndicatorVersion.Method.THRESHOLD: _("ช่วงค่า"),
}


def status_short(round: Round) -> str:
    return str(ROUND_STATUS_SHORT.get(round.status, round.get_status_display()))


def number_text(value: Decimal | None) -> str:
    """``10.00`` → ``10``, ``20.50`` → ``20.5``; None → ``""``."""
    number = to_number(value)
    return "" if number is None else str(number)


def bounds_text(level: CriterionLevel) -> str:
    """The printed bounds of a band as symbols: ``≥ 51, ≤ 70``, ``> 90``, ``≤ 3``."""
    parts = []
    if level.min is not None:
        parts.append(f"{'>' if level.min_exclusive else '≥'} {number_text(level.min)}")
    if level.max is not None:
        parts.append(f"{'<' if level.max_exclusive else '≤'} {number_text(level.max)}")
    return ", ".join(parts)


def unit_name(version: IndicatorVersion) -> str:
    """The responsible unit's name, or the abbreviation as printed when it is not linked."""
    if version.responsible_unit is not None:
        return version.responsible_unit.name
    return version.responsible_unit_text


def contact_names(version: IndicatorVersion) -> list[str]:
    """Linked contact persons by full name, then any printed name none of them answers to.

    Reads ``contact_persons.all()``: prefetch it.
    """
    persons: list[Person] = list(version.contact_persons.all())
    names = [person.full_name for person in persons]
    for printed in version.contact_names:
        if not any(printed in (p.first_name, p.last_name, p.full_name) for p in persons):
            names.append(printed)
    return names
