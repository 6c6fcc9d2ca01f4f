"""Two people on the same result: the second save gets 409, keeps what they typed, shows
what the first one saved, and can save again after comparing. Nothing is lost silently."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kpi.results.actions import StepInput, reopen_result, save_result, submit_result
from kpi.results.models import Result
from tests.agreements.builders import World
from tests.results.view_helpers import client_for, result_8, team_5

pytestmark = pytest.mark.django_db


def hidden_version(page: str, form_id: str = "id_expected_version") -> str:
    match = re.search(rf'name="expected_version" value="(\d+)" id="{form_id}"', page)
    assert match, "the form carries expected_version"
    return match.group(1)


def test_the_second_save_keeps_what_was_typed_and_shows_the_first(opened: World) -> None:
    result = result_8(opened, opened.d3401)
    save_result(result, by=opened.user("s3401"), expected_version=1, value="80", note="ของเจ้าหน้าที่")

    response = client_for(opened, "d3401").post(
        reverse("results:save", args=[result.pk]),
        {"expected_version": 1, "value": "75", "note": "ของหัวหน้า"},
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert 'name="value" value="75"' in page
    assert "ของหัวหน้า</textarea>" in page
    assert "มีผู้บันทึกผลนี้ก่อนคุณ" in page
    assert "นายเจ้าหน้าที่3401 ทดสอบ" in page
    assert "บันทึกไว้ขณะนี้: 80" in page
    assert "ของเจ้าหน้าที่" in page
    assert hidden_version(page) == "2"
    stored = Result.objects.get(pk=result.pk)
    assert (stored.value, stored.note, stored.version) == (Decimal(80), "ของเจ้าหน้าที่", 2)


def test_after_comparing_the_second_person_saves_again(opened: World) -> None:
    result = result_8(opened, opened.d3401)
    save_result(result, by=opened.user("s3401"), expected_version=1, value="80")
    client = client_for(opened, "d3401")
    conflict = client.post(
        reverse("results:save", args=[result.pk]), {"expected_version": 1, "value": "75"}
    )

    again = client.post(
        reverse("results:save", args=[result.pk]),
        {"expected_version": hidden_version(conflict.content.decode()), "value": "75"},
    )

    assert again.status_code == 302
    assert Result.objects.get(pk=result.pk).value == Decimal(75)


def test_steps_typed_are_kept_beside_the_steps_saved_meanwhile(opened: World) -> None:
    result = team_5(opened, opened.d3401)
    save_result(
        result,
        by=opened.user("s3401"),
        expected_version=1,
        steps={1: StepInput(done=date(2024, 5, 2), note="ประชุม")},
    )

    response = client_for(opened, "d3401").post(
        reverse("results:save", args=[result.pk]),
        {
            "expected_version": 1,
            "step_1_done": "on",
            "step_1_date": "2024-05-03",
            "step_2_done": "on",
            "step_2_date": "2024-05-10",
            "step_2_note": "มอบเกียรติบัตร",
        },
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert 'value="2024-05-10"' in page and 'value="มอบเกียรติบัตร"' in page
    assert 'value="2024-05-03"' in page
    assert "บันทึกไว้ขณะนี้: ทำแล้ว 2 พ.ค. 2567 · ประชุม" in page
    assert list(Result.objects.get(pk=result.pk).steps.values_list("step", flat=True)) == [1]


def test_a_comment_typed_on_a_stale_page_is_kept(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    read = submit_result(result, by=None).version
    reopen_result(result, by=None, reason="แก้ไข")
    save_result(result, by=None, expected_version=None, value="76")
    submit_result(result, by=None)

    response = client_for(opened, "info").post(
        reverse("results:return", args=[result.pk]),
        {"expected_version": read, "comment": "แนบลิงก์ข่าวให้ครบ"},
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "แนบลิงก์ข่าวให้ครบ</textarea>" in page
    assert hidden_version(page, "return-expected_version") == str(
        Result.objects.get(pk=result.pk).version
    )
    assert Result.objects.get(pk=result.pk).state == "submitted"
