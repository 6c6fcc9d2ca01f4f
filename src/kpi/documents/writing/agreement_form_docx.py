"""The agreement forms as a Word document, on ``docx_page``'s page and font.

Each form is a section of its own, its pages numbered from 1.

The table repeats its header row on every page (``w:tblHeader``) and no row splits across
pages (``w:cantSplit``); the signature blocks sit side by side in a borderless table whose
row is kept whole, so both parties sign on the same page.
"""

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kpi.documents.writing.agreement_form import AgreementForm, AgreementForms
from kpi.documents.writing.docx_page import (
    cant_split,
    new_document,
    paragraph,
    saved,
    width,
)
from kpi.documents.writing.signature import Signature

__all__ = ["agreement_forms_docx"]

# 16 cm of text width between the margins, as the notice's attachment.
_COLUMNS = (Cm(9.9), Cm(2.2), Cm(3.9))
_SIGNATURE_COLUMNS = (Cm(8), Cm(8))


def _title(document: DocxDocument, form: AgreementForm) -> None:
    for line in form.title:
        paragraph(document, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True)


def _new_sheet(document: DocxDocument) -> None:
    """A section per form, its pages numbered from 1 (the number shown from its second)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)


def _clauses(document: DocxDocument, form: AgreementForm) -> None:
    for clause in form.clauses:
        paragraph(
            document,
            clause,
            first_line=Cm(1.5),
            before=Pt(6),
            align=WD_ALIGN_PARAGRAPH.THAI_JUSTIFY,
        )


def _table(document: DocxDocument, form: AgreementForm) -> None:
    grid = document.add_table(rows=1, cols=3)
    grid.style = document.styles["Table Grid"]
    grid.autofit = False
    for column, size in zip(grid.columns, _COLUMNS, strict=True):
        column.width = size
    header = grid.rows[0]
    cant_split(header, header=True)
    for cell, text, size in zip(header.cells, form.header, _COLUMNS, strict=True):
        width(cell, size)
        paragraph(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, reuse=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row in form.rows:
        table_row = grid.add_row()  # type: ignore[no-untyped-call]
        cant_split(table_row)
        cells = table_row.cells
        for cell, size in zip(cells, _COLUMNS, strict=True):
            width(cell, size)
        if row.role == "section":
            merged = cells[0].merge(cells[2])
            # A kind's heading stays on the page of its first indicator.
            paragraph(merged, row.text, bold=True, reuse=True, keep_with_next=True)
            continue
        total = row.role == "total"
        align = WD_ALIGN_PARAGRAPH.CENTER if total else None
        paragraph(cells[0], row.text, bold=total, align=align, reuse=True)
        paragraph(cells[1], row.weight, bold=total, align=WD_ALIGN_PARAGRAPH.CENTER, reuse=True)
        paragraph(cells[2], row.unit, reuse=True)


def signatures(document: DocxDocument, blocks: tuple[Signature, ...]) -> None:
    """The signature blocks side by side, on one page."""
    paragraph(document, before=Pt(12), keep_with_next=True)
    grid = document.add_table(rows=1, cols=len(blocks))
    grid.autofit = False
    row = grid.rows[0]
    cant_split(row)
    for cell, size, block in zip(row.cells, _SIGNATURE_COLUMNS, blocks, strict=True):
        width(cell, size)
        for index, line in enumerate(block.lines):
            added = paragraph(cell, line, align=WD_ALIGN_PARAGRAPH.CENTER, reuse=index == 0)
            if index == 0:
                added.paragraph_format.space_before = Pt(36)  # room to sign


def agreement_forms_docx(document: AgreementForms) -> bytes:
    """The forms as DOCX bytes, each from a new page."""
    word = new_document(
        title=document.title, author=document.author, thai_digits=document.thai_digits
    )
    for index, form in enumerate(document.forms):
        if index:
            _new_sheet(word)
        _title(word, form)
        _clauses(word, form)
        _table(word, form)
        signatures(word, form.signatures)
    return saved(word)
