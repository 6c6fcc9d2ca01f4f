"""The common stream every format reader produces and the one interpreter reads.

A circular is a letter followed by tables. Readers keep only what the interpreter needs:

* :class:`Line`: one line of running text (a text line, an HTML ``<p>`` or ``<br>``-separated
  line, a Word paragraph, a line of text copied out of a PDF).
* :class:`Row`: one table row; each cell is a tuple of lines (its paragraphs).

Text copied out of a PDF has no rows: its cells arrive as lines, and the interpreter recovers
weights and responsible units from lines inside a table section. Strings are already
normalised (``normalise.clean``) and non-empty.
"""

from dataclasses import dataclass

__all__ = ["Block", "Line", "Row"]


@dataclass(frozen=True)
class Line:
    """A line of text outside any table structure.

    Attributes:
        text: the normalised text, never empty.
        where: where it was read (``"line 12"``, ``"paragraph 4"``), for error messages.
    """

    text: str
    where: str


@dataclass(frozen=True)
class Row:
    """A table row: cells in column order, each a tuple of normalised lines.

    Attributes:
        cells: one tuple of lines per cell; an empty cell is an empty tuple.
        where: where it was read (``"table 2 row 3"``, ``"line 17"``).
        continued: indexes of cells that continue the cell above (a vertical merge, HTML
            ``rowspan``); they repeat its lines, so a weight merged over the rows of ``เดิม``
            and ``แก้ไข`` belongs to both, while indicator text is not read twice.
    """

    cells: tuple[tuple[str, ...], ...]
    where: str
    continued: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        """All the row's lines joined with spaces (for header and total detection)."""
        return " ".join(line for cell in self.cells for line in cell)


Block = Line | Row
