"""The round's status page and controls: open (refused naming the people whose weights do
not add up), close, approve, archive, re-open with a reason, the reporting deadline, and the
summary the round's page loads.

``province`` manages the round, ``d3401`` is a district head, ``sisaket`` another
province's administrator (``tests.agreements.builders``).
"""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kpi.agreements.actions import create_agreements_for_round
from kpi.results.actions import close_round, open_round
from kpi.results.models import Result
from kpi.rounds.models import Round
from tests.agreements.builders import World, agreements_adding_up
from tests.agreements.test_views_round_agreements import client, other_province_admin

pytestmark = pytest.mark.django_db
CONTROLS = ("round_open", "round_close", "round_approve", "round_archive", "round_reopen")


def status(world: World) -> str:
    return Round.objects.get(pk=world.round.pk).status


def page(world: World) -> str:
    return reverse("round_lifecycle", args=[world.round.pk])


def post(signed_in: Client, world: World, name: str, data: dict | None = None):  # type: ignore[no-untyped-def]
    return signed_in.post(reverse(name, args=[world.round.pk]), data or {})


def test_it_sends_an_anonymous_visitor_to_the_login_page(world: World) -> None:
    anonymous = Client()
    responses = [anonymous.get(page(world))] + [post(anonymous, world, n) for n in CONTROLS]
    assert {r.status_code for r in responses} == {302}
    assert all(r["Location"].startswith(reverse("login")) for r in responses)


def test_another_province_gets_a_404(world: World) -> None:
    other = other_province_admin(world)

    assert other.get(page(world)).status_code == 404
    assert {post(other, world, name).status_code for name in CONTROLS} == {404}


def test_a_district_head_reads_the_status_but_has_no_controls(world: World) -> None:
    head = client(world, "d3401")
    agreements_adding_up(world)

    response = head.get(page(world))

    html = response.content.decode()
    assert response.status_code == 200
    assert "สถานะรอบการประเมิน" in html and "ประวัติสถานะ" in html
    assert "เปิดรอบการประเมิน</button>" not in html and "ย้อนสถานะ" not in html
    assert post(head, world, "round_open").status_code == 403
    assert post(head, world, "round_deadline", {"deadline": "2024-09-15"}).status_code == 403
    assert status(world) == "draft"


def test_opening_is_refused_naming_the_people_whose_weights_do_not_add_up(world: World) -> None:
    create_agreements_for_round(world.round, by=None)  # 10 + 5 = 15 for both heads

    response = post(client(world, "province"), world, "round_open")

    html = response.content.decode()
    assert response.status_code == 400
    assert status(world) == "draft"
    alert = html[html.index('role="alert"') : html.index("</div>", html.index('role="alert"'))]
    assert "น้ำหนักของแต่ละคนต้องรวมได้ 100" in alert
    assert "นายหัวหน้า3401 ทดสอบ (3401: 10 + 5 = 15)" in alert
    assert "นายหัวหน้า3402 ทดสอบ (3402: 10 + 5 = 15)" in alert
    assert "The weights must add up to 100 for each person" in alert  # the other language
    # and the list with links to fix them
    assert "น้ำหนักยังรวมไม่ได้ 100: 2 คน" in html
    assert "แก้ไขคำรับรองรายบุคคล" in html


def test_opening_without_agreements_says_to_create_them(world: World) -> None:
    response = post(client(world, "province"), world, "round_open")

    assert response.status_code == 400
    assert "กรุณาจัดทำคำรับรองก่อนเปิดรอบ" in response.content.decode()


def test_the_round_runs_from_open_to_archived(world: World) -> None:
    admin = client(world, "province")
    agreements_adding_up(world)

    opened = admin.post(reverse("round_open", args=[world.round.pk]), follow=True)
    assert status(world) == "open"
    assert "เปิดรอบการประเมินแล้ว" in opened.content.decode()
    assert Result.objects.filter(item__agreement__round=world.round).count() == 4

    assert post(admin, world, "round_close").status_code == 302
    assert status(world) == "closed"

    refused = post(admin, world, "round_approve")
    assert refused.status_code == 409
    assert status(world) == "closed"
    assert "ยังมีผลการดำเนินงานที่ยังไม่อนุมัติ 4 รายการ" in refused.content.decode()

    Result.objects.filter(item__agreement__round=world.round).update(state="approved")
    assert post(admin, world, "round_approve").status_code == 302
    assert status(world) == "approved"
    assert post(admin, world, "round_archive").status_code == 302
    assert status(world) == "archived"

    html = admin.get(page(world)).content.decode()
    history = html[html.index("ประวัติสถานะ") :]
    for label in ("เก็บถาวร", "อนุมัติผลแล้ว", "ปิดรับรายงานผล", "เปิด"):
        assert f"<ins>{label}</ins>" in history
    assert "นายผู้ดูแล ทดสอบ" in history


def test_a_step_from_the_wrong_status_is_refused(world: World) -> None:
    response = post(client(world, "province"), world, "round_close")

    assert response.status_code == 409
    assert "ดำเนินการนี้ไม่ได้ขณะที่รอบการประเมินอยู่ในสถานะร่าง" in response.content.decode()
    assert status(world) == "draft"


def test_reopening_needs_a_reason(world: World) -> None:
    admin = client(world, "province")
    agreements_adding_up(world)
    open_round(world.round, by=None)
    close_round(world.round, by=None)

    refused = post(admin, world, "round_reopen", {"reason": "   "})

    assert refused.status_code == 400
    assert status(world) == "closed"
    assert 'id="reason-error"' in refused.content.decode()

    done = admin.post(
        reverse("round_reopen", args=[world.round.pk]),
        {"reason": "อำเภอขอส่งหลักฐานเพิ่ม"},
        follow=True,
    )
    assert status(world) == "open"
    html = done.content.decode()
    assert "ย้อนสถานะแล้ว ขณะนี้รอบการประเมินอยู่ในสถานะเปิด" in html
    assert "อำเภอขอส่งหลักฐานเพิ่ม" in html[html.index("ประวัติสถานะ") :]


def test_a_draft_round_offers_no_going_back(world: World) -> None:
    admin = client(world, "province")

    assert "ย้อนสถานะ" not in admin.get(page(world)).content.decode()
    refused = post(admin, world, "round_reopen", {"reason": "ลองดู"})
    assert refused.status_code == 409
    assert status(world) == "draft"


def test_the_deadline_is_set_shown_and_removed(world: World) -> None:
    admin = client(world, "province")

    assert post(admin, world, "round_deadline", {"deadline": "2024-09-15"}).status_code == 302
    assert Round.objects.get(pk=world.round.pk).reporting_deadline == date(2024, 9, 15)
    html = admin.get(page(world)).content.decode()
    assert "15 ก.ย. 2567" in html

    assert post(admin, world, "round_deadline", {"deadline": ""}).status_code == 302
    assert Round.objects.get(pk=world.round.pk).reporting_deadline is None
    assert post(admin, world, "round_deadline", {"deadline": "15/13/2024"}).status_code == 400


def test_the_round_page_loads_the_summary_with_the_links_each_user_may_follow(
    world: World,
) -> None:
    round_page = client(world, "d3401").get(reverse("round", args=[world.round.pk]))
    assert f'hx-get="{page(world)}"' in round_page.content.decode()

    admin = client(world, "province").get(page(world), headers={"HX-Request": "true"})
    head = client(world, "d3401").get(page(world), headers={"HX-Request": "true"})

    admin_html, head_html = admin.content.decode(), head.content.decode()
    assert admin_html.lstrip().startswith('<section id="round-summary"')
    assert reverse("round_reporting", args=[world.round.pk]) in admin_html
    assert reverse("audit_log") in admin_html and "จัดการสถานะรอบ" in admin_html
    assert reverse("round_agreements", args=[world.round.pk]) in head_html
    assert reverse("round_reporting", args=[world.round.pk]) not in head_html
    assert reverse("audit_log") not in head_html


def test_the_admin_site_cannot_change_a_rounds_status(world: World) -> None:
    # The admin form bypassed the weights check; the status changes only through the actions.
    from django.contrib import admin
    from django.test import RequestFactory

    from kpi.rounds.admin import RoundAdmin

    request = RequestFactory().get("/admin/")
    request.user = world.user("province")
    fields = RoundAdmin(Round, admin.site).get_readonly_fields(request, world.round)

    assert "status" in fields
