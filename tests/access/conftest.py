"""The walk's world: ``tests.base``'s demo and other province, plus what the demo lacks for a
complete walk: a district staff member of 3401 (``s3401``) and a provincial viewer
(``viewer``) when the demo has none, a stored evidence file of 3402, an issued revision notice
and a draft one. Built once for the package, inside ``world``'s transaction; each case's facts
are read here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from kpi import access
from kpi.accounts.actions import create_account
from kpi.accounts.demo import DEMO_PASSWORD
from kpi.agreements.models import Agreement, AgreementItem
from kpi.documents.models import SourceDocument
from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.notices.models import Notice
from kpi.org.audit import save_audited
from kpi.org.models import District, Person, Unit
from kpi.results.actions import add_evidence_file
from kpi.results.models import Evidence, Result
from kpi.rounds.models import Indicator, Round
from tests.access.rules import OTHER, UBON, Case
from tests.base import World, anonymous, user, world  # noqa: F401
from tests.notices.helpers import values_of
from tests.results.files import PDF


@dataclass
class Walk:
    """The cases of each kind of object, own and another district's."""

    rounds: list[Case] = field(default_factory=list)
    indicators: list[Case] = field(default_factory=list)
    documents: list[Case] = field(default_factory=list)
    results: list[Case] = field(default_factory=list)
    evidence: list[Case] = field(default_factory=list)
    agreements: list[Case] = field(default_factory=list)
    items: list[Case] = field(default_factory=list)
    notices: list[Case] = field(default_factory=list)
    notice_indicators: list[Case] = field(default_factory=list)
    notice_files: list[Case] = field(default_factory=list)
    agreement_forms: list[Case] = field(default_factory=list)
    scorecards: list[Case] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)


@pytest.fixture(scope="package")
def walk(world: World, django_db_blocker) -> Iterator[Walk]:  # noqa: F811
    # world's package transaction is open: what is made here is rolled back with it.
    with django_db_blocker.unblock():
        _extra_personas()
        _evidence_file()
        _notices()
        yield _cases(world)


def _extra_personas() -> None:
    ubon = Round.objects.get(province__is_demo=True).province
    staff = Person(
        province=ubon,
        district=District.objects.get(dopa_code="3401"),
        title="นางสาว",
        first_name="ทดสอบ",
        last_name="เจ้าหน้าที่",
        position="นักวิชาการพัฒนาชุมชนปฏิบัติการ",
    )
    viewer = Person(
        province=ubon,
        unit=Unit.objects.get(province=ubon, name="ฝ่ายอำนวยการ"),
        title="นาย",
        first_name="ทดสอบ",
        last_name="ผู้ดูข้อมูล",
        position="นักจัดการงานทั่วไป",
    )
    for username, person, role in (
        ("s3401", staff, access.DISTRICT_STAFF),
        ("viewer", viewer, access.VIEWER),
    ):
        if get_user_model()._default_manager.filter(username=username).exists():
            continue  # the demo's own
        save_audited(person, by=None, reason="test")
        create_account(
            username, password=DEMO_PASSWORD, by=None, reason="test", roles=[role], person=person
        )


def _draft_of_3402() -> Result:
    return (
        Result.objects.filter(district__dopa_code="3402", state="draft")
        .exclude(item__indicator__kind="individual", item__indicator__number=8)
        .order_by("pk")
        .first()
    )


def _evidence_file() -> None:
    add_evidence_file(
        _draft_of_3402(), ContentFile(PDF, name="รายงาน.pdf"), by=user("d3402"), title="รายงาน"
    )


def _notices() -> None:
    round = Round.objects.select_related("province").get(province__is_demo=True)
    admin = user("province")
    team_5 = Indicator.objects.select_related("round__province").get(
        round=round, kind="team", number=5
    )
    text = "รายงานผลการดำเนินงานองค์กรคุณธรรมของหน่วยงานต่อผู้บังคับบัญชา ภายในเดือนสิงหาคม"
    notice = start_revision(round, by=admin)
    revise_in_draft(notice, team_5, by=admin, **values_of(team_5, level_texts={(None, 5): text}))
    issue_notice(notice, by=admin, date=date(2024, 7, 15))
    individual_8 = Indicator.objects.select_related("round__province").get(
        round=round, kind="individual", number=8
    )
    draft = start_revision(round, by=admin)
    level = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ไม่น้อยกว่าร้อยละ 80 ขึ้นไป"
    revise_in_draft(
        draft,
        individual_8,
        by=admin,
        **values_of(individual_8, level_texts={("medium", 5): level}),
    )


def _province(round: Round) -> str:
    return UBON if round.province.is_demo else OTHER


def _cases(world: World) -> Walk:  # noqa: F811
    walk = Walk()
    rounds = Round.objects.select_related("province").order_by("pk")
    ubon_round = next(r for r in rounds if r.province.is_demo)
    for round in rounds:
        appraised = {
            f"d{a.district.dopa_code}"
            for a in Agreement.objects.for_round(round).individual().select_related("district")
        }
        walk.rounds.append(
            Case(
                f"{_province(round)} round",
                {"pk": round.pk},
                {"province": _province(round), "status": round.status, "appraised": appraised},
            )
        )
    for kind, number in (("individual", 8), ("team", 1)):
        indicator = Indicator.objects.get(round=ubon_round, kind=kind, number=number)
        walk.indicators.append(
            Case(
                f"{kind} {number}",
                {"pk": indicator.pk},
                {
                    "province": UBON,
                    "owner_unit": indicator.version_in_force.responsible_unit.name,
                    "round_status": ubon_round.status,
                },
            )
        )
    for document in SourceDocument.objects.filter(round=ubon_round).order_by("pk")[:1]:
        walk.documents.append(Case(document.number, {"pk": document.pk}, {"province": UBON}))
    _result_cases(walk, ubon_round)
    _agreement_cases(walk, ubon_round)
    _notice_cases(walk, ubon_round)
    _report_cases(walk, rounds)
    return walk


def _result_facts(result: Result) -> dict[str, Any]:
    return {
        "province": UBON,
        "district": result.district.dopa_code,
        "owner_unit": result.item.indicator.version_in_force.responsible_unit.name,
        "state": result.state,
        "round_status": result.item.agreement.round.status,
    }


def _result_cases(walk: Walk, round: Round) -> None:
    results = Result.objects.for_round(round).with_related()

    def pick(label: str, **lookup: Any) -> None:
        found = results.filter(**lookup).order_by("pk").first()
        assert found is not None, label
        walk.results.append(Case(label, {"pk": found.pk}, _result_facts(found)))

    pick(
        "3401 individual 8",
        district__dopa_code="3401",
        item__indicator__number=8,
        person__isnull=False,
    )
    pick("3401 team 1", district__dopa_code="3401", item__indicator__number=1, person__isnull=True)
    pick("3402 draft", pk=_draft_of_3402().pk)
    pick("verified", state="verified", verified_level__isnull=True)
    pick(
        "submitted to info",
        state="submitted",
        item__indicator__kind="individual",
        item__indicator__number=8,
    )
    pick("returned", state="returned")
    for evidence in Evidence.objects.filter(result__in=results).order_by("kind", "pk"):
        code = evidence.result.district.dopa_code
        if code in ("3401", "3402") and not any(c.district == code for c in walk.evidence):
            facts = {**_result_facts(evidence.result), "kind": evidence.kind}
            walk.evidence.append(Case(f"{code} {evidence.kind}", {"pk": evidence.pk}, facts))


def _agreement_facts(agreement: Agreement) -> dict[str, Any]:
    acknowledged = {
        side
        for side in ("evaluator", "evaluatee")
        if getattr(agreement, f"{side}_acknowledged_at") is not None
    }
    evaluatee = agreement.evaluatee
    return {
        "province": UBON,
        "district": agreement.district.dopa_code,
        "kind": agreement.kind,
        "round_status": agreement.round.status,
        "evaluator": getattr(agreement.evaluator.user, "username", None),
        "evaluatee": getattr(getattr(evaluatee, "user", None), "username", None),
        "acknowledged": acknowledged,
    }


def _agreement_cases(walk: Walk, round: Round) -> None:
    agreements = Agreement.objects.for_round(round).select_related(
        "round", "district", "evaluatee__user", "evaluator__user"
    )
    for code, kind in (("3401", "individual"), ("3402", "team")):
        agreement = agreements.get(district__dopa_code=code, kind=kind)
        facts = _agreement_facts(agreement)
        walk.agreements.append(Case(f"{code} {kind}", {"pk": agreement.pk}, facts))
        item = AgreementItem.objects.filter(agreement=agreement).order_by("pk").first()
        walk.items.append(Case(f"{code} {kind} item", {"pk": item.pk}, facts))


def _notice_cases(walk: Walk, round: Round) -> None:
    for notice in Notice.objects.filter(round=round).order_by("pk"):
        issued = notice.state == Notice.State.ISSUED
        facts = {"province": UBON, "issued": issued}
        label = "issued" if issued else "draft"
        walk.notices.append(Case(label, {"pk": notice.pk}, facts))
        for indicator in Indicator.objects.filter(round=round, number=8, kind="individual"):
            walk.notice_indicators.append(
                Case(label, {"pk": notice.pk, "indicator_pk": indicator.pk}, facts)
            )
        for fmt in ("pdf", "docx"):
            stored = bool(getattr(notice, fmt, None))
            walk.notice_files.append(
                Case(f"{label} {fmt}", {"pk": notice.pk, "fmt": fmt}, {**facts, "stored": stored})
            )
    assert {case.label for case in walk.notices} == {"issued", "draft"}


def _report_cases(walk: Walk, rounds: Any) -> None:
    heads = {
        code: Person.objects.select_related("user").get(user__username=f"d{code}")
        for code in ("3401", "3402")
    }
    for round in rounds:
        province = _province(round)
        for code in ("3401", "3402"):
            district = District.objects.get(dopa_code=code)
            walk.agreement_forms.append(
                Case(
                    f"{province} round, {code}",
                    {"round_pk": round.pk, "district_pk": district.pk},
                    {"province": province, "district": code, "district_province": UBON},
                )
            )
            walk.scorecards.append(
                Case(
                    f"{province} round, head of {code}",
                    {"round_pk": round.pk, "person_pk": heads[code].pk},
                    {
                        "province": province,
                        "person": f"d{code}",
                        "person_round": UBON,
                        "status": round.status,
                    },
                )
            )
