"""The attachment: per kind of indicator a title block and a table, laid out as circulars are.

Each table has the header row ``ตัวชี้วัดรายทีม | น้ำหนัก | หน่วยงานรับผิดชอบ`` and one row per
version: a revision notice prints ``เดิม`` then ``แก้ไข`` rows, a first circular one row per
indicator. The first cell holds one paragraph per line of the printed form (status,
``ตัวชี้วัดที่ N name``, the size sub-heading, ``ระดับคะแนน N text``), which is how the parser
reads Word and HTML circulars back. A change of kind starts a new title block and table, so
indicators keep their order even when the kinds alternate.
"""

from kpi.circulars.model import Circular, Indicator, Version
from kpi.documents.writing.parts import CellParagraph, Table, TableRow
from kpi.documents.writing.wording import KIND_TITLES, SIZE_TITLES, STATUS_TITLES, Numerals

__all__ = ["compose_tables", "title_lines"]

WEIGHT_HEADER = "น้ำหนัก"
RESPONSIBLE_HEADER = "หน่วยงานรับผิดชอบ"
_TITLE = "การกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ"


def title_lines(circular: Circular, numerals: Numerals) -> tuple[str, ...]:
    """The title block: the round on two lines, then ``evaluator กับ evaluatee``."""
    round_ = circular.round
    first = _TITLE
    if round_.number is not None:
        first += numerals(f" รอบการประเมินที่ {round_.number}")
    period = numerals.round_period(round_)
    lines = [first]
    if round_.fiscal_year is not None:
        lines.append(period)
    elif period:  # only the dates are known: they belong to the round's line
        lines[0] += f" {period}"
    agreement = circular.agreement
    if agreement.evaluator and agreement.evaluatee:
        lines.append(numerals(f"{agreement.evaluator} กับ {agreement.evaluatee}"))
    return tuple(lines)


def _paragraphs(indicator: Indicator, version: Version, numerals: Numerals) -> list[CellParagraph]:
    paragraphs = []
    if status := STATUS_TITLES[version.status]:
        paragraphs.append(CellParagraph("status", status))
    paragraphs.append(
        CellParagraph("heading", numerals(f"ตัวชี้วัดที่ {indicator.number}"), numerals(indicator.name))
    )
    for criterion in version.criteria:
        if criterion.district_size is not None:
            paragraphs.append(CellParagraph("size", SIZE_TITLES[criterion.district_size]))
        for level in criterion.levels:
            paragraphs.append(
                CellParagraph("level", numerals(f"ระดับคะแนน {level.level}"), numerals(level.text))
            )
    return paragraphs


def _responsible(version: Version, numerals: Numerals) -> tuple[str, ...]:
    """``("กง.ประสาน", "/กุลวดี", "/สมชาย")``: the unit, then each person after a ``/``.

    The parser reads the cell's lines as one text and splits the unit from the names at
    the first ``/``; a line per name keeps names whole in the narrow column.
    """
    lines = [numerals(version.responsible_unit)] if version.responsible_unit else []
    lines.extend(numerals(f"/{person}") for person in version.responsible_persons)
    return tuple(lines)


def _row(indicator: Indicator, version: Version, numerals: Numerals) -> TableRow:
    return TableRow(
        status=version.status,
        paragraphs=tuple(_paragraphs(indicator, version, numerals)),
        weight=numerals.number(version.weight) if version.weight is not None else "",
        responsible=_responsible(version, numerals),
    )


def compose_tables(circular: Circular, numerals: Numerals) -> tuple[Table, ...]:
    """One table per run of same-kind indicators, in document order."""
    titles = title_lines(circular, numerals)
    runs: list[tuple[str, list[TableRow]]] = []
    for indicator in circular.indicators:
        if not runs or runs[-1][0] != indicator.kind:
            runs.append((indicator.kind, []))
        runs[-1][1].extend(_row(indicator, version, numerals) for version in indicator.versions)
    return tuple(
        Table(
            titles=titles,
            header=(KIND_TITLES[kind], WEIGHT_HEADER, RESPONSIBLE_HEADER),
            rows=tuple(rows),
        )
        for kind, rows in runs
    )
