"""draft → open → closed → approved → archived, back one step with a reason, and the deadline."""

from datetime import date

import pytest

from kpi.agreements.errors import ReasonRequired, RoundStatusRefused
from kpi.results.actions import (
    approve_round,
    archive_round,
    close_round,
    ensure_results,
    open_round,
    reopen_round,
    set_reporting_deadline,
)
from kpi.results.errors import ResultsPending
from kpi.results.models import Result
from kpi.rounds.models import Round
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


def status(world: World) -> str:
    return Round.objects.get(pk=world.round.pk).status


def approve_all(world: World) -> None:
    Result.objects.filter(item__agreement__round=world.round).update(state="approved")


def test_a_round_runs_from_open_to_archived(opened: World) -> None:
    admin = opened.user("province")
    close_round(opened.round, by=admin)
    approve_all(opened)
    approve_round(opened.round, by=admin)
    assert set(Result.objects.values_list("state", flat=True)) == {"locked"}
    archive_round(opened.round, by=admin)

    history = Round.objects.get(pk=opened.round.pk).history.order_by("history_date")
    assert [row.status for row in history][-4:] == ["open", "closed", "approved", "archived"]
    assert history.last().history_user == admin


def test_approving_needs_every_result_approved(opened: World) -> None:
    close_round(opened.round, by=None)

    with pytest.raises(ResultsPending) as refused:
        approve_round(opened.round, by=None)

    assert refused.value.params == {"count": 4}
    assert status(opened) == "closed"


@pytest.mark.parametrize(
    ("action", "from_status"),
    [
        (open_round, "open"),
        (close_round, "closed"),
        (approve_round, "open"),
        (archive_round, "open"),
    ],
)
def test_each_step_starts_from_its_status(opened: World, action, from_status: str) -> None:  # type: ignore[no-untyped-def]
    Round.objects.filter(pk=opened.round.pk).update(status=from_status)

    with pytest.raises(RoundStatusRefused):
        action(opened.round, by=None)


def test_reopening_needs_a_reason_and_records_it(opened: World) -> None:
    admin = opened.user("province")
    close_round(opened.round, by=admin)

    with pytest.raises(ReasonRequired):
        reopen_round(opened.round, by=admin, reason="")
    reopen_round(opened.round, by=admin, reason="อำเภอขอส่งหลักฐานเพิ่ม")

    round = Round.objects.get(pk=opened.round.pk)
    assert round.status == "open"
    record = round.history.first()
    assert (record.history_user, record.history_change_reason) == (admin, "อำเภอขอส่งหลักฐานเพิ่ม")


def test_reopening_an_approved_round_unlocks_its_results(opened: World) -> None:
    close_round(opened.round, by=None)
    approve_all(opened)
    approve_round(opened.round, by=None)

    reopen_round(opened.round, by=None, reason="แก้ไขคะแนน")

    assert status(opened) == "closed"
    assert set(Result.objects.values_list("state", flat=True)) == {"approved"}
    assert Result.history.filter(history_change_reason="แก้ไขคะแนน").count() == 4


def test_a_draft_round_cannot_go_further_back(world: World) -> None:
    with pytest.raises(RoundStatusRefused):
        reopen_round(world.round, by=None, reason="x")


def test_results_are_made_once(opened: World) -> None:
    assert ensure_results(opened.round, by=None) == []
    assert Result.objects.count() == 4
    individual = Result.objects.filter(person__isnull=False)
    assert {(r.person.user.username, r.district.dopa_code) for r in individual} == {
        ("d3401", "3401"),
        ("d3402", "3402"),
    }


def test_the_reporting_deadline_is_set_and_recorded(world: World) -> None:
    set_reporting_deadline(world.round, date(2024, 9, 15), by=world.user("province"))

    round = Round.objects.get(pk=world.round.pk)
    assert round.reporting_deadline == date(2024, 9, 15)
    assert round.history.first().history_change_reason == "กำหนดวันส่งรายงานผล"
