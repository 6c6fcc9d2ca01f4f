"""The round's notices, revising an indicator, the draft's preview, issuing and downloads.

Each view asks ``kpi.access`` for the object (404 when unseen, 403 when seen but not the
user's to change), calls one action, and renders or redirects.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kpi import access
from kpi.documents.views import in_both_languages
from kpi.notices import actions
from kpi.notices.content import (
    contract,
    earlier_circular,
    first_circular_content,
    references_to,
    version_dict,
)
from kpi.notices.errors import NoticeError
from kpi.notices.forms import (
    DiscardForm,
    IssueForm,
    LetterForm,
    RevisionForm,
    error_text,
    initial_for,
)
from kpi.notices.models import Notice
from kpi.notices.preview import changes, paper_html
from kpi.notices.rendering import compose
from kpi.org.models import Unit
from kpi.rounds.errors import ImportRefused
from kpi.rounds.models import Indicator, Round


def _refusal(error: Exception) -> str:
    if isinstance(error, NoticeError):
        return error_text(error)
    return in_both_languages(error)["text"]


@require_GET
@login_required
def round_notices(request: HttpRequest, pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, pk)
    notices = (
        access.visible_notices(request.user)
        .filter(round=round)
        .select_related("created_by", "issued_by")
        .order_by("-created_at", "-pk")
    )
    can_revise = access.can_revise(request.user, round)
    context = {
        "round": round,
        "notices": notices,
        "can_revise": can_revise,
        "can_issue_first": access.can_issue_first_circular(request.user, round)
        and earlier_circular(round) is None,
        "indicators": Indicator.objects.for_round(round).order_by("-kind", "number")
        if can_revise
        else [],
    }
    return render(request, "notices/list.html", context)


def _draft_revision(notice: Notice | None, indicator: Indicator) -> dict[str, Any] | None:
    for entry in notice.content.get("indicators", []) if notice else []:
        if (entry["kind"], entry["number"]) == (indicator.kind, indicator.number):
            return entry["versions"][-1]
    return None


@login_required
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.indicator_or_404(request.user, pk)
    round = indicator.round
    access.require(access.can_revise(request.user, round))
    in_force = indicator.versions.in_force().with_criteria().first()
    if in_force is None:
        raise Http404
    now = version_dict(in_force, "original")
    draft = Notice.objects.for_round(round).drafts().first()
    units = Unit.objects.for_province(round.province).order_by("name")
    unit = in_force.responsible_unit
    start = _draft_revision(draft, indicator) or now
    if start is not now and start.get("responsible_unit"):
        unit = units.find(start["responsible_unit"]) or unit
    form = RevisionForm(
        request.POST or None, units=units, now=now, initial=initial_for(start, unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            notice = actions.revise_indicator(indicator, by=request.user, **form.values())
        except NoticeError as error:
            form.add_notice_error(error)
        else:
            messages.success(
                request,
                _("บันทึกการปรับแก้ไขตัวชี้วัดที่ %(number)s ในร่างหนังสือแล้ว") % {"number": indicator.number},
            )
            return redirect(
                reverse("notice", args=[notice.pk]) + f"#change-{indicator.kind}-{indicator.number}"
            )
    context = {
        "indicator": indicator,
        "round": round,
        "form": form,
        "draft": draft,
        "in_draft": start is not now,
    }
    return render(request, "notices/revise.html", context, status=400 if form.errors else 200)


def _preview_content(notice: Notice) -> dict[str, Any]:
    """A draft as it would be issued today: number still open, date and references filled."""
    content = contract(notice.content)
    if notice.is_draft:
        province = notice.round.province
        content["document"].update(
            number=f"{province.letter_prefix} {province.office_code}/ว …",
            date=timezone.localdate().isoformat(),
            references=references_to(earlier_circular(notice.round)),
        )
    return content


def _notice_context(request: HttpRequest, notice: Notice, **forms: Any) -> dict[str, Any]:
    round = notice.round
    content = _preview_content(notice)
    ids = {
        (kind, number): pk
        for pk, kind, number in Indicator.objects.for_round(round).values_list(
            "pk", "kind", "number"
        )
    }
    document = content["document"]
    can_issue = notice.is_draft and access.can_issue_notice(request.user, round)
    found = changes(notice.content, ids)
    return {
        "notice": notice,
        "round": round,
        "paper": paper_html(compose(content, round.province), found),
        "changes": found,
        "can_issue": can_issue,
        "letter_form": forms.get("letter_form")
        or LetterForm(
            initial={
                "subject": document.get("subject"),
                "recipients": document.get("to"),
                "owner_unit": document.get("owner_unit"),
                "phone": document.get("phone"),
                "fax": document.get("fax"),
            }
        ),
        "issue_form": forms.get("issue_form") or IssueForm(),
        "discard_form": forms.get("discard_form") or DiscardForm(),
    }


@require_GET
@login_required
def notice_page(request: HttpRequest, pk: int) -> HttpResponse:
    notice = access.notice_or_404(request.user, pk)
    return render(request, "notices/notice.html", _notice_context(request, notice))


def _draft_for_change(request: HttpRequest, pk: int) -> Notice:
    notice = access.notice_or_404(request.user, pk)
    access.require(access.can_issue_notice(request.user, notice.round))
    return notice


@require_POST
@login_required
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _draft_for_change(request, pk)
    form = IssueForm(request.POST)
    if not form.is_valid():
        context = _notice_context(request, notice, issue_form=form)
        return render(request, "notices/notice.html", context, status=400)
    try:
        issued = actions.issue_notice(notice, by=request.user, date=form.issue_date())
    except (NoticeError, ImportRefused) as error:
        messages.error(request, _refusal(error))
        return redirect("notice", notice.pk)
    messages.success(request, _("ออกหนังสือ %(number)s แล้ว") % {"number": issued.number})
    return redirect("notice", issued.pk)


@require_POST
@login_required
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _draft_for_change(request, pk)
    form = DiscardForm(request.POST)
    if form.is_valid():
        try:
            actions.discard_notice(notice, by=request.user, reason=form.cleaned_data["reason"])
        except NoticeError as error:
            form.add_error("reason", error_text(error))
        else:
            messages.success(request, _("ยกเลิกร่างหนังสือแล้ว"))
            return redirect("notices", notice.round_id)
    context = _notice_context(request, notice, discard_form=form)
    return render(request, "notices/notice.html", context, status=400)


@require_POST
@login_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _draft_for_change(request, pk)
    form = LetterForm(request.POST)
    if form.is_valid():
        try:
            actions.edit_letter(notice, by=request.user, **form.cleaned_data)
        except NoticeError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("บันทึกรายละเอียดหนังสือแล้ว"))
            return redirect("notice", notice.pk)
    context = _notice_context(request, notice, letter_form=form)
    return render(request, "notices/notice.html", context, status=400)


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    notice = _draft_for_change(request, pk)
    indicator = access.indicator_or_404(request.user, indicator_pk)
    try:
        actions.withdraw_from_draft(notice, indicator, by=request.user)
    except NoticeError as error:
        messages.error(request, error_text(error))
    return redirect("notice", notice.pk)


FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
FORMATS["pdf"] = "application/pdf"


@require_GET
@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    notice = access.notice_or_404(request.user, pk)
    stored = getattr(notice, fmt, None) if fmt in FORMATS else None
    if not stored or not stored.storage.exists(stored.name):
        raise Http404
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=f"{notice.number.replace('/', '-')}.{fmt}",
        content_type=FORMATS[fmt],
    )


@login_required
@require_http_methods(["GET", "POST"])
def first_circular(request: HttpRequest, pk: int) -> HttpResponse:
    round: Round = access.round_or_404(request.user, pk)
    access.require(access.can_issue_first_circular(request.user, round))
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notice = actions.issue_first_circular(round, by=request.user, date=form.issue_date())
        except (NoticeError, ImportRefused) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("ออกหนังสือ %(number)s แล้ว") % {"number": notice.number})
            return redirect("notice", notice.pk)
    indicators = list(
        Indicator.objects.for_round(round).with_version_in_force().order_by("-kind", "number")
    )
    content = first_circular_content(round, indicators)
    issue_date: date = form.cleaned_data["date"] if form.is_bound and form.is_valid() else None
    content["document"].update(
        number=f"{round.province.letter_prefix} {round.province.office_code}/ว …",
        date=(issue_date or timezone.localdate()).isoformat(),
    )
    context = {
        "round": round,
        "paper": paper_html(compose(content, round.province), []),
        "issue_form": form,
        "missing": [i for i in indicators if i.version_in_force is None],
        "earlier": earlier_circular(round),
    }
    return render(request, "notices/first.html", context)
