"""The notice as printed parts: every string already worded, numbered and in its numerals.

The DOCX and HTML writers only lay these parts out; what a part says is decided once, in
``letter``, ``body`` and ``attachment``, so the two formats cannot disagree.
"""

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CellParagraph",
    "Emblem",
    "Field",
    "Letter",
    "Notice",
    "NoticeOptions",
    "Table",
    "TableRow",
]


@dataclass(frozen=True)
class Emblem:
    """The office's Garuda image (ระเบียบงานสารบรรณ: 3 cm high, centred above ``ที่``).

    Attributes:
        data: the PNG or JPEG file's bytes.
        media_type: ``image/png`` or ``image/jpeg``.
    """

    data: bytes
    media_type: str


@dataclass(frozen=True)
class NoticeOptions:
    """What the office adds to the data: none of it is in ``kpi-circular/1``.

    Attributes:
        thai_digits: print ``๐``-``๙`` (the default) rather than ``0``-``9``.
        address: the office's address lines, printed under its name opposite ``ที่``.
        signer_name: printed in brackets under ``ขอแสดงความนับถือ``; a blank slot when ``None``.
        signer_position: the signer's position lines (e.g. ``พัฒนาการจังหวัด…``).
        emblem: the Garuda image; ``None`` leaves its 3 cm slot empty.
        body: the body's paragraphs as the office wrote them; written from the data when
            ``None``. The closing ``จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ`` is always added.
    """

    thai_digits: bool = True
    address: tuple[str, ...] = ()
    signer_name: str | None = None
    signer_position: tuple[str, ...] = ()
    emblem: Emblem | None = None
    body: tuple[str, ...] | None = None


# Where a labelled line's value starts, in cm from the margin: the label's printed width
# at 16 pt plus a space, so wrapped lines align under the value.
_INDENTS = {"อ้างถึง": "1.75", "สิ่งที่ส่งมาด้วย": "3.5"}
_INDENT = "1.5"


@dataclass(frozen=True)
class Field:
    """A labelled part of the letter's head (``เรื่อง``, ``เรียน``/``ถึง``, ``อ้างถึง``, …).

    Attributes:
        label: the printed label.
        lines: the value; lines after the first are aligned under it (numbered references).
    """

    label: str
    lines: tuple[str, ...]

    @property
    def indent(self) -> str:
        """Where the value starts, in cm from the margin (``"1.5"``)."""
        return _INDENTS.get(self.label, _INDENT)


@dataclass(frozen=True)
class Letter:
    """The letter's parts in the order ระเบียบงานสารบรรณ gives them.

    Attributes:
        number: the letter number after ``ที่`` (``อบ ๐๐๑๙/ว ๕๓๖``), ``None`` when unknown.
        office: the issuing office and its address, printed opposite ``ที่``.
        date: the printed date, ``None`` when the data has none.
        fields: ``เรื่อง``, ``เรียน``/``ถึง``, ``อ้างถึง``, ``สิ่งที่ส่งมาด้วย`` (those known).
        body: the body's paragraphs, the closing sentence last.
        signer: the signer's name in brackets (or the blank slot).
        signer_position: lines under the name.
        owner_unit: ส่วนราชการเจ้าของเรื่อง, the unit to contact.
        contacts: ``โทร. …``, ``โทรสาร …`` (or one ``โทร./โทรสาร …``).
        emblem: the Garuda image, or ``None`` for an empty slot.
    """

    number: str | None
    office: tuple[str, ...]
    date: str | None
    fields: tuple[Field, ...]
    body: tuple[str, ...]
    signer: str
    signer_position: tuple[str, ...]
    owner_unit: str | None
    contacts: tuple[str, ...]
    emblem: Emblem | None = None
    closing: str = "ขอแสดงความนับถือ"


Role = Literal["status", "heading", "size", "level"]
# Thai characters (marks included) in a line of the indicator column, on the low side.
_LINE_CHARACTERS = 36
# The print style's line height, 1.3 em, in tenths of an em.
_LINE_HEIGHT_TENTHS = 13


@dataclass(frozen=True)
class CellParagraph:
    """One paragraph of an indicator cell.

    Attributes:
        role: ``status`` (เดิม/แก้ไข), ``heading`` (ตัวชี้วัดที่ N), ``size`` (อำเภอขนาด…) or
            ``level`` (ระดับคะแนน N).
        label: the part printed in bold (``ระดับคะแนน ๑``, ``ตัวชี้วัดที่ ๕``, ``แก้ไข``).
        text: the rest (the level's text, the indicator's name); empty for status and size.
    """

    role: Role
    label: str
    text: str = ""

    @property
    def plain(self) -> str:
        """The paragraph as one line of text."""
        return f"{self.label} {self.text}" if self.text else self.label


@dataclass(frozen=True)
class TableRow:
    """One printing of an indicator: its cell paragraphs, weight and responsible unit.

    Attributes:
        status: ``original``, ``revised`` or ``current`` (pages may highlight revised rows).
        paragraphs: the first cell's paragraphs.
        weight: the weight as printed, ``""`` when unknown.
        responsible: the unit's line, then one ``/person`` line per person (either may be
            absent).
    """

    status: str
    paragraphs: tuple[CellParagraph, ...]
    weight: str
    responsible: tuple[str, ...]

    @property
    def blocks(self) -> tuple[tuple[CellParagraph, ...], ...]:
        """The paragraphs in groups that each end with a level: a page may break between
        groups only, so a heading or size sub-heading is never left alone at a page's foot."""
        blocks: list[list[CellParagraph]] = [[]]
        for paragraph in self.paragraphs:
            blocks[-1].append(paragraph)
            if paragraph.role == "level":
                blocks.append([])
        return tuple(tuple(block) for block in blocks if block)

    @property
    def lead_height(self) -> str:
        """About how tall the first block is in the indicator column, as a CSS length.

        The weight and responsible cells are kept at least this tall and unbreakable, so a
        row never starts at a page's foot with its numbers but without its indicator.
        """
        first = self.blocks[0] if self.paragraphs else ()
        lines = sum(-(-len(paragraph.plain) // _LINE_CHARACTERS) for paragraph in first)
        tenths = max(lines, 1) * _LINE_HEIGHT_TENTHS
        return f"{tenths // 10}.{tenths % 10}em"


@dataclass(frozen=True)
class Table:
    """The attachment's table for one kind of indicator, with the title block above it.

    Attributes:
        titles: the title lines (the round, then ``evaluator กับ evaluatee``).
        header: the header row's three cells.
        rows: one row per version, in document order.
    """

    titles: tuple[str, ...]
    header: tuple[str, str, str]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Notice:
    """A whole notice: the letter, then the attachment's tables.

    Attributes:
        title: the document's title for file metadata (the subject, or a description).
        letter: the letter.
        tables: the attachment, one table per run of indicators of one kind.
        thai_digits: the numerals of the notice (page numbers follow them).
    """

    title: str
    letter: Letter
    tables: tuple[Table, ...] = field(default_factory=tuple)
    thai_digits: bool = True
