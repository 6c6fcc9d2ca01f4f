"""Milestone or threshold, unit and direction, decided from a version's printed levels."""

from decimal import Decimal

from kpi.circulars.method import PrintedCriterion, classify


def _criterion(*texts: str, size=None) -> PrintedCriterion:
    return PrintedCriterion(size, tuple(enumerate(texts, start=1)))


def test_numeric_bands_of_one_measure_are_a_threshold_in_percent() -> None:
    scoring = classify(
        [
            _criterion(
                "ต่ำกว่าร้อยละ 60",
                "ร้อยละ 60 - 69",
                "ร้อยละ 70 - 79",
                "ร้อยละ 80 - 89",
                "ร้อยละ 90 ขึ้นไป",
            )
        ]
    )

    assert (scoring.method, scoring.unit, scoring.direction) == ("threshold", "percent", "higher")
    level_1, level_5 = scoring.criteria[0].levels[0], scoring.criteria[0].levels[4]
    assert (level_1.min, level_1.max, level_1.max_exclusive) == (None, Decimal(60), True)
    assert (level_5.min, level_5.max) == (Decimal(90), None)


def test_a_count_threshold_takes_its_counting_word_as_unit() -> None:
    scoring = classify([_criterion("1 ราย", "2 ราย", "3 ราย", "4 ราย", "5 รายขึ้นไป")])

    assert (scoring.method, scoring.unit) == ("threshold", "ราย")
    assert [level.min for level in scoring.criteria[0].levels] == [1, 2, 3, 4, 5]
    assert [level.max for level in scoring.criteria[0].levels] == [1, 2, 3, 4, None]


def test_fewer_is_better_when_level_5_asks_for_less_than_level_1() -> None:
    scoring = classify(
        [
            _criterion(
                "ส่งรายงานล่าช้า เกิน 7 วัน",
                "ส่งรายงานล่าช้า มากกว่า 5 วัน แต่ไม่เกิน 7 วัน",
                "ส่งรายงานล่าช้า มากกว่า 3 วัน แต่ไม่เกิน 5 วัน",
                "ส่งรายงานล่าช้า มากกว่า 1 วัน แต่ไม่เกิน 3 วัน",
                "ส่งรายงานล่าช้า ไม่เกิน 1 วัน",
            )
        ]
    )

    assert (scoring.method, scoring.unit, scoring.direction) == ("threshold", "วัน", "lower")
    level_2 = scoring.criteria[0].levels[1]
    assert (level_2.min, level_2.min_exclusive, level_2.max) == (Decimal(5), True, Decimal(7))


def test_steps_of_work_are_a_milestone_even_with_threshold_wording() -> None:
    scoring = classify(
        [
            _criterion(
                "ขับเคลื่อนกิจกรรม ร้อยละ 100 โดยมีบุคลากรเข้าร่วม ร้อยละ 100",
                "ประกาศยกย่องตามเป้าหมายคุณธรรม 5 ประการ",
                "เผยแพร่ผ่านสื่อ ไม่น้อยกว่า 3 ช่องทาง",
                "สรุปองค์ความรู้ จำนวน 1 เรื่อง",
                "รายงานผลต่อผู้บังคับบัญชา",
            )
        ]
    )

    assert (scoring.method, scoring.unit, scoring.direction) == ("milestone", None, None)
    assert all(level.min is None and level.max is None for level in scoring.criteria[0].levels)


def test_every_step_numbered_in_different_units_is_still_a_milestone() -> None:
    scoring = classify(
        [
            _criterion(
                "ประชุม 1 ครั้ง",
                "ลงพื้นที่ 2 หมู่บ้าน",
                "จัดทำแผน 3 เรื่อง",
                "รายงาน 4 ฉบับ",
                "ถอดบทเรียน 5 เรื่อง",
            )
        ]
    )

    assert scoring.method == "milestone"


def test_bands_that_do_not_climb_steadily_are_a_milestone() -> None:
    scoring = classify([_criterion("ร้อยละ 50", "ร้อยละ 90", "ร้อยละ 60", "ร้อยละ 100", "ร้อยละ 70")])

    assert scoring.method == "milestone"


def test_each_district_size_keeps_its_own_bands_in_document_order() -> None:
    medium = _criterion(
        "ร้อยละ 1 - 20",
        "ร้อยละ 21 - 50",
        "ร้อยละ 51 - 70",
        "ร้อยละ 71 - 80",
        "ร้อยละ 81 ขึ้นไป",
        size="medium",
    )
    large = _criterion(
        "ร้อยละ 1 - 20",
        "ร้อยละ 21 - 50",
        "ร้อยละ 51 - 80",
        "ร้อยละ 81 - 90",
        "ร้อยละ 91 ขึ้นไป",
        size="large",
    )

    scoring = classify([medium, large])

    assert [c.district_size for c in scoring.criteria] == ["medium", "large"]
    assert [c.levels[4].min for c in scoring.criteria] == [81, 91]
