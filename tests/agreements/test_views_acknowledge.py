"""Both parties acknowledge an agreement on its page: the evaluator (the provincial head) and
the evaluatee (the district head, also for their office's team agreement)."""

import pytest
from django.test import Client
from django.urls import reverse

from kpi.agreements.actions import create_agreements_for_round
from kpi.agreements.models import Agreement
from tests.agreements.builders import World
from tests.agreements.test_views_round_agreements import client, other_province_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(world: World) -> World:
    create_agreements_for_round(world.round, by=world.user("province"))
    return world


def agreement(world: World, kind: str, district) -> Agreement:  # type: ignore[no-untyped-def]
    return Agreement.objects.get(round=world.round, kind=kind, district=district)


def acknowledge(signed_in: Client, target: Agreement):  # type: ignore[no-untyped-def]
    return signed_in.post(reverse("agreement_acknowledge", args=[target.pk]), follow=True)


def test_the_district_head_acknowledges_their_own_agreement(made: World) -> None:
    own = agreement(made, "individual", made.d3401)

    response = acknowledge(client(made, "d3401"), own)

    own.refresh_from_db()
    assert own.evaluatee_acknowledged_by == made.person("d3401")
    assert own.evaluatee_acknowledged_at is not None
    assert own.evaluator_acknowledged_at is None
    html = response.content.decode()
    assert "บันทึกการรับทราบคำรับรองแล้ว" in html
    assert "รับทราบแล้ว โดย นายหัวหน้า3401 ทดสอบ เมื่อ" in html
    assert "รับทราบคำรับรองในฐานะผู้รับการประเมิน" not in html  # once only


def test_the_head_acknowledges_for_their_office(made: World) -> None:
    team = agreement(made, "team", made.d3401)

    acknowledge(client(made, "d3401"), team)

    team.refresh_from_db()
    assert team.evaluatee_acknowledged_by == made.person("d3401")


def test_the_evaluator_acknowledges_and_sees_only_their_own_button(made: World) -> None:
    own = agreement(made, "individual", made.d3402)
    evaluator = client(made, "evaluator")

    before = evaluator.get(reverse("agreement", args=[own.pk])).content.decode()
    assert "รับทราบคำรับรองในฐานะผู้ประเมิน" in before
    assert "รับทราบคำรับรองในฐานะผู้รับการประเมิน" not in before

    acknowledge(evaluator, own)

    own.refresh_from_db()
    assert own.evaluator_acknowledged_by == made.person("evaluator")
    assert own.evaluatee_acknowledged_at is None


def test_both_sides_acknowledged_count_on_the_rounds_page(made: World) -> None:
    own = agreement(made, "individual", made.d3401)
    acknowledge(client(made, "d3401"), own)
    acknowledge(client(made, "evaluator"), own)

    response = client(made, "province").get(reverse("round_agreements", args=[made.round.pk]))

    assert response.context["acknowledged_count"] == 1
    assert "ทั้งสองฝ่ายรับทราบแล้ว 1 ฉบับ" in response.content.decode()


def test_someone_who_is_not_a_party_may_not_acknowledge(made: World) -> None:
    own = agreement(made, "individual", made.d3401)
    path = reverse("agreement_acknowledge", args=[own.pk])

    assert client(made, "province").post(path).status_code == 403
    assert client(made, "s3401").post(path).status_code == 403  # staff, not the head
    assert client(made, "d3402").post(path).status_code == 404  # another district
    assert other_province_admin(made).post(path).status_code == 404
    assert Client().post(path).status_code == 302
    own.refresh_from_db()
    assert own.evaluatee_acknowledged_at is None and own.evaluator_acknowledged_at is None


def test_acknowledging_twice_is_refused(made: World) -> None:
    own = agreement(made, "individual", made.d3401)
    head = client(made, "d3401")
    acknowledge(head, own)
    first = Agreement.objects.get(pk=own.pk).evaluatee_acknowledged_at

    again = head.post(reverse("agreement_acknowledge", args=[own.pk]))

    assert again.status_code == 403
    assert Agreement.objects.get(pk=own.pk).evaluatee_acknowledged_at == first


def test_acknowledging_needs_a_post(made: World) -> None:
    own = agreement(made, "individual", made.d3401)

    response = client(made, "d3401").get(reverse("agreement_acknowledge", args=[own.pk]))

    assert response.status_code == 405
