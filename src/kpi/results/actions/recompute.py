"""A revised indicator rescores what was already reported (DOMAIN.md, Revisions).

``kpi.rounds.actions.add_version`` and ``put_in_force`` call ``recompute_results_for`` in their
own transaction, so a version never comes into force with results still scored under the one
it replaced. Each changed level is recorded (``LevelChange``: before, after, version, notice)
and the district is told in its notification list and by e-mail.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kpi.agreements.models import AgreementItem
from kpi.org.audit import save_audited
from kpi.org.models import Person
from kpi.results.actions.results import level_text
from kpi.results.levels import Assessment, assess_result, criteria_of, sizes_for
from kpi.results.models import LevelChange, Notification, Result
from kpi.results.notifications import indicator_label, notify, subject_of
from kpi.rounds.models import IndicatorVersion
from kpi.scoring import InvalidValue

User = AbstractBaseUser


@transaction.atomic
def recompute_results_for(
    version: IndicatorVersion,
    *,
    by: User | None,
    reason: str,
    source_document: object = None,
) -> list[LevelChange]:
    """Rescore the results of *version*'s indicator under *version* (now in force): those
    with a level or reported on.

    Also moves the weight of agreement items that follow the indicator's (not set per
    district) to *version*'s weight. Results with a level before or after are notified to
    the people they concern, naming the notice; each changed level gets a ``LevelChange``.
    Returns those changes.
    """
    indicator = version.indicator
    _follow_weight(version, by=by, reason=reason)
    # Results nobody has reported on have no level under any version: nothing to rescore.
    ids = list(
        Result.objects.select_for_update()
        .filter(item__indicator=indicator)
        .scored_or_reported()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return []
    results = (
        Result.objects.filter(pk__in=ids)
        .select_related("item__indicator", "item__agreement__round", "district", "person__user")
        .prefetch_related("steps")
        .order_by("pk")
    )
    criteria = criteria_of(version)
    sizes = sizes_for(indicator.round)
    offices = _people_by_district(indicator.round.province_id)
    notice = getattr(source_document, "number", "") or reason
    by_user = by if by is not None and by.pk else None
    changes: list[LevelChange] = []
    for result in results:
        before = result.final_level
        assessment = _assessment(result, criteria, sizes.get(result.district_id))
        if _rescore(result, assessment):
            save_audited(result, by=by, reason=reason, update_fields=RESCORED_FIELDS)
        if assessment.level != before:  # before: the level that counted, the owner's if set
            changes.append(
                LevelChange(
                    result=result,
                    before=before,
                    after=assessment.level,
                    version=version,
                    source_document=source_document,
                    reason=reason,
                    by=by_user,
                )
            )
        if before is not None or assessment.level is not None:
            people = [result.person] if result.person_id else offices.get(result.district_id, [])
            notify(
                people,
                Notification.Kind.REVISED,
                {
                    "indicator": indicator_label(result),
                    "subject": subject_of(result),
                    "notice": notice,
                    "before": level_text(before),
                    "after": level_text(assessment.level),
                },
                result=result,
            )
    return LevelChange.objects.bulk_create(changes)


#: what a rescore may change; ``version`` too, so a page opened before it cannot act on it
RESCORED_FIELDS = ["level", "level_problem", "verified_level", "verified_reason", "version"]


def _rescore(result: Result, assessment: Assessment) -> bool:
    """Put *assessment* on *result*; False when nothing changes.

    When the computed level changes, an owner's different level (judged against the criteria
    the revision replaced) no longer counts: the level under the version in force does, and
    the owner may set one again when verifying.
    """
    if (assessment.level, assessment.problem_code) == (result.level, result.level_problem):
        return False
    result.level = assessment.level
    result.level_problem = assessment.problem_code
    result.verified_level, result.verified_reason = None, ""
    result.version += 1
    return True


def _assessment(result: Result, criteria, size: str | None) -> Assessment:  # type: ignore[no-untyped-def]
    try:
        return assess_result(result, criteria=criteria, size=size)
    except InvalidValue as problem:
        # A value the revised criteria cannot score (none can today: values are checked when
        # saved): no level, and the problem says why.
        return Assessment(None, problem=problem)


def _people_by_district(province_id: int) -> dict[int, list[Person]]:
    """Everyone with an account in each district office: they share its team results."""
    people: dict[int, list[Person]] = defaultdict(list)
    rows = Person.objects.filter(
        province_id=province_id, district__isnull=False, user__isnull=False
    ).select_related("user")
    for person in rows.order_by("pk"):
        people[person.district_id].append(person)
    return people


def _follow_weight(version: IndicatorVersion, *, by: User | None, reason: str) -> None:
    items = (
        AgreementItem.objects.select_for_update()
        .filter(indicator_id=version.indicator_id, custom_weight=False)
        .order_by("pk")
    )
    for item in items.exclude(weight=version.weight):
        item.weight = version.weight
        save_audited(item, by=by, reason=reason, update_fields=["weight"])
