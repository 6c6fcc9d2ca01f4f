from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from kpi.rounds.models import Round


class SourceDocumentQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> SourceDocumentQuerySet:
        return self.filter(round=round)

    def revisions(self) -> SourceDocumentQuerySet:
        return self.filter(kind="revision")
