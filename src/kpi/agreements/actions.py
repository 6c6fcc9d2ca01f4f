"""Writes to agreements. Each is atomic, locks what it changes, and is audited (who, why)
through django-simple-history. Who may call them is ``kpi.access``'s decision
(``can_manage_round``, ``can_edit_agreement``, ``can_acknowledge``); these check the state.

Agreements change only while their round is a draft: once open, districts report against them.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from kpi import access
from kpi.agreements.errors import (
    AlreadyAcknowledged,
    IndicatorRefused,
    ItemExists,
    ItemHasResults,
    NotAParty,
    RoundStatusRefused,
    WeightInvalid,
)
from kpi.agreements.models import Agreement, AgreementItem
from kpi.agreements.parties import district_heads, districts_of, evaluator_of
from kpi.org.audit import save_audited
from kpi.org.models import District, Person
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from kpi.scoring import InvalidValue, weights_total

User = AbstractBaseUser

CREATED = "จัดทำคำรับรองจากตัวชี้วัดของรอบการประเมิน"
ITEM_ADDED = "เพิ่มตัวชี้วัดในคำรับรอง"
ITEM_REMOVED = "นำตัวชี้วัดออกจากคำรับรอง"
WEIGHT_SET = "กำหนดน้ำหนักเฉพาะอำเภอ"
WEIGHT_RESET = "ใช้น้ำหนักตามหนังสือแจ้งตัวชี้วัด"
ACKNOWLEDGED = "รับทราบคำรับรอง"
ACKNOWLEDGEMENT_WITHDRAWN = "คำรับรองเปลี่ยนหลังรับทราบ ทั้งสองฝ่ายต้องรับทราบใหม่"
ACKNOWLEDGEMENT_FIELDS = [
    "evaluator_acknowledged_by",
    "evaluator_acknowledged_at",
    "evaluatee_acknowledged_by",
    "evaluatee_acknowledged_at",
]


def _lock_round(round_id: int, *allowed: str) -> Round:
    locked = Round.objects.select_for_update().get(pk=round_id)
    if locked.status not in allowed:
        raise RoundStatusRefused("status", status=locked.status)
    return locked


def _version_in_force(indicator: Indicator) -> IndicatorVersion:
    version = indicator.version_in_force
    if version is None:
        raise IndicatorRefused("indicator", number=indicator.number, problem="no_version")
    return version


@transaction.atomic
def create_agreements_for_round(
    round: Round, *, by: User | None, reason: str = CREATED
) -> list[Agreement]:
    """Create the agreements of *round* that do not exist yet; return the ones created.

    One team agreement per district office and one individual agreement per district head
    (``parties.district_heads``), each listing every indicator of its kind in the round at the
    weight of its version in force; the provincial head is the evaluator. Running it again
    creates only what is missing (a new district, a new head) and leaves existing agreements
    as they are: add a new indicator to them with ``add_indicator_to_agreements``.

    Raises:
        RoundStatusRefused: the round is not a draft.
        IndicatorRefused: an indicator has no version in force.
    """
    round = _lock_round(round.pk, Round.Status.DRAFT)
    indicators = list(Indicator.objects.for_round(round).with_version_in_force())
    weights = {indicator.pk: _version_in_force(indicator).weight for indicator in indicators}
    evaluator = evaluator_of(round.province)
    heads = district_heads(round.province)
    existing = Agreement.objects.for_round(round)
    with_team = set(existing.team().values_list("district_id", flat=True))
    with_own = set(existing.individual().values_list("evaluatee_id", flat=True))

    new: list[Agreement] = []
    for district in districts_of(round.province):
        head = heads.get(district.pk)
        if district.pk not in with_team:
            new.append(_agreement(round, Agreement.Kind.TEAM, district, head, evaluator))
        if head is not None and head.pk not in with_own:
            new.append(_agreement(round, Agreement.Kind.INDIVIDUAL, district, head, evaluator))
    created = bulk_create_with_history(
        new, Agreement, default_user=by, default_change_reason=reason
    )
    items = [
        AgreementItem(agreement=agreement, indicator=indicator, weight=weights[indicator.pk])
        for agreement in created
        for indicator in indicators
        if indicator.kind == agreement.kind
    ]
    bulk_create_with_history(items, AgreementItem, default_user=by, default_change_reason=reason)
    return created


def _withdraw_acknowledgements(agreement_ids: list[int], *, by: User | None) -> None:
    """Both parties accepted the agreement as it was: once it changes, neither has accepted
    the new one, so each must acknowledge it again."""
    signed = Agreement.objects.select_for_update().filter(pk__in=agreement_ids)
    signed = signed.exclude(evaluator_acknowledged_at=None, evaluatee_acknowledged_at=None)
    for agreement in signed.order_by("pk"):
        for field in ACKNOWLEDGEMENT_FIELDS:
            setattr(agreement, field, None)
        save_audited(
            agreement, by=by, reason=ACKNOWLEDGEMENT_WITHDRAWN, update_fields=ACKNOWLEDGEMENT_FIELDS
        )


def _agreement(
    round: Round, kind: str, district: District, head: Person | None, evaluator: Person | None
) -> Agreement:
    return Agreement(round=round, kind=kind, district=district, evaluatee=head, evaluator=evaluator)


@transaction.atomic
def add_indicator_to_agreements(
    indicator: Indicator, *, by: User | None, reason: str = ITEM_ADDED
) -> list[AgreementItem]:
    """Add *indicator* to every agreement of its kind in its round that lacks it.

    Raises:
        RoundStatusRefused: the round is not a draft.
        IndicatorRefused: the indicator has no version in force.
    """
    _lock_round(indicator.round_id, Round.Status.DRAFT)
    weight = _version_in_force(indicator).weight
    agreements = (
        Agreement.objects.filter(round_id=indicator.round_id, kind=indicator.kind)
        .exclude(items__indicator=indicator)
        .order_by("pk")
    )
    items = [AgreementItem(agreement=a, indicator=indicator, weight=weight) for a in agreements]
    _withdraw_acknowledgements([item.agreement_id for item in items], by=by)
    return bulk_create_with_history(
        items, AgreementItem, default_user=by, default_change_reason=reason
    )


def _checked_weight(weight: object) -> Decimal:
    try:
        return weights_total([weight])
    except InvalidValue as error:
        raise WeightInvalid("weight", cause=error) from error


def _lock_item(item: AgreementItem) -> AgreementItem:
    # The round first, as every action here does: one lock order, no deadlock.
    _lock_round(item.agreement.round_id, Round.Status.DRAFT)
    return (
        AgreementItem.objects.select_for_update(of=("self",))
        .select_related("agreement", "indicator")
        .get(pk=item.pk)
    )


@transaction.atomic
def set_item_weight(
    item: AgreementItem, weight: object, *, by: User | None, reason: str = WEIGHT_SET
) -> AgreementItem:
    """Give *item* a weight of its own (it then no longer follows revision notices).

    Raises:
        RoundStatusRefused: the round is not a draft.
        WeightInvalid: *weight* is not a number above 0.
    """
    number = _checked_weight(weight)
    item = _lock_item(item)
    item.weight = number
    item.custom_weight = True
    save_audited(item, by=by, reason=reason, update_fields=["weight", "custom_weight"])
    _withdraw_acknowledgements([item.agreement_id], by=by)
    return item


@transaction.atomic
def reset_item_weight(
    item: AgreementItem, *, by: User | None, reason: str = WEIGHT_RESET
) -> AgreementItem:
    """Back to the weight of the indicator's version in force."""
    item = _lock_item(item)
    item.weight = _version_in_force(item.indicator).weight
    item.custom_weight = False
    save_audited(item, by=by, reason=reason, update_fields=["weight", "custom_weight"])
    _withdraw_acknowledgements([item.agreement_id], by=by)
    return item


@transaction.atomic
def add_item(
    agreement: Agreement,
    indicator: Indicator,
    *,
    by: User | None,
    weight: object = None,
    reason: str = ITEM_ADDED,
) -> AgreementItem:
    """Add an extra *indicator* to this one agreement, at *weight* or its version's weight.

    Raises:
        RoundStatusRefused: the round is not a draft.
        IndicatorRefused: another round's indicator, the other kind, or no version in force.
        ItemExists: the agreement has it already.
        WeightInvalid: *weight* is not a number above 0.
    """
    _lock_round(agreement.round_id, Round.Status.DRAFT)
    if indicator.round_id != agreement.round_id:
        raise IndicatorRefused("indicator", number=indicator.number, problem="other_round")
    if indicator.kind != agreement.kind:
        raise IndicatorRefused("indicator", number=indicator.number, problem="other_kind")
    if agreement.items.filter(indicator=indicator).exists():
        raise ItemExists("indicator", number=indicator.number)
    version_weight = _version_in_force(indicator).weight
    item = AgreementItem(
        agreement=agreement,
        indicator=indicator,
        weight=version_weight if weight is None else _checked_weight(weight),
        custom_weight=weight is not None,
        extra=True,
    )
    save_audited(item, by=by, reason=reason)
    _withdraw_acknowledgements([agreement.pk], by=by)
    return item


@transaction.atomic
def remove_item(item: AgreementItem, *, by: User | None, reason: str = ITEM_REMOVED) -> None:
    """Take an indicator out of an agreement; its empty draft results go with it.

    Raises:
        RoundStatusRefused: the round is not a draft.
        ItemHasResults: a district has reported on it (a value, a step, evidence, a state).
    """
    from kpi.results.models import Result

    item = _lock_item(item)
    results = Result.objects.select_for_update().filter(item=item).order_by("pk")
    if results.reported().exists():
        raise ItemHasResults("indicator", number=item.indicator.number)
    for result in results:
        _delete_audited(result, by=by, reason=reason)
    _delete_audited(item, by=by, reason=reason)
    _withdraw_acknowledgements([item.agreement_id], by=by)


def _delete_audited(obj: Model, *, by: User | None, reason: str) -> None:
    obj._history_user = by  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.delete()


@transaction.atomic
def acknowledge(agreement: Agreement, *, by: User) -> Agreement:
    """Record that *by* (the evaluator, or the evaluatee or their office's head) has read
    and accepts the agreement; each side once.

    Raises:
        NotAParty: *by* is neither party (``access.agreement_side``).
        AlreadyAcknowledged: their side has acknowledged it already.
        RoundStatusRefused: the round is neither a draft nor open.
    """
    _lock_round(agreement.round_id, Round.Status.DRAFT, Round.Status.OPEN)
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    side = access.agreement_side(by, agreement)
    if side is None:
        raise NotAParty("agreement")
    if getattr(agreement, f"{side}_acknowledged_at") is not None:
        raise AlreadyAcknowledged("agreement", side=side)
    setattr(agreement, f"{side}_acknowledged_by", access.actor(by).person)
    setattr(agreement, f"{side}_acknowledged_at", timezone.now())
    save_audited(
        agreement,
        by=by,
        reason=ACKNOWLEDGED,
        update_fields=[f"{side}_acknowledged_by", f"{side}_acknowledged_at"],
    )
    return agreement
