"""The score calculator's form: what was chosen and typed, checked, with Thai messages."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kpi.org.models import Size
from kpi.scores.calculator import Choices, DistrictOption, size_label
from kpi.scoring import LEVELS
from kpi.thai import to_arabic

_NUMBER = re.compile(r"\d+(\.\d+)?|\.\d+")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


class MeasuredNumberField(forms.CharField):
    """A number of 0 or more as people type it: Thai or Arabic digits, ``1,250``, ``75%``.

    A text input, not ``type=number``: a browser empties a number input holding letters,
    and the page must keep what was typed next to the message saying what is wrong.
    """

    default_error_messages: ClassVar[dict[str, Any]] = {
        "invalid": _("กรอกเป็นตัวเลข เช่น 75 หรือ 70.5"),
        "negative": _("ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป"),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 10}),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        text = to_arabic(text).replace(" ", "").removesuffix("%")
        if _GROUPED.fullmatch(text):
            text = text.replace(",", "")
        if text.startswith("-") and _NUMBER.fullmatch(text[1:]):
            raise ValidationError(self.error_messages["negative"], code="negative")
        if not _NUMBER.fullmatch(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return Decimal(text)


class CalculatorForm(forms.Form):
    indicator = forms.TypedChoiceField(
        label=_("ตัวชี้วัด"),
        coerce=int,
        empty_value=None,
        error_messages={
            "required": _("เลือกตัวชี้วัด"),
            "invalid_choice": _("เลือกตัวชี้วัดจากรายการ"),
        },
    )
    district = forms.TypedChoiceField(
        label=_("อำเภอ"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("เลือกอำเภอจากรายการ")},
    )
    size = forms.ChoiceField(
        label=_("ขนาดอำเภอ"),
        required=False,
        help_text=_("เว้นไว้เพื่อใช้ขนาดตามข้อมูลของอำเภอในปีงบประมาณของรอบ"),
        error_messages={"invalid_choice": _("เลือกขนาดอำเภอจากรายการ")},
    )
    value = MeasuredNumberField(label=_("ผลการดำเนินงาน"))
    done = MeasuredNumberField(label=_("จำนวนที่ทำได้"))
    planned = MeasuredNumberField(label=_("จำนวนทั้งหมดตามแผน"))
    steps = forms.TypedMultipleChoiceField(
        label=_("ขั้นตอนที่ทำแล้ว"),
        coerce=int,
        required=False,
        choices=[(level, str(level)) for level in LEVELS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("เลือกขั้นตอนที่ 1 ถึง 5")},
    )

    def __init__(
        self,
        *args: Any,
        indicators: Choices,
        districts: list[DistrictOption],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._choice_field("indicator").choices = [("", _("— เลือกตัวชี้วัด —")), *indicators]
        district_choices: Choices = [
            (d.pk, f"{d.label} ({size_label(d.size)})" if d.size else d.label) for d in districts
        ]
        # A district head sees only their own district: nothing else to choose.
        if len(districts) != 1:
            district_choices.insert(0, ("", _("— ไม่ระบุอำเภอ —")))
        self._choice_field("district").choices = district_choices
        self._choice_field("size").choices = [("", _("— ตามข้อมูลของอำเภอ —")), *Size.choices]
        self.districts = {d.pk: d for d in districts}

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done, planned = data.get("done"), data.get("planned")
        if done is not None and planned is not None:
            if planned == 0:
                self.add_error("planned", _("จำนวนทั้งหมดต้องมากกว่า 0"))
            elif done > planned:
                self.add_error("done", _("จำนวนที่ทำได้ต้องไม่มากกว่าจำนวนทั้งหมดตามแผน"))
        return data

    def chosen_district(self) -> DistrictOption | None:
        pk = self.cleaned_data.get("district") if hasattr(self, "cleaned_data") else None
        return self.districts.get(pk) if pk is not None else None
