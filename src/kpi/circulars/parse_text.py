"""Plain text → the block stream.

Two kinds of plain text reach us:

* text saved from the circular's tables (``shared/seeds/``): letter lines, then one line per
  table row with cells separated by TAB and the first cell's paragraphs marked ``<p>…</p>``;
* text copied out of a PDF: one line per printed line, cells flattened into lines, page
  numbers and running headers on every page, lines broken mid-sentence.

A line holding a TAB becomes a :class:`~kpi.circulars.blocks.Row`; the interpreter flattens
rows that are really letter lines laid out with tabs. Other lines become
:class:`~kpi.circulars.blocks.Line` objects. Page furniture is removed here, where page
breaks (form feeds, page-number lines) are still visible.
"""

import re

from kpi.circulars.blocks import Block, Line, Row
from kpi.circulars.normalise import clean, split_lines
from kpi.circulars.parse_html import fragment_lines

__all__ = ["read_text"]

# "- 2 -", "-2-", "หน้า 2", "หน้า 2/5", "หน้า 2 จาก 5", "2/5": printed page numbers.
_PAGE_NUMBER = re.compile(r"^(?:-\s*\d+\s*-|หน้า(?:ที่)?\s*\d+(?:\s*(?:/|จาก)\s*\d+)?|\d+\s*/\s*\d+)$")
_MARKUP = re.compile(r"</?(?:p|br|div|span|b|i|u|strong|em)\b[^>]*>", re.IGNORECASE)
# Lines that carry content even when they repeat at a page top (levels of two versions can
# be identical): never treated as running headers.
_CONTENT_START = re.compile(r"^(?:ระดับ|ตัวชี้วัดที่|เดิม|แก้ไข|อำเภอขนาด|ขนาด|\d+(?:\.\d+)?$)")
# How many lines at the top and bottom of a page may be running headers or footers.
_HEADER_DEPTH = 5
_FOOTER_DEPTH = 2


def _is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text))


def _pages(cleaned: list[str], breaks: set[int]) -> list[list[int]]:
    """Indexes of the non-blank lines of each page.

    A page ends before a line that starts with a form feed (index in *breaks*), and at a
    page-number line.
    """
    pages: list[list[int]] = [[]]
    for index, text in enumerate(cleaned):
        if index in breaks and pages[-1]:
            pages.append([])
        if _is_page_number(text):
            if pages[-1]:
                pages.append([])
            continue
        if text:
            pages[-1].append(index)
    return [page for page in pages if page]


def _furniture(cleaned: list[str], breaks: set[int]) -> set[int]:
    """Indexes of page numbers and of repeats of running headers/footers (first kept).

    A running header or footer stands at the same place (the n-th line from the top or the
    bottom) on most pages; a content line that happens to repeat near a page break does not.
    """
    drop = {i for i, text in enumerate(cleaned) if _is_page_number(text)}
    pages = _pages(cleaned, breaks)
    if len(pages) < 2:
        return drop
    placed: dict[tuple[str, int, str], list[int]] = {}
    for page in pages:
        for offset, index in enumerate(page[:_HEADER_DEPTH]):
            placed.setdefault(("top", offset, cleaned[index]), []).append(index)
        for offset, index in enumerate(reversed(page[-_FOOTER_DEPTH:])):
            placed.setdefault(("bottom", offset, cleaned[index]), []).append(index)
    # On most pages, too: two versions of a level printing the same text can meet a page
    # break at the same place once, a running header does so on every page.
    needed = max(2, (len(pages) + 1) // 2)
    first_seen: dict[str, int] = {}
    for index, text in enumerate(cleaned):
        first_seen.setdefault(text, index)
    for (_, _, text), indexes in placed.items():
        if len(indexes) >= needed and not _CONTENT_START.match(text):
            # The first printing stays: on the first page it is the document's own title.
            drop.update(index for index in indexes if index != first_seen[text])
    return drop


def _cell_lines(cell: str) -> tuple[str, ...]:
    if _MARKUP.search(cell):
        return tuple(fragment_lines(cell))
    text = clean(cell)
    return (text,) if text else ()


def read_text(text: str) -> list[Block]:
    """Read decoded plain text into blocks; ``where`` is ``"line N"`` (1-based).

    A line with a TAB is a row of cells; ``<p>`` markup inside a line separates paragraphs.
    Page numbers and repeated running headers are left out.
    """
    raw_lines = split_lines(text)
    # A form feed (pdftotext's page break) opens the page of the line it starts or follows.
    breaks = {i for i, raw in enumerate(raw_lines) if "\f" in raw}
    breaks |= {i + 1 for i, raw in enumerate(raw_lines) if raw.rstrip().endswith("\f")}
    raw_lines = [raw.replace("\f", "") for raw in raw_lines]
    cleaned = [clean(raw) for raw in raw_lines]
    drop = _furniture(cleaned, breaks)
    blocks: list[Block] = []
    for index, raw in enumerate(raw_lines):
        if index in drop:
            continue
        where = f"line {index + 1}"
        if "\t" in raw:
            cells = tuple(_cell_lines(cell) for cell in raw.split("\t"))
            if any(cells):
                blocks.append(Row(cells, where))
        elif _MARKUP.search(raw):
            blocks.extend(Line(line, where) for line in fragment_lines(raw))
        elif cleaned[index]:
            blocks.append(Line(cleaned[index], where))
    return blocks
