"""The score calculator: one page, one GET form, updated as the user types (htmx).

Deep-linkable: every choice is a GET parameter
(``/calculator/?indicator=12&district=3&value=75``). htmx asks for a fragment of the same
page by its target: ``calc-result`` while typing (the inputs are left alone, so no keystroke
is lost), ``calculator`` when another indicator is chosen (its inputs differ).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from kpi import access
from kpi.rounds.models import Indicator, IndicatorVersion
from kpi.scores.calculation import calculate
from kpi.scores.calculator import (
    Choices,
    district_options,
    indicator_choices,
    indicator_title,
    load_indicator,
    shown_versions,
)
from kpi.scores.forms import CalculatorForm

TEMPLATE = "scores/calculator.html"
#: htmx target id → the partial of TEMPLATE that fills it
PARTIALS = {"calc-result": "result", "calculator": "calculator"}
#: the inputs whose messages the result fragment updates out of band
TYPED = ("value", "done", "planned", "steps")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@login_required
@require_GET
def calculator(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    indicators = indicator_choices(user)
    indicator = _chosen_indicator(user, request.GET.get("indicator"), indicators)
    round = indicator.round if indicator else None
    province = round.province if round else _default_province(user)
    districts = (
        district_options(user, province, round.fiscal_year if round else None) if province else []
    )
    form = CalculatorForm(request.GET or None, indicators=indicators, districts=districts)
    context: dict[str, Any] = {
        "form": form,
        "indicator": indicator,
        "has_indicators": bool(indicators),
        "typed_fields": [form[name] for name in TYPED],
    }
    if indicator is not None:
        context.update(_inputs(indicator))
        # Only the inputs on the page: an out-of-band swap without its target is an error.
        shown = {
            "value": context["needs_value"],
            "done": context["needs_ratio"],
            "planned": context["needs_ratio"],
            "steps": context["needs_steps"],
        }
        context["typed_fields"] = [form[name] for name in TYPED if shown[name]]
        if form.is_bound:
            context.update(_calculation(form, indicator))
    template = TEMPLATE
    target = request.htmx.target if request.htmx else None
    if target in PARTIALS:
        template = f"{TEMPLATE}#{PARTIALS[target]}"
        context["oob_errors"] = target == "calc-result"
    return render(request, template, context)


def _chosen_indicator(user: Any, raw: str | None, choices: Choices) -> Indicator | None:
    """The indicator named by the ``indicator`` parameter, if it is one of the user's
    choices; anything else is left to the form to report."""
    try:
        pk = int(raw or "")
    except ValueError:
        return None
    if not any(pk == option for _group, options in choices for option, _label in options):
        return None
    return load_indicator(user, pk)


def _default_province(user: Any) -> Any:
    """Before an indicator is chosen, the districts listed are those of the user's province
    (a superuser without an office: the province of the newest round they see)."""
    who = access.actor(user)
    if who.person is not None:
        return who.person.province
    newest = access.visible_rounds(user).first()
    return newest.province if newest else None


def _inputs(indicator: Indicator) -> dict[str, Any]:
    """Which inputs the indicator needs: a value (thresholds; with its parts for a
    percentage), or steps to tick (milestones), labelled with the version in force."""
    versions = shown_versions(indicator)
    in_force = next((v for v in versions if v.in_force), versions[-1] if versions else None)
    methods = {v.method for v in versions}
    return {
        "indicator_title": indicator_title(indicator.kind, indicator.number),
        "versions": versions,
        "needs_value": IndicatorVersion.Method.THRESHOLD in methods,
        "needs_ratio": any(
            v.method == IndicatorVersion.Method.THRESHOLD and v.measure_unit == "percent"
            for v in versions
        ),
        "needs_steps": IndicatorVersion.Method.MILESTONE in methods,
        "step_texts": _step_texts(in_force),
        "value_unit": next((v.measure_unit for v in versions if v.measure_unit), None),
    }


def _step_texts(version: IndicatorVersion | None) -> list[tuple[int, str]]:
    if version is None or version.method != IndicatorVersion.Method.MILESTONE:
        return []
    criteria = list(version.criteria.all())  # type: ignore[attr-defined]
    if not criteria:
        return []
    return [(row.level, row.text) for row in criteria[0].levels.all()]


def _calculation(form: CalculatorForm, indicator: Indicator) -> dict[str, Any]:
    form.is_valid()
    data = form.cleaned_data
    parts_valid = not (form.has_error("done") or form.has_error("planned"))
    return calculate(
        indicator,
        value=data.get("value"),
        done=data.get("done") if parts_valid else None,
        planned=data.get("planned") if parts_valid else None,
        chosen_size=data.get("size"),
        district=form.chosen_district(),
        steps=data.get("steps") or [],
        typed_invalid=any(form.has_error(name) for name in ("value", "done", "planned")),
    ).context()
