"""The PDF pipeline every printed document shares: a print template, Sarabun, WeasyPrint.

Templates live in ``templates/documents/print/`` and are rendered by a stand-alone Django
template engine, so ``kpi notice`` needs neither settings nor a database and the pages can
include the same templates. Every value passed is already a printed string (numerals, dates),
so the engine never localises a number.

The fonts are Sarabun from the installed ``fontpkg-sarabun`` package (OFL, Cadson Demak),
referenced by file URL (``fonts.css``) and embedded by WeasyPrint; nothing is copied into the
project. :func:`html_to_pdf` repairs WeasyPrint's text layer for Thai clusters
(``text_layer``), so ``pdftotext`` reads ``ความสำเร็จ`` as printed.
"""

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import fontpkg_sarabun  # type: ignore[import-untyped]
from django.template import Context, Engine

from kpi.documents.writing.text_layer import repair_text_layer

__all__ = ["TEMPLATES", "font_file", "html_to_pdf", "render_template"]

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def font_file(weight: str = "Regular") -> Path:
    """The installed Sarabun file of *weight* (``Regular``, ``Bold``)."""
    return Path(fontpkg_sarabun.ROOT) / "files" / f"Sarabun-{weight}.ttf"


@cache
def _engine() -> Engine:
    return Engine(
        dirs=[str(TEMPLATES)],
        autoescape=True,
        libraries={
            "notice": "kpi.documents.writing.html",
            "reports": "kpi.documents.writing.print_filters",
        },
    )


def render_template(name: str, context: Mapping[str, Any], *, embed_fonts: bool = True) -> str:
    """The print template *name* rendered with *context*.

    Args:
        name: a template under ``templates/`` (``documents/print/scorecard.html``).
        context: the printed parts; ``font_regular`` and ``font_bold`` are added.
        embed_fonts: declare the Sarabun files with ``@font-face`` (file URLs, for the PDF
            renderer); ``False`` leaves the font to the reader's system.
    """
    fonts = {
        "font_regular": font_file("Regular").as_uri() if embed_fonts else "",
        "font_bold": font_file("Bold").as_uri() if embed_fonts else "",
    }
    return _engine().get_template(name).render(Context({**context, **fonts}))


def html_to_pdf(html: str) -> bytes:
    """*html* as PDF bytes, Sarabun embedded, its text searchable as printed."""
    # WeasyPrint takes ~0.5 s to import: only PDF output pays for it (CLI start-up).
    import weasyprint  # type: ignore[import-untyped]

    pdf: bytes = weasyprint.HTML(string=html).write_pdf(finisher=repair_text_layer)
    return pdf
