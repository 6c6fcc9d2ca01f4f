"""What the import page shows before saving: the circular as understood, and what importing it
would change. Built from the parser's ``kpi-circular/1`` dict and the dry run's
``ImportResult`` (``kpi.rounds.importing.preview_import``); nothing here decides anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kpi.documents.models import SourceDocument
from kpi.org.models import Size
from kpi.rounds.import_plan import ImportResult, IndicatorStep
from kpi.rounds.models import IndicatorVersion
from kpi.scores.calculator import indicator_title

OUTCOMES = {
    "created": ("new", gettext_noop("ตัวชี้วัดใหม่")),
    "revised": ("revised", gettext_noop("เพิ่มฉบับใหม่")),
    "unchanged": ("same", gettext_noop("ไม่เปลี่ยนแปลง")),
}


def iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass
class VersionPreview:
    status_label: str
    data: dict[str, Any]
    #: this version would be stored (False: the round already has it)
    stored: bool
    method_label: str
    criteria: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)


@dataclass
class IndicatorPreview:
    title: str
    number: int
    name: str
    outcome: str
    outcome_label: str
    versions: list[VersionPreview]


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _version(data: dict[str, Any], step: IndicatorStep | None) -> VersionPreview:
    stored = step is not None and any(data is v for v in step.versions)
    criteria = []
    for criterion in data.get("criteria") or []:
        size = criterion.get("district_size")
        label = _label(Size, size) if size else _("อำเภอทุกขนาด")
        criteria.append((label, criterion.get("levels") or []))
    return VersionPreview(
        status_label=_label(IndicatorVersion.Status, data.get("status")),
        data=data,
        stored=stored,
        method_label=_label(IndicatorVersion.Method, data.get("method")),
        criteria=criteria,
    )


def describe(parsed: dict[str, Any], result: ImportResult) -> dict[str, Any]:
    """The template context of a preview."""
    document = parsed.get("document") or {}
    steps = {(s.kind, s.number): s for s in result.steps}
    indicators = []
    for entry in parsed.get("indicators") or []:
        step = steps.get((entry.get("kind"), entry.get("number")))
        css, label = OUTCOMES.get(step.outcome if step else "", ("same", ""))
        indicators.append(
            IndicatorPreview(
                title=indicator_title(entry.get("kind") or "", entry.get("number") or 0),
                number=entry.get("number"),
                name=entry.get("name") or "",
                outcome=css,
                outcome_label=_(label) if label else "",
                versions=[_version(v, step) for v in entry.get("versions") or []],
            )
        )
    round_block = parsed.get("round") or {}
    return {
        "document": document,
        "document_date": iso_date(document.get("date")),
        "references": [
            {"number": r.get("number"), "date": iso_date(r.get("date"))}
            for r in document.get("references") or []
        ],
        "round_block": round_block,
        "round_start": iso_date(round_block.get("start")),
        "round_end": iso_date(round_block.get("end")),
        "kind_label": _label(SourceDocument.Kind, result.kind),
        "result": result,
        "indicators": indicators,
        "changes": _changes(result),
    }


def _changes(result: ImportResult) -> list[tuple[str, int]]:
    """What would be written, as labelled counts; empty when nothing would change."""
    labels = [
        ("rounds", _("รอบการประเมินใหม่")),
        ("indicators", _("ตัวชี้วัดใหม่")),
        ("versions", _("ฉบับของตัวชี้วัดที่จะบันทึก")),
        ("criteria", _("ชุดเกณฑ์ (ตามขนาดอำเภอ)")),
        ("levels", _("ระดับคะแนน")),
        ("units", _("หน่วยงานใหม่")),
    ]
    rows = [(label, result.created[key]) for key, label in labels if result.created.get(key)]
    unchanged = [
        ("indicators", _("ตัวชี้วัดที่มีอยู่แล้ว")),
        ("versions", _("ฉบับที่มีอยู่แล้ว (ไม่เปลี่ยนแปลง)")),
    ]
    rows += [
        (label, result.unchanged[key]) for key, label in unchanged if result.unchanged.get(key)
    ]
    return rows
