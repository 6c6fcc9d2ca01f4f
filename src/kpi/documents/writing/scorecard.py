"""A person's scorecard after approval (แบบสรุปผลการประเมิน), as PDF.

Each indicator's result as measured (value, or milestone steps done), weight, level and
weighted score (level × weight / 5), the achievement
(their sum), the competency score where entered, the total (70 % achievement + 30 %
competency by default) and the rating. The numbers are the scoring engine's, rounded only
for print (``kpi.scoring.display``); ``kpi.documents.reports.scorecards`` composes them, this
module lays them out. Many scorecards print as one PDF, each from a new page.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kpi.documents.writing.printing import html_to_pdf, render_template
from kpi.documents.writing.signature import Signature

__all__ = [
    "ScoreRow",
    "ScorecardSheet",
    "Scorecards",
    "SummaryRow",
    "scorecards_html",
    "scorecards_pdf",
]

TEMPLATE = "documents/print/scorecard.html"
# A line break ("\n") where a header is to wrap; pdftotext reads it as a space.
HEADER = (
    "ตัวชี้วัด",
    "น้ำหนัก\n(ร้อยละ)",
    "ผลการ\nดำเนินงาน",
    "ระดับ\nคะแนน",
    "คะแนน\nถ่วงน้ำหนัก",
)
# Each on one line: the summary's columns are wide enough.
SUMMARY_HEADER = ("องค์ประกอบการประเมิน", "คะแนน (เต็ม ๑๐๐)", "สัดส่วน (ร้อยละ)")


@dataclass(frozen=True)
class ScoreRow:
    """A row of the indicators' table.

    Attributes:
        role: ``section`` (a kind's heading), ``item`` or ``total`` (the achievement).
        text: the indicator (``ตัวชี้วัดที่ ๕ …``), the heading or the total's label.
        weight, level, weighted: printed numbers; ``—`` where there is none.
        measured: what was measured (``ร้อยละ ๙๕``, ``ขั้นที่ ๑-๔``); ``—`` for nothing.
    """

    role: Literal["section", "item", "total"]
    text: str
    weight: str = ""
    measured: str = ""
    level: str = ""
    weighted: str = ""


@dataclass(frozen=True)
class SummaryRow:
    """A part of the total: its score out of 100 and its share in percent."""

    label: str
    score: str
    share: str
    role: Literal["part", "total"] = "part"


@dataclass(frozen=True)
class ScorecardSheet:
    """One person's scorecard.

    Attributes:
        title: the centred title lines.
        facts: ``(label, value)`` pairs: the person, position, office, evaluator.
        rows: the indicators' table, the achievement last.
        summary: achievement, competency and total with their shares.
        rating: the rating's label (``ดีมาก``), or ``—`` while there is no total.
        notes: how the numbers are made, and what is missing.
        signatures: the evaluatee's block, then the evaluator's.
    """

    title: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    rows: tuple[ScoreRow, ...]
    summary: tuple[SummaryRow, ...]
    rating: str
    notes: tuple[str, ...]
    signatures: tuple[Signature, Signature]
    header: tuple[str, ...] = HEADER
    summary_header: tuple[str, ...] = SUMMARY_HEADER


@dataclass(frozen=True)
class Scorecards:
    """Scorecards printed together.

    Attributes:
        title: the document's title.
        sheets: one per person.
        thai_digits: whether the numerals are Thai (page numbers follow).
    """

    title: str
    sheets: Sequence[ScorecardSheet]
    thai_digits: bool = True


def scorecards_html(document: Scorecards, *, embed_fonts: bool = True) -> str:
    """The scorecards as one HTML page, the source of the PDF."""
    return render_template(TEMPLATE, {"document": document}, embed_fonts=embed_fonts)


def scorecards_pdf(document: Scorecards) -> bytes:
    """The scorecards as PDF bytes: A4, Sarabun embedded, text searchable as printed."""
    return html_to_pdf(scorecards_html(document))
