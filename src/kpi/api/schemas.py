"""What the API reads and answers, as pydantic (ninja) schemas.

Numbers of the domain (weights, bounds, levels, values) are ``Decimal`` end to end and are
written as JSON strings (``"10"``, ``"20.5"``, ``"4"``): a JSON number would pass through a
float in most clients. They are read from a JSON string or number alike.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema


def decimal_text(number: Decimal) -> str:
    """``20.0000`` → ``"20"``, ``20.50`` → ``"20.5"``: the stored scale says nothing."""
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


#: A Decimal of the domain, answered as a string.
DecimalText = Annotated[Decimal, PlainSerializer(decimal_text, return_type=str)]
#: A primary key; the bounds keep a typed-in number inside the database's integer range.
ObjectId = Annotated[int, Field(ge=1, le=2**63 - 1)]
#: A fiscal year in the Buddhist Era (2567 = 1 October 2023 – 30 September 2024).
FiscalYear = Annotated[int, Field(ge=2400, le=2800)]


def measure_type(integer_digits: int, decimals: int) -> Any:
    """A measured value from JSON: a number, or a plain decimal string (``"20.5"``), of at most
    *integer_digits* digits before the point and *decimals* after it.

    A JSON number arrives as a float and goes through ``str()``, never ``Decimal(float)``.
    The limits keep Decimal arithmetic (``"1e-999999"`` as a divisor would overflow it) and a
    stored number within range; what a valid value is (0 or more, …) is the scoring engine's
    rule, not the schema's.
    """
    limit = Decimal(10) ** integer_digits - Decimal(1).scaleb(-decimals)
    pattern = rf"^-?[0-9]{{1,{integer_digits}}}(\.[0-9]{{1,{decimals}}})?$"

    def measure(raw: object) -> Decimal:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
            raise ValueError("a number or a decimal string")
        if isinstance(raw, str) and not re.match(pattern, raw):
            raise ValueError(
                f"a decimal string of at most {integer_digits} digits before the point and"
                f" {decimals} after it"
            )
        number = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip())
        if not number.is_finite() or abs(number) > limit:
            raise ValueError(f"a number from -{limit} to {limit}")
        if number.as_tuple().exponent < -decimals:  # type: ignore[operator]
            raise ValueError(f"at most {decimals} decimals")
        return number

    return Annotated[
        Decimal,
        BeforeValidator(measure),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "number", "minimum": -int(limit), "maximum": int(limit)},
                    {"type": "string", "pattern": pattern},
                ],
                "description": f"at most {decimals} decimals",
            }
        ),
    ]


#: A value to score (POST /api/score): nothing is stored, so only arithmetic limits it.
Measure = measure_type(12, 12)


class Error(Schema):
    """Every refusal: ``code`` is stable, ``message`` in the request's language, ``where`` the
    field or place concerned (or null)."""

    code: str
    message: str
    where: str | None


class ProvinceOut(Schema):
    id: int
    name: str


class RoundOut(Schema):
    id: int
    province: ProvinceOut
    fiscal_year: int
    number: int
    start: datetime.date
    end: datetime.date
    status: str
    reporting_deadline: datetime.date | None


class UnitOut(Schema):
    id: int
    name: str
    short_name: str


class PersonOut(Schema):
    id: int
    name: str
    position: str

    @staticmethod
    def resolve_name(person: Any) -> str:
        return str(person.full_name)


class LevelOut(Schema):
    level: int
    text: str
    min: DecimalText | None
    max: DecimalText | None
    min_exclusive: bool
    max_exclusive: bool


class CriterionOut(Schema):
    district_size: str | None = Field(description="null: every district size")
    levels: list[LevelOut]


class VersionOut(Schema):
    id: int
    status: str = Field(description="original (เดิม), revised (แก้ไข) or current")
    in_force: bool
    weight: DecimalText
    method: str = Field(description="milestone or threshold")
    measure_unit: str | None
    direction: str | None = Field(description="threshold: higher or lower is better")
    interpolation: bool
    responsible_unit: UnitOut | None
    responsible_unit_text: str
    contact_persons: list[PersonOut]
    contact_names: list[str]
    effective_date: datetime.date | None
    source_document_id: int | None
    created: datetime.datetime
    criteria: list[CriterionOut]


class IndicatorOut(Schema):
    id: int
    round_id: int
    kind: str = Field(description="team or individual")
    number: int
    name: str
    version: VersionOut | None = Field(description="the version in force")
    versions: list[VersionOut] | None = Field(
        None, description="every version, oldest first (only with all_versions=1)"
    )

    @staticmethod
    def resolve_version(indicator: Any) -> Any:
        return indicator.version_in_force

    @staticmethod
    def resolve_versions(indicator: Any) -> Any:
        # Set by kpi.api.indicators.with_versions when every version was asked for.
        return getattr(indicator, "every", None)


class DistrictOut(Schema):
    id: int
    province_id: int
    dopa_code: str
    name: str
    fiscal_year: int | None = Field(description="the fiscal year the size is for")
    size: str | None = Field(description="large, medium or small; null when not set")


class ScoreIn(Schema):
    indicator: ObjectId
    district: ObjectId | None = Field(
        None, description="score for this district (its size for the round's fiscal year)"
    )
    size: str | None = Field(
        None, max_length=20, description="a district size to score with; wins over the district's"
    )
    value: Measure | None = Field(None, description="threshold: the measured value")
    done: Measure | None = Field(None, description="threshold, ratio: the part done")
    planned: Measure | None = Field(None, description="threshold, ratio: the whole planned")
    steps: list[int] | None = Field(None, max_length=20, description="milestone: steps done")


class BandOut(Schema):
    level: int
    text: str
    min: DecimalText | None
    max: DecimalText | None
    min_exclusive: bool
    max_exclusive: bool


class NextOut(Schema):
    level: int
    value: DecimalText | None = Field(description="threshold: the bound to reach")
    exclusive: bool
    direction: str | None
    step: int | None = Field(description="milestone: the first step not done")
    text: str


class FlagOut(Schema):
    step: int
    missing: int
    message: str


class ScoreOut(Schema):
    indicator: int
    version: int
    method: str
    size: str | None = Field(description="the district size the criteria were chosen by")
    value: DecimalText | None = Field(description="threshold: the value scored")
    level: DecimalText
    band: BandOut | None
    next: NextOut | None
    flagged_steps: list[int]
    flags: list[FlagOut]
