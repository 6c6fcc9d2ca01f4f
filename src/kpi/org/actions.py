"""Writes to offices and units; each is audited and says who did it and why."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kpi.org.audit import save_audited
from kpi.org.models import District, DistrictSize, Province, Unit


@transaction.atomic
def find_or_create_unit(
    province: Province, abbreviation: str, *, by: AbstractBaseUser | None, reason: str
) -> tuple[Unit, bool]:
    """The province's unit known as *abbreviation*, created (named by it) when there is none.

    A created unit carries the abbreviation as its name until someone writes the full name.
    """
    abbreviation = " ".join(abbreviation.split())
    found = Unit.objects.for_province(province).find(abbreviation)
    if found is not None:
        return found, False
    unit = Unit(province=province, name=abbreviation, abbreviations=abbreviation)
    save_audited(unit, by=by, reason=reason)
    return unit, True


@transaction.atomic
def set_district_size(
    district: District, fiscal_year: int, size: str, *, by: AbstractBaseUser | None, reason: str
) -> DistrictSize:
    """Give *district* the size class *size* for *fiscal_year* (replacing an earlier one)."""
    current = (
        DistrictSize.objects.select_for_update()
        .filter(district=district, fiscal_year=fiscal_year)
        .first()
    )
    if current is None:
        current = DistrictSize(district=district, fiscal_year=fiscal_year, size=size)
    elif current.size == size:
        return current
    else:
        current.size = size
    save_audited(current, by=by, reason=reason)
    return current
