"""Writes to accounts: each is atomic and leaves an ``AccountEvent`` naming who did it."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction

from kpi import access
from kpi.accounts.models import AccountEvent
from kpi.org.audit import save_audited
from kpi.org.models import Person


def ensure_role_groups() -> dict[str, Group]:
    """The Django groups of ``access.ROLES``, created when missing (the migration made them)."""
    return {name: Group.objects.get_or_create(name=name)[0] for name in access.ROLES}


@transaction.atomic
def create_account(
    username: str,
    *,
    password: str | None = None,
    password_hash: str | None = None,
    by: AbstractBaseUser | None,
    reason: str,
    roles: Iterable[str] = (),
    person: Person | None = None,
    superuser: bool = False,
) -> AbstractBaseUser:
    """A new account with *roles*, linked to *person* (their office decides what they see).

    Args:
        username: unique login name.
        password: the password, stored hashed.
        password_hash: instead of *password*, a hash from ``make_password`` (hashing is slow on
            purpose; the demo hashes its one shared password once for all its accounts).
        by: who creates the account (None from the command line); the audit names them.
        reason: why, for the audit.
        roles: group names from ``access.ROLES``.
        person: the ``Person`` this account belongs to; must not have an account yet.
        superuser: full rights everywhere, and the admin site.

    Raises:
        ValueError: an unknown role, a taken username, a person who already has an account,
            or not exactly one of *password* and *password_hash*.
    """
    if (password is None) == (password_hash is None):
        raise ValueError("give either password or password_hash")
    roles = sorted(set(roles))
    unknown = [role for role in roles if role not in access.ROLES]
    if unknown:
        raise ValueError(f"unknown roles {unknown}; known: {list(access.ROLES)}")
    user_model = get_user_model()
    if user_model._default_manager.filter(username=username).exists():
        raise ValueError(f"username {username!r} is taken")
    if person is not None and person.user_id is not None:
        raise ValueError(f"{person} already has an account")

    user = user_model(username=username, is_superuser=superuser, is_staff=superuser)
    if password is not None:
        user.set_password(password)
    else:
        user.password = password_hash
    user.save()
    groups = ensure_role_groups()
    user.groups.add(*(groups[role] for role in roles))
    if person is not None:
        person.user = user
        save_audited(person, by=by, reason=reason, update_fields=["user"])
    AccountEvent.objects.create(
        user=user,
        kind=AccountEvent.Kind.CREATED,
        acting_user=by if by is not None and by.pk else None,
        reason=reason,
        extra={"roles": roles, "superuser": superuser, "person": person.pk if person else None},
    )
    return user
