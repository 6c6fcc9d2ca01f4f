"""The province's audit log (filter by person, district, indicator and dates; paginated), and
how an audit row reads on a page: who, when, what, before → after, why.

``kpi.results.audit`` finds the rows; ``describe`` turns one page of them into text in a fixed
number of queries (the objects' relations and the people's names are loaded in bulk, never
row by row), so the agreement's history tab uses it too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Model, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from kpi import access
from kpi.agreements.models import Agreement, AgreementItem
from kpi.org.models import District, Person
from kpi.results.audit import AuditLog, AuditRow
from kpi.results.models import Evidence, Result, StepProgress
from kpi.rounds.display import number_text
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from kpi.thai.dates import format_screen_date

PAGE_SIZE = 50
# In context: "แก้ไข" also names a revised version (เดิม/แก้ไข), which English words apart.
ACTION_LABELS = {
    "created": pgettext_lazy("audit action", "สร้าง"),
    "changed": pgettext_lazy("audit action", "แก้ไข"),
    "deleted": pgettext_lazy("audit action", "ลบ"),
}
#: what str() of each audited model reads, loaded for a whole page at once
RELATIONS: dict[type[Model], tuple[str, ...]] = {
    Round: ("province",),
    IndicatorVersion: ("indicator",),
    Agreement: ("district", "evaluatee"),
    AgreementItem: ("indicator", "agreement__district", "agreement__evaluatee"),
    Result: ("item__indicator", "district", "person"),
    StepProgress: ("result__item__indicator", "result__district", "result__person"),
    Evidence: ("result__item__indicator", "result__district", "result__person"),
}
#: relations whose changed values are shown by name (who acknowledged, submitted, …)
NAMED = (Person, get_user_model())


@dataclass(frozen=True)
class ChangeText:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RowText:
    at: datetime
    who: str
    model: str
    subject: str
    action: str
    action_label: str
    changes: tuple[ChangeText, ...]
    reason: str


def who_name(user: Any) -> str:
    """The person's name for an account, its username without one, "ระบบ" for none.

    Reads ``user.person``: prefetch it (``prefetch_related_objects(users, "person")``).
    """
    if user is None:
        return str(_("ระบบ"))
    person = getattr(user, "person", None)
    return person.full_name if person is not None else user.get_username()


def describe(rows: Sequence[AuditRow]) -> list[RowText]:
    """One page of audit rows as text. About a dozen queries whatever the page's size."""
    instances = [row.record.instance for row in rows]
    by_model: dict[type[Model], list[Model]] = defaultdict(list)
    for instance in instances:
        by_model[type(instance)].append(instance)
    for model, objects in by_model.items():
        prefetch_related_objects(objects, *RELATIONS.get(model, ()))
    # Each history row has its own copy of its user: all of them get the prefetch.
    prefetch_related_objects([row.user for row in rows if row.user is not None], "person")
    names = _names(rows, instances)
    return [
        RowText(
            at=row.at,
            who=who_name(row.user),
            model=row.model,
            subject=_subject(instance),
            action=row.action,
            action_label=str(ACTION_LABELS.get(row.action, row.action)),
            changes=_change_texts(row, instance, names),
            reason=row.reason,
        )
        for row, instance in zip(rows, instances, strict=True)
    ]


def _subject(instance: Model) -> str:
    try:
        if isinstance(instance, StepProgress | Evidence):
            return f"{instance.result} · {instance}"
        if isinstance(instance, AgreementItem):  # whose agreement, not just which indicator
            return f"{instance.agreement} · {instance.indicator}"
        return str(instance)
    except ObjectDoesNotExist:  # a relation deleted since (an item taken out): still readable
        return f"{instance._meta.verbose_name} #{instance.pk}"


def _fields(instance: Model) -> dict[str, Any]:
    return {field.attname: field for field in instance._meta.concrete_fields}


def _names(rows: Sequence[AuditRow], instances: list[Model]) -> dict[tuple[type, Any], str]:
    """Names of the people and accounts that changed rows refer to: two queries at most."""
    wanted: dict[type, set[Any]] = defaultdict(set)
    for row, instance in zip(rows, instances, strict=True):
        fields = _fields(instance)
        for change in row.changes:
            target = getattr(fields.get(change.field), "related_model", None)
            if target in NAMED:
                wanted[target].update(v for v in (change.before, change.after) if v is not None)
    names: dict[tuple[type, Any], str] = {}
    for person in Person.objects.filter(pk__in=wanted[Person]):
        names[Person, person.pk] = person.full_name
    User = get_user_model()
    users = list(User._default_manager.filter(pk__in=wanted[User]).select_related("person"))
    for user in users:
        names[User, user.pk] = who_name(user)
    return names


def _change_texts(
    row: AuditRow, instance: Model, names: dict[tuple[type, Any], str]
) -> tuple[ChangeText, ...]:
    fields = _fields(instance)
    texts = []
    for change in row.changes:
        field = fields.get(change.field)
        created = row.action == "created"
        # A new row's relations are its subject, and its unset flags say nothing.
        if created and (getattr(field, "is_relation", False) or change.after is False):
            continue
        texts.append(
            ChangeText(
                label=change.label,
                before=_value(field, change.before, names),
                after=_value(field, change.after, names),
            )
        )
    return tuple(texts)


def _value(field: Any, value: Any, names: dict[tuple[type, Any], str]) -> str:
    if value is None or value == "":
        return "—"
    target = getattr(field, "related_model", None)
    if target is not None:
        return names.get((target, value), f"#{value}")
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("ใช่") if value else _("ไม่ใช่"))
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{format_screen_date(local.date())} {local:%H:%M}"
    if isinstance(value, date):
        return format_screen_date(value)
    return str(value)


class AuditFilter(forms.Form):
    person = forms.ModelChoiceField(
        label=_("บุคคล (ผู้แก้ไขหรือผู้เกี่ยวข้อง)"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("ทุกคน"),
    )
    district = forms.ModelChoiceField(
        label=_("อำเภอ"), queryset=District.objects.none(), required=False, empty_label=_("ทุกอำเภอ")
    )
    indicator = forms.ModelChoiceField(
        label=_("ตัวชี้วัด"),
        queryset=Indicator.objects.none(),
        required=False,
        empty_label=_("ทุกตัวชี้วัด"),
    )
    since = forms.DateField(
        label=_("ตั้งแต่วันที่"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=_("ถึงวันที่"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data: Any, *, user: Any) -> None:
        super().__init__(data)
        who = access.actor(user)
        people = Person.objects.select_related("district")
        districts = District.objects.all()
        indicators = Indicator.objects.select_related("round")
        if not who.is_superuser or who.province_id is not None:
            people = people.filter(province_id=who.province_id)
            districts = districts.filter(province_id=who.province_id)
            indicators = indicators.filter(round__province_id=who.province_id)
        self.fields["person"].queryset = people.order_by("district__dopa_code", "first_name")
        self.fields["person"].label_from_instance = _person_label
        self.fields["district"].queryset = districts.order_by("dopa_code")
        self.fields["indicator"].queryset = indicators.order_by(
            "-round__fiscal_year", "-round__number", "-kind", "number"
        )
        self.fields["indicator"].label_from_instance = _indicator_label

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น"))
        return data

    def filters(self) -> dict[str, Any]:
        """Keyword arguments of ``audit_log``: the days run from midnight to midnight, local."""
        data = self.cleaned_data
        since, until = data.get("since"), data.get("until")
        return {
            "person": data.get("person"),
            "district": data.get("district"),
            "indicator": data.get("indicator"),
            "since": _aware(since, time.min) if since else None,
            "until": _aware(until, time.max) if until else None,
        }


def _person_label(person: Person) -> str:
    office = person.district.name if person.district_id else _("จังหวัด")
    return f"{person.full_name} ({office})"


def _indicator_label(indicator: Indicator) -> str:
    round = indicator.round
    return (
        f"{round.number}/{round.fiscal_year} · {indicator.get_kind_display()} "
        f"{indicator.number}. {indicator.name}"
    )


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


@require_GET
@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    # The log is of the user's own province (every province for a superuser).
    access.require(access.can_see_audit_log(request.user, access.actor(request.user).province_id))
    form = AuditFilter(request.GET or None, user=request.user)
    filtered = form.is_bound and form.is_valid()
    rows = AuditLog(request.user, **(form.filters() if filtered else {}))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": describe(page.object_list),
        "filtered": filtered and any(form.cleaned_data.values()),
    }
    if request.htmx:
        return render(request, "rounds/audit.html#audit-results", context)
    return render(request, "rounds/audit.html", context, status=400 if form.errors else 200)
