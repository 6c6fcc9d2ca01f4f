"""Why a notice could not be written.

::

    NoticeError              code "notice"          (base; never raised itself)
    ├── UnreadableInput      code "notice_input"    the input is not JSON (or not UTF-8)
    └── UnsupportedOutput    code "notice_output"   the output name ends neither .docx nor .pdf

A JSON object that is not ``kpi-circular/1`` raises the parser's ``InvalidCircularData``
(``kpi.circulars``), so one contract check serves the parser, the importer and the writer.
Each error carries a stable ``code``, ``where`` (a file name or ``"line L column C"``) and an
English ``template`` marked with :func:`gettext_noop`; ``translated(gettext)`` renders it in
the caller's language.
"""

from collections.abc import Callable

__all__ = ["NoticeError", "UnreadableInput", "UnsupportedOutput", "gettext_noop"]


def gettext_noop(message: str) -> str:
    """Mark *message* for Django's ``makemessages`` without translating it."""
    return message


class NoticeError(Exception):
    """Base of the writer's errors.

    Attributes:
        code: stable identifier for programs and tests.
        template: English message with ``%(name)s`` placeholders.
        where: the place in the input or the output's name, or ``None``.
        params: the values substituted into the template.
    """

    code = "notice"
    template = gettext_noop("The notice cannot be written")

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


class UnreadableInput(NoticeError):
    """Raised when the input is not UTF-8 JSON; ``detail`` says what the decoder met."""

    code = "notice_input"
    template = gettext_noop("The input is not kpi-circular/1 JSON: %(detail)s")


class UnsupportedOutput(NoticeError):
    """Raised when the output's name ends in neither ``.docx`` nor ``.pdf``."""

    code = "notice_output"
    template = gettext_noop("Write the notice to a .docx or .pdf file, not %(name)s")
