"""Who the user is to access: their roles (Django groups) and their office (``Person``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from kpi.org.models import Person

    User = AbstractBaseUser | AnonymousUser

# Group names: stable identifiers; their Thai labels are in ROLE_LABELS.
PROVINCE_ADMIN = "province_admin"
EVALUATOR = "evaluator"
INDICATOR_OWNER = "indicator_owner"
DISTRICT_HEAD = "district_head"
DISTRICT_STAFF = "district_staff"
VIEWER = "viewer"
ROLES = (PROVINCE_ADMIN, EVALUATOR, INDICATOR_OWNER, DISTRICT_HEAD, DISTRICT_STAFF, VIEWER)
ROLE_LABELS = {
    PROVINCE_ADMIN: _("ผู้ดูแลระบบระดับจังหวัด"),
    EVALUATOR: _("ผู้ประเมิน (พัฒนาการจังหวัด)"),
    INDICATOR_OWNER: _("หน่วยงานเจ้าของตัวชี้วัด"),
    DISTRICT_HEAD: _("พัฒนาการอำเภอ"),
    DISTRICT_STAFF: _("เจ้าหน้าที่สำนักงานพัฒนาชุมชนอำเภอ"),
    VIEWER: _("ผู้ดูข้อมูล"),
}


@dataclass(frozen=True)
class Actor:
    """What access needs to know of a user, loaded once per request (two queries at most)."""

    user_id: int | None
    is_superuser: bool
    roles: frozenset[str]
    person: Person | None

    @property
    def province_id(self) -> int | None:
        return self.person.province_id if self.person else None

    @property
    def district_id(self) -> int | None:
        return self.person.district_id if self.person else None

    @property
    def is_provincial(self) -> bool:
        """Provincial office staff (and superusers) see every district of their province."""
        return self.is_superuser or (self.person is not None and self.person.district_id is None)


def actor(user: User) -> Actor:
    """The user's roles and office, cached on the user object for the rest of the request."""
    cached = getattr(user, "_kpi_actor", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        result = Actor(None, False, frozenset(), None)
    else:
        from kpi.org.models import Person

        person = (
            Person.objects.select_related("province", "district", "unit").filter(user=user).first()
        )
        roles = frozenset(user.groups.values_list("name", flat=True))  # type: ignore[union-attr]
        result = Actor(user.pk, bool(user.is_superuser), roles, person)
    user._kpi_actor = result  # type: ignore[union-attr]
    return result


PROVINCE_WIDE_ROLES = frozenset({PROVINCE_ADMIN, EVALUATOR, VIEWER})
DISTRICT_WRITERS = frozenset({DISTRICT_HEAD, DISTRICT_STAFF})
AUDITORS = frozenset({PROVINCE_ADMIN, EVALUATOR})


def require(allowed: bool) -> None:
    """``PermissionDenied`` (403) unless *allowed*: ``require(can_verify(user, result))``."""
    if not allowed:
        raise PermissionDenied


def has_provincial_role(who: Actor, roles: frozenset[str] | set[str], province_id: int) -> bool:
    return who.is_superuser or (
        who.is_provincial and who.province_id == province_id and bool(who.roles & roles)
    )


def is_province_admin(user: User, province_id: int) -> bool:
    return has_provincial_role(actor(user), {PROVINCE_ADMIN}, province_id)
