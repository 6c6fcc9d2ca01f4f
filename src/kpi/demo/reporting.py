"""Round 2/2567 under way: agreements, the round opened, and what the districts have reported.

Everything goes through the actions a click in the app would call, as the account that would
click, and only where ``kpi.access`` would let that account do it: ``province`` creates the
agreements, opens the round and sets the deadline; each district head (``d<DOPA code>``)
acknowledges, saves and submits; ``info`` (ก.ง.สารสนเทศ) returns and verifies the results of
its unit's indicators; ``evaluator`` acknowledges and approves. Indicators of units without a
demo account stay submitted: nobody in the demo may verify them.

The spread is fixed (a seeded ``random.Random`` per district), so every load tells the same
story: four offices have reported everything, six most, six a few drafts, nine nothing yet
(each result costs a few dozen queries through the actions; the demo must load in seconds).
District 3402 (the first medium district) has not touched individual indicator 8: the browser
scenario reports it from scratch.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from kpi import access
from kpi.agreements.actions import acknowledge, create_agreements_for_round
from kpi.agreements.models import Agreement
from kpi.results import actions
from kpi.results.actions import StepInput
from kpi.results.models import Result
from kpi.rounds.models import Round

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

# Stages a result is taken to (as far as access lets the demo's accounts take it).
DRAFT, SUBMITTED, VERIFIED, APPROVED = "draft", "submitted", "verified", "approved"

NEWS = (
    "ประชุมประจำเดือนผู้นำชุมชนและผู้นำ อช.",
    "อบรมพัฒนาศักยภาพผู้ประกอบการ OTOP",
    "ลงพื้นที่ติดตามครัวเรือนต้นแบบ โคก หนอง นา",
    "ตลาดนัดชุมชนจำหน่ายผลิตภัณฑ์ OTOP",
    "จัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี 2567",
    "มอบเงินทุนกองทุนพัฒนาบทบาทสตรี",
)


@dataclass
class Plan:
    """What happens to one result."""

    stage: str
    measure: dict[str, Any] = field(default_factory=dict)
    links: int = 0
    #: the owner sends it back with this comment
    returned: str = ""
    #: … and the district corrects it (these values) and sends it again
    fix: dict[str, Any] | None = None
    #: the owner verifies at a level other than the computed one, for this reason
    verified_level: int | None = None
    verified_reason: str = ""


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


# --- Carrying it out ---------------------------------------------------------------------------


@dataclass
class Accounts:
    admin: User
    province: User | None
    evaluator: User | None
    info: User | None
    heads: dict[str, User]

    @classmethod
    def load(cls, admin: User) -> Accounts:
        users = {
            user.get_username(): user
            for user in get_user_model()._default_manager.filter(
                username__regex=r"^(province|evaluator|info|d[0-9]+)$"
            )
        }
        return cls(
            admin=admin,
            province=users.get("province"),
            evaluator=users.get("evaluator"),
            info=users.get("info"),
            heads={name[1:]: user for name, user in users.items() if name.startswith("d")},
        )


def run_round(round: Round, *, admin: User) -> dict[str, int]:
    """Agreements, the round opened with its deadline, and the districts' reports.

    Only a draft round is touched: once open (by an earlier load or by a user) it is left as
    it is, so loading the demo again changes nothing. Returns what was created.
    """
    if round.status != Round.Status.DRAFT:
        return {}
    people = Accounts.load(admin)
    manager = people.province or admin
    agreements = create_agreements_for_round(round, by=manager)
    _acknowledge(round, people)
    actions.open_round(round, by=manager)
    actions.set_reporting_deadline(round, DEADLINE, by=manager)
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
        plan = _plan(code, (indicator.kind, indicator.number), rng)
        head = people.heads.get(code)
        if plan is None or head is None:
            continue
        _carry_out(result, plan, head, people)
        reported += 1
    return {"agreement": len(agreements), "result": results.count(), "reported": reported}


def _acknowledge(round: Round, people: Accounts) -> None:
    agreements = Agreement.objects.for_round(round).select_related("round", "district")
    for agreement in agreements.order_by("district__dopa_code", "kind"):
        code = agreement.district.dopa_code
        head = people.heads.get(code)
        for user in (people.evaluator, head if PROGRESS.get(code) in (ALL, MOST) else None):
            if user is not None and access.can_acknowledge(user, agreement):
                agreement = acknowledge(agreement, by=user)


def _carry_out(result: Result, plan: Plan, head: User, people: Accounts) -> None:
    result = actions.save_result(result, by=head, expected_version=result.version, **plan.measure)
    _add_links(result, plan.links, head)
    if plan.stage == DRAFT:
        return
    result = actions.submit_result(result, by=head, expected_version=result.version)
    info, evaluator = people.info, people.evaluator
    if info is None:
        return
    if plan.returned and access.can_return(info, result):
        result = actions.return_result(
            result, by=info, comment=plan.returned, expected_version=result.version
        )
        if plan.fix is not None:
            result = actions.save_result(
                result, by=head, expected_version=result.version, **plan.fix
            )
            _add_links(result, 1, head, start=plan.links)
            actions.resubmit_result(result, by=head, expected_version=result.version)
        return
    if plan.stage == SUBMITTED or not access.can_verify(info, result):
        return
    result = actions.verify_result(
        result,
        by=info,
        level=plan.verified_level,
        reason=plan.verified_reason,
        expected_version=result.version,
    )
    if plan.stage == APPROVED and evaluator is not None and access.can_approve(evaluator, result):
        actions.approve_result(result, by=evaluator, expected_version=result.version)


def _add_links(result: Result, count: int, head: User, *, start: int = 0) -> None:
    code = result.district.dopa_code
    for serial in range(start + 1, start + count + 1):
        title = NEWS[(int(code) + serial) % len(NEWS)]
        actions.add_evidence_link(
            result,
            f"https://cdd-ubon.example/news/{code}/2567-{serial:02d}",
            by=head,
            title=f"ข่าวประชาสัมพันธ์ สพอ.{result.district.name}: {title}",
        )
