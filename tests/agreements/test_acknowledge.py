"""Both parties acknowledge the agreement in the app: who, when; each side once."""

import pytest

from kpi import access
from kpi.agreements.actions import acknowledge, create_agreements_for_round
from kpi.agreements.errors import AlreadyAcknowledged, NotAParty, RoundStatusRefused
from kpi.agreements.models import Agreement
from kpi.rounds.models import Round
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_3401(world: World) -> Agreement:
    create_agreements_for_round(world.round, by=None)
    return Agreement.objects.team().get(district=world.d3401)


def test_the_evaluator_and_the_office_head_acknowledge_a_team_agreement(
    world: World, team_3401: Agreement
) -> None:
    acknowledge(team_3401, by=world.user("evaluator"))
    acknowledge(team_3401, by=world.user("d3401"))

    agreement = Agreement.objects.get(pk=team_3401.pk)
    assert agreement.evaluator_acknowledged_by == world.person("evaluator")
    assert agreement.evaluatee_acknowledged_by == world.person("d3401")
    assert agreement.evaluator_acknowledged_at <= agreement.evaluatee_acknowledged_at
    assert agreement.acknowledged
    record = agreement.history.first()
    assert (record.history_user, record.history_change_reason) == (
        world.user("d3401"),
        "รับทราบคำรับรอง",
    )


def test_a_side_acknowledges_once(world: World, team_3401: Agreement) -> None:
    acknowledge(team_3401, by=world.user("d3401"))

    assert not access.can_acknowledge(world.user("d3401"), Agreement.objects.get(pk=team_3401.pk))
    with pytest.raises(AlreadyAcknowledged) as refused:
        acknowledge(team_3401, by=world.user("d3401"))
    assert refused.value.message_th == "ผู้รับการประเมินรับทราบคำรับรองนี้แล้ว"


@pytest.mark.parametrize("username", ["s3401", "d3402", "province", "info", "nobody"])
def test_nobody_else_acknowledges(world: World, team_3401: Agreement, username: str) -> None:
    assert not access.can_acknowledge(world.user(username), team_3401)

    with pytest.raises(NotAParty):
        acknowledge(team_3401, by=world.user(username))

    assert not Agreement.objects.get(pk=team_3401.pk).evaluatee_acknowledged_at


def test_the_individual_agreement_is_acknowledged_by_its_evaluatee(world: World) -> None:
    create_agreements_for_round(world.round, by=None)
    own = Agreement.objects.individual().get(district=world.d3402)

    assert access.agreement_side(world.user("d3402"), own) == "evaluatee"
    assert access.agreement_side(world.user("d3401"), own) is None
    assert access.agreement_side(world.user("evaluator"), own) == "evaluator"


def test_it_refuses_once_the_round_is_closed(world: World, team_3401: Agreement) -> None:
    Round.objects.filter(pk=world.round.pk).update(status="closed")
    agreement = Agreement.objects.get(pk=team_3401.pk)

    assert not access.can_acknowledge(world.user("evaluator"), agreement)
    with pytest.raises(RoundStatusRefused):
        acknowledge(agreement, by=world.user("evaluator"))
