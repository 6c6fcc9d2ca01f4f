"""Agreements: read by both parties and the province; acknowledged by their parties."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from kpi import access
from kpi.agreements.actions import acknowledge
from kpi.agreements.models import Agreement
from kpi.api.pagination import Page
from kpi.api.responses import READ, WRITE
from kpi.api.schemas import ObjectId
from kpi.api.workflow_schemas import AgreementOut

router = Router(tags=["agreements"])


@router.get("", response={200: list[AgreementOut], **READ}, summary="คำรับรองที่เห็นได้")
@paginate(Page)
def list_agreements(
    request: HttpRequest,
    round: ObjectId | None = None,
    district: ObjectId | None = None,
    kind: Agreement.Kind | None = None,
) -> QuerySet[Agreement]:
    """The caller's agreements: every district's for the provincial office, their own
    district's (team and individual) for a district's people."""
    agreements = access.visible_agreements(request.user).with_items()
    if round is not None:
        agreements = agreements.filter(round_id=round)
    if district is not None:
        agreements = agreements.filter(district_id=district)
    if kind is not None:
        agreements = agreements.filter(kind=kind)
    return agreements


@router.get("/{id}", response={200: AgreementOut, **READ}, summary="คำรับรอง")
def get_agreement(request: HttpRequest, id: ObjectId) -> Agreement:
    access.agreement_or_404(request.user, id)
    return Agreement.objects.with_items().get(pk=id)


@router.post("/{id}/acknowledge", response={200: AgreementOut, **WRITE}, summary="รับทราบคำรับรอง")
def acknowledge_agreement(request: HttpRequest, id: ObjectId) -> Agreement:
    """The caller acknowledges the agreement for their side (evaluator or evaluatee)."""
    user = request.user
    agreement = access.agreement_or_404(user, id)
    access.require(access.can_acknowledge(user, agreement))
    acknowledge(agreement, by=user)  # type: ignore[arg-type]
    return Agreement.objects.with_items().get(pk=id)
