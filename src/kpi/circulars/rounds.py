"""The appraisal round and the agreement's parties, from the table titles and the letter.

The title block above each table reads, e.g.::

    การกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการรอบการประเมินที่ 2
    ประจำปีงบประมาณ พ.ศ.2567 (1 เมษายน - 30 กันยายน 2567)
    พัฒนาการจังหวัดอุบลราชธานี กับ พัฒนาการอำเภอ

The printed range gives start and end; without it they follow from the fiscal year and
round number (ว 20/2552: round 1 = 1 October – 31 March, round 2 = 1 April – 30 September).
"""

import re
from collections.abc import Iterable
from datetime import date

from kpi.circulars.model import Agreement, Round
from kpi.thai import THAI_MONTHS, THAI_MONTHS_ABBR, ce_year, round_dates, round_of

__all__ = ["read_agreement", "read_round"]

_ROUND_NUMBER = re.compile(r"รอบ(?:การประเมิน)?(?:ที่)?\s*(\d)(?!\d)")
_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*(\d{4})(?!\d)")


def _month_pattern() -> str:
    names = [re.escape(name) for name in THAI_MONTHS]
    names += [
        r"\.\s*".join(map(re.escape, a.rstrip(".").split("."))) + r"\.?" for a in THAI_MONTHS_ABBR
    ]
    return "|".join(sorted(names, key=len, reverse=True))


_MONTH_NUMBERS = {name: number for number, name in enumerate(THAI_MONTHS, start=1)}
_MONTH_NUMBERS |= {
    re.sub(r"[.\s]", "", abbr): number for number, abbr in enumerate(THAI_MONTHS_ABBR, start=1)
}
_MONTH = _month_pattern()
# ``1 เมษายน - 30 กันยายน 2567``, ``1 ตุลาคม 2566 – 31 มีนาคม 2567``, ``… ถึง …``.
_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})\s*(?P<m1>{_MONTH})\s*(?:(?:พ\.\s*ศ\.\s*)?(?P<y1>\d{{4}}))?\s*"
    rf"(?:-|–|—|ถึง)\s*(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*(?:พ\.\s*ศ\.\s*)?(?P<y2>\d{{4}})"
)


def _month(text: str) -> int:
    return _MONTH_NUMBERS[re.sub(r"[.\s]", "", text)]


def _printed_range(text: str) -> tuple[date, date] | None:
    for match in _RANGE.finditer(text):
        end_year = ce_year(int(match["y2"]))
        start_month, end_month = _month(match["m1"]), _month(match["m2"])
        if match["y1"]:
            start_year = ce_year(int(match["y1"]))
        else:  # ``1 ตุลาคม - 31 มีนาคม 2568``: the start is in the year before
            start_year = end_year - 1 if start_month > end_month else end_year
        try:
            start = date(start_year, start_month, int(match["d1"]))
            end = date(end_year, end_month, int(match["d2"]))
        except ValueError:
            continue
        if start < end:
            return start, end
    return None


def read_round(texts: Iterable[str]) -> Round:
    """The round named first in *texts* (table titles first, then the letter).

    Each field is taken from the first text that states it; start and end are derived from
    fiscal year and number when no range is printed, and fiscal year and number from the
    range when only the range is.
    """
    number: int | None = None
    fiscal_year: int | None = None
    printed: tuple[date, date] | None = None
    start: date | None
    end: date | None
    for text in texts:
        if number is None and (match := _ROUND_NUMBER.search(text)) and match[1] in "12":
            number = int(match[1])
        if fiscal_year is None and (match := _FISCAL_YEAR.search(text)):
            fiscal_year = int(match[1])
        if printed is None:
            printed = _printed_range(text)
    if printed is not None:
        derived_year, derived_number = round_of(printed[0])
        fiscal_year = fiscal_year if fiscal_year is not None else derived_year
        number = number if number is not None else derived_number
        start, end = printed
    elif fiscal_year is not None and number is not None:
        start, end = round_dates(fiscal_year, number)
    else:
        start = end = None
    return Round(fiscal_year=fiscal_year, number=number, start=start, end=end)


_PARTIES = re.compile(r"^(?:.*ระหว่าง\s*)?(?P<evaluator>\S.*?)\s+กับ\s+(?P<evaluatee>\S.*?)$")


def read_agreement(texts: Iterable[str]) -> Agreement:
    """The first ``X กับ Y`` line among the title lines *texts*."""
    for text in texts:
        match = _PARTIES.match(text)
        if match and "ตัวชี้วัด" not in match["evaluator"]:
            return Agreement(evaluator=match["evaluator"], evaluatee=match["evaluatee"])
    return Agreement()
