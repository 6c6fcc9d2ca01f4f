"""Letter numbers (``อบ 0019/ว 536``) and the references a letter makes to other letters.

สารบรรณ: a letter number is the office's letter prefix (``อบ``), its code (``0019``, or
``0401.4`` for a division), ``/ว`` when the letter is a circular, and the year's serial.
"""

import re
from collections.abc import Iterable
from datetime import date

from kpi.circulars.model import Reference
from kpi.thai import find_thai_dates

__all__ = ["LETTER_NUMBER", "find_letter_number", "format_letter_number", "read_references"]

#: A letter number as printed, digits already Arabic: ``อบ 0019/ว 536``, ``มท0401.4/ว.3210``.
LETTER_NUMBER = re.compile(
    r"(?<![ก-ฮ])(?P<prefix>[ก-ฮ]{1,3})\.?\s*(?P<code>\d{2,5}(?:\.\d+)*)\s*/\s*"
    r"(?P<circular>ว\.?\s*)?(?P<serial>\d+)(?!\d)"
)
# ``๑. หนังสือ…``: the numbered items of an อ้างถึง block.
_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\s*[.)]\s+")
_DATE_LABEL = re.compile(r"ลงวันที่|ลว\.")


def format_letter_number(match: re.Match[str]) -> str:
    """``PREFIX CODE/ว SERIAL`` with single spaces; ``/ว`` only when printed."""
    circular = "ว " if match["circular"] else ""
    return f"{match['prefix']} {match['code']}/{circular}{match['serial']}"


def find_letter_number(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first letter number in *text*, normalised, with its span; ``None`` if there is none.

    >>> find_letter_number("ที่ อบ 0019/ว 536")[0]
    'อบ 0019/ว 536'
    """
    match = LETTER_NUMBER.search(text)
    if match is None:
        return None
    return format_letter_number(match), match.span()


def _reference(text: str) -> Reference | None:
    """The number (after ``ที่``) and date (after ``ลงวันที่``) of one cited letter."""
    found = None
    at = text.find("ที่")
    while at != -1 and found is None:
        candidate = find_letter_number(text[at + 3 :])
        if candidate and not text[at + 3 : at + 3 + candidate[1][0]].strip():
            found = candidate[0]
        at = text.find("ที่", at + 3)
    if found is None:
        number = find_letter_number(text)
        found = number[0] if number else None
    cited: date | None = None
    label = _DATE_LABEL.search(text)
    dates = find_thai_dates(text[label.end() :] if label else text)
    if dates:
        cited = dates[0][0]
    if found is None and cited is None:
        return None
    return Reference(number=found, date=cited)


def _items(block: str) -> list[str]:
    """Split an อ้างถึง block into its numbered items (one item when unnumbered)."""
    starts = [m.start() for m in _ITEM.finditer(block)]
    if not starts:
        return [block]
    pieces = [
        block[start:end] for start, end in zip(starts, [*starts[1:], len(block)], strict=True)
    ]
    return [piece for piece in pieces if piece.strip()]


# ``ตามหนังสือ… ที่ … ลงวันที่ …`` and a chained ``… และหนังสือ… ที่ … ลงวันที่ …``: each clause
# ends at its date. A sentence such as ``ตามที่อ้างถึง ๑`` cites no new letter and never
# matches (no ``หนังสือ``).
_BODY_CITATION = re.compile(r"(?:ตาม|และ)\s*หนังสือ(?P<clause>.{0,160}?ลงวันที่\s*\S+\s*\S+\s*\S+)")


def read_references(reference_block: str | None, body: Iterable[str]) -> tuple[Reference, ...]:
    """The letters cited in the อ้างถึง block and by ``ตามหนังสือ … ที่ … ลงวันที่ …`` in the body.

    Each letter appears once, in the order cited (the block's items first).
    """
    references: list[Reference] = []
    if reference_block:
        for item in _items(reference_block):
            reference = _reference(item)
            if reference is not None:
                references.append(reference)
    for paragraph in body:
        for match in _BODY_CITATION.finditer(paragraph):
            clause = match["clause"]
            if LETTER_NUMBER.search(clause) is None:
                continue
            reference = _reference(clause)
            if reference is not None:
                references.append(reference)
    unique: list[Reference] = []
    for reference in references:
        if reference.number is not None and any(r.number == reference.number for r in unique):
            continue
        unique.append(reference)
    return tuple(unique)
