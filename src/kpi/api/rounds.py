"""Rounds and their indicators."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from kpi import access
from kpi.api.indicators import with_versions
from kpi.api.responses import READ
from kpi.api.schemas import IndicatorOut, ObjectId, RoundOut
from kpi.rounds.models import Indicator, Round

router = Router(tags=["rounds"])


@router.get("", response={200: list[RoundOut], **READ}, summary="รอบการประเมินที่เห็นได้")
def list_rounds(request: HttpRequest) -> list[Round]:
    """The rounds of the caller's province (every province for a superuser), newest first."""
    return list(access.visible_rounds(request.user))


@router.get("/{id}", response={200: RoundOut, **READ}, summary="รอบการประเมิน")
def get_round(request: HttpRequest, id: ObjectId) -> Round:
    return access.round_or_404(request.user, id)


@router.get(
    "/{id}/indicators",
    response={200: list[IndicatorOut], **READ},
    summary="ตัวชี้วัดของรอบการประเมิน",
)
def round_indicators(request: HttpRequest, id: ObjectId, all_versions: bool = False) -> list:
    """The round's indicators, team first, each with its version in force (criteria and
    levels included); ``all_versions=1`` adds every version (original and revised)."""
    round = access.round_or_404(request.user, id)
    return with_versions(Indicator.objects.for_round(round), all_versions=all_versions)
