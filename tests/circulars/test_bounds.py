"""Every band wording of the contract, read by kpi.circulars.bounds."""

from decimal import Decimal

import pytest

from kpi.circulars.bounds import Band, find_bands, level_band

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # min only
        ("ไม่น้อยกว่าร้อยละ 80", Band(D(80), None, unit="percent")),
        ("ไม่ต่ำกว่า 3 ครั้ง", Band(D(3), None, unit="ครั้ง")),
        ("อย่างน้อย 2 โครงการ", Band(D(2), None, unit="โครงการ")),
        ("ตั้งแต่ 5 ครั้งขึ้นไป", Band(D(5), None, unit="ครั้ง")),
        ("ตั้งแต่ร้อยละ 95.00 ขึ้นไป", Band(D("95.00"), None, unit="percent")),
        ("เผยแพร่ข่าว 20 ครั้งขึ้นไป", Band(D(20), None, unit="ครั้ง")),
        ("ไม่น้อยกว่าร้อยละ 91 ขึ้นไป", Band(D(91), None, unit="percent")),
        # exclusive min
        ("มากกว่าร้อยละ 90", Band(D(90), None, min_exclusive=True, unit="percent")),
        ("ส่งรายงานล่าช้า เกิน 7 วัน", Band(D(7), None, min_exclusive=True, unit="วัน")),
        ("สูงกว่า 4 เรื่อง", Band(D(4), None, min_exclusive=True, unit="เรื่อง")),
        # max only
        ("ไม่เกิน 3 วัน", Band(None, D(3), unit="วัน")),
        ("ไม่เกินร้อยละ 60", Band(None, D(60), unit="percent")),
        ("ไม่มากกว่า 2 ราย", Band(None, D(2), unit="ราย")),
        # exclusive max
        ("ต่ำกว่าร้อยละ 60", Band(None, D(60), max_exclusive=True, unit="percent")),
        ("น้อยกว่า 5 ครั้ง", Band(None, D(5), max_exclusive=True, unit="ครั้ง")),
        # ranges
        ("ระหว่างร้อยละ 1 - 20", Band(D(1), D(20), unit="percent")),
        ("ร้อยละ 60.00 - 69.99", Band(D(60), D("69.99"), unit="percent")),
        ("ร้อยละ 80.00 – 84.99", Band(D(80), D("84.99"), unit="percent")),
        ("5 - 9 ครั้ง", Band(D(5), D(9), unit="ครั้ง")),
        ("ระหว่างร้อยละ 1 ถึงร้อยละ 20", Band(D(1), D(20), unit="percent")),
        ("60%-70%", Band(D(60), D(70), unit="percent")),
        # both sides in words
        (
            "มากกว่า 5 วัน แต่ไม่เกิน 7 วัน",
            Band(D(5), D(7), min_exclusive=True, unit="วัน"),
        ),
        (
            "มากกว่าร้อยละ 60 แต่ไม่เกินร้อยละ 70",
            Band(D(60), D(70), min_exclusive=True, unit="percent"),
        ),
        # single values
        ("ครบร้อยละ 100", Band(D(100), D(100), unit="percent")),
        ("ผู้ประกอบการ OTOP รายใหม่ 1 ราย", Band(D(1), D(1), unit="ราย", explicit=False)),
        ("จำนวน 1,200 ครัวเรือน", Band(D(1200), D(1200), unit="ครัวเรือน", explicit=False)),
    ],
)
def test_it_reads_each_wording_into_a_band(text: str, expected: Band) -> None:
    assert level_band(text) == expected


def test_decimal_bounds_keep_their_value_not_their_zeros() -> None:
    band = level_band("ร้อยละ 60.00 - 69.99")

    assert band is not None
    assert band.min == 60
    assert str(band.max) == "69.99"


def test_the_unit_is_the_counting_word_right_after_the_number() -> None:
    band = level_band("พัฒนาหมู่บ้านต้นแบบได้ 5 หมู่บ้านขึ้นไป")

    assert band is not None
    assert band.unit == "หมู่บ้าน"


def test_the_percent_sign_is_a_percent_unit() -> None:
    band = level_band("ไม่น้อยกว่า 80 %")

    assert band is not None
    assert band.unit == "percent"


def test_dates_are_not_bands() -> None:
    assert find_bands("บันทึกข้อมูลครบถ้วนภายในวันที่ 31 มีนาคม 2567") == []


@pytest.mark.parametrize(
    "text",
    [
        "จัดเก็บข้อมูล กชช. 2ค ครบทุกหมู่บ้าน",
        "ตามตัวชี้วัดที่ 3 ของกรม",
        "ผ่านเกณฑ์ระดับ 3 ของปี 2567",
        "ดำเนินการตามข้อ 2",
    ],
)
def test_references_and_codes_are_not_bands(text: str) -> None:
    assert level_band(text) is None


def test_two_single_values_in_a_step_make_no_band() -> None:
    text = "ขับเคลื่อนกิจกรรม ร้อยละ 100 โดยมีบุคลากรเข้าร่วมแต่ละกิจกรรม ร้อยละ 100"

    assert len(find_bands(text)) == 2
    assert level_band(text) is None


def test_a_comparison_beats_a_single_value_in_the_same_text() -> None:
    band = level_band("ส่งเสริมผู้ประกอบการ 2 กลุ่ม ให้มีรายได้เพิ่มขึ้น ไม่น้อยกว่าร้อยละ 5")

    assert band == Band(D(5), None, unit="percent")


def test_a_bare_number_is_a_single_value() -> None:
    assert level_band("60") == Band(D(60), D(60), explicit=False)


def test_a_number_without_unit_or_comparison_is_no_band() -> None:
    assert level_band("ดำเนินการ 2 และรายงานผล") is None


def test_a_counting_word_outside_the_list_is_cut_from_the_thai_that_follows() -> None:
    assert level_band("พัฒนานวัตกรรมชุมชน 3 นวัตกรรมขึ้นไป") == Band(D(3), None, unit="นวัตกรรม")
    assert level_band("ประชุมคณะทำงาน 2 รอบต่อเดือน") == Band(D(2), D(2), unit="รอบ", explicit=False)


def test_a_band_sits_at_its_midpoint_or_its_one_bound() -> None:
    assert Band(D(60), D(70)).position == 65
    assert Band(None, D(5)).position == 5
    assert Band(D(90), None).position == 90
