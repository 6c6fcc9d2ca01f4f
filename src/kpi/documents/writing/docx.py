"""The notice as a Word document (python-docx).

Page, font and paragraph helpers are ``docx_page``'s (A4, official margins, 16 pt
``TH Sarabun New`` for the Latin and the complex-script runs), shared with the agreement form.

The paragraphs are the ones the parser reads back (``kpi.circulars.parse_docx``): the letter
as body paragraphs (``ที่`` and the office in a borderless table), the title block, and per
kind a table whose first cell has one paragraph per printed line. The header row repeats on
every page (``w:tblHeader``). A version is printed as a few unsplittable rows (``w:cantSplit``)
that read as one: its heading with the first level, then one row per level, weight and unit
merged down beside them. So no level splits across pages, while a version with three size
classes, longer than a page, still may.
"""

from io import BytesIO

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell

from kpi.documents.writing.docx_page import FONT, new_document, saved
from kpi.documents.writing.docx_page import cant_split as _cant_split
from kpi.documents.writing.docx_page import paragraph as _paragraph
from kpi.documents.writing.docx_page import run as _run
from kpi.documents.writing.docx_page import width as _width
from kpi.documents.writing.parts import CellParagraph, Field, Letter, Notice, Table, TableRow

__all__ = ["FONT", "write_docx"]

# Column widths of the attachment's tables: 16 cm of text width between the margins.
_COLUMNS = (Cm(9.9), Cm(2.2), Cm(3.9))
_OFFICE_COLUMNS = (Cm(6), Cm(10))


def _emblem(document: DocxDocument, letter: Letter) -> None:
    paragraph = _paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    if letter.emblem is not None:
        paragraph.add_run().add_picture(BytesIO(letter.emblem.data), height=Cm(3))
    else:
        # The slot of the office's Garuda (3 cm high): the office adds its own image.
        paragraph.paragraph_format.line_spacing = Cm(3)


def _letterhead(document: DocxDocument, letter: Letter) -> None:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False  # w:tblLayout fixed: the columns keep their widths
    for column, width in zip(table.columns, _OFFICE_COLUMNS, strict=True):
        column.width = width
    number, office = table.rows[0].cells
    _width(number, _OFFICE_COLUMNS[0])
    _width(office, _OFFICE_COLUMNS[1])
    _paragraph(number, f"ที่ {letter.number}" if letter.number else "ที่", reuse=True)
    for index, line in enumerate(letter.office):
        _paragraph(office, line, reuse=index == 0)


def _field(document: DocxDocument, field: Field) -> None:
    """The label, a tab, the value; wrapped lines and further lines align under the value."""
    width = Cm(float(field.indent))
    for index, line in enumerate(field.lines):
        if index == 0:
            hanging = Cm(-float(field.indent))
            paragraph = _paragraph(document, left=width, first_line=hanging, before=Pt(6))
            _run(paragraph, field.label)
            paragraph.add_run("\t")
        else:
            paragraph = _paragraph(document, left=width)
        paragraph.paragraph_format.tab_stops.add_tab_stop(width)
        _run(paragraph, line)


def _centred(document: DocxDocument, text: str, before: Pt | None = None) -> None:
    """A line of the signature block, centred right of the page's middle."""
    _paragraph(
        document,
        text,
        left=Cm(3),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=before,
        keep_with_next=True,
    )


def _letter(document: DocxDocument, letter: Letter) -> None:
    _emblem(document, letter)
    _letterhead(document, letter)
    if letter.date:
        _paragraph(document, letter.date, left=_OFFICE_COLUMNS[0], before=Pt(6))
    for field in letter.fields:
        _field(document, field)
    for paragraph in letter.body:
        _paragraph(
            document,
            paragraph,
            first_line=Cm(2.5),
            before=Pt(6),
            align=WD_ALIGN_PARAGRAPH.THAI_JUSTIFY,
        )
    _centred(document, letter.closing, before=Pt(12))
    _centred(document, letter.signer, before=Pt(48))  # room to sign
    for line in letter.signer_position:
        _centred(document, line)
    foot = [text for text in (letter.owner_unit, *letter.contacts) if text]
    for index, text in enumerate(foot):
        _paragraph(document, text, before=Pt(24) if index == 0 else None)


# Elements that follow w:vMerge and w:tcBorders inside w:tcPr (ECMA-376 CT_TcPr order).
_AFTER_BORDERS = (
    "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
    "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip


def _continues(cell: _Cell) -> None:
    """Merge *cell* into the cell above it (``w:vMerge``)."""
    merge = OxmlElement("w:vMerge")  # no w:val: "continue"
    cell._tc.get_or_add_tcPr().insert_element_before(merge, "w:tcBorders", *_AFTER_BORDERS)


def _open_edges(cell: _Cell, *, top: bool, bottom: bool) -> None:
    """No border above and/or below *cell*: a version's blocks read as one cell."""
    borders = OxmlElement("w:tcBorders")
    for edge, wanted in (("w:top", top), ("w:bottom", bottom)):
        if wanted:
            element = OxmlElement(edge)
            element.set(qn("w:val"), "nil")
            borders.append(element)
    cell._tc.get_or_add_tcPr().insert_element_before(borders, *_AFTER_BORDERS)


def _content(cell: _Cell, block: tuple[CellParagraph, ...]) -> None:
    for index, part in enumerate(block):
        paragraph = _paragraph(cell, keep_together=True, reuse=index == 0)
        _run(paragraph, part.label, bold=True)
        if part.role in ("status", "size"):
            paragraph.runs[-1].underline = True
        if part.text:
            _run(paragraph, f" {part.text}", bold=part.role == "heading")


def _version_rows(grid: DocxTable, row: TableRow) -> None:
    """One table row per block (a heading with its first level, then each level).

    Word and LibreOffice both honour ``w:cantSplit`` on a row, while LibreOffice ignores
    keep-lines inside cells: a row per block is what keeps each level whole on one page.
    The weight and responsible cells are merged down the version's rows and the content
    cells lose their inner borders, so a version still prints as one row. The parser
    reads merged cells as repeats and level rows as more lines of the same indicator.
    """
    blocks = row.blocks
    for index, block in enumerate(blocks):
        table_row = grid.add_row()  # type: ignore[no-untyped-call]
        _cant_split(table_row)
        content, weight, responsible = table_row.cells
        for cell, width in zip(table_row.cells, _COLUMNS, strict=True):
            _width(cell, width)
        _content(content, block)
        if len(blocks) > 1:
            _open_edges(content, top=index > 0, bottom=index < len(blocks) - 1)
        if index == 0:
            _paragraph(weight, row.weight, align=WD_ALIGN_PARAGRAPH.CENTER, reuse=True)
            for line_index, line in enumerate(row.responsible or ("",)):
                _paragraph(responsible, line, reuse=line_index == 0)
            if len(blocks) > 1:
                for cell in (weight, responsible):
                    restart = OxmlElement("w:vMerge")
                    restart.set(qn("w:val"), "restart")
                    cell._tc.get_or_add_tcPr().insert_element_before(
                        restart, "w:tcBorders", *_AFTER_BORDERS
                    )
        else:
            _continues(weight)
            _continues(responsible)


def _table(document: DocxDocument, table: Table, first: bool) -> None:
    for index, line in enumerate(table.titles):
        paragraph = _paragraph(
            document, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True
        )
        if index == 0:
            paragraph.paragraph_format.page_break_before = first
            paragraph.paragraph_format.space_before = None if first else Pt(18)
    grid = document.add_table(rows=1, cols=3)
    grid.style = document.styles["Table Grid"]
    grid.autofit = False
    for column, width in zip(grid.columns, _COLUMNS, strict=True):
        column.width = width  # w:gridCol, which a fixed layout follows
    header = grid.rows[0]
    _cant_split(header, header=True)
    for cell, text, width in zip(header.cells, table.header, _COLUMNS, strict=True):
        _width(cell, width)
        _paragraph(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, reuse=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in table.rows:
        _version_rows(grid, row)


def write_docx(notice: Notice) -> bytes:
    """The notice as DOCX bytes (see :func:`~kpi.documents.writing.compose_notice`)."""
    document = new_document(
        title=notice.title,
        author=notice.letter.office[0] if notice.letter.office else "",
        thai_digits=notice.thai_digits,
    )
    _letter(document, notice.letter)
    for index, table in enumerate(notice.tables):
        _table(document, table, first=index == 0)
    return saved(document)
