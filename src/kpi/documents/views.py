"""Source documents: the stored file of a circular, to those who may see its province; and
the import page, where a provincial administrator uploads a circular, sees what was understood
and what would change, and saves it only on confirmation."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kpi import access, bilingual
from kpi.documents import staging
from kpi.documents.forms import ImportForm
from kpi.documents.preview import describe
from kpi.org.models import Province
from kpi.rounds.errors import (
    ImportRefused,
    IndicatorMissing,
    RoundMissing,
    UnreadableCircular,
)
from kpi.rounds.importing import import_circular, parse_circular, preview_import


@require_GET
@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    document = access.source_document_or_404(request.user, pk)
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404
    # Sent as an attachment: a text circular may be UTF-8, UTF-16 or TIS-620, and the
    # browser must not guess its encoding for display.
    content_type, _ = mimetypes.guess_type(document.original_filename)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_filename,
        content_type=content_type or "application/octet-stream",
    )


# ---------------------------------------------------------------------------------------------
# Import


def in_both_languages(error: Any) -> dict[str, str]:
    """An error or note of the importer in the page's language, with the other beside it.

    Thai comes from the Thai catalogue (the English template is the msgid), else from the
    error's own ``message_th``.
    """
    english = error.message
    thai = error.translated(bilingual.thai())
    if thai == english:
        thai = getattr(error, "message_th", english)
    if (get_language() or "th").startswith("en"):
        return {"text": english, "lang": "en", "other": thai, "other_lang": "th"}
    return {"text": thai, "lang": "th", "other": english, "other_lang": "en"}


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    access.require_import(request.user)
    provinces = access.importable_provinces(request.user)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return _confirm(request, provinces)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        provinces=provinces,
        initial={"province": provinces.first()},
    )
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        context.update(_preview(request, form))
    return render(request, "documents/import.html", context)


def _preview(request: HttpRequest, form: ImportForm) -> dict[str, Any]:
    """Parse the upload (or the file this session uploaded before) and dry-run its import."""
    user_id: int = request.user.pk  # type: ignore[assignment]  # login_required
    upload = form.cleaned_data.get("file")
    if upload:
        data, filename = upload.read(), upload.name
    else:
        staged = staging.find(request.session, form.cleaned_data.get("staged"))
        data = staging.read(user_id, staged) if staged else None
        if staged is None or data is None:
            form.add_error("file", _("เลือกไฟล์หนังสือเวียน"))
            return {}
        filename = staged.filename
    province: Province = form.cleaned_data["province"]
    create_missing = form.cleaned_data["create_missing"]

    try:
        parsed = parse_circular(data, filename)
    except UnreadableCircular as error:
        # Nothing is kept of an unreadable file: the user must pick another one.
        return {"file_problem": in_both_languages(error), "file_where": error.where}
    try:
        result = preview_import(
            data, filename, province=province, parsed=parsed, create_missing=create_missing
        )
    except ImportRefused as error:
        # Readable but refused: keep the file, so that ticking "create the round" (or choosing
        # another province) does not mean uploading it again.
        staged = staging.stage(
            request.session,
            user_id,
            data,
            filename,
            province=province.pk,
            create_missing=create_missing,
            previewed=False,
        )
        return {
            "refusal": in_both_languages(error),
            "refusal_where": error.where,
            "offer_create": isinstance(error, RoundMissing | IndicatorMissing),
            "staged": staged,
        }
    if result.already_imported:
        return {"already": result, "filename": filename}
    staged = staging.stage(
        request.session,
        user_id,
        data,
        filename,
        province=province.pk,
        create_missing=create_missing,
        previewed=True,
    )
    return {
        "preview": describe(parsed, result),
        "warnings": [in_both_languages(note) for note in result.warnings],
        "staged": staged,
        "province": province,
    }


def _confirm(request: HttpRequest, provinces: QuerySet[Province]) -> HttpResponse:
    """Import the file this session previewed, with the options previewed."""
    user_id: int = request.user.pk  # type: ignore[assignment]  # login_required
    staged = staging.find(request.session, request.POST.get("staged"))
    data = staging.read(user_id, staged) if staged and staged.previewed else None
    province = provinces.filter(pk=staged.province).first() if staged else None
    if staged is None or data is None or province is None:
        messages.error(request, _("ไม่พบไฟล์ที่ตรวจสอบไว้ กรุณาอัปโหลดหนังสือเวียนอีกครั้ง"))
        return redirect("import")
    try:
        result = import_circular(
            data,
            staged.filename,
            by=request.user,  # type: ignore[arg-type]  # login_required
            province=province,
            create_missing=staged.create_missing,
        )
    except ImportRefused as error:
        # The database changed since the preview (someone imported a conflicting circular).
        form = ImportForm(
            initial={"province": province, "create_missing": staged.create_missing},
            provinces=provinces,
        )
        context = {
            "form": form,
            "refusal": in_both_languages(error),
            "refusal_where": error.where,
            "staged": staged,
        }
        return render(request, "documents/import.html", context)
    staging.discard(request.session, user_id, staged.sha256)
    document = result.document
    assert document is not None  # an import, done now or before, stores its document
    if result.already_imported:
        messages.info(
            request,
            _("หนังสือ %(number)s นำเข้าไว้แล้ว ไม่มีการเปลี่ยนแปลง")
            % {"number": document.number or document.original_filename},
        )
    else:
        messages.success(
            request,
            _("นำเข้าหนังสือ %(number)s แล้ว: ตัวชี้วัดใหม่ %(indicators)s ฉบับของตัวชี้วัดที่บันทึก %(versions)s")
            % {
                "number": document.number or document.original_filename,
                "indicators": result.created.get("indicators", 0),
                "versions": result.created.get("versions", 0),
            },
        )
    if result.round is None:
        return redirect("home")
    return redirect("round", pk=result.round.pk)
