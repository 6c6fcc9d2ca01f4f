"""Evidence of a result: upload a file, add a link, take one off, and download a file.

Files are served only here, after ``access.evidence_or_404``: with the content type the
upload was checked to be, inline for images (so a photo opens in the browser) and as an
attachment for everything else.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kpi import access
from kpi.agreements.errors import WorkflowError
from kpi.results.actions import add_evidence_file, add_evidence_link, remove_evidence
from kpi.results.display import error_text
from kpi.results.forms import attach_error
from kpi.results.models import Evidence, Result
from kpi.results.page import form_for, page, signed_in


def _editable_or_refused(request: HttpRequest, result: Result) -> HttpResponse | None:
    """None when the user may change the result's evidence; a stale page (the result
    changed since it was read) is shown again as it is now, 409; anyone else gets 403."""
    if access.can_edit_result(request.user, result):
        return None
    posted = request.POST.get("expected_version", "")
    if posted and posted != str(result.version):
        messages.error(
            request,
            _("ผลการดำเนินงานนี้เปลี่ยนสถานะแล้ว จึงเพิ่มหรือนำหลักฐานออกไม่ได้"),
        )
        return page(request, result, status=409)
    raise PermissionDenied


@require_POST
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    result = access.result_or_404(request.user, pk)
    refused = _editable_or_refused(request, result)
    if refused:
        return refused
    form = form_for("file", request.POST, request.FILES)
    if not form.is_valid():
        return page(request, result, bound={"file": form}, status=400)
    try:
        add_evidence_file(
            result,
            form.cleaned_data["file"],
            by=signed_in(request),
            title=form.cleaned_data["title"],
        )
    except WorkflowError as error:
        attach_error(form, error, error_text(error))
        return page(request, result, bound={"file": form}, status=error.status)
    messages.success(request, _("แนบไฟล์หลักฐานแล้ว"))
    return redirect(_evidence_url(result))


@require_POST
@login_required
def add_link(request: HttpRequest, pk: int) -> HttpResponse:
    result = access.result_or_404(request.user, pk)
    refused = _editable_or_refused(request, result)
    if refused:
        return refused
    form = form_for("link", request.POST)
    if not form.is_valid():
        return page(request, result, bound={"link": form}, status=400)
    try:
        add_evidence_link(
            result,
            form.cleaned_data["url"],
            by=signed_in(request),
            title=form.cleaned_data["title"],
        )
    except WorkflowError as error:
        attach_error(form, error, error_text(error))
        return page(request, result, bound={"link": form}, status=error.status)
    messages.success(request, _("เพิ่มลิงก์หลักฐานแล้ว"))
    return redirect(_evidence_url(result))


@require_POST
@login_required
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = access.evidence_or_404(request.user, pk)
    result = access.result_or_404(request.user, evidence.result_id)
    refused = _editable_or_refused(request, result)
    if refused:
        return refused
    try:
        remove_evidence(evidence, by=signed_in(request))
    except WorkflowError as error:
        messages.error(request, error_text(error))
        return page(request, result, status=error.status)
    messages.success(request, _("นำหลักฐานออกแล้ว"))
    return redirect(_evidence_url(result))


@require_GET
@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = access.evidence_or_404(request.user, pk)
    if evidence.kind != Evidence.Kind.FILE or not evidence.file:
        raise Http404
    if not evidence.file.storage.exists(evidence.file.name):
        raise Http404
    image = evidence.content_type.startswith("image/")
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=not image,
        filename=evidence.download_name,
        content_type=evidence.content_type,
    )
    # The type was checked on upload; the browser must not guess another one, and an image
    # opened inline runs nothing.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def _evidence_url(result: Result) -> str:
    return reverse("results:detail", args=[result.pk]) + "#evidence"
