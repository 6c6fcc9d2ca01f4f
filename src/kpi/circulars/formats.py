"""Which reader a file needs, decided by its content (the name is only a hint for messages).

DOCX is a zip holding ``word/document.xml``; HTML is text that opens with markup or holds an
``<html>``, ``<body>`` or ``<table>`` element; anything else must be text: UTF-8 (with or
without BOM), UTF-16 with a BOM (Notepad's "Unicode"), or TIS-620/Windows-874 as older Thai
files are. Known binary signatures and control-character noise are refused as binary.
"""

import re
import unicodedata
import zipfile
from io import BytesIO
from typing import Literal

from kpi.circulars.errors import (
    BinaryInput,
    DamagedFile,
    EmptyInput,
    UndecodableText,
    UnsupportedFormat,
)

__all__ = ["Format", "decode_text", "detect"]

Format = Literal["docx", "html", "text"]

# Signatures of files that are documents we do not read.
# (The names are formats, or codes of kpi.circulars.errors.WORDS, put into words there.)
_UNSUPPORTED = [
    (b"%PDF", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "RTF"),
]
# Signatures of files that are not documents at all.
_BINARY = [
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x7fELF", "executable"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
]
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_MARKUP_START = re.compile(r"^\s*<(?:!doctype|html|head|body|meta|table|p|div|\?xml)\b", re.I)
_MARKUP_INSIDE = re.compile(r"<(?:html|body|table)\b", re.I)
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02


def _zip_format(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        # zipfile's own reason ("File is not a zip file") says nothing more to a user.
        raise DamagedFile(format="DOCX", detail="zip_damaged") from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        raise UnsupportedFormat(format="XLSX")
    if any(name.startswith("ppt/") for name in names):
        raise UnsupportedFormat(format="PPTX")
    if "content.xml" in names:
        raise UnsupportedFormat(format="OpenDocument")
    if any(name.startswith("word/") for name in names) or "[Content_Types].xml" in names:
        raise DamagedFile(format="DOCX", detail="document_missing")
    raise UnsupportedFormat(format="zip")


def _check_signatures(data: bytes) -> None:
    for signature, name in _UNSUPPORTED:
        if data.startswith(signature):
            raise UnsupportedFormat("byte 0", format=name)
    for signature, name in _BINARY:
        if data.startswith(signature):
            raise BinaryInput("byte 0", detail=name)


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A file cut short in the middle of its last character (a truncated copy) loses
        # only that character.
        if error.end == len(data) and error.reason == "unexpected end of data":
            return data[: error.start].decode("utf-8-sig")
        raise


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (BOM optional), UTF-16 with BOM, or TIS-620/Windows-874.

    Raises:
        BinaryInput: NUL bytes or too many control characters.
        UndecodableText: bytes valid in none of those encodings.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableText(f"byte {error.start}", offset=error.start) from None
    nul = data.find(b"\x00")
    if nul != -1:
        raise BinaryInput(f"byte {nul}", detail="nul")
    try:
        text = _decode_utf8(data)
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp874")  # a superset of TIS-620
        except UnicodeDecodeError:
            raise UndecodableText(f"byte {utf8_error.start}", offset=utf8_error.start) from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise BinaryInput(detail="controls")
    return text


def detect(data: bytes) -> Format:
    """The reader *data* needs.

    Raises:
        EmptyInput: no bytes, or only whitespace.
        DamagedFile: a zip (DOCX) that cannot be opened.
        UnsupportedFormat: a PDF, XLSX, .doc, RTF… file.
        BinaryInput: an image, an executable, an archive, random bytes.
    """
    if not data.strip():
        raise EmptyInput()
    if data.startswith(_ZIP):
        return _zip_format(data)
    _check_signatures(data)
    head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff")
    if _MARKUP_START.match(head) or _MARKUP_INSIDE.search(head):
        return "html"
    return "text"
