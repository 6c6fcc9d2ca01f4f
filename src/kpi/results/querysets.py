"""Vocabulary for finding results and notifications."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, OuterRef, Q

from kpi.results import states

if TYPE_CHECKING:
    from kpi.org.models import District, Person
    from kpi.rounds.models import Indicator, Round


class ResultQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> ResultQuerySet:
        return self.filter(item__agreement__round=round)

    def for_district(self, district: District) -> ResultQuerySet:
        return self.filter(district=district)

    def for_person(self, person: Person) -> ResultQuerySet:
        """What *person* is appraised on: their own results and their office's team results."""
        return self.for_people([person])

    def for_people(self, people: Iterable[Person]) -> ResultQuerySet:
        """What any of *people* is appraised on (``for_person`` of each, in one filter)."""
        people = list(people)
        districts = {person.district_id for person in people if person.district_id is not None}
        own = Q(person__in=[person.pk for person in people])
        if not districts:
            return self.filter(own)
        return self.filter(own | Q(person__isnull=True, district_id__in=sorted(districts)))

    def for_indicator(self, indicator: Indicator) -> ResultQuerySet:
        return self.filter(item__indicator=indicator)

    def in_states(self, *states: str) -> ResultQuerySet:
        return self.filter(state__in=states)

    def unsubmitted(self) -> ResultQuerySet:
        """Still to be sent by the district: draft or returned."""
        return self.filter(state__in=states.EDITABLE)

    def awaiting_review(self) -> ResultQuerySet:
        return self.filter(state__in=states.REVIEWABLE)

    def awaiting_approval(self) -> ResultQuerySet:
        return self.filter(state__in=states.APPROVABLE)

    def final(self) -> ResultQuerySet:
        return self.filter(state__in=states.FINAL)

    def reported(self) -> ResultQuerySet:
        """Results someone has worked on: past draft, or with a value, a step or evidence."""
        return self.filter(_reported())

    def scored_or_reported(self) -> ResultQuerySet:
        """Results with a level, or reported on: those a revision rescores."""
        return self.filter(Q(level__isnull=False) | _reported())

    def with_related(self) -> ResultQuerySet:
        """Everything a list of results shows, in one query."""
        return self.select_related(
            "item__indicator", "item__agreement__round", "district", "person"
        )


def _reported() -> Q:
    from kpi.results.models import Evidence, StepProgress

    return (
        ~Q(state=states.DRAFT)
        | Q(value__isnull=False)
        | Q(done__isnull=False)
        | Q(planned__isnull=False)
        | Q(Exists(StepProgress.objects.filter(result=OuterRef("pk"))))
        | Q(Exists(Evidence.objects.filter(result=OuterRef("pk"))))
    )


class NotificationQuerySet(models.QuerySet):
    def for_person(self, person: Person) -> NotificationQuerySet:
        return self.filter(person=person)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)
