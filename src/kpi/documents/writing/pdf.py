"""The notice as PDF: the HTML page (``html``) rendered by WeasyPrint, text layer repaired.

Renderer chosen: WeasyPrint with :func:`~kpi.documents.writing.text_layer.repair_text_layer`.
Measured for the seed notice (6 A4 pages; median of 5 on the shared build machine, see the
report): WeasyPrint 0.36-0.52 s, the repair 0.06-0.1 s more (Sarabun's glyph names are read
once per process); headless Chromium through Playwright 2.1 s with its start-up and 0.4-0.6 s
per notice once running, and a browser (about 300 MB) on the server; LibreOffice 7.4 from the
DOCX 2.4 s per notice, an office suite on the server, a font alias for ``TH Sarabun New``,
and a text layer that still splits some clusters. WeasyPrint is already a dependency, draws
the same glyphs as Chromium (both shape with HarfBuzz), embeds Sarabun from the installed
``fontpkg-sarabun`` package, and its one defect, the text of multi-glyph Thai clusters, is
repaired in the PDF it writes (see ``text_layer``). The tests check the embedded fonts, the
text (``pdftotext``) and that the pages are not blank (``pdftoppm``).

CSS carries the print rules: ``@page`` A4 with margins 2.5/2/2/3 cm, 16 pt type, page numbers
``- ๒ -`` from the second page, ``thead`` repeated on every page, ``break-inside: avoid`` on
each level's paragraph so a level never splits across pages.
"""

from kpi.documents.writing.html import render_html
from kpi.documents.writing.parts import Notice
from kpi.documents.writing.printing import html_to_pdf

__all__ = ["write_pdf"]


def write_pdf(notice: Notice) -> bytes:
    """The notice as PDF bytes, Sarabun embedded, its text searchable as printed."""
    return html_to_pdf(render_html(notice))
