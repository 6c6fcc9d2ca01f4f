"""Thai-and-English messages for places without a request: the CLI and management commands.

The Thai text lives in the project's one catalogue (``locale/th/LC_MESSAGES/django.po``), the
same file Django uses for the pages; here it is read with the standard library's ``gettext`` so
the CLI does not have to configure Django just to print an error.
"""

import gettext as _gettext
from functools import cache
from pathlib import Path
from typing import Protocol

LOCALE_DIR = Path(__file__).parent / "locale"


class Translatable(Protocol):
    """An error of the pure packages: an English template plus its parameters."""

    where: str | None

    @property
    def message(self) -> str: ...

    def translated(self, gettext: "_GettextFunc") -> str: ...


class _GettextFunc(Protocol):
    def __call__(self, message: str, /) -> str: ...


@cache
def thai() -> _GettextFunc:
    """The Thai catalogue's ``gettext`` (the identity when the catalogue is missing)."""
    catalogue = _gettext.translation("django", LOCALE_DIR, languages=["th"], fallback=True)
    return catalogue.gettext


def translate(message: str) -> str:
    return thai()(message)


def both(thai_text: str, english_text: str) -> str:
    """``Thai / English``, or one of them when the catalogue has no Thai for it."""
    return english_text if thai_text == english_text else f"{thai_text} / {english_text}"


def describe(error: Translatable) -> str:
    """One line for standard error: Thai, then English, then where it happened."""
    text = both(error.translated(thai()), error.message)
    return f"{text} [{error.where}]" if error.where else text
