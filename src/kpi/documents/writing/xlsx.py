"""Workbooks (openpyxl) for officers to sort, filter and sum in Excel or LibreOffice.

Each sheet: a caption in the first row (what the sheet is, in full), the Thai headers in the
second, frozen with the identifying columns beside them, filters on the header row, and
columns wide enough for their Thai text. Numbers are stored as numbers (``Decimal`` or
``int``, never text), so they sum; rounding is the caller's (``kpi.scoring.display``).

Width: a spreadsheet's column unit is the width of one digit. Thai above and below vowels and
tone marks (combining characters) take no width of their own, so they are not counted; a
Thai letter is drawn about a tenth wider than a digit at the same size.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Literal

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

__all__ = ["Column", "Sheet", "display_width", "write_workbook"]

Value = str | int | Decimal | None

#: number formats per kind of column
_FORMATS = {"text": "@", "number": "0.00", "integer": "0", "general": "General"}
_MIN_WIDTH = 8.0
_MAX_WIDTH = 60.0
_HEADER_MAX = 24.0  # longer headers wrap onto a second line
_PADDING = 2.0
_THAI = (0x0E00, 0x0E7F)


def display_width(text: str) -> float:
    """How many digit widths *text* takes on one line: combining marks count for nothing."""
    width = 0.0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 1.1 if _THAI[0] <= ord(char) <= _THAI[1] else 1.0
    return width


@dataclass(frozen=True)
class Column:
    """A column of a sheet.

    Attributes:
        header: the Thai header.
        kind: ``text``, ``number`` (two decimals shown), ``integer`` or ``general`` (a level:
            ``4`` or ``3.57``, as entered).
    """

    header: str
    kind: Literal["text", "number", "integer", "general"] = "text"


@dataclass(frozen=True)
class Sheet:
    """A sheet of the workbook.

    Attributes:
        title: the tab's name (at most 31 characters, none of ``[]:*?/\\``).
        caption: the first row: what the sheet holds, in full.
        columns: the columns.
        rows: one tuple of values per row, in the columns' order.
        key_columns: how many leading columns identify a row; they stay in view (frozen).
    """

    title: str
    caption: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Value, ...]]
    key_columns: int = 0


_CAPTION_ROW, _HEADER_ROW = 1, 2
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def _width(column: Column, values: list[Value]) -> float:
    header = min(display_width(column.header), _HEADER_MAX)
    widest = max((display_width(_shown(value, column)) for value in values), default=0.0)
    return min(_MAX_WIDTH, max(_MIN_WIDTH, header, widest) + _PADDING)


def _shown(value: Value, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal) and column.kind == "number":
        return f"{value:.2f}"
    return str(value)


def _fill(sheet: Sheet, workbook: Workbook, first: bool) -> None:
    ws = workbook.active if first else workbook.create_sheet()
    ws.title = sheet.title
    ws.cell(_CAPTION_ROW, 1, sheet.caption).font = Font(bold=True, size=13)
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(_HEADER_ROW, index, column.header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(sheet.rows, start=_HEADER_ROW + 1):
        for index, (column, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            cell = ws.cell(offset, index, value)
            if value is not None and column.kind != "text":
                cell.number_format = _FORMATS[column.kind]
            elif column.kind == "text":
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(sheet.columns, start=1):
        values = [row[index - 1] for row in sheet.rows]
        ws.column_dimensions[get_column_letter(index)].width = _width(column, values)
    last = get_column_letter(len(sheet.columns))
    last_row = _HEADER_ROW + max(len(sheet.rows), 1)
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{last}{last_row}"
    ws.freeze_panes = f"{get_column_letter(sheet.key_columns + 1)}{_HEADER_ROW + 1}"


def write_workbook(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """The *sheets* as ``.xlsx`` bytes, in their order."""
    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.language = "th-TH"
    for index, sheet in enumerate(sheets):
        _fill(sheet, workbook, first=index == 0)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
