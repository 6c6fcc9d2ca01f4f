"""Who signs the agreements: the provincial head (evaluator) and each district's head."""

from __future__ import annotations

from django.db.models import Q

from kpi import access
from kpi.org.models import District, Person, Province

# The district head's position as the offices write it (พัฒนาการอำเภอ<name>); an account in the
# district_head group counts too, so a head whose position is typed differently is found.
HEAD_POSITION = "พัฒนาการอำเภอ"


def evaluator_of(province: Province) -> Person | None:
    """The provincial head: the evaluator account's person, else by position."""
    people = Person.objects.for_province(province).provincial()
    by_role = people.filter(user__groups__name=access.EVALUATOR).order_by("pk").first()
    if by_role is not None:
        return by_role
    return people.filter(position=province.head_position).order_by("pk").first()


def district_heads(province: Province) -> dict[int, Person]:
    """District pk → the head of that office: the first person (by pk) with a district_head
    account, else the first whose position says so. Districts without a head are missing.
    Two queries."""
    people = Person.objects.for_province(province).filter(district__isnull=False).order_by("pk")
    heads: dict[int, Person] = {}
    for rule in (Q(user__groups__name=access.DISTRICT_HEAD), Q(position__startswith=HEAD_POSITION)):
        for person in people.filter(rule):
            heads.setdefault(person.district_id, person)
    return heads


def districts_of(province: Province) -> list[District]:
    return list(District.objects.for_province(province).order_by("dopa_code"))
