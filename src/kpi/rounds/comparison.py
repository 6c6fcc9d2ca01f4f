"""The indicator page's data: every version of an indicator, and what changed between them.

Each version is compared with the one before it. Criteria are matched by district size; a
side without size-specific criteria contributes its all-sizes criterion to every size, so
the revised indicator 8 (three sizes) compares each size's levels with the original's single
set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from django.utils.translation import gettext as _

from kpi.documents.models import SourceDocument
from kpi.org.models import Size
from kpi.rounds.diff import WordDiff, diff_words
from kpi.rounds.display import bounds_text, contact_names, number_text, unit_name
from kpi.rounds.models import Criterion, Indicator, IndicatorVersion

SIZE_ORDER: tuple[str | None, ...] = (None, *Size.values)


@dataclass(frozen=True)
class LevelView:
    level: int
    text: str
    bounds: str


@dataclass(frozen=True)
class CriterionView:
    size: str | None
    label: str
    levels: dict[int, LevelView]

    @property
    def anchor(self) -> str:
        return f"size-{self.size or 'all'}"


@dataclass(frozen=True)
class Reference:
    number: str
    date: date | None


@dataclass(frozen=True)
class VersionView:
    version: IndicatorVersion
    weight: str
    unit: str
    contacts: list[str]
    method: str
    measure_unit: str
    direction: str
    interpolation: str
    criteria: dict[str | None, CriterionView]
    document: SourceDocument | None
    references: list[Reference]

    @property
    def criteria_list(self) -> list[CriterionView]:
        return list(self.criteria.values())


@dataclass(frozen=True)
class FieldRow:
    label: str
    diff: WordDiff


@dataclass(frozen=True)
class LevelRow:
    level: int
    text: WordDiff
    bounds: WordDiff

    @property
    def changed(self) -> bool:
        return self.text.changed or self.bounds.changed


@dataclass(frozen=True)
class SizeComparison:
    size: str | None
    label: str
    old_label: str
    levels: list[LevelRow]

    @property
    def anchor(self) -> str:
        return f"compare-{self.size or 'all'}"

    @property
    def changed(self) -> bool:
        return any(row.changed for row in self.levels)


@dataclass(frozen=True)
class Comparison:
    old: VersionView
    new: VersionView
    fields: list[FieldRow]
    sizes: list[SizeComparison]

    @property
    def changed_fields(self) -> list[FieldRow]:
        return [row for row in self.fields if row.diff.changed]

    @property
    def unchanged_fields(self) -> list[FieldRow]:
        """Fields the same on both sides, except those empty on both (nothing to say)."""
        return [row for row in self.fields if not row.diff.changed and row.diff.new]


def indicator_versions(indicator: Indicator) -> list[IndicatorVersion]:
    """Every version of *indicator*, oldest first, in five queries whatever their number."""
    return list(
        indicator.versions.select_related("responsible_unit", "source_document")
        .prefetch_related("contact_persons", "criteria__levels")
        .order_by("created", "pk")
    )


def version_view(version: IndicatorVersion) -> VersionView:
    criteria = {
        criterion.district_size: _criterion_view(criterion) for criterion in version.criteria.all()
    }
    return VersionView(
        version=version,
        weight=number_text(version.weight),
        unit=unit_name(version),
        contacts=contact_names(version),
        method=version.get_method_display(),
        measure_unit=_("ร้อยละ")
        if version.measure_unit == "percent"
        else version.measure_unit or "",
        direction=version.get_direction_display() if version.direction else "",
        interpolation=_("ใช่") if version.interpolation else _("ไม่ใช่"),
        criteria=dict(sorted(criteria.items(), key=lambda item: SIZE_ORDER.index(item[0]))),
        document=version.source_document,
        references=_references(version.source_document),
    )


def compare(old: VersionView, new: VersionView) -> Comparison:
    fields = [
        (_("น้ำหนัก (ร้อยละ)"), old.weight, new.weight),
        (_("หน่วยงานรับผิดชอบ"), old.unit, new.unit),
        (_("ผู้ประสานงาน"), ", ".join(old.contacts), ", ".join(new.contacts)),
        (_("วิธีการวัด"), old.method, new.method),
        (_("หน่วยวัด"), old.measure_unit, new.measure_unit),
        (_("ทิศทางของค่าเป้าหมาย"), old.direction, new.direction),
        (_("คิดคะแนนแบบเทียบสัดส่วนระหว่างระดับ"), old.interpolation, new.interpolation),
    ]
    return Comparison(
        old=old,
        new=new,
        fields=[FieldRow(label, diff_words(a, b)) for label, a, b in fields],
        sizes=_compare_criteria(old.criteria, new.criteria),
    )


def history(versions: list[IndicatorVersion]) -> tuple[list[VersionView], list[Comparison]]:
    """Views of *versions* (oldest first) and the comparison of each with the one before it,
    newest comparison first."""
    views = [version_view(version) for version in versions]
    comparisons = [compare(old, new) for old, new in pairwise(views)]
    return views, comparisons[::-1]


def _criterion_view(criterion: Criterion) -> CriterionView:
    return CriterionView(
        size=criterion.district_size,
        label=str(criterion),
        levels={
            row.level: LevelView(row.level, row.text, bounds_text(row))
            for row in criterion.levels.all()
        },
    )


def _pick(criteria: dict[str | None, CriterionView], size: str | None) -> CriterionView | None:
    return criteria.get(size) or criteria.get(None)


def _compare_criteria(
    old: dict[str | None, CriterionView], new: dict[str | None, CriterionView]
) -> list[SizeComparison]:
    present = set(old) | set(new)
    sizes = [size for size in SIZE_ORDER if size in present]
    if any(size is not None for size in sizes):
        # Sizes are named on at least one side: the all-sizes criterion stands in for each.
        sizes = [size for size in sizes if size is not None]
    result = []
    for size in sizes:
        before, after = _pick(old, size), _pick(new, size)
        levels = sorted(set(before.levels if before else ()) | set(after.levels if after else ()))
        rows = []
        for level in levels:
            a = before.levels.get(level) if before else None
            b = after.levels.get(level) if after else None
            rows.append(
                LevelRow(
                    level=level,
                    text=diff_words(a.text if a else "", b.text if b else ""),
                    bounds=diff_words(a.bounds if a else "", b.bounds if b else ""),
                )
            )
        result.append(
            SizeComparison(
                size=size,
                label=after.label if after and after.size == size else _size_label(size),
                old_label=before.label if before else "",
                levels=rows,
            )
        )
    return result


def _size_label(size: str | None) -> str:
    return str(Size(size).label) if size else _("อำเภอทุกขนาด")


def _references(document: SourceDocument | None) -> list[Reference]:
    """The letters a document cites (``อ้างถึง``/``ตามหนังสือ``), as the parser read them."""
    if document is None:
        return []
    found: list[Any] = (document.parsed or {}).get("document", {}).get("references") or []
    references = []
    for item in found:
        if not isinstance(item, dict) or not item.get("number"):
            continue
        try:
            day = date.fromisoformat(item["date"]) if item.get("date") else None
        except ValueError:
            day = None
        references.append(Reference(item["number"], day))
    return references
