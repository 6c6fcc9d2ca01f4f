"""The audit log: who changed what in rounds, indicator versions, agreements and results, when,
from what to what, and why.

The rows come from django-simple-history's tables (the actions fill ``history_user`` and
``history_change_reason``); this module filters them and pairs each row with the one before
it to say what changed. ``audit_log`` is the province's filterable log; ``result_history`` and
``agreement_history`` are the history tabs of one result and one agreement. A result's level
changes caused by revision notices are also in ``result.level_changes`` (with the version and
the notice), which pages show beside the tab.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q

from kpi import access
from kpi.agreements.models import Agreement, AgreementItem
from kpi.org.models import District, Person
from kpi.results.models import Evidence, Result, StepProgress
from kpi.rounds.models import Indicator, IndicatorVersion, Round

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# Bookkeeping, not content: the save counter and timestamps.
UNTRACKED = {"id", "version", "updated_at", "created", "added_at"}


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    """One recorded change.

    Attributes:
        at: when; user: who (None: the command line or the system); reason: why.
        model: the model's verbose name; object_id: which row; ``object``: it as text (as
            it was then; read on access, since it may follow relations).
        action: ``created``, ``changed`` or ``deleted``.
        changes: the fields that changed, with values before and after (ids for relations;
            for ``created`` every filled field, before None).
    """

    at: datetime
    user: Any
    reason: str
    model: str
    object_id: int
    action: str
    changes: tuple[Change, ...]
    record: Any = None

    @property
    def object(self) -> str:
        try:
            return str(self.record.instance)
        except ObjectDoesNotExist:  # a relation deleted since: the log still reads
            return f"#{self.object_id}"


@dataclass(frozen=True)
class _Source:
    """Where a model's history rows point: lookups from the history row, None where the
    model concerns no district, person or indicator (a round's status)."""

    model: type[Model]
    province: str
    district: str | None
    person: str | None
    indicator: str | None
    agreement: str | None = None
    result: str | None = None


SOURCES = (
    _Source(Round, "province_id", None, None, None),
    _Source(IndicatorVersion, "indicator__round__province_id", None, None, "indicator_id"),
    _Source(Agreement, "round__province_id", "district_id", "evaluatee_id", None, agreement="id"),
    _Source(
        AgreementItem,
        "agreement__round__province_id",
        "agreement__district_id",
        "agreement__evaluatee_id",
        "indicator_id",
        agreement="agreement_id",
    ),
    _Source(
        Result,
        "district__province_id",
        "district_id",
        "person_id",
        "item__indicator_id",
        result="id",
    ),
    _Source(
        StepProgress,
        "result__district__province_id",
        "result__district_id",
        "result__person_id",
        "result__item__indicator_id",
        result="result_id",
    ),
    _Source(
        Evidence,
        "result__district__province_id",
        "result__district_id",
        "result__person_id",
        "result__item__indicator_id",
        result="result_id",
    ),
)


class AuditLog:
    """The province's log, newest first, read a page at a time: ``count()`` counts the rows
    and a slice loads only its own (``django.core.paginator.Paginator`` takes it as it is).

    Per source, a slice costs three queries: the newest ids up to the slice's end, the history
    of the objects those rows belong to (to say what changed against the row before), and,
    for ``count()``, one count. Rows are never loaded for pages nobody asked for.
    """

    def __init__(self, user: Any, **filters: Any) -> None:
        self.queries = _log_queries(user, **filters)
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = sum(wanted.count() for _, _, wanted in self.queries)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[AuditRow]:
        start, stop = window.start or 0, window.stop
        newest = []
        for number, (_, _, wanted) in enumerate(self.queries):
            heads = wanted.order_by("-history_date", "-history_id")
            if stop is not None:
                heads = heads[:stop]
            newest += [
                (at, number, id) for id, at in heads.values_list("history_id", "history_date")
            ]
        newest.sort(reverse=True)
        window = newest[start:stop]
        found: dict[tuple[int, int], AuditRow] = {}
        for number, (source, history, _) in enumerate(self.queries):
            keep = {history_id for _, n, history_id in window if n == number}
            if keep:
                objects = history.filter(history_id__in=keep).values_list("id", flat=True)
                for row in _rows(history.filter(id__in=objects), source.model, keep):
                    found[number, row.record.history_id] = row
        return [found[number, history_id] for _, number, history_id in window]


def _log_queries(
    user: Any,
    *,
    person: Person | None = None,
    district: District | None = None,
    indicator: Indicator | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[tuple[_Source, Any, Any]]:
    """Per source: its history as far as *until* (for the rows before), and the rows wanted."""
    who = access.actor(user)
    province_id = who.province_id
    if not who.is_superuser and (
        province_id is None or not access.can_see_audit_log(user, province_id)
    ):
        return []
    queries = []
    for source in SOURCES:
        if (indicator is not None and source.indicator is None) or (
            district is not None and source.district is None
        ):
            continue
        history = source.model.history.all()  # type: ignore[attr-defined]
        if not who.is_superuser:
            history = history.filter(**{source.province: province_id})
        if district is not None and source.district is not None:
            history = history.filter(**{source.district: district.pk})
        if indicator is not None and source.indicator is not None:
            history = history.filter(**{source.indicator: indicator.pk})
        if until is not None:
            history = history.filter(history_date__lte=until)
        wanted = history
        if since is not None:
            wanted = wanted.filter(history_date__gte=since)
        if person is not None:
            by_or_about = Q(**{source.person: person.pk}) if source.person else Q(pk__in=[])
            if person.user_id is not None:
                by_or_about |= Q(history_user_id=person.user_id)
            wanted = wanted.filter(by_or_about)
        queries.append((source, history, wanted))
    return queries


def audit_log(user: Any, *, limit: int | None = 500, **filters: Any) -> list[AuditRow]:
    """The changes to rounds, indicator versions, agreements, their items, results, steps and
    evidence of *user*'s province, newest first; empty for those who may not read it
    (``access.can_see_audit_log``).

    Args:
        person: changes made by this person's account, or concerning them (their individual
            agreement and results).
        district: changes to that district's agreements and results (rounds and versions
            concern every district and are left out).
        indicator: changes to that indicator's versions, agreement items and results
            (rounds and agreements name no indicator and are left out).
        since, until: the time window, both ends included.
        limit: at most this many rows (None: all). Pages use ``AuditLog`` instead.
    """
    return AuditLog(user, **filters)[:limit]


def result_history(result: Result) -> list[AuditRow]:
    """The history tab of a result: the result, its steps and its evidence, oldest first."""
    rows = [
        *_rows(Result.history.filter(id=result.pk), Result),  # type: ignore[attr-defined]
        *_rows(StepProgress.history.filter(result_id=result.pk), StepProgress),  # type: ignore[attr-defined]
        *_rows(Evidence.history.filter(result_id=result.pk), Evidence),  # type: ignore[attr-defined]
    ]
    return sorted(rows, key=lambda row: row.at)


def agreement_history(agreement: Agreement) -> list[AuditRow]:
    """The history tab of an agreement: the agreement and its items, oldest first."""
    rows = [
        *_rows(Agreement.history.filter(id=agreement.pk), Agreement),  # type: ignore[attr-defined]
        *_rows(
            AgreementItem.history.filter(agreement_id=agreement.pk),  # type: ignore[attr-defined]
            AgreementItem,
        ),
    ]
    return sorted(rows, key=lambda row: row.at)


def _fields(model: type[Model]) -> list[tuple[str, str]]:
    return [
        (field.attname, str(field.verbose_name))
        for field in model._meta.concrete_fields
        if field.name not in UNTRACKED
    ]


def _rows(history: Any, model: type[Model], keep: set[int] | None = None) -> Iterable[AuditRow]:
    """Each history row with its changes against the row before it of the same object."""
    fields = _fields(model)
    label = str(model._meta.verbose_name)
    by_object: dict[int, list[Any]] = defaultdict(list)
    for record in history.select_related("history_user").order_by("history_date", "history_id"):
        by_object[record.id].append(record)
    for records in by_object.values():
        previous = None
        for record in records:
            if keep is None or record.history_id in keep:
                yield AuditRow(
                    at=record.history_date,
                    user=record.history_user,
                    reason=record.history_change_reason or "",
                    model=label,
                    object_id=record.id,
                    record=record,
                    action=ACTIONS.get(record.history_type, record.history_type),
                    changes=_changes(fields, previous, record),
                )
            previous = record


def _changes(fields: list[tuple[str, str]], before: Any, after: Any) -> tuple[Change, ...]:
    if after.history_type == "-":
        return ()
    changes = []
    for attname, label in fields:
        new = getattr(after, attname)
        old = getattr(before, attname) if before is not None else None
        if old != new and not (before is None and new in (None, "")):
            changes.append(Change(attname, label, old, new))
    return tuple(changes)
