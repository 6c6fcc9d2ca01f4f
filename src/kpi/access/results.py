"""Results, their evidence and notifications.

A district office's people (district_head, district_staff, viewer) see their own district's
results; the province administrator, the evaluator and a provincial viewer see every
district's; an indicator owner (provincial, with a unit) sees every district's results of the
indicators whose version in force their unit is responsible for, and verifies or returns
those. The evaluator approves; the administrator re-opens. The state rules (who acts in which
state) are ``kpi.results.states``, shared with the actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from kpi.access.actors import (
    DISTRICT_WRITERS,
    EVALUATOR,
    INDICATOR_OWNER,
    PROVINCE_WIDE_ROLES,
    actor,
    has_provincial_role,
    is_province_admin,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.results.models import Evidence, Notification, Result
    from kpi.rounds.models import Indicator

    User = AbstractBaseUser | AnonymousUser


def visible_results(user: User) -> QuerySet[Result]:
    from kpi.results.models import Result

    who = actor(user)
    results = Result.objects.with_related()
    if who.is_superuser:
        return results
    if who.province_id is None or not who.roles:
        return results.none()
    results = results.filter(district__province_id=who.province_id)
    if not who.is_provincial:
        return results.filter(district_id=who.district_id)
    if who.roles & PROVINCE_WIDE_ROLES:
        return results
    if INDICATOR_OWNER in who.roles and who.person is not None and who.person.unit_id:
        # One filter() call: both conditions hold for the same (the in-force) version.
        return results.filter(
            item__indicator__versions__in_force=True,
            item__indicator__versions__responsible_unit_id=who.person.unit_id,
        )
    return results.none()


def result_or_404(user: User, pk: int) -> Result:
    found = visible_results(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def owns_indicator(user: User, indicator: Indicator) -> bool:
    """The indicator owner of the unit responsible for *indicator*'s version in force."""
    who = actor(user)
    if who.is_superuser:
        return True
    if INDICATOR_OWNER not in who.roles or not who.is_provincial or who.person is None:
        return False
    version = indicator.version_in_force
    return (
        who.person.unit_id is not None
        and version is not None
        and version.responsible_unit_id == who.person.unit_id
        and indicator.round.province_id == who.province_id
    )


def _round_status(result: Result) -> str:
    return result.item.agreement.round.status


def can_edit_result(user: User, result: Result) -> bool:
    """Values, steps and evidence: the district's head or staff, while the result is draft
    or returned and the round open."""
    from kpi.results import states

    who = actor(user)
    writer = who.is_superuser or (
        who.district_id == result.district_id and bool(who.roles & DISTRICT_WRITERS)
    )
    return writer and result.state in states.EDITABLE and _round_status(result) in states.REPORTING


def can_submit(user: User, result: Result) -> bool:
    """Submit (from draft) or resubmit (from returned): whoever may edit it."""
    return can_edit_result(user, result)


def can_verify(user: User, result: Result) -> bool:
    from kpi.results import states

    return (
        result.state in states.REVIEWABLE
        and _round_status(result) in states.REVIEWING
        and owns_indicator(user, result.item.indicator)
    )


def can_return(user: User, result: Result) -> bool:
    from kpi.results import states

    return (
        result.state in states.REVIEWABLE
        and _round_status(result) in states.REPORTING
        and owns_indicator(user, result.item.indicator)
    )


def can_approve(user: User, result: Result) -> bool:
    from kpi.results import states

    return (
        result.state in states.APPROVABLE
        and _round_status(result) in states.REVIEWING
        and has_provincial_role(actor(user), {EVALUATOR}, result.district.province_id)
    )


def can_reopen(user: User, result: Result) -> bool:
    """Back to draft, with a reason: the administrator, while the round is open."""
    from kpi.results import states

    return (
        result.state in states.REOPENABLE
        and _round_status(result) in states.REPORTING
        and is_province_admin(user, result.district.province_id)
    )


@dataclass(frozen=True)
class ResultPermissions:
    """What a result's page may offer *user*: computed here, shown by templates."""

    edit: bool
    submit: bool
    return_: bool
    verify: bool
    approve: bool
    reopen: bool


def result_permissions(user: User, result: Result) -> ResultPermissions:
    return ResultPermissions(
        edit=can_edit_result(user, result),
        submit=can_submit(user, result),
        return_=can_return(user, result),
        verify=can_verify(user, result),
        approve=can_approve(user, result),
        reopen=can_reopen(user, result),
    )


def evidence_or_404(user: User, pk: int) -> Evidence:
    """Evidence (to download, say) of a result *user* may see."""
    from kpi.results.models import Evidence

    evidence = Evidence.objects.filter(pk=pk, result__in=visible_results(user)).first()
    if evidence is None:
        raise Http404
    return evidence


def can_remove_evidence(user: User, evidence: Evidence) -> bool:
    return can_edit_result(user, evidence.result)


def visible_notifications(user: User) -> QuerySet[Notification]:
    from kpi.results.models import Notification

    person = actor(user).person
    if person is None:
        return Notification.objects.none()
    return Notification.objects.for_person(person)


def waiting_for(user: User) -> Q:
    """The results *user*'s roles act on next, as a filter of ``visible_results``: owners
    verify or return submitted ones (of the indicators they see), the evaluator approves
    verified ones, a district's head and staff complete and send drafts and returned ones.
    Nothing for other roles."""
    from kpi.results import states

    who = actor(user)
    wanted = Q(pk__in=[])
    round_status = "item__agreement__round__status__in"
    if INDICATOR_OWNER in who.roles:
        wanted |= Q(state__in=states.REVIEWABLE, **{round_status: states.REVIEWING})
    if EVALUATOR in who.roles:
        wanted |= Q(state__in=states.APPROVABLE, **{round_status: states.REVIEWING})
    if who.roles & DISTRICT_WRITERS and who.district_id is not None:
        wanted |= Q(state__in=states.EDITABLE, **{round_status: states.REPORTING})
    return wanted
