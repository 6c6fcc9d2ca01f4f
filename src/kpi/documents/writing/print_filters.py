"""Template filters of the report templates (``{% load reports %}``).

Pango breaks Thai lines between dictionary words, so a name can be split across lines
(``นาย|วีระพงษ์``). ``keep_whole`` keeps such phrases on one line with ``white-space: nowrap``
spans: plain CSS, nothing added to the text (the PDF's text layer stays as composed). Only
for short phrases between spaces: WeasyPrint finds no break between adjacent spans, so
terms inside running text would make long unbreakable runs.
"""

import re

from django.template import Library
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["keep_whole", "register"]

register = Library()


@register.filter
def keep_whole(text: str, phrases: tuple[str, ...]) -> SafeString:
    """*text* escaped, each of *phrases* in it inside ``<span class="whole">``."""
    escaped = str(escape(text))  # escaped first: only our span is markup
    wanted = sorted({str(escape(p)) for p in phrases if p}, key=len, reverse=True)
    if not wanted:
        return mark_safe(escaped)
    pattern = re.compile("|".join(re.escape(phrase) for phrase in wanted))
    return mark_safe(pattern.sub(lambda m: f'<span class="whole">{m[0]}</span>', escaped))
