"""Notices issued from the app, agreement forms, scorecards and the round's workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from kpi.access.actors import (
    PROVINCE_WIDE_ROLES,
    actor,
    has_provincial_role,
    is_province_admin,
)
from kpi.access.agreements import visible_agreements
from kpi.access.rounds import can_see_round

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.agreements.models import Agreement
    from kpi.notices.models import Notice
    from kpi.org.models import Person
    from kpi.rounds.models import Round

    User = AbstractBaseUser | AnonymousUser

# --- Notices issued from the app (kpi.notices) -------------------------------------------------
#
# Only the provincial administrator drafts, revises, previews, discards and issues notices. An
# issued notice is a circular to every district office: whoever sees the round may read it and
# download its files. Drafts and discarded drafts are the administrator's alone (404 to others).


def can_revise(user: User, round: Round) -> bool:
    """Draft a revision of the round's indicators (the round's status allows one)."""
    from kpi.notices.states import REVISABLE

    return round.status in REVISABLE and is_province_admin(user, round.province_id)


def can_issue_notice(user: User, round: Round) -> bool:
    """Issue, discard and edit the round's notices (the actions check the round's status)."""
    return is_province_admin(user, round.province_id)


def can_issue_first_circular(user: User, round: Round) -> bool:
    from kpi.notices.states import FIRST_CIRCULAR

    return round.status in FIRST_CIRCULAR and is_province_admin(user, round.province_id)


def visible_notices(user: User) -> QuerySet[Notice]:
    """Issued notices of the rounds *user* sees; drafts too for the province's administrator."""
    from kpi.notices.models import Notice

    who = actor(user)
    notices = Notice.objects.select_related("round__province")
    if who.is_superuser:
        return notices
    if who.province_id is None:
        return notices.none()
    notices = notices.filter(round__province_id=who.province_id)
    if is_province_admin(user, who.province_id):
        return notices
    return notices.filter(state="issued")


def notice_or_404(user: User, pk: int) -> Notice:
    found = visible_notices(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- Reports: agreement forms, scorecards and the round's workbook (kpi.documents.report_views)
#
# An agreement form: whoever sees that district's agreements (``visible_agreements``). A
# scorecard is personal: the province's wide roles (administrator, evaluator, viewer) see
# everyone's, an appraised person their own, nobody else any (404); and only once the round's
# results are approved (403 before). The round's workbook: the province's wide roles.

#: round statuses in which the results are approved and locked
SCORECARD_STATUSES = ("approved", "archived")


def district_agreements_or_404(user: User, round: Round, district_pk: int) -> QuerySet[Agreement]:
    """The agreements of one district in *round* that *user* sees; 404 when there are none."""
    agreements = visible_agreements(user).filter(round=round, district_id=district_pk)
    if not agreements.exists():
        raise Http404
    return agreements


def visible_scorecard_people(user: User, round: Round) -> QuerySet[Person]:
    """The people appraised in *round* (an individual agreement's evaluatee) whose scorecard
    *user* may see."""
    from kpi.org.models import Person

    who = actor(user)
    people = Person.objects.select_related("district", "province").filter(
        agreements_as_evaluatee__round=round, agreements_as_evaluatee__kind="individual"
    )
    if has_provincial_role(who, PROVINCE_WIDE_ROLES, round.province_id):
        return people
    if who.person is not None and who.roles and who.province_id == round.province_id:
        return people.filter(pk=who.person.pk)
    return people.none()


def scorecard_person_or_404(user: User, round: Round, pk: int) -> Person:
    found = visible_scorecard_people(user, round).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_download_scorecard(user: User, round: Round) -> bool:
    """Scorecards exist once the round's results are approved (and locked)."""
    return round.status in SCORECARD_STATUSES and can_see_round(user, round)


def can_download_scorecard_of(user: User, round: Round, person_id: int | None) -> bool:
    """One person's scorecard: the round is approved and *user* sees that person's."""
    return (
        person_id is not None
        and can_download_scorecard(user, round)
        and visible_scorecard_people(user, round).filter(pk=person_id).exists()
    )


def can_export_results(user: User, round: Round) -> bool:
    """The round's results of every district as a workbook: the province's wide roles."""
    return has_provincial_role(actor(user), PROVINCE_WIDE_ROLES, round.province_id)
