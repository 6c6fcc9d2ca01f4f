"""A round's agreements, one agreement's page (the familiar table form), its history tab, and
its changes: weights (with the running total as one types), extra indicators, removal,
resetting a weight, and each party's acknowledgement.

Each view asks ``kpi.access`` for the agreement (404 unseen, 403 read-only), calls one action
of ``kpi.agreements.actions``, and renders; for htmx, the page's items section only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kpi import access
from kpi.agreements import actions
from kpi.agreements.errors import WorkflowError
from kpi.agreements.forms import (
    AddItemForm,
    WeightForm,
    WeightsPreview,
    addable_indicators,
    running_totals,
)
from kpi.agreements.models import Agreement, AgreementItem
from kpi.agreements.weights import weight_totals, weights_for_agreement
from kpi.documents.views import in_both_languages
from kpi.results.audit import agreement_history
from kpi.rounds.audit_views import describe
from kpi.rounds.display import contact_names, status_short, unit_name
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from kpi.scoring import weights_total

ITEMS = "agreements/agreement.html#agreement-items"
HTMX_INVALID = 422


# --- A round's agreements -----------------------------------------------------------------


def _round_context(request: HttpRequest, round: Round, **extra: Any) -> dict[str, Any]:
    visible = access.visible_agreements(request.user).filter(round=round)
    shown = set(visible.values_list("pk", flat=True))
    people = [
        entry
        for entry in running_totals(weight_totals(round))
        if entry.individual_agreement.pk in shown
    ]
    with_people = {entry.district.pk for entry in people}
    lone_teams = [
        (team, weights_total(item.weight for item in team.items.all()))
        for team in visible.team().exclude(district_id__in=with_people).prefetch_related("items")
    ]
    can_manage = access.can_manage_round(request.user, round)
    return {
        "round": round,
        "status": status_short(round),
        "people": people,
        "lone_teams": lone_teams,
        "agreement_count": len(shown),
        "acknowledged_count": visible.filter(
            evaluator_acknowledged_at__isnull=False, evaluatee_acknowledged_at__isnull=False
        ).count(),
        "not_adding_up": [entry for entry in people if not entry.adds_up],
        "can_create": can_manage and round.status == Round.Status.DRAFT,
        "can_manage": can_manage,
        **extra,
    }


@require_GET
@login_required
def round_agreements(request: HttpRequest, pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, pk)
    return render(request, "agreements/round.html", _round_context(request, round))


@require_POST
@login_required
def create_agreements(request: HttpRequest, pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, pk)
    access.require(access.can_manage_round(request.user, round))
    try:
        created = actions.create_agreements_for_round(round, by=request.user)
    except WorkflowError as error:
        context = _round_context(request, round, refusal=in_both_languages(error))
        return render(request, "agreements/round.html", context, status=error.status)
    if created:
        messages.success(request, _("จัดทำคำรับรองแล้ว %(count)s ฉบับ") % {"count": len(created)})
    else:
        messages.info(request, _("ทุกอำเภอมีคำรับรองครบแล้ว ไม่มีฉบับใหม่"))
    return redirect("round_agreements", round.pk)


# --- One agreement --------------------------------------------------------------------------


def _items(agreement: Agreement) -> list[AgreementItem]:
    """The items with their indicator's version in force, unit and contacts: four queries."""
    versions = (
        IndicatorVersion.objects.in_force()
        .select_related("responsible_unit")
        .prefetch_related("contact_persons")
    )
    return list(
        agreement.items.select_related("indicator")
        .prefetch_related(
            Prefetch("indicator__versions", queryset=versions, to_attr="versions_in_force")
        )
        .order_by("indicator__number", "pk")
    )


def _row(item: AgreementItem, form: WeightForm | None) -> dict[str, Any]:
    version = item.indicator.version_in_force
    return {
        "item": item,
        "version": version,
        "unit": unit_name(version) if version else "",
        "contacts": contact_names(version) if version else [],
        "form": form,
    }


def _agreement_context(
    request: HttpRequest,
    agreement: Agreement,
    *,
    typed: dict[str, str] | None = None,
    forms: dict[int, WeightForm] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    user = request.user
    items = _items(agreement)
    can_edit = access.can_edit_agreement(user, agreement)
    forms = forms or {}
    rows = [
        _row(item, forms.get(item.pk) or WeightForm.for_item(item) if can_edit else None)
        for item in items
    ]
    side = access.agreement_side(user, agreement)
    context = {
        "agreement": agreement,
        "round": agreement.round,
        "status": status_short(agreement.round),
        "kind_label": Indicator.Kind(agreement.kind).label,
        "rows": rows,
        "weight_sum": weights_total(item.weight for item in items),
        "totals": WeightsPreview(typed or {}, items).totals(weights_for_agreement(agreement)),
        "can_edit": can_edit,
        "side": side,
        "can_acknowledge": access.can_acknowledge(user, agreement),
        "scorecard": not agreement.is_team
        and access.can_download_scorecard_of(user, agreement.round, agreement.evaluatee_id),
        "tab": "agreement",
    }
    if can_edit and "add_form" not in extra:
        indicators = addable_indicators(agreement)
        context["add_form"] = AddItemForm(indicators=indicators) if indicators.exists() else None
    context.update(extra)
    return context


@require_GET
@login_required
def agreement_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The page; for htmx (a weight being typed), the running totals with the typed weights."""
    agreement = access.agreement_or_404(request.user, pk)
    context = _agreement_context(request, agreement, typed=request.GET.dict())
    if request.htmx:
        return render(request, "agreements/agreement.html#weight-totals", context)
    return render(request, "agreements/agreement.html", context)


@require_GET
@login_required
def agreement_history_page(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = access.agreement_or_404(request.user, pk)
    context = {
        "agreement": agreement,
        "round": agreement.round,
        "rows": describe(agreement_history(agreement)[::-1]),
        "tab": "history",
    }
    return render(request, "agreements/history.html", context)


def _editable(request: HttpRequest, pk: int) -> Agreement:
    agreement = access.agreement_or_404(request.user, pk)
    access.require(access.can_edit_agreement(request.user, agreement))
    return agreement


def _editable_item(request: HttpRequest, pk: int) -> tuple[Agreement, AgreementItem]:
    agreement_id = get_object_or_404(AgreementItem.objects.values("agreement_id"), pk=pk)
    agreement = _editable(request, agreement_id["agreement_id"])
    return agreement, get_object_or_404(agreement.items.select_related("indicator"), pk=pk)


def _changed(request: HttpRequest, agreement: Agreement, done: str) -> HttpResponse:
    """After a change: the items section again for htmx, else back to the page."""
    if request.htmx:
        context = _agreement_context(request, agreement, done=done)
        return render(request, ITEMS, context)
    messages.success(request, done)
    return redirect(reverse("agreement", args=[agreement.pk]) + "#items")


def _refused(
    request: HttpRequest, agreement: Agreement, status: int, **context: Any
) -> HttpResponse:
    if not request.htmx:
        page = _agreement_context(request, agreement, **context)
        return render(request, "agreements/agreement.html", page, status=status)
    # htmx swaps 409 and 422 into the section (agreements/_head.html); 422 rather than 400,
    # which django-htmx's debug script (DEBUG) would show as a whole error page instead.
    status = HTMX_INVALID if status == 400 else status
    return render(request, ITEMS, _agreement_context(request, agreement, **context), status=status)


@require_POST
@login_required
def set_weight(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, item = _editable_item(request, pk)
    form = WeightForm.for_item(item, request.POST)
    if form.is_valid():
        try:
            actions.set_item_weight(item, form.cleaned_data["weight"], by=request.user)
        except WorkflowError as error:
            form.add_error("weight", in_both_languages(error)["text"])
        else:
            done = _("บันทึกน้ำหนักตัวชี้วัดที่ %(number)s แล้ว") % {"number": item.indicator.number}
            return _changed(request, agreement, done)
    typed = {f"{form.prefix}-weight": request.POST.get(f"{form.prefix}-weight", "")}
    return _refused(request, agreement, 400, forms={item.pk: form}, typed=typed)


@require_POST
@login_required
def reset_weight(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, item = _editable_item(request, pk)
    try:
        actions.reset_item_weight(item, by=request.user)
    except WorkflowError as error:
        return _refused(request, agreement, error.status, refusal=in_both_languages(error))
    done = _("ตัวชี้วัดที่ %(number)s ใช้น้ำหนักตามหนังสือแจ้งแล้ว") % {"number": item.indicator.number}
    return _changed(request, agreement, done)


@require_POST
@login_required
def remove_item(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, item = _editable_item(request, pk)
    try:
        actions.remove_item(item, by=request.user)
    except WorkflowError as error:
        return _refused(request, agreement, error.status, refusal=in_both_languages(error))
    done = _("นำตัวชี้วัดที่ %(number)s ออกจากคำรับรองแล้ว") % {"number": item.indicator.number}
    return _changed(request, agreement, done)


@require_POST
@login_required
def add_item(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _editable(request, pk)
    form = AddItemForm(request.POST, indicators=addable_indicators(agreement))
    if form.is_valid():
        indicator = form.cleaned_data["indicator"]
        try:
            actions.add_item(
                agreement, indicator, by=request.user, weight=form.cleaned_data["weight"]
            )
        except WorkflowError as error:
            form.add_error(None, in_both_languages(error)["text"])
        else:
            done = _("เพิ่มตัวชี้วัดที่ %(number)s ในคำรับรองแล้ว") % {"number": indicator.number}
            return _changed(request, agreement, done)
    return _refused(request, agreement, 400, add_form=form)


@require_POST
@login_required
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = access.agreement_or_404(request.user, pk)
    access.require(access.can_acknowledge(request.user, agreement))
    try:
        actions.acknowledge(agreement, by=request.user)
    except WorkflowError as error:
        context = _agreement_context(request, agreement, refusal=in_both_languages(error))
        return render(request, "agreements/agreement.html", context, status=error.status)
    messages.success(request, _("บันทึกการรับทราบคำรับรองแล้ว"))
    return redirect(reverse("agreement", args=[agreement.pk]) + "#signatures")
