"""The result's states: draft → submitted → returned → resubmitted → verified → approved →
locked, and re-opening with a reason."""

from decimal import Decimal

import pytest

from kpi.agreements.errors import ReasonRequired, RoundStatusRefused
from kpi.results.actions import (
    approve_result,
    approve_round,
    close_round,
    reopen_result,
    resubmit_result,
    return_result,
    save_result,
    submit_result,
    verify_result,
)
from kpi.results.errors import CannotScore, CommentRequired, Conflict, LevelInvalid, WrongState
from kpi.results.models import Notification, Result
from kpi.rounds.models import Round
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


def result_8(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    return Result.objects.get(item__indicator=world.individual_8, district=district)


def states(world: World) -> list[str]:
    return list(
        Result.objects.filter(item__agreement__round=world.round).values_list("state", flat=True)
    )


def test_the_full_chain_with_a_different_verified_level(opened: World) -> None:
    head, info, boss = opened.user("d3402"), opened.user("info"), opened.user("evaluator")
    result = result_8(opened, opened.d3402)

    save_result(result, by=head, expected_version=1, done="40", planned="50")
    assert submit_result(result, by=head, expected_version=2).state == "submitted"
    returned = return_result(result, by=info, comment="ขอลิงก์ข่าวให้ครบ 40 ข่าว")
    assert (returned.state, returned.return_comment) == ("returned", "ขอลิงก์ข่าวให้ครบ 40 ข่าว")
    save_result(result, by=head, expected_version=returned.version, done="45", planned="50")
    assert resubmit_result(result, by=head).state == "resubmitted"
    verified = verify_result(result, by=info, level="2.50", reason="ข่าวซ้ำ 5 ข่าว")
    assert (verified.state, verified.level, verified.verified_level) == (
        "verified",
        Decimal(4),  # 90 % reaches the original 81–90 band
        Decimal("2.50"),
    )
    assert verified.final_level == Decimal("2.50")
    assert approve_result(result, by=boss).state == "approved"
    close_round(opened.round, by=None)
    for other in Result.objects.exclude(pk=result.pk):
        Result.objects.filter(pk=other.pk).update(state="approved")
    approve_round(opened.round, by=None)

    final = Result.objects.get(pk=result.pk)
    assert final.state == "locked"
    assert (final.submitted_by, final.verified_by, final.approved_by) == (head, info, boss)
    reasons = list(
        Result.history.filter(id=result.pk)
        .order_by("history_date")
        .values_list("state", "history_change_reason")
    )
    assert [state for state, _ in reasons] == [
        "draft",
        "draft",
        "submitted",
        "returned",
        "returned",
        "resubmitted",
        "verified",
        "approved",
        "locked",
    ]
    assert ("returned", "ขอลิงก์ข่าวให้ครบ 40 ข่าว") in reasons
    assert ("verified", "ข่าวซ้ำ 5 ข่าว") in reasons


def test_submitting_needs_a_level(opened: World) -> None:
    with pytest.raises(CannotScore) as refused:
        submit_result(result_8(opened, opened.d3402), by=None)

    assert refused.value.params == {}
    assert "No measured value" in refused.value.message
    assert result_8(opened, opened.d3402).state == "draft"


def test_a_milestone_with_no_step_done_is_submitted_at_level_0(opened: World) -> None:
    result = Result.objects.get(item__indicator=opened.team_5, district=opened.d3401)

    submitted = submit_result(result, by=None)

    assert (submitted.state, submitted.level) == ("submitted", Decimal(0))


def test_returning_needs_a_comment(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)

    with pytest.raises(CommentRequired):
        return_result(result, by=None, comment="  ")

    assert result_8(opened, opened.d3402).state == "submitted"


def test_returning_tells_the_district_by_notification_and_mail_on_commit(
    opened: World, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)

    with django_capture_on_commit_callbacks(execute=True):
        return_result(result, by=opened.user("info"), comment="แนบลิงก์ข่าว")

    note = Notification.objects.get(kind="returned")
    assert note.person == opened.person("d3402") and note.result_id == result.pk
    assert "แนบลิงก์ข่าว" in note.text and "ศรีเมืองใหม่" not in note.text
    assert [m.to for m in mailoutbox] == [["d3402@example.org"]]
    assert "แนบลิงก์ข่าว" in mailoutbox[0].body


def test_no_mail_leaves_when_the_change_is_rolled_back(
    opened: World, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        return_result(result, by=None, comment="แก้ไข")

    assert len(callbacks) == 1 and mailoutbox == []


def test_verifying_at_a_different_level_needs_a_reason(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)

    with pytest.raises(ReasonRequired):
        verify_result(result, by=None, level=2)
    with pytest.raises(LevelInvalid):
        verify_result(result, by=None, level="5.5", reason="x")
    with pytest.raises(LevelInvalid):
        verify_result(result, by=None, level="2.125", reason="x")
    verified = verify_result(result, by=None, level="3")

    assert (verified.verified_level, verified.verified_reason) == (None, "")
    assert verified.final_level == Decimal(3)


@pytest.mark.parametrize(
    "action",
    [
        lambda r: save_result(r, by=None, expected_version=None, value="90"),
        lambda r: submit_result(r, by=None),
        lambda r: return_result(r, by=None, comment="x"),
        lambda r: verify_result(r, by=None),
        lambda r: approve_result(r, by=None),
    ],
)
def test_nobody_edits_after_approval(opened: World, action) -> None:  # type: ignore[no-untyped-def]
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    verify_result(result, by=None)
    approve_result(result, by=None)

    with pytest.raises(WrongState) as refused:
        action(result)

    assert refused.value.params == {"state": "approved"}
    assert "อนุมัติแล้ว" in refused.value.message_th
    assert result_8(opened, opened.d3402).value == Decimal(75)


def test_reopening_needs_a_reason_and_is_recorded(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    verify_result(result, by=None, level=4, reason="หลักฐานเพิ่ม")
    approve_result(result, by=None)
    admin = opened.user("province")

    with pytest.raises(ReasonRequired):
        reopen_result(result, by=admin, reason=" ")
    reopened = reopen_result(result, by=admin, reason="พบข่าวซ้ำ")

    assert (reopened.state, reopened.verified_level, reopened.approved_by) == ("draft", None, None)
    record = Result.history.filter(id=result.pk).first()
    assert (record.history_user, record.history_change_reason) == (admin, "พบข่าวซ้ำ")
    assert Notification.objects.filter(kind="reopened", person=opened.person("d3402")).exists()
    save_result(result, by=None, expected_version=reopened.version, value="80")


def test_a_locked_result_reopens_only_with_its_round(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    Result.objects.filter(item__agreement__round=opened.round).update(state="approved")
    close_round(opened.round, by=None)
    approve_round(opened.round, by=None)

    with pytest.raises(WrongState):
        reopen_result(Result.objects.get(pk=result.pk), by=None, reason="x")


def test_transitions_check_the_version_the_caller_read(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")

    with pytest.raises(Conflict):
        submit_result(result, by=None, expected_version=1)

    assert result_8(opened, opened.d3402).state == "draft"


def test_reviewing_continues_after_closing_but_returning_does_not(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    close_round(opened.round, by=None)

    with pytest.raises(RoundStatusRefused):
        return_result(result, by=None, comment="x")
    assert verify_result(result, by=None).state == "verified"
    assert approve_result(result, by=None).state == "approved"
    assert Round.objects.get(pk=opened.round.pk).status == "closed"
