"""``{% load notice %}`` for pages that include ``documents/print/notice_content.html``.

The print template loads the writer's own library (``kpi.documents.writing.html``), which the
writer's stand-alone engine registers as ``notice``; this module gives the site's engine the
same library under the same name, so the preview shows exactly what is printed.
"""

from kpi.documents.writing.html import register

__all__ = ["register"]
