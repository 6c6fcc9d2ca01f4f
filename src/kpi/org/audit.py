"""Saving with an audit trail: django-simple-history keeps who, when and why for each row."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models


def save_audited(
    obj: models.Model, *, by: AbstractBaseUser | None, reason: str, **save_kwargs: Any
) -> None:
    """Save *obj* so that its history row names *by* and *reason*.

    Without a user (command line, data loading) simple-history falls back to the request's
    user, which is none there: the history row then has no user but still the reason.
    """
    obj._history_user = by  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save(**save_kwargs)
