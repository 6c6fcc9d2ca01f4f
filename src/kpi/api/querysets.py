"""Vocabulary for finding API tokens."""

from __future__ import annotations

from django.db import models


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        """Tokens not revoked whose owner may still sign in."""
        return self.filter(revoked__isnull=True, owner__is_active=True)

    def for_secret(self, secret: str) -> ApiTokenQuerySet:
        from kpi.api.models import digest

        return self.filter(digest=digest(secret))
