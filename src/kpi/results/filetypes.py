"""What an evidence file is, by its content: the name and the browser's claim are not trusted.

Accepted: PDF, PNG, JPEG, GIF, WebP, DOCX and XLSX. A DOCX or XLSX is a ZIP archive whose
``[Content_Types].xml`` declares a Word document or an Excel workbook as its main part; macro
files (``.docm``, ``.xlsm``) declare other types and are refused. Standard library only.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["ACCEPTED", "FileType", "detect"]


@dataclass(frozen=True)
class FileType:
    """Attributes: ``code`` (``"pdf"``), ``content_type`` (MIME), ``extension`` (``".pdf"``)."""

    code: str
    content_type: str
    extension: str


PDF = FileType("pdf", "application/pdf", ".pdf")
PNG = FileType("png", "image/png", ".png")
JPEG = FileType("jpeg", "image/jpeg", ".jpg")
GIF = FileType("gif", "image/gif", ".gif")
WEBP = FileType("webp", "image/webp", ".webp")
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
)
XLSX = FileType(
    "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
)
ACCEPTED = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX)

_MAGIC = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
_ZIP = b"PK\x03\x04"
# The main part's content type, as Office writes it in [Content_Types].xml.
_OFFICE_MAIN = (
    (b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DOCX),
    (b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", XLSX),
)
# [Content_Types].xml is a few kilobytes; a bigger one is not an Office file worth reading.
_CONTENT_TYPES_LIMIT = 1024 * 1024


def detect(stream: BinaryIO) -> FileType | None:
    """Return the type of the file in *stream*, or None when it is not one of ``ACCEPTED``.

    Reads from the start and leaves the stream at the start. *stream* must be seekable.
    """
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(_ZIP):
        try:
            return _office(stream)
        finally:
            stream.seek(0)
    return None


def _office(stream: BinaryIO) -> FileType | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _CONTENT_TYPES_LIMIT:
                return None
            declared = archive.read(info)
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, ValueError, NotImplementedError):
        return None
    for main, kind in _OFFICE_MAIN:
        if main in declared:
            return kind
    return None
