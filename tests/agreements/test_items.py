"""Per-district overrides: a weight of its own, an extra indicator, an indicator taken out."""

from decimal import Decimal

import pytest

from kpi.agreements.actions import (
    add_item,
    create_agreements_for_round,
    remove_item,
    reset_item_weight,
    set_item_weight,
)
from kpi.agreements.errors import (
    IndicatorRefused,
    ItemExists,
    ItemHasResults,
    RoundStatusRefused,
    WeightInvalid,
)
from kpi.agreements.models import Agreement, AgreementItem
from kpi.results.actions import reopen_round, save_result
from kpi.results.models import Result
from kpi.rounds.actions import add_version, create_indicator
from kpi.rounds.models import Round
from tests.agreements.builders import World, agreements_adding_up
from tests.base import milestone_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreements(world: World) -> World:
    create_agreements_for_round(world.round, by=None)
    return world


def team_item(world: World, dopa_code: str = "3401") -> AgreementItem:
    return AgreementItem.objects.get(
        agreement__kind="team", agreement__district__dopa_code=dopa_code
    )


def test_a_weight_of_its_own_is_kept_and_marked(agreements: World) -> None:
    admin = agreements.user("province")

    set_item_weight(team_item(agreements), "62.5", by=admin, reason="งานเฉพาะพื้นที่")

    item = team_item(agreements)
    assert (item.weight, item.custom_weight) == (Decimal("62.5"), True)
    assert team_item(agreements, "3402").weight == Decimal(10)
    record = item.history.first()
    assert (record.history_user, record.history_change_reason) == (admin, "งานเฉพาะพื้นที่")


@pytest.mark.parametrize("weight", ["0", "-5", "ten", ""])
def test_it_refuses_a_weight_that_is_not_above_zero(agreements: World, weight: str) -> None:
    with pytest.raises(WeightInvalid) as refused:
        set_item_weight(team_item(agreements), weight, by=None)

    assert refused.value.code == "weight_invalid"
    assert refused.value.message_th.startswith("น้ำหนักต้องเป็นตัวเลขมากกว่า 0")
    assert team_item(agreements).weight == Decimal(10)


def test_resetting_goes_back_to_the_weight_in_force(agreements: World) -> None:
    set_item_weight(team_item(agreements), 30, by=None)

    reset_item_weight(team_item(agreements), by=None)

    item = team_item(agreements)
    assert (item.weight, item.custom_weight) == (Decimal(10), False)


def test_an_extra_indicator_goes_into_one_agreement_only(agreements: World) -> None:
    extra = create_indicator(
        agreements.round, kind="team", number=7, name="เพิ่ม", by=None, reason="t"
    )
    add_version(extra, milestone_version(weight=20), by=None, reason="t")
    agreement = Agreement.objects.team().get(district=agreements.d3402)

    item = add_item(agreement, extra, by=None)

    assert (item.extra, item.weight, item.custom_weight) == (True, Decimal(20), False)
    assert not AgreementItem.objects.filter(indicator=extra, agreement__district=agreements.d3401)
    with pytest.raises(ItemExists):
        add_item(agreement, extra, by=None)


def test_an_extra_indicator_may_come_with_its_weight(agreements: World) -> None:
    extra = create_indicator(
        agreements.round, kind="team", number=7, name="เพิ่ม", by=None, reason="t"
    )
    add_version(extra, milestone_version(weight=20), by=None, reason="t")

    item = add_item(
        Agreement.objects.team().get(district=agreements.d3402), extra, by=None, weight=7
    )

    assert (item.weight, item.custom_weight) == (Decimal(7), True)


def test_it_refuses_an_indicator_of_the_other_kind_or_round(agreements: World) -> None:
    agreement = Agreement.objects.team().get(district=agreements.d3401)
    other_round = Round.objects.create(
        province=agreements.province,
        fiscal_year=2567,
        number=1,
        start=agreements.round.start.replace(year=2023, month=10),
        end=agreements.round.start.replace(month=3, day=31),
    )
    elsewhere = create_indicator(other_round, kind="team", number=1, name="x", by=None, reason="t")

    with pytest.raises(IndicatorRefused) as kind:
        add_item(agreement, agreements.individual_8, by=None)
    with pytest.raises(IndicatorRefused) as round:
        add_item(agreement, elsewhere, by=None)

    assert kind.value.params["problem"] == "other_kind"
    assert round.value.params["problem"] == "other_round"
    assert "อยู่ในคำรับรองคนละฉบับ" in kind.value.message_th


def test_removing_an_item_takes_its_empty_draft_results_with_it(world: World) -> None:
    from kpi.results.actions import open_round

    agreements_adding_up(world)
    open_round(world.round, by=None)
    reopen_round(world.round, by=None, reason="แก้คำรับรอง")
    item = team_item(world, "3402")

    remove_item(item, by=world.user("province"))

    assert not AgreementItem.objects.filter(pk=item.pk).exists()
    assert not Result.objects.filter(item_id=item.pk).exists()
    assert AgreementItem.history.filter(id=item.pk, history_type="-").get().history_user == (
        world.user("province")
    )


def test_it_refuses_to_remove_an_item_a_district_has_reported_on(world: World) -> None:
    from kpi.results.actions import StepInput, open_round

    agreements_adding_up(world)
    open_round(world.round, by=None)
    result = Result.objects.get(item=team_item(world), district=world.d3401)
    save_result(result, by=None, expected_version=result.version, steps={1: StepInput(note="x")})
    reopen_round(world.round, by=None, reason="แก้คำรับรอง")

    with pytest.raises(ItemHasResults):
        remove_item(team_item(world), by=None)

    assert Result.objects.filter(pk=result.pk).exists()


def test_items_change_only_while_the_round_is_a_draft(agreements: World) -> None:
    Round.objects.filter(pk=agreements.round.pk).update(status="open")

    with pytest.raises(RoundStatusRefused):
        set_item_weight(team_item(agreements), 50, by=None)
    with pytest.raises(RoundStatusRefused):
        remove_item(team_item(agreements), by=None)

    assert team_item(agreements).weight == Decimal(10)


def acknowledged_team_3401(world: World) -> Agreement:
    from kpi.agreements.actions import acknowledge

    agreement = team_item(world).agreement
    for username in ("evaluator", "d3401"):
        acknowledge(agreement, by=world.user(username))
    return Agreement.objects.get(pk=agreement.pk)


@pytest.mark.parametrize("change", ["weight", "reset", "remove"])
def test_changing_an_acknowledged_agreement_asks_both_sides_again(
    agreements: World, change: str
) -> None:
    assert acknowledged_team_3401(agreements).acknowledged
    item = team_item(agreements)
    admin = agreements.user("province")
    if change == "weight":
        set_item_weight(item, "12", by=admin)
    elif change == "reset":
        reset_item_weight(item, by=admin)
    else:
        remove_item(item, by=admin)

    agreement = Agreement.objects.get(pk=item.agreement_id)
    assert agreement.evaluator_acknowledged_at is None
    assert agreement.evaluatee_acknowledged_at is None
    assert agreement.history.first().history_change_reason == (
        "คำรับรองเปลี่ยนหลังรับทราบ ทั้งสองฝ่ายต้องรับทราบใหม่"
    )


def test_other_agreements_keep_their_acknowledgements(agreements: World) -> None:
    acknowledged_team_3401(agreements)

    set_item_weight(team_item(agreements, "3402"), "12", by=None)

    assert Agreement.objects.get(pk=team_item(agreements).agreement_id).acknowledged
