"""A round's life on its pages: its status and history, and the administrator's controls
(open, close, approve, archive, re-open with a reason, the reporting deadline).

Whoever sees the round sees its status and history; only ``access.can_manage_round`` may
change them. Each control calls one action of ``kpi.results.actions``; a refusal (weights
that do not add up, results not yet approved) is shown on the page, in the user's language,
with the people it names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kpi import access
from kpi.agreements.errors import WorkflowError
from kpi.agreements.models import Agreement
from kpi.agreements.weights import not_adding_up
from kpi.documents.views import in_both_languages
from kpi.results import actions, states
from kpi.results.actions.rounds import BACK
from kpi.results.models import Result
from kpi.rounds.audit_views import who_name
from kpi.rounds.display import ROUND_STATUS_SHORT, status_short
from kpi.rounds.models import Round

Status = Round.Status
#: the step forward from each status: (action, URL name, button label)
FORWARD: dict[str, tuple[str, Any]] = {
    Status.DRAFT: ("round_open", gettext_lazy("เปิดรอบการประเมิน")),
    Status.OPEN: ("round_close", gettext_lazy("ปิดรับรายงานผล")),
    Status.CLOSED: ("round_approve", gettext_lazy("อนุมัติผลการประเมินของรอบ")),
    Status.APPROVED: ("round_archive", gettext_lazy("เก็บรอบการประเมินถาวร")),
}


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("เหตุผลที่ย้อนสถานะ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("บันทึกไว้ในประวัติของรอบการประเมิน"),
    )


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=gettext_lazy("กำหนดส่งรายงานผล"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("เว้นว่างเพื่อยกเลิกกำหนดส่ง"),
    )


@dataclass(frozen=True)
class StatusChange:
    """One entry of the round's history: its status or its deadline changed (or it began)."""

    at: datetime
    who: str
    kind: str  # "created", "status" or "deadline"
    before: str
    after: str
    reason: str


def status_history(round: Round) -> list[StatusChange]:
    """The round's status and deadline changes, newest first. Two queries."""
    records = list(
        Round.history.filter(id=round.pk)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    prefetch_related_objects([r.history_user for r in records if r.history_user], "person")
    changes = []
    previous = None
    for record in records:
        who, reason = who_name(record.history_user), record.history_change_reason or ""
        if previous is None:
            changes.append(
                StatusChange(record.history_date, who, "created", "", _label(record.status), reason)
            )
        elif record.status != previous.status:
            changes.append(
                StatusChange(
                    record.history_date,
                    who,
                    "status",
                    _label(previous.status),
                    _label(record.status),
                    reason,
                )
            )
        elif record.reporting_deadline != previous.reporting_deadline:
            changes.append(
                StatusChange(
                    record.history_date,
                    who,
                    "deadline",
                    _day(previous.reporting_deadline),
                    _day(record.reporting_deadline),
                    reason,
                )
            )
        previous = record
    return changes[::-1]


def _label(status: str) -> str:
    return str(ROUND_STATUS_SHORT.get(status, status))


def _day(day: date | None) -> str:
    from kpi.thai.dates import format_screen_date

    return format_screen_date(day) if day else "—"


def _steps(round: Round) -> list[dict[str, Any]]:
    order = [value for value, _label in Status.choices]
    here = order.index(round.status)
    return [
        {
            "label": _label(value),
            "state": "done" if i < here else "current" if i == here else "todo",
        }
        for i, value in enumerate(order)
    ]


def deadline_info(round: Round) -> dict[str, int | None]:
    """Days until the reporting deadline (``days_left``), or past it (``days_late``)."""
    if round.reporting_deadline is None:
        return {"days_left": None, "days_late": None}
    left = (round.reporting_deadline - timezone.localdate()).days
    return {"days_left": left, "days_late": -left if left < 0 else None}


def _links(request: HttpRequest, round: Round) -> dict[str, bool]:
    user = request.user
    return {
        "can_manage": access.can_manage_round(user, round),
        "can_see_reporting": access.can_see_reporting(user, round),
        "can_see_audit_log": access.can_see_audit_log(user, round.province_id),
        "can_export_results": access.can_export_results(user, round),
        # Scorecards exist only after approval; asked last so earlier rounds cost no query.
        "can_download_scorecards": access.can_download_scorecard(user, round)
        and access.visible_scorecard_people(user, round).exists(),
    }


def _context(request: HttpRequest, round: Round, **extra: Any) -> dict[str, Any]:
    links = _links(request, round)
    context: dict[str, Any] = {
        "round": round,
        "status": status_short(round),
        "steps": _steps(round),
        "history": status_history(round),
        "deadline": deadline_info(round),
        **links,
    }
    if links["can_manage"]:
        forward = FORWARD.get(round.status)
        back = BACK.get(Status(round.status))
        context.update(
            forward=forward,
            back_to=_label(back) if back else None,
            reopen_form=ReopenForm(),
            deadline_form=DeadlineForm(initial={"deadline": round.reporting_deadline}),
            agreement_count=Agreement.objects.for_round(round).count(),
        )
        if round.status == Status.DRAFT:
            context["not_adding_up"] = not_adding_up(round)
        if round.status == Status.CLOSED:
            context["pending"] = (
                Result.objects.for_round(round).exclude(state__in=states.FINAL).count()
            )
    context.update(extra)
    return context


@require_GET
@login_required
def round_lifecycle(request: HttpRequest, pk: int) -> HttpResponse:
    """The page; for htmx, the summary the round's page loads (status, deadline, last changes,
    links to what the user may open)."""
    round = access.round_or_404(request.user, pk)
    if request.htmx:
        context = {
            "round": round,
            "status": status_short(round),
            "history": status_history(round)[:3],
            "deadline": deadline_info(round),
            **_links(request, round),
        }
        return render(request, "rounds/lifecycle.html#round-summary", context)
    return render(request, "rounds/lifecycle.html", _context(request, round))


def _managed(request: HttpRequest, pk: int) -> Round:
    round = access.round_or_404(request.user, pk)
    access.require(access.can_manage_round(request.user, round))
    return round


def _refused(
    request: HttpRequest, round: Round, error: WorkflowError, **forms: Any
) -> HttpResponse:
    round.refresh_from_db()
    context = _context(request, round, refusal=in_both_languages(error), **forms)
    return render(request, "rounds/lifecycle.html", context, status=error.status)


def _move(request: HttpRequest, pk: int, action: Callable[..., Round], done: str) -> HttpResponse:
    round = _managed(request, pk)
    try:
        action(round, by=request.user)
    except WorkflowError as error:
        return _refused(request, round, error)
    messages.success(request, done)
    return redirect("round_lifecycle", round.pk)


@require_POST
@login_required
def open_round(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, pk, actions.open_round, _("เปิดรอบการประเมินแล้ว อำเภอรายงานผลได้"))


@require_POST
@login_required
def close_round(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, pk, actions.close_round, _("ปิดรับรายงานผลแล้ว"))


@require_POST
@login_required
def approve_round(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, pk, actions.approve_round, _("อนุมัติผลการประเมินของรอบแล้ว"))


@require_POST
@login_required
def archive_round(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, pk, actions.archive_round, _("เก็บรอบการประเมินถาวรแล้ว"))


@require_POST
@login_required
def reopen_round(request: HttpRequest, pk: int) -> HttpResponse:
    round = _managed(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        context = _context(request, round, reopen_form=form)
        return render(request, "rounds/lifecycle.html", context, status=400)
    try:
        round = actions.reopen_round(round, by=request.user, reason=form.cleaned_data["reason"])
    except WorkflowError as error:
        return _refused(request, round, error, reopen_form=form)
    status = {"status": status_short(round)}
    messages.success(request, _("ย้อนสถานะแล้ว ขณะนี้รอบการประเมินอยู่ในสถานะ%(status)s") % status)
    return redirect("round_lifecycle", round.pk)


@require_POST
@login_required
def set_deadline(request: HttpRequest, pk: int) -> HttpResponse:
    round = _managed(request, pk)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        context = _context(request, round, deadline_form=form)
        return render(request, "rounds/lifecycle.html", context, status=400)
    try:
        actions.set_reporting_deadline(round, form.cleaned_data["deadline"], by=request.user)
    except WorkflowError as error:
        return _refused(request, round, error, deadline_form=form)
    messages.success(request, _("บันทึกกำหนดส่งรายงานผลแล้ว"))
    return redirect("round_lifecycle", round.pk)
