"""DOCX → the block stream, with python-docx.

Body paragraphs and tables are read in document order. A Word paragraph is one line, and a
manual line break (``<w:br/>``) inside it starts another, as in the printed page. A cell
continued from the row above (vertical merge) repeats that cell and is marked continued; a
cell spanning several grid columns is followed by empty cells, so columns stay aligned with
the header row.
"""

import zipfile
import zlib
from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError  # type: ignore[import-untyped]

from kpi.circulars.blocks import Block, Line, Row
from kpi.circulars.errors import DamagedFile
from kpi.circulars.normalise import clean, split_lines

__all__ = ["read_docx"]

# What python-docx and the zip/XML layers under it raise on a damaged file: a truncated or
# corrupt archive, a missing part, a part that is not XML, a wrong content type.
_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    PackageNotFoundError,
    LxmlError,
)


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    return [text for text in map(clean, split_lines(paragraph.text)) if text]


def _cell_lines(cell: _Cell) -> tuple[str, ...]:
    lines: list[str] = []
    for item in cell.iter_inner_content():
        if isinstance(item, Paragraph):
            lines.extend(_paragraph_lines(item))
        else:  # a table nested in the cell: its text belongs to this cell
            above: list[tuple[str, ...]] = []
            for row in item.rows:
                above, _ = _row_cells(row, above)
                lines.extend(line for cell_lines in above for line in cell_lines)
    return tuple(lines)


def _row_cells(
    row: _Row, above: list[tuple[str, ...]]
) -> tuple[list[tuple[str, ...]], frozenset[int]]:
    """The row's cells by grid column, and the columns continuing the row *above*."""
    cells: list[tuple[str, ...]] = [() for _ in range(row.grid_cols_before)]
    continued: set[int] = set()
    for tc in row._tr.tc_lst:
        if tc.vMerge == "continue":
            column = len(cells)
            continued.add(column)
            cells.append(above[column] if column < len(above) else ())
        else:
            cells.append(_cell_lines(_Cell(tc, row.table)))
        cells.extend(() for _ in range(tc.grid_span - 1))
    return cells, frozenset(continued)


def _blocks(document: DocxDocument) -> list[Block]:
    blocks: list[Block] = []
    paragraph_number = table_number = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraph_number += 1
            blocks.extend(
                Line(text, f"paragraph {paragraph_number}") for text in _paragraph_lines(item)
            )
        elif isinstance(item, Table):
            table_number += 1
            above: list[tuple[str, ...]] = []
            for index, row in enumerate(item.rows, start=1):
                cells, continued = _row_cells(row, above)
                above = cells
                if any(cells):
                    blocks.append(Row(tuple(cells), f"table {table_number} row {index}", continued))
    return blocks


def read_docx(data: bytes) -> list[Block]:
    """Read a DOCX file's body into blocks.

    ``where`` is ``"paragraph N"`` (counting body paragraphs) or ``"table T row R"``.

    Raises:
        DamagedFile: the zip archive or its XML cannot be read.
    """
    try:
        document = docx.Document(BytesIO(data))
    except _DAMAGE as error:
        raise DamagedFile(format="DOCX", detail=_detail(error)) from None
    except (AttributeError, TypeError):
        # python-docx's package reader meets a malformed part (content types without their
        # elements, a relationship without a target) as AttributeError/TypeError.
        raise DamagedFile(format="DOCX", detail="a part of the package is malformed") from None
    try:
        return _blocks(document)
    except _DAMAGE as error:
        raise DamagedFile(format="DOCX", detail=_detail(error)) from None


def _detail(error: Exception) -> str:
    return str(error) or type(error).__name__
