"""The running total of each person's weights: their office's team items plus their own.

DOMAIN.md: the weights of one person's agreement sum to 100; warn before then, refuse to open
the round otherwise. The sums and the check are the scoring engine's (``weights_total``,
``check_weights``); this module only gathers the weights per person.

Only people with an individual agreement are appraised here (the district heads); a team
agreement of an office without one is shared by its staff and checked with its head's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kpi.agreements.models import Agreement
from kpi.org.models import District, Person
from kpi.rounds.models import Round
from kpi.scoring import WeightsNotHundred, check_weights, weights_total


@dataclass(frozen=True)
class PersonWeights:
    """One person's weights in a round.

    Attributes:
        person: the evaluatee of ``individual``.
        team: their office's team agreement, or None when the office has none.
        individual: their own agreement.
        team_total, individual_total: the sums of each agreement's item weights.
    """

    person: Person
    team: Agreement | None
    individual: Agreement
    team_total: Decimal
    individual_total: Decimal

    @property
    def district(self) -> District:
        return self.individual.district

    @property
    def total(self) -> Decimal:
        return self.team_total + self.individual_total

    @property
    def missing(self) -> Decimal:
        """What is still to be given (negative: too much)."""
        return Decimal(100) - self.total

    @property
    def adds_up(self) -> bool:
        weights = [item.weight for item in self.items]
        try:
            check_weights(weights)
        except WeightsNotHundred:
            return False
        return True

    @property
    def items(self) -> list:
        team_items = list(self.team.items.all()) if self.team else []
        return [*team_items, *self.individual.items.all()]

    def describe(self) -> str:
        """``name (3401 team 60 + individual 35 = 95)``: for the refusal to open a round."""
        return (
            f"{self.person.full_name} ({self.district.dopa_code}: "
            f"{_plain(self.team_total)} + {_plain(self.individual_total)} = {_plain(self.total)})"
        )


def weight_totals(round: Round, *, district: District | None = None) -> list[PersonWeights]:
    """Every appraised person's weights in *round* (of one *district* when given), by office.

    Two queries: the agreements with offices and people, and their items.
    """
    agreements = (
        Agreement.objects.for_round(round)
        .select_related("district", "evaluatee")
        .prefetch_related("items")
    )
    if district is not None:
        agreements = agreements.for_district(district)
    teams: dict[int, Agreement] = {}
    individuals: list[Agreement] = []
    for agreement in agreements.order_by("district__dopa_code", "pk"):
        if agreement.is_team:
            teams[agreement.district_id] = agreement
        else:
            individuals.append(agreement)
    totals = []
    for individual in individuals:
        team = teams.get(individual.district_id)
        totals.append(
            PersonWeights(
                person=individual.evaluatee,
                team=team,
                individual=individual,
                team_total=_sum(team) if team else Decimal(0),
                individual_total=_sum(individual),
            )
        )
    return totals


def weights_for_agreement(agreement: Agreement) -> list[PersonWeights]:
    """The running totals an agreement's page shows: its evaluatee's, or, for a team
    agreement, every appraised person's of that office."""
    totals = weight_totals(agreement.round, district=agreement.district)
    if agreement.is_team:
        return totals
    return [entry for entry in totals if entry.individual.pk == agreement.pk]


def not_adding_up(round: Round) -> list[PersonWeights]:
    return [entry for entry in weight_totals(round) if not entry.adds_up]


def _sum(agreement: Agreement) -> Decimal:
    return weights_total(item.weight for item in agreement.items.all())


def _plain(number: Decimal) -> str:
    normalised = number.normalize()
    return f"{normalised:f}" if normalised == normalised.to_integral_value() else str(number)
