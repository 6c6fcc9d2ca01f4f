from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from kpi import scoring
from kpi.rounds.actions import put_in_force
from kpi.rounds.models import Criterion, CriterionLevel, Indicator, IndicatorVersion, Round
from kpi.rounds.ratings import RatingBand, check_scale


class RatingBandFormSet(BaseInlineFormSet):
    """The bands kept must rate every total (the engine's rule, ``check_scale``)."""

    def clean(self) -> None:
        super().clean()
        if any(form.errors for form in self.forms):
            return  # each row's own errors first
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            return  # no bands of its own: the round rates by the defaults
        try:
            check_scale(
                [scoring.RatingBand(row["code"], row["label"], row["minimum"]) for row in kept]
            )
        except scoring.InvalidRatingBands as error:
            raise ValidationError(
                _("ระดับผลการประเมินต้องมีคะแนนขั้นต่ำไม่ซ้ำกัน และระดับต่ำสุดต้องเริ่มที่ 0")
            ) from error


class RatingBandInline(admin.TabularInline):
    model = RatingBand
    formset = RatingBandFormSet
    extra = 0
    fields = ("label", "code", "minimum")


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("kind", "number", "name")
    show_change_link = True


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "fiscal_year", "number", "start", "end", "status")
    list_filter = ("status", "fiscal_year", "province")
    list_select_related = ("province",)
    # ว 20/2552 fixes the dates: they follow from the fiscal year and number. Rounds are
    # created by the import (or an action), which derives them. The status changes only
    # through the round's actions (kpi.results.actions), which check the weights and results.
    readonly_fields = ("province", "fiscal_year", "number", "start", "end", "status")
    # The shares stay editable: the province sets them per round (DOMAIN.md, Scores).
    inlines = (RatingBandInline, IndicatorInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class IndicatorVersionInline(admin.TabularInline):
    model = IndicatorVersion
    extra = 0
    fields = ("status", "weight", "responsible_unit_text", "method", "in_force", "created")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("number", "kind", "name", "round")
    list_filter = ("kind", "round")
    list_select_related = ("round__province",)
    search_fields = ("name",)
    inlines = (IndicatorVersionInline,)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("district_size", "order")
    show_change_link = True


@admin.register(IndicatorVersion)
class IndicatorVersionAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "status", "weight", "method", "responsible_unit", "in_force")
    list_filter = ("in_force", "status", "method", "indicator__round")
    list_select_related = ("indicator__round__province", "responsible_unit")
    search_fields = ("indicator__name", "responsible_unit_text", "contact_names")
    autocomplete_fields = ("responsible_unit", "contact_persons")
    # Which version is in force changes only through the action below, which keeps exactly
    # one per indicator.
    readonly_fields = ("in_force", "created", "source_document")
    inlines = (CriterionInline,)
    actions = ("put_selected_in_force",)

    @admin.action(description="ให้ฉบับที่เลือกใช้บังคับ")
    def put_selected_in_force(self, request: HttpRequest, queryset: QuerySet) -> None:
        indicators = [version.indicator_id for version in queryset]
        if len(set(indicators)) != len(indicators):
            self.message_user(request, "เลือกได้ตัวชี้วัดละหนึ่งฉบับเท่านั้น", level=messages.ERROR)
            return
        for version in queryset:
            put_in_force(version, by=request.user, reason="กำหนดฉบับที่ใช้บังคับผ่านหน้าจัดการข้อมูล")
        self.message_user(request, f"ใช้บังคับแล้ว {len(indicators)} ฉบับ")


class CriterionLevelInline(admin.TabularInline):
    model = CriterionLevel
    extra = 0
    fields = ("level", "text", "min", "min_exclusive", "max", "max_exclusive")


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "version", "order")
    list_filter = ("district_size",)
    list_select_related = ("version__indicator__round__province",)
    inlines = (CriterionLevelInline,)


@admin.register(CriterionLevel)
class CriterionLevelAdmin(SimpleHistoryAdmin):
    list_display = ("level", "criterion", "min", "max", "text")
    list_filter = ("level",)
    list_select_related = ("criterion__version__indicator",)
    search_fields = ("text",)
