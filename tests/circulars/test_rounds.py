"""The appraisal round and the agreement's parties."""

from datetime import date

import pytest

from kpi.circulars.model import Agreement, Round
from kpi.circulars.rounds import read_agreement, read_round


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["รอบการประเมินที่ 2", "ประจำปีงบประมาณ พ.ศ.2567 (1 เมษายน - 30 กันยายน 2567)"],
            Round(2567, 2, date(2024, 4, 1), date(2024, 9, 30)),
        ),
        (  # round 1 starts in the year before: the printed start has no year of its own
            ["รอบที่ 1 ปีงบประมาณ พ.ศ. 2568 (1 ตุลาคม - 31 มีนาคม 2568)"],
            Round(2568, 1, date(2024, 10, 1), date(2025, 3, 31)),
        ),
        (
            ["รอบที่ 1 ประจำปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566 – 31 มีนาคม 2567)"],
            Round(2567, 1, date(2023, 10, 1), date(2024, 3, 31)),
        ),
        (  # no printed range: ว 20/2552 gives it
            ["การประเมินผลการปฏิบัติราชการ รอบที่ 2", "ปีงบประมาณ 2569"],
            Round(2569, 2, date(2026, 4, 1), date(2026, 9, 30)),
        ),
        (  # only the range: it names the round
            ["ระยะเวลา 1 ต.ค. 2567 ถึง 31 มี.ค. 2568"],
            Round(2568, 1, date(2024, 10, 1), date(2025, 3, 31)),
        ),
        (["รอบที่ 2"], Round(None, 2, None, None)),
        (["ไม่มีข้อมูลรอบ"], Round()),
    ],
)
def test_the_round_comes_from_what_is_printed(texts: list[str], expected: Round) -> None:
    assert read_round(texts) == expected


def test_the_first_text_naming_a_field_wins() -> None:
    round_ = read_round(["รอบการประเมินที่ 2 ปีงบประมาณ 2567", "ตามหนังสือ รอบที่ 1 ปีงบประมาณ 2566"])

    assert (round_.fiscal_year, round_.number) == (2567, 2)


def test_a_round_number_other_than_1_or_2_is_not_a_round() -> None:
    assert read_round(["รอบที่ 3 ปีงบประมาณ 2567"]).number is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "พัฒนาการจังหวัดอุบลราชธานี กับ พัฒนาการอำเภอ",
            Agreement("พัฒนาการจังหวัดอุบลราชธานี", "พัฒนาการอำเภอ"),
        ),
        (
            "คำรับรองการปฏิบัติราชการระหว่าง พัฒนาการอำเภอ กับ ข้าราชการในสังกัด",
            Agreement("พัฒนาการอำเภอ", "ข้าราชการในสังกัด"),
        ),
    ],
)
def test_the_parties_are_either_side_of_กับ(line: str, expected: Agreement) -> None:
    assert read_agreement(["ประจำปีงบประมาณ พ.ศ. 2567", line]) == expected


def test_without_a_parties_line_the_agreement_is_null() -> None:
    assert read_agreement(["การกำหนดตัวชี้วัดและค่าเป้าหมาย"]) == Agreement(None, None)
