"""Vocabulary for finding offices, units and people."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from kpi.org.models import Province, Unit


def abbreviation_key(text: str) -> str:
    """The form two spellings of one abbreviation share: no dots, no spaces.

    Circulars write the same unit as ``ก.ง.สารสนเทศ`` and ``กง.สารสนเทศ``; both give
    ``กงสารสนเทศ``.
    """
    return re.sub(r"[\s.\u200b]+", "", text)


class ProvinceQuerySet(models.QuerySet):
    def demo(self) -> ProvinceQuerySet:
        return self.filter(is_demo=True)

    def for_letter_number(self, number: str) -> ProvinceQuerySet:
        """Provinces whose letter prefix opens *number* (``อบ 0019/ว 536`` → prefix ``อบ``)."""
        prefix = number.strip().split(" ", 1)[0] if number.strip() else ""
        return self.filter(letter_prefix=prefix)


class DistrictQuerySet(models.QuerySet):
    def for_province(self, province: Province) -> DistrictQuerySet:
        return self.filter(province=province)


class DistrictSizeQuerySet(models.QuerySet):
    def for_fiscal_year(self, fiscal_year: int) -> DistrictSizeQuerySet:
        return self.filter(fiscal_year=fiscal_year)


class UnitQuerySet(models.QuerySet):
    def for_province(self, province: Province) -> UnitQuerySet:
        return self.filter(province=province)

    def find(self, abbreviation: str) -> Unit | None:
        """The unit whose name or one of whose abbreviations matches *abbreviation*.

        Returns a unit, not a queryset: matching ignores dots and spaces, which SQL cannot
        express portably, and a province has a dozen units at most, so they are compared here.
        Filter by province first.
        """
        key = abbreviation_key(abbreviation)
        if not key:
            return None
        for unit in self.order_by("pk"):
            if key in unit.spellings():
                return unit
        return None


class PersonQuerySet(models.QuerySet):
    def for_province(self, province: Province) -> PersonQuerySet:
        return self.filter(province=province)

    def provincial(self) -> PersonQuerySet:
        """People of the provincial office (no district)."""
        return self.filter(district__isnull=True)

    def matching_name(self, name: str) -> PersonQuerySet:
        """People a circular may mean by *name*: it gives a given name or a surname alone
        (``สภาวุฒิชัย``), sometimes both."""
        name = " ".join(name.split())
        if not name:
            return self.none()
        query = Q(first_name=name) | Q(last_name=name)
        if " " in name:
            first, last = name.split(" ", 1)
            query |= Q(first_name=first, last_name=last)
        return self.filter(query)
