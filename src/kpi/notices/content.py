"""A notice's content as ``kpi-circular/1``: the letter's parts, the round, and versions.

Every string goes through the parser's own normalisation (``kpi.circulars.normalise.clean``),
so that what ``kpi parse`` reads back from the written notice is the content itself.
"""

from __future__ import annotations

import copy
from typing import Any

from kpi.circulars.model import SCHEMA, Version
from kpi.circulars.normalise import clean
from kpi.documents.models import SourceDocument
from kpi.rounds.models import Indicator, IndicatorVersion, Round

#: The seed's addressee: a circular to every district office (``ถึง``, not ``เรียน``).
RECIPIENTS = "สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ"
#: The seed's evaluatee when an earlier circular of the round names none.
EVALUATEE = "พัฒนาการอำเภอ"

FIRST = "first"
REVISION = "revision"


def _text(value: str | None) -> str | None:
    cleaned = clean(value) if value else ""
    return cleaned or None


def normalise_version(data: dict[str, Any]) -> dict[str, Any]:
    """*data* (a version dict) in the contract's shape: keys in order, numbers as JSON numbers,
    texts normalised, plus ``interpolation``."""
    interpolation = bool(data.get("interpolation", False))
    version = Version.from_dict(
        {
            **data,
            "responsible_unit": _text(data.get("responsible_unit")),
            "responsible_persons": [
                name for name in map(_text, data.get("responsible_persons") or []) if name
            ],
            "unit": _text(data.get("unit")),
            "criteria": [
                {
                    **criterion,
                    "levels": [
                        {**level, "text": _text(level.get("text")) or ""}
                        for level in criterion.get("levels") or []
                    ],
                }
                for criterion in data.get("criteria") or []
            ],
        }
    ).to_dict()
    version["interpolation"] = interpolation
    return version


def version_dict(version: IndicatorVersion, status: str) -> dict[str, Any]:
    """A stored version as the content's version dict, printed as *status*."""
    return normalise_version({**version.as_contract(), "status": status})


def indicator_entry(indicator: Indicator, versions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "kind": indicator.kind,
        "number": indicator.number,
        "name": _text(indicator.name) or "",
        "versions": versions,
    }


def sort_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Team indicators first, each kind by number, as circulars list them."""
    return sorted(entries, key=lambda entry: (entry["kind"] != "team", entry["number"]))


def contract(content: dict[str, Any]) -> dict[str, Any]:
    """*content* as ``kpi-circular/1`` exactly: without the ``interpolation`` keys."""
    printed = copy.deepcopy(content)
    for entry in printed.get("indicators", []):
        for version in entry.get("versions", []):
            version.pop("interpolation", None)
    return printed


def earlier_circular(round: Round) -> SourceDocument | None:
    """The round's latest circular (imported or issued here): the one a new notice cites."""
    return SourceDocument.objects.for_round(round).order_by("-imported_at", "-pk").first()


def references_to(document: SourceDocument | None) -> list[dict[str, Any]]:
    if document is None or not document.number:
        return []
    return [
        {"number": document.number, "date": document.date.isoformat() if document.date else None}
    ]


def _earlier_parts(document: SourceDocument | None) -> tuple[dict[str, Any], dict[str, Any]]:
    parsed = (document.parsed if document is not None else None) or {}
    return parsed.get("document") or {}, parsed.get("agreement") or {}


def round_block(round: Round) -> dict[str, Any]:
    return {
        "fiscal_year": round.fiscal_year,
        "number": round.number,
        "start": round.start.isoformat(),
        "end": round.end.isoformat(),
    }


def subject_for(kind: str, round: Round, evaluatee: str) -> str:
    what = "แจ้งการปรับแก้ไขตัวชี้วัด" if kind == REVISION else "แจ้งตัวชี้วัดและค่าเป้าหมาย"
    return (
        f"{what}การประเมินผลการปฏิบัติราชการของ{evaluatee} "
        f"รอบที่ {round.number} ประจำปีงบประมาณ พ.ศ. {round.fiscal_year}"
    )


def new_content(round: Round, kind: str, earlier: SourceDocument | None) -> dict[str, Any]:
    """An empty notice of *kind* for *round*: the letter's parts come from the round's earlier
    circular where it states them (owner unit, telephone, the agreement's parties)."""
    letter, agreement = _earlier_parts(earlier)
    evaluatee = agreement.get("evaluatee") or EVALUATEE
    return {
        "schema": SCHEMA,
        "document": {
            "number": None,
            "date": None,
            "issuer": round.province.office_name,
            "to": letter.get("to") or RECIPIENTS,
            "subject": subject_for(kind, round, evaluatee),
            "references": references_to(earlier),
            "owner_unit": letter.get("owner_unit"),
            "phone": letter.get("phone"),
            "fax": letter.get("fax"),
        },
        "round": round_block(round),
        "agreement": {
            "evaluator": agreement.get("evaluator") or round.province.head_position,
            "evaluatee": evaluatee,
        },
        "indicators": [],
    }


def first_circular_content(round: Round, indicators: list[Indicator]) -> dict[str, Any]:
    """The round's first circular: every indicator once, its version in force as ``current``.

    *indicators* come with ``with_version_in_force()`` and each has a version in force.
    """
    content = new_content(round, FIRST, None)
    content["indicators"] = sort_entries(
        [
            indicator_entry(indicator, [version_dict(indicator.version_in_force, "current")])
            for indicator in indicators
            if indicator.version_in_force is not None
        ]
    )
    return content


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two JSON values first differ (``indicators[1].versions[0].weight``), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            found = first_difference(a.get(key), b.get(key), f"{path}.{key}" if path else key)
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return path or "."
        for index, (left, right) in enumerate(zip(a, b, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found is not None:
                return found
        return None
    return None if a == b else (path or ".")
