"""What the reports print alike: the round's phrase, people, dates, indicators, levels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from kpi.circulars.model import Round as RoundData
from kpi.documents.writing.wording import KIND_TITLES, Numerals, format_number
from kpi.org.models import Person
from kpi.results.levels import measured_value
from kpi.results.models import Result
from kpi.rounds.models import Indicator, Round
from kpi.scoring import ScoringError, display

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


def measured(result: Result) -> Decimal | None:
    """What was measured: the stored value, or the percentage of the stored parts.

    The rule is the results' (``kpi.results.levels.measured_value``: the parts win, the
    engine's ``percentage``), so a report shows the very number the level was decided on.
    Parts the engine refuses (one missing, planned 0) leave the stored value, as the
    result's page does. Unrounded: round only as printed.
    """
    try:
        value = measured_value(result.value, result.done, result.planned)
    except ScoringError:
        value = result.value
    return value if isinstance(value, Decimal) else None


def measure_text(value: Decimal | None, unit: str | None, numerals: Numerals) -> str:
    """A measured value as printed: ``ร้อยละ ๙๘.๖๘``, ``๓ ครั้ง``, ``๑๒.๕``; ``—`` for none."""
    if value is None:
        return NONE
    number = format_number(display(value))
    if unit == "percent":
        return numerals(f"ร้อยละ {number}")
    return numerals(f"{number} {unit}" if unit else number)


def steps_text(steps: Iterable[int], numerals: Numerals) -> str:
    """The milestone steps done: ``ขั้นที่ ๑-๓``, ``ขั้นที่ ๑-๒,๔`` (a gap shows why a level
    stops short); ``—`` when none is done. No space after the comma: in a narrow column the
    line then breaks after ``ขั้นที่``, never inside the list."""
    runs: list[list[int]] = []
    for step in sorted(set(steps)):
        if runs and step == runs[-1][-1] + 1:
            runs[-1].append(step)
        else:
            runs.append([step])
    if not runs:
        return NONE
    parts = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    return numerals(f"ขั้นที่ {','.join(parts)}")
