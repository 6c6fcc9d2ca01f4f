"""Scorecards after approval, from ``kpi.results.reporting.scorecards`` and the engine.

Achievement, weighted scores and levels are the reporting module's (the engine's
``weighted_score`` and ``achievement``); total and rating are ``kpi.scoring.total`` and
``rating``; every number is rounded only as it is printed (``kpi.scoring.display``). Without a
competency score there is no total and no rating: the card says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from kpi.agreements.models import Agreement
from kpi.documents.reports.common import (
    NONE,
    indicator_text,
    kind_title,
    level_text,
    name_of,
    position_of,
    round_dates,
    round_heading,
    round_phrase,
    score_text,
)
from kpi.documents.writing.scorecard import Scorecards, ScorecardSheet, ScoreRow, SummaryRow
from kpi.documents.writing.signature import Signature
from kpi.documents.writing.wording import Numerals
from kpi.org.models import Person
from kpi.results.models import Competency
from kpi.results.reporting import Scorecard
from kpi.results.reporting import scorecards as load_scorecards
from kpi.rounds.models import Round
from kpi.scoring import DEFAULT_SHARES, PROBATION_SHARES, rating, total, weights_total

TITLE = "แบบสรุปผลการประเมินผลการปฏิบัติราชการ"


def _rows(card: Scorecard, numerals: Numerals) -> tuple[ScoreRow, ...]:
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
                level_text(line.level, numerals),
                score_text(line.weighted, numerals),
            )
        )
    weight = numerals.number(weights_total(line.weight for line in card.lines)) if rows else ""
    rows.append(
        ScoreRow("total", "ผลสัมฤทธิ์ของงาน", weight, "", score_text(card.achievement, numerals))
    )
    return tuple(rows)


def _sheet(
    round: Round,
    card: Scorecard,
    competency: Competency | None,
    evaluator: Person | None,
    numerals: Numerals,
) -> ScorecardSheet:
    person = card.person
    shares = PROBATION_SHARES if competency is not None and competency.probation else DEFAULT_SHARES
    behaviour = competency.score if competency is not None else None
    overall = None
    if card.achievement is not None and behaviour is not None:
        overall = total(card.achievement, behaviour, shares)
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
        rows=_rows(card, numerals),
        summary=(
            SummaryRow("ผลสัมฤทธิ์ของงาน", score_text(card.achievement, numerals), achievement_share),
            SummaryRow("พฤติกรรมการปฏิบัติราชการ", score_text(behaviour, numerals), competency_share),
            SummaryRow("คะแนนรวม", score_text(overall, numerals), numerals("100"), "total"),
        ),
        summary_header=(
            "องค์ประกอบการประเมิน",
            numerals("คะแนน\n(เต็ม 100)"),
            "สัดส่วน\n(ร้อยละ)",
        ),
        rating=rating(overall).label if overall is not None else NONE,
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
    """The scorecards of *people* in *round*, in their order: three queries for any number.

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
    sheets = [
        _sheet(
            round, card, competencies.get(card.person.pk), evaluators.get(card.person.pk), numerals
        )
        for card in cards
    ]
    names = people[0].full_name if len(people) == 1 else f"{len(people)} คน"
    return Scorecards(
        title=f"{TITLE} {names} {round_phrase(round, numerals)}",
        sheets=sheets,
        thai_digits=thai_digits,
    )
