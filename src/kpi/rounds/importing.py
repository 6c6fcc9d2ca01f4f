"""Importing a circular: the file, its round, indicators, versions, criteria and levels.

A first circular creates the round (when needed) and its indicators, each with its ``current``
version in force. A revision notice adds each ``revised`` version to its indicator and puts it
in force; the version it replaces stays on record. See ``import_plan`` for the decisions.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

from kpi.documents.models import SourceDocument, circular_path
from kpi.org.actions import find_or_create_unit
from kpi.org.audit import save_audited
from kpi.org.models import Province, Unit
from kpi.rounds.actions import add_version, create_indicator, create_round
from kpi.rounds.errors import ImportNote, ImportRefused, UnreadableCircular
from kpi.rounds.import_plan import ImportResult, IndicatorStep, Plan, plan_import
from kpi.rounds.models import Round

__all__ = [
    "ImportNote",
    "ImportRefused",
    "ImportResult",
    "IndicatorStep",
    "import_circular",
    "parse_circular",
    "preview_import",
]


def parse_circular(data: bytes, filename: str) -> dict[str, Any]:
    """The ``kpi-circular/1`` dict of a file, through ``kpi.circulars.parse_bytes``.

    Raises:
        UnreadableCircular: the parser refused the file (its error is ``cause``).
    """
    # Imported here so that this module loads even where the parser is not installed yet.
    from kpi.circulars import CircularError, parse_bytes

    try:
        return parse_bytes(data, filename).to_dict()
    except CircularError as error:
        raise UnreadableCircular(error) from error


def preview_import(
    data: bytes,
    filename: str,
    *,
    province: Province | None = None,
    parsed: dict[str, Any] | None = None,
    create_missing: bool = False,
) -> ImportResult:
    """What ``import_circular`` would do with the same arguments; writes nothing.

    Raises ``ImportRefused`` exactly when ``import_circular`` would.
    """
    already = _already_imported(data)
    if already is not None:
        return already
    if parsed is None:
        parsed = parse_circular(data, filename)
    return plan_import(parsed, province=province, create_missing=create_missing).result(
        dry_run=True
    )


@transaction.atomic
def import_circular(
    data: bytes,
    filename: str,
    *,
    by: AbstractBaseUser | None,
    province: Province | None = None,
    parsed: dict[str, Any] | None = None,
    create_missing: bool = False,
) -> ImportResult:
    """Store the circular *data* and what it says about its round's indicators.

    Args:
        data: the file as received.
        filename: its name (the parser reads the format from the suffix).
        by: who imports it; the audit names them.
        province: the circular's province; by default the one whose letter prefix opens
            ``document.number`` (``อบ 0019/ว 536`` → ``อบ``).
        parsed: the ``kpi-circular/1`` dict when already parsed; parsed from *data* otherwise.
        create_missing: let a revision notice create its round or indicators when they do not
            exist (the originals become the first versions, the revised ones are put in force).
            Off by default: a notice for a round nobody imported is usually the wrong file.

    The same file (by SHA-256) a second time changes nothing; the result says
    ``already_imported``.

    Raises:
        ImportRefused: before any write; nothing is stored.
    """
    already = _already_imported(data)
    if already is not None:
        return already
    if parsed is None:
        parsed = parse_circular(data, filename)
    plan = plan_import(parsed, province=province, create_missing=create_missing)
    result = plan.result(dry_run=False)
    reason = f"นำเข้าจากหนังสือ {plan.document.get('number') or filename}"

    round = plan.round
    if round is None:
        round = create_round(
            province=plan.province,
            fiscal_year=plan.fiscal_year,
            number=plan.number,
            by=by,
            reason=reason,
        )
    document = _store_document(data, filename, parsed, plan, round, by=by, reason=reason)
    units = _units(plan, by=by, reason=reason)
    effective = _iso_date(plan.document.get("date"))
    for step in plan.steps:
        indicator = step.indicator
        if indicator is None:
            indicator = create_indicator(
                round, kind=step.kind, number=step.number, name=step.name, by=by, reason=reason
            )
            step.indicator = indicator
        for version in step.versions:
            add_version(
                indicator,
                version,
                by=by,
                reason=reason,
                unit=units.get(version.get("responsible_unit") or ""),
                persons=[
                    plan.persons[name]
                    for name in version.get("responsible_persons") or []
                    if name in plan.persons
                ],
                source_document=document,
                effective_date=effective,
            )
    result.round = round
    result.document = document
    return result


def _already_imported(data: bytes) -> ImportResult | None:
    document = (
        SourceDocument.objects.select_related("round")
        .filter(sha256=hashlib.sha256(data).hexdigest())
        .first()
    )
    if document is None:
        return None
    return ImportResult(
        dry_run=False,
        already_imported=True,
        number=document.number,
        document=document,
        round=document.round,
        kind=document.kind,
    )


def _store_document(
    data: bytes,
    filename: str,
    parsed: dict[str, Any],
    plan: Plan,
    round: Round,
    *,
    by: AbstractBaseUser | None,
    reason: str,
) -> SourceDocument:
    document = SourceDocument(
        province=plan.province,
        round=round,
        original_filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        parsed=parsed,
        number=plan.document.get("number") or "",
        date=_iso_date(plan.document.get("date")),
        subject=(plan.document.get("subject") or "")[:500],
        kind=plan.kind,
        imported_by=by,
    )
    name = circular_path(document, filename)
    storage = document.file.storage
    if storage.exists(name):
        # Same hash, same bytes: left behind by an import that was rolled back.
        document.file.name = name
    else:
        document.file.save(name, ContentFile(data), save=False)
    save_audited(document, by=by, reason=reason)
    return document


def _units(plan: Plan, *, by: AbstractBaseUser | None, reason: str) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for abbreviation, unit in plan.units.items():
        if unit is None:
            unit, _ = find_or_create_unit(plan.province, abbreviation, by=by, reason=reason)
        units[abbreviation] = unit
    return units


def _iso_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
