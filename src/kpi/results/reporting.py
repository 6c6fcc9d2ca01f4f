"""What the province follows during a round: who has not submitted, and each person's score.

Both load their rows in one query and group them here; the arithmetic is the engine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kpi.org.models import District, Person
from kpi.results.models import Competency, Result
from kpi.rounds.models import Indicator, Round
from kpi.scoring import (
    RatingBand,
    Shares,
    achievement,
    rating,
    total,
    weighted_score,
)


@dataclass
class Group:
    """Results sharing an indicator or a district."""

    key: Indicator | District
    results: list[Result] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.results)


@dataclass
class NotSubmitted:
    """Unsubmitted results (draft or returned) of a round, grouped two ways.

    Attributes:
        by_indicator: per indicator (team first, by number), the offices or heads missing.
        by_district: per district (by DOPA code), the indicators it has not sent.
    """

    by_indicator: list[Group]
    by_district: list[Group]

    @property
    def count(self) -> int:
        return sum(group.count for group in self.by_district)


def not_submitted(round: Round, *, district: District | None = None) -> NotSubmitted:
    """The results of *round* nobody has sent yet (of one *district* when given). One query."""
    results = Result.objects.for_round(round).unsubmitted().with_related()
    if district is not None:
        results = results.for_district(district)
    by_indicator: dict[int, Group] = {}
    by_district: dict[int, Group] = {}
    for result in results:
        indicator = result.item.indicator
        by_indicator.setdefault(indicator.pk, Group(indicator)).results.append(result)
        by_district.setdefault(result.district_id, Group(result.district)).results.append(result)
    for group in (*by_indicator.values(), *by_district.values()):
        group.results.sort(key=lambda r: (r.district.dopa_code, r.item.indicator.number))
    return NotSubmitted(
        by_indicator=sorted(
            by_indicator.values(), key=lambda g: (g.key.kind != "team", g.key.number)
        ),
        by_district=sorted(by_district.values(), key=lambda g: g.key.dopa_code),
    )


@dataclass(frozen=True)
class ScoreLine:
    result: Result
    weight: Decimal
    level: Decimal | None
    weighted: Decimal | None


@dataclass(frozen=True)
class Scorecard:
    """A person's achievement in a round: their office's team results and their own.

    Attributes:
        lines: one per result, with the level that counts (``Result.final_level``).
        achievement: Σ weighted scores (``kpi.scoring.achievement``), None until every line
            has a level. Unrounded: ``kpi.scoring.display`` rounds for display.
    """

    person: Person
    lines: list[ScoreLine]
    achievement: Decimal | None

    @property
    def complete(self) -> bool:
        return self.achievement is not None


# Team results first (as the circulars list them), then by number: "team" sorts after
# "individual", hence the descending kind.
_CARD_ORDER = ("-item__indicator__kind", "item__indicator__number")


def _card(person: Person, results: Iterable[Result]) -> Scorecard:
    lines = []
    for result in results:
        level = result.final_level
        weight = result.item.weight
        weighted = None if level is None else weighted_score(level, weight)
        lines.append(ScoreLine(result, weight, level, weighted))
    total = None
    if lines and all(line.level is not None for line in lines):
        total = achievement((line.level, line.weight) for line in lines)
    return Scorecard(person, lines, total)


def scorecard(round: Round, person: Person) -> Scorecard:
    results = Result.objects.for_round(round).for_person(person).with_related()
    return _card(person, results.order_by(*_CARD_ORDER))


def scorecards(round: Round, people: Iterable[Person]) -> list[Scorecard]:
    """``scorecard(round, person)`` for each of *people*, in their order, from one query."""
    people = list(people)
    results = Result.objects.for_round(round).for_people(people).with_related()
    own: dict[int, list[Result]] = {}
    team: dict[int, list[Result]] = {}
    for result in results.order_by(*_CARD_ORDER):
        if result.person_id is None:
            team.setdefault(result.district_id, []).append(result)
        else:
            own.setdefault(result.person_id, []).append(result)
    cards = []
    for person in people:
        mine = [*team.get(person.district_id, ()), *own.get(person.pk, ())]
        mine.sort(key=lambda r: (r.item.indicator.kind != "team", r.item.indicator.number))
        cards.append(_card(person, mine))
    return cards


@dataclass(frozen=True)
class Standing:
    """Where a person stands: achievement, competency, the total and its rating.

    Attributes:
        shares: 70/30, or 50/50 for staff on probation (DOMAIN.md, Scores).
        total, rating: None until both achievement and competency are known.
    """

    achievement: Decimal | None
    competency: Decimal | None
    shares: Shares
    total: Decimal | None
    rating: RatingBand | None


def standing(
    round: Round,
    card: Scorecard,
    competency: Competency | None,
    scale: Sequence[RatingBand],
) -> Standing:
    """*card*'s achievement with *competency* (the person's ``Competency`` in the round, or
    None when none was entered): the engine's ``total`` with *round*'s shares, and its
    ``rating`` on *scale* (``kpi.rounds.ratings.rating_scale(round)``, read once per round)."""
    shares = round.shares(probation=competency is not None and competency.probation)
    behaviour = competency.score if competency is not None else None
    overall = None
    if card.achievement is not None and behaviour is not None:
        overall = total(card.achievement, behaviour, shares)
    return Standing(
        achievement=card.achievement,
        competency=behaviour,
        shares=shares,
        total=overall,
        rating=rating(overall, scale) if overall is not None else None,
    )
