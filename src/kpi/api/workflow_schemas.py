"""What the API reads and answers about agreements and results."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Annotated, Any

from ninja import Field, Schema

from kpi import access
from kpi.api.schemas import DecimalText, PersonOut, measure_type
from kpi.results.models import URL_MAX_LENGTH, Result
from kpi.scoring import LEVELS

_value = Result._meta.get_field("value")
#: A value or part a result stores: what its column holds (14 digits, 4 decimals).
StoredMeasure = measure_type(
    _value.max_digits - _value.decimal_places,  # type: ignore[attr-defined, operator]
    _value.decimal_places,  # type: ignore[attr-defined]
)
#: A milestone step number: the engine's levels (a step is what its level asks for).
Step = Annotated[int, Field(ge=LEVELS[0], le=LEVELS[-1])]


class DistrictRef(Schema):
    id: int
    dopa_code: str
    name: str


class IndicatorRef(Schema):
    id: int
    kind: str
    number: int
    name: str


class ItemOut(Schema):
    id: int
    indicator: IndicatorRef
    weight: DecimalText
    custom_weight: bool = Field(description="a weight for this district only")
    extra: bool = Field(description="an indicator added to this agreement only")


class AgreementOut(Schema):
    id: int
    round_id: int
    kind: str = Field(description="team (the district office) or individual (its head)")
    district: DistrictRef
    evaluatee: PersonOut | None
    evaluator: PersonOut | None
    evaluator_acknowledged_at: datetime.datetime | None
    evaluatee_acknowledged_at: datetime.datetime | None
    items: list[ItemOut]
    can_acknowledge: bool = Field(description="whether the caller may acknowledge it now")

    @staticmethod
    def resolve_can_acknowledge(agreement: Any, context: Any) -> bool:
        return access.can_acknowledge(context["request"].user, agreement)


class StepOut(Schema):
    step: int
    done: datetime.date | None
    note: str


class EvidenceOut(Schema):
    id: int
    kind: str = Field(description="file or link")
    title: str
    url: str = Field(description="links only")
    original_name: str = Field(description="files only")
    content_type: str = Field(description="files only: the type read from the content")
    size: int | None = Field(description="files only, in bytes")
    added_at: datetime.datetime


class PermissionsOut(Schema):
    """What the caller may do with the result now (``kpi.access``)."""

    edit: bool
    submit: bool
    # "return" is a Python keyword: the attribute is return_, the JSON key "return" (the
    # result operations answer by alias).
    return_: bool = Field(alias="return")
    verify: bool
    approve: bool
    reopen: bool


class ResultOut(Schema):
    id: int
    round_id: int
    agreement_id: int
    indicator: IndicatorRef
    district: DistrictRef
    person: PersonOut | None = Field(description="individual results only")
    state: str
    value: DecimalText | None
    done: DecimalText | None
    planned: DecimalText | None
    note: str
    level: DecimalText | None = Field(description="the scoring engine's")
    level_problem: str = Field(description="why there is no level yet (an error code)")
    verified_level: DecimalText | None
    verified_reason: str
    final_level: DecimalText | None = Field(description="the verified level, else the level")
    return_comment: str
    version: int = Field(description="send it back as expected_version when saving")
    submitted_at: datetime.datetime | None
    verified_at: datetime.datetime | None
    approved_at: datetime.datetime | None
    updated_at: datetime.datetime
    steps: list[StepOut]
    evidence: list[EvidenceOut]
    permissions: PermissionsOut

    @staticmethod
    def resolve_round_id(result: Any) -> int:
        return int(result.item.agreement.round_id)

    @staticmethod
    def resolve_agreement_id(result: Any) -> int:
        return int(result.item.agreement_id)

    @staticmethod
    def resolve_indicator(result: Any) -> Any:
        return result.item.indicator

    @staticmethod
    def resolve_permissions(result: Any, context: Any) -> dict[str, bool]:
        allowed = access.result_permissions(context["request"].user, result)
        flags = dataclasses.asdict(allowed)
        flags["return"] = flags.pop("return_")
        return flags


class StepIn(Schema):
    step: Step
    done: datetime.date | None = Field(None, description="null: not done")
    note: str = Field("", max_length=2000)


class ResultIn(Schema):
    """The fields to change; those left out stay as they are."""

    expected_version: int = Field(
        ..., ge=1, le=2**31 - 1, description="the version read: a later save is a 409"
    )
    value: StoredMeasure | None = None
    done: StoredMeasure | None = None
    planned: StoredMeasure | None = None
    note: str | None = Field(None, max_length=10000)
    steps: list[StepIn] | None = Field(
        None,
        max_length=len(LEVELS),
        description="steps to set; a step without date nor note is cleared",
    )


class SubmitIn(Schema):
    expected_version: int | None = Field(None, ge=1, le=2**31 - 1)


class LinkIn(Schema):
    url: str = Field(..., max_length=URL_MAX_LENGTH)
    title: str = Field("", max_length=300)
