"""Official documents written from ``kpi-circular/1`` data: the circular and its attachment.

``compose_notice`` turns a :class:`~kpi.circulars.model.Circular` (or the contract's JSON
object) into printed parts (``parts``); ``write_docx`` and ``write_pdf`` lay them out, and
``render_notice`` does both steps for a format. No Django model is involved, so ``kpi notice``
runs without a database and the pages can pass the same data.

Public API::

    notice = compose_notice(circular_or_dict, NoticeOptions(thai_digits=True))
    write_docx(notice) -> bytes        write_pdf(notice) -> bytes
    render_notice(circular_or_dict, "pdf", options) -> bytes
    render_html(notice) -> str         the PDF's source page (templates/documents/print/)

The reports share the same page, fonts and PDF pipeline (``docx_page``, ``printing``):
``agreement_form`` / ``agreement_form_docx`` (a district's agreement forms), ``scorecard``
(scorecards), ``xlsx`` (workbooks); ``kpi.documents.reports`` composes them from the database.
"""

from kpi.documents.writing.compose import compose_notice, read_json
from kpi.documents.writing.docx import write_docx
from kpi.documents.writing.errors import NoticeError, UnreadableInput, UnsupportedOutput
from kpi.documents.writing.html import render_html
from kpi.documents.writing.parts import Emblem, Notice, NoticeOptions
from kpi.documents.writing.pdf import write_pdf
from kpi.documents.writing.render import notice_format, render_notice

__all__ = [
    "Emblem",
    "Notice",
    "NoticeError",
    "NoticeOptions",
    "UnreadableInput",
    "UnsupportedOutput",
    "compose_notice",
    "notice_format",
    "read_json",
    "render_html",
    "render_notice",
    "write_docx",
    "write_pdf",
]
