"""Agreements: who sees them, edits them and acknowledges them for which side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from kpi.access.actors import (
    DISTRICT_HEAD,
    EVALUATOR,
    actor,
    has_provincial_role,
    is_province_admin,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.agreements.models import Agreement

    User = AbstractBaseUser | AnonymousUser


def visible_agreements(user: User) -> QuerySet[Agreement]:
    from kpi.agreements.models import Agreement

    who = actor(user)
    agreements = Agreement.objects.select_related("round", "district", "evaluatee", "evaluator")
    if who.is_superuser:
        return agreements
    if who.province_id is None or not who.roles:
        return agreements.none()
    if who.is_provincial:
        return agreements.filter(round__province_id=who.province_id)
    return agreements.filter(round__province_id=who.province_id, district_id=who.district_id)


def agreement_or_404(user: User, pk: int) -> Agreement:
    found = visible_agreements(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_edit_agreement(user: User, agreement: Agreement) -> bool:
    """Items, weights and extra indicators: the administrator, while the round is a draft."""
    return agreement.round.status == "draft" and is_province_admin(
        user, agreement.round.province_id
    )


def agreement_side(user: User, agreement: Agreement) -> str | None:
    """``"evaluator"`` or ``"evaluatee"``: the party *user* acknowledges for, or None.

    The evaluatee of a team agreement is the office, for which its head acknowledges.
    """
    who = actor(user)
    person = who.person
    if person is None:
        return None
    if agreement.evaluator_id == person.pk:
        return "evaluator"
    if agreement.evaluatee_id == person.pk:
        return "evaluatee"
    if (
        agreement.kind == "team"
        and person.district_id == agreement.district_id
        and DISTRICT_HEAD in who.roles
    ):
        return "evaluatee"
    if (
        agreement.evaluator_id is None
        and has_provincial_role(who, {EVALUATOR}, agreement.round.province_id)
        and not who.is_superuser
    ):
        return "evaluator"
    return None


def can_acknowledge(user: User, agreement: Agreement) -> bool:
    side = agreement_side(user, agreement)
    return (
        side is not None
        and getattr(agreement, f"{side}_acknowledged_at") is None
        and agreement.round.status in ("draft", "open")
    )
