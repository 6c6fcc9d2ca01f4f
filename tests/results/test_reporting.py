"""Who has not submitted (per indicator and per district), and a person's scorecard."""

from decimal import Decimal

import pytest

from kpi.results.actions import save_result, submit_result, verify_result
from kpi.results.models import Result
from kpi.results.reporting import not_submitted, scorecard
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


def result_of(world: World, indicator, district) -> Result:  # type: ignore[no-untyped-def]
    return Result.objects.get(item__indicator=indicator, district=district)


def test_it_lists_who_has_not_submitted_per_indicator_and_per_district(opened: World) -> None:
    sent = result_of(opened, opened.individual_8, opened.d3402)
    save_result(sent, by=None, expected_version=1, value="75")
    submit_result(sent, by=None)

    missing = not_submitted(opened.round)

    assert missing.count == 3
    assert [(g.key.kind, g.key.number, g.count) for g in missing.by_indicator] == [
        ("team", 5, 2),
        ("individual", 8, 1),
    ]
    assert [(g.key.dopa_code, g.count) for g in missing.by_district] == [("3401", 2), ("3402", 1)]
    assert not_submitted(opened.round, district=opened.d3402).count == 1


def test_a_returned_result_counts_as_not_submitted(opened: World) -> None:
    from kpi.results.actions import return_result

    result = result_of(opened, opened.individual_8, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    return_result(result, by=None, comment="แก้ไข")

    assert not_submitted(opened.round).count == 4


def test_the_scorecard_weights_the_levels_that_count(opened: World) -> None:
    team = result_of(opened, opened.team_5, opened.d3401)
    own = result_of(opened, opened.individual_8, opened.d3401)
    save_result(own, by=None, expected_version=1, value="95")  # level 5
    submit_result(own, by=None)
    verify_result(own, by=None, level=4, reason="ตรวจพบข่าวซ้ำ")

    partial = scorecard(opened.round, opened.person("d3401"))
    assert [line.result for line in partial.lines] == [team, own]
    assert partial.achievement is None and not partial.complete

    submit_result(team, by=None)  # no step done: level 0
    card = scorecard(opened.round, opened.person("d3401"))
    # 0 × 60 / 5 + 4 × 40 / 5
    assert card.achievement == Decimal(32)
    assert [line.weighted for line in card.lines] == [Decimal(0), Decimal(32)]


def test_the_missing_list_takes_one_query(opened: World, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(1):
        missing = not_submitted(opened.round)
        labels = [
            (g.key.number, [r.district.name for r in g.results]) for g in missing.by_indicator
        ]
    assert len(labels) == 2
