"""One call from data to a file's bytes, the format chosen by the output's name."""

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from kpi.circulars.model import Circular
from kpi.documents.writing.compose import compose_notice
from kpi.documents.writing.errors import UnsupportedOutput
from kpi.documents.writing.parts import NoticeOptions

__all__ = ["FORMATS", "notice_format", "render_notice"]

FORMATS = ("docx", "pdf")


def notice_format(name: str | PurePath) -> str:
    """``"docx"`` or ``"pdf"`` from the output's name (``notice.PDF`` → ``"pdf"``).

    Raises:
        UnsupportedOutput: the name ends in neither.
    """
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UnsupportedOutput(name=str(name) or "''")
    return suffix


def render_notice(
    circular: Circular | Mapping[str, Any],
    output_format: str,
    options: NoticeOptions | None = None,
) -> bytes:
    """The notice of *circular* as ``docx`` or ``pdf`` bytes.

    Raises:
        UnsupportedOutput: *output_format* is neither ``docx`` nor ``pdf``.
        InvalidCircularData: *circular* is a mapping that is not ``kpi-circular/1``.
    """
    if output_format not in FORMATS:
        raise UnsupportedOutput(name=output_format)
    notice = compose_notice(circular, options)
    if output_format == "docx":
        from kpi.documents.writing.docx import write_docx

        return write_docx(notice)
    from kpi.documents.writing.pdf import write_pdf

    return write_pdf(notice)
