"""The round's agreements page: who may open it, creating the agreements in bulk, each
person's total, and the list of people whose weights do not add up to 100.

Personas (``tests.agreements.builders``): ``province`` manages; ``d3401``/``d3402`` are
district heads who see their own district only; ``sisaket`` is another province's admin.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpi import access
from kpi.agreements.actions import create_agreements_for_round, set_item_weight
from kpi.agreements.models import Agreement
from kpi.org.models import District, Province
from kpi.results.actions import open_round
from tests.agreements.builders import World, agreements_adding_up, person

pytestmark = pytest.mark.django_db


def client(world: World, username: str) -> Client:
    signed_in = Client()
    signed_in.force_login(world.user(username))
    return signed_in


def other_province_admin(world: World) -> Client:
    other = Province.objects.create(name="ศรีสะเกษ", letter_prefix="ศก", office_code="0019")
    person(other, "sisaket", first_name="ต่างจังหวัด", roles=(access.PROVINCE_ADMIN,))
    return client(world, "sisaket")


def url(world: World) -> str:
    return reverse("round_agreements", args=[world.round.pk])


def create_url(world: World) -> str:
    return reverse("agreements_create", args=[world.round.pk])


def test_it_sends_an_anonymous_visitor_to_the_login_page(world: World) -> None:
    for response in (Client().get(url(world)), Client().post(create_url(world))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert not Agreement.objects.exists()


def test_another_province_gets_a_404(world: World) -> None:
    other = other_province_admin(world)

    assert other.get(url(world)).status_code == 404
    assert other.post(create_url(world)).status_code == 404
    assert not Agreement.objects.exists()


def test_the_administrator_creates_every_agreement_in_bulk(world: World) -> None:
    admin = client(world, "province")

    response = admin.post(create_url(world), follow=True)

    assert response.redirect_chain[-1][0] == url(world)
    assert Agreement.objects.filter(round=world.round).count() == 4  # 2 offices, 2 heads
    html = response.content.decode()
    assert "จัดทำคำรับรองแล้ว 4 ฉบับ" in html
    assert "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี" in html
    assert "นายหัวหน้า3402 ทดสอบ" in html
    assert Agreement.history.filter(history_user=world.user("province")).count() == 4


def test_creating_again_adds_only_what_is_missing(world: World) -> None:
    admin = client(world, "province")
    admin.post(create_url(world))
    newcomer = District.objects.create(province=world.province, dopa_code="3403", name="โขงเจียม")

    response = admin.post(create_url(world), follow=True)

    assert "จัดทำคำรับรองแล้ว 1 ฉบับ" in response.content.decode()
    assert Agreement.objects.filter(district=newcomer).count() == 1  # its office; no head yet
    assert "ยังไม่มีพัฒนาการอำเภอในระบบ" in response.content.decode()


def test_a_district_head_may_not_create_agreements(world: World) -> None:
    response = client(world, "d3401").post(create_url(world))

    assert response.status_code == 403
    assert not Agreement.objects.exists()


def test_a_district_head_sees_only_their_own_districts_agreements(world: World) -> None:
    create_agreements_for_round(world.round, by=None)

    response = client(world, "d3402").get(url(world))

    html = response.content.decode()
    assert response.status_code == 200
    assert "นายหัวหน้า3402 ทดสอบ" in html and "ศรีเมืองใหม่" in html
    assert "นายหัวหน้า3401 ทดสอบ" not in html and "เมืองอุบลราชธานี" not in html
    assert "จัดทำคำรับรอง" not in html.replace("จัดทำคำรับรองแล้ว", "")  # no button
    assert {entry.person.pk for entry in response.context["people"]} == {world.person("d3402").pk}


def test_it_names_the_people_whose_weights_do_not_add_up(world: World) -> None:
    by = world.user("province")
    create_agreements_for_round(world.round, by=by)
    # 3401's head: team 5 at 60 + individual 8 at 40 = 100; 3402's stays at 10 + 5.
    for agreement in Agreement.objects.filter(district=world.d3401):
        for item in agreement.items.all():
            set_item_weight(item, 60 if agreement.is_team else 40, by=by)

    response = client(world, "province").get(url(world))

    off = response.context["not_adding_up"]
    assert [entry.person.full_name for entry in off] == ["นายหัวหน้า3402 ทดสอบ"]
    html = response.content.decode()
    start = html.index("น้ำหนักยังรวมไม่ได้ 100")
    section = html[start : html.index("</section>", start)]
    assert "นายหัวหน้า3402 ทดสอบ" in section and "ขาดอีก 85" in section
    assert "นายหัวหน้า3401 ทดสอบ" not in section
    assert "ครบ 100" in html


def test_creating_is_refused_once_the_round_is_open(world: World) -> None:
    agreements_adding_up(world)
    open_round(world.round, by=None)

    response = client(world, "province").post(create_url(world))

    assert response.status_code == 409
    assert "ดำเนินการนี้ไม่ได้ขณะที่รอบการประเมินอยู่ในสถานะเปิด" in response.content.decode()


def add_offices(world: World, count: int, start: int) -> None:
    for number in range(start, start + count):
        district = District.objects.create(
            province=world.province, dopa_code=str(number), name=f"อำเภอทดสอบ{number}"
        )
        person(
            world.province,
            f"head{number}",
            first_name=f"หัวหน้า{number}",
            roles=(access.DISTRICT_HEAD,),
            district=district,
        )


def count_queries(signed_in: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert signed_in.get(path).status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_districts(world: World) -> None:
    admin = client(world, "province")
    add_offices(world, 2, 5000)
    District.objects.create(province=world.province, dopa_code="4999", name="ยังไม่มีหัวหน้า")
    create_agreements_for_round(world.round, by=None)
    few = count_queries(admin, url(world))

    add_offices(world, 20, 6000)
    create_agreements_for_round(world.round, by=None)
    many = count_queries(admin, url(world))

    assert Agreement.objects.count() == 49
    # session, user, person, groups, round, visible ids, totals (agreements, items),
    # offices without a head (agreements, items), acknowledged count, demo flag
    assert few == many == 12
