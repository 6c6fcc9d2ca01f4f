"""The indicator tables: versions, sizes, weights, responsible cells, and what is not content."""

import pytest

from kpi.circulars import (
    DuplicateLevel,
    LevelOutOfRange,
    MissingLevel,
    NotACircular,
    OrphanLevel,
    parse_bytes,
)
from kpi.circulars.tables import split_responsible

LETTER = """\
ที่ อบ ๐๐๑๙/ว ๕๓๖
ถึง สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ
ด้วยจังหวัดขอแจ้งตัวชี้วัด รายละเอียดตามเอกสารแนบ
สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี
การกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการรอบการประเมินที่ 2
ประจำปีงบประมาณ พ.ศ.2567
พัฒนาการจังหวัดอุบลราชธานี กับ พัฒนาการอำเภอ
"""
STEPS = [f"ระดับคะแนน {n} ขั้นตอนที่ {n} ของงาน" for n in range(1, 6)]
BANDS = [
    "ระดับคะแนน 1 ร้อยละ 1 - 20",
    "ระดับคะแนน 2 ร้อยละ 21 - 50",
    "ระดับคะแนน 3 ร้อยละ 51 - 80",
    "ระดับคะแนน 4 ร้อยละ 81 - 90",
    "ระดับคะแนน 5 ร้อยละ 91 ขึ้นไป",
]


def _row(paragraphs: list[str], weight: str = "10", responsible: str = "กง.ประสาน /กุลวดี") -> str:
    return " ".join(f"<p>{p}</p>" for p in paragraphs) + f"\t{weight}\t{responsible}"


def _circular(*rows: str, header: str = "ตัวชี้วัดรายทีม\tน้ำหนัก\tหน่วยงาน รับผิดชอบ") -> bytes:
    return (LETTER + header + "\n" + "\n".join(rows) + "\n").encode()


@pytest.mark.parametrize(
    ("cell", "unit", "persons"),
    [
        ("ก.ง.สารสนเทศ /สภาวุฒิชัย", "ก.ง.สารสนเทศ", ("สภาวุฒิชัย",)),
        ("กง.ส่งเสริม / สมชาย, สมหญิง", "กง.ส่งเสริม", ("สมชาย", "สมหญิง")),
        ("ก.ง.ยุทธ์ / อรุณี/ประภาพร", "ก.ง.ยุทธ์", ("อรุณี", "ประภาพร")),
        ("ก.ง.สารสนเทศ", "ก.ง.สารสนเทศ", ()),
    ],
)
def test_a_responsible_cell_splits_into_unit_and_persons(cell, unit, persons) -> None:
    assert split_responsible(cell) == (unit, persons)


def test_a_first_circular_has_one_current_version_per_indicator() -> None:
    circular = parse_bytes(
        _circular(
            _row(["ตัวชี้วัดที่ 1 การขับเคลื่อนงาน", *STEPS]),
            _row(["ตัวชี้วัดที่ 2 ร้อยละของการเผยแพร่", *BANDS], weight="20"),
            "รวม\t30\t",
        )
    )

    assert [(i.number, [v.status for v in i.versions]) for i in circular.indicators] == [
        (1, ["current"]),
        (2, ["current"]),
    ]
    assert [i.versions[0].method for i in circular.indicators] == ["milestone", "threshold"]
    assert circular.indicators[1].versions[0].weight == 20


def test_original_and_revised_in_one_cell_make_two_versions() -> None:
    revised_steps = [*STEPS[:3], "ระดับคะแนน 4 ขั้นตอนที่ 4 และสรุปบทเรียน", STEPS[4]]
    circular = parse_bytes(
        _circular(_row(["ตัวชี้วัดที่ 5 การขับเคลื่อนงาน", "เดิม", *STEPS, "แก้ไข", *revised_steps]))
    )

    (indicator,) = circular.indicators
    assert [v.status for v in indicator.versions] == ["original", "revised"]
    assert indicator.versions[1].criteria[0].levels[3].text == "ขั้นตอนที่ 4 และสรุปบทเรียน"


def test_a_revision_of_the_weight_alone_keeps_the_levels() -> None:
    circular = parse_bytes(
        _circular(
            _row(["เดิม", "ตัวชี้วัดที่ 2 การขับเคลื่อนงาน", *STEPS], weight="10"),
            _row(["แก้ไข", "ตัวชี้วัดที่ 2 การขับเคลื่อนงาน", *STEPS], weight="15"),
        )
    )

    original, revised = circular.indicators[0].versions
    assert (original.weight, revised.weight) == (10, 15)
    assert original.criteria == revised.criteria


def test_size_classes_keep_their_printed_order() -> None:
    paragraphs = ["ตัวชี้วัดที่ 8 ร้อยละของการเผยแพร่"]
    for size in ("ขนาดเล็ก", "อำเภอขนาดใหญ่", "อำเภอขนาดกลาง :"):
        paragraphs += [size, *BANDS]

    circular = parse_bytes(_circular(_row(paragraphs)))

    criteria = circular.indicators[0].versions[0].criteria
    assert [c.district_size for c in criteria] == ["small", "large", "medium"]


def test_a_level_label_counts_only_at_the_start_of_a_paragraph() -> None:
    steps = [*STEPS[:2], "ระดับคะแนน 3 ประชุมระดับอำเภอ ระดับ 4 ดาว", *STEPS[3:]]

    circular = parse_bytes(_circular(_row(["ตัวชี้วัดที่ 1 การประชุม", *steps])))

    level_3 = circular.indicators[0].versions[0].criteria[0].levels[2]
    assert level_3.text == "ประชุมระดับอำเภอ ระดับ 4 ดาว"


def test_a_paragraph_without_a_label_continues_the_level_above() -> None:
    steps = [*STEPS[:4], "ระดับคะแนน 5 รายงานผล", "ต่อผู้บังคับบัญชา"]

    circular = parse_bytes(_circular(_row(["ตัวชี้วัดที่ 1 การรายงาน", *steps])))

    assert circular.indicators[0].versions[0].criteria[0].levels[4].text == ("รายงานผล ต่อผู้บังคับบัญชา")


def test_header_rows_total_rows_and_notes_are_not_content() -> None:
    circular = parse_bytes(
        _circular(
            _row(["ตัวชี้วัดที่ 1 การขับเคลื่อนงาน", *STEPS, "หมายเหตุ ใช้ข้อมูลจากระบบ"]),
            "ตัวชี้วัดรายทีม\tน้ำหนัก\tหน่วยงาน รับผิดชอบ",
            "รวม\t10\t",
        )
    )

    (indicator,) = circular.indicators
    assert indicator.versions[0].criteria[0].levels[4].text == "ขั้นตอนที่ 5 ของงาน"


def test_indicator_numbers_restart_for_each_kind() -> None:
    circular = parse_bytes(
        _circular(
            _row(["ตัวชี้วัดที่ 1 งานของทีม", *STEPS]),
            "ตัวชี้วัดรายบุคคล\tน้ำหนัก\tหน่วยงาน",
            _row(["ตัวชี้วัดที่ 1 งานของบุคคล", *STEPS]),
        )
    )

    assert [(i.kind, i.number, i.name) for i in circular.indicators] == [
        ("team", 1, "งานของทีม"),
        ("individual", 1, "งานของบุคคล"),
    ]


def test_header_columns_decide_which_cell_is_the_weight() -> None:
    header = "ตัวชี้วัดรายทีม\tหน่วยงาน รับผิดชอบ\tน้ำหนัก (ร้อยละ)"
    row = " ".join(f"<p>{p}</p>" for p in ["ตัวชี้วัดที่ 1 งาน", *STEPS])

    circular = parse_bytes(_circular(f"{row}\tกง.ประสาน /กุลวดี\t12.5", header=header))

    version = circular.indicators[0].versions[0]
    assert (str(version.weight), version.responsible_unit) == ("12.5", "กง.ประสาน")


PDF_TEXT = """\
ตัวชี้วัดรายทีม น้ำหนัก หน่วยงานรับผิดชอบ
ตัวชี้วัดที่ 1 ร้อยละของครัวเรือนเป้าหมายที่ผ่านเกณฑ์ 20 กง.ยุทธศาสตร์ /สุภาวดี
ระดับคะแนน 1 ครัวเรือนผ่านเกณฑ์
ต่ำกว่าร้อยละ 96.00
ระดับคะแนน 2 ครัวเรือนผ่านเกณฑ์ ร้อยละ 96.00 – 96.99
ระดับคะแนน 3 ครัวเรือนผ่านเกณฑ์ ร้อยละ 97.00 – 97.99
- ๒ -
ตัวชี้วัดรายทีม น้ำหนัก หน่วยงานรับผิดชอบ
ระดับคะแนน 4 ครัวเรือนผ่านเกณฑ์ ร้อยละ 98.00 –
98.99
ระดับคะแนน 5 ครัวเรือนผ่านเกณฑ์ ร้อยละ 99.00 ขึ้นไป
ตัวชี้วัดที่ 2 ผลสำเร็จของการขับเคลื่อนหมู่บ้าน
เศรษฐกิจพอเพียง
ระดับคะแนน 1 คัดเลือกหมู่บ้าน
ระดับคะแนน 2 จัดทำแผน
ระดับคะแนน 3 ดำเนินกิจกรรมตามแผน
หน้า 3/4
ครบทุกกิจกรรม
ระดับคะแนน 4 ประเมินผล
ระดับคะแนน 5 รายงานจังหวัด
15
ก.ง.ยุทธ์ / อรุณี/
ประภาพร
รวม 35
"""


def test_text_copied_from_a_pdf_recovers_its_cells_and_wrapped_lines() -> None:
    circular = parse_bytes((LETTER + PDF_TEXT).encode())

    first, second = (indicator.versions[0] for indicator in circular.indicators)
    assert circular.indicators[0].name == "ร้อยละของครัวเรือนเป้าหมายที่ผ่านเกณฑ์"
    assert (first.weight, first.responsible_unit, first.responsible_persons) == (
        20,
        "กง.ยุทธศาสตร์",
        ("สุภาวดี",),
    )
    levels = first.criteria[0].levels
    assert levels[0].text == "ครัวเรือนผ่านเกณฑ์ ต่ำกว่าร้อยละ 96.00"
    assert (str(levels[3].min), str(levels[3].max)) == ("98.00", "98.99")
    assert circular.indicators[1].name == "ผลสำเร็จของการขับเคลื่อนหมู่บ้าน เศรษฐกิจพอเพียง"
    assert second.criteria[0].levels[2].text == "ดำเนินกิจกรรมตามแผน ครบทุกกิจกรรม"
    assert (second.weight, second.responsible_persons) == (15, ("อรุณี", "ประภาพร"))


def test_a_missing_level_says_which_indicator_and_where() -> None:
    with pytest.raises(MissingLevel) as raised:
        parse_bytes(_circular(_row(["ตัวชี้วัดที่ 3 งาน", *STEPS[:2], *STEPS[3:]])))

    assert raised.value.params == {"indicator": "ตัวชี้วัดที่ 3", "level": 3}
    assert raised.value.where == "line 9"
    assert raised.value.message == "ตัวชี้วัดที่ 3 has no level 3"


def test_a_repeated_level_is_refused_where_it_repeats() -> None:
    pdf = "ตัวชี้วัดที่ 1 งาน\n" + "\n".join([*STEPS[:3], STEPS[2], *STEPS[3:]]) + "\n"

    with pytest.raises(DuplicateLevel) as raised:
        parse_bytes((LETTER + pdf).encode())

    assert raised.value.where == "line 12"


def test_a_level_beyond_5_is_refused() -> None:
    with pytest.raises(LevelOutOfRange) as raised:
        parse_bytes(_circular(_row(["ตัวชี้วัดที่ 1 งาน", *STEPS, "ระดับคะแนน 6 เกินกว่ากำหนด"])))

    assert raised.value.where == "line 9"


def test_levels_before_any_indicator_heading_are_refused() -> None:
    with pytest.raises(OrphanLevel):
        parse_bytes(_circular(_row(STEPS)))


def test_a_table_whose_rows_name_no_indicator_is_not_a_circular() -> None:
    with pytest.raises(NotACircular):
        parse_bytes(_circular("<p>ประชุมประจำเดือน</p>\t\t"))


def test_cells_printed_on_a_pdf_status_line_belong_to_that_version() -> None:
    levels = "\n".join(STEPS)
    pdf = (
        "ตัวชี้วัดรายทีม น้ำหนัก หน่วยงานรับผิดชอบ\n"
        f"เดิม 10 กง.ประสาน /กุลวดี\nตัวชี้วัดที่ 5 ผลสำเร็จ\n{levels}\n"
        f"แก้ไข 15\nตัวชี้วัดที่ 5 ผลสำเร็จ\n{levels}\nกง.ประสาน /กุลวดี, สมชาย\n"
    )

    original, revised = parse_bytes((LETTER + pdf).encode()).indicators[0].versions

    assert (original.status, original.weight, original.responsible_persons) == (
        "original",
        10,
        ("กุลวดี",),
    )
    assert (revised.status, revised.weight, revised.responsible_persons) == (
        "revised",
        15,
        ("กุลวดี", "สมชาย"),
    )
