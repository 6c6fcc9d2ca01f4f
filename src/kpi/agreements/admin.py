"""Agreements in the admin site: for looking and their history. Changes go through the
actions (pages and API), which check the round's status and the weights."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kpi.agreements.models import Agreement, AgreementItem


class AgreementItemInline(admin.TabularInline):
    model = AgreementItem
    extra = 0
    fields = ("indicator", "weight", "custom_weight", "extra")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = (
        "__str__",
        "round",
        "kind",
        "district",
        "evaluator_acknowledged_at",
        "evaluatee_acknowledged_at",
    )
    list_filter = ("kind", "round")
    list_select_related = ("round__province", "district__province", "evaluatee")
    search_fields = ("district__name", "district__dopa_code", "evaluatee__first_name")
    readonly_fields = (
        "round",
        "kind",
        "district",
        "evaluatee",
        "evaluator",
        "evaluator_acknowledged_by",
        "evaluator_acknowledged_at",
        "evaluatee_acknowledged_by",
        "evaluatee_acknowledged_at",
        "created",
    )
    inlines = (AgreementItemInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AgreementItem)
class AgreementItemAdmin(SimpleHistoryAdmin):
    list_display = ("agreement", "indicator", "weight", "custom_weight", "extra")
    list_filter = ("extra", "custom_weight", "agreement__round")
    list_select_related = ("agreement__district__province", "agreement__evaluatee", "indicator")
    readonly_fields = ("agreement", "indicator", "weight", "custom_weight", "extra")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
