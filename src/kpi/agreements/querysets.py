"""Vocabulary for finding agreements and their items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from kpi.org.models import District, Person
    from kpi.rounds.models import Round


class AgreementQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> AgreementQuerySet:
        return self.filter(round=round)

    def for_district(self, district: District) -> AgreementQuerySet:
        return self.filter(district=district)

    def team(self) -> AgreementQuerySet:
        return self.filter(kind="team")

    def individual(self) -> AgreementQuerySet:
        return self.filter(kind="individual")

    def of_person(self, person: Person) -> AgreementQuerySet:
        """The agreements a person is appraised on: their own and their office's team one."""
        own = models.Q(kind="individual", evaluatee=person)
        if person.district_id is None:
            return self.filter(own)
        return self.filter(own | models.Q(kind="team", district_id=person.district_id))

    def with_items(self) -> AgreementQuerySet:
        """Agreements with round, office, people and items (by indicator number): two queries."""
        return self.select_related("round", "district", "evaluatee", "evaluator").prefetch_related(
            models.Prefetch("items", queryset=_items_in_order().select_related("indicator"))
        )

    def unacknowledged(self) -> AgreementQuerySet:
        return self.filter(
            models.Q(evaluator_acknowledged_at__isnull=True)
            | models.Q(evaluatee_acknowledged_at__isnull=True)
        )


class AgreementItemQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> AgreementItemQuerySet:
        return self.filter(agreement__round=round)

    def extras(self) -> AgreementItemQuerySet:
        """Indicators added to one agreement only."""
        return self.filter(extra=True)


def _items_in_order() -> AgreementItemQuerySet:
    from kpi.agreements.models import AgreementItem

    return AgreementItem.objects.order_by("indicator__number", "pk")
