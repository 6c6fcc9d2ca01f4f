"""HTML (a circular saved from Word or a web page) → the block stream.

BeautifulSoup with lxml does the parsing and entity decoding. Block elements and ``<br>``
end a line; tables become :class:`~kpi.circulars.blocks.Row` objects whose cells are lists of
lines. A table nested inside a cell contributes its text as more lines of that cell.
"""

from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from bs4.builder import ParserRejectedMarkup
from bs4.element import NavigableString, PreformattedString

from kpi.circulars.blocks import Block, Line, Row
from kpi.circulars.errors import DamagedFile
from kpi.circulars.normalise import clean

__all__ = ["fragment_lines", "read_html"]

# Elements whose start and end break a line; everything else is inline.
_BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    )
)
_SKIPPED_TAGS = frozenset(
    ("head", "script", "style", "template", "noscript", "title", "meta", "link")
)


def _soup(markup: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(markup, "lxml")
    except ParserRejectedMarkup as error:
        raise DamagedFile(format="HTML", detail=str(error)) from None


class _LineCollector:
    """Accumulates inline text; ``flush`` ends the current line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str) -> None:
        self._parts.append(text)

    def flush(self) -> None:
        text = clean("".join(self._parts))
        self._parts = []
        if text:
            self.lines.append(text)


def _collect(node: Tag, out: _LineCollector) -> None:
    """Append *node*'s text to *out*, breaking lines at blocks and ``<br>``."""
    for child in node.children:
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            out.add(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIPPED_TAGS:
            continue
        if child.name == "br":
            out.flush()
        elif child.name in _BLOCK_TAGS:
            out.flush()
            _collect(child, out)
            out.flush()
        else:
            _collect(child, out)


def fragment_lines(markup: str) -> list[str]:
    """The normalised lines of an HTML fragment (``<p>a</p> <p>b</p>`` → ``["a", "b"]``).

    Plain text without markup gives one line (or none when blank).

    Raises:
        DamagedFile: the fragment nests elements thousands deep.
    """
    out = _LineCollector()
    try:
        _collect(_soup(markup), out)
    except RecursionError:
        raise DamagedFile(format="HTML", detail="elements nested too deeply") from None
    out.flush()
    return out.lines


def _rows(table: Tag) -> Iterator[Tag]:
    """The table's own rows (not those of a table nested in a cell)."""
    for row in table.find_all("tr"):
        if row.find_parent("table") is table:
            yield row


def _cells(row: Tag) -> list[Tag]:
    return [cell for cell in row.find_all(["td", "th"], recursive=False)]


def _cell_lines(cell: Tag) -> tuple[str, ...]:
    out = _LineCollector()
    _collect(cell, out)
    out.flush()
    return tuple(out.lines)


# Spans beyond this are typing errors (or hostile input), not layout.
_MAX_SPAN = 50


def _span(cell: Tag, name: str) -> int:
    value = cell.get(name)
    text = value if isinstance(value, str) else ""
    return min(int(text), _MAX_SPAN) if text.strip().isdigit() and int(text) > 0 else 1


class _Spans:
    """Cells that span down into later rows: column → (lines, rows still to fill)."""

    def __init__(self) -> None:
        self._pending: dict[int, tuple[tuple[str, ...], int]] = {}

    def fill(self, cells: list[tuple[str, ...]], continued: set[int]) -> None:
        """Append the spanned cells that stand at the end of *cells*."""
        while (column := len(cells)) in self._pending:
            lines, remaining = self._pending.pop(column)
            cells.append(lines)
            continued.add(column)
            if remaining > 1:
                self._pending[column] = (lines, remaining - 1)

    def add(self, column: int, lines: tuple[str, ...], rows: int) -> None:
        if rows > 1:
            self._pending[column] = (lines, rows - 1)


def _grid(table: Tag) -> Iterator[tuple[list[tuple[str, ...]], frozenset[int]]]:
    """Each row's cells by column, ``rowspan``/``colspan`` resolved, and its continued columns.

    A cell spanning rows below repeats in them (marked continued); a cell spanning columns is
    followed by empty cells, so columns stay aligned with the header row.
    """
    spans = _Spans()
    for row in _rows(table):
        cells: list[tuple[str, ...]] = []
        continued: set[int] = set()
        for cell in _cells(row):
            spans.fill(cells, continued)
            lines, rows = _cell_lines(cell), _span(cell, "rowspan")
            for offset in range(_span(cell, "colspan")):
                spans.add(len(cells), lines if offset == 0 else (), rows)
                cells.append(lines if offset == 0 else ())
        spans.fill(cells, continued)
        yield cells, frozenset(continued)


def read_html(markup: str) -> list[Block]:
    """Read an HTML document into blocks: lines for running text, rows for table rows.

    ``where`` is ``"paragraph N"`` for a line (counting lines outside tables) and
    ``"table T row R"`` for a row.

    Raises:
        DamagedFile: lxml rejects the markup, or it nests elements thousands deep.
    """
    soup = _soup(markup)
    blocks: list[Block] = []
    counters = {"line": 0, "table": 0}
    out = _LineCollector()

    def emit_lines() -> None:
        out.flush()
        for text in out.lines:
            counters["line"] += 1
            blocks.append(Line(text, f"paragraph {counters['line']}"))
        out.lines = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):
                continue
            if isinstance(child, NavigableString):
                out.add(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIPPED_TAGS:
                continue
            if child.name == "table":
                emit_lines()
                counters["table"] += 1
                table_number = counters["table"]
                for index, (cells, continued) in enumerate(_grid(child), start=1):
                    if any(cells):
                        where = f"table {table_number} row {index}"
                        blocks.append(Row(tuple(cells), where, continued))
            elif child.name == "br":
                out.flush()
            elif child.name in _BLOCK_TAGS:
                out.flush()
                walk(child)
                out.flush()
            else:
                walk(child)

    try:
        walk(soup)
    except RecursionError:
        # Thousands of nested elements: no circular is laid out like that.
        raise DamagedFile(format="HTML", detail="elements nested too deeply") from None
    emit_lines()
    return blocks
