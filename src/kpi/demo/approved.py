"""Round 1/2567 approved: the appraisal of 1 October 2566 – 31 March 2567 as it ended.

Its first circular, อบ 0019/ว 4512 of 17 October 2566 (``data/ubon-2567-1-first.txt``, written
for the demo), is imported like any other. Then, through the actions and as the accounts whose
job it is (``kpi.demo.workflow``), on the days it would have happened (``kpi.demo.clock``):
the administrator creates the agreements (19 October 2566), the evaluator and every district
head acknowledge them (20–30 October), the round opens on 1 November with a deadline of
15 March 2567; every office reports every result between January and early March (one sent
back and corrected, one verified at another level), the owners verify and the evaluator
approves; the administrator closes reporting (20 March), the evaluator enters each head's
competency score (22 March) and the administrator approves the round (27 March), which
locks every result: scorecards can then be printed. The districts have read the round's
notifications by 29 March.

What each office typed is made from the indicator's own criteria (``_measure``: the steps up
to a level, or a value inside a level's band) for a level drawn per result, mostly 4 or 5, so
the story follows whatever indicators the circular has.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from kpi import access
from kpi.agreements.actions import acknowledge, create_agreements_for_round
from kpi.agreements.models import Agreement
from kpi.demo import files
from kpi.demo.clock import at, moment
from kpi.demo.people import Cast
from kpi.demo.workflow import APPROVED, People, Plan, Window, carry_out, timeline
from kpi.org.models import DistrictSize
from kpi.results import actions, states
from kpi.results.actions import StepInput
from kpi.results.models import Notification, Result
from kpi.rounds.models import CriterionLevel, Indicator, IndicatorVersion, Round

User = AbstractBaseUser

AGREED = moment(date(2023, 10, 19), 10, 0)
EVALUATOR_ACKNOWLEDGED = moment(date(2023, 10, 20), 13, 30)
HEADS_ACKNOWLEDGE = date(2023, 10, 23)
OPENED = moment(date(2023, 11, 1), 9, 0)
DEADLINE = date(2024, 3, 15)
#: milestone steps are done from here on, two to three weeks apart
FIRST_STEP = date(2023, 11, 6)
WINDOW = Window(first_save=date(2024, 1, 8), last_save=date(2024, 3, 1))
CLOSED = moment(date(2024, 3, 20), 16, 0)
COMPETENCY = moment(date(2024, 3, 22), 10, 0)
APPROVED_ROUND = moment(date(2024, 3, 27), 14, 0)
READ = moment(date(2024, 3, 29), 8, 45)
#: levels aimed at, and how often
LEVELS, LEVEL_WEIGHTS = (5, 4, 3, 2), (45, 35, 15, 5)

RETURNED = {
    ("3411", ("individual", 3)): (
        "ยอดเบิกจ่ายไม่ตรงกับรายงานจากระบบ GFMIS ณ วันที่ 29 กุมภาพันธ์ 2567 กรุณาตรวจสอบอีกครั้ง",
        {"done": "846500", "planned": "1020000"},
    ),
}
VERIFIED_OTHERWISE = {
    ("3420", ("team", 3)): (
        3,
        "ส่งผลิตภัณฑ์เข้ารับการคัดสรรระดับจังหวัด 4 จาก 6 ผลิตภัณฑ์ตามเป้าหมาย ขั้นตอนที่ 4 ยังไม่ครบ",
    ),
}


FILES: dict[tuple[str, tuple[str, int]], tuple[files.Attachment, ...]] = {
    ("3401", ("team", 1)): (
        files.report(
            "รายงาน จปฐ-3401.pdf",
            "รายงานผลการจัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี ๒๕๖๗",
            "อำเภอเมืองอุบลราชธานีจัดเก็บข้อมูล จปฐ. ปี ๒๕๖๗ ครบทุกครัวเรือนเป้าหมาย ๑๒ ตำบล"
            " บันทึกในระบบครบถ้วนภายในวันที่ ๑๕ มีนาคม ๒๕๖๗ และคณะทำงานระดับอำเภอตรวจสอบคุณภาพข้อมูลแล้ว",
            "รายงานฉบับนี้เป็นข้อมูลสมมุติของระบบสาธิต",
        ),
    ),
    ("3404", ("individual", 4)): (
        files.chart(
            "จำนวนข่าวที่เผยแพร่ผ่านสื่อออนไลน์ รายเดือน",
            files.MONTHS[:6],  # October to March
            (3, 4, 5, 4, 6, 4),
            "กราฟข่าว-3404.png",
        ),
    ),
}


def run_approved_round(round: Round, *, admin: User | None) -> dict[str, int]:
    """The round from its agreements to its approval; only a draft round is touched (once
    approved, loading again changes nothing). Returns what was created."""
    if round.status != Round.Status.DRAFT:
        return {}
    cast = Cast.load(admin, round.province)
    manager = cast.manager
    with at(AGREED):
        agreements = create_agreements_for_round(round, by=manager)
    _acknowledge(round, cast)
    with at(OPENED):
        actions.open_round(round, by=manager)
        actions.set_reporting_deadline(round, DEADLINE, by=manager)
    versions = {
        indicator.pk: indicator.version_in_force
        for indicator in Indicator.objects.for_round(round).with_version_in_force()
    }
    sizes = dict(
        DistrictSize.objects.for_fiscal_year(round.fiscal_year).values_list("district_id", "size")
    )
    results = list(
        Result.objects.for_round(round)
        .select_related("item__indicator", "item__agreement__round", "district")
        .order_by("district__dopa_code", "item__indicator__kind", "item__indicator__number")
    )
    for result in results:
        code, indicator = result.district.dopa_code, result.item.indicator
        key = (indicator.kind, indicator.number)
        head = cast.heads.get(code)
        if head is None:
            continue
        rng = random.Random(f"ubon-2567-1:{code}:{key}")
        version = versions[indicator.pk]
        plan = _plan(code, key, version, sizes.get(result.district_id), rng)
        owner = cast.owners.get(version.responsible_unit_id)
        writer = cast.staff.get(code, head) if indicator.kind == "team" else head
        people = People(writer, head, owner, cast.evaluator)
        carry_out(result, plan, timeline(plan, WINDOW, rng), people, link=_news_link)
    with at(CLOSED):
        actions.close_round(round, by=manager)
    competencies = _competencies(round, cast)
    # A result nobody could approve (a unit without an owner account) keeps the round closed
    # rather than fail the load: approve_round would refuse it.
    if not Result.objects.for_round(round).exclude(state__in=states.FINAL).exists():
        with at(APPROVED_ROUND):
            actions.approve_round(round, by=manager)
    _read_notifications(round)
    return {"agreement": len(agreements), "result": len(results), "competency": competencies}


def _acknowledge(round: Round, cast: Cast) -> None:
    agreements = Agreement.objects.for_round(round).select_related("round", "district")
    for agreement in agreements.order_by("district__dopa_code", "kind"):
        code = agreement.district.dopa_code
        day = HEADS_ACKNOWLEDGE + timedelta(days=int(code) % 8)
        for user, when in (
            (cast.evaluator, EVALUATOR_ACKNOWLEDGED),
            (cast.heads.get(code), moment(day, 9 + int(code) % 7, 40)),
        ):
            if user is not None and access.can_acknowledge(user, agreement):
                with at(when):
                    agreement = acknowledge(agreement, by=user)


def _plan(
    code: str,
    key: tuple[str, int],
    version: IndicatorVersion,
    size: str | None,
    rng: random.Random,
) -> Plan:
    level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
    plan = Plan(APPROVED, _measure(version, size, level, rng), files=FILES.get((code, key), ()))
    if version.method == IndicatorVersion.Method.THRESHOLD and version.measure_unit == "เรื่อง":
        plan.links = 1  # a news indicator: one post linked as evidence
    if (code, key) in RETURNED:
        plan.returned, plan.fix = RETURNED[code, key]
    if (code, key) in VERIFIED_OTHERWISE:
        plan.measure = _measure(version, size, 5, rng)
        plan.verified_level, plan.verified_reason = VERIFIED_OTHERWISE[code, key]
    return plan


def _measure(
    version: IndicatorVersion, size: str | None, level: int, rng: random.Random
) -> dict[str, Any]:
    """What an office typed to reach *level* under *version*'s criteria for its *size*."""
    if version.method == IndicatorVersion.Method.MILESTONE:
        steps, day = {}, FIRST_STEP + timedelta(days=rng.randint(0, 14))
        for step in range(1, level + 1):
            steps[step] = StepInput(done=day)
            day += timedelta(days=rng.randint(14, 24))
        return {"steps": steps}
    criteria = list(version.criteria.all())
    criterion = next((c for c in criteria if c.district_size == size), None) or next(
        c for c in criteria if c.district_size is None
    )
    band = next(row for row in criterion.levels.all() if row.level == level)
    if version.measure_unit == "percent":
        planned = rng.randint(20, 60)
        fits = [done for done in range(planned + 1) if _holds(band, Decimal(done * 100) / planned)]
        return {"done": rng.choice(fits) if fits else planned, "planned": planned}
    low = math.floor(band.min) if band.min is not None else 0
    high = math.ceil(band.max) if band.max is not None else low + 8
    fits = [value for value in range(max(0, low - 1), high + 2) if _holds(band, Decimal(value))]
    return {"value": rng.choice(fits) if fits else low}


def _holds(band: CriterionLevel, value: Decimal) -> bool:
    """*value* lies inside *band* (both bounds checked, so it is the band's level either way
    the ladder is read)."""
    if band.min is not None and (value <= band.min if band.min_exclusive else value < band.min):
        return False
    return band.max is None or (value < band.max if band.max_exclusive else value <= band.max)


def _competencies(round: Round, cast: Cast) -> int:
    """The evaluator's competency score for each appraised head (DPIS, entered here)."""
    heads = {user.person.pk: user for user in cast.heads.values()}
    agreements = Agreement.objects.for_round(round).individual().select_related("evaluatee")
    count = 0
    with at(COMPETENCY):
        for agreement in agreements.order_by("district__dopa_code"):
            person = agreement.evaluatee
            if person is None or person.pk not in heads:
                continue
            rng = random.Random(f"ubon-2567-1:competency:{person.pk}")
            score = Decimal(rng.randint(7400, 9650)) / 100
            actions.set_competency(round, person, str(score), by=cast.evaluator)
            count += 1
    return count


def _read_notifications(round: Round) -> None:
    """The districts read what the round told them before it ended."""
    notices = Notification.objects.filter(result__item__agreement__round=round, read_at=None)
    by_person: dict[Any, list[int]] = {}
    for notice in notices.select_related("person").order_by("pk"):
        by_person.setdefault(notice.person, []).append(notice.pk)
    with at(READ):
        for person, ids in by_person.items():
            actions.mark_notifications_read(person, ids=ids)


def _news_link(result: Result, serial: int) -> tuple[str, str]:
    code = result.district.dopa_code
    return (
        f"https://cdd-ubon.example/news/{code}/2567-r1-{serial:02d}",
        f"ข่าวประชาสัมพันธ์ สพอ.{result.district.name}: ตลาดนัดชุมชนจำหน่ายผลิตภัณฑ์ OTOP",
    )
