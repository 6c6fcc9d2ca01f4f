"""The level a value or the steps done reach: the scoring engine, over HTTP.

Every rule is ``kpi.scoring``'s (which criteria apply to a size, bands, milestones, flags); the
size precedence is the calculator's (``kpi.scores.calculator.choose_size``). This module only
loads rows and shapes the answer.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from kpi import access
from kpi.api.errors import ApiError, MeasureMismatch, gettext_noop
from kpi.api.responses import WRITE
from kpi.api.schemas import ScoreIn, ScoreOut
from kpi.org.models import District, DistrictSize
from kpi.rounds.models import Indicator, IndicatorVersion
from kpi.scores.calculator import DistrictOption, choose_size
from kpi.scoring import LevelResult, Milestone, criteria_from_version, percentage, score

router = Router(tags=["scores"])


class NoVersionInForce(ApiError):
    code = "no_version_in_force"
    template = gettext_noop("ตัวชี้วัดนี้ยังไม่มีฉบับที่ใช้บังคับ จึงยังคำนวณระดับคะแนนไม่ได้")


class DistrictNotInRound(ApiError):
    code = "district_not_in_round"
    template = gettext_noop("อำเภอนี้ไม่อยู่ในจังหวัดของรอบการประเมินของตัวชี้วัดนี้")


class PartsIncomplete(ApiError):
    code = "parts_incomplete"
    template = gettext_noop("ส่งทั้งผลที่ทำได้ (done) และเป้าหมายทั้งหมด (planned) หรือไม่ส่งทั้งสองค่า")


def _version(indicator: Indicator) -> IndicatorVersion:
    version = (
        IndicatorVersion.objects.in_force().with_criteria().filter(indicator=indicator).first()
    )
    if version is None:
        raise NoVersionInForce("indicator")
    return version


def _district_option(district: District, fiscal_year: int) -> DistrictOption:
    size = DistrictSize.objects.filter(district=district, fiscal_year=fiscal_year).first()
    return DistrictOption(district.pk, str(district), size.size if size else None)


def _value(body: ScoreIn) -> Decimal | None:
    """The value to score: from its parts when given (they win, as on the calculator page)."""
    if (body.done is None) != (body.planned is None):
        raise PartsIncomplete("planned" if body.planned is None else "done")
    if body.done is not None:
        return percentage(body.done, body.planned)
    return body.value


@router.post("", response={200: ScoreOut, **WRITE}, summary="คำนวณระดับคะแนน")
def score_indicator(request: HttpRequest, body: ScoreIn) -> dict[str, Any]:
    """Score a value (threshold; or ``done``/``planned`` for a ratio) or the steps done
    (milestone) under the indicator's version in force, for a district (its size for the
    round's fiscal year) or a size given outright. Nothing is stored."""
    user = request.user
    indicator = access.indicator_or_404(user, body.indicator)
    option = None
    if body.district is not None:
        district = access.district_or_404(user, body.district)
        if district.province_id != indicator.round.province_id:
            raise DistrictNotInRound("district")
        option = _district_option(district, indicator.round.fiscal_year)
    size = choose_size(body.size, option)
    version = _version(indicator)
    rule = criteria_from_version(version.as_contract()).select(size.code)

    value = None
    if isinstance(rule, Milestone):
        if body.value is not None or body.done is not None or body.planned is not None:
            raise MeasureMismatch("value", method=_method(version), expected="steps")
        result = score(rule, steps=body.steps)
    else:
        if body.steps is not None:
            raise MeasureMismatch(
                "steps", method=_method(version), expected=_("value หรือ done กับ planned")
            )
        value = _value(body)
        result = score(rule, value=value)
    return _answer(indicator, version, size.code, value, result)


def _method(version: IndicatorVersion) -> str:
    return str(IndicatorVersion.Method(version.method).label)


def _answer(
    indicator: Indicator,
    version: IndicatorVersion,
    size: str | None,
    value: Decimal | None,
    result: LevelResult,
) -> dict[str, Any]:
    band = result.band
    upcoming = result.next
    return {
        "indicator": indicator.pk,
        "version": version.pk,
        "method": version.method,
        "size": size,
        "value": value,
        "level": result.level,
        "band": None
        if band is None
        else {
            "level": band.level,
            "text": band.text,
            "min": band.min,
            "max": band.max,
            "min_exclusive": band.min_exclusive,
            "max_exclusive": band.max_exclusive,
        },
        "next": None
        if upcoming is None
        else {
            "level": upcoming.level,
            "value": upcoming.value,
            "exclusive": upcoming.exclusive,
            "direction": upcoming.direction,
            "step": upcoming.step,
            "text": upcoming.text,
        },
        "flagged_steps": list(result.flagged_steps),
        "flags": [
            {"step": flag.step, "missing": flag.missing, "message": flag.translated(_)}
            for flag in result.flags
        ],
    }
