"""The Word document: fonts named for every script, the official page, and tables that
repeat their header and never split a level across pages."""

from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from kpi.documents.writing import Emblem, NoticeOptions, compose_notice, read_json, write_docx
from tests.documents.test_notice_round_trip import make_png

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_83c347e598ee7ce5.expected.json"
FONT = "TH Sarabun New"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cm(length: int | None) -> float | None:
    """A length in cm, to the 0.01 cm Word stores (twips round Cm values)."""
    return None if length is None else round(length / 360000, 2)


def _document(options: NoticeOptions | None = None) -> docx.document.Document:
    notice = compose_notice(read_json(SEED.read_bytes()), options)
    return docx.Document(BytesIO(write_docx(notice)))


@pytest.fixture(scope="module")
def seed_docx() -> docx.document.Document:
    return _document()


def _run_properties(document: docx.document.Document) -> dict[str, object]:
    styles = document.styles.element
    return {
        "defaults": styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"),
        "Normal": document.styles["Normal"].element.rPr,
        "Table Grid": document.styles["Table Grid"].element.rPr,
    }


@pytest.mark.parametrize("where", ["defaults", "Normal", "Table Grid"])
def test_the_styles_name_th_sarabun_new_for_latin_and_complex_script(seed_docx, where) -> None:
    rpr = _run_properties(seed_docx)[where]

    fonts = rpr.find(qn("w:rFonts"))
    assert {name: fonts.get(qn(f"w:{name}")) for name in ("ascii", "hAnsi", "cs")} == {
        "ascii": FONT,
        "hAnsi": FONT,
        "cs": FONT,
    }
    # A theme attribute would override the named font.
    assert not [key for key in fonts.attrib if key.lower().endswith("theme")]
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"


def test_the_size_elements_stand_in_schema_order(seed_docx) -> None:
    for rpr in _run_properties(seed_docx).values():
        tags = [child.tag.removeprefix(W) for child in rpr]
        assert tags.index("rFonts") < tags.index("sz") < tags.index("szCs") < tags.index("lang")


def test_bold_thai_is_bold_for_complex_script_too(seed_docx) -> None:
    bold = seed_docx.element.body.findall(f".//{W}rPr/{W}b")
    assert bold
    for element in bold:
        assert element.getparent().find(qn("w:bCs")) is not None


def test_the_page_is_a4_with_the_official_margins(seed_docx) -> None:
    section = seed_docx.sections[0]

    assert (_cm(section.page_width), _cm(section.page_height)) == (21, 29.7)
    assert (_cm(section.left_margin), _cm(section.right_margin)) == (3, 2)
    assert (_cm(section.top_margin), _cm(section.bottom_margin)) == (2.5, 2)


def test_pages_after_the_first_are_numbered_in_thai_digits(seed_docx) -> None:
    section = seed_docx.sections[0]

    assert section.different_first_page_header_footer
    instruction = "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert instruction.strip() == r"PAGE \* ThaiArabic"
    arabic = _document(NoticeOptions(thai_digits=False)).sections[0].header._element
    assert "".join(t.text for t in arabic.iter(qn("w:instrText"))).strip() == "PAGE"


def _indicator_tables(document: docx.document.Document) -> list:
    return [t for t in document.tables if "น้ำหนัก" in t.rows[0].cells[1].text]


def test_each_table_repeats_its_header_row_on_every_page(seed_docx) -> None:
    tables = _indicator_tables(seed_docx)

    assert len(tables) == 2
    for table in tables:
        header, *rows = table.rows
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)


def test_no_row_splits_so_no_level_splits_across_pages(seed_docx) -> None:
    for table in _indicator_tables(seed_docx):
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        for row in table.rows[1:]:
            # Each row ends with one level: a level is never shared by two rows.
            paragraphs = [p.text for p in row.cells[0].paragraphs]
            assert paragraphs[-1].startswith("ระดับคะแนน")
            assert sum(text.startswith("ระดับคะแนน") for text in paragraphs) == 1


def test_level_paragraphs_keep_their_lines_together(seed_docx) -> None:
    levels = [
        paragraph
        for table in _indicator_tables(seed_docx)
        for row in table.rows[1:]
        for paragraph in row.cells[0].paragraphs
        if paragraph.text.startswith("ระดับคะแนน")
    ]

    assert len(levels) == 5 + 5 + 5 + 15
    assert all(paragraph.paragraph_format.keep_together for paragraph in levels)


def test_a_version_prints_as_one_row_with_merged_weight_and_unit(seed_docx) -> None:
    team = _indicator_tables(seed_docx)[0]
    # row.cells resolves a merge to its top cell: read the row's own w:tc elements.
    merges = [row._tr.tc_lst[1].tcPr.find(qn("w:vMerge")) for row in team.rows[1:]]

    # เดิม: a head row then four level rows; แก้ไข the same.
    assert [m.get(qn("w:val")) if m is not None else None for m in merges] == [
        "restart", None, None, None, None,
        "restart", None, None, None, None,
    ]  # fmt: skip
    assert all(m is not None for m in merges)


def test_the_table_columns_have_fixed_widths(seed_docx) -> None:
    team = _indicator_tables(seed_docx)[0]

    assert [_cm(column.width) for column in team.columns] == [9.9, 2.2, 3.9]
    assert team._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_the_garuda_slot_is_3_cm_high_without_an_image(seed_docx) -> None:
    slot = seed_docx.paragraphs[0]

    assert slot.text == ""
    assert _cm(slot.paragraph_format.line_spacing) == 3
    assert not slot._p.findall(f".//{W}drawing")


def test_the_office_s_garuda_is_printed_3_cm_high(tmp_path: Path) -> None:
    document = _document(NoticeOptions(emblem=Emblem(make_png(tmp_path), "image/png")))

    shapes = document.inline_shapes
    assert len(shapes) == 1
    assert _cm(shapes[0].height) == 3


def test_the_letter_number_and_office_stand_opposite_each_other(seed_docx) -> None:
    letterhead = seed_docx.tables[0]

    number, office = letterhead.rows[0].cells
    assert number.text == "ที่ อบ ๐๐๑๙/ว ๕๓๖"
    assert office.text == "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
    assert letterhead.style.name != "Table Grid"  # no borders around the letterhead


def test_body_paragraphs_are_indented_and_thai_justified(seed_docx) -> None:
    body = [p for p in seed_docx.paragraphs if p.text.startswith(("ตามหนังสือ", "จึงเรียนมา"))]

    assert len(body) == 2
    for paragraph in body:
        assert _cm(paragraph.paragraph_format.first_line_indent) == 2.5
        assert paragraph._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "thaiDistribute"


def test_the_attachment_starts_on_a_new_page(seed_docx) -> None:
    title = next(p for p in seed_docx.paragraphs if p.text.startswith("การกำหนดตัวชี้วัด"))

    assert title.paragraph_format.page_break_before
    assert title.paragraph_format.keep_with_next
