"""The round's results as a workbook: a summary sheet and one sheet per indicator.

Summary: one row per appraised person (an individual agreement's evaluatee), each
indicator's weighted score, the achievement, the competency where entered, the total and the
rating. Per indicator: one row per result (per office for a team indicator, per head for an
individual one), with what was measured, the levels and the weighted score. Numbers are the
engine's, rounded to two places for the sheet (``kpi.scoring.display``) and stored as
numbers; the measured value is not rounded (a value stored as its parts is their percentage,
the number its level was decided on, with the parts beside it). Seven queries whatever the
number of districts and results.
"""

from __future__ import annotations

from decimal import Decimal

from kpi.agreements.models import Agreement
from kpi.documents.reports.common import measured
from kpi.documents.writing.wording import KIND_TITLES
from kpi.documents.writing.xlsx import Column, Sheet
from kpi.results.models import Competency, Result
from kpi.results.reporting import Scorecard, scorecards, standing
from kpi.rounds.models import Indicator, Round
from kpi.rounds.ratings import rating_scale
from kpi.scoring import display, weighted_score

SHORT_KINDS = {"team": "รายทีม", "individual": "รายบุคคล"}

RESULT_COLUMNS = (
    Column("รหัสอำเภอ"),
    Column("อำเภอ"),
    Column("ผู้รับการประเมิน"),
    Column("สถานะ"),
    Column("ค่าที่วัดได้", "general"),
    Column("จำนวนที่ทำได้ (ตัวตั้ง)", "general"),
    Column("จำนวนทั้งหมด (ตัวหาร)", "general"),
    Column("ระดับคะแนนที่คำนวณได้", "general"),
    Column("ระดับคะแนนที่ตรวจสอบแล้ว", "general"),
    Column("ระดับคะแนนที่ใช้", "general"),
    Column("น้ำหนัก (ร้อยละ)", "general"),
    Column("คะแนนถ่วงน้ำหนัก", "number"),
    Column("เหตุผลที่ปรับระดับคะแนน"),
    Column("หมายเหตุ"),
)


def _plain(number: Decimal | None) -> Decimal | None:
    """A stored value without trailing zeros (``75.0000`` → ``75``), still a number."""
    if number is None:
        return None
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def _rounded(number: Decimal | None) -> Decimal | None:
    """Two places, half-up, as the scorecard prints it (``kpi.scoring.display``)."""
    return None if number is None else display(number)


def _short(indicator: Indicator) -> str:
    return f"{SHORT_KINDS[indicator.kind]} {indicator.number}"


def _measured(result: Result) -> Decimal | None:
    """The value the level was decided on (``common.measured``), unrounded: Excel keeps
    about 15 digits of it, and the parts stand beside it to check."""
    return _plain(measured(result))


def _caption(indicator: Indicator) -> str:
    return f"{KIND_TITLES[indicator.kind]} ตัวชี้วัดที่ {indicator.number} {indicator.name}"


def _result_row(result: Result) -> tuple[object, ...]:
    level = result.final_level
    weight = result.item.weight
    weighted = None if level is None else _rounded(weighted_score(level, weight))
    subject = result.person.full_name if result.person_id else result.district.office_name
    return (
        result.district.dopa_code,
        result.district.name,
        subject,
        result.get_state_display(),
        _measured(result),
        _plain(result.done),
        _plain(result.planned),
        _plain(result.level),
        _plain(result.verified_level),
        _plain(level),
        _plain(weight),
        weighted,
        result.verified_reason,
        result.note,
    )


def _indicator_sheets(indicators: list[Indicator], results: list[Result]) -> list[Sheet]:
    by_indicator: dict[int, list[Result]] = {indicator.pk: [] for indicator in indicators}
    for result in results:
        by_indicator.setdefault(result.item.indicator_id, []).append(result)
    return [
        Sheet(
            title=_short(indicator),
            caption=_caption(indicator),
            columns=RESULT_COLUMNS,
            rows=[_result_row(result) for result in by_indicator[indicator.pk]],
            key_columns=3,
        )
        for indicator in indicators
    ]


def _summary(
    round: Round,
    indicators: list[Indicator],
    cards: list[Scorecard],
    competencies: dict[int, Competency],
) -> Sheet:
    columns = (
        Column("รหัสอำเภอ"),
        Column("อำเภอ"),
        Column("ผู้รับการประเมิน"),
        Column("ตำแหน่ง"),
        *(Column(f"{_short(i)} คะแนนถ่วงน้ำหนัก", "number") for i in indicators),
        Column("ผลสัมฤทธิ์ของงาน", "number"),
        Column("พฤติกรรมการปฏิบัติราชการ", "number"),
        Column("สัดส่วนผลสัมฤทธิ์ (ร้อยละ)", "general"),
        Column("คะแนนรวม", "number"),
        Column("ระดับผลการประเมิน"),
    )
    rows = []
    scale = rating_scale(round)
    for card in cards:
        person = card.person
        weighted = {line.result.item.indicator_id: line.weighted for line in card.lines}
        competency = competencies.get(person.pk)
        place = standing(round, card, competency, scale)
        rows.append(
            (
                person.district.dopa_code if person.district_id else "",
                person.district.name if person.district_id else "",
                person.full_name,
                person.position,
                *(_rounded(weighted.get(i.pk)) for i in indicators),
                _rounded(card.achievement),
                _rounded(place.competency),
                _plain(place.shares.achievement),
                _rounded(place.total),
                place.rating.label if place.rating is not None else "",
            )
        )
    return Sheet(
        title="สรุป",
        caption=f"สรุปผลการประเมิน {round}",
        columns=columns,
        rows=rows,
        key_columns=3,
    )


def results_workbook(round: Round) -> list[Sheet]:
    """The sheets of *round*'s workbook: the summary first, then each indicator's."""
    indicators = list(Indicator.objects.for_round(round).order_by("-kind", "number"))
    results = list(
        Result.objects.for_round(round)
        .with_related()
        .order_by("district__dopa_code", "person__first_name", "pk")
    )
    people = [
        agreement.evaluatee
        for agreement in Agreement.objects.for_round(round)
        .filter(kind=Agreement.Kind.INDIVIDUAL)
        .select_related("evaluatee__district")
        .order_by("district__dopa_code", "evaluatee__first_name", "pk")
        if agreement.evaluatee is not None
    ]
    cards = scorecards(round, people)
    competencies = {c.person_id: c for c in Competency.objects.filter(round=round)}
    return [
        _summary(round, indicators, cards, competencies),
        *_indicator_sheets(indicators, results),
    ]


__all__ = ["RESULT_COLUMNS", "results_workbook"]
