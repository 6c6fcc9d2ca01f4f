"""One indicator with every version it had."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router

from kpi import access
from kpi.api.responses import READ
from kpi.api.schemas import IndicatorOut, ObjectId
from kpi.rounds.models import Indicator, IndicatorVersion

router = Router(tags=["indicators"])


def with_versions(indicators: QuerySet[Indicator], *, all_versions: bool) -> list[Indicator]:
    """*indicators* with their version in force, and every version when *all_versions*.

    Six queries whatever their number (indicators, versions, units with them, contact
    persons, criteria, levels): with every version, the one in force is picked from them
    rather than fetched twice.
    """
    if not all_versions:
        return list(indicators.with_version_in_force())
    versions = IndicatorVersion.objects.with_criteria().order_by("created", "pk")
    found = list(indicators.prefetch_related(Prefetch("versions", versions, to_attr="every")))
    for indicator in found:
        every = indicator.every  # type: ignore[attr-defined]
        # The attribute Indicator.version_in_force reads (see IndicatorQuerySet).
        indicator.versions_in_force = [v for v in every if v.in_force]  # type: ignore[attr-defined]
    return found


@router.get("/{id}", response={200: IndicatorOut, **READ}, summary="ตัวชี้วัด")
def get_indicator(request: HttpRequest, id: ObjectId) -> Indicator:
    """The indicator with its version in force and every version, oldest first."""
    access.indicator_or_404(request.user, id)
    return with_versions(Indicator.objects.filter(pk=id), all_versions=True)[0]
