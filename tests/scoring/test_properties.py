"""Properties of the engine over generated criteria and values (hypothesis)."""

from decimal import Decimal
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from kpi.scoring import (
    Band,
    Milestone,
    Threshold,
    achievement,
    score,
    weighted_score,
)

D = Decimal
LEVELS = (1, 2, 3, 4, 5)

# Bounds and values with up to two decimals, as printed in circulars.
values = st.integers(min_value=0, max_value=20_000).map(lambda n: D(n) / 100)


@st.composite
def thresholds(draw: st.DrawFn) -> Threshold:
    """Five bands whose ruling bounds grow harder with the level, listed in any order."""
    direction = draw(st.sampled_from(["higher", "lower"]))
    bounds = sorted(
        draw(
            st.lists(
                st.integers(min_value=100, max_value=19_000), min_size=5, max_size=5, unique=True
            )
        )
    )
    if direction == "lower":
        bounds.reverse()
    rules: list[Decimal | None] = [D(b) / 100 for b in bounds]
    if draw(st.booleans()):
        rules[0] = None  # level 1 open: every value reaches it
    exclusive = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    bands = []
    for level, bound, excl in zip(LEVELS, rules, exclusive, strict=True):
        ruling = {"min" if direction == "higher" else "max": bound}
        bands.append(
            Band(
                level,
                min=ruling.get("min"),
                max=ruling.get("max"),
                min_exclusive=excl and direction == "higher" and bound is not None,
                max_exclusive=excl and direction == "lower" and bound is not None,
            )
        )
    order = draw(st.permutations(bands))
    return Threshold(tuple(order), direction, interpolate=draw(st.booleans()))  # type: ignore[arg-type]


@given(thresholds(), values)
def test_the_level_is_always_between_0_and_5(rule: Threshold, value: Decimal) -> None:
    level = score(rule, value=value).level
    assert 0 <= level <= 5
    if not rule.interpolate:
        assert level == level.to_integral_value()


@given(thresholds(), values, values)
def test_the_level_moves_with_the_value_in_the_rule_s_direction(
    rule: Threshold, first: Decimal, second: Decimal
) -> None:
    low, high = sorted([first, second])
    at_low, at_high = score(rule, value=low).level, score(rule, value=high).level
    if rule.direction == "higher":
        assert at_low <= at_high
    else:
        assert at_low >= at_high


@given(thresholds(), values)
def test_the_value_named_for_the_next_level_reaches_it_and_nothing_short_of_it_does(
    rule: Threshold, value: Decimal
) -> None:
    result = score(rule, value=value)
    upcoming = result.next
    if upcoming is None:
        assert int(result.level) == 5
        return
    assert upcoming.value is not None
    step = D("0.000001")
    towards = step if rule.direction == "higher" else -step
    reaching = upcoming.value + towards if upcoming.exclusive else upcoming.value
    short = upcoming.value if upcoming.exclusive else upcoming.value - towards
    assert int(score(rule, value=reaching).level) == upcoming.level > int(result.level)
    assert int(score(rule, value=short).level) < upcoming.level


@st.composite
def weights(draw: st.DrawFn) -> list[Decimal]:
    """Positive weights with up to two decimals adding up to exactly 100."""
    cuts = draw(st.lists(st.integers(min_value=1, max_value=9_999), max_size=15, unique=True))
    points = [0, *sorted(cuts), 10_000]
    return [D(b - a) / 100 for a, b in pairwise(points)]


@given(weights())
def test_level_5_everywhere_scores_100(shares: list[Decimal]) -> None:
    assert sum(shares) == 100
    assert achievement((D(5), weight) for weight in shares) == 100


@given(weights(), st.data())
def test_achievement_stays_within_0_and_100(shares: list[Decimal], data: st.DataObject) -> None:
    levels = data.draw(
        st.lists(st.sampled_from((*LEVELS, 0)), min_size=len(shares), max_size=len(shares))
    )
    result = achievement(zip(levels, shares, strict=True))
    assert 0 <= result <= 100
    assert result == sum(
        weighted_score(level, weight) for level, weight in zip(levels, shares, strict=True)
    )


STEPS = Milestone(tuple(f"step {n}" for n in LEVELS))


@given(st.lists(st.integers(min_value=1, max_value=5)))
def test_a_milestone_level_is_the_done_prefix_and_every_step_above_it_is_flagged(
    steps: list[int],
) -> None:
    result = score(STEPS, steps=steps)
    prefix = 0
    while prefix + 1 in steps:
        prefix += 1
    assert result.level == prefix
    assert result.flagged_steps == tuple(sorted({s for s in steps if s > prefix}))
    assert all(flag.missing == prefix + 1 for flag in result.flags)
    if result.next is not None:
        assert score(STEPS, steps=[*steps, result.next.step]).level == result.next.level
