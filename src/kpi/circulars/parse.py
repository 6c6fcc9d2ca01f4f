"""The entry points: a file's bytes → a :class:`~kpi.circulars.model.Circular`."""

from os import PathLike
from pathlib import Path

from kpi.circulars.blocks import Block
from kpi.circulars.errors import CircularError, EmptyInput
from kpi.circulars.formats import decode_text, detect
from kpi.circulars.interpret import interpret
from kpi.circulars.model import Circular
from kpi.circulars.parse_html import read_html
from kpi.circulars.parse_text import read_text

__all__ = ["parse_bytes", "parse_path", "read_blocks"]


def read_blocks(data: bytes) -> list[Block]:
    """The block stream of *data* in whichever format it is (DOCX, HTML or text).

    Raises:
        CircularError: empty, binary, damaged or unsupported input.
    """
    kind = detect(data)
    if kind == "docx":
        # python-docx costs ~60 ms to import: only DOCX input pays for it (CLI start-up).
        from kpi.circulars.parse_docx import read_docx

        blocks = read_docx(data)
    elif kind == "html":
        # Decoded here as text files are: BeautifulSoup's own sniffing trusts whatever a
        # <meta charset> says, and lxml rejects an encoding name that is garbage.
        blocks = read_html(decode_text(data))
    else:
        blocks = read_text(decode_text(data))
    if not blocks:
        raise EmptyInput()
    return blocks


def parse_bytes(data: bytes, filename: str = "") -> Circular:
    """Parse a circular from its bytes; the format is detected from the content.

    Args:
        data: the file's content (DOCX, HTML, or UTF-8/TIS-620 text).
        filename: the file's name, used only in messages.

    Raises:
        CircularError: any reason the input is not a readable KPI circular; the error's
            ``code`` and ``where`` say which and where. No other exception escapes.
    """
    try:
        return interpret(read_blocks(data))
    except CircularError as error:
        # A whole-file problem (empty, damaged, not a circular) is located by the file's name.
        if filename and error.where is None:
            error.where = filename
        raise


def parse_path(path: str | PathLike[str]) -> Circular:
    """Parse the circular in the file at *path*.

    Raises:
        CircularError: as :func:`parse_bytes`.
        OSError: the file cannot be read.
    """
    file = Path(path)
    return parse_bytes(file.read_bytes(), file.name)
