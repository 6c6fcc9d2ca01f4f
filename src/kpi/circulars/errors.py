"""Why a file could not be read as a KPI circular.

Every error the parser raises belongs to one tree, so callers catch ``CircularError`` once::

    CircularError                 code "circular"        (base; never raised itself)
    ├── EmptyInput                code "empty"           the file has no text at all
    ├── BinaryInput               code "binary"          bytes that are not text (an image, …)
    ├── UnsupportedFormat         code "unsupported"     a format we do not read (PDF, XLSX, …)
    │   └── UndecodableText       code "encoding"        text in neither UTF-8 nor TIS-620
    ├── DamagedFile               code "damaged_file"    a DOCX whose zip or XML is broken
    ├── NotACircular              code "not_a_circular"  readable, but no indicator table
    ├── MalformedIndicator        code "indicator"       an indicator's levels cannot be read
    │   ├── MissingLevel          code "missing_level"   a level of 1..5 is not printed
    │   ├── DuplicateLevel        code "duplicate_level" a level is printed twice
    │   ├── LevelOutOfRange       code "level_range"     ``ระดับคะแนน 7``
    │   └── OrphanLevel           code "orphan_level"    a level before any ``ตัวชี้วัดที่ N``
    └── InvalidCircularData       code "invalid_data"    JSON that is not kpi-circular/1

Each error carries a stable ``code``, ``where`` (``"line 42"``, ``"table 2 row 3"``,
``"paragraph 7"`` or ``None``) and an English ``template`` marked with :func:`gettext_noop`
so the project's catalogue can translate it; ``translated(gettext)`` renders it in the
caller's language. The pure package never picks a language itself.

A ``detail`` or ``format`` that is one of ``WORDS`` (``"zip_damaged"``, ``"png"``) is put into
words when the message is filled, through the same ``gettext``; any other (a library's own
explanation) is shown as it is. Errors with such words also carry ``template_th``:
``message_th`` is their Thai from this module alone (for the CLI, or while the catalogue lacks
a word); None for the others.
"""

from collections.abc import Callable
from typing import ClassVar

__all__ = [
    "WORDS",
    "BinaryInput",
    "CircularError",
    "DamagedFile",
    "DuplicateLevel",
    "EmptyInput",
    "InvalidCircularData",
    "LevelOutOfRange",
    "MalformedIndicator",
    "MissingLevel",
    "NotACircular",
    "OrphanLevel",
    "UndecodableText",
    "UnsupportedFormat",
    "gettext_noop",
]


def gettext_noop(message: str) -> str:
    """Mark *message* for Django's ``makemessages`` without translating it."""
    return message


#: code → (English words, marked for the catalogue; Thai words), for ``detail`` and ``format``
WORDS: dict[str, tuple[str, str]] = {
    # why a DOCX (a zip of XML parts) or an HTML file cannot be read
    "zip_damaged": (
        gettext_noop("its zip archive is truncated or corrupt"),
        "ข้อมูลในไฟล์ขาดหายหรือเสียหาย จึงเปิดไฟล์ไม่ได้",
    ),
    "document_missing": (
        gettext_noop("word/document.xml is missing"),
        "ไม่มีส่วนเนื้อหาของเอกสาร (word/document.xml)",
    ),
    # kpi.circulars.parse_docx and parse_html pass these sentences as they are
    "a part of the package is malformed": (
        gettext_noop("a part of the package is malformed"),
        "ส่วนประกอบบางส่วนในไฟล์ผิดรูปแบบ",
    ),
    "elements nested too deeply": (
        gettext_noop("elements nested too deeply"),
        "มีแท็ก HTML ซ้อนกันลึกเกินไป",
    ),
    # what a binary file is
    "png": (gettext_noop("PNG image"), "ภาพ PNG"),
    "jpeg": (gettext_noop("JPEG image"), "ภาพ JPEG"),
    "gif": (gettext_noop("GIF image"), "ภาพ GIF"),
    "executable": (gettext_noop("executable"), "โปรแกรม"),
    "gzip": (gettext_noop("gzip archive"), "ไฟล์บีบอัด gzip"),
    "rar": (gettext_noop("RAR archive"), "ไฟล์บีบอัด RAR"),
    "7z": (gettext_noop("7-Zip archive"), "ไฟล์บีบอัด 7-Zip"),
    "nul": (gettext_noop("NUL bytes"), "มีไบต์ NUL"),
    "controls": (gettext_noop("control characters"), "มีอักขระควบคุมมากเกินไป"),
    # formats named in words (the others are names: PDF, RTF, XLSX, PPTX, OpenDocument, DOCX)
    "ole": (
        gettext_noop("Word 97-2003 (.doc) or another OLE file"),
        "Word 97-2003 (.doc) หรือไฟล์ OLE อื่น",
    ),
    "zip": (gettext_noop("ZIP archive"), "ไฟล์บีบอัด ZIP"),
}
_WORD_PARAMS = ("detail", "format")
_THAI = {english: thai for english, thai in WORDS.values()}


def _same(text: str) -> str:
    return text


def _thai(text: str) -> str:
    return _THAI.get(text, text)


class CircularError(Exception):
    """Base of every parser error: the input is not a readable KPI circular.

    Attributes:
        code: stable identifier for programs and tests.
        template: English message with ``%(name)s`` placeholders.
        where: the place in the input (line, table row, paragraph), or ``None``.
        params: the values substituted into the template.
    """

    code = "circular"
    template = gettext_noop("Not a KPI circular")
    template_th: ClassVar[str | None] = None

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(str(self))

    def _values(self, translate: Callable[[str], str]) -> dict[str, object]:
        values = dict(self.params)
        for name in _WORD_PARAMS:
            known = WORDS.get(str(values.get(name)))
            if known:
                values[name] = translate(known[0])
        return values

    @property
    def message(self) -> str:
        """The English message."""
        return self.template % self._values(_same)

    @property
    def message_th(self) -> str | None:
        """The Thai message from ``template_th`` and ``WORDS``; None without ``template_th``."""
        if self.template_th is None:
            return None
        return self.template_th % self._values(_thai)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message translated by *gettext* (e.g. the Thai catalogue's)."""
        return gettext(self.template) % self._values(gettext)

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


class EmptyInput(CircularError):
    """The file is empty or holds only whitespace."""

    code = "empty"
    template = gettext_noop("The file is empty")


class BinaryInput(CircularError):
    """The bytes are not text (an image, an executable, random data)."""

    code = "binary"
    template = gettext_noop("The file is binary data, not a document (%(detail)s)")
    template_th = "ไฟล์นี้เป็นข้อมูลไบนารี ไม่ใช่เอกสาร (%(detail)s)"


class UnsupportedFormat(CircularError):
    """A real document in a format the parser does not read (PDF, XLSX, old .doc)."""

    code = "unsupported"
    template = gettext_noop(
        "Unsupported file format: %(format)s (use text, HTML or DOCX; copy a PDF's text out)"
    )
    template_th = (
        "ไม่รองรับไฟล์รูปแบบ %(format)s (ใช้ไฟล์ข้อความ HTML หรือ DOCX; สำหรับ PDF ให้คัดลอกข้อความออกมา)"
    )


class UndecodableText(UnsupportedFormat):
    """Text in an encoding other than UTF-8 or TIS-620/Windows-874."""

    code = "encoding"
    template = gettext_noop("The text is neither UTF-8 nor TIS-620 (byte %(offset)s)")
    template_th = "ข้อความไม่ได้เข้ารหัสแบบ UTF-8 หรือ TIS-620 (ไบต์ที่ %(offset)s)"


class DamagedFile(CircularError):
    """A DOCX whose zip archive or XML cannot be read (or HTML the parser gives up on).

    ``detail`` is a code of ``WORDS`` where the reason is known (``"zip_damaged"``), else the
    reading library's own explanation.
    """

    code = "damaged_file"
    template = gettext_noop("The %(format)s file is damaged: %(detail)s")
    template_th = "ไฟล์ %(format)s เสียหาย: %(detail)s"


class NotACircular(CircularError):
    """Readable text, but no table of indicators (e.g. an ordinary Thai letter)."""

    code = "not_a_circular"
    template = gettext_noop("No indicator table found: this is not a KPI circular")


class MalformedIndicator(CircularError):
    """An indicator whose levels cannot be read; the subclasses say how.

    ``indicator`` is written as the document does: ``ตัวชี้วัดที่ 8``.
    """

    code = "indicator"
    template = gettext_noop("%(indicator)s cannot be read")


class MissingLevel(MalformedIndicator):
    """A criterion lacks one of the levels 1 to 5."""

    code = "missing_level"
    template = gettext_noop("%(indicator)s has no level %(level)s")


class DuplicateLevel(MalformedIndicator):
    """A criterion prints the same level twice."""

    code = "duplicate_level"
    template = gettext_noop("%(indicator)s prints level %(level)s twice")


class LevelOutOfRange(MalformedIndicator):
    """A level label outside 1 to 5."""

    code = "level_range"
    template = gettext_noop("%(indicator)s has level %(level)s; levels run from 1 to 5")


class OrphanLevel(MalformedIndicator):
    """A level label before any indicator heading (``ตัวชี้วัดที่ N``)."""

    code = "orphan_level"
    template = gettext_noop("Level %(level)s appears before any indicator heading")


class InvalidCircularData(CircularError):
    """A JSON object given to ``Circular.from_dict`` that is not ``kpi-circular/1``."""

    code = "invalid_data"
    template = gettext_noop("Not kpi-circular/1 data: %(detail)s")
