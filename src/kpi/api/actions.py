"""Writes to API tokens: each names who did it; the secret exists only in the return value."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from kpi.api.models import ApiToken, digest

#: Tokens start with this, so a leaked one is recognisable (secret scanners, logs).
PREFIX = "kpi_"
#: ``last_used`` is written at most this often per token, not on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


@transaction.atomic
def create_token(
    owner: AbstractBaseUser, *, name: str, by: AbstractBaseUser | None
) -> tuple[ApiToken, str]:
    """A new token acting as *owner*; returns it with its secret, which is not stored.

    Args:
        owner: whose rights the token carries (``kpi.access`` decides with them).
        name: what the token is for.
        by: who creates it (None from the command line).
    """
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        owner=owner,
        name=name,
        digest=digest(secret),
        prefix=secret[: len(PREFIX) + 6],
        created_by=by,
    )
    return token, secret


@transaction.atomic
def revoke_token(token: ApiToken, *, by: AbstractBaseUser | None, reason: str = "") -> ApiToken:
    """Revoke *token* for good; revoking a revoked token changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked is None:
        token.revoked = timezone.now()
        token.revoked_by = by
        token.revoke_reason = reason
        token.save(update_fields=["revoked", "revoked_by", "revoke_reason"])
    return token


def user_for_secret(secret: str) -> AbstractBaseUser | None:
    """The owner of the active token *secret*, or None; notes when the token was used.

    One query to find the token with its owner; one more at most once a minute to record its
    use (a write on every request would serialise concurrent calls on the token's row).
    """
    if not secret.startswith(PREFIX):
        return None
    token = ApiToken.objects.active().for_secret(secret).select_related("owner").first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.owner
