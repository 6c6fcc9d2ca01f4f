"""The reporting board: how far each district has got, and who has not submitted, per
indicator and per district (``access.can_see_reporting``: the provincial office)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kpi import access
from kpi.org.models import District
from kpi.results import states
from kpi.results.models import Result
from kpi.results.reporting import not_submitted
from kpi.rounds.display import status_short
from kpi.rounds.lifecycle_views import deadline_info
from kpi.rounds.models import Round

STATES = Result.State


@dataclass
class DistrictProgress:
    """One district's results counted by state (in the order of ``Result.State``)."""

    district: District
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def cells(self) -> list[tuple[str, str, int]]:
        return [(value, str(label), self.counts.get(value, 0)) for value, label in STATES.choices]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def unsubmitted(self) -> int:
        return sum(self.counts.get(state, 0) for state in states.EDITABLE)


def progress(round: Round, districts: list[District]) -> tuple[list[DistrictProgress], dict]:
    """Results of *round* per district and state, and the round's totals per state. One query."""
    rows = {district.pk: DistrictProgress(district) for district in districts}
    totals: dict[str, int] = {}
    counted = (
        Result.objects.for_round(round)
        .order_by()  # no default ordering: it would join offices and indicators into the groups
        .values_list("district_id", "state")
        .annotate(count=Count("pk"))
    )
    for district_id, state, count in counted:
        if district_id in rows:
            rows[district_id].counts[state] = count
        totals[state] = totals.get(state, 0) + count
    return list(rows.values()), totals


@require_GET
@login_required
def reporting_board(request: HttpRequest, pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, pk)
    access.require(access.can_see_reporting(request.user, round))
    districts = list(access.visible_districts(request.user, round.province).order_by("dopa_code"))
    by_district, totals = progress(round, districts)
    context = {
        "round": round,
        "status": status_short(round),
        "missing": not_submitted(round),
        "districts": by_district,
        "totals": [(value, str(label), totals.get(value, 0)) for value, label in STATES.choices],
        "result_count": sum(totals.values()),
        "deadline": deadline_info(round),
        "can_see_audit_log": access.can_see_audit_log(request.user, round.province_id),
    }
    return render(request, "rounds/reporting.html", context)
