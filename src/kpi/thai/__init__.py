"""Thai helpers shared by the parser, the notice writer and the pages: digits and dates.

Pure: no Django import.
"""

from kpi.thai.dates import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    be_year,
    ce_year,
    find_thai_dates,
    fiscal_year,
    format_document_date,
    format_screen_date,
    parse_thai_date,
    round_dates,
    round_of,
)
from kpi.thai.digits import to_arabic, to_thai

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
    "to_arabic",
    "to_thai",
]
