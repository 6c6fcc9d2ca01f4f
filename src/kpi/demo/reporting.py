"""Round 2/2567 under way: agreements, the round opened, and what the districts have reported.

Everything goes through the actions a click in the app would call, as the account that would
click, and only where ``kpi.access`` would let that account do it (``kpi.demo.workflow``):
``province`` creates the agreements, opens the round and sets the deadline; each district
head (``d<DOPA code>``) acknowledges, saves and submits (``s3401``, a staff member, types
3401's team results and attaches its files); the indicator owner of the unit responsible
for each indicator (``info``, ``strategy``, ``promotion``, ``coordination``, ``admin-unit``)
returns and verifies; ``evaluator`` acknowledges and approves.

The story has dates (``kpi.demo.clock``): the first circular is of 4 June 2567, so the
agreements follow in June (acknowledged 20–26 June), the round opens on 27 June and the
districts report from July to early September, reviewed days later.

The spread is fixed (a seeded ``random.Random`` per district), so every load tells the same
story: four offices have reported everything, six most, six a few drafts, nine nothing yet
(each result costs a few dozen queries through the actions; the demo must load in seconds).
District 3402 (the first medium district) has not touched individual indicator 8: the browser
scenario reports it from scratch.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from kpi import access
from kpi.agreements.actions import acknowledge, create_agreements_for_round
from kpi.agreements.models import Agreement
from kpi.demo import files
from kpi.demo.clock import at, moment
from kpi.demo.people import Cast
from kpi.demo.workflow import (
    APPROVED,
    DRAFT,
    SUBMITTED,
    VERIFIED,
    People,
    Plan,
    Window,
    carry_out,
    timeline,
)
from kpi.results import actions
from kpi.results.actions import StepInput
from kpi.results.models import Result
from kpi.rounds.models import Indicator, Round

User = AbstractBaseUser

#: ten days before round 2 ends (30 September 2567)
DEADLINE = date(2024, 9, 20)
#: the office the browser scenario reports individual indicator 8 for (``tests/browser``)
SCENARIO_DISTRICT = "3402"
SCENARIO_INDICATOR = ("individual", 8)

ALL, MOST, SOME = "all", "most", "some"
#: how far each office has got; offices not listed have not started
PROGRESS = {
    **dict.fromkeys(("3401", "3404", "3407", "3415"), ALL),
    **dict.fromkeys(("3403", "3405", "3408", "3409", "3410", "3419"), MOST),
    **dict.fromkeys(("3402", "3411", "3412", "3414", "3420", "3422"), SOME),
}
#: offices of the ``all`` group whose verified results still wait for the evaluator
AWAITING_APPROVAL = ("3407",)

# The days of the story (the first circular is dated 4 June 2567, the revision came after).
AGREED = moment(date(2024, 6, 19), 10, 30)
EVALUATOR_ACKNOWLEDGED = moment(date(2024, 6, 20), 14, 0)
#: the heads acknowledge on one of the days from here …
HEADS_ACKNOWLEDGE = date(2024, 6, 21)
#: … to the day before the round opens
OPENED = moment(date(2024, 6, 27), 9, 0)
WINDOW = Window(first_save=date(2024, 7, 1), last_save=date(2024, 9, 5))

NEWS = (
    "ประชุมประจำเดือนผู้นำชุมชนและผู้นำ อช.",
    "อบรมพัฒนาศักยภาพผู้ประกอบการ OTOP",
    "ลงพื้นที่ติดตามครัวเรือนต้นแบบ โคก หนอง นา",
    "ตลาดนัดชุมชนจำหน่ายผลิตภัณฑ์ OTOP",
    "จัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี 2567",
    "มอบเงินทุนกองทุนพัฒนาบทบาทสตรี",
)


# --- What the districts typed ---------------------------------------------------------------


def _steps(rng: random.Random, count: int, start: date) -> dict[str, Any]:
    steps = {}
    day = start
    for step in range(1, count + 1):
        steps[step] = StepInput(done=day)
        day += timedelta(days=rng.randint(18, 30))
    return {"steps": steps}


def _ratio(done: int, planned: int) -> dict[str, Any]:
    return {"done": done, "planned": planned}


def _households(rng: random.Random) -> dict[str, Any]:
    planned = rng.randrange(2500, 9000, 10)
    return _ratio(planned - rng.randint(0, planned // 12), planned)


def _groups(rng: random.Random) -> dict[str, Any]:
    planned = rng.randint(12, 30)
    return _ratio(rng.randint(planned * 6 // 10, planned), planned)


def _budget(rng: random.Random) -> dict[str, Any]:
    planned = rng.randrange(800_000, 2_500_000, 500)
    return _ratio(planned * rng.randint(78, 100) // 100, planned)


def _projects(rng: random.Random) -> dict[str, Any]:
    planned = rng.randint(20, 40)
    return _ratio(planned - rng.randint(0, 8), planned)


def _news(rng: random.Random) -> dict[str, Any]:
    # Indicator 8: items of work publicised / items of work (40 of 50 is 80 %).
    planned = rng.randint(30, 60)
    return _ratio(rng.randint(planned // 2, planned), planned)


THRESHOLDS: dict[tuple[str, int], Callable[[random.Random], dict[str, Any]]] = {
    ("team", 2): _households,
    ("team", 3): _groups,
    ("team", 4): lambda rng: {"value": rng.randint(2, 11)},  # OTOP producers (ราย)
    ("individual", 3): _projects,
    ("individual", 5): _budget,
    ("individual", 6): lambda rng: {"value": rng.choice((0, 1, 2, 3, 4, 6, 8, 11))},  # days late
    ("individual", 8): _news,
}


def _measure(key: tuple[str, int], rng: random.Random, *, complete: bool) -> dict[str, Any]:
    if key in THRESHOLDS:
        return THRESHOLDS[key](rng)
    count = rng.choice((3, 4, 5, 5)) if complete else rng.randint(1, 3)
    return _steps(rng, count, date(2024, 4, 8) + timedelta(days=rng.randint(0, 20)))


# --- Who got how far ---------------------------------------------------------------------------


def _plan(code: str, key: tuple[str, int], rng: random.Random) -> Plan | None:
    progress = PROGRESS.get(code)
    draw = rng.random()  # drawn for every result, so one change leaves the others alone
    special = SPECIAL.get((code, key))
    if special is not None:
        return special(Plan(SUBMITTED, _measure(key, rng, complete=True)))
    if progress is None or (code, key) == (SCENARIO_DISTRICT, SCENARIO_INDICATOR):
        return None
    if progress == ALL:
        stage = VERIFIED if code in AWAITING_APPROVAL else APPROVED
    elif progress == MOST:
        if draw > 0.8:
            return None
        stage = SUBMITTED if draw < 0.4 else VERIFIED if draw < 0.6 else DRAFT
    else:
        if draw > 0.4:
            return None
        stage = SUBMITTED if draw < 0.1 else DRAFT
    plan = Plan(stage, _measure(key, rng, complete=stage != DRAFT))
    if key == SCENARIO_INDICATOR and stage != DRAFT:
        plan.links = rng.randint(1, 2)
    return plan


def _returned(comment: str, fix: dict[str, Any] | None = None, links: int = 0) -> Callable:
    def change(plan: Plan) -> Plan:
        plan.stage, plan.returned, plan.fix = SUBMITTED, comment, fix
        plan.links = links
        return plan

    return change


def _verified_lower(reason: str) -> Callable:
    def change(plan: Plan) -> Plan:
        plan.stage = VERIFIED
        plan.measure = _steps(random.Random(reason), 5, date(2024, 4, 12))
        plan.verified_level, plan.verified_reason = 4, reason
        return plan

    return change


def _flagged(plan: Plan) -> Plan:
    # Step 4 done while step 3 is not: it counts for nothing, and the page says why.
    plan.stage = DRAFT
    plan.measure = {
        "steps": {
            1: StepInput(date(2024, 4, 19)),
            2: StepInput(date(2024, 5, 24)),
            4: StepInput(date(2024, 7, 5), "ส่งสรุปองค์ความรู้แล้ว รอจัดกิจกรรมเผยแพร่"),
        }
    }
    return plan


SPECIAL: dict[tuple[str, tuple[str, int]], Callable[[Plan], Plan]] = {
    ("3403", ("individual", 8)): _returned(
        "จำนวนข่าวที่เผยแพร่มากกว่าลิงก์ข่าวที่แนบ กรุณาแนบลิงก์ข่าวให้ครบทุกเรื่อง หรือแก้ไขจำนวนให้ตรงกับหลักฐาน",
        links=1,
    ),
    ("3405", ("individual", 8)): _returned(
        "ยังไม่มีหลักฐานการเผยแพร่ กรุณาแนบลิงก์ข่าวอย่างน้อย 1 เรื่อง",
        fix={"done": 42, "planned": 50},
    ),
    ("3409", ("team", 2)): _returned(
        "จำนวนครัวเรือนเป้าหมายไม่ตรงกับฐานข้อมูล จปฐ. ของอำเภอ กรุณาตรวจสอบจำนวนทั้งหมดอีกครั้ง"
    ),
    ("3404", ("individual", 7)): _verified_lower(
        "ขั้นตอนที่ 5 รายงานผลต่อจังหวัดยังไม่มีหนังสือนำส่ง มีเพียงรายงานการประชุม จึงให้ระดับ 4"
    ),
    ("3408", ("team", 5)): _flagged,
}


# --- Evidence files ---------------------------------------------------------------------------


ROUND_2_MONTHS = files.MONTHS[6:11]  # April to August
FILES: dict[tuple[str, tuple[str, int]], tuple[files.Attachment, ...]] = {
    ("3401", ("team", 1)): (
        files.report(
            "รายงานติดตามโคกหนองนา-3401.pdf",
            "รายงานผลการติดตามครัวเรือนต้นแบบ โคก หนอง นา",
            "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี ลงพื้นที่ติดตามและให้คำแนะนำครัวเรือนต้นแบบ"
            " โคก หนอง นา ครบทั้ง ๑๒ แปลง ระหว่างเดือนเมษายนถึงเดือนสิงหาคม ๒๕๖๗ และบันทึกผล"
            "ในระบบรายงานของกรมการพัฒนาชุมชนครบทุกแปลง",
            "ครัวเรือนต้นแบบ ๙ แปลงมีผลผลิตจำหน่ายในชุมชน ถอดบทเรียนแปลงของนายบุญส่ง ศรีสุข"
            " ตำบลขามใหญ่ เป็นแปลงต้นแบบการจัดการน้ำ (รายงานฉบับนี้เป็นข้อมูลสมมุติของระบบสาธิต)",
        ),
        files.chart(
            "จำนวนแปลงที่ลงพื้นที่ติดตาม รายเดือน", ROUND_2_MONTHS, (3, 5, 4, 6, 12), "กราฟแปลง-3401.png"
        ),
    ),
    ("3415", ("team", 5)): (
        files.report(
            "สรุปองค์ความรู้องค์กรคุณธรรม-3415.pdf",
            "สรุปองค์ความรู้การขับเคลื่อนองค์กรคุณธรรม",
            "สำนักงานพัฒนาชุมชนอำเภอวารินชำราบ ขับเคลื่อนองค์กรคุณธรรมตามคุณธรรม ๕ ประการ"
            " พอเพียง วินัย สุจริต จิตอาสา กตัญญู บุคลากรทุกคนสรุปองค์ความรู้บุคคลคุณธรรมคนละ ๑ คุณธรรม",
            "กิจกรรมจิตอาสาพัฒนาวัดและโรงเรียนในพื้นที่ ๔ ครั้ง ผู้เข้าร่วมครบทุกคน"
            " (เอกสารฉบับนี้เป็นข้อมูลสมมุติของระบบสาธิต)",
        ),
    ),
    ("3407", ("individual", 8)): (
        files.chart(
            "จำนวนข่าวประชาสัมพันธ์ที่เผยแพร่ รายเดือน",
            ROUND_2_MONTHS,
            (6, 9, 7, 11, 8),
            "กราฟข่าว-3407.png",
        ),
    ),
}


# --- Carrying it out ---------------------------------------------------------------------------


def run_round(round: Round, *, admin: User | None) -> dict[str, int]:
    """Agreements, the round opened with its deadline, and the districts' reports.

    Only a draft round is touched: once open (by an earlier load or by a user) it is left as
    it is, so loading the demo again changes nothing. Returns what was created.
    """
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
    units = {
        indicator.pk: indicator.version_in_force.responsible_unit_id
        for indicator in Indicator.objects.for_round(round).with_version_in_force()
    }
    results = (
        Result.objects.for_round(round)
        .select_related("item__indicator", "item__agreement__round", "district")
        .order_by("district__dopa_code", "item__indicator__kind", "item__indicator__number")
    )
    reported = 0
    rngs: dict[str, random.Random] = {}
    for result in list(results):
        code = result.district.dopa_code
        rng = rngs.setdefault(code, random.Random(f"ubon-2567-2:{code}"))
        indicator = result.item.indicator
        key = (indicator.kind, indicator.number)
        plan = _plan(code, key, rng)
        head = cast.heads.get(code)
        if plan is None or head is None:
            continue
        plan.files = FILES.get((code, key), ())
        writer = cast.staff.get(code, head) if indicator.kind == "team" else head
        people = People(writer, head, cast.owners.get(units[indicator.pk]), cast.evaluator)
        times = timeline(plan, WINDOW, random.Random(f"ubon-2567-2:{code}:{key}"))
        carry_out(result, plan, times, people, link=_news_link)
        reported += 1
    return {"agreement": len(agreements), "result": results.count(), "reported": reported}


def _acknowledge(round: Round, cast: Cast) -> None:
    agreements = Agreement.objects.for_round(round).select_related("round", "district")
    for agreement in agreements.order_by("district__dopa_code", "kind"):
        code = agreement.district.dopa_code
        head = cast.heads.get(code) if PROGRESS.get(code) in (ALL, MOST) else None
        day = HEADS_ACKNOWLEDGE + timedelta(days=int(code) % 6)
        for user, when in (
            (cast.evaluator, EVALUATOR_ACKNOWLEDGED),
            (head, moment(day, 9 + int(code) % 7, 15)),
        ):
            if user is not None and access.can_acknowledge(user, agreement):
                with at(when):
                    agreement = acknowledge(agreement, by=user)


def _news_link(result: Result, serial: int) -> tuple[str, str]:
    code = result.district.dopa_code
    title = NEWS[(int(code) + serial) % len(NEWS)]
    return (
        f"https://cdd-ubon.example/news/{code}/2567-{serial:02d}",
        f"ข่าวประชาสัมพันธ์ สพอ.{result.district.name}: {title}",
    )
