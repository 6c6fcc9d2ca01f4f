from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kpi.org.models import Unit
from kpi.rounds.models import Indicator


class IndicatorFilter(forms.Form):
    """The round page's filters; a GET form, so a filtered page has its own address."""

    kind = forms.ChoiceField(
        label=_("ประเภทตัวชี้วัด"),
        choices=[("", _("ทุกประเภท")), *Indicator.Kind.choices],
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=_("หน่วยงานรับผิดชอบ"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("ทุกหน่วยงาน"),
    )

    def __init__(self, *args: object, units: QuerySet[Unit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def chosen(self) -> tuple[str | None, Unit | None]:
        """The kind and unit to show; a value that is not a choice shows everything."""
        if not self.is_valid():
            return None, None
        return self.cleaned_data["kind"] or None, self.cleaned_data["unit"]
