"""save_result: what the district types, scored live by the engine, with optimistic locking."""

from datetime import date
from decimal import Decimal

import pytest

from kpi.agreements.errors import RoundStatusRefused
from kpi.results.actions import StepInput, save_result
from kpi.results.errors import Conflict, MeasureInvalid, WrongState
from kpi.results.levels import assess_result
from kpi.results.models import Result, StepProgress
from kpi.rounds.models import Round
from tests.agreements.builders import World, revised_version

pytestmark = pytest.mark.django_db


def individual(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    return Result.objects.get(item__indicator=world.individual_8, district=district)


def team(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    return Result.objects.get(item__indicator=world.team_5, district=district)


def test_a_value_is_scored_under_the_version_in_force(opened: World) -> None:
    result = individual(opened, opened.d3402)

    saved = save_result(result, by=opened.user("d3402"), expected_version=1, value="75")

    stored = Result.objects.get(pk=result.pk)
    assert (stored.value, stored.level, stored.level_problem) == (Decimal(75), Decimal(3), "")
    assert stored.version == saved.version == 2


def test_parts_give_the_percentage_and_are_kept(opened: World) -> None:
    result = individual(opened, opened.d3402)

    save_result(result, by=None, expected_version=1, done="40", planned="50")

    stored = Result.objects.get(pk=result.pk)
    assert (stored.done, stored.planned, stored.value) == (Decimal(40), Decimal(50), None)
    assert stored.level == Decimal(3)  # 80 % is in the original 51–80 band
    assessment = assess_result(stored)
    assert assessment.value == Decimal(80)
    assert assessment.outcome.next.level == 4 and assessment.outcome.next.value == Decimal(81)


def test_one_part_alone_leaves_the_level_empty_and_says_why(opened: World) -> None:
    result = individual(opened, opened.d3402)

    save_result(result, by=None, expected_version=1, done="40")

    stored = Result.objects.get(pk=result.pk)
    assert (stored.level, stored.level_problem) == (None, "value_missing")


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ({"value": "-1"}, "value"),
        ({"done": "1", "planned": "0"}, "whole"),
        ({"value": "abc"}, "value"),
    ],
)
def test_it_refuses_values_the_engine_refuses(opened: World, typed: dict, where: str) -> None:
    result = individual(opened, opened.d3402)

    with pytest.raises(MeasureInvalid) as refused:
        save_result(result, by=None, expected_version=1, **typed)

    assert refused.value.where == where
    assert refused.value.message_th.startswith("ใช้ค่าที่วัดได้นี้ไม่ได้")
    assert Result.objects.get(pk=result.pk).version == 1


def test_milestone_steps_are_stored_and_a_gap_is_flagged(opened: World) -> None:
    result = team(opened, opened.d3401)
    done = date(2024, 6, 1)

    save_result(
        result,
        by=opened.user("s3401"),
        expected_version=1,
        steps={1: StepInput(done, "ประชุม"), 2: StepInput(done), 4: StepInput(done)},
    )

    stored = Result.objects.get(pk=result.pk)
    assert stored.level == Decimal(2)
    assert list(stored.steps.values_list("step", "done", "note")) == [
        (1, done, "ประชุม"),
        (2, done, ""),
        (4, done, ""),
    ]
    assessment = assess_result(stored)
    assert assessment.outcome.flagged_steps == (4,)
    assert assessment.outcome.next.step == 3 and assessment.outcome.next.level == 4


def test_clearing_a_step_removes_it_and_lowers_the_level(opened: World) -> None:
    result = team(opened, opened.d3401)
    done = date(2024, 6, 1)
    save_result(result, by=None, expected_version=1, steps={1: StepInput(done), 2: StepInput(done)})

    save_result(result, by=None, expected_version=2, steps={2: None})

    stored = Result.objects.get(pk=result.pk)
    assert stored.level == Decimal(1)
    assert list(StepProgress.objects.filter(result=stored).values_list("step", flat=True)) == [1]
    assert StepProgress.history.filter(history_type="-").count() == 1


def test_a_step_outside_1_to_5_is_refused(opened: World) -> None:
    with pytest.raises(MeasureInvalid):
        save_result(
            team(opened, opened.d3401),
            by=None,
            expected_version=1,
            steps={6: StepInput(date.today())},
        )

    assert not StepProgress.objects.exists()


def test_a_district_without_a_size_gets_no_level_and_a_reason(opened: World) -> None:
    from kpi.org.models import DistrictSize
    from kpi.rounds.actions import add_version

    # Size-dependent criteria (the revised indicator 8) and a district with no size.
    add_version(opened.individual_8, revised_version("individual", 8), by=None, reason="test")
    DistrictSize.objects.filter(district=opened.d3402).delete()

    save_result(individual(opened, opened.d3402), by=None, expected_version=1, value="75")

    stored = individual(opened, opened.d3402)
    assert (stored.level, stored.level_problem) == (None, "size_required")


def test_the_second_save_of_the_same_version_gets_a_conflict_and_keeps_the_first(
    opened: World,
) -> None:
    first = individual(opened, opened.d3402)
    second = individual(opened, opened.d3402)
    save_result(first, by=opened.user("d3402"), expected_version=first.version, value="75")

    with pytest.raises(Conflict) as conflict:
        save_result(second, by=opened.user("d3402"), expected_version=second.version, value="30")

    assert conflict.value.values["value"] == Decimal(75)
    assert conflict.value.values["version"] == 2
    assert conflict.value.current.level == Decimal(3)
    assert conflict.value.status == 409
    assert "บันทึกครั้งที่ 2" in conflict.value.message_th
    assert individual(opened, opened.d3402).value == Decimal(75)


def test_saving_is_refused_once_submitted_or_when_the_round_is_closed(opened: World) -> None:
    from kpi.results.actions import submit_result

    result = individual(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    with pytest.raises(WrongState):
        save_result(result, by=None, expected_version=None, value="80")

    other = individual(opened, opened.d3401)
    Round.objects.filter(pk=opened.round.pk).update(status="closed")
    with pytest.raises(RoundStatusRefused):
        save_result(other, by=None, expected_version=None, value="80")
    assert individual(opened, opened.d3401).value is None


def test_each_save_is_in_the_history_with_who_and_why(opened: World) -> None:
    result = individual(opened, opened.d3402)
    head = opened.user("d3402")

    save_result(result, by=head, expected_version=1, value="75", note="ข่าว 30 จาก 40")

    record = Result.history.filter(id=result.pk).first()
    assert (record.history_user, record.history_change_reason) == (head, "บันทึกผลการดำเนินงาน")
    assert (record.value, record.level, record.note) == (Decimal(75), Decimal(3), "ข่าว 30 จาก 40")


def test_the_live_preview_scores_what_is_typed_without_saving(opened: World) -> None:
    from kpi.results.levels import preview_level

    result = individual(opened, opened.d3402)

    assert preview_level(result, done="45", planned="50").level == Decimal(4)
    assert preview_level(result, value="-3").problem.code == "invalid_value"
    assert individual(opened, opened.d3402).version == 1
