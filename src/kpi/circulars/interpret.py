"""The one interpreter: a block stream (from any format) → a :class:`Circular`.

The stream is cut where the indicator tables begin: the letter before, the tables (with the
title block above them) after. The letter gives the document fields; the titles, then the
letter, give the round; the tables give the agreement and the indicators.
"""

from collections.abc import Sequence

from kpi.circulars.blocks import Block, Line, Row
from kpi.circulars.errors import NotACircular
from kpi.circulars.labels import HEADING, KIND_LINE, LEVEL, STATUS, is_header, is_title
from kpi.circulars.letter import read_letter
from kpi.circulars.model import Circular
from kpi.circulars.rounds import read_agreement, read_round
from kpi.circulars.tables import TableReader

__all__ = ["interpret"]

# How far above the first table row its title block may start.
_TITLE_DEPTH = 6
# How far above a level line (in text without rows) its indicator heading may be.
_HEADING_DEPTH = 8


def _lines(block: Block) -> list[str]:
    if isinstance(block, Row):
        return [line for cell in block.cells for line in cell]
    return [block.text]


def _starts_table(block: Block) -> bool:
    if isinstance(block, Row):
        return is_header(block.text) or any(
            HEADING.match(line) or LEVEL.match(line) for line in _lines(block)
        )
    return is_header(block.text) or bool(KIND_LINE.match(block.text))


def _table_start(blocks: Sequence[Block]) -> int | None:
    """Index of the first block of the indicator tables, or ``None`` when there are none."""
    for index, block in enumerate(blocks):
        if _starts_table(block):
            return index
    # Text without rows and without a header: the first level line, taken back to the
    # indicator heading (and เดิม/แก้ไข) above it.
    for index, block in enumerate(blocks):
        if isinstance(block, Line) and LEVEL.match(block.text):
            for back in range(index - 1, max(index - _HEADING_DEPTH, -1), -1):
                if HEADING.match(blocks[back].text if isinstance(blocks[back], Line) else ""):
                    while back > 0 and STATUS.match(_lines(blocks[back - 1])[0]):
                        back -= 1
                    return back
    return None


def _is_title_block(block: Block, *, parties_allowed: bool) -> bool:
    lines = _lines(block)
    if len(lines) != 1:
        return False
    text = lines[0]
    return is_title(text) or (parties_allowed and " กับ " in text and len(text) <= 120)


def _title_start(blocks: Sequence[Block], start: int) -> int:
    """Index where the title block above the first table begins."""
    first = start
    for index in range(start - 1, max(start - _TITLE_DEPTH, -1), -1):
        # The parties' line (``X กับ Y``) stands right above the table.
        if not _is_title_block(blocks[index], parties_allowed=index == start - 1):
            break
        first = index
    return first


def interpret(blocks: Sequence[Block]) -> Circular:
    """Build the circular from *blocks*.

    Raises:
        NotACircular: no indicator table (a Thai letter about something else).
        MalformedIndicator: an indicator's levels cannot be read (missing, repeated…).
    """
    start = _table_start(blocks)
    if start is None:
        raise NotACircular()
    first = _title_start(blocks, start)
    letter = read_letter([line for block in blocks[:first] for line in _lines(block)])
    tables = TableReader()
    for block in blocks[first:]:
        tables.feed(block)
    indicators = tables.indicators()
    if not indicators:
        raise NotACircular(blocks[start].where)
    return Circular(
        document=letter.document,
        round=read_round([*tables.titles, *letter.texts]),
        agreement=read_agreement(tables.titles),
        indicators=tuple(indicators),
    )
