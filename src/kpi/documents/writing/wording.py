"""How the notice spells numbers, dates, rounds and parties.

Thai digits are customary in official letters (ระเบียบงานสารบรรณ), so every printed string
passes through :class:`Numerals`; the contract keeps Arabic digits, and ``--arabic-digits``
prints them as they are. Dates are day, Thai month name and BE year (``๔ มิถุนายน ๒๕๖๗``).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kpi.circulars.model import Round
from kpi.thai import THAI_MONTHS, be_year, to_thai

__all__ = [
    "KIND_TITLES",
    "SIZE_TITLES",
    "STATUS_TITLES",
    "Numerals",
    "format_number",
]

#: The header of each kind's table and its name in the body (``ตัวชี้วัดรายทีม``).
KIND_TITLES = {"team": "ตัวชี้วัดรายทีม", "individual": "ตัวชี้วัดรายบุคคล"}
#: The sub-heading of each district size's levels.
SIZE_TITLES = {"large": "อำเภอขนาดใหญ่", "medium": "อำเภอขนาดกลาง", "small": "อำเภอขนาดเล็ก"}
#: The line above a version in a revision notice; ``current`` prints none.
STATUS_TITLES = {"original": "เดิม", "revised": "แก้ไข", "current": ""}


def format_number(value: Decimal) -> str:
    """``Decimal("10")`` → ``"10"``, ``Decimal("12.50")`` → ``"12.5"`` (never an exponent)."""
    text = format(value.normalize(), "f")
    return text


@dataclass(frozen=True)
class Numerals:
    """Prints every string of the notice in Thai digits (the default) or Arabic ones.

    Attributes:
        thai: ``True`` for ``๐``-``๙``, ``False`` to leave ``0``-``9``.
    """

    thai: bool = True

    def __call__(self, text: str) -> str:
        """*text* with its digits in the notice's numerals."""
        return to_thai(text) if self.thai else text

    def number(self, value: Decimal | int) -> str:
        """A weight or count: ``12.5`` → ``๑๒.๕``."""
        text = format_number(value) if isinstance(value, Decimal) else str(value)
        return self(text)

    def date(self, value: dt.date) -> str:
        """``date(2024, 6, 4)`` → ``๔ มิถุนายน ๒๕๖๗``."""
        return self(f"{value.day} {THAI_MONTHS[value.month - 1]} {be_year(value.year)}")

    def date_range(self, start: dt.date, end: dt.date) -> str:
        """``๑ เมษายน - ๓๐ กันยายน ๒๕๖๗``; the start's year is printed only when it differs."""
        first = f"{start.day} {THAI_MONTHS[start.month - 1]}"
        if start.year != end.year:
            first += f" {be_year(start.year)}"
        return self(f"{first} - {self.date(end)}")

    def round_period(self, round_: Round) -> str:
        """``ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ เมษายน - ๓๐ กันยายน ๒๕๖๗)``, from what is known."""
        parts = []
        if round_.fiscal_year is not None:
            parts.append(self(f"ประจำปีงบประมาณ พ.ศ. {round_.fiscal_year}"))
        if round_.start is not None and round_.end is not None:
            parts.append(f"({self.date_range(round_.start, round_.end)})")
        return " ".join(parts)

    def round_phrase(self, round_: Round) -> str:
        """The round as the body names it: ``รอบที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๗ (…)``."""
        parts = []
        if round_.number is not None:
            parts.append(self(f"รอบที่ {round_.number}"))
        period = self.round_period(round_)
        if period:
            parts.append(period.removeprefix("ประจำ"))
        return " ".join(parts)
