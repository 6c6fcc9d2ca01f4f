"""Each appraised person's score in a round: levels, weighted scores, achievement, total.

The arithmetic is ``kpi.results.reporting``'s (the engine's weighted score, achievement, total
and rating); who is listed is ``kpi.access.visible_scorecard_people``'s: the province's wide
roles see everyone, an appraised person themselves. During the round the figures are what has
been reported so far; ``final`` says the round's results are approved.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.http import HttpRequest
from ninja import Router, Schema

from kpi import access
from kpi.api.responses import READ
from kpi.api.schemas import DecimalText, ObjectId
from kpi.results.models import Competency
from kpi.results.reporting import Scorecard, scorecards, standing
from kpi.rounds.models import Round
from kpi.rounds.ratings import rating_scale
from kpi.scoring import RatingBand

router = Router(tags=["scores"])


class ScoreLineOut(Schema):
    result: int
    indicator: int
    kind: str
    number: int
    weight: DecimalText
    level: DecimalText | None
    weighted_score: DecimalText | None


class RatingOut(Schema):
    code: str
    label: str


class StandingOut(Schema):
    person: int
    name: str
    district: str | None
    lines: list[ScoreLineOut]
    achievement: DecimalText | None
    competency: DecimalText | None
    achievement_share: DecimalText
    competency_share: DecimalText
    total: DecimalText | None
    rating: RatingOut | None
    final: bool


def _out(
    round: Round,
    card: Scorecard,
    competency: Competency | None,
    scale: Sequence[RatingBand],
    final: bool,
) -> dict[str, object]:
    person = card.person
    place = standing(round, card, competency, scale)
    return {
        "person": person.pk,
        "name": person.full_name,
        "district": person.district.dopa_code if person.district_id else None,
        "lines": [
            {
                "result": line.result.pk,
                "indicator": line.result.item.indicator_id,
                "kind": line.result.item.indicator.kind,
                "number": line.result.item.indicator.number,
                "weight": line.weight,
                "level": line.level,
                "weighted_score": line.weighted,
            }
            for line in card.lines
        ],
        "achievement": place.achievement,
        "competency": place.competency,
        "achievement_share": Decimal(place.shares.achievement),
        "competency_share": Decimal(place.shares.competency),
        "total": place.total,
        "rating": place.rating and {"code": place.rating.code, "label": place.rating.label},
        "final": final,
    }


@router.get(
    "/{id}/scores", response={200: list[StandingOut], **READ}, summary="คะแนนของผู้รับการประเมิน"
)
def round_scores(request: HttpRequest, id: ObjectId) -> list[dict[str, object]]:
    """Every appraised person of the round the caller may see, by district: each indicator's
    level and weighted score, the achievement (once every indicator has a level), the
    competency score where entered, the total and the rating."""
    round = access.round_or_404(request.user, id)
    people = list(
        access.visible_scorecard_people(request.user, round).order_by("district__dopa_code", "pk")
    )
    entered = Competency.objects.filter(round=round, person__in=people)
    competencies = {competency.person_id: competency for competency in entered}
    final = round.status in access.SCORECARD_STATUSES
    cards = scorecards(round, people)
    scale = rating_scale(round)
    return [_out(round, card, competencies.get(card.person.pk), scale, final) for card in cards]
