"""Demo accounts: who they are, creating them (idempotently), and listing them on the login page.

They are created through ``create_account``, the code path of real accounts, and are shown on
the login page only while a demo province exists. The password is public on purpose: the demo
runs on a laptop, never in production.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kpi import access
from kpi.accounts.actions import create_account
from kpi.org.models import Person, Province, Unit

DEMO_PASSWORD = "kpi-demo-2567"
REASON = "บัญชีทดลองใช้ของข้อมูลสาธิต"
ADMIN = "admin"
# Provincial accounts, in the order the login page lists them.
PROVINCIAL = ("province", "evaluator", "info")
# The demo unit whose staff runs the appraisal, and the unit whose contact gets ``info``.
STRATEGY_UNIT = "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน"
INFO_UNIT = "ก.ง.สารสนเทศ"
DISTRICT_PREFIX = "d"


@transaction.atomic
def ensure_demo_accounts(province: Province, *, by: AbstractBaseUser | None) -> int:
    """Create the demo accounts of *province* that do not exist yet; return how many were made.

    ``admin`` (superuser); ``province`` (province_admin, a person of the strategy unit);
    ``evaluator`` (the provincial head); ``info`` (indicator_owner, the contact person of
    ก.ง.สารสนเทศ); ``d<DOPA code>`` (district_head, the head of each district office).
    An account that exists is left as it is.
    """
    wanted: list[tuple[str, list[str], Person | None, bool]] = [(ADMIN, [], None, True)]
    provincial = Person.objects.for_province(province).provincial().select_related("unit")
    strategy = provincial.filter(unit__name=STRATEGY_UNIT).order_by("pk").first()
    head = provincial.filter(position=province.head_position).order_by("pk").first()
    info_unit = Unit.objects.for_province(province).find(INFO_UNIT)
    info = provincial.filter(unit=info_unit).order_by("pk").first() if info_unit else None
    for username, role, person in (
        ("province", access.PROVINCE_ADMIN, strategy),
        ("evaluator", access.EVALUATOR, head),
        ("info", access.INDICATOR_OWNER, info),
    ):
        if person is not None:
            wanted.append((username, [role], person, False))
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
    password_hash = make_password(DEMO_PASSWORD)  # once: 29 hashes would take seconds
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
    password: str
    provincial: list[DemoAccount]
    districts: list[DemoAccount]

    @property
    def accounts(self) -> list[DemoAccount]:
        return [*self.provincial, *self.districts]


def listed_accounts() -> DemoListing | None:
    """The demo accounts for the login page, or None when no demo province is loaded.

    Three queries: the demo province, the accounts with their people, their groups.
    """
    province = Province.objects.demo().order_by("pk").first()
    if province is None:
        return None
    users = (
        get_user_model()
        ._default_manager.filter(
            Q(username=ADMIN, is_superuser=True)
            | Q(username__in=PROVINCIAL, person__province=province)
            | Q(username__startswith=DISTRICT_PREFIX, person__district__province=province)
        )
        .select_related("person__province", "person__district", "person__unit")
        .prefetch_related("groups")
    )
    provincial: list[DemoAccount] = []
    districts: list[DemoAccount] = []
    order = {name: index for index, name in enumerate((ADMIN, *PROVINCIAL))}
    for user in sorted(users, key=lambda u: (order.get(u.username, len(order)), u.username)):
        account = _account(user)
        (districts if account.username.startswith(DISTRICT_PREFIX) else provincial).append(account)
    return DemoListing(DEMO_PASSWORD, provincial, districts)


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
