"""Downloads of the printed reports: a district's agreement form (PDF, DOCX), a person's
scorecard after approval (PDF), every scorecard of the round in one PDF, and the round's
results as a workbook (XLSX).

Each view asks ``kpi.access`` for the round and what it may print (what the user may not see
is a 404, what is not ready or not theirs to export a 403), has ``kpi.documents.reports``
compose it and ``kpi.documents.writing`` write it. ``?digits=arabic`` prints Arabic digits
instead of the customary Thai ones.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from kpi import access
from kpi.documents import reports
from kpi.rounds.models import Round

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _thai_digits(request: HttpRequest) -> bool:
    return request.GET.get("digits") != "arabic"


def _file(data: bytes, filename: str, content_type: str) -> HttpResponse:
    """The bytes as a download; a PDF opens in the browser, the others are saved."""
    response = HttpResponse(data, content_type=content_type)
    disposition = content_disposition_header(content_type != PDF, filename)
    if disposition:
        response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"  # personal scores: never in a shared cache
    return response


def _round_name(round: Round) -> str:
    return f"{round.fiscal_year}-{round.number}"


@require_GET
@login_required
def agreement_form(request: HttpRequest, round_pk: int, district_pk: int, fmt: str) -> HttpResponse:
    round = access.round_or_404(request.user, round_pk)
    agreements = access.district_agreements_or_404(request.user, round, district_pk)
    document = reports.agreement_forms(round, agreements, thai_digits=_thai_digits(request))
    code = agreements.first().district.dopa_code  # type: ignore[union-attr]
    filename = f"คำรับรอง-{code}-{_round_name(round)}.{fmt}"
    if fmt == "docx":
        from kpi.documents.writing.agreement_form_docx import agreement_forms_docx

        return _file(agreement_forms_docx(document), filename, DOCX)
    from kpi.documents.writing.agreement_form import agreement_forms_pdf

    return _file(agreement_forms_pdf(document), filename, PDF)


@require_GET
@login_required
def scorecard(request: HttpRequest, round_pk: int, person_pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, round_pk)
    person = access.scorecard_person_or_404(request.user, round, person_pk)
    access.require(access.can_download_scorecard(request.user, round))
    from kpi.documents.writing.scorecard import scorecards_pdf

    document = reports.scorecards(round, [person], thai_digits=_thai_digits(request))
    code = person.district.dopa_code if person.district_id else "จังหวัด"
    return _file(scorecards_pdf(document), f"ผลการประเมิน-{code}-{_round_name(round)}.pdf", PDF)


@require_GET
@login_required
def round_scorecards(request: HttpRequest, round_pk: int) -> HttpResponse:
    """Every scorecard the user may see, one person a page, to print in one go."""
    round = access.round_or_404(request.user, round_pk)
    people = list(
        access.visible_scorecard_people(request.user, round).order_by(
            "district__dopa_code", "first_name", "pk"
        )
    )
    if not people:
        raise Http404
    access.require(access.can_download_scorecard(request.user, round))
    from kpi.documents.writing.scorecard import scorecards_pdf

    document = reports.scorecards(round, people, thai_digits=_thai_digits(request))
    return _file(scorecards_pdf(document), f"ผลการประเมิน-{_round_name(round)}.pdf", PDF)


@require_GET
@login_required
def round_results(request: HttpRequest, round_pk: int) -> HttpResponse:
    round = access.round_or_404(request.user, round_pk)
    access.require(access.can_export_results(request.user, round))
    from kpi.documents.writing.xlsx import write_workbook

    data = write_workbook(reports.results_workbook(round), title=f"ผลการดำเนินงาน {round}")
    return _file(data, f"ผลการดำเนินงาน-{_round_name(round)}.xlsx", XLSX)
