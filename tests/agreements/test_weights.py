"""Each person's weights (team items of their office + their own) must make 100."""

from decimal import Decimal

import pytest

from kpi.agreements.actions import create_agreements_for_round, set_item_weight
from kpi.agreements.errors import AgreementsMissing, WeightsDoNotAddUp
from kpi.agreements.models import Agreement, AgreementItem
from kpi.agreements.weights import weight_totals, weights_for_agreement
from kpi.results.actions import open_round
from kpi.rounds.models import Round
from tests.agreements.builders import World, agreements_adding_up

pytestmark = pytest.mark.django_db


def test_the_running_total_adds_the_office_team_items_to_the_persons_own(world: World) -> None:
    create_agreements_for_round(world.round, by=None)

    totals = {entry.person: entry for entry in weight_totals(world.round)}

    head = totals[world.person("d3401")]
    assert (head.team_total, head.individual_total, head.total) == (
        Decimal(10),
        Decimal(5),
        Decimal(15),
    )
    assert head.missing == Decimal(85)
    assert not head.adds_up
    assert set(totals) == {world.person("d3401"), world.person("d3402")}


def test_the_total_follows_an_override(world: World) -> None:
    create_agreements_for_round(world.round, by=None)
    item = AgreementItem.objects.get(agreement__kind="team", agreement__district=world.d3401)

    set_item_weight(item, 95, by=None)

    (entry,) = weights_for_agreement(item.agreement)
    assert entry.total == Decimal(100) and entry.adds_up
    (other,) = weights_for_agreement(Agreement.objects.individual().get(district=world.d3402))
    assert other.total == Decimal(15) and not other.adds_up


def test_opening_refuses_weights_not_summing_to_100_naming_who(world: World) -> None:
    agreements_adding_up(world)
    item = AgreementItem.objects.get(agreement__kind="individual", agreement__district=world.d3402)
    set_item_weight(item, 35, by=None)

    with pytest.raises(WeightsDoNotAddUp) as refused:
        open_round(world.round, by=world.user("province"))

    head = world.person("d3402").full_name
    assert refused.value.params["people"] == f"{head} (3402: 60 + 35 = 95)"
    assert head in refused.value.message and head in refused.value.message_th
    assert "3401" not in refused.value.message
    assert Round.objects.get(pk=world.round.pk).status == "draft"


def test_opening_refuses_a_round_without_agreements(world: World) -> None:
    with pytest.raises(AgreementsMissing):
        open_round(world.round, by=None)

    assert Round.objects.get(pk=world.round.pk).status == "draft"


def test_opening_with_weights_adding_up_makes_the_draft_results(world: World) -> None:
    agreements_adding_up(world)

    open_round(world.round, by=world.user("province"), reason="เริ่มรอบ")

    round = Round.objects.get(pk=world.round.pk)
    assert round.status == "open"
    assert round.history.first().history_change_reason == "เริ่มรอบ"
    results = world.round.agreements.values_list("items__results__state", flat=True)
    assert sorted(results) == ["draft"] * 4


def test_the_running_totals_take_two_queries_whatever_the_number_of_agreements(
    world: World, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    create_agreements_for_round(world.round, by=None)

    # agreements with offices and people; their items
    with django_assert_num_queries(2):
        totals = weight_totals(world.round)
        assert [entry.adds_up for entry in totals] == [False, False]


def test_agreements_with_items_take_two_queries(world: World, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    create_agreements_for_round(world.round, by=None)

    # agreements with round, office and people; items with indicators
    with django_assert_num_queries(2):
        rows = [
            (
                a.district.dopa_code,
                a.evaluator.full_name,
                [i.indicator.number for i in a.items.all()],
            )
            for a in Agreement.objects.for_round(world.round).with_items()
        ]
    assert len(rows) == 4
