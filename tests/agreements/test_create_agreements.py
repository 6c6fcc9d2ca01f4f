"""create_agreements_for_round and add_indicator_to_agreements: in bulk, idempotent, audited."""

from decimal import Decimal

import pytest

from kpi.agreements.actions import add_indicator_to_agreements, create_agreements_for_round
from kpi.agreements.errors import IndicatorRefused, RoundStatusRefused
from kpi.agreements.models import Agreement, AgreementItem
from kpi.org.models import District
from kpi.rounds.actions import create_indicator
from kpi.rounds.models import Round
from tests.agreements.builders import World, person

pytestmark = pytest.mark.django_db


def test_it_creates_a_team_agreement_per_office_and_an_individual_one_per_head(
    world: World,
) -> None:
    created = create_agreements_for_round(world.round, by=world.user("province"))

    assert len(created) == 4
    team = Agreement.objects.team().order_by("district__dopa_code")
    assert [a.district.dopa_code for a in team] == ["3401", "3402"]
    assert [a.evaluatee for a in team] == [world.person("d3401"), world.person("d3402")]
    individual = Agreement.objects.individual().order_by("district__dopa_code")
    assert [a.evaluatee for a in individual] == [world.person("d3401"), world.person("d3402")]
    assert {a.evaluator for a in Agreement.objects.all()} == {world.person("evaluator")}


def test_each_agreement_lists_the_indicators_of_its_kind_at_the_weight_in_force(
    world: World,
) -> None:
    create_agreements_for_round(world.round, by=None)

    team = Agreement.objects.team().get(district=world.d3401)
    individual = Agreement.objects.individual().get(district=world.d3401)
    assert [(i.indicator, i.weight) for i in team.items.all()] == [(world.team_5, Decimal(10))]
    assert [(i.indicator, i.weight) for i in individual.items.all()] == [
        (world.individual_8, Decimal(5))
    ]
    assert not AgreementItem.objects.filter(custom_weight=True).exists()
    assert not AgreementItem.objects.extras().exists()


def test_running_it_again_creates_only_what_is_missing(world: World) -> None:
    create_agreements_for_round(world.round, by=None)
    district = District.objects.create(province=world.province, dopa_code="3403", name="โขงเจียม")
    person(
        world.province, None, first_name="ใหม่", district=district, position="พัฒนาการอำเภอโขงเจียม"
    )

    again = create_agreements_for_round(world.round, by=None)

    assert sorted((a.kind, a.district.dopa_code) for a in again) == [
        ("individual", "3403"),
        ("team", "3403"),
    ]
    assert Agreement.objects.count() == 6
    assert create_agreements_for_round(world.round, by=None) == []
    assert AgreementItem.objects.count() == 6


def test_an_office_without_a_head_gets_a_team_agreement_only(world: World) -> None:
    District.objects.create(province=world.province, dopa_code="3404", name="เขื่องใน")

    create_agreements_for_round(world.round, by=None)

    assert list(
        Agreement.objects.filter(district__dopa_code="3404").values_list("kind", "evaluatee")
    ) == [("team", None)]


def test_the_history_names_who_created_them_and_why(world: World) -> None:
    admin = world.user("province")
    create_agreements_for_round(world.round, by=admin, reason="จัดทำคำรับรองรอบที่ 2")

    record = Agreement.history.first()
    assert record.history_user == admin
    assert record.history_change_reason == "จัดทำคำรับรองรอบที่ 2"
    assert AgreementItem.history.filter(history_user=admin).count() == 4


def test_it_refuses_once_the_round_is_open(world: World) -> None:
    Round.objects.filter(pk=world.round.pk).update(status="open")

    with pytest.raises(RoundStatusRefused) as refused:
        create_agreements_for_round(world.round, by=None)

    assert refused.value.params == {"status": "open"}
    assert "เปิด" in refused.value.message_th
    assert not Agreement.objects.exists()


def test_it_refuses_an_indicator_without_a_version_in_force(world: World) -> None:
    create_indicator(world.round, kind="team", number=9, name="ไม่มีฉบับ", by=None, reason="test")

    with pytest.raises(IndicatorRefused) as refused:
        create_agreements_for_round(world.round, by=None)

    assert refused.value.params["problem"] == "no_version"
    assert not Agreement.objects.exists()


def test_a_new_indicator_is_added_to_every_agreement_of_its_kind(world: World) -> None:
    from kpi.rounds.actions import add_version
    from tests.base import milestone_version

    create_agreements_for_round(world.round, by=None)
    indicator = create_indicator(
        world.round, kind="team", number=6, name="ใหม่", by=None, reason="t"
    )
    add_version(indicator, milestone_version(weight=15), by=None, reason="t")

    added = add_indicator_to_agreements(indicator, by=None)

    assert sorted(item.agreement.district.dopa_code for item in added) == ["3401", "3402"]
    assert {item.weight for item in added} == {Decimal(15)}
    assert add_indicator_to_agreements(indicator, by=None) == []
