"""An agreement's history tab: who changed what, when, from what to what, and why."""

import pytest
from django.test import Client
from django.urls import reverse

from kpi.agreements.actions import create_agreements_for_round, remove_item, set_item_weight
from kpi.agreements.models import Agreement
from tests.agreements.builders import World
from tests.agreements.test_views_round_agreements import client

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(world: World) -> Agreement:
    admin = world.user("province")
    create_agreements_for_round(world.round, by=admin)
    own = Agreement.objects.get(round=world.round, kind="individual", district=world.d3401)
    set_item_weight(own.items.get(), 40, by=admin, reason="ปรับตามที่ประชุม")
    return own


def history(world: World, username: str, agreement: Agreement):  # type: ignore[no-untyped-def]
    return client(world, username).get(reverse("agreement_history", args=[agreement.pk]))


def test_it_shows_who_changed_a_weight_from_what_to_what_and_why(
    world: World, changed: Agreement
) -> None:
    response = history(world, "d3401", changed)

    html = response.content.decode()
    assert response.status_code == 200
    latest = html[html.index('<li class="audit-row changed">') :]
    latest = latest[: latest.index("</li>")]
    assert "นายผู้ดูแล ทดสอบ" in latest
    assert "น้ำหนัก (ร้อยละ)" in latest
    assert "5</del>" in latest and "40</ins>" in latest
    assert "ปรับตามที่ประชุม" in latest
    assert "จัดทำคำรับรองจากตัวชี้วัดของรอบการประเมิน" in html  # the creation, oldest last


def test_a_removed_indicator_stays_in_the_history(world: World, changed: Agreement) -> None:
    remove_item(changed.items.get(), by=world.user("province"), reason="ไม่ใช้ในรอบนี้")

    html = history(world, "province", changed).content.decode()

    assert "ลบ" in html and "ไม่ใช้ในรอบนี้" in html
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in html


def test_another_districts_history_is_a_404(world: World, changed: Agreement) -> None:
    assert history(world, "d3402", changed).status_code == 404
    anonymous = Client().get(reverse("agreement_history", args=[changed.pk]))
    assert anonymous.status_code == 302
