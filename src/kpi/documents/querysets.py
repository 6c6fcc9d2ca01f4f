from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from kpi.thai import ce_year

if TYPE_CHECKING:
    from kpi.rounds.models import Round


class SourceDocumentQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> SourceDocumentQuerySet:
        return self.filter(round=round)

    def revisions(self) -> SourceDocumentQuerySet:
        return self.filter(kind="revision")

    def in_register_year(self, year: int) -> SourceDocumentQuerySet:
        """Documents whose number may have been taken from a register of the BE calendar *year*.

        A dated document belongs to its date's year. An undated one (the seed ว 536 has no
        date) was issued while its round was being prepared or run, so a registry clerk
        would look for it in the year of that round's period; a round 1 (October to March)
        spans two calendar years and we cannot tell which, so it counts in both: a serial
        skipped in one register is harmless, a serial given twice is what สารบรรณ forbids.
        Recording the document's date narrows it to one year. A document with neither a
        date nor a round counts for the year it was imported, the one year it is known in.
        """
        ce = ce_year(year)
        return self.filter(
            Q(date__year=ce)
            | Q(date__isnull=True, round__start__year__lte=ce, round__end__year__gte=ce)
            | Q(date__isnull=True, round__isnull=True, imported_at__year=ce)
        )
