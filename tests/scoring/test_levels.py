from decimal import Decimal

import pytest

from kpi.scoring import (
    Band,
    InvalidStep,
    InvalidValue,
    MeasureMismatch,
    Milestone,
    PlannedZero,
    Threshold,
    ValueMissing,
    percentage,
    score,
    score_milestone,
    score_threshold,
)

D = Decimal


def percent_bands(interpolate: bool = False) -> Threshold:
    """Seed indicator 8 as first issued: 1-20, 21-50, 51-80, 81-90, 91 and above."""
    bounds = [(1, 20), (21, 50), (51, 80), (81, 90), (91, None)]
    bands = tuple(
        Band(n, D(low), None if high is None else D(high), text=f"band {n}")
        for n, (low, high) in enumerate(bounds, start=1)
    )
    return Threshold(bands, "higher", interpolate=interpolate)


def complaints(interpolate: bool = False) -> Threshold:
    """Lower is better: level 5 ไม่เกิน 3, 4: 4-5, 3: 6-8, 2: 9-10, 1: มากกว่า 10."""
    return Threshold(
        (
            Band(1, D(10), None, min_exclusive=True, text="มากกว่า 10"),
            Band(2, D(9), D(10)),
            Band(3, D(6), D(8)),
            Band(4, D(4), D(5)),
            Band(5, None, D(3), text="ไม่เกิน 3"),
        ),
        "lower",
        interpolate=interpolate,
    )


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("0", 0),
        ("0.99", 0),
        ("1", 1),
        ("20", 1),
        ("20.5", 1),
        ("21", 2),
        ("50.999", 2),
        ("51", 3),
        ("80.5", 3),
        ("81", 4),
        ("90.99", 4),
        ("91", 5),
        ("100", 5),
        ("250", 5),
    ],
)
def test_higher_is_better_gives_the_highest_level_whose_lower_bound_is_reached(
    value: str, level: int
) -> None:
    result = score_threshold(percent_bands(), D(value))
    assert result.level == level
    assert result.band == (percent_bands().by_level[level - 1] if level else None)


def test_a_level_without_a_lower_bound_is_reached_by_every_value() -> None:
    rule = Threshold(
        (
            Band(1, None, D(50), max_exclusive=True, text="ต่ำกว่า 50"),
            Band(2, D(50), D(59)),
            Band(3, D(60), D(69)),
            Band(4, D(70), D(79)),
            Band(5, D(80), None),
        ),
        "higher",
    )
    assert score(rule, value=D(0)).level == 1
    assert score(rule, value=D("49.99")).level == 1
    assert score(rule, value=D(50)).level == 2


def test_an_exclusive_lower_bound_is_reached_only_above_it() -> None:
    rule = Threshold(
        (*percent_bands().by_level[:4], Band(5, D(90), None, min_exclusive=True, text="มากกว่า 90")),
        "higher",
    )
    assert score(rule, value=D(90)).level == 4
    assert score(rule, value=D("90.0001")).level == 5
    assert score(rule, value=D(91)).level == 5


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("0", 5),
        ("3", 5),
        ("3.5", 4),
        ("5", 4),
        ("5.01", 3),
        ("8", 3),
        ("9", 2),
        ("10", 2),
        ("10.5", 1),
        ("11", 1),
        ("1000", 1),
    ],
)
def test_lower_is_better_gives_the_highest_level_whose_upper_bound_is_not_exceeded(
    value: str, level: int
) -> None:
    assert score(complaints(), value=D(value)).level == level


def test_lower_is_better_without_an_open_level_1_gives_0_past_its_bound() -> None:
    rule = Threshold(tuple(Band(n, None, D(25 - 5 * n)) for n in (1, 2, 3, 4, 5)), "lower")
    assert score(rule, value=D(20)).level == 1
    assert score(rule, value=D("20.1")).level == 0
    assert score(rule, value=D(0)).level == 5


def test_an_exclusive_upper_bound_is_reached_only_below_it() -> None:
    rule = Threshold(
        (*complaints().by_level[:4], Band(5, None, D(3), max_exclusive=True, text="น้อยกว่า 3")),
        "lower",
    )
    assert score(rule, value=D(3)).level == 4
    assert score(rule, value=D("2.999")).level == 5


def test_the_next_level_names_the_bound_to_reach_and_its_band() -> None:
    result = score(percent_bands(), value=D("20.5"))
    assert result.next is not None
    assert (result.next.level, result.next.value, result.next.exclusive) == (2, D(21), False)
    assert result.next.direction == "higher"
    assert result.next.text == "band 2"
    assert score(percent_bands(), value=D(0)).next.value == D(1)  # type: ignore[union-attr]
    assert score(percent_bands(), value=D(95)).next is None


def test_the_next_level_of_lower_is_better_is_the_largest_value_allowed() -> None:
    result = score(complaints(), value=D(7))
    assert result.next is not None
    assert (result.next.level, result.next.value, result.next.direction) == (4, D(5), "lower")


def test_the_next_level_says_when_the_bound_must_be_passed() -> None:
    rule = Threshold(
        (*percent_bands().by_level[:4], Band(5, D(90), None, min_exclusive=True)), "higher"
    )
    result = score(rule, value=D(85))
    assert result.next is not None
    assert (result.next.value, result.next.exclusive) == (D(90), True)


@pytest.mark.parametrize(
    ("value", "level"),
    [
        ("0", "0.00"),
        ("1", "1.00"),
        ("11", "1.50"),
        ("20.5", "1.98"),
        ("50", "2.97"),
        ("51", "3.00"),
        ("66", "3.50"),
        ("85", "4.40"),
        ("90.96", "4.99"),
        ("90.999", "4.99"),
        ("91", "5.00"),
        ("120", "5.00"),
    ],
)
def test_interpolation_adds_the_fraction_of_the_way_to_the_next_bound(
    value: str, level: str
) -> None:
    result = score(percent_bands(interpolate=True), value=D(value))
    assert str(result.level) == level


def test_interpolation_never_shows_a_level_the_bands_do_not_give() -> None:
    rule = Threshold(
        (*percent_bands().by_level[:4], Band(5, D(90), None, min_exclusive=True)),
        "higher",
        interpolate=True,
    )
    assert score(rule, value=D(90)).level == D("4.99")
    assert score(rule, value=D("90.01")).level == 5


def test_interpolation_mirrors_for_lower_is_better() -> None:
    rule = complaints(interpolate=True)
    assert score(rule, value=D(3)).level == 5
    assert score(rule, value=D(4)).level == D("4.50")  # 4 + (5 − 4) / (5 − 3)
    assert score(rule, value=D(5)).level == 4
    assert score(rule, value=D(7)).level == D("3.33")  # 3 + (8 − 7) / (8 − 5)
    assert score(rule, value=D(50)).level == 1  # level 1 has no bound to start from


def test_interpolation_keeps_the_band_and_next_level_of_the_integral_level() -> None:
    result = score(percent_bands(interpolate=True), value=D(66))
    assert result.band is not None
    assert result.band.level == 3
    assert result.next is not None
    assert result.next.level == 4


@pytest.mark.parametrize("value", [D(-1), D("-0.01"), D("NaN"), D("Infinity"), "abc", "", [1]])
def test_it_refuses_a_value_that_is_not_a_number_of_0_or_more(value: object) -> None:
    with pytest.raises(InvalidValue) as caught:
        score(percent_bands(), value=value)
    assert caught.value.code == "invalid_value"
    assert caught.value.where == "value"


def test_it_accepts_ints_and_numeric_strings_but_refuses_floats() -> None:
    assert score(percent_bands(), value=85).level == 4
    assert score(percent_bands(), value=" 85.5 ").level == 4
    with pytest.raises(TypeError, match="float"):
        score(percent_bands(), value=85.0)


def test_a_threshold_needs_a_value_and_no_steps() -> None:
    with pytest.raises(ValueMissing):
        score(percent_bands())
    with pytest.raises(MeasureMismatch) as caught:
        score(percent_bands(), value=D(1), steps=[1])
    assert (caught.value.where, caught.value.code) == ("steps", "measure_mismatch")
    assert caught.value.message == "This indicator is scored by a value, not by steps"
    assert caught.value.message_th == "ตัวชี้วัดนี้ให้คะแนนตามค่าที่วัดได้ ไม่ใช่ขั้นตอนที่ทำแล้ว"


STEPS = Milestone(("plan", "honour", "publicise", "summarise", "report"))


@pytest.mark.parametrize(
    ("steps", "level", "flagged"),
    [
        ([], 0, ()),
        ([1], 1, ()),
        ([2, 1, 3], 3, ()),
        ([1, 2, 3, 4, 5], 5, ()),
        ([5, 4, 3, 2, 1, 1], 5, ()),
        ([2, 3, 4, 5], 0, (2, 3, 4, 5)),
        ([1, 2, 4, 5], 2, (4, 5)),
        ([1, 3], 1, (3,)),
    ],
)
def test_a_milestone_level_is_the_length_of_the_done_prefix(
    steps: list[int], level: int, flagged: tuple[int, ...]
) -> None:
    result = score(STEPS, steps=steps)
    assert result.level == level
    assert result.flagged_steps == flagged
    assert result.band is None


def test_each_flagged_step_is_explained_in_english_and_translatable() -> None:
    result = score_milestone(STEPS, [1, 3, 5])
    assert [flag.message for flag in result.flags] == [
        "Step 3 is done but step 2 is not, so it does not count",
        "Step 5 is done but step 2 is not, so it does not count",
    ]
    thai = {result.flags[0].template: "ขั้นที่ %(step)s ทำแล้ว แต่ขั้นที่ %(missing)s ยังไม่ทำ จึงไม่นับ"}
    assert result.flags[0].translated(lambda text: thai.get(text, text)) == (
        "ขั้นที่ 3 ทำแล้ว แต่ขั้นที่ 2 ยังไม่ทำ จึงไม่นับ"
    )


def test_the_next_milestone_level_names_the_missing_step_and_what_doing_it_gives() -> None:
    result = score(STEPS, steps=[1, 3, 4])
    assert result.next is not None
    assert (result.next.step, result.next.text, result.next.level) == (2, "honour", 4)
    assert score(STEPS, steps=[1]).next.level == 2  # type: ignore[union-attr]
    assert score(STEPS, steps=[1, 2, 3, 4, 5]).next is None


@pytest.mark.parametrize("step", [0, 6, -1, "1", 1.0, True, None])
def test_it_refuses_a_step_outside_1_to_5(step: object) -> None:
    with pytest.raises(InvalidStep) as caught:
        score(STEPS, steps=[1, step])  # type: ignore[list-item]
    assert caught.value.where == "steps"


def test_a_milestone_needs_steps_and_no_value() -> None:
    with pytest.raises(ValueMissing):
        score(STEPS)
    with pytest.raises(MeasureMismatch) as caught:
        score(STEPS, value=D(1), steps=[1])
    assert caught.value.where == "value"
    assert caught.value.message == "This indicator is scored by steps, not by a value"


def test_a_mismatched_input_is_bad_input_like_any_other_value() -> None:
    # Callers refuse bad input by catching InvalidValue; a mismatch must not escape them.
    assert issubclass(MeasureMismatch, InvalidValue)
    assert not issubclass(MeasureMismatch, TypeError)


def test_a_percentage_is_computed_exactly_from_its_parts() -> None:
    assert percentage(3, 4) == 75
    assert percentage(D(2), D(3)) == D(200) / 3
    assert score(percent_bands(), value=percentage(41, 50)).level == 4
    with pytest.raises(InvalidValue):
        percentage(1, 0)
    with pytest.raises(InvalidValue):
        percentage(-1, 4)


def test_nothing_planned_says_the_planned_count_must_be_above_0() -> None:
    with pytest.raises(PlannedZero) as caught:
        percentage(1, 0)

    # Not "0 is not a valid measured value (a number of 0 or more)", which contradicts itself.
    assert (caught.value.code, caught.value.where) == ("planned_zero", "whole")
    assert caught.value.message == "The planned count must be above 0"
    assert caught.value.message_th == "จำนวนทั้งหมดตามแผนต้องมากกว่า 0"
    with pytest.raises(InvalidValue) as negative:
        percentage(1, -4)
    assert negative.value.where == "whole"


def test_a_bound_shared_by_at_least_and_more_than_splits_two_levels() -> None:
    at_least = Band(4, D(90), None)
    more_than = Band(5, D(90), None, min_exclusive=True)
    for interpolate in (False, True):
        rule = Threshold(
            (*percent_bands().by_level[:3], at_least, more_than), "higher", interpolate
        )
        assert score(rule, value=D(90)).level == 4
        assert score(rule, value=D("90.001")).level == 5
