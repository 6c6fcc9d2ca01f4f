"""Thai digits (๐-๙) to Arabic digits (0-9) and back.

PyThaiNLP's helpers are plain ``str.translate`` calls and ``pythainlp.util`` imports in about
0.1 s, inside the CLI's start-up budget, so we use them rather than our own tables
(STYLE.md: PyThaiNLP before our own Thai helpers).
"""

from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit

__all__ = ["to_arabic", "to_thai"]


def to_arabic(text: str) -> str:
    """Return *text* with every Thai digit (``๐``-``๙``) replaced by its Arabic digit.

    Everything else, Arabic digits included, is left untouched.

    Raises:
        TypeError: *text* is not a ``str``.
    """
    return thai_digit_to_arabic_digit(text)


def to_thai(text: str) -> str:
    """Return *text* with every Arabic digit (``0``-``9``) replaced by its Thai digit.

    Everything else, Thai digits included, is left untouched.

    Raises:
        TypeError: *text* is not a ``str``.
    """
    return arabic_digit_to_thai_digit(text)
