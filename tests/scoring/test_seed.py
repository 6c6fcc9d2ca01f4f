"""The seed circular's cases, which must hold (DOMAIN.md, Agreements and indicators)."""

from collections.abc import Callable
from decimal import Decimal

import pytest

from kpi.scoring import Criteria, Milestone, SizeRequired, Threshold, score

SeedCriteria = Callable[[str, int, str], Criteria]


@pytest.mark.parametrize(
    ("value", "size", "level"),
    [
        ("75", "large", 3),
        ("75", "medium", 4),
        ("75", "small", 5),
        ("71", "medium", 4),
        ("70.9", "medium", 3),
        *[("20.5", size, 1) for size in ("large", "medium", "small")],
        *[("0", size, 0) for size in ("large", "medium", "small")],
        *[("91", size, 5) for size in ("large", "medium", "small")],
    ],
)
def test_revised_individual_indicator_8_scores_by_district_size(
    seed_criteria: SeedCriteria, value: str, size: str, level: int
) -> None:
    criteria = seed_criteria("individual", 8, "revised")
    assert score(criteria.select(size), value=Decimal(value)).level == level


def test_original_individual_indicator_8_gives_85_level_4_for_every_district(
    seed_criteria: SeedCriteria,
) -> None:
    criteria = seed_criteria("individual", 8, "original")
    assert criteria.sizes == ()
    for size in (None, "large", "small"):
        assert score(criteria.select(size), value=Decimal(85)).level == 4


def test_revised_indicator_8_without_a_size_names_the_sizes_it_needs(
    seed_criteria: SeedCriteria,
) -> None:
    criteria = seed_criteria("individual", 8, "revised")
    with pytest.raises(SizeRequired) as caught:
        criteria.select(None)
    assert caught.value.code == "size_required"
    for size in ("large", "medium", "small"):
        assert size in caught.value.message


def test_team_indicator_5_does_not_count_steps_done_after_a_missing_one(
    seed_criteria: SeedCriteria,
) -> None:
    rule = seed_criteria("team", 5, "revised").select(None)
    assert isinstance(rule, Milestone)
    result = score(rule, steps=[1, 2, 4, 5])
    assert result.level == 2
    assert result.flagged_steps == (4, 5)
    assert [flag.missing for flag in result.flags] == [3, 3]
    assert result.next is not None
    assert result.next.step == 3
    assert result.next.text == rule.steps[2]


def test_the_revision_of_team_indicator_5_changes_only_the_text_of_step_4(
    seed_criteria: SeedCriteria,
) -> None:
    original = seed_criteria("team", 5, "original").select(None)
    revised = seed_criteria("team", 5, "revised").select(None)
    assert isinstance(original, Milestone)
    assert isinstance(revised, Milestone)
    changed = [n for n in range(5) if original.steps[n] != revised.steps[n]]
    assert changed == [3]


def test_seed_bands_keep_their_printed_text_and_bounds(seed_criteria: SeedCriteria) -> None:
    rule = seed_criteria("individual", 8, "revised").select("small")
    assert isinstance(rule, Threshold)
    top = rule.by_level[4]
    assert (top.min, top.max, top.level) == (Decimal(71), None, 5)
    assert "71" in top.text
