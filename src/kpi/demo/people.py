"""Who does what in the demo's rounds: the accounts of the demo province, by role.

Found by their roles and offices (``kpi.access``'s groups and the person's district or unit),
not by username, so the stories below follow whatever ``ubon.json`` names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from kpi import access
from kpi.org.models import Province

User = AbstractBaseUser


@dataclass
class Cast:
    admin: User | None
    province: User | None = None
    evaluator: User | None = None
    #: unit pk → the indicator owner of that unit (the first by username)
    owners: dict[int, User] = field(default_factory=dict)
    #: DOPA code → the head of that district office
    heads: dict[str, User] = field(default_factory=dict)
    #: DOPA code → a staff member of that district office
    staff: dict[str, User] = field(default_factory=dict)

    @property
    def manager(self) -> User | None:
        """Who creates agreements and moves the round: the province's administrator."""
        return self.province or self.admin

    @classmethod
    def load(cls, admin: User | None, province: Province) -> Cast:
        """Two queries: the province's accounts with their people, and their groups."""
        cast = cls(admin=admin)
        users = (
            get_user_model()
            ._default_manager.filter(person__province=province)
            .select_related("person__district")
            .prefetch_related("groups")
            .order_by("username")
        )
        for user in users:
            roles = {group.name for group in user.groups.all()}
            person = user.person
            district = person.district.dopa_code if person.district_id else None
            if district is not None:
                if access.DISTRICT_HEAD in roles:
                    cast.heads.setdefault(district, user)
                elif access.DISTRICT_STAFF in roles:
                    cast.staff.setdefault(district, user)
                continue
            if access.PROVINCE_ADMIN in roles and cast.province is None:
                cast.province = user
            if access.EVALUATOR in roles and cast.evaluator is None:
                cast.evaluator = user
            if access.INDICATOR_OWNER in roles and person.unit_id is not None:
                cast.owners.setdefault(person.unit_id, user)
        return cast
