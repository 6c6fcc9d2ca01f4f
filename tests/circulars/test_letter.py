"""The letter around the tables: number, date, parties, references, owner unit, phone."""

from datetime import date

import pytest

from kpi.circulars.letter import read_letter
from kpi.circulars.letter_numbers import find_letter_number, read_references
from kpi.circulars.model import Reference
from kpi.circulars.normalise import clean


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("ที่ อบ ๐๐๑๙/ว ๕๓๖", "อบ 0019/ว 536"),
        ("ที่  อบ๐๐๑๙ / ว๕๓๖", "อบ 0019/ว 536"),
        ("ที่ มท ๐๔๐๑.๔/ว.๓๒๑๐", "มท 0401.4/ว 3210"),
        ("ที่ มค ๐๐๑๙/๘๘๕", "มค 0019/885"),
        ("ที่ นร 1012/ว 20", "นร 1012/ว 20"),
    ],
)
def test_letter_numbers_are_written_prefix_code_slash_serial(printed: str, expected: str) -> None:
    found = find_letter_number(clean(printed))

    assert found is not None
    assert found[0] == expected


def test_a_text_without_a_letter_number_has_none() -> None:
    assert find_letter_number("ประชุมวันที่ 4 มิถุนายน 2567") is None


def test_numbered_references_each_give_a_number_and_a_gregorian_date() -> None:
    block = clean(
        "๑. หนังสือสำนักงาน ก.พ. ที่ นร ๑๐๑๒/ว ๒๐ ลงวันที่ ๓ กันยายน ๒๕๕๒ "
        "๒. หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๐๑.๔/ว ๓๒๑๐ ลงวันที่ ๒๗ กันยายน ๒๕๖๖"
    )

    assert read_references(block, []) == (
        Reference("นร 1012/ว 20", date(2009, 9, 3)),
        Reference("มท 0401.4/ว 3210", date(2023, 9, 27)),
    )


def test_body_citations_count_but_ตามที่อ้างถึง_does_not() -> None:
    body = [
        clean(
            "ตามที่อ้างถึง ๑ สำนักงาน ก.พ. ได้กำหนดหลักเกณฑ์ และตามหนังสือจังหวัด ที่ สร ๐๐๑๗.๒/ว ๕๑๒ "
            "ลงวันที่ ๒๘ มีนาคม ๒๕๖๘ และหนังสือกรม ที่ มท ๐๔๐๑.๔/ว ๘๘๐ ลงวันที่ ๒๔ มีนาคม ๒๕๖๘ นั้น"
        )
    ]

    assert read_references(None, body) == (
        Reference("สร 0017.2/ว 512", date(2025, 3, 28)),
        Reference("มท 0401.4/ว 880", date(2025, 3, 24)),
    )


def test_a_letter_cited_twice_is_one_reference() -> None:
    block = "หนังสือจังหวัด ที่ อบ 0019/ว 2548 ลงวันที่ 4 มิถุนายน 2567"
    body = ["ตามหนังสือจังหวัด ที่ อบ 0019/ว 2548 ลงวันที่ 4 มิถุนายน 2567 นั้น"]

    assert len(read_references(block, body)) == 1


LETTER = """\
ที่ ขก ๐๐๑๙/ว ๔๑๒๕
สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น
ศาลากลางจังหวัดขอนแก่น ถนนศูนย์ราชการ ขก ๔๐๐๐๐
๑๕ ตุลาคม ๒๕๖๖
เรื่อง การกำหนดตัวชี้วัดและค่าเป้าหมาย รอบที่ ๑
ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
เรียน พัฒนาการอำเภอ ทุกอำเภอ
อ้างถึง หนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๐๑.๔/ว ๑๑๒๒ ลงวันที่ ๒๕ มีนาคม
๒๕๖๘
สิ่งที่ส่งมาด้วย ตัวชี้วัดและค่าเป้าหมาย จำนวน ๑ ชุด
ตามที่อ้างถึง กรมการพัฒนาชุมชนได้แจ้งแนวทาง
ถึงวันที่กำหนด ความละเอียดแจ้งแล้ว นั้น
จึงเรียนมาเพื่อโปรดทราบ
ขอแสดงความนับถือ
(นายสุรเชษฐ์ ทองประเสริฐ)
พัฒนาการจังหวัดขอนแก่น
กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน
โทร. ๐ ๔๓๒๔ ๑๗๔๒ ต่อ ๑๒
โทรสาร ๐-๔๓๒๔-๑๗๔๓
ไปรษณีย์อิเล็กทรอนิกส์ saraban@cdd.go.th
"""


def _letter(text: str):
    return read_letter([clean(line) for line in text.splitlines() if clean(line)]).document


def test_a_signed_letter_gives_every_document_field() -> None:
    document = _letter(LETTER)

    assert document.number == "ขก 0019/ว 4125"
    assert document.date == date(2023, 10, 15)
    assert document.issuer == "สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น"
    assert document.subject == "การกำหนดตัวชี้วัดและค่าเป้าหมาย รอบที่ 1 ประจำปีงบประมาณ พ.ศ. 2567"
    assert document.to == "พัฒนาการอำเภอ ทุกอำเภอ"  # a body line opening with ถึง… is not one
    assert document.references == (Reference("มท 0401.4/ว 1122", date(2025, 3, 25)),)
    assert document.owner_unit == "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน"
    assert (document.phone, document.fax) == ("0 4324 1742", "0-4324-1743")


def test_a_stamped_circular_takes_its_issuer_and_date_from_under_the_body() -> None:
    document = _letter(
        """\
ที่ อบ ๐๐๑๙/ว ๕๓๖
ถึง สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ
ตามหนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๑๙/ว ๒๕๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗ ขอแจ้งการปรับแก้ไข
สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี
๑๐ มิถุนายน ๒๕๖๗
กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน
โทร./โทรสาร ๐๔๕-๓๔๔๖๒๘
"""
    )

    assert document.issuer == "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
    assert document.date == date(2024, 6, 10)
    assert document.subject is None
    assert document.to == "สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ"
    assert (document.phone, document.fax) == ("045-344628", "045-344628")
    assert document.references == (Reference("อบ 0019/ว 2548", date(2024, 6, 4)),)


def test_phone_and_fax_on_one_line_are_told_apart() -> None:
    document = _letter("กลุ่มงานบริหาร\nโทร. 0 4561 2670 โทรสาร 0 4561 2671\n")

    assert (document.phone, document.fax) == ("0 4561 2670", "0 4561 2671")
    assert document.owner_unit == "กลุ่มงานบริหาร"


def test_a_position_above_the_phone_line_is_not_an_owner_unit() -> None:
    document = _letter("(นายสมชาย ใจดี)\nพัฒนาการจังหวัดขอนแก่น\nโทร. 0 4324 1742\n")

    assert document.owner_unit is None
    assert document.phone == "0 4324 1742"


def test_what_a_letter_does_not_print_stays_null() -> None:
    document = _letter("ถึง พัฒนาการอำเภอ ทุกอำเภอ\nด้วยจังหวัดขอแจ้ง\n")

    assert (document.number, document.date, document.subject, document.issuer) == (
        None,
        None,
        None,
        None,
    )
    assert document.references == ()
    assert (document.owner_unit, document.phone, document.fax) == (None, None, None)
