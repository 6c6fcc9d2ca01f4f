"""Results: the lists ("my results", "waiting for me"), a result's page with its live level,
and each change of a result's state, one POST view per action.

Each view parses its form, asks ``kpi.access`` for the result (404 if unseen) and whether the
user may act (403 if not), calls one action, and redirects; a refusal re-renders the page with
what was typed and the reason beside the field. A stale page (someone changed the result since
it was read) is answered 409 with the current values next to the typed ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kpi import access
from kpi.accounts.templatetags.thai import thai_date
from kpi.agreements.errors import WorkflowError
from kpi.results import listing
from kpi.results.actions import (
    approve_result,
    reopen_result,
    return_result,
    save_result,
    snapshot,
    submit_result,
    verify_result,
)
from kpi.results.display import conflict_view, criteria_view, district_size, error_text
from kpi.results.errors import Conflict
from kpi.results.forms import ResultFilter, attach_error
from kpi.results.models import Result
from kpi.results.page import form_for, live_level, measure_form, page, signed_in
from kpi.thai import to_arabic

# --- Lists ----------------------------------------------------------------------------------


@require_GET
@login_required
def result_list(request: HttpRequest) -> HttpResponse:
    """My results: what the user may see in a round, filtered by indicator, district, state."""
    return _list(request, waiting=False)


@require_GET
@login_required
def waiting(request: HttpRequest) -> HttpResponse:
    """Waiting for me: what the user's roles act on next."""
    return _list(request, waiting=True)


def _list(request: HttpRequest, *, waiting: bool) -> HttpResponse:
    user = request.user
    rounds = listing.list_rounds(user)
    round_list = list(rounds)
    wanted = _int(request.GET.get("round", ""))
    chosen_round = next((r for r in round_list if r.pk == wanted), None)
    round = chosen_round or listing.default_round(round_list)
    context: dict[str, Any] = {"waiting": waiting, "round": round}
    if round is None:
        return render(request, "results/list.html", context)
    districts = access.visible_districts(user, round.province).order_by("dopa_code")
    form = ResultFilter(
        request.GET or None,
        initial={"round": round},
        rounds=rounds,
        indicators=listing.indicators_with_results(user, round),
        districts=districts,
    )
    chosen = form.chosen()
    results = listing.results_for(
        user,
        round,
        indicator=chosen.get("indicator"),
        district=chosen.get("district"),
        state=chosen.get("state"),
        waiting=waiting,
    )
    paginator = Paginator(results, listing.PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context.update(
        form=form,
        page=page_obj,
        rows=[listing.row(result) for result in page_obj.object_list],
        filtered=any(chosen.get(name) for name in ("indicator", "district", "state")),
        one_district=districts.count() == 1,
        several_rounds=len(round_list) > 1,
        query=_query_without_page(request),
    )
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "results/list.html#results-table", context)
    return render(request, "results/list.html", context)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# --- The result page ------------------------------------------------------------------------


@require_GET
@login_required
def result_page(request: HttpRequest, pk: int) -> HttpResponse:
    result = access.result_or_404(request.user, pk)
    partial = "tab-panel" if request.htmx else None  # type: ignore[attr-defined]
    return page(request, result, partial=partial)


@require_GET
@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """The history tab: every change with who, when, before/after and why; level changes
    caused by revisions."""
    result = access.result_or_404(request.user, pk)
    partial = "tab-panel" if request.htmx else None  # type: ignore[attr-defined]
    return page(request, result, tab="history", partial=partial)


@require_GET
@login_required
def level(request: HttpRequest, pk: int) -> HttpResponse:
    """The live level of what is being typed (htmx, from the measure form); the inputs'
    messages follow out of band. Without htmx, the page itself."""
    result = access.result_or_404(request.user, pk)
    if not request.htmx:  # type: ignore[attr-defined]
        return redirect("results:detail", pk=result.pk)
    criteria = criteria_view(result, district_size(result))
    form = measure_form(result, criteria, request.GET, live=True)
    context = {
        "result": result,
        "criteria": criteria,
        "measure": form,
        "level": live_level(result, criteria, form),
        "typed_fields": [form[name] for name in form.measure_fields],
        "oob": True,
    }
    return render(request, "results/_level.html", context)


@require_POST
@login_required
def save(request: HttpRequest, pk: int) -> HttpResponse:
    """Store the value (or parts, or steps) and the note; the level is the engine's."""
    user = signed_in(request)
    result = access.result_or_404(user, pk)
    criteria = criteria_view(result, district_size(result))
    form = measure_form(result, criteria, request.POST)
    refused = _refused(request, result, access.can_edit_result(user, result), "measure", form)
    if refused:
        return refused
    if not form.is_valid():
        return page(request, result, bound={"measure": form}, status=400)
    try:
        save_result(result, by=user, expected_version=form.version(), **form.for_save())
    except Conflict as error:
        return _conflict(request, result, "measure", form, error.values)
    except WorkflowError as error:
        attach_error(form, error, error_text(error))
        return page(request, result, bound={"measure": form}, status=error.status)
    messages.success(request, _("บันทึกผลการดำเนินงานแล้ว"))
    return redirect("results:detail", pk=result.pk)


# --- State changes --------------------------------------------------------------------------

Act = Callable[[Result, Any], object]


def _transition(
    request: HttpRequest,
    pk: int,
    key: str,
    allowed: Callable[[Any, Result], bool],
    act: Act,
    done: str,
    reworded: dict[str, str] | None = None,
) -> HttpResponse:
    result = access.result_or_404(request.user, pk)
    form = form_for(key, request.POST)
    refused = _refused(request, result, allowed(request.user, result), key, form)
    if refused:
        return refused
    if not form.is_valid():
        return page(request, result, bound={key: form}, status=400)
    try:
        act(result, form)
    except Conflict as error:
        return _conflict(request, result, key, form, error.values)
    except WorkflowError as error:
        text = (reworded or {}).get(error.code) or error_text(error)
        attach_error(form, error, text)
        return page(request, result, bound={key: form}, status=error.status)
    messages.success(request, done)
    return redirect("results:detail", pk=result.pk)


@require_POST
@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the saved result for verification (a returned one is resubmitted)."""

    def act(result: Result, form: Any) -> object:
        return submit_result(result, by=signed_in(request), expected_version=form.version())

    return _transition(
        request, pk, "submit", access.can_submit, act, _("ส่งผลการดำเนินงานให้ตรวจสอบแล้ว")
    )


@require_POST
@login_required
def return_(request: HttpRequest, pk: int) -> HttpResponse:
    def act(result: Result, form: Any) -> object:
        return return_result(
            result,
            by=signed_in(request),
            comment=form.cleaned_data["comment"],
            expected_version=form.version(),
        )

    return _transition(request, pk, "return", access.can_return, act, _("ส่งกลับให้อำเภอแก้ไขแล้ว"))


@require_POST
@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    def act(result: Result, form: Any) -> object:
        typed = to_arabic(form.cleaned_data["level"].strip())
        return verify_result(
            result,
            by=signed_in(request),
            level=typed or None,
            reason=form.cleaned_data["reason"],
            expected_version=form.version(),
        )

    # The action's ReasonRequired speaks of going back; here the reason is for another level.
    reason = _("ระบุเหตุผลที่ให้ระดับคะแนนต่างจากที่ระบบคำนวณ")
    return _transition(
        request,
        pk,
        "verify",
        access.can_verify,
        act,
        _("ตรวจสอบผลแล้ว"),
        reworded={"reason_required": reason},
    )


@require_POST
@login_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    def act(result: Result, form: Any) -> object:
        return approve_result(result, by=signed_in(request), expected_version=form.version())

    return _transition(request, pk, "approve", access.can_approve, act, _("อนุมัติผลแล้ว"))


@require_POST
@login_required
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    def act(result: Result, form: Any) -> object:
        return reopen_result(
            result,
            by=signed_in(request),
            reason=form.cleaned_data["reason"],
            expected_version=form.version(),
        )

    return _transition(request, pk, "reopen", access.can_reopen, act, _("เปิดให้อำเภอแก้ไขอีกครั้งแล้ว"))


# --- Refusals -------------------------------------------------------------------------------


def _refused(
    request: HttpRequest, result: Result, allowed: bool, key: str, form: forms.Form
) -> HttpResponse | None:
    """None when *allowed*. Otherwise a page read before the result changed (its
    ``expected_version`` is not the current one) gets the current values, 409; anyone else
    is refused, 403."""
    if allowed:
        return None
    posted = request.POST.get("expected_version", "")
    if posted and posted != str(result.version):
        return _conflict(request, result, key, form, snapshot(result))
    raise PermissionDenied


def _conflict(
    request: HttpRequest, result: Result, key: str, form: forms.Form, values: dict[str, Any]
) -> HttpResponse:
    """Show what the user typed, now against the current save (so saving again works once
    they have compared), with the values someone else saved beside it."""
    result.refresh_from_db()
    data = request.POST.copy()
    data["expected_version"] = str(result.version)
    rebound: forms.Form
    if key == "measure":
        criteria = criteria_view(result, district_size(result))
        rebound = measure_form(result, criteria, data)
    else:
        rebound = form_for(key, data)
    rebound.is_valid()
    conflict = conflict_view(result, values)
    rebound.add_error(
        None,
        _(
            "มีผู้บันทึกผลการดำเนินงานนี้ก่อนคุณ (%(when)s) สิ่งที่คุณกรอกยังไม่ได้บันทึก "
            "กรุณาเทียบกับค่าที่บันทึกไว้แล้วบันทึกอีกครั้ง"
        )
        % {"when": _when(conflict)},
    )
    return page(request, result, bound={key: rebound}, conflict=conflict, status=409)


def _when(conflict: Any) -> str:
    if conflict.at is None:
        return ""
    at = timezone.localtime(conflict.at)
    text = f"{thai_date(at)} {at:%H:%M}"
    return f"{conflict.by} {text}".strip() if conflict.by else text
