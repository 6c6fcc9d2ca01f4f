"""Scorecards after approval, from ``kpi.results.reporting.scorecards`` and the engine.

Each line prints what was measured (the value, the percentage of its parts, or the milestone
steps done) beside its level. Achievement, weighted scores and levels are the reporting
module's (the engine's ``weighted_score`` and ``achievement``); total and rating are
``kpi.scoring.total`` and ``rating``; every number is rounded only as it is printed
(``kpi.scoring.display``). Without a competency score there is no total and no rating: the
card says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kpi.agreements.models import Agreement
from kpi.documents.reports.common import (
    NONE,
    indicator_text,
    kind_title,
    level_text,
    measure_text,
    measured,
    name_of,
    position_of,
    round_dates,
    round_heading,
    round_phrase,
    score_text,
    steps_text,
)
from kpi.documents.writing.scorecard import Scorecards, ScorecardSheet, ScoreRow, SummaryRow
from kpi.documents.writing.signature import Signature
from kpi.documents.writing.wording import Numerals
from kpi.org.models import Person
from kpi.results.models import Competency, Result, StepProgress
from kpi.results.reporting import Scorecard, standing
from kpi.results.reporting import scorecards as load_scorecards
from kpi.rounds.models import IndicatorVersion, Round
from kpi.rounds.ratings import rating_scale
from kpi.scoring import RatingBand, weights_total

TITLE = "แบบสรุปผลการประเมินผลการปฏิบัติราชการ"


@dataclass(frozen=True)
class _Measures:
    """What the cards' lines need to print what was measured, loaded once for all cards.

    Attributes:
        methods: indicator pk → ``(method, measure_unit)`` of its version in force.
        steps: result pk → the milestone steps done.
    """

    methods: dict[int, tuple[str, str | None]]
    steps: dict[int, list[int]]

    def text(self, result: Result, numerals: Numerals) -> str:
        method, unit = self.methods.get(result.item.indicator_id, ("", None))
        if method == IndicatorVersion.Method.MILESTONE:
            return steps_text(self.steps.get(result.pk, ()), numerals)
        return measure_text(measured(result), unit, numerals)


def _measures(round: Round, cards: list[Scorecard]) -> _Measures:
    """Two queries: the versions in force of the round, the steps done of the cards' results."""
    versions = IndicatorVersion.objects.in_force().for_round(round)
    rows = versions.values_list("indicator_id", "method", "measure_unit")
    methods = {indicator: (method, unit) for indicator, method, unit in rows}
    results = [line.result.pk for card in cards for line in card.lines]
    steps: dict[int, list[int]] = {}
    done = StepProgress.objects.filter(result__in=results, done__isnull=False)
    for result, step in done.values_list("result_id", "step"):
        steps.setdefault(result, []).append(step)
    return _Measures(methods, steps)


def _rows(card: Scorecard, measures: _Measures, numerals: Numerals) -> tuple[ScoreRow, ...]:
    rows: list[ScoreRow] = []
    kind = None
    for line in card.lines:
        indicator = line.result.item.indicator
        if indicator.kind != kind:
            kind = indicator.kind
            rows.append(ScoreRow("section", kind_title(kind)))
        rows.append(
            ScoreRow(
                "item",
                indicator_text(indicator, numerals),
                numerals.number(line.weight),
                measures.text(line.result, numerals),
                level_text(line.level, numerals),
                score_text(line.weighted, numerals),
            )
        )
    weight = numerals.number(weights_total(line.weight for line in card.lines)) if rows else ""
    rows.append(
        ScoreRow("total", "ผลสัมฤทธิ์ของงาน", weight, "", "", score_text(card.achievement, numerals))
    )
    return tuple(rows)


def _sheet(
    round: Round,
    card: Scorecard,
    competency: Competency | None,
    evaluator: Person | None,
    measures: _Measures,
    scale: Sequence[RatingBand],
    numerals: Numerals,
) -> ScorecardSheet:
    person = card.person
    place = standing(round, card, competency, scale)
    shares, behaviour, overall = place.shares, place.competency, place.total
    achievement_share = numerals.number(shares.achievement)
    competency_share = numerals.number(shares.competency)
    notes = [
        numerals("คะแนนถ่วงน้ำหนัก = ระดับคะแนน × น้ำหนัก ÷ 5"),
        f"คะแนนรวม = ผลสัมฤทธิ์ของงาน × ร้อยละ {achievement_share} "
        f"+ พฤติกรรม × ร้อยละ {competency_share}",
    ]
    if competency is not None and competency.probation:
        notes.append("ผู้รับการประเมินอยู่ระหว่างทดลองปฏิบัติหน้าที่ราชการ")
    if card.achievement is None:
        notes.append("ยังมีตัวชี้วัดที่ไม่มีระดับคะแนน จึงยังคำนวณผลสัมฤทธิ์ของงานไม่ได้")
    if behaviour is None:
        notes.append("ยังไม่ได้บันทึกคะแนนพฤติกรรมการปฏิบัติราชการ จึงยังไม่มีคะแนนรวมและระดับผลการประเมิน")
    head_position = round.province.head_position
    position = (numerals(person.position),) if person.position else ()
    office = person.district.office_name if person.district_id else round.province.office_name
    return ScorecardSheet(
        title=(TITLE, round_heading(round, numerals)),
        facts=(
            ("ผู้รับการประเมิน", name_of(person, numerals)),
            ("ตำแหน่ง", numerals(person.position) or NONE),
            ("สังกัด", numerals(office)),
            ("ผู้ประเมิน", name_of(evaluator, numerals) or NONE),
            ("ระยะเวลา", round_dates(round, numerals)),
        ),
        rows=_rows(card, measures, numerals),
        summary=(
            SummaryRow("ผลสัมฤทธิ์ของงาน", score_text(card.achievement, numerals), achievement_share),
            SummaryRow("พฤติกรรมการปฏิบัติราชการ", score_text(behaviour, numerals), competency_share),
            SummaryRow("คะแนนรวม", score_text(overall, numerals), numerals("100"), "total"),
        ),
        summary_header=(
            "องค์ประกอบการประเมิน",
            numerals("คะแนน (เต็ม 100)"),
            "สัดส่วน (ร้อยละ)",
        ),
        rating=place.rating.label if place.rating is not None else NONE,
        notes=tuple(notes),
        signatures=(
            Signature(name_of(person, numerals), position, "ผู้รับการประเมิน"),
            Signature(
                name_of(evaluator, numerals),
                (position_of(evaluator, head_position, numerals),),
                "ผู้ประเมิน",
            ),
        ),
    )


def scorecards(round: Round, people: Iterable[Person], *, thai_digits: bool = True) -> Scorecards:
    """The scorecards of *people* in *round*, in their order: five queries for any number.

    Args:
        round: an approved round (``access.can_download_scorecard`` decides).
        people: the appraised people, their ``district`` loaded.
        thai_digits: print ``๐``-``๙`` (the default) rather than ``0``-``9``.
    """
    numerals = Numerals(thai_digits)
    people = list(people)
    cards = load_scorecards(round, people)
    competencies = {
        competency.person_id: competency
        for competency in Competency.objects.filter(round=round, person__in=people)
    }
    evaluators = {
        agreement.evaluatee_id: agreement.evaluator
        for agreement in Agreement.objects.filter(
            round=round, kind=Agreement.Kind.INDIVIDUAL, evaluatee__in=people
        ).select_related("evaluator")
    }
    measures = _measures(round, cards)
    scale = rating_scale(round)
    sheets = [
        _sheet(
            round,
            card,
            competencies.get(card.person.pk),
            evaluators.get(card.person.pk),
            measures,
            scale,
            numerals,
        )
        for card in cards
    ]
    names = people[0].full_name if len(people) == 1 else f"{len(people)} คน"
    return Scorecards(
        title=f"{TITLE} {names} {round_phrase(round, numerals)}",
        sheets=sheets,
        thai_digits=thai_digits,
    )
