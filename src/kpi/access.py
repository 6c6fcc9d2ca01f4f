"""The only place that decides who may see or change what.

Roles are Django groups (names below); a user's office comes from their ``Person``:
a provincial office person (no district) sees every district of the province; a district
person sees only their own district's data. Views and the API ask these functions and never
decide by themselves. What a user may not see is a 404 (``*_or_404``); what they may see but
not change is a ``PermissionDenied`` (403).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.agreements.models import Agreement
    from kpi.documents.models import SourceDocument
    from kpi.notices.models import Notice
    from kpi.org.models import District, Person, Province
    from kpi.results.models import Evidence, Notification, Result
    from kpi.rounds.models import Indicator, Round

    User = AbstractBaseUser | AnonymousUser

# Group names: stable identifiers; their Thai labels are in ROLE_LABELS.
PROVINCE_ADMIN = "province_admin"
EVALUATOR = "evaluator"
INDICATOR_OWNER = "indicator_owner"
DISTRICT_HEAD = "district_head"
DISTRICT_STAFF = "district_staff"
VIEWER = "viewer"
ROLES = (PROVINCE_ADMIN, EVALUATOR, INDICATOR_OWNER, DISTRICT_HEAD, DISTRICT_STAFF, VIEWER)
ROLE_LABELS = {
    PROVINCE_ADMIN: _("ผู้ดูแลระบบระดับจังหวัด"),
    EVALUATOR: _("ผู้ประเมิน (พัฒนาการจังหวัด)"),
    INDICATOR_OWNER: _("หน่วยงานเจ้าของตัวชี้วัด"),
    DISTRICT_HEAD: _("พัฒนาการอำเภอ"),
    DISTRICT_STAFF: _("เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอ"),
    VIEWER: _("ผู้ดูข้อมูล"),
}


@dataclass(frozen=True)
class Actor:
    """What access needs to know of a user, loaded once per request (two queries at most)."""

    user_id: int | None
    is_superuser: bool
    roles: frozenset[str]
    person: Person | None

    @property
    def province_id(self) -> int | None:
        return self.person.province_id if self.person else None

    @property
    def district_id(self) -> int | None:
        return self.person.district_id if self.person else None

    @property
    def is_provincial(self) -> bool:
        """Provincial office staff (and superusers) see every district of their province."""
        return self.is_superuser or (self.person is not None and self.person.district_id is None)


def actor(user: User) -> Actor:
    """The user's roles and office, cached on the user object for the rest of the request."""
    cached = getattr(user, "_kpi_actor", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        result = Actor(None, False, frozenset(), None)
    else:
        from kpi.org.models import Person

        person = (
            Person.objects.select_related("province", "district", "unit").filter(user=user).first()
        )
        roles = frozenset(user.groups.values_list("name", flat=True))  # type: ignore[union-attr]
        result = Actor(user.pk, bool(user.is_superuser), roles, person)
    user._kpi_actor = result  # type: ignore[union-attr]
    return result


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


# --- Agreements, results, evidence, notifications and the audit log -----------------------
#
# Results: a district office's people (district_head, district_staff, viewer) see their own
# district's; the province administrator, the evaluator and a provincial viewer see every
# district's; an indicator owner (provincial, with a unit) sees every district's results of
# the indicators whose version in force their unit is responsible for, and verifies or returns
# those. The evaluator approves; the administrator manages agreements and rounds and re-opens.
# The state rules (who acts in which state) are kpi.results.states, shared with the actions.

PROVINCE_WIDE_ROLES = frozenset({PROVINCE_ADMIN, EVALUATOR, VIEWER})
DISTRICT_WRITERS = frozenset({DISTRICT_HEAD, DISTRICT_STAFF})
AUDITORS = frozenset({PROVINCE_ADMIN, EVALUATOR})


def require(allowed: bool) -> None:
    """``PermissionDenied`` (403) unless *allowed*: ``require(can_verify(user, result))``."""
    if not allowed:
        raise PermissionDenied


def _provincial_role(who: Actor, roles: frozenset[str] | set[str], province_id: int) -> bool:
    return who.is_superuser or (
        who.is_provincial and who.province_id == province_id and bool(who.roles & roles)
    )


def is_province_admin(user: User, province_id: int) -> bool:
    return _provincial_role(actor(user), {PROVINCE_ADMIN}, province_id)


def can_manage_round(user: User, round: Round) -> bool:
    """Create agreements, open, close, approve, archive and re-open a round; set its deadline."""
    return is_province_admin(user, round.province_id)


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
        and _provincial_role(who, {EVALUATOR}, agreement.round.province_id)
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
        and _provincial_role(actor(user), {EVALUATOR}, result.district.province_id)
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


def can_see_reporting(user: User, round: Round) -> bool:
    """Who has not submitted, per indicator and district: the provincial office's roles."""
    return _provincial_role(actor(user), PROVINCE_WIDE_ROLES, round.province_id)


def can_see_audit_log(user: User, province_id: int) -> bool:
    return _provincial_role(actor(user), AUDITORS, province_id)


def visible_notifications(user: User) -> QuerySet[Notification]:
    from kpi.results.models import Notification

    person = actor(user).person
    if person is None:
        return Notification.objects.none()
    return Notification.objects.for_person(person)


# --- Districts in any province (the API's district list and its score endpoint) -------------


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
    if _provincial_role(who, PROVINCE_WIDE_ROLES, round.province_id):
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
    return _provincial_role(actor(user), PROVINCE_WIDE_ROLES, round.province_id)
