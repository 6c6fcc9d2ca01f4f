"""The indicator tables → indicators with their versions, weights and printed levels.

One reader for every format. A table row's first cell holds the indicator's paragraphs
(``เดิม``/``แก้ไข``, ``ตัวชี้วัดที่ N name``, ``อำเภอขนาดใหญ่``, ``ระดับคะแนน 1 …``), the
others its weight and responsible unit (the header row says which column is which). Text
copied out of a PDF has lost the cells: the same paragraphs arrive as lines, a weight is a line
holding only a number (or the end of the indicator's heading line), and the responsible unit
is the line after it. Lines that carry no label continue the level or name above them.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kpi.circulars.blocks import Block, Row
from kpi.circulars.errors import DuplicateLevel, LevelOutOfRange, MissingLevel, OrphanLevel
from kpi.circulars.labels import (
    HEADER_WORDS,
    HEADING,
    KIND_LINE,
    KIND_WORDS,
    LEVEL,
    NOTE,
    SIZE,
    SIZES,
    STATUS,
    TOTAL,
    is_header,
    is_title,
)
from kpi.circulars.method import PrintedCriterion, classify
from kpi.circulars.model import DistrictSize, Indicator, Kind, Status, Version

__all__ = ["TableReader", "split_responsible"]

_WEIGHT = re.compile(r"^(?P<weight>\d{1,3}(?:\.\d+)?)\s*%?$")
# The end of a flattened heading line: ``… 10 กง.ประสาน /กุลวดี`` (weight, responsible).
_HEADING_CELLS = re.compile(
    r"^(?P<name>.*?\S)\s+(?P<weight>\d{1,3}(?:\.\d+)?)(?:\s+(?P<responsible>\S.*))?$"
)
_RESPONSIBLE_START = re.compile(r"^(?:ก\.\s*ง\.|กง\.|กลุ่มงาน|กลุ่ม|ฝ่าย|งาน|ศูนย์|สำนัก)")
_NUMBER_WORDS_BEFORE = re.compile(r"(?:ที่|ปี|ข้อ|ระดับ|รุ่น|ฉบับ|พ\.ศ\.|ร้อยละ|จำนวน)$")
# Words a wrapped level line cannot end with: the next line completes it.
_OPEN_END = re.compile(r"(?:-|–|ร้อยละ|ถึง|ไม่เกิน|ไม่น้อยกว่า|มากกว่า|น้อยกว่า|ต่ำกว่า|ระหว่าง|,)$")


def split_responsible(text: str) -> tuple[str | None, tuple[str, ...]]:
    """``กง.ส่งเสริม / สมชาย, สมหญิง`` → ``("กง.ส่งเสริม", ("สมชาย", "สมหญิง"))``.

    The unit is what stands before the first ``/``; the persons are the names after it,
    separated by ``/`` or ``,``.
    """
    unit, _, persons = text.partition("/")
    names = tuple(name.strip() for name in re.split(r"[/,]", persons) if name.strip())
    return (unit.strip() or None), names


def _kind_of(text: str) -> Kind | None:
    for word, kind in KIND_WORDS.items():
        if word in text:
            return kind
    return None


@dataclass
class _Level:
    number: int
    parts: list[str]
    where: str


@dataclass
class _Criterion:
    size: DistrictSize | None
    levels: list[_Level] = field(default_factory=list)


@dataclass
class _Version:
    status: Status
    where: str
    weight: Decimal | None = None
    responsible: list[str] = field(default_factory=list)
    criteria: list[_Criterion] = field(default_factory=list)

    @property
    def has_levels(self) -> bool:
        return any(criterion.levels for criterion in self.criteria)


@dataclass
class _Indicator:
    kind: Kind
    number: int
    name_parts: list[str]
    where: str
    versions: list[_Version] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"ตัวชี้วัดที่ {self.number}"


class TableReader:
    """Feed it the blocks after the letter; ``indicators()`` returns what they define.

    Attributes:
        titles: the title lines met inside the tables (round and agreement are read there).
    """

    def __init__(self) -> None:
        self.titles: list[str] = []
        self._kind: Kind = "team"
        self._columns: dict[str, list[int]] = {}
        self._indicators: dict[tuple[Kind, int], _Indicator] = {}
        self._indicator: _Indicator | None = None
        self._version: _Version | None = None
        self._level: _Level | None = None
        self._target: list[str] | None = None  # the text a continuation line extends
        self._pending: Status | None = None
        self._cells: tuple[str, str | None] | None = None  # weight, responsible of a status line
        self._after_title = False
        self._expect_responsible = False
        self._skip_total_number = False

    # --- rows --------------------------------------------------------------------------------

    def feed(self, block: Block) -> None:
        """Read one block (a row or a line) of the tables."""
        if isinstance(block, Row):
            self._row(block)
        else:
            self._line(block.text, block.where, flat=True)

    def _row(self, row: Row) -> None:
        text = row.text
        if is_header(text):
            self._header(row)
            return
        first = next((" ".join(cell) for cell in row.cells if cell), "")
        if TOTAL.match(first):
            return
        roles = self._columns or {"content": [0], "weight": [1], "responsible": [2]}
        known = set(roles.get("weight", [])) | set(roles.get("responsible", []))
        for index, cell in enumerate(row.cells):
            if index not in known and index not in row.continued:
                for line in cell:
                    self._line(line, row.where, flat=False)
        self._target = None
        self._expect_responsible = False
        for index in roles.get("weight", []):
            if index < len(row.cells) and row.cells[index]:
                self._set_weight(" ".join(row.cells[index]))
        for index in roles.get("responsible", []):
            if index < len(row.cells) and row.cells[index] and self._version is not None:
                self._version.responsible = [" ".join(row.cells[index])]

    def _header(self, row: Row) -> None:
        self._set_kind(_kind_of(row.text))
        columns: dict[str, list[int]] = {"content": [], "weight": [], "responsible": []}
        for index, cell in enumerate(row.cells):
            cell_text = " ".join(cell)
            if "น้ำหนัก" in cell_text:
                columns["weight"].append(index)
            elif "รับผิดชอบ" in cell_text or (cell_text.startswith("หน่วยงาน") and index > 0):
                columns["responsible"].append(index)
            else:
                columns["content"].append(index)
        self._columns = columns

    # --- lines -------------------------------------------------------------------------------

    def _line(self, text: str, where: str, *, flat: bool) -> None:
        if self._structure(text, where, flat=flat):
            return
        if flat and self._flat_cell(text):
            return
        if NOTE.match(text):
            self._target = None
        elif self._target is not None:
            self._target.append(text)
        self._after_title = False

    def _structure(self, text: str, where: str, *, flat: bool) -> bool:
        """Handle a line that has a label of its own; ``False`` for any other line."""
        if is_header(text) or KIND_LINE.match(text):
            self._set_kind(_kind_of(text))
            self._after_title = False
            return True
        if flat and HEADER_WORDS.match(text):
            return True
        if TOTAL.match(text):
            self._skip_total_number = text == "รวม"
            self._target = None
            return True
        if is_title(text) or (self._after_title and " กับ " in text):
            # Kept out of level text, but a running title between a level and the rest of
            # it (a page break) does not end the level.
            self.titles.append(text)
            self._after_title = True
            return True
        self._after_title = False
        if (match := STATUS.match(text)) and (flat or not match["cells"]):
            self._status(match["status"])
            if match["cells"]:
                weight, _, responsible = match["cells"].partition(" ")
                self._cells = (weight, responsible.strip() or None)
                self._apply_cells()
            if match["rest"] and (heading := HEADING.match(match["rest"])):
                self._heading(heading, where, flat=flat)
            return True
        if match := HEADING.match(text):
            self._heading(match, where, flat=flat)
            return True
        if match := SIZE.match(text):
            self._size(SIZES[match["size"]], where)
            if match["rest"] and (level := LEVEL.match(match["rest"])):
                self._add_level(level, where)
            return True
        if match := LEVEL.match(text):
            self._add_level(match, where)
            return True
        return False

    def _flat_cell(self, text: str) -> bool:
        """A weight or responsible cell flattened into a line of its own."""
        if self._skip_total_number and _WEIGHT.match(text):
            self._skip_total_number = False
            return True
        weight = _WEIGHT.match(text)
        if weight and self._version is not None:
            level_open = self._level is not None and _OPEN_END.search(" ".join(self._level.parts))
            if self._version.weight is None and not level_open:
                self._set_weight(text)
                self._expect_responsible = True
                self._target = None
                return True
            if self._version.weight is not None and not level_open:
                return True  # a stray number (a bare page number): not content
        looks_responsible = len(text) <= 60 and ("/" in text or _RESPONSIBLE_START.match(text))
        if self._expect_responsible and self._version is not None and looks_responsible:
            self._version.responsible = [text]
            # ``ก.ง.ยุทธ์ / อรุณี/`` wraps: the next line holds more names.
            self._target = self._version.responsible if text.endswith(("/", ",")) else None
            self._expect_responsible = False
            return True
        self._expect_responsible = False
        return False

    # --- builders ----------------------------------------------------------------------------

    def _set_kind(self, kind: Kind | None) -> None:
        # The same header again is a page's repeated header row: the level above it may
        # continue below it, so the continuation target stays.
        if kind is not None and kind != self._kind:
            self._kind = kind
            self._indicator = self._version = self._level = None
            self._target = None

    def _set_weight(self, text: str) -> None:
        match = _WEIGHT.match(text.strip())
        if match and self._version is not None:
            self._version.weight = Decimal(match["weight"])

    def _status(self, word: str) -> None:
        status: Status = "original" if "เดิม" in word else "revised"
        version = self._version
        if version is not None and not version.has_levels and version.status == "current":
            version.status = status  # ``ตัวชี้วัดที่ 5`` then ``เดิม``: the heading's version
        else:
            self._pending = status  # the next heading or levels start a version with it
        self._target = None

    def _apply_cells(self) -> None:
        """Give the weight and responsible cells read with a status line to their version."""
        if self._cells is None or self._pending is not None or self._version is None:
            return  # the version they belong to starts with the next heading or level
        weight, responsible = self._cells
        self._set_weight(weight)
        if responsible is not None:
            self._version.responsible = [responsible]
        self._expect_responsible = responsible is None
        self._cells = None

    def _new_version(self, indicator: _Indicator, where: str) -> None:
        self._version = _Version(status=self._pending or "current", where=where)
        indicator.versions.append(self._version)
        self._pending = None
        self._level = None
        self._apply_cells()

    def _heading(self, match: re.Match[str], where: str, *, flat: bool) -> None:
        number, name = int(match["number"]), match["name"].strip()
        weight = responsible = None
        if flat and (cells := _HEADING_CELLS.match(name)):
            responsible = cells["responsible"]
            plausible = Decimal(cells["weight"]) <= 100 and not _NUMBER_WORDS_BEFORE.search(
                cells["name"]
            )
            if plausible and (
                responsible is None or "/" in responsible or _RESPONSIBLE_START.match(responsible)
            ):
                name, weight = cells["name"], cells["weight"]
            else:
                responsible = None
        key = (self._kind, number)
        indicator = self._indicators.get(key)
        if indicator is None:
            indicator = _Indicator(self._kind, number, [name] if name else [], where)
            self._indicators[key] = indicator
        self._indicator = indicator
        self._new_version(indicator, where)
        if weight is not None:
            self._set_weight(weight)
            self._expect_responsible = responsible is None
        if responsible is not None and self._version is not None:
            self._version.responsible = [responsible]
        # A name wraps onto the next lines only where it was first printed.
        self._target = indicator.name_parts if len(indicator.versions) == 1 else []

    def _size(self, size: DistrictSize, where: str) -> None:
        if self._version is None or self._indicator is None:
            return  # a size named outside any indicator (in a note): nothing to attach it to
        if self._pending is not None and self._version.has_levels:
            self._new_version(self._indicator, where)
        assert self._version is not None
        self._version.criteria.append(_Criterion(size))
        self._level = None
        self._target = None

    def _current_version(self, where: str, level: str) -> _Version:
        if self._version is None or self._indicator is None:
            raise OrphanLevel(where, level=level)
        return self._version

    def _add_level(self, match: re.Match[str], where: str) -> None:
        number = int(match["level"])
        version = self._current_version(where, match["level"])
        indicator = self._indicator
        assert indicator is not None
        if not 1 <= number <= 5:
            raise LevelOutOfRange(where, indicator=indicator.label, level=number)
        if self._pending is not None and version.has_levels:
            self._new_version(indicator, where)
            version = self._version  # type: ignore[assignment]
        if not version.criteria:
            version.criteria.append(_Criterion(None))
        criterion = version.criteria[-1]
        if any(level.number == number for level in criterion.levels):
            raise DuplicateLevel(where, indicator=indicator.label, level=number)
        text = match["text"].strip()
        self._level = _Level(number, [text] if text else [], where)
        criterion.levels.append(self._level)
        self._target = self._level.parts

    # --- result ------------------------------------------------------------------------------

    def indicators(self) -> list[Indicator]:
        """The indicators in document order, each version's levels checked and classified.

        Raises:
            MissingLevel: a criterion lacks one of the levels 1 to 5.
        """
        return [self._build(indicator) for indicator in self._indicators.values()]

    def _build(self, indicator: _Indicator) -> Indicator:
        versions = []
        for version in indicator.versions:
            printed = []
            for criterion in version.criteria:
                numbers = {level.number for level in criterion.levels}
                for expected in range(1, 6):
                    if expected not in numbers:
                        raise MissingLevel(version.where, indicator=indicator.label, level=expected)
                levels = sorted(criterion.levels, key=lambda level: level.number)
                printed.append(
                    PrintedCriterion(
                        criterion.size,
                        tuple((level.number, " ".join(level.parts)) for level in levels),
                    )
                )
            if not printed:
                raise MissingLevel(version.where, indicator=indicator.label, level=1)
            scoring = classify(printed)
            unit, persons = split_responsible(" ".join(version.responsible))
            versions.append(
                Version(
                    status=version.status,
                    weight=version.weight,
                    responsible_unit=unit,
                    responsible_persons=persons,
                    method=scoring.method,
                    unit=scoring.unit,
                    direction=scoring.direction,
                    criteria=scoring.criteria,
                )
            )
        return Indicator(
            kind=indicator.kind,
            number=indicator.number,
            name=" ".join(indicator.name_parts).strip(),
            versions=tuple(versions),
        )
