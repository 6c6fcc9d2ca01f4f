"""Small files of each kind, made by the libraries that write them (no binary fixtures)."""

import io
import zipfile

from docx import Document
from openpyxl import Workbook

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
GIF = b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 10
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50


def docx() -> bytes:
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("ภาพข่าวการประชุม")
    document.save(buffer)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "จำนวนข่าว"
    book.save(buffer)
    return buffer.getvalue()


def zip_with(content_types: bytes | None) -> bytes:
    """A ZIP archive with the given ``[Content_Types].xml`` (None: without one)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if content_types is not None:
            archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


MACRO_DOCUMENT = zip_with(
    b'<Types><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)
