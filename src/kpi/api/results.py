"""Results: read by whoever ``kpi.access`` lets see them; written by their district
through the workflow's actions (save, submit, evidence). Reviewing (verify, return, approve)
stays on the pages."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile
from ninja.pagination import paginate

from kpi import access
from kpi.api.pagination import Page
from kpi.api.responses import READ, WRITE
from kpi.api.schemas import Error, ObjectId
from kpi.api.workflow_schemas import EvidenceOut, LinkIn, ResultIn, ResultOut, SubmitIn
from kpi.results.actions import (
    StepInput,
    add_evidence_file,
    add_evidence_link,
    remove_evidence,
    save_result,
    submit_result,
)
from kpi.results.models import Evidence, Result
from kpi.rounds.models import IndicatorVersion

router = Router(tags=["results"])
evidence_router = Router(tags=["results"])
#: Files may also be refused for their size (413) or type (415).
UPLOAD = {**WRITE, 413: Error, 415: Error}


def loaded(results: QuerySet[Result]) -> QuerySet[Result]:
    """*results* with what ``ResultOut`` and ``kpi.access.result_permissions`` read: the
    version in force of each indicator and its round (the owner's check), steps, evidence.
    Five queries for any number of results."""
    in_force = IndicatorVersion.objects.in_force()
    return results.select_related("item__indicator__round").prefetch_related(
        Prefetch("item__indicator__versions", in_force, to_attr="versions_in_force"),
        "steps",
        "evidence",
    )


def _reloaded(pk: int) -> Result:
    return loaded(Result.objects.with_related()).get(pk=pk)


@router.get(
    "", response={200: list[ResultOut], **READ}, summary="ผลการดำเนินงานที่เห็นได้", by_alias=True
)
@paginate(Page)
def list_results(
    request: HttpRequest,
    round: ObjectId | None = None,
    district: ObjectId | None = None,
    indicator: ObjectId | None = None,
    state: Result.State | None = None,
) -> QuerySet[Result]:
    """Results the caller may see (their district's; every district's for the provincial
    office; an indicator owner's indicators), by district and indicator."""
    results = loaded(access.visible_results(request.user))
    if round is not None:
        results = results.filter(item__agreement__round_id=round)
    if district is not None:
        results = results.filter(district_id=district)
    if indicator is not None:
        results = results.filter(item__indicator_id=indicator)
    if state is not None:
        results = results.filter(state=state)
    return results


@router.get("/{id}", response={200: ResultOut, **READ}, summary="ผลการดำเนินงาน", by_alias=True)
def get_result(request: HttpRequest, id: ObjectId) -> Result:
    access.result_or_404(request.user, id)
    return _reloaded(id)


@router.patch(
    "/{id}", response={200: ResultOut, **WRITE}, summary="บันทึกผลการดำเนินงาน", by_alias=True
)
def update_result(request: HttpRequest, id: ObjectId, body: ResultIn) -> Result:
    """Change the value, its parts, the note or steps (only those sent); the level is
    recomputed. A save by someone else since ``expected_version`` is a 409 ``conflict``."""
    user = request.user
    result = access.result_or_404(user, id)
    access.require(access.can_edit_result(user, result))
    changes: dict[str, Any] = body.model_dump(exclude_unset=True, exclude={"expected_version"})
    if "steps" in changes:
        changes["steps"] = {step.step: StepInput(step.done, step.note) for step in body.steps or []}
    save_result(result, by=user, expected_version=body.expected_version, **changes)  # type: ignore[arg-type]
    return _reloaded(id)


@router.post(
    "/{id}/submit", response={200: ResultOut, **WRITE}, summary="ส่งผลการดำเนินงาน", by_alias=True
)
def submit(request: HttpRequest, id: ObjectId, body: SubmitIn) -> Result:
    """Send a draft (or a returned result, again) for verification."""
    user = request.user
    result = access.result_or_404(user, id)
    access.require(access.can_submit(user, result))
    submit_result(result, by=user, expected_version=body.expected_version)  # type: ignore[arg-type]
    return _reloaded(id)


@router.post("/{id}/evidence/links", response={201: EvidenceOut, **WRITE}, summary="เพิ่มลิงก์หลักฐาน")
def add_link(request: HttpRequest, id: ObjectId, body: LinkIn) -> Status[Evidence]:
    user = request.user
    result = access.result_or_404(user, id)
    access.require(access.can_edit_result(user, result))
    evidence = add_evidence_link(result, body.url, by=user, title=body.title)  # type: ignore[arg-type]
    return Status(201, evidence)


@router.post("/{id}/evidence/files", response={201: EvidenceOut, **UPLOAD}, summary="เพิ่มไฟล์หลักฐาน")
def add_file(
    request: HttpRequest, id: ObjectId, file: File[UploadedFile], title: Form[str] = ""
) -> Status[Evidence]:
    """A PDF, image, DOCX or XLSX (the type is read from the content), up to the size limit."""
    user = request.user
    result = access.result_or_404(user, id)
    access.require(access.can_edit_result(user, result))
    evidence = add_evidence_file(result, file, by=user, title=title)  # type: ignore[arg-type]
    return Status(201, evidence)


@evidence_router.delete("/{id}", response={204: None, **WRITE}, summary="นำหลักฐานออก")
def delete_evidence(request: HttpRequest, id: ObjectId) -> Status[None]:
    user = request.user
    evidence = access.evidence_or_404(user, id)
    access.require(access.can_remove_evidence(user, evidence))
    remove_evidence(evidence, by=user)  # type: ignore[arg-type]
    return Status(204, None)
