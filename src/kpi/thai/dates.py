"""Thai dates: Buddhist Era years, Thai month names, fiscal years and appraisal rounds.

Django's Thai locale prints Gregorian years with Arabic digits; official letters need
``๔ มิถุนายน ๒๕๖๗`` (day, Thai month, BE year). Month names and formatting come from PyThaiNLP;
parsing is ours because documents need what ``thai_strptime`` does not do: Thai digits,
``พ.ศ.`` before the year, irregular spacing, the position of each date in a text, and an error
that says what was wrong.
"""

import re
from datetime import date

from pythainlp.util import thai_strftime
from pythainlp.util.date import thai_abbr_months, thai_full_months

from kpi.thai.digits import to_arabic

__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "THAI_MONTHS_ABBR",
    "be_year",
    "ce_year",
    "find_thai_dates",
    "fiscal_year",
    "format_document_date",
    "format_screen_date",
    "parse_thai_date",
    "round_dates",
    "round_of",
]

#: BE = CE + 543.
BE_OFFSET = 543

#: ``มกราคม`` … ``ธันวาคม``; index 0 is January.
THAI_MONTHS: tuple[str, ...] = tuple(thai_full_months)
#: ``ม.ค.`` … ``ธ.ค.``; index 0 is January.
THAI_MONTHS_ABBR: tuple[str, ...] = tuple(thai_abbr_months)

# A four-digit year below this is taken for a Gregorian year written by mistake
# (BE 2400 is CE 1857), not silently read as a BE year 543 years in the past.
_MIN_BE_YEAR = 2400
# A two-digit year is the last two digits of a BE year in the 2500s (``67`` → 2567).
_TWO_DIGIT_CENTURY = 2500

_SPACE = r"[\s\u200b]*"  # includes NBSP (\s) and zero-width spaces left by PDF extraction
_DIGIT = "[0-9๐-๙]"


def _abbr_pattern(abbr: str) -> str:
    # ``มิ.ย.`` also matches ``มิ. ย.`` and ``มิ.ย`` (last dot dropped), as typed in letters.
    parts = [re.escape(p) for p in abbr.split(".") if p]
    return r"\.\s*".join(parts) + r"\.?"


_MONTH_PATTERNS: list[tuple[str, int]] = [(re.escape(n), i + 1) for i, n in enumerate(THAI_MONTHS)]
_MONTH_PATTERNS += [(_abbr_pattern(a), i + 1) for i, a in enumerate(THAI_MONTHS_ABBR)]
# Keyed by the name without spaces or dots: ``มิถุนายน`` and ``มิย`` → 6.
_MONTH_NUMBER: dict[str, int] = {
    name.replace(".", ""): number
    for names in (THAI_MONTHS, THAI_MONTHS_ABBR)
    for number, name in enumerate(names, start=1)
}

_DATE_RE = re.compile(
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}}){_SPACE}"
    rf"(?P<month>{'|'.join(p for p, _ in sorted(_MONTH_PATTERNS, key=lambda x: -len(x[0])))})"
    rf"{_SPACE}(?:พ\.{_SPACE}ศ\.{_SPACE})?"
    rf"(?P<year>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})"
)


def be_year(ce: int) -> int:
    """Return the Buddhist Era year of the Gregorian year *ce* (``2024`` → ``2567``)."""
    return ce + BE_OFFSET


def ce_year(be: int) -> int:
    """Return the Gregorian year of the Buddhist Era year *be* (``2567`` → ``2024``)."""
    return be - BE_OFFSET


def format_document_date(d: date, thai_digits: bool = True) -> str:
    """Return *d* as an official letter writes it: ``๔ มิถุนายน ๒๕๖๗``.

    Args:
        d: the date.
        thai_digits: Thai digits (the default, customary in letters) or Arabic
            (``4 มิถุนายน 2567``).
    """
    return thai_strftime(d, "%-d %B %Y", thai_digits)  # type: ignore[arg-type]


def format_screen_date(d: date) -> str:
    """Return *d* in the short form used on screens: ``4 มิ.ย. 2567`` (Arabic digits)."""
    return thai_strftime(d, "%-d %b %Y")  # type: ignore[arg-type]


def _month_number(matched: str) -> int:
    return _MONTH_NUMBER[re.sub(r"[\s\u200b.]+", "", matched)]


def _to_date(match: re.Match[str]) -> date:
    day = int(to_arabic(match["day"]))
    year_text = to_arabic(match["year"])
    year = int(year_text)
    if len(year_text) == 2:
        year += _TWO_DIGIT_CENTURY
    elif year < _MIN_BE_YEAR:
        raise ValueError(
            f"year {year} in {match[0]!r} is not a Buddhist Era year (a Thai date's year is BE,"
            f" e.g. 2567)"
        )
    month = _month_number(match["month"])
    try:
        return date(ce_year(year), month, day)
    except ValueError:
        raise ValueError(
            f"{match[0]!r} is not a real date: {THAI_MONTHS[month - 1]} {year} has no day {day}"
        ) from None


def parse_thai_date(text: str) -> date:
    """Parse a Thai date written as a whole string.

    Accepts Thai or Arabic digits, full or abbreviated month names (``มิถุนายน``, ``มิ.ย.``),
    ``พ.ศ.`` before the year, any spacing (or none) between the parts, and two-digit BE years
    (``67`` → 2567): ``๔ มิถุนายน ๒๕๖๗``, ``4 มิ.ย. 2567``, ``๔ มิ.ย.๖๗``, ``4 มิถุนายน พ.ศ. 2567``.

    Raises:
        ValueError: *text* is not such a date, its four-digit year is below 2400 (a Gregorian
            year, most likely), or the day does not exist in that month.
    """
    stripped = text.strip().strip("\u200b")
    match = _DATE_RE.fullmatch(stripped)
    if match is None:
        raise ValueError(
            f"{text!r} is not a Thai date (expected day, Thai month, BE year, e.g. "
            f"'4 มิถุนายน 2567' or '๔ มิ.ย. ๖๗')"
        )
    return _to_date(match)


def find_thai_dates(text: str) -> list[tuple[date, tuple[int, int]]]:
    """Return every Thai date in *text* with its ``(start, end)`` span, in order.

    Recognises what :func:`parse_thai_date` accepts. Matches that are not real dates
    (``31 มิ.ย. 2567``) or whose four-digit year is not BE are skipped, not raised.
    """
    found: list[tuple[date, tuple[int, int]]] = []
    for match in _DATE_RE.finditer(text):
        try:
            found.append((_to_date(match), match.span()))
        except ValueError:
            continue
    return found


def fiscal_year(d: date) -> int:
    """Return the fiscal year (BE) containing *d*.

    A Thai fiscal year runs 1 October – 30 September and is named by the BE year in which it
    ends: 2023-10-01 is in fiscal year 2567.
    """
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def round_of(d: date) -> tuple[int, int]:
    """Return ``(fiscal year BE, round number)`` of the appraisal round containing *d*.

    ว 20/2552: round 1 runs 1 October – 31 March, round 2 runs 1 April – 30 September.
    """
    return fiscal_year(d), 2 if 4 <= d.month <= 9 else 1


def round_dates(fiscal_year_be: int, number: int) -> tuple[date, date]:
    """Return the first and last day of appraisal round *number* of fiscal year *fiscal_year_be*.

    ว 20/2552: round 1 = 1 October – 31 March, round 2 = 1 April – 30 September
    (fiscal year 2567 round 2 = 2024-04-01 … 2024-09-30).

    Raises:
        ValueError: *number* is not 1 or 2.
    """
    if isinstance(number, bool) or number not in (1, 2):
        raise ValueError(f"an appraisal round is 1 or 2, not {number!r}")
    end_ce = ce_year(fiscal_year_be)
    if number == 1:
        return date(end_ce - 1, 10, 1), date(end_ce, 3, 31)
    return date(end_ce, 4, 1), date(end_ce, 9, 30)
