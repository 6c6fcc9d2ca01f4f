"""What importing a circular would change, worked out without writing anything.

``importing.import_circular`` carries a plan out; ``importing.preview_import`` only shows it.
Both refuse (``ImportRefused``) before any write, so a refused import leaves no rows behind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kpi.documents.models import SourceDocument
from kpi.org.models import Person, Province, Size, Unit
from kpi.rounds.contract import same_content, to_decimal
from kpi.rounds.errors import (
    CriteriaInvalid,
    ImportNote,
    IndicatorMissing,
    IndicatorRepeated,
    ProvinceUnknown,
    RoundMissing,
    RoundNotStated,
    UnsupportedSchema,
    VersionInvalid,
)
from kpi.rounds.models import Indicator, Round
from kpi.scoring import InvalidCriteria, criteria_from_version
from kpi.thai.dates import round_dates

SCHEMA = "kpi-circular/1"

COUNT_WORDS = {
    "rounds": "รอบการประเมิน",
    "indicators": "ตัวชี้วัด",
    "versions": "ฉบับของตัวชี้วัด",
    "criteria": "เกณฑ์",
    "levels": "ระดับคะแนน",
    "units": "หน่วยงาน",
}


@dataclass
class IndicatorStep:
    """One indicator of the circular: what happens to it."""

    kind: str
    number: int
    name: str
    #: ``created`` (new indicator), ``revised`` (new version in force), ``unchanged``
    outcome: str
    indicator: Indicator | None = None
    #: version dicts to store, in order; the last one ends in force
    versions: list[dict[str, Any]] = field(default_factory=list)
    unchanged_versions: int = 0


@dataclass
class ImportResult:
    """What an import did, or (``dry_run``) would do."""

    dry_run: bool
    already_imported: bool = False
    #: the letter number (``document.number``) of the circular
    number: str = ""
    document: SourceDocument | None = None
    round: Round | None = None
    #: the round's key when it does not exist yet: ``(fiscal year, number)``
    round_key: tuple[int, int] | None = None
    round_created: bool = False
    kind: str = ""
    #: rounds, indicators, versions, criteria, levels, units
    created: Counter[str] = field(default_factory=Counter)
    #: indicators and versions of the circular that were already stored (or kept)
    unchanged: Counter[str] = field(default_factory=Counter)
    steps: list[IndicatorStep] = field(default_factory=list)
    warnings: list[ImportNote] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.created.values())

    def summary(self) -> str:
        """A few lines for the command line and logs: Thai first, the English key after."""
        name = self.number
        if self.already_imported:
            return f"หนังสือ {name} นำเข้าแล้ว ไม่มีการเปลี่ยนแปลง / already imported, nothing changed"
        round = str(self.round) if self.round else ""
        if self.round is None and self.round_key:
            round = f"รอบที่ {self.round_key[1]}/{self.round_key[0]}"
        head = "ตรวจสอบก่อนนำเข้า / preview" if self.dry_run else "นำเข้าแล้ว / imported"
        lines = [f"{head}: {name} → {round}{' (ใหม่ / new)' if self.round_created else ''}"]
        for label, counts in (
            ("สร้าง / created", self.created),
            ("คงเดิม / unchanged", self.unchanged),
        ):
            if counts:
                parts = ", ".join(f"{COUNT_WORDS.get(k, k)} / {k} {v}" for k, v in counts.items())
                lines.append(f"  {label}: {parts}")
        lines += [f"  - {note.message_th} / {note.message}" for note in self.warnings]
        return "\n".join(lines)


@dataclass
class Plan:
    province: Province
    fiscal_year: int
    number: int
    kind: str
    round: Round | None
    document: dict[str, Any]
    steps: list[IndicatorStep]
    notes: list[ImportNote]
    #: abbreviation → unit found (None: to be created)
    units: dict[str, Unit | None]
    #: name as printed → the one person it matches
    persons: dict[str, Person]

    def result(self, *, dry_run: bool) -> ImportResult:
        created: Counter[str] = Counter()
        unchanged: Counter[str] = Counter()
        if self.round is None:
            created["rounds"] += 1
        for step in self.steps:
            if step.outcome == "created":
                created["indicators"] += 1
            elif step.outcome == "unchanged":
                unchanged["indicators"] += 1
            created["versions"] += len(step.versions)
            unchanged["versions"] += step.unchanged_versions
            for version in step.versions:
                created["criteria"] += len(version["criteria"])
                created["levels"] += sum(len(c["levels"]) for c in version["criteria"])
        created["units"] = sum(1 for unit in self.units.values() if unit is None)
        return ImportResult(
            dry_run=dry_run,
            number=self.document.get("number") or "",
            round=self.round,
            round_key=(self.fiscal_year, self.number),
            round_created=self.round is None,
            kind=self.kind,
            created=+created,
            unchanged=+unchanged,
            steps=self.steps,
            warnings=list(self.notes),
        )


def plan_import(parsed: dict[str, Any], *, province: Province | None, create_missing: bool) -> Plan:
    if parsed.get("schema") != SCHEMA:
        raise UnsupportedSchema("schema", schema=parsed.get("schema"))
    document = parsed.get("document") or {}
    number_text = document.get("number") or ""
    if province is None:
        province = Province.objects.for_letter_number(number_text).first()
        if province is None:
            raise ProvinceUnknown("document.number", number=number_text or "-")
    fiscal_year, number = _round_key(parsed.get("round") or {})
    indicators = parsed.get("indicators") or []
    kind = _kind_of(indicators)
    notes: list[ImportNote] = []

    round = Round.objects.for_province(province).filter(fiscal_year=fiscal_year, number=number)
    round = round.first()
    is_revision = kind == SourceDocument.Kind.REVISION
    if round is None and is_revision:
        if not create_missing:
            raise RoundMissing(
                "round", number=number, fiscal_year=fiscal_year, province=province.name
            )
        notes.append(
            ImportNote.of("round_created", "round", number=number, fiscal_year=fiscal_year)
        )
    notes += _round_date_notes(parsed.get("round") or {}, fiscal_year, number)

    existing: dict[tuple[str, int], Indicator] = {}
    if round is not None:
        existing = {
            (i.kind, i.number): i
            for i in Indicator.objects.for_round(round).with_version_in_force()
        }
    steps: list[IndicatorStep] = []
    seen: set[tuple[str, int]] = set()
    for position, entry in enumerate(indicators):
        where = f"indicators[{position}]"
        key = (entry.get("kind"), entry.get("number"))
        if key in seen:
            raise IndicatorRepeated(where, kind=key[0], number=key[1])
        seen.add(key)
        _check_indicator(entry, where)
        indicator = existing.get(key)
        if indicator is None and round is not None and is_revision and not create_missing:
            raise IndicatorMissing(where, round=str(round), kind=key[0], number=key[1])
        step = _step(entry, indicator, is_revision, where, notes)
        steps.append(step)

    units, persons = _resolve_people(province, steps, notes)
    return Plan(
        province=province,
        fiscal_year=fiscal_year,
        number=number,
        kind=kind,
        round=round,
        document=document,
        steps=steps,
        notes=_unique(notes),
        units=units,
        persons=persons,
    )


def _round_key(block: dict[str, Any]) -> tuple[int, int]:
    fiscal_year, number = block.get("fiscal_year"), block.get("number")
    if not isinstance(fiscal_year, int) or number not in (1, 2):
        raise RoundNotStated("round")
    return fiscal_year, number


def _kind_of(indicators: list[dict[str, Any]]) -> str:
    statuses = {v.get("status") for i in indicators for v in i.get("versions") or []}
    if statuses & {"original", "revised"}:
        return SourceDocument.Kind.REVISION
    return SourceDocument.Kind.FIRST


def _round_date_notes(block: dict[str, Any], fiscal_year: int, number: int) -> list[ImportNote]:
    rule_start, rule_end = round_dates(fiscal_year, number)
    start, end = block.get("start"), block.get("end")
    if start in (None, rule_start.isoformat()) and end in (None, rule_end.isoformat()):
        return []
    return [
        ImportNote.of(
            "round_dates_differ",
            "round",
            start=start or "-",
            end=end or "-",
            rule_start=rule_start.isoformat(),
            rule_end=rule_end.isoformat(),
        )
    ]


def _check_indicator(entry: dict[str, Any], where: str) -> None:
    kind, number = entry.get("kind"), entry.get("number")
    statuses = [v.get("status") for v in entry.get("versions") or []]
    if statuses not in (["current"], ["original", "revised"], ["revised"]):
        raise VersionInvalid(where, problem="versions", kind=kind, number=number)
    for index, version in enumerate(entry["versions"]):
        at = f"{where}.versions[{index}]"
        weight = version.get("weight")
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float | Decimal)
            or not to_decimal(weight) > 0
        ):
            raise VersionInvalid(at, problem="weight", kind=kind, number=number)
        sizes = {c.get("district_size") for c in version.get("criteria") or []}
        if not sizes <= {*Size.values, None}:
            raise VersionInvalid(at, problem="sizes", kind=kind, number=number)
        # What makes criteria usable (levels 1 to 5, bands in order, bounds) is the scoring
        # engine's to say; asking it here keeps unusable criteria out of the database.
        try:
            criteria_from_version(version)
        except InvalidCriteria as error:
            raise CriteriaInvalid(error, at, kind=kind, number=number) from error


def _step(
    entry: dict[str, Any],
    indicator: Indicator | None,
    is_revision: bool,
    where: str,
    notes: list[ImportNote],
) -> IndicatorStep:
    kind, number = entry["kind"], entry["number"]
    by_status = {v["status"]: v for v in entry["versions"]}
    step = IndicatorStep(kind, number, entry.get("name") or "", "unchanged", indicator)
    if indicator is None:
        # A new indicator: every version is stored in order, so the last one is in force
        # and an original stays on record behind its revision.
        step.outcome = "created"
        step.versions = list(entry["versions"])
        if is_revision:
            notes.append(ImportNote.of("indicator_created", where, kind=kind, number=number))
        return step

    stored = indicator.version_in_force
    stored_dict = stored.as_contract() if stored is not None else None
    if "current" in by_status:
        current = by_status["current"]
        if stored_dict is None:
            step.outcome, step.versions = "revised", [current]
        else:
            step.unchanged_versions = 1
            if not same_content(current, stored_dict):
                notes.append(ImportNote.of("current_differs", where, kind=kind, number=number))
        return step

    original, revised = by_status.get("original"), by_status["revised"]
    if original is not None:
        if stored_dict is None:
            step.versions.append(original)
        else:
            step.unchanged_versions += 1
            if not same_content(original, stored_dict):
                notes.append(ImportNote.of("original_differs", where, kind=kind, number=number))
    if stored_dict is not None and same_content(revised, stored_dict):
        step.unchanged_versions += 1  # this revision is already in force
    else:
        step.versions.append(revised)
    step.outcome = "revised" if step.versions else "unchanged"
    return step


def _resolve_people(
    province: Province, steps: list[IndicatorStep], notes: list[ImportNote]
) -> tuple[dict[str, Unit | None], dict[str, Person]]:
    units: dict[str, Unit | None] = {}
    persons: dict[str, Person] = {}
    province_units = Unit.objects.for_province(province)
    province_people = Person.objects.for_province(province)
    for step in steps:
        for version in step.versions:
            abbreviation = version.get("responsible_unit")
            if abbreviation and abbreviation not in units:
                units[abbreviation] = province_units.find(abbreviation)
                if units[abbreviation] is None:
                    notes.append(ImportNote.of("unit_created", unit=abbreviation))
            for name in version.get("responsible_persons") or []:
                if name in persons:
                    continue
                matches = list(province_people.matching_name(name))
                if len(matches) == 1:
                    persons[name] = matches[0]
                elif not matches:
                    notes.append(ImportNote.of("person_unknown", name=name))
                else:
                    notes.append(ImportNote.of("person_ambiguous", name=name, count=len(matches)))
    return units, persons


def _unique(notes: list[ImportNote]) -> list[ImportNote]:
    kept: list[ImportNote] = []
    for note in notes:
        if note not in kept:
            kept.append(note)
    return kept
