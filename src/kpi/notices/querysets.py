"""Vocabulary for notices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from kpi.rounds.models import Round


class NoticeQuerySet(models.QuerySet):
    def for_round(self, round: Round) -> NoticeQuerySet:
        return self.filter(round=round)

    def drafts(self) -> NoticeQuerySet:
        return self.filter(state="draft")

    def issued(self) -> NoticeQuerySet:
        return self.filter(state="issued")

    def first_circulars(self) -> NoticeQuerySet:
        return self.filter(kind="first")
