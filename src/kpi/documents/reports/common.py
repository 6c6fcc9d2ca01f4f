"""What the reports print alike: the round's phrase, people, dates, indicators, levels."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kpi.circulars.model import Round as RoundData
from kpi.documents.writing.wording import KIND_TITLES, Numerals, format_number
from kpi.org.models import Person
from kpi.rounds.models import Indicator, Round
from kpi.scoring import display

#: printed where there is no number (not scored, not entered)
NONE = "—"


def round_phrase(round: Round, numerals: Numerals) -> str:
    """``รอบที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ เมษายน - ๓๐ กันยายน ๒๕๖๗)``."""
    data = RoundData(round.fiscal_year, round.number, round.start, round.end)
    return numerals.round_phrase(data)


def round_heading(round: Round, numerals: Numerals) -> str:
    """``รอบที่ ๒ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗``: short enough for a title line."""
    return numerals(f"รอบที่ {round.number} ประจำปีงบประมาณ พ.ศ. {round.fiscal_year}")


def round_dates(round: Round, numerals: Numerals) -> str:
    """``๑ เมษายน - ๓๐ กันยายน ๒๕๖๗``."""
    return numerals.date_range(round.start, round.end)


def indicator_text(indicator: Indicator, numerals: Numerals) -> str:
    """``ตัวชี้วัดที่ ๕ …`` (the kind is the section's heading)."""
    return f"{numerals(f'ตัวชี้วัดที่ {indicator.number}')} {numerals(indicator.name)}"


def kind_title(kind: str) -> str:
    return KIND_TITLES[kind]


def position_of(person: Person | None, fallback: str, numerals: Numerals) -> str:
    return numerals(person.position if person is not None and person.position else fallback)


def name_of(person: Person | None, numerals: Numerals) -> str:
    """The full name, in the document's numerals like every printed string; empty for none."""
    return numerals(person.full_name) if person is not None else ""


def acknowledged_on(moment: dt.datetime | None) -> dt.date | None:
    """The local (Asia/Bangkok) date of an acknowledgement."""
    return timezone.localtime(moment).date() if moment is not None else None


def level_text(level: Decimal | None, numerals: Numerals) -> str:
    """A level as printed: ``๔``, ``๓.๕๗``; rounded for print only."""
    return NONE if level is None else numerals(format_number(display(level)))


def score_text(score: Decimal | None, numerals: Numerals) -> str:
    """A score as printed, two decimals: ``๓๒.๐๐``."""
    return NONE if score is None else numerals(str(display(score)))
