"""Vocabulary for rounds, indicators and their versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Prefetch

if TYPE_CHECKING:
    from kpi.org.models import Province
    from kpi.rounds.models import Round


class RoundQuerySet(models.QuerySet):
    def for_province(self, province: Province) -> RoundQuerySet:
        return self.filter(province=province)

    def for_fiscal_year(self, fiscal_year: int) -> RoundQuerySet:
        return self.filter(fiscal_year=fiscal_year)

    def with_status(self, *statuses: str) -> RoundQuerySet:
        return self.filter(status__in=statuses)

    def open(self) -> RoundQuerySet:
        return self.filter(status="open")


class IndicatorQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> IndicatorQuerySet:
        return self.filter(round=round)

    def team(self) -> IndicatorQuerySet:
        return self.filter(kind="team")

    def individual(self) -> IndicatorQuerySet:
        return self.filter(kind="individual")

    def with_version_in_force(self) -> IndicatorQuerySet:
        """Prefetch each indicator's version in force, with its criteria and levels, into
        ``versions_in_force`` (a list of at most one; ``Indicator.version_in_force`` reads it)."""
        from kpi.rounds.models import IndicatorVersion

        return self.prefetch_related(
            Prefetch(
                "versions",
                queryset=IndicatorVersion.objects.in_force().with_criteria(),
                to_attr="versions_in_force",
            )
        )


class IndicatorVersionQuerySet(models.QuerySet):
    def in_force(self) -> IndicatorVersionQuerySet:
        return self.filter(in_force=True)

    def for_round(self, round: Round) -> IndicatorVersionQuerySet:
        return self.filter(indicator__round=round)

    def with_criteria(self) -> IndicatorVersionQuerySet:
        """Everything ``as_contract()`` reads, in four queries whatever the number of versions:
        versions with indicator and unit, contact persons, criteria, levels."""
        return self.select_related("indicator", "responsible_unit").prefetch_related(
            "contact_persons", "criteria__levels"
        )
