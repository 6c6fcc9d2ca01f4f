"""Rounds, their indicators, districts, imported circulars; managing a round and following it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from kpi.access.actors import (
    AUDITORS,
    PROVINCE_ADMIN,
    PROVINCE_WIDE_ROLES,
    actor,
    has_provincial_role,
    is_province_admin,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.documents.models import SourceDocument
    from kpi.org.models import District, Province
    from kpi.rounds.models import Indicator, Round

    User = AbstractBaseUser | AnonymousUser


def visible_rounds(user: User) -> QuerySet[Round]:
    from kpi.rounds.models import Round

    who = actor(user)
    rounds = Round.objects.select_related("province")
    if who.is_superuser:
        return rounds
    if who.province_id is None:
        return rounds.none()
    return rounds.filter(province_id=who.province_id)


def round_or_404(user: User, pk: int) -> Round:
    found = visible_rounds(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def indicator_or_404(user: User, pk: int) -> Indicator:
    from kpi.rounds.models import Indicator

    indicator = Indicator.objects.select_related("round__province").filter(pk=pk).first()
    if indicator is None or not can_see_round(user, indicator.round):
        raise Http404
    return indicator


def can_see_round(user: User, round: Round) -> bool:
    who = actor(user)
    return who.is_superuser or (
        who.province_id is not None and round.province_id == who.province_id
    )


def visible_districts(user: User, province: Province) -> QuerySet[District]:
    """Every district of the province for provincial staff; only their own for a district."""
    who = actor(user)
    districts = province.districts.all()
    if who.is_superuser or (who.is_provincial and who.province_id == province.pk):
        return districts
    if who.district_id is not None and who.province_id == province.pk:
        return districts.filter(pk=who.district_id)
    return districts.none()


def can_import(user: User) -> bool:
    """Importing circulars changes a round's indicators: the provincial administrator's job."""
    who = actor(user)
    return who.is_superuser or (PROVINCE_ADMIN in who.roles and who.is_provincial)


def require_import(user: User) -> None:
    if not can_import(user):
        raise PermissionDenied


def importable_provinces(user: User) -> QuerySet[Province]:
    from kpi.org.models import Province

    who = actor(user)
    if who.is_superuser:
        return Province.objects.all()
    if can_import(user) and who.province_id is not None:
        return Province.objects.filter(pk=who.province_id)
    return Province.objects.none()


def source_document_or_404(user: User, pk: int) -> SourceDocument:
    from kpi.documents.models import SourceDocument

    document = SourceDocument.objects.filter(pk=pk).first()
    who = actor(user)
    if document is None or not (who.is_superuser or document.province_id == who.province_id):
        raise Http404
    return document


def can_manage_round(user: User, round: Round) -> bool:
    """Create agreements, open, close, approve, archive and re-open a round; set its deadline."""
    return is_province_admin(user, round.province_id)


def can_see_reporting(user: User, round: Round) -> bool:
    """Who has not submitted, per indicator and district: the provincial office's roles."""
    return has_provincial_role(actor(user), PROVINCE_WIDE_ROLES, round.province_id)


def can_see_audit_log(user: User, province_id: int) -> bool:
    return has_provincial_role(actor(user), AUDITORS, province_id)


def visible_districts_anywhere(user: User) -> QuerySet[District]:
    """Every district for a superuser; otherwise ``visible_districts`` of the user's own
    province (all of them for provincial staff, their own for a district's people)."""
    from kpi.org.models import District

    who = actor(user)
    if who.is_superuser:
        return District.objects.all()
    if who.person is None:
        return District.objects.none()
    return visible_districts(user, who.person.province)


def district_or_404(user: User, pk: int) -> District:
    found = visible_districts_anywhere(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
