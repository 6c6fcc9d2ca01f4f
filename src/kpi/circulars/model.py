"""The ``kpi-circular/1`` contract as frozen dataclasses (see shared/contract/README.md).

Bounds and weights are ``Decimal`` inside; ``to_dict`` writes them as JSON numbers (an int when
integral, so ``60.00`` is ``60``), and ``from_dict`` reads them back without passing through
float arithmetic. Dates are ``datetime.date`` inside and ISO strings outside.
"""

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from kpi.circulars.errors import InvalidCircularData
from kpi.circulars.json_fields import (
    choice_field,
    date_field,
    decimal_field,
    int_field,
    list_field,
    mapping_field,
    required_int_field,
    text_field,
)

__all__ = [
    "SCHEMA",
    "Agreement",
    "Circular",
    "Criterion",
    "Document",
    "Indicator",
    "Level",
    "Reference",
    "Round",
    "Version",
    "dumps",
]

SCHEMA = "kpi-circular/1"

Kind = Literal["team", "individual"]
Status = Literal["original", "revised", "current"]
Method = Literal["milestone", "threshold"]
Direction = Literal["higher", "lower"]
DistrictSize = Literal["large", "medium", "small"]

KINDS = ("team", "individual")
STATUSES = ("original", "revised", "current")
METHODS = ("milestone", "threshold")
DIRECTIONS = ("higher", "lower")
DISTRICT_SIZES = ("large", "medium", "small")


def number_to_json(value: Decimal | None) -> int | float | None:
    """``Decimal("60.00")`` → ``60``; ``Decimal("69.99")`` → ``69.99``; ``None`` stays."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Reference:
    """A letter this one refers to (``อ้างถึง`` or ``ตามหนังสือ … ที่ … ลงวันที่ …``)."""

    number: str | None
    date: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "date": _iso(self.date)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Reference":
        return cls(number=text_field(data, "number"), date=date_field(data, "date"))


@dataclass(frozen=True)
class Document:
    """The letter around the tables: number, date, parties, references and owner unit."""

    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    to: str | None = None
    subject: str | None = None
    references: tuple[Reference, ...] = ()
    owner_unit: str | None = None
    phone: str | None = None
    fax: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "date": _iso(self.date),
            "issuer": self.issuer,
            "to": self.to,
            "subject": self.subject,
            "references": [reference.to_dict() for reference in self.references],
            "owner_unit": self.owner_unit,
            "phone": self.phone,
            "fax": self.fax,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Document":
        return cls(
            number=text_field(data, "number"),
            date=date_field(data, "date"),
            issuer=text_field(data, "issuer"),
            to=text_field(data, "to"),
            subject=text_field(data, "subject"),
            references=tuple(Reference.from_dict(r) for r in list_field(data, "references")),
            owner_unit=text_field(data, "owner_unit"),
            phone=text_field(data, "phone"),
            fax=text_field(data, "fax"),
        )


@dataclass(frozen=True)
class Round:
    """The appraisal round: fiscal year (BE), number (1 or 2) and its first and last day."""

    fiscal_year: int | None = None
    number: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.fiscal_year,
            "number": self.number,
            "start": _iso(self.start),
            "end": _iso(self.end),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Round":
        return cls(
            fiscal_year=int_field(data, "fiscal_year"),
            number=int_field(data, "number"),
            start=date_field(data, "start"),
            end=date_field(data, "end"),
        )


@dataclass(frozen=True)
class Agreement:
    """The two parties of the agreement table (``X กับ Y``)."""

    evaluator: str | None = None
    evaluatee: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"evaluator": self.evaluator, "evaluatee": self.evaluatee}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Agreement":
        return cls(evaluator=text_field(data, "evaluator"), evaluatee=text_field(data, "evaluatee"))


@dataclass(frozen=True)
class Level:
    """One level (1..5) of a criterion: its printed text and, for thresholds, its band.

    ``min``/``max`` are inclusive unless the matching ``*_exclusive`` flag is set; ``None``
    is an open side (or a milestone, where both are ``None``).
    """

    level: int
    text: str
    min: Decimal | None = None
    max: Decimal | None = None
    min_exclusive: bool = False
    max_exclusive: bool = False

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "level": self.level,
            "text": self.text,
            "min": number_to_json(self.min),
            "max": number_to_json(self.max),
        }
        # The contract writes the exclusive keys only when true.
        if self.min_exclusive:
            result["min_exclusive"] = True
        if self.max_exclusive:
            result["max_exclusive"] = True
        return result

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Level":
        return cls(
            level=required_int_field(data, "level"),
            text=text_field(data, "text") or "",
            min=decimal_field(data, "min"),
            max=decimal_field(data, "max"),
            min_exclusive=bool(data.get("min_exclusive", False)),
            max_exclusive=bool(data.get("max_exclusive", False)),
        )


@dataclass(frozen=True)
class Criterion:
    """The five levels for one district size (``None``: the same for every district)."""

    district_size: DistrictSize | None
    levels: tuple[Level, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "district_size": self.district_size,
            "levels": [level.to_dict() for level in self.levels],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Criterion":
        return cls(
            district_size=choice_field(data, "district_size", DISTRICT_SIZES, optional=True),  # type: ignore[arg-type]
            levels=tuple(Level.from_dict(level) for level in list_field(data, "levels")),
        )


@dataclass(frozen=True)
class Version:
    """One printing of an indicator: ``original`` (เดิม), ``revised`` (แก้ไข) or ``current``."""

    status: Status
    weight: Decimal | None
    responsible_unit: str | None
    responsible_persons: tuple[str, ...]
    method: Method
    unit: str | None
    direction: Direction | None
    criteria: tuple[Criterion, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "weight": number_to_json(self.weight),
            "responsible_unit": self.responsible_unit,
            "responsible_persons": list(self.responsible_persons),
            "method": self.method,
            "unit": self.unit,
            "direction": self.direction,
            "criteria": [criterion.to_dict() for criterion in self.criteria],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Version":
        return cls(
            status=choice_field(data, "status", STATUSES),  # type: ignore[arg-type]
            weight=decimal_field(data, "weight"),
            responsible_unit=text_field(data, "responsible_unit"),
            responsible_persons=tuple(
                str(p) for p in list_field(data, "responsible_persons", of_objects=False)
            ),
            method=choice_field(data, "method", METHODS),  # type: ignore[arg-type]
            unit=text_field(data, "unit"),
            direction=choice_field(data, "direction", DIRECTIONS, optional=True),  # type: ignore[arg-type]
            criteria=tuple(Criterion.from_dict(c) for c in list_field(data, "criteria")),
        )


@dataclass(frozen=True)
class Indicator:
    """An indicator (``ตัวชี้วัดที่ N``) of one kind with its versions in document order."""

    kind: Kind
    number: int
    name: str
    versions: tuple[Version, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "name": self.name,
            "versions": [version.to_dict() for version in self.versions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Indicator":
        return cls(
            kind=choice_field(data, "kind", KINDS),  # type: ignore[arg-type]
            number=required_int_field(data, "number"),
            name=text_field(data, "name") or "",
            versions=tuple(Version.from_dict(v) for v in list_field(data, "versions")),
        )


@dataclass(frozen=True)
class Circular:
    """A parsed circular: the whole ``kpi-circular/1`` object."""

    document: Document = field(default_factory=Document)
    round: Round = field(default_factory=Round)
    agreement: Agreement = field(default_factory=Agreement)
    indicators: tuple[Indicator, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, keys in the contract's order."""
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "round": self.round.to_dict(),
            "agreement": self.agreement.to_dict(),
            "indicators": [indicator.to_dict() for indicator in self.indicators],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Circular":
        """Load what :meth:`to_dict` (or ``kpi parse``) wrote.

        Numbers may be int, float or ``Decimal`` (``json.loads(..., parse_float=Decimal)``);
        a float goes through ``str`` so ``69.99`` stays ``Decimal("69.99")``.

        Raises:
            InvalidCircularData: *data* is not a ``kpi-circular/1`` object.
        """
        if not isinstance(data, Mapping):
            raise InvalidCircularData(detail="expected a JSON object")
        if data.get("schema") != SCHEMA:
            raise InvalidCircularData(detail=f"schema is {data.get('schema')!r}, not {SCHEMA!r}")
        return cls(
            document=Document.from_dict(mapping_field(data, "document")),
            round=Round.from_dict(mapping_field(data, "round")),
            agreement=Agreement.from_dict(mapping_field(data, "agreement")),
            indicators=tuple(Indicator.from_dict(i) for i in list_field(data, "indicators")),
        )


def dumps(circular: Circular) -> str:
    """The circular as the contract's JSON text: UTF-8 characters as is, indented by 2."""
    return json.dumps(circular.to_dict(), ensure_ascii=False, indent=2)
