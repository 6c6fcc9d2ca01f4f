"""Home (the rounds one may see), a round's indicators, and one indicator's versions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kpi import access
from kpi.rounds.comparison import history, indicator_versions
from kpi.rounds.display import status_short
from kpi.rounds.forms import IndicatorFilter
from kpi.rounds.listing import indicator_tables, round_documents, round_units, with_counts


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    rounds = with_counts(access.visible_rounds(request.user)).order_by(
        "-fiscal_year", "-number", "province__name"
    )
    rows = [(round, status_short(round)) for round in rounds]
    user = request.user
    context = {
        "rounds": rows,
        # What waits for the user: the first thing an officer looks for on signing in.
        "waiting": access.visible_results(user).filter(access.waiting_for(user)).count(),
        "unread": access.visible_notifications(user).unread().count(),
    }
    return render(request, "rounds/home.html", context)


@require_GET
@login_required
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, pk)
    form = IndicatorFilter(request.GET or None, units=round_units(round))
    kind, unit = form.chosen() if form.is_bound else (None, None)
    context = {
        "round": round,
        "form": form,
        "filtered": bool(kind or unit),
        "tables": indicator_tables(round, kind=kind, unit=unit),
        "status": status_short(round),
    }
    if request.htmx:
        return render(request, "rounds/round.html#indicator-tables", context)
    context["documents"] = round_documents(round)
    return render(request, "rounds/round.html", context)


@require_GET
@login_required
def indicator_page(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.indicator_or_404(request.user, pk)
    views, comparisons = history(indicator_versions(indicator))
    in_force = next((view for view in views if view.version.in_force), None)
    return render(
        request,
        "rounds/indicator.html",
        {
            "indicator": indicator,
            "round": indicator.round,
            "in_force": in_force,
            "versions": views[::-1],
            "comparisons": comparisons,
        },
    )
