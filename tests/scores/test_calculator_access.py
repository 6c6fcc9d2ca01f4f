"""Who may use the calculator, and with which indicators and districts."""

import pytest
from django.urls import reverse

from kpi.org.models import District
from tests.base import World, client_for
from tests.scores.helpers import calculate, district_pk

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_users_to_the_login_page(anonymous) -> None:
    response = anonymous.get(reverse("calculator"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_other_methods_than_get(as_province) -> None:
    assert as_province.post(reverse("calculator")).status_code == 405


def test_a_provincial_officer_chooses_among_every_district_of_the_province(
    as_province, world: World
) -> None:
    response = calculate(as_province, indicator=world.individual_8)

    choices = [pk for pk, _ in response.context["form"].fields["district"].choices if pk]
    assert len(choices) == District.objects.filter(province_id=world.ubon).count() == 25


def test_a_district_head_can_use_it_with_only_their_own_district(
    as_head_3401, world: World
) -> None:
    response = calculate(as_head_3401, indicator=world.individual_8)

    assert response.status_code == 200
    choices = response.context["form"].fields["district"].choices
    assert choices == [(district_pk("3401"), "3401 เมืองอุบลราชธานี (อำเภอขนาดใหญ่)")]
    assert "3402 ศรีเมืองใหม่" not in response.content.decode()


def test_a_district_head_cannot_score_with_another_districts_size(
    as_head_3401, world: World
) -> None:
    response = calculate(
        as_head_3401, indicator=world.individual_8, district=district_pk("3402"), value="75"
    )

    assert response.context["form"].has_error("district")
    assert "เลือกอำเภอจากรายการ" in response.content.decode()
    # Without a district of their own chosen, nothing used 3402's size.
    assert response.context["size"].district is None


def test_indicators_of_another_province_are_not_offered(as_other_province, world: World) -> None:
    response = calculate(as_other_province, indicator=world.individual_8, value="75")

    offered = [
        pk
        for _group, options in response.context["form"].fields["indicator"].choices[1:]
        for pk, _label in options
    ]
    assert world.individual_8 not in offered and world.team_5 not in offered
    assert response.context["indicator"] is None
    assert "outcomes" not in response.context
    assert response.context["form"].has_error("indicator")


def test_a_user_without_an_office_sees_no_indicator(world: World, db, django_user_model) -> None:
    django_user_model.objects.create_user("stranger", password="x")
    client = client_for("stranger")

    response = calculate(client, indicator=world.individual_8, value="75")

    assert response.status_code == 200
    assert not response.context["has_indicators"]
    assert "ยังไม่มีตัวชี้วัดในรอบการประเมินที่ท่านเข้าถึงได้" in response.content.decode()
