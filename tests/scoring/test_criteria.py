from decimal import Decimal
from typing import Any

import pytest

from kpi.scoring import (
    Band,
    BandsOutOfOrder,
    BoundsReversed,
    Criteria,
    DuplicateSize,
    InvalidBound,
    InvalidCriteria,
    LevelsIncomplete,
    Milestone,
    SizeNotCovered,
    SizeRequired,
    Threshold,
    UnknownDirection,
    UnknownMethod,
    criteria_from_version,
)


def levels(*bounds: tuple[Any, Any]) -> list[dict[str, Any]]:
    return [
        {"level": n, "text": f"level {n}", "min": low, "max": high}
        for n, (low, high) in enumerate(bounds, start=1)
    ]


PERCENT = levels((1, 20), (21, 50), (51, 80), (81, 90), (91, None))


def version(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "method": "threshold",
        "direction": "higher",
        "unit": "percent",
        "criteria": [{"district_size": None, "levels": PERCENT}],
    }
    return base | changes


def test_it_builds_a_threshold_with_decimal_bounds_from_ints_strings_and_decimals() -> None:
    data = version(
        criteria=[
            {
                "district_size": None,
                "levels": levels(
                    ("1", 20), (21, Decimal("50")), (51, 80), ("81.0", 90), (91, None)
                ),
            }
        ]
    )
    rule = criteria_from_version(data).select(None)
    assert isinstance(rule, Threshold)
    assert [band.min for band in rule.by_level] == [1, 21, 51, 81, 91]
    assert all(isinstance(band.min, Decimal) for band in rule.by_level)
    assert rule.direction == "higher"
    assert rule.interpolate is False


def test_it_turns_a_float_bound_into_the_decimal_it_prints_as() -> None:
    data = version(
        criteria=[
            {"district_size": None, "levels": levels(*[(0.1 * n, None) for n in (1, 2, 3, 4, 5)])}
        ]
    )
    rule = criteria_from_version(data).select(None)
    assert isinstance(rule, Threshold)
    assert rule.by_level[0].min == Decimal("0.1")


def test_it_reads_the_interpolation_flag_and_exclusive_bounds() -> None:
    data = version(interpolation=True)
    data["criteria"][0]["levels"] = [dict(level) for level in PERCENT]
    data["criteria"][0]["levels"][4] |= {"min": 90, "min_exclusive": True}
    rule = criteria_from_version(data).select(None)
    assert isinstance(rule, Threshold)
    assert rule.interpolate is True
    assert rule.by_level[4].min_exclusive is True
    assert rule.by_level[3].min_exclusive is False


def test_it_builds_a_milestone_from_the_level_texts_in_level_order() -> None:
    data = {
        "method": "milestone",
        "direction": None,
        "criteria": [
            {"district_size": None, "levels": list(reversed(levels(*[(None, None)] * 5)))}
        ],
    }
    rule = criteria_from_version(data).select(None)
    assert rule == Milestone(("level 1", "level 2", "level 3", "level 4", "level 5"))


def test_it_accepts_bands_in_any_order() -> None:
    shuffled = [PERCENT[n] for n in (3, 0, 4, 2, 1)]
    rule = criteria_from_version(version(criteria=[{"district_size": None, "levels": shuffled}]))
    assert [band.level for band in rule.select(None).by_level] == [1, 2, 3, 4, 5]  # type: ignore[union-attr]


def test_criteria_with_no_size_apply_to_every_size() -> None:
    criteria = criteria_from_version(version())
    assert criteria.sizes == ()
    assert criteria.size_dependent is False
    assert criteria.select(None) is criteria.select("large") is criteria.select("tiny")


def sized() -> Criteria:
    return criteria_from_version(
        version(
            criteria=[
                {"district_size": "large", "levels": PERCENT},
                {
                    "district_size": "small",
                    "levels": levels((1, 10), (11, 20), (21, 30), (31, 40), (41, None)),
                },
            ]
        )
    )


def test_it_selects_the_criteria_of_the_district_size() -> None:
    criteria = sized()
    assert criteria.sizes == ("large", "small")
    assert criteria.size_dependent is True
    assert criteria.select("small").by_level[4].min == 41  # type: ignore[union-attr]
    assert criteria.select("large").by_level[4].min == 91  # type: ignore[union-attr]


def test_it_refuses_to_score_a_district_without_a_size_and_lists_the_sizes() -> None:
    with pytest.raises(SizeRequired) as caught:
        sized().select(None)
    assert caught.value.params == {"sizes": "large, small"}
    assert caught.value.where == "district_size"


def test_it_refuses_a_size_the_criteria_do_not_cover() -> None:
    with pytest.raises(SizeNotCovered) as caught:
        sized().select("medium")
    assert "medium" in caught.value.message
    assert "large, small" in caught.value.message


def test_sized_criteria_fall_back_on_criteria_for_every_size() -> None:
    data = version(
        criteria=[
            {
                "district_size": "small",
                "levels": levels((1, 10), (11, 20), (21, 30), (31, 40), (41, None)),
            },
            {"district_size": None, "levels": PERCENT},
        ]
    )
    criteria = criteria_from_version(data)
    assert criteria.size_dependent is False
    assert criteria.select("small").by_level[4].min == 41  # type: ignore[union-attr]
    assert criteria.select("medium").by_level[4].min == 91  # type: ignore[union-attr]
    assert criteria.select(None).by_level[4].min == 91  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "error", "where"),
    [
        (version(method="table"), UnknownMethod, "method"),
        (version(direction=None), UnknownDirection, "direction"),
        (version(direction="up"), UnknownDirection, "direction"),
        (version(criteria=[]), LevelsIncomplete, "criteria"),
        (
            version(criteria=[{"district_size": None, "levels": PERCENT[:4]}]),
            LevelsIncomplete,
            "levels",
        ),
        (
            version(criteria=[{"district_size": None, "levels": [*PERCENT[:4], PERCENT[3]]}]),
            LevelsIncomplete,
            "levels",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (21, 50), (80, 51), (81, 90), (91, None)),
                    }
                ]
            ),
            BoundsReversed,
            "level 3",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (21, 50), (51, 80), ("lots", 90), (91, None)),
                    }
                ]
            ),
            InvalidBound,
            "level 4",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (21, 50), (51, 80), ("NaN", 90), (91, None)),
                    }
                ]
            ),
            InvalidBound,
            "level 4",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (51, 80), (21, 50), (81, 90), (91, None)),
                    }
                ]
            ),
            BandsOutOfOrder,
            "level 3",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (21, 50), (21, 80), (81, 90), (91, None)),
                    }
                ]
            ),
            BandsOutOfOrder,
            "level 3",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": None,
                        "levels": levels((1, 20), (None, 50), (51, 80), (81, 90), (91, None)),
                    }
                ]
            ),
            BandsOutOfOrder,
            "level 2",
        ),
        (
            version(
                criteria=[
                    {
                        "district_size": "medium",
                        "levels": levels((1, 20), (21, 50), (51, 80), (81, 90), (75, None)),
                    }
                ]
            ),
            BandsOutOfOrder,
            "medium, level 5",
        ),
        (
            version(
                criteria=[
                    {"district_size": "large", "levels": PERCENT},
                    {"district_size": "large", "levels": PERCENT},
                ]
            ),
            DuplicateSize,
            "district_size",
        ),
    ],
)
def test_it_refuses_criteria_it_cannot_interpret(
    data: dict[str, Any], error: type[InvalidCriteria], where: str
) -> None:
    with pytest.raises(error) as caught:
        criteria_from_version(data)
    assert caught.value.where == where
    assert isinstance(caught.value, InvalidCriteria)


def test_a_band_holding_no_value_is_refused() -> None:
    with pytest.raises(BoundsReversed):
        Band(3, Decimal(5), Decimal(5), min_exclusive=True)
    with pytest.raises(BoundsReversed):
        Band(3, Decimal(6), Decimal(5))
    assert Band(3, Decimal(5), Decimal(5)).min == 5


def test_an_exclusive_bound_is_harder_than_the_same_inclusive_bound() -> None:
    at_least = Band(4, Decimal(90), None)
    more_than = Band(5, Decimal(90), None, min_exclusive=True)
    bands = (*[Band(n, Decimal(n), None) for n in (1, 2, 3)], at_least, more_than)
    assert Threshold(bands, "higher").by_level[4] is more_than
    with pytest.raises(BandsOutOfOrder):
        Threshold(
            (
                *bands[:3],
                Band(4, Decimal(90), None, min_exclusive=True),
                Band(5, Decimal(90), None),
            ),
            "higher",
        )


def test_lower_is_better_needs_smaller_maximums_at_higher_levels() -> None:
    bands = tuple(Band(n, None, Decimal(10 - n)) for n in (1, 2, 3, 4, 5))
    assert Threshold(bands, "lower").ruling_bounds[0] == (5, Decimal(5), False)
    with pytest.raises(BandsOutOfOrder):
        Threshold(tuple(Band(n, None, Decimal(n)) for n in (1, 2, 3, 4, 5)), "lower")


def test_a_milestone_needs_five_steps() -> None:
    with pytest.raises(LevelsIncomplete):
        Milestone(("a", "b", "c", "d"))
