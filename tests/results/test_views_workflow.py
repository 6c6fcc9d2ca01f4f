"""Each state change through the result page: save, submit, return with a comment, resubmit,
verify at a different level with a reason, approve, reopen with a reason; refusals come back
beside the field with what was typed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kpi.results.actions import save_result, submit_result, verify_result
from kpi.results.models import Notification
from tests.agreements.builders import World
from tests.results.view_helpers import client_for, result_8, team_5

pytestmark = pytest.mark.django_db


def post(world: World, username: str, name: str, result, **data):  # type: ignore[no-untyped-def]
    data.setdefault("expected_version", result.version)
    return client_for(world, username).post(reverse(f"results:{name}", args=[result.pk]), data)


def test_the_head_saves_parts_and_the_level_is_the_engines(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = post(opened, "d3402", "save", result, done="40", planned="50", note="ข่าว 40 เรื่อง")

    assert response.status_code == 302
    assert response["Location"] == reverse("results:detail", args=[result.pk])
    result.refresh_from_db()
    assert (result.done, result.planned, result.note) == (Decimal(40), Decimal(50), "ข่าว 40 เรื่อง")
    assert result.level == Decimal(3)  # 80 % in the original 51–80 band
    assert result.version == 2


def test_staff_of_the_district_may_save_its_team_result(opened: World) -> None:
    result = team_5(opened, opened.d3401)

    response = post(
        opened,
        "s3401",
        "save",
        result,
        step_1_done="on",
        step_1_date="2024-05-02",
        step_1_note="ประชุมคณะทำงาน",
        step_2_done="on",
        step_2_date="2024-05-20",
    )

    assert response.status_code == 302
    result.refresh_from_db()
    assert result.level == Decimal(2)
    assert [(s.step, str(s.done), s.note) for s in result.steps.all()] == [
        (1, "2024-05-02", "ประชุมคณะทำงาน"),
        (2, "2024-05-20", ""),
    ]


def test_a_ticked_step_without_a_date_is_refused_beside_it_keeping_the_rest(opened: World) -> None:
    result = team_5(opened, opened.d3401)

    response = post(
        opened, "d3401", "save", result, step_1_done="on", step_1_note="ประชุมแล้ว", note="ร่าง"
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "ระบุวันที่ทำขั้นตอนนี้แล้วเสร็จ" in page
    assert 'value="ประชุมแล้ว"' in page
    assert team_5(opened, opened.d3401).steps.count() == 0


def test_a_word_typed_as_the_value_is_refused_in_thai_and_kept(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = post(opened, "d3402", "save", result, value="เจ็ดสิบ")

    assert response.status_code == 400
    page = response.content.decode()
    assert "กรอกเป็นตัวเลข" in page
    assert 'value="เจ็ดสิบ"' in page
    assert result_8(opened, opened.d3402).value is None


def test_the_full_chain_through_the_pages(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    post(opened, "d3402", "save", result, done="40", planned="50")
    result.refresh_from_db()

    assert post(opened, "d3402", "submit", result).status_code == 302
    result.refresh_from_db()
    assert result.state == "submitted"

    assert post(opened, "info", "return", result, comment="ขอลิงก์ข่าวให้ครบ").status_code == 302
    result.refresh_from_db()
    assert (result.state, result.return_comment) == ("returned", "ขอลิงก์ข่าวให้ครบ")
    page = client_for(opened, "d3402").get(reverse("results:detail", args=[result.pk]))
    assert "ขอลิงก์ข่าวให้ครบ" in page.content.decode()
    assert "ส่งผลที่แก้ไขแล้ว" in page.content.decode()

    post(opened, "d3402", "save", result, done="45", planned="50")
    result.refresh_from_db()
    assert post(opened, "d3402", "submit", result).status_code == 302
    result.refresh_from_db()
    assert result.state == "resubmitted"

    response = post(opened, "info", "verify", result, level="๓", reason="ข่าวซ้ำ 5 ข่าว")
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.state, result.level, result.verified_level) == (
        "verified",
        Decimal(4),
        Decimal(3),
    )
    assert result.verified_reason == "ข่าวซ้ำ 5 ข่าว"

    assert post(opened, "evaluator", "approve", result).status_code == 302
    result.refresh_from_db()
    assert result.state == "approved"
    assert result.approved_by == opened.user("evaluator")

    assert post(opened, "province", "reopen", result, reason="แก้ไขจำนวนข่าว").status_code == 302
    result.refresh_from_db()
    assert (result.state, result.verified_level) == ("draft", None)
    history = result.history.order_by("-history_date").first()
    assert history.history_change_reason == "แก้ไขจำนวนข่าว"


def test_returning_without_a_comment_says_so_beside_the_comment(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    result.refresh_from_db()

    response = post(opened, "info", "return", result, comment="   ")

    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="return-comment-errors"' in page
    assert "กรุณาระบุสิ่งที่อำเภอต้องแก้ไข" in page
    assert result_8(opened, opened.d3402).state == "submitted"
    assert not Notification.objects.filter(kind="returned").exists()


def test_verifying_at_another_level_without_a_reason_keeps_the_level_typed(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    result.refresh_from_db()

    response = post(opened, "info", "verify", result, level="2")

    assert response.status_code == 400
    page = response.content.decode()
    assert "ระบุเหตุผลที่ให้ระดับคะแนนต่างจากที่ระบบคำนวณ" in page
    assert 'name="level" value="2"' in page
    assert result_8(opened, opened.d3402).state == "submitted"


def test_a_level_out_of_range_is_refused(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    result.refresh_from_db()

    response = post(opened, "info", "verify", result, level="7", reason="x")

    assert response.status_code == 400
    assert "7 ไม่ใช่ระดับคะแนน" in response.content.decode()


def test_reopening_needs_a_reason(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    verify_result(result, by=None)
    result.refresh_from_db()

    response = post(opened, "province", "reopen", result, reason="")

    assert response.status_code == 400
    assert "กรุณาระบุเหตุผล" in response.content.decode()
    assert result_8(opened, opened.d3402).state == "verified"


def test_submitting_without_a_value_says_why(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = post(opened, "d3402", "submit", result)

    assert response.status_code == 400
    assert "ยังส่งผลการดำเนินงานไม่ได้" in response.content.decode()
    assert result_8(opened, opened.d3402).state == "draft"


def test_the_page_offers_each_person_only_their_actions(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    url = reverse("results:detail", args=[result.pk])

    owner = client_for(opened, "info").get(url).content.decode()
    head = client_for(opened, "d3402").get(url).content.decode()
    boss = client_for(opened, "evaluator").get(url).content.decode()

    assert reverse("results:verify", args=[result.pk]) in owner
    assert reverse("results:return", args=[result.pk]) in owner
    for action in ("verify", "return", "save", "submit", "approve"):
        assert reverse(f"results:{action}", args=[result.pk]) not in head
    assert reverse("results:verify", args=[result.pk]) not in boss
    assert "ไม่มีการดำเนินการที่คุณทำได้" in boss
