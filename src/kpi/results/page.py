"""The result page's context, shared by the views that show it: after a GET, and after a
POST that was refused (the refused form stays bound, so what was typed is shown again).

Which forms the page offers comes from ``access.result_permissions``; the level shown beside
the inputs is ``preview_level`` of what the form holds (the saved values on a GET).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpi import access
from kpi.results.actions.evidence import upload_limit
from kpi.results.audit import result_history
from kpi.results.display import (
    ConflictView,
    CriteriaView,
    LevelView,
    criteria_view,
    district_size,
    history_rows,
    level_view,
    people_names,
)
from kpi.results.forms import (
    ApproveForm,
    EvidenceFileForm,
    EvidenceLinkForm,
    MilestoneForm,
    ReopenForm,
    ReturnForm,
    SubmitForm,
    ThresholdForm,
    VerifyForm,
    initial_for,
)
from kpi.results.levels import preview_level
from kpi.results.models import LevelChange, Result
from kpi.scores.calculator import indicator_title

if TYPE_CHECKING:
    from django import forms
    from django.contrib.auth.models import AbstractBaseUser

TEMPLATE = "results/result.html"
#: the forms of the page, by the key views use to hand back a refused one
FORMS: dict[str, type[forms.Form]] = {
    "submit": SubmitForm,
    "return": ReturnForm,
    "verify": VerifyForm,
    "approve": ApproveForm,
    "reopen": ReopenForm,
    "file": EvidenceFileForm,
    "link": EvidenceLinkForm,
}


def signed_in(request: HttpRequest) -> AbstractBaseUser:
    """The user who acts (every view that changes something is ``login_required``)."""
    return cast("AbstractBaseUser", request.user)


def form_for(key: str, data: Any = None, files: Any = None, **kwargs: Any) -> forms.Form:
    """The page's form *key*; its ids start with the key, since several forms of the page
    have fields of the same name."""
    return FORMS[key](data, files, auto_id=f"{key}-%s", **kwargs)


def measure_form(
    result: Result, criteria: CriteriaView, data: Any = None, *, live: bool = False
) -> ThresholdForm | MilestoneForm:
    """The form for the result's measure: steps for a milestone, a value (or its parts)
    for a threshold; bound to *data* when given, else holding the saved values."""
    initial = None if data is not None else initial_for(result, criteria.milestone)
    if criteria.milestone:
        return MilestoneForm(data, initial=initial, steps=criteria.step_texts, live=live)
    return ThresholdForm(data, initial=initial, live=live)


def typed_values(form: ThresholdForm | MilestoneForm, result: Result) -> dict[str, Any]:
    """The measure the live level is computed on: what the form holds, field by field (a
    field with an error counts as empty); the saved values when the form is not bound."""
    if not form.is_bound:
        if isinstance(form, MilestoneForm):
            return {"steps": [row.step for row in result.steps.all() if row.done is not None]}
        return {"value": result.value, "done": result.done, "planned": result.planned}
    form.is_valid()
    return form.typed()


def live_level(
    result: Result, criteria: CriteriaView, form: ThresholdForm | MilestoneForm
) -> LevelView:
    typed = typed_values(form, result)
    view = level_view(
        criteria,
        preview_level(result, **typed),
        done=typed.get("done"),
        planned=typed.get("planned"),
        steps=typed.get("steps"),
    )
    if form.is_bound and any(form.has_error(name) for name in form.measure_fields):
        view.problem = ""
        view.waiting = False
        view.typing_error = True
    return view


def load(result: Result) -> Result:
    """The page's result with its steps and evidence (two queries)."""
    return (
        Result.objects.with_related()
        .select_related("item__agreement__round__province", "district__province")
        .prefetch_related("steps", "evidence")
        .get(pk=result.pk)
    )


def page(
    request: HttpRequest,
    result: Result,
    *,
    tab: str = "result",
    bound: dict[str, Any] | None = None,
    conflict: ConflictView | None = None,
    status: int = 200,
    partial: str | None = None,
) -> HttpResponse:
    """Render the result page (or one of its partials) with the forms the user may use;
    *bound* replaces some of them with forms holding what the user typed."""
    user = request.user
    result = load(result)
    bound = bound or {}
    perms = access.result_permissions(user, result)
    criteria = criteria_view(result, district_size(result))
    form = bound.get("measure") or measure_form(result, criteria)
    versioned = {"expected_version": result.version}
    context: dict[str, Any] = {
        "result": result,
        "indicator": result.item.indicator,
        "round": result.item.agreement.round,
        "perms": perms,
        "criteria": criteria,
        "tab": tab,
        "conflict": conflict,
        "level_changes": list(
            LevelChange.objects.filter(result=result)
            .select_related("version", "source_document")
            .order_by("-at", "-pk")
        ),
        "subject": result.person.full_name if result.person_id else result.district.office_name,
        "indicator_title": indicator_title(
            result.item.indicator.kind, result.item.indicator.number
        ),
        "can_act": perms.submit or perms.return_ or perms.verify or perms.approve or perms.reopen,
        "upload_limit": upload_limit(),
    }
    if tab == "history":
        context["history"] = history_rows(result_history(result))
    else:
        level = live_level(result, criteria, form)
        context.update(
            measure=form,
            level=level,
            step_rows=_step_rows(form, level, conflict) if isinstance(form, MilestoneForm) else [],
            evidence=list(result.evidence.all()),
            **_actors(result),
            **{f"{key}_form": bound.get(key) or form_for(key, initial=versioned) for key in FORMS},
        )
    template = f"{TEMPLATE}#{partial}" if partial else TEMPLATE
    return render(request, template, context, status=status)


def _step_rows(
    form: MilestoneForm, level: LevelView, conflict: ConflictView | None
) -> list[dict[str, Any]]:
    """The form's step rows, each with its mark (counted, flagged) and, after a conflict,
    what is saved for it now."""
    saved = {n: (day, note) for n, day, note in conflict.steps} if conflict else {}
    marks = {row.level: row for row in level.rows}
    rows = form.rows()
    for row in rows:
        row["mark"] = marks.get(row["number"])
        row["saved"] = saved.get(row["number"], (None, "")) if conflict else None
    return rows


def _actors(result: Result) -> dict[str, str]:
    """``submitted_by``, ``verified_by``, ``approved_by``: the names of those who did it."""
    from django.contrib.auth import get_user_model

    fields = ("submitted_by", "verified_by", "approved_by")
    ids = {getattr(result, f"{name}_id") for name in fields} - {None}
    users = list(get_user_model()._default_manager.filter(pk__in=ids)) if ids else []
    names = people_names(users)
    return {name: names.get(getattr(result, f"{name}_id"), "") for name in fields}
