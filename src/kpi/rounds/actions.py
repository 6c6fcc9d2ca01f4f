"""Writes to rounds and indicators. Each is atomic and audited (who, why) through
django-simple-history; none leaves an indicator without a version in force."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kpi.documents.models import SourceDocument
from kpi.org.audit import save_audited
from kpi.org.models import Person, Province, Unit
from kpi.rounds.contract import to_decimal
from kpi.rounds.models import Criterion, CriterionLevel, Indicator, IndicatorVersion, Round
from kpi.thai.dates import round_dates

User = AbstractBaseUser


@transaction.atomic
def create_round(
    *, province: Province, fiscal_year: int, number: int, by: User | None, reason: str
) -> Round:
    """A draft round whose dates follow ว 20/2552 (``kpi.thai.dates.round_dates``)."""
    start, end = round_dates(fiscal_year, number)
    round = Round(province=province, fiscal_year=fiscal_year, number=number, start=start, end=end)
    save_audited(round, by=by, reason=reason)
    return round


@transaction.atomic
def create_indicator(
    round: Round, *, kind: str, number: int, name: str, by: User | None, reason: str
) -> Indicator:
    """An indicator without versions: follow with ``add_version(..., in_force=True)``."""
    indicator = Indicator(round=round, kind=kind, number=number, name=name)
    save_audited(indicator, by=by, reason=reason)
    return indicator


@transaction.atomic
def add_version(
    indicator: Indicator,
    data: dict[str, Any],
    *,
    by: User | None,
    reason: str,
    unit: Unit | None = None,
    persons: Iterable[Person] = (),
    source_document: SourceDocument | None = None,
    effective_date: date | None = None,
) -> IndicatorVersion:
    """Store *data* (a ``kpi-circular/1`` version dict) as the version in force of *indicator*.

    The version in force until now stays on record with ``in_force=False``. ``interpolation``
    is read from *data* when present (the contract has no such key; ``as_contract`` adds it).
    """
    # Locking the indicator serialises two revisions of it; the partial unique index would
    # refuse the second anyway, but as an error instead of a wait.
    Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
    current = IndicatorVersion.objects.select_for_update().filter(indicator=indicator).in_force()
    for previous in current:
        previous.in_force = False
        save_audited(previous, by=by, reason=reason, update_fields=["in_force"])

    version = IndicatorVersion(
        indicator=indicator,
        status=data["status"],
        weight=to_decimal(data["weight"]),
        responsible_unit=unit,
        responsible_unit_text=data.get("responsible_unit") or "",
        contact_names=list(data.get("responsible_persons") or []),
        method=data["method"],
        measure_unit=data.get("unit"),
        direction=data.get("direction"),
        interpolation=bool(data.get("interpolation", False)),
        effective_date=effective_date,
        source_document=source_document,
        in_force=True,
    )
    save_audited(version, by=by, reason=reason)
    persons = list(persons)
    if persons:
        version.contact_persons.set(persons)
    for order, criterion_data in enumerate(data["criteria"]):
        criterion = Criterion(
            version=version, district_size=criterion_data.get("district_size"), order=order
        )
        save_audited(criterion, by=by, reason=reason)
        for level_data in criterion_data["levels"]:
            level = CriterionLevel(
                criterion=criterion,
                level=level_data["level"],
                text=level_data.get("text") or "",
                min=to_decimal(level_data.get("min")),
                max=to_decimal(level_data.get("max")),
                min_exclusive=bool(level_data.get("min_exclusive", False)),
                max_exclusive=bool(level_data.get("max_exclusive", False)),
            )
            save_audited(level, by=by, reason=reason)
    _recompute(version, by=by, reason=reason, source_document=source_document)
    return version


@transaction.atomic
def put_in_force(version: IndicatorVersion, *, by: User | None, reason: str) -> IndicatorVersion:
    """Make *version* the one in force of its indicator (going back to an earlier one, say)."""
    Indicator.objects.select_for_update().filter(pk=version.indicator_id).first()
    others = (
        IndicatorVersion.objects.select_for_update()
        .filter(indicator_id=version.indicator_id)
        .in_force()
        .exclude(pk=version.pk)
    )
    for other in others:
        other.in_force = False
        save_audited(other, by=by, reason=reason, update_fields=["in_force"])
    # The caller's copy may be stale (another action took it out of force since it was read).
    locked = IndicatorVersion.objects.select_for_update().only("in_force").get(pk=version.pk)
    version.in_force = True
    if not locked.in_force:
        save_audited(version, by=by, reason=reason, update_fields=["in_force"])
        _recompute(version, by=by, reason=reason, source_document=version.source_document)
    return version


def _recompute(
    version: IndicatorVersion,
    *,
    by: User | None,
    reason: str,
    source_document: SourceDocument | None,
) -> None:
    """Results scored under the version just replaced are rescored under *version*, in the
    same transaction (DOMAIN.md: revised criteria replace the originals for the whole round)."""
    # Imported here: kpi.results builds on rounds, not the other way round.
    from kpi.results.actions import recompute_results_for

    recompute_results_for(version, by=by, reason=reason, source_document=source_document)
