"""The notice's DOCX and PDF, written by ``kpi.documents.writing`` from its content.

The writer takes only ``kpi-circular/1``; the parts the contract does not carry (the office's
address, the signer's position) come from the province here.
"""

from __future__ import annotations

from typing import Any

from kpi.documents import writing
from kpi.notices.content import contract
from kpi.org.models import Province


def options_for(province: Province) -> writing.NoticeOptions:
    return writing.NoticeOptions(
        thai_digits=True,
        address=tuple(line.strip() for line in province.address.splitlines() if line.strip()),
        signer_position=(province.head_position,),
    )


def compose(content: dict[str, Any], province: Province) -> writing.Notice:
    """The printed parts of *content* (``interpolation`` keys are ignored)."""
    return writing.compose_notice(contract(content), options_for(province))


def write_files(printed: writing.Notice) -> tuple[bytes, bytes]:
    """``(docx, pdf)`` of a composed notice."""
    return writing.write_docx(printed), writing.write_pdf(printed)
