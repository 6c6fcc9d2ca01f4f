"""The result pages' forms: what was typed, checked for form (a number, a date), with Thai
messages. Whether a value, a state change or a file is acceptable is the actions' decision;
their refusals are put beside the field they name (``attach_error``).

Every form that changes a result carries ``expected_version``, the save the user was looking
at: a stale one is refused by the action (``Conflict``), and nothing is lost.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpi.org.models import District
from kpi.results.actions import StepInput
from kpi.results.models import Result
from kpi.rounds.models import Indicator, Round
from kpi.scores.forms import MeasuredNumberField
from kpi.scores.templatetags.kpi_numbers import plain


class DescribedForm(forms.Form):
    """Each input names its message box (``<id>-errors``, always on the page, so the live
    level can fill it) and its help text in ``aria-describedby``.

    The page holds several forms with fields of the same name: each view gives its form an
    ``auto_id`` of its own (``"verify-%s"``), so ids stay unique while names stay plain.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.describe()

    def describe(self) -> None:
        for name, field in self.fields.items():
            bound_id = self[name].auto_id
            if not bound_id or field.widget.is_hidden:
                continue
            ids = [f"{bound_id}-errors"]
            if field.help_text:
                ids.append(f"{bound_id}_helptext")
            field.widget.attrs["aria-describedby"] = " ".join(ids)


class VersionedForm(DescribedForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, live: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: checked as it is typed (the live level): only what is wrong so far is reported
        self.live = live

    def version(self) -> int | None:
        """The save the user saw; None when the form did not say (then no check is made)."""
        if hasattr(self, "cleaned_data"):
            return self.cleaned_data.get("expected_version")
        return None


class ThresholdForm(VersionedForm):
    """A threshold result: the value, or its parts (items done of items planned)."""

    measure_fields = ("value", "done", "planned")

    value = MeasuredNumberField(label=_("ผลการดำเนินงาน"))
    done = MeasuredNumberField(label=_("จำนวนที่ทำได้"))
    planned = MeasuredNumberField(label=_("จำนวนทั้งหมดตามแผน"))
    note = forms.CharField(
        label=_("หมายเหตุ"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done, planned = data.get("done"), data.get("planned")
        if self.live:
            pass  # one part typed, the other still to come
        elif done is not None and planned is None and not self.has_error("planned"):
            self.add_error("planned", _("กรอกจำนวนทั้งหมดตามแผนด้วย"))
        elif planned is not None and done is None and not self.has_error("done"):
            self.add_error("done", _("กรอกจำนวนที่ทำได้ด้วย"))
        elif done is not None and planned is not None:
            if planned == 0:
                self.add_error("planned", _("จำนวนทั้งหมดต้องมากกว่า 0"))
            elif done > planned:
                self.add_error("done", _("จำนวนที่ทำได้ต้องไม่มากกว่าจำนวนทั้งหมดตามแผน"))
        return data

    def typed(self) -> dict[str, Any]:
        """The measure as the action and the preview take it."""
        data = self.cleaned_data
        return {
            "value": data.get("value"),
            "done": data.get("done"),
            "planned": data.get("planned"),
        }

    def for_save(self) -> dict[str, Any]:
        return {**self.typed(), "note": self.cleaned_data.get("note", "")}


class MilestoneForm(VersionedForm):
    """A milestone result: for each step, a tick, the date it was done and a note."""

    #: the live level counts the ticks; a date still being typed does not hold it up
    measure_fields = ()

    note = forms.CharField(
        label=_("หมายเหตุ"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, steps: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.step_texts = steps
        for number, _text in steps:
            self.fields[f"step_{number}_done"] = forms.BooleanField(
                label=_("ทำแล้ว"), required=False
            )
            self.fields[f"step_{number}_date"] = forms.DateField(
                label=_("วันที่ทำแล้วเสร็จ"),
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={"invalid": _("กรอกวันที่ให้ถูกต้อง")},
            )
            self.fields[f"step_{number}_note"] = forms.CharField(
                label=_("หมายเหตุของขั้นตอน"), required=False, max_length=2000
            )
        self.describe()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        for number, _text in [] if self.live else self.step_texts:
            ticked = data.get(f"step_{number}_done")
            day: date | None = data.get(f"step_{number}_date")
            where = f"step_{number}_date"
            if self.has_error(where):
                continue
            if ticked and day is None:
                self.add_error(where, _("ระบุวันที่ทำขั้นตอนนี้แล้วเสร็จ"))
            elif day is not None and not ticked:
                self.add_error(where, _("ทำเครื่องหมายว่าทำแล้ว หรือลบวันที่ออก"))
            elif day is not None and day > today:
                self.add_error(where, _("วันที่ทำแล้วเสร็จต้องไม่เกินวันนี้"))
        return data

    def ticked(self) -> list[int]:
        """The steps ticked (for the live level, before any date is typed)."""
        data = getattr(self, "cleaned_data", {})
        return [n for n, _text in self.step_texts if data.get(f"step_{n}_done")]

    def typed(self) -> dict[str, Any]:
        return {"steps": self.ticked()}

    def for_save(self) -> dict[str, Any]:
        data = self.cleaned_data
        steps = {
            n: StepInput(
                done=data.get(f"step_{n}_date") if data.get(f"step_{n}_done") else None,
                note=(data.get(f"step_{n}_note") or "").strip(),
            )
            for n, _text in self.step_texts
        }
        return {"steps": steps, "note": data.get("note", "")}

    def rows(self) -> list[dict[str, Any]]:
        """One row per step for the template: its text and bound fields."""
        return [
            {
                "number": n,
                "text": text,
                "done": self[f"step_{n}_done"],
                "date": self[f"step_{n}_date"],
                "note": self[f"step_{n}_note"],
            }
            for n, text in self.step_texts
        ]


def initial_for(result: Result, milestone: bool) -> dict[str, Any]:
    """The form's starting values: what is saved."""
    initial: dict[str, Any] = {"expected_version": result.version, "note": result.note}
    if milestone:
        for row in result.steps.all():
            initial[f"step_{row.step}_done"] = row.done is not None
            initial[f"step_{row.step}_date"] = row.done
            initial[f"step_{row.step}_note"] = row.note
    else:
        # As people write them: 50, not the stored 50.0000.
        initial.update(
            value=plain(result.value), done=plain(result.done), planned=plain(result.planned)
        )
    return initial


class SubmitForm(VersionedForm):
    pass


class ApproveForm(VersionedForm):
    pass


class ReturnForm(VersionedForm):
    # Not required here: the action refuses a blank comment, and its message goes beside it.
    comment = forms.CharField(
        label=_("สิ่งที่อำเภอต้องแก้ไข"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VerifyForm(VersionedForm):
    level = forms.CharField(
        label=_("ระดับคะแนนที่ตรวจสอบแล้ว"),
        required=False,
        max_length=10,
        help_text=_("เว้นว่างเพื่อยืนยันระดับคะแนนที่ระบบคำนวณ หรือกรอก 0 ถึง 5 พร้อมเหตุผล"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 6}),
    )
    reason = forms.CharField(
        label=_("เหตุผลที่ให้ระดับคะแนนต่างจากที่คำนวณ"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(VersionedForm):
    reason = forms.CharField(
        label=_("เหตุผลที่เปิดให้แก้ไขอีกครั้ง"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EvidenceFileForm(DescribedForm):
    file = forms.FileField(
        label=_("ไฟล์หลักฐาน"),
        help_text=_("PDF, รูปภาพ (PNG, JPEG, GIF, WebP), Word (DOCX) หรือ Excel (XLSX)"),
        error_messages={
            "required": _("เลือกไฟล์ที่จะแนบ"),
            "empty": _("ไฟล์นี้ไม่มีข้อมูล"),
            "invalid": _("อ่านไฟล์ที่ส่งมาไม่ได้ กรุณาเลือกไฟล์อีกครั้ง"),
        },
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,application/pdf,image/*",
            }
        ),
    )
    title = forms.CharField(label=_("คำอธิบาย"), required=False, max_length=300)


class EvidenceLinkForm(DescribedForm):
    url = forms.CharField(
        label=_("ลิงก์"),
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        error_messages={"required": _("กรอกลิงก์ของหลักฐาน")},
    )
    title = forms.CharField(label=_("คำอธิบาย"), required=False, max_length=300)


class ResultFilter(forms.Form):
    """The results list's filters; a GET form, so a filtered list has its own address."""

    round = forms.ModelChoiceField(
        label=_("รอบการประเมิน"), queryset=Round.objects.none(), required=False, empty_label=None
    )
    indicator = forms.ModelChoiceField(
        label=_("ตัวชี้วัด"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label=_("ทุกตัวชี้วัด"),
    )
    district = forms.ModelChoiceField(
        label=_("อำเภอ"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("ทุกอำเภอ"),
    )
    state = forms.ChoiceField(
        label=_("สถานะ"), choices=[("", _("ทุกสถานะ")), *Result.State.choices], required=False
    )

    def __init__(
        self,
        *args: Any,
        rounds: QuerySet[Round],
        indicators: QuerySet[Indicator],
        districts: QuerySet[District],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]
        self.fields["district"].queryset = districts  # type: ignore[attr-defined]
        self.fields["indicator"].label_from_instance = _indicator_label  # type: ignore[attr-defined]
        self.fields["district"].label_from_instance = _district_label  # type: ignore[attr-defined]
        self.fields["round"].label_from_instance = _round_label  # type: ignore[attr-defined]

    def chosen(self) -> dict[str, Any]:
        """The filters to apply; a value that is not a choice is ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in ("round", "indicator", "district", "state")}


def _indicator_label(indicator: Indicator) -> str:
    from kpi.scores.calculator import kind_word

    return f"{kind_word(indicator.kind)} {indicator.number}. {indicator.name}"


def _district_label(district: District) -> str:
    return f"{district.dopa_code} {district.name}"


def _round_label(round: Round) -> str:
    return str(_("รอบที่ %(number)s/%(year)s")) % {"number": round.number, "year": round.fiscal_year}


def attach_error(form: forms.Form, error: Any, text: str) -> None:
    """Put an action's refusal beside the field it names, else at the top of the form.

    The form must have been validated (``is_valid()``)."""
    where = getattr(error, "where", None)
    form.add_error(where if where in form.fields else None, text)
