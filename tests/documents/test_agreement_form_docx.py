"""The agreement form as DOCX: the office's font for every script, the two parties and their
signature blocks with the dates they acknowledged, one row per agreement item with its
weight, the total of 100, Thai digits by default."""

from __future__ import annotations

import re
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from kpi.agreements.models import Agreement, AgreementItem
from kpi.documents import reports
from kpi.documents.reports.common import acknowledged_on
from kpi.documents.writing.agreement_form_docx import agreement_forms_docx
from kpi.documents.writing.wording import Numerals, format_number
from kpi.thai import to_thai
from tests.documents import report_builders
from tests.documents.report_builders import head, round_of

approved = report_builders.approved  # the module's approved round (a fixture)

pytestmark = pytest.mark.django_db
FONT = "TH Sarabun New"


def form_of(world, code: str, *, thai_digits: bool = True) -> docx.document.Document:  # type: ignore[no-untyped-def]
    round = round_of(world)
    agreements = Agreement.objects.filter(round=round, district__dopa_code=code)
    document = reports.agreement_forms(round, agreements, thai_digits=thai_digits)
    return docx.Document(BytesIO(agreement_forms_docx(document)))


def all_text(document) -> str:  # type: ignore[no-untyped-def]
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def grid(document):  # type: ignore[no-untyped-def]
    """The indicators' table: the one whose header names the weight."""
    return next(t for t in document.tables if "น้ำหนัก" in t.rows[0].cells[1].text)


def test_the_styles_name_the_office_font_for_latin_and_complex_script(approved) -> None:  # type: ignore[no-untyped-def]
    document = form_of(approved, "3401")
    styles = document.styles.element

    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for script in ("ascii", "hAnsi", "cs"):
        assert fonts.get(qn(f"w:{script}")) == FONT
    assert fonts.get(qn("w:cstheme")) is None
    assert defaults.find(qn("w:szCs")).get(qn("w:val")) == "32"  # 16 pt for Thai too
    normal = document.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:cs")) == FONT


def test_the_form_names_both_parties_with_their_signature_blocks(approved) -> None:  # type: ignore[no-untyped-def]
    document = form_of(approved, "3401")
    text = all_text(document)
    evaluator = approved.person("evaluator")
    evaluatee = head(approved, "3401")

    for person in (evaluator, evaluatee):
        assert f"({to_thai(person.full_name)})" in text
        assert to_thai(person.position) in text
    assert text.count("(ลงชื่อ)") == 2
    assert "ผู้ประเมิน" in text and "ผู้รับการประเมิน" in text
    assert f"ระหว่าง {evaluator.position}" in text
    assert f"กับ {evaluatee.position}" in text


def test_the_signature_blocks_carry_the_dates_both_sides_acknowledged(approved) -> None:  # type: ignore[no-untyped-def]
    acknowledged = Agreement.objects.filter(round_id=approved.round.pk, district=approved.d3401)
    evaluator_day = acknowledged_on(max(a.evaluator_acknowledged_at for a in acknowledged))
    evaluatee_day = acknowledged_on(max(a.evaluatee_acknowledged_at for a in acknowledged))

    text = all_text(form_of(approved, "3401"))

    assert f"วันที่ {Numerals(True).date(evaluator_day)}" in text
    assert f"วันที่ {Numerals(True).date(evaluatee_day)}" in text


def test_a_form_not_acknowledged_leaves_the_dates_to_be_written(approved) -> None:  # type: ignore[no-untyped-def]
    signatures = form_of(approved, "3402").tables[-1]
    text = "\n".join(cell.text for cell in signatures.rows[0].cells)

    assert text.count("(ลงชื่อ)") == 2
    assert text.count("วันที่ ....") == 2
    assert not re.search("วันที่ [๐-๙]", text)


def test_there_is_one_row_per_item_with_its_weight_in_thai_digits(approved) -> None:  # type: ignore[no-untyped-def]
    items = AgreementItem.objects.filter(
        agreement__round_id=approved.round.pk, agreement__district=approved.d3401
    ).select_related("indicator")
    table = grid(form_of(approved, "3401"))

    item_rows = [row for row in table.rows if row.cells[0].text.startswith("ตัวชี้วัดที่")]
    assert len(item_rows) == items.count()
    printed = {row.cells[0].text: row.cells[1].text for row in item_rows}
    for item in items:
        number = to_thai(f"ตัวชี้วัดที่ {item.indicator.number}")
        weight = next(w for text, w in printed.items() if text.startswith(f"{number} "))
        assert weight == to_thai(format_number(item.weight))


def test_the_total_row_sums_the_weights_to_100(approved) -> None:  # type: ignore[no-untyped-def]
    last = grid(form_of(approved, "3401")).rows[-1]

    assert (last.cells[0].text, last.cells[1].text) == ("รวม", "๑๐๐")


def test_arabic_digits_can_be_chosen(approved) -> None:  # type: ignore[no-untyped-def]
    document = form_of(approved, "3401", thai_digits=False)
    last = grid(document).rows[-1]

    assert last.cells[1].text == "100"
    assert not any("๐" <= char <= "๙" for char in all_text(document))


def test_the_header_row_repeats_and_no_row_splits_across_pages(approved) -> None:  # type: ignore[no-untyped-def]
    rows = grid(form_of(approved, "3401")).rows

    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)


def test_the_page_is_a4_with_the_official_margins(approved) -> None:  # type: ignore[no-untyped-def]
    section = form_of(approved, "3401").sections[0]

    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.cm, 1) for m in margins] == [3.0, 2.0, 2.5, 2.0]
