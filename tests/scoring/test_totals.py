from decimal import Decimal

import pytest

from kpi.scoring import (
    DEFAULT_RATINGS,
    PROBATION_SHARES,
    InvalidLevel,
    InvalidRatingBands,
    InvalidScore,
    InvalidShares,
    InvalidValue,
    InvalidWeight,
    RatingBand,
    Shares,
    ValueMissing,
    WeightsNotHundred,
    achievement,
    check_weights,
    competency_score,
    display,
    rating,
    total,
    weighted_score,
    weights_total,
)

D = Decimal


def test_a_weighted_score_is_level_times_weight_over_5() -> None:
    assert weighted_score(D(4), D(10)) == 8
    assert weighted_score(5, 5) == 5
    assert weighted_score(D("3.50"), D(10)) == 7
    assert weighted_score(D(0), D(30)) == 0
    assert weighted_score(D(3), D("12.5")) == D("7.5")


@pytest.mark.parametrize("level", [D(-1), D("5.01"), "x", D("NaN")])
def test_it_refuses_a_level_outside_0_to_5(level: object) -> None:
    with pytest.raises(InvalidLevel):
        weighted_score(level, D(10))


@pytest.mark.parametrize("weight", [D(0), D(-5), "heavy", None])
def test_it_refuses_a_weight_that_is_not_above_0(weight: object) -> None:
    with pytest.raises(InvalidWeight) as caught:
        weighted_score(D(3), weight)
    assert caught.value.where == "weight"


def test_it_refuses_floats() -> None:
    with pytest.raises(TypeError):
        weighted_score(3.0, 10)
    with pytest.raises(TypeError):
        total(80.0, 90)


def test_achievement_sums_the_weighted_scores() -> None:
    items = [(D(5), D(40)), (D(4), D(30)), (D(2), D(20)), (D(0), D(10))]
    assert achievement(items) == 40 + 24 + 8 + 0
    assert achievement([]) == 0


def test_weights_must_add_up_to_100_to_open_a_round() -> None:
    assert weights_total([D(60), D(30)]) == 90
    assert check_weights([D(60), D(30), D(10)]) == 100
    with pytest.raises(WeightsNotHundred) as caught:
        check_weights([D(60), D(30)])
    assert caught.value.params == {"total": "90"}
    with pytest.raises(InvalidWeight):
        weights_total([D(60), D(0), D(40)])


def test_the_total_is_70_percent_achievement_and_30_percent_competency_by_default() -> None:
    assert total(D(80), D(90)) == D(83)
    assert total(D(100), D(100)) == 100
    assert total(D(0), D(0)) == 0


def test_staff_on_probation_and_other_rounds_use_their_own_shares() -> None:
    assert total(D(80), D(90), PROBATION_SHARES) == D(85)
    assert total(D(80), D(90), Shares(D(60), D(40))) == D(84)
    assert Shares(80, 20).achievement == D(80)


@pytest.mark.parametrize(("achieved", "competent"), [(D(60), D(30)), (D(-10), D(110)), ("a", 1)])
def test_it_refuses_shares_not_adding_up_to_100(achieved: object, competent: object) -> None:
    with pytest.raises(InvalidShares):
        Shares(achieved, competent)  # type: ignore[arg-type]


@pytest.mark.parametrize(("achieved", "competent"), [(D(101), D(50)), (D(50), D(-1))])
def test_it_refuses_scores_outside_0_to_100(achieved: Decimal, competent: Decimal) -> None:
    with pytest.raises(InvalidScore) as caught:
        total(achieved, competent)
    assert caught.value.where in ("achievement", "competency")


@pytest.mark.parametrize(
    ("score", "code", "label"),
    [
        ("100", "outstanding", "ดีเด่น"),
        ("90", "outstanding", "ดีเด่น"),
        ("89.995", "outstanding", "ดีเด่น"),
        ("89.994", "very_good", "ดีมาก"),
        ("80", "very_good", "ดีมาก"),
        ("79.99", "good", "ดี"),
        ("70", "good", "ดี"),
        ("60", "fair", "พอใช้"),
        ("59.99", "needs_improvement", "ต้องปรับปรุง"),
        ("0", "needs_improvement", "ต้องปรับปรุง"),
    ],
)
def test_it_rates_the_total_by_the_default_bands(score: str, code: str, label: str) -> None:
    band = rating(D(score))
    assert (band.code, band.label) == (code, label)


def test_rating_bands_are_configurable_and_may_come_in_any_order() -> None:
    bands = [RatingBand("pass", "ผ่าน", D(0)), RatingBand("excellent", "ดีเยี่ยม", D(95))]
    assert rating(D(96), bands).code == "excellent"
    assert rating(D(94), bands).code == "pass"
    assert len(DEFAULT_RATINGS) == 5


@pytest.mark.parametrize(
    "bands",
    [
        [],
        [RatingBand("good", "ดี", D(50))],
        [RatingBand("a", "ก", D(0)), RatingBand("b", "ข", D(0))],
    ],
)
def test_it_refuses_rating_bands_that_leave_a_total_without_a_rating(
    bands: list[RatingBand],
) -> None:
    with pytest.raises(InvalidRatingBands):
        rating(D(10), bands)


def test_display_rounds_half_up_to_two_places() -> None:
    assert str(display(D("89.995"))) == "90.00"
    assert str(display(D("89.994999"))) == "89.99"
    assert str(display(D(200) / 3)) == "66.67"
    assert str(display(D("2.5"))) == "2.50"


@pytest.mark.parametrize(
    ("gaps", "expected"),
    [
        ([0, 0, 0], D(100)),
        ([-1, 0], D(100)),
        ([1, 1], D(200) / 3),
        ([2], D(100) / 3),
        ([3, 5, 0], D(100) / 3),
        ([0, 1, 2, 3], D(600) / 12),
    ],
)
def test_competency_gives_3_2_1_0_points_by_the_gap_to_the_expected_level(
    gaps: list[int], expected: Decimal
) -> None:
    assert competency_score(gaps) == expected


def test_competency_needs_integer_gaps() -> None:
    with pytest.raises(ValueMissing):
        competency_score([])
    with pytest.raises(InvalidValue):
        competency_score([1, D("0.5")])  # type: ignore[list-item]
