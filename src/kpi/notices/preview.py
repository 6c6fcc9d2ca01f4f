"""What the preview shows beside the letter: each revised indicator's เดิม and แก้ไข, compared
word by word with the indicator page's comparison (``kpi.rounds.comparison.compare``).

The draft's versions are dicts, not rows; they are shown through unsaved model instances so
that the page's display helpers (method labels, bounds as symbols) are the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from kpi.documents import writing
from kpi.documents.writing.wording import KIND_TITLES, SIZE_TITLES
from kpi.org.models import Size
from kpi.rounds.comparison import (
    SIZE_ORDER,
    Comparison,
    CriterionView,
    LevelView,
    VersionView,
    compare,
)
from kpi.rounds.contract import to_decimal
from kpi.rounds.display import bounds_text, number_text
from kpi.rounds.models import CriterionLevel, IndicatorVersion
from kpi.thai import to_arabic


@dataclass(frozen=True)
class IndicatorChange:
    kind: str
    number: int
    name: str
    comparison: Comparison
    #: the indicator's page and revise form, when it is still in the round
    indicator_id: int | None

    @property
    def kind_label(self) -> str:
        return _("ตัวชี้วัดรายทีม") if self.kind == "team" else _("ตัวชี้วัดรายบุคคล")

    @property
    def anchor(self) -> str:
        return f"change-{self.kind}-{self.number}"


def _criterion(data: dict[str, Any]) -> CriterionView:
    size = data.get("district_size")
    levels = {}
    for level in data.get("levels", []):
        row = CriterionLevel(
            level=level["level"],
            text=level.get("text") or "",
            min=to_decimal(level.get("min")),
            max=to_decimal(level.get("max")),
            min_exclusive=bool(level.get("min_exclusive")),
            max_exclusive=bool(level.get("max_exclusive")),
        )
        levels[row.level] = LevelView(row.level, row.text, bounds_text(row))
    label = str(Size(size).label) if size else _("อำเภอทุกขนาด")
    return CriterionView(size=size, label=label, levels=levels)


def version_view(data: dict[str, Any]) -> VersionView:
    """A version dict as the indicator page shows a stored version."""
    version = IndicatorVersion(
        status=data["status"],
        weight=to_decimal(data["weight"]),
        method=data["method"],
        measure_unit=data.get("unit"),
        direction=data.get("direction"),
        interpolation=bool(data.get("interpolation")),
    )
    criteria = {c.get("district_size"): _criterion(c) for c in data.get("criteria", [])}
    measure = data.get("unit")
    return VersionView(
        version=version,
        weight=number_text(version.weight or Decimal(0)),
        unit=data.get("responsible_unit") or "",
        contacts=list(data.get("responsible_persons") or []),
        method=version.get_method_display(),
        measure_unit=_("ร้อยละ") if measure == "percent" else measure or "",
        direction=version.get_direction_display() if version.direction else "",
        interpolation=_("ใช่") if version.interpolation else _("ไม่ใช่"),
        criteria=dict(sorted(criteria.items(), key=lambda item: SIZE_ORDER.index(item[0]))),
        document=None,
        references=[],
    )


def changes(
    content: dict[str, Any], indicator_ids: dict[tuple[str, int], int]
) -> list[IndicatorChange]:
    """Each indicator of a revision notice with its comparison, in the notice's order."""
    found = []
    for entry in content.get("indicators", []):
        by_status = {version["status"]: version for version in entry.get("versions", [])}
        if "original" not in by_status or "revised" not in by_status:
            continue
        found.append(
            IndicatorChange(
                kind=entry["kind"],
                number=entry["number"],
                name=entry.get("name") or "",
                comparison=compare(
                    version_view(by_status["original"]), version_view(by_status["revised"])
                ),
                indicator_id=indicator_ids.get((entry["kind"], entry["number"])),
            )
        )
    return found


def changed_levels(comparison: Comparison) -> set[tuple[str | None, int]]:
    """``(size, level)`` of every changed level; ``(None, level)`` too when the level changed
    for any size (a side printed for every size stands for each of them)."""
    found: set[tuple[str | None, int]] = set()
    for size in comparison.sizes:
        for row in size.levels:
            if row.changed:
                found |= {(size.size, row.level), (None, row.level)}
    return found


_SIZES_BY_TITLE = {title: size for size, title in SIZE_TITLES.items()}
_FIELDS_OF_CELL = {"weight": {"weight"}, "responsible": {"unit", "contacts"}}


def _field_keys(comparison: Comparison) -> set[str]:
    keys = {
        _("น้ำหนัก (ร้อยละ)"): "weight",
        _("หน่วยงานรับผิดชอบ"): "unit",
        _("ผู้ประสานงาน"): "contacts",
    }
    return {keys[row.label] for row in comparison.changed_fields if row.label in keys}


def _mark_row(row: Any, comparison: Comparison, css: str) -> None:
    levels = changed_levels(comparison)
    size: str | None = None
    for paragraph in row.select("td.content p"):
        role = paragraph.get("class", [""])[0]
        if role == "size":
            size = _SIZES_BY_TITLE.get(paragraph.get_text(strip=True))
        elif role == "level":
            number = to_arabic(paragraph.b.get_text(strip=True)).split()[-1]
            if number.isdigit() and (size, int(number)) in levels:
                paragraph["class"] = [*paragraph["class"], css]
    fields = _field_keys(comparison)
    for cell, names in _FIELDS_OF_CELL.items():
        if fields & names:
            for td in row.select(f"td.{cell}"):
                td["class"] = [*td["class"], css]


def paper_html(printed: writing.Notice, found: list[IndicatorChange]) -> SafeString:
    """The notice as ``documents/print/notice_content.html`` prints it, with each change
    marked where it is printed: ``changed`` in the แก้ไข row, ``was`` in the เดิม row."""
    html = render_to_string(
        "documents/print/notice_content.html", {"notice": printed, "emblem_src": ""}
    )
    if not found:
        return mark_safe(html)  # the writer's template escapes every value
    soup = BeautifulSoup(html, "html.parser")
    by_key = {(change.kind, change.number): change for change in found}
    for table in soup.select("table.indicators"):
        header = table.select_one("thead th")
        kind = next((k for k, t in KIND_TITLES.items() if header and header.get_text() == t), None)
        for row in table.select("tbody tr"):
            heading = row.select_one("p.heading b")
            number = to_arabic(heading.get_text(strip=True)).split()[-1] if heading else ""
            change = by_key.get((kind, int(number))) if number.isdigit() else None
            status = (row.get("class") or [""])[0]
            if change is not None and status in ("original", "revised"):
                _mark_row(row, change.comparison, "changed" if status == "revised" else "was")
    return mark_safe(str(soup))
