"""The agreement forms of a district, from its agreements (``kpi.agreements``).

A person is appraised on their office's team agreement plus their own individual agreement;
the form they sign with the provincial head lists both, and their weights make 100
(``kpi.agreements.weights``). A district whose head is not known yet has only the team
agreement: its form lists that alone, the evaluatee's name left to be written in.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from kpi.agreements.models import Agreement, AgreementItem
from kpi.documents.models import in_issue_order
from kpi.documents.reports.common import (
    acknowledged_on,
    indicator_text,
    kind_title,
    name_of,
    position_of,
    round_heading,
    round_phrase,
)
from kpi.documents.writing.agreement_form import AgreementForm, AgreementForms, FormRow
from kpi.documents.writing.signature import Signature
from kpi.documents.writing.wording import Numerals
from kpi.rounds.display import unit_name
from kpi.rounds.models import IndicatorVersion, Round
from kpi.scoring import weights_total

EVALUATOR = "ผู้ประเมิน"
EVALUATEE = "ผู้รับการประเมิน"


def _versions(round: Round) -> dict[int, IndicatorVersion]:
    versions = (
        IndicatorVersion.objects.in_force()
        .for_round(round)
        .select_related("responsible_unit", "source_document")
    )
    return {version.indicator_id: version for version in versions}


def _rows(
    agreements: list[Agreement], versions: dict[int, IndicatorVersion], numerals: Numerals
) -> tuple[FormRow, ...]:
    rows: list[FormRow] = []
    weights = []
    for agreement in agreements:
        heading = kind_title(agreement.kind)
        if agreement.is_team:
            heading = f"{heading} ({numerals(agreement.district.office_name)})"
        rows.append(FormRow("section", heading))
        for item in agreement.items.all():
            version = versions.get(item.indicator_id)
            rows.append(
                FormRow(
                    "item",
                    indicator_text(item.indicator, numerals),
                    numerals.number(item.weight),
                    numerals(unit_name(version)) if version is not None else "",
                )
            )
            weights.append(item.weight)
    rows.append(FormRow("total", "รวม", numerals.number(weights_total(weights))))
    return tuple(rows)


def _references(
    agreements: list[Agreement], versions: dict[int, IndicatorVersion], numerals: Numerals
) -> str:
    """The circulars whose criteria are in force: ``ที่ อบ ๐๐๑๙/ว ๕๓๖ ลงวันที่ …``."""
    documents = {}
    for agreement in agreements:
        for item in agreement.items.all():
            version = versions.get(item.indicator_id)
            if version is not None and version.source_document is not None:
                documents[version.source_document.pk] = version.source_document
    cited = []
    for document in in_issue_order(documents.values()):
        if not document.number:
            continue
        text = f"ที่ {numerals(document.number)}"
        if document.date:
            text += f" ลงวันที่ {numerals.date(document.date)}"
        cited.append(text)
    return " และ".join(cited)


def _signature(
    agreements: list[Agreement], side: str, role: str, fallback: str, numerals: Numerals
) -> Signature:
    """The *side*'s block; dated once that side has acknowledged every agreement listed."""
    first = agreements[-1]  # the individual agreement names the evaluatee when there is one
    person = getattr(first, side)
    moments = [getattr(agreement, f"{side}_acknowledged_at") for agreement in agreements]
    date = ""
    if all(moments):
        day = acknowledged_on(max(moments))  # type: ignore[type-var]
        date = numerals.date(day) if day else ""
    return Signature(
        name_of(person, numerals), (position_of(person, fallback, numerals),), role, date
    )


def _form(
    round: Round,
    agreements: list[Agreement],
    versions: dict[int, IndicatorVersion],
    numerals: Numerals,
) -> AgreementForm:
    district = agreements[0].district
    province = round.province
    evaluator = _signature(agreements, "evaluator", EVALUATOR, province.head_position, numerals)
    head_position = f"พัฒนาการอำเภอ{district.name}"
    evaluatee = _signature(agreements, "evaluatee", EVALUATEE, head_position, numerals)
    period = round_phrase(round, numerals)

    def named(block: Signature) -> str:
        return f"{block.name} ตำแหน่ง{block.position[0]}" if block.name else block.position[0]

    kinds = " และ".join(
        kind_title(a.kind) + (f"ของ{numerals(district.office_name)}" if a.is_team else "")
        for a in agreements
    )
    references = _references(agreements, versions, numerals)
    details = f"รายละเอียดของคำรับรอง ได้แก่ {kinds} น้ำหนัก และหน่วยงานรับผิดชอบ ตามตารางท้ายนี้"
    if references:
        details += f" โดยเกณฑ์การให้คะแนนเป็นไปตามหนังสือ{province.office_name} {references}"
    clauses = (
        f"คำรับรองนี้เป็นคำรับรองระหว่าง {named(evaluator)} {EVALUATOR} "
        f"กับ {named(evaluatee)} {EVALUATEE}",
        f"คำรับรองนี้ใช้สำหรับการประเมินผลการปฏิบัติราชการ{period}",
        details,
        f"{EVALUATOR}ได้พิจารณาและเห็นชอบกับตัวชี้วัดและน้ำหนักตามคำรับรองนี้ "
        f"และยินดีให้การสนับสนุนเพื่อให้{EVALUATEE}ปฏิบัติราชการได้บรรลุผลตามคำรับรอง",
        f"{EVALUATEE}ได้ทำความเข้าใจคำรับรองนี้แล้ว ขอให้คำรับรองว่าจะมุ่งมั่นปฏิบัติราชการ"
        "ให้เกิดผลงานที่ดีตามเป้าหมายของตัวชี้วัดในคำรับรองนี้",
        f"{EVALUATOR}และ{EVALUATEE}ได้เข้าใจคำรับรองการปฏิบัติราชการนี้แล้ว จึงได้ลงลายมือชื่อไว้เป็นสำคัญ",
    )
    return AgreementForm(
        title=(
            "คำรับรองการปฏิบัติราชการ",
            round_heading(round, numerals),
            f"ระหว่าง {evaluator.position[0]}",
            f"กับ {evaluatee.position[0]}",
        ),
        clauses=tuple(
            f"{numerals(str(number))}. {clause}" for number, clause in enumerate(clauses, 1)
        ),
        rows=_rows(agreements, versions, numerals),
        signatures=(evaluator, evaluatee),
        phrases=(evaluator.name, evaluatee.name),
    )


def _grouped(agreements: list[Agreement]) -> list[list[Agreement]]:
    """Per appraised person: the office's team agreement and their own (the team's alone
    when the office has no individual agreement)."""
    teams = {a.district_id: a for a in agreements if a.is_team}
    own = [a for a in agreements if not a.is_team]
    groups = [[a] if a.district_id not in teams else [teams[a.district_id], a] for a in own]
    covered = {a.district_id for a in own}
    groups += [[team] for district, team in teams.items() if district not in covered]
    return sorted(groups, key=lambda g: (g[0].district.dopa_code, g[-1].pk))


def agreement_forms(
    round: Round, agreements: Iterable[Agreement], *, thai_digits: bool = True
) -> AgreementForms:
    """The forms of *agreements* (one district's, say) in *round*: three queries.

    Args:
        round: the agreements' round.
        agreements: the agreements to print (``access.district_agreements_or_404``).
        thai_digits: print ``๐``-``๙`` (the default) rather than ``0``-``9``.
    """
    numerals = Numerals(thai_digits)
    items = AgreementItem.objects.select_related("indicator").order_by("indicator__number", "pk")
    ids = (
        agreements.values("pk") if isinstance(agreements, QuerySet) else [a.pk for a in agreements]
    )
    loaded = list(
        Agreement.objects.filter(pk__in=ids)
        .select_related("district", "evaluatee", "evaluator")
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("district__dopa_code", "-kind", "pk")
    )
    versions = _versions(round)
    forms = [_form(round, group, versions, numerals) for group in _grouped(loaded)]
    districts = sorted({a.district.name for a in loaded})
    return AgreementForms(
        title=f"คำรับรองการปฏิบัติราชการ อำเภอ{' '.join(districts)} {round_phrase(round, numerals)}",
        author=round.province.office_name,
        forms=forms,
        thai_digits=thai_digits,
    )
