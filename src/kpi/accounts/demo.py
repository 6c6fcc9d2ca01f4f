"""Demo accounts: who they are, creating them (idempotently), and listing them on the login page.

Who gets an account is data (``kpi/demo/data/ubon.json``, ``accounts``: a username, its roles
and the person it belongs to, named as ``first last``), plus ``admin`` and one account per
district head (``d<DOPA code>``). They are created through ``create_account``, the code path
of real accounts, and are shown on the login page only while a demo province exists. The
password is public on purpose: the demo runs on a laptop, never in production.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kpi import access
from kpi.accounts.actions import create_account
from kpi.org.models import Person, Province

DEMO_PASSWORD = "kpi-demo-2567"
REASON = "บัญชีทดลองใช้ของข้อมูลสาธิต"
ADMIN = "admin"
DISTRICT_PREFIX = "d"


def _data_accounts() -> list[dict[str, Any]]:
    from kpi.demo.dataset import demo_data

    return list(demo_data().get("accounts", []))


@cache
def _listed_usernames() -> tuple[str, ...]:
    """The data's usernames in the order the login page lists them (read once)."""
    return tuple(row["username"] for row in _data_accounts())


@transaction.atomic
def ensure_demo_accounts(
    province: Province,
    *,
    by: AbstractBaseUser | None,
    accounts: Sequence[dict[str, Any]] | None = None,
) -> int:
    """Create the demo accounts of *province* that do not exist yet; return how many were made.

    ``admin`` (superuser); each row of *accounts* (by default ``ubon.json``'s): ``username``
    with ``roles``, linked to the person of *province* named ``person``; ``d<DOPA code>``
    (district_head) for the head of each district office. An account that exists, or whose
    person has an account already, is left as it is; a row naming nobody is skipped.
    """
    rows = _data_accounts() if accounts is None else list(accounts)
    wanted: list[tuple[str, list[str], Person | None, bool]] = [(ADMIN, [], None, True)]
    people = {
        (person.first_name, person.last_name): person
        for person in Person.objects.for_province(province).select_related("district")
    }
    for row in rows:
        first, _space, last = row["person"].partition(" ")
        person = people.get((first, last))
        if person is not None:
            wanted.append((row["username"], list(row["roles"]), person, False))
    heads = (
        Person.objects.for_province(province)
        .filter(district__isnull=False, position__startswith="พัฒนาการอำเภอ")
        .select_related("district")
        .order_by("district__dopa_code", "pk")
    )
    seen: set[str] = set()
    for person in heads:
        if person.district.dopa_code not in seen:
            seen.add(person.district.dopa_code)
            username = f"{DISTRICT_PREFIX}{person.district.dopa_code}"
            wanted.append((username, [access.DISTRICT_HEAD], person, False))

    existing = set(
        get_user_model()
        ._default_manager.filter(username__in=[row[0] for row in wanted])
        .values_list("username", flat=True)
    )
    created = 0
    password_hash = make_password(DEMO_PASSWORD)  # once: 37 hashes would take seconds
    for username, roles, person, superuser in wanted:
        if username in existing or (person is not None and person.user_id is not None):
            continue
        create_account(
            username,
            password_hash=password_hash,
            by=by,
            reason=REASON,
            roles=roles,
            person=person,
            superuser=superuser,
        )
        created += 1
    return created


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    office: str
    person: str


@dataclass(frozen=True)
class DemoListing:
    """``main``: admin and one account per role and unit; ``heads``: the district heads."""

    password: str
    main: list[DemoAccount]
    heads: list[DemoAccount]

    @property
    def accounts(self) -> list[DemoAccount]:
        return [*self.main, *self.heads]


def listed_accounts() -> DemoListing | None:
    """The demo accounts for the login page, or None when no demo province is loaded.

    Three queries: the demo province, the accounts with their people, their groups.
    """
    province = Province.objects.demo().order_by("pk").first()
    if province is None:
        return None
    listed = _listed_usernames()
    users = (
        get_user_model()
        ._default_manager.filter(
            Q(username=ADMIN, is_superuser=True)
            | Q(username__in=listed, person__province=province)
            | Q(username__startswith=DISTRICT_PREFIX, person__district__province=province)
        )
        .select_related("person__province", "person__district", "person__unit")
        .prefetch_related("groups")
    )
    order = {name: index for index, name in enumerate((ADMIN, *listed))}
    main: list[DemoAccount] = []
    heads: list[DemoAccount] = []
    for user in sorted(users, key=lambda u: (order.get(u.username, len(order)), u.username)):
        account = _account(user)
        (main if account.username in order else heads).append(account)
    return DemoListing(DEMO_PASSWORD, main, heads)


def _account(user: AbstractBaseUser) -> DemoAccount:
    person: Person | None = getattr(user, "person", None)
    labels = [str(access.ROLE_LABELS.get(group.name, group.name)) for group in user.groups.all()]
    if user.is_superuser:
        labels.insert(0, _("ผู้ดูแลระบบ (ทุกสิทธิ์)"))
    if person is None:
        office = _("ทุกจังหวัด")
    elif person.unit is not None:
        office = f"{person.office_name} · {person.unit.name}"
    else:
        office = person.office_name
    return DemoAccount(
        username=user.get_username(),
        role=", ".join(labels),
        office=office,
        person=person.full_name if person else "",
    )
