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
"""

from collections.abc import Callable

__all__ = [
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

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(str(self))

    @property
    def message(self) -> str:
        """The English message."""
        return self.template % self.params

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message translated by *gettext* (e.g. the Thai catalogue's)."""
        return gettext(self.template) % self.params

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


class UnsupportedFormat(CircularError):
    """A real document in a format the parser does not read (PDF, XLSX, old .doc)."""

    code = "unsupported"
    template = gettext_noop(
        "Unsupported file format: %(format)s (use text, HTML or DOCX; copy a PDF's text out)"
    )


class UndecodableText(UnsupportedFormat):
    """Text in an encoding other than UTF-8 or TIS-620/Windows-874."""

    code = "encoding"
    template = gettext_noop("The text is neither UTF-8 nor TIS-620 (byte %(offset)s)")


class DamagedFile(CircularError):
    """A DOCX whose zip archive or XML cannot be read."""

    code = "damaged_file"
    template = gettext_noop("The %(format)s file is damaged: %(detail)s")


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
