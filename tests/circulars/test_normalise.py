"""The contract's normalisation of every output string."""

import pytest

from kpi.circulars import parse_bytes
from kpi.circulars.normalise import clean, split_lines
from kpi.circulars.parse_html import fragment_lines


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ที่ อบ ๐๐๑๙/ว ๕๓๖", "ที่ อบ 0019/ว 536"),
        ("  ระดับ\t\t๑   หมู่บ้าน  ", "ระดับ 1 หมู่บ้าน"),
        ("สำนักงาน\u00a0พัฒนาชุมชน", "สำนักงาน พัฒนาชุมชน"),
        ("การกําหนดตัวชี้วัด", "การกำหนดตัวชี้วัด"),  # nikhahit + sara aa → sara am
        ("ผลสําเร็จ\u200bของการ", "ผลสำเร็จของการ"),  # zero-width space goes
        ("\ufeffเรื่อง", "เรื่อง"),
        ("บรรทัดหนึ่ง\nบรรทัดสอง", "บรรทัดหนึ่ง บรรทัดสอง"),
        ("เเก้ไข", "แก้ไข"),  # two sara e typed for sara ae
        ("ร้อยละ 80.00 – 84.99", "ร้อยละ 80.00 – 84.99"),  # dashes and zeros as printed
        ("   \t ", ""),
    ],
)
def test_clean_normalises_a_value(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_drops_control_characters() -> None:
    assert clean("ตัว\x00ชี้\x07วัด") == "ตัวชี้วัด"


def test_split_lines_keeps_form_feeds_for_page_detection() -> None:
    assert split_lines("หน้าแรก\r\nต่อ\f\rหน้าสอง") == ["หน้าแรก", "ต่อ\f", "หน้าสอง"]


def test_html_entities_are_decoded_and_nbsp_is_a_space() -> None:
    markup = "<p>กง.ส่งเสริมฯ&nbsp;/&nbsp;สมชาย &amp; สมหญิง &ndash; &quot;OTOP&quot;</p>"

    assert fragment_lines(markup) == ['กง.ส่งเสริมฯ / สมชาย & สมหญิง – "OTOP"']


def test_br_and_paragraphs_end_lines_but_inline_markup_does_not() -> None:
    markup = "<p>ระดับคะแนน 1 ขับ<span>เคลื่อน</span><br>ระดับคะแนน 2 ต่อ</p><p>สาม</p>"

    assert fragment_lines(markup) == ["ระดับคะแนน 1 ขับเคลื่อน", "ระดับคะแนน 2 ต่อ", "สาม"]


def test_every_output_string_of_a_thai_digit_circular_uses_arabic_digits(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    thai_digits = text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))

    dumped = str(parse_bytes(thai_digits.encode()).to_dict())

    assert not any("๐" <= ch <= "๙" for ch in dumped)
    assert parse_bytes(thai_digits.encode()) == parse_bytes(text.encode())
