"""The notice as an HTML page, the source of the PDF.

The template (``templates/documents/print/notice.html``, which includes
``notice_content.html`` and ``notice.css``) is rendered by ``printing``'s stand-alone template
engine, so ``kpi notice`` needs neither settings nor a database; the pages can include
``notice_content.html`` with the same context. Every value is already a string (see
``parts``). This module is also the print templates' ``notice`` tag library.
"""

import base64
import re

from django.template import Library
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kpi.documents.writing.parts import Notice
from kpi.documents.writing.printing import font_file, render_template

__all__ = ["TEMPLATE", "font_file", "render_html"]

TEMPLATE = "documents/print/notice.html"

register = Library()
# A band printed as ``๑ - ๒๐`` or ``80.00 – 84.99``: one unit a line never splits.
_RANGE = re.compile(r"[0-9๐-๙][0-9๐-๙.,]* [-–] [0-9๐-๙][0-9๐-๙.,]*")
# ``(๑ เมษายน - ๓๐ กันยายน ๒๕๖๗)``: a short parenthesised phrase, printed on one line.
_PARENTHESISED = re.compile(r"\([^()]{1,60}\)")


@register.filter
def keep_ranges(text: str) -> SafeString:
    """*text* escaped, each numeric range inside ``<span class="range">`` (no line break)."""
    escaped = str(escape(text))  # escaped first: only our span is markup
    return mark_safe(_RANGE.sub(lambda m: f'<span class="range">{m[0]}</span>', escaped))


@register.filter
def keep_parenthesised(text: str) -> SafeString:
    """*text* escaped, each short ``(…)`` inside ``<span class="whole">`` (no line break).

    The attachment's title would otherwise leave ``๒๕๖๗)`` alone on its last line.
    """
    escaped = str(escape(text))
    return mark_safe(_PARENTHESISED.sub(lambda m: f'<span class="whole">{m[0]}</span>', escaped))


def _data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def render_html(notice: Notice, *, embed_fonts: bool = True) -> str:
    """The notice as a standalone HTML document.

    Args:
        notice: the composed notice.
        embed_fonts: declare the Sarabun files with ``@font-face`` (file URLs, for the PDF
            renderer); ``False`` leaves the font to the reader's system.
    """
    emblem = notice.letter.emblem
    context = {
        "notice": notice,
        "emblem_src": _data_uri(emblem.media_type, emblem.data) if emblem else "",
    }
    return render_template(TEMPLATE, context, embed_fonts=embed_fonts)
