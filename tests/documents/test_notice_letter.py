"""What the notice says: the letter's parts and the attachment's rows, before any layout."""

import json
from pathlib import Path

import pytest

from kpi.circulars import InvalidCircularData
from kpi.documents.writing import NoticeOptions, UnreadableInput, compose_notice, read_json
from kpi.documents.writing.body import CLOSING
from kpi.documents.writing.letter import salutation

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "circulars" / "fixtures"
SEED = TESTS / "seeds" / "000_83c347e598ee7ce5.expected.json"


def _data(path: Path) -> dict:
    return read_json(path.read_bytes())


def _fixture(name: str) -> dict:
    return _data(FIXTURES / f"{name}.expected.json")


def _field(notice, label: str):
    return next((f for f in notice.letter.fields if f.label == label), None)


def test_it_writes_the_seed_s_body_from_the_data() -> None:
    notice = compose_notice(_data(SEED))

    first, closing = notice.letter.body
    expected_order = [
        "ตามหนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๑๙/ว ๒๕๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗",
        "รอบที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ เมษายน - ๓๐ กันยายน ๒๕๖๗)",
        "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ขอแจ้งการปรับแก้ไขรายละเอียด",
        "ตัวชี้วัดรายทีม : ตัวชี้วัดที่ ๕ ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน"
        " และตัวชี้วัดรายบุคคล : ตัวชี้วัดที่ ๘ ความสำเร็จการส่งข่าวประชาสัมพันธ์",
        "รายละเอียดตามสิ่งที่ส่งมาด้วย",
    ]
    positions = [first.index(part) for part in expected_order]
    assert positions == sorted(positions)
    assert closing == CLOSING == "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ"


def test_the_body_cites_a_lone_reference_and_no_reference_line_repeats_it() -> None:
    notice = compose_notice(_data(SEED))

    assert _field(notice, "อ้างถึง") is None
    assert notice.letter.body[0].startswith("ตามหนังสือ")


def test_several_references_are_numbered_under_the_reference_line() -> None:
    notice = compose_notice(_fixture("khonkaen_first_round1_2567"))

    references = _field(notice, "อ้างถึง")
    assert references is not None
    assert references.lines == (
        "๑. หนังสือ ที่ นร ๑๐๑๒/ว ๒๐ ลงวันที่ ๓ กันยายน ๒๕๕๒",
        "๒. หนังสือ ที่ มท ๐๔๐๑.๔/ว ๓๒๑๐ ลงวันที่ ๒๗ กันยายน ๒๕๖๖",
        "๓. หนังสือจังหวัดขอนแก่น ที่ ขก ๐๐๑๘/ว ๑๒๓ ลงวันที่ ๒ ตุลาคม ๒๕๖๖",
    )
    # ``ตามที่อ้างถึง`` cites nothing new, so the parser reads each reference once.
    assert notice.letter.body[0].startswith("ตามที่อ้างถึง")
    assert "ลงวันที่" not in notice.letter.body[0]


def test_without_references_the_body_opens_with_duai() -> None:
    notice = compose_notice(_fixture("sisaket_thai_digits_sizes"))

    assert _field(notice, "อ้างถึง") is None
    assert notice.letter.body[0].startswith("ด้วยสำนักงานพัฒนาชุมชนจังหวัดศรีสะเกษ")


def test_a_first_circular_counts_the_indicators_of_each_kind() -> None:
    notice = compose_notice(_fixture("khonkaen_first_round1_2567"))

    body = notice.letter.body[0]
    assert "ขอแจ้งการกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการของพัฒนาการอำเภอ" in body
    assert "ตัวชี้วัดรายทีม จำนวน ๓ ตัวชี้วัด และตัวชี้วัดรายบุคคล จำนวน ๓ ตัวชี้วัด" in body
    assert "ปรับแก้ไข" not in body


def test_it_addresses_offices_with_thueng_and_positions_with_rian() -> None:
    assert salutation("สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ") == "ถึง"
    assert salutation("พัฒนาการอำเภอ ทุกอำเภอ") == "เรียน"
    seed = compose_notice(_data(SEED))
    khonkaen = compose_notice(_fixture("khonkaen_first_round1_2567"))
    assert _field(seed, "ถึง").lines == ("สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ",)
    assert _field(khonkaen, "เรียน").lines == ("พัฒนาการอำเภอ ทุกอำเภอ",)


def test_the_letter_s_parts_come_in_the_official_order() -> None:
    notice = compose_notice(_fixture("khonkaen_first_round1_2567"))

    letter = notice.letter
    assert letter.number == "ขก ๐๐๑๙/ว ๔๑๒๕"
    assert letter.office == ("สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น",)
    assert letter.date == "๑๕ ตุลาคม ๒๕๖๖"
    assert [f.label for f in letter.fields] == ["เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย"]
    assert letter.closing == "ขอแสดงความนับถือ"
    assert letter.signer.startswith("(") and letter.signer.endswith(")")
    assert letter.owner_unit == "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน"
    assert letter.contacts == ("โทร./โทรสาร ๐ ๔๓๒๔ ๑๗๔๒",)


def test_it_prints_no_line_for_a_part_the_data_lacks() -> None:
    notice = compose_notice(_data(SEED))

    assert notice.letter.date is None
    assert _field(notice, "เรื่อง") is None


def test_phone_and_fax_get_their_own_lines_when_they_differ() -> None:
    chiangmai = compose_notice(_fixture("chiangmai_revision"))
    nakhon = compose_notice(_fixture("nakhonratchasima_ranges_decimals"))

    assert chiangmai.letter.contacts == ("โทร. ๐ ๕๓๑๑ ๒๔๑๗", "โทรสาร ๐ ๕๓๑๑ ๒๔๑๘")
    assert nakhon.letter.contacts == ("โทร. ๐ ๔๔๒๕ ๖๑๓๕",)


def test_arabic_digits_are_printed_on_request() -> None:
    thai = compose_notice(_data(SEED))
    arabic = compose_notice(_data(SEED), NoticeOptions(thai_digits=False))

    assert thai.letter.number == "อบ ๐๐๑๙/ว ๕๓๖"
    assert arabic.letter.number == "อบ 0019/ว 536"
    assert thai.tables[0].rows[0].weight == "๑๐"
    assert arabic.tables[0].rows[0].weight == "10"
    arabic_text = json.dumps([arabic.letter.body, arabic.tables[0].titles], ensure_ascii=False)
    assert not any("๐" <= ch <= "๙" for ch in arabic_text)
    assert "(1 เมษายน - 30 กันยายน 2567)" in arabic_text


def test_a_round_across_the_new_year_prints_both_years() -> None:
    notice = compose_notice(_fixture("khonkaen_first_round1_2567"))

    assert notice.tables[0].titles[1] == "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ ตุลาคม ๒๕๖๖ - ๓๑ มีนาคม ๒๕๖๗)"


def test_decimal_weights_keep_their_decimals() -> None:
    notice = compose_notice(_fixture("nakhonratchasima_ranges_decimals"))

    assert [row.weight for row in notice.tables[0].rows] == ["๑๕", "๑๒.๕", "๑๒.๕"]


def test_a_body_in_the_data_replaces_the_written_one() -> None:
    data = _data(SEED)
    data["document"]["body"] = ["ด้วยจังหวัดขอแจ้งการแก้ไขตัวชี้วัดที่ 8"]

    notice = compose_notice(data)

    assert notice.letter.body == ("ด้วยจังหวัดขอแจ้งการแก้ไขตัวชี้วัดที่ ๘", CLOSING)


def test_the_office_s_options_are_printed() -> None:
    options = NoticeOptions(
        address=("ศาลากลางจังหวัดอุบลราชธานี",),
        signer_name="นายสมชาย ใจดี",
        signer_position=("พัฒนาการจังหวัดอุบลราชธานี",),
    )

    letter = compose_notice(_data(SEED), options).letter

    assert letter.office == ("สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี", "ศาลากลางจังหวัดอุบลราชธานี")
    assert letter.signer == "(นายสมชาย ใจดี)"
    assert letter.signer_position == ("พัฒนาการจังหวัดอุบลราชธานี",)


def test_a_revision_prints_the_original_then_the_revised_row() -> None:
    notice = compose_notice(_data(SEED))

    team, individual = notice.tables
    assert [row.status for row in team.rows] == ["original", "revised"]
    assert [row.paragraphs[0].label for row in team.rows] == ["เดิม", "แก้ไข"]
    assert team.rows[1].paragraphs[1].plain == (
        "ตัวชี้วัดที่ ๕ ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน"
    )
    assert [row.status for row in individual.rows] == ["original", "revised"]


def test_a_first_circular_prints_one_row_per_indicator_without_status() -> None:
    notice = compose_notice(_fixture("khonkaen_first_round1_2567"))

    rows = [row for table in notice.tables for row in table.rows]
    assert len(rows) == 6
    assert all(row.paragraphs[0].role == "heading" for row in rows)


def test_size_classes_are_sub_headings_above_their_levels() -> None:
    notice = compose_notice(_data(SEED))

    revised = notice.tables[1].rows[1]
    labels = [p.label for p in revised.paragraphs]
    assert labels[:4] == ["แก้ไข", "ตัวชี้วัดที่ ๘", "อำเภอขนาดใหญ่", "ระดับคะแนน ๑"]
    assert labels.index("อำเภอขนาดกลาง") == 8
    assert labels.index("อำเภอขนาดเล็ก") == 14
    assert revised.paragraphs[-1].plain == (
        "ระดับคะแนน ๕ ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ไม่น้อยกว่าร้อยละ ๗๑ ขึ้นไป"
    )


def test_each_kind_has_its_table_header_and_title_block() -> None:
    notice = compose_notice(_data(SEED))

    assert [table.header for table in notice.tables] == [
        ("ตัวชี้วัดรายทีม", "น้ำหนัก", "หน่วยงานรับผิดชอบ"),
        ("ตัวชี้วัดรายบุคคล", "น้ำหนัก", "หน่วยงานรับผิดชอบ"),
    ]
    assert notice.tables[0].titles == (
        "การกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ รอบการประเมินที่ ๒",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ (๑ เมษายน - ๓๐ กันยายน ๒๕๖๗)",
        "พัฒนาการจังหวัดอุบลราชธานี กับ พัฒนาการอำเภอ",
    )


def test_alternating_kinds_keep_their_order_in_separate_tables() -> None:
    data = _data(SEED)
    team, individual = data["indicators"]
    data["indicators"] = [team, individual, {**team, "number": 6}]

    notice = compose_notice(data)

    assert [table.header[0] for table in notice.tables] == [
        "ตัวชี้วัดรายทีม",
        "ตัวชี้วัดรายบุคคล",
        "ตัวชี้วัดรายทีม",
    ]


def test_the_responsible_cell_puts_each_person_on_a_line() -> None:
    notice = compose_notice(_fixture("buriram_revision_sizes"))

    revised = notice.tables[1].rows[1]
    assert revised.responsible == ("ก.ง.ยุทธ์", "/อรุณี", "/ประภาพร")
    assert notice.tables[1].rows[0].responsible == ("ก.ง.ยุทธ์",)


def test_blocks_keep_a_heading_with_its_first_level() -> None:
    notice = compose_notice(_data(SEED))

    blocks = notice.tables[1].rows[1].blocks
    assert [p.role for p in blocks[0]] == ["status", "heading", "size", "level"]
    assert [p.role for p in blocks[5]] == ["size", "level"]
    assert all(block[-1].role == "level" for block in blocks)
    assert sum(len(block) for block in blocks) == len(notice.tables[1].rows[1].paragraphs)


def test_it_refuses_data_that_is_not_a_kpi_circular() -> None:
    with pytest.raises(InvalidCircularData):
        compose_notice({"schema": "something/2"})


@pytest.mark.parametrize(
    ("data", "where"),
    [(b'{"schema": ', "line 1 column 12"), (b"\xff\xfe{}", None), (b"[1, 2]", None)],
    ids=["truncated", "not-utf8", "not-an-object"],
)
def test_it_refuses_input_that_is_not_a_json_object(data: bytes, where: str | None) -> None:
    with pytest.raises(UnreadableInput) as raised:
        read_json(data)

    assert raised.value.code == "notice_input"
    assert raised.value.where == where
