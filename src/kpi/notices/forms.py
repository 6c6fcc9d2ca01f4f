"""Forms of the notice pages: revising an indicator, the letter's parts, issuing, discarding.

The revision form validates through ``kpi.notices.criteria.build_version`` (the scoring
engine, then the printed text), so an error names the level it is about and the form comes
back with everything that was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kpi.notices.criteria import LEVELS, LevelInput, bounds_words, build_version
from kpi.notices.errors import NoticeError
from kpi.org.models import Size, Unit
from kpi.rounds.models import IndicatorVersion

#: Criteria sets of the form: key, district size (None: every size), label.
ALL = "all"


def size_sets() -> list[tuple[str, str | None, str]]:
    """The criteria sets the form offers: one for every size, then one per size class."""
    return [(ALL, None, str(_("อำเภอทุกขนาด"))), *((v, v, str(label)) for v, label in Size.choices)]


def error_text(error: NoticeError) -> str:
    """The error in the page's language (the Thai templates are the error's own)."""
    if (get_language() or "th").startswith("en"):
        return error.message
    return error.message_th


PERCENT_WORDS = {"ร้อยละ", "%", "percent", "เปอร์เซ็นต์"}


@dataclass(frozen=True)
class LevelRow:
    level: int
    text: forms.BoundField
    min: forms.BoundField
    max: forms.BoundField
    min_exclusive: forms.BoundField
    max_exclusive: forms.BoundField
    #: the band the version in force reads at this level (``≥ 51, ≤ 70``), for reference
    now: str


@dataclass(frozen=True)
class SizeSet:
    key: str
    size: str | None
    label: str
    levels: list[LevelRow]

    @property
    def has_errors(self) -> bool:
        return any(row.text.errors or row.min.errors for row in self.levels)


class Form(forms.Form):
    """Labels without Django's trailing colon, which Thai forms do not use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class RevisionForm(Form):
    weight = forms.DecimalField(
        label=_("น้ำหนัก (ร้อยละ)"), max_digits=6, decimal_places=2, min_value=Decimal("0.01")
    )
    responsible_unit = forms.ModelChoiceField(
        label=_("หน่วยงานรับผิดชอบ"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— ไม่ระบุ —"),
    )
    contacts = forms.CharField(
        label=_("ผู้ประสานงาน"),
        required=False,
        max_length=300,
        help_text=_("ชื่อตามที่พิมพ์ในหนังสือ หลายชื่อคั่นด้วย /"),
    )
    method = forms.ChoiceField(
        label=_("วิธีการวัด"), choices=IndicatorVersion.Method.choices, widget=forms.RadioSelect
    )
    measure_unit = forms.CharField(
        label=_("หน่วยวัด"),
        required=False,
        max_length=50,
        help_text=_("เว้นว่างให้อ่านจากข้อความ เช่น ร้อยละ ครั้ง วัน"),
    )
    direction = forms.ChoiceField(
        label=_("ทิศทางของค่าเป้าหมาย"),
        required=False,
        choices=[("", _("อ่านจากข้อความ")), *IndicatorVersion.Direction.choices],
    )
    interpolation = forms.BooleanField(label=_("คิดคะแนนแบบเทียบสัดส่วนระหว่างระดับ"), required=False)
    sized = forms.BooleanField(label=_("เกณฑ์แยกตามขนาดอำเภอ"), required=False)

    def __init__(
        self, *args: Any, units: Any, now: dict[str, Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_unit"].queryset = units  # type: ignore[attr-defined]
        #: the version in force (a version dict), to show each level's band beside the field
        self.now = now or {"criteria": []}
        self.version: dict[str, Any] | None = None
        for key, _size, label in size_sets():
            for level in LEVELS:
                prefix = f"{key}_{level}"
                self.fields[f"{prefix}_text"] = forms.CharField(
                    label=_("ระดับ %(level)s (%(size)s)") % {"level": level, "size": label},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                from_text = forms.NumberInput(attrs={"placeholder": _("จากข้อความ")})
                self.fields[f"{prefix}_min"] = forms.DecimalField(
                    label=_("ค่าต่ำสุด"),
                    required=False,
                    max_digits=14,
                    decimal_places=4,
                    widget=from_text,
                )
                self.fields[f"{prefix}_max"] = forms.DecimalField(
                    label=_("ค่าสูงสุด"),
                    required=False,
                    max_digits=14,
                    decimal_places=4,
                    widget=forms.NumberInput(attrs={"placeholder": _("จากข้อความ")}),
                )
                self.fields[f"{prefix}_min_exclusive"] = forms.BooleanField(
                    label=_("ไม่รวมค่าต่ำสุด (มากกว่า)"), required=False
                )
                self.fields[f"{prefix}_max_exclusive"] = forms.BooleanField(
                    label=_("ไม่รวมค่าสูงสุด (น้อยกว่า)"), required=False
                )

    # --- what the template lays out -------------------------------------------------------

    def size_sets(self) -> list[SizeSet]:
        now = {c["district_size"]: c for c in self.now.get("criteria", [])}
        sets = []
        for key, size, label in size_sets():
            criterion = now.get(size) or now.get(None) or {"levels": []}
            bands = {level["level"]: bounds_words(level) for level in criterion["levels"]}
            rows = [
                LevelRow(
                    level=level,
                    text=self[f"{key}_{level}_text"],
                    min=self[f"{key}_{level}_min"],
                    max=self[f"{key}_{level}_max"],
                    min_exclusive=self[f"{key}_{level}_min_exclusive"],
                    max_exclusive=self[f"{key}_{level}_max_exclusive"],
                    now=bands.get(level, "-"),
                )
                for level in LEVELS
            ]
            sets.append(SizeSet(key, size, label, rows))
        return sets

    # --- reading and checking -------------------------------------------------------------

    def chosen_criteria(self) -> dict[str | None, list[LevelInput]]:
        data = self.cleaned_data
        chosen = [s for s in size_sets() if (s[1] is not None) == bool(data.get("sized"))]
        return {
            size: [
                LevelInput(
                    level=level,
                    text=data.get(f"{key}_{level}_text") or "",
                    min=data.get(f"{key}_{level}_min"),
                    max=data.get(f"{key}_{level}_max"),
                    min_exclusive=bool(data.get(f"{key}_{level}_min_exclusive")),
                    max_exclusive=bool(data.get(f"{key}_{level}_max_exclusive")),
                )
                for level in LEVELS
            ]
            for key, size, _label in chosen
        }

    def measure_unit_code(self) -> str | None:
        """``percent`` for ร้อยละ (the contract's code), the counting word as typed otherwise."""
        text = (self.cleaned_data.get("measure_unit") or "").strip()
        if not text:
            return None
        return "percent" if text in PERCENT_WORDS else text

    def values(self) -> dict[str, Any]:
        """The keyword arguments of ``revise_in_draft`` (after ``is_valid()``)."""
        data = self.cleaned_data
        return {
            "weight": data["weight"],
            "unit": data.get("responsible_unit"),
            "contacts": [name for name in (data.get("contacts") or "").split("/") if name.strip()],
            "method": data["method"],
            "measure_unit": self.measure_unit_code(),
            "direction": data.get("direction") or None,
            "criteria": self.chosen_criteria(),
            "interpolation": bool(data.get("interpolation")),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if self.errors:
            return data
        values = self.values()
        try:
            self.version = build_version(
                status="revised",
                weight=values["weight"],
                unit_text=values["unit"].short_name if values["unit"] else None,
                contacts=values["contacts"],
                method=values["method"],
                measure_unit=values["measure_unit"],
                direction=values["direction"],
                interpolation=values["interpolation"],
                criteria=values["criteria"],
            )
        except NoticeError as error:
            self.add_notice_error(error)
        return data

    def add_notice_error(self, error: NoticeError) -> None:
        """Show *error* at the field it names, and above the form."""
        field = self._field_of(error.where)
        text = error_text(error)
        if field is not None:
            self.add_error(field, text)
        else:
            self.add_error(None, text)

    def _field_of(self, where: str | None) -> str | None:
        if not where:
            return None
        if where in ("weight", "method", "direction"):
            return where
        if where == "unit":
            return "measure_unit"
        size, _, rest = where.rpartition(", ")
        if rest.startswith("level "):
            level = rest.removeprefix("level ")
            key = size or (ALL if not self.cleaned_data.get("sized") else None)
            if key and level.isdigit() and f"{key}_{level}_text" in self.fields:
                return f"{key}_{level}_text"
        return None


def initial_for(version: dict[str, Any], unit: Unit | None) -> dict[str, Any]:
    """The form's initial values from a version dict (the draft's revision or the one in
    force): each size set is filled, the all-sizes set from the first criterion when the
    version has no all-sizes one, and each size from the all-sizes one when it has none of
    its own, so that switching between the two starts from the current wording."""
    criteria = {c["district_size"]: c for c in version.get("criteria", [])}
    first = next(iter(criteria.values()), {"levels": []})
    measure = version.get("unit")
    initial: dict[str, Any] = {
        "weight": version.get("weight"),
        "responsible_unit": unit,
        "contacts": " / ".join(version.get("responsible_persons") or []),
        "method": version.get("method"),
        "measure_unit": "ร้อยละ" if measure == "percent" else measure or "",
        "direction": "",
        "interpolation": bool(version.get("interpolation")),
        "sized": None not in criteria,
    }
    for key, size, _label in size_sets():
        criterion = criteria.get(size) or (first if size is None else criteria.get(None)) or first
        for level in criterion.get("levels", []):
            initial[f"{key}_{level['level']}_text"] = level.get("text") or ""
    return initial


class LetterForm(Form):
    subject = forms.CharField(label=_("เรื่อง"), max_length=500)
    recipients = forms.CharField(label=_("ถึง"), max_length=300)
    owner_unit = forms.CharField(label=_("ส่วนราชการเจ้าของเรื่อง"), max_length=200, required=False)
    phone = forms.CharField(label=_("โทร."), max_length=50, required=False)
    fax = forms.CharField(label=_("โทรสาร"), max_length=50, required=False)


class IssueForm(Form):
    date = forms.DateField(
        label=_("ลงวันที่"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("เลขที่หนังสือเป็นของทะเบียนปีปฏิทินของวันที่นี้"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def issue_date(self) -> date:
        return self.cleaned_data["date"]


class DiscardForm(Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ยกเลิก"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
