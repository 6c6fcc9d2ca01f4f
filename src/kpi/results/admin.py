"""Results in the admin site: read-only with their history (the actions do the writing, so
that states, levels and the audit stay right); LINE groups are edited here."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kpi.results.models import Evidence, LevelChange, LineGroup, Notification, Result, StepProgress


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class StepInline(ReadOnly, admin.TabularInline):
    model = StepProgress
    fields = ("step", "done", "note")
    extra = 0


class EvidenceInline(ReadOnly, admin.TabularInline):
    model = Evidence
    fields = ("kind", "original_name", "content_type", "size", "url", "title", "added_at")
    extra = 0


class LevelChangeInline(ReadOnly, admin.TabularInline):
    model = LevelChange
    fields = ("before", "after", "version", "source_document", "reason", "at")
    extra = 0


@admin.register(Result)
class ResultAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ("__str__", "state", "level", "verified_level", "updated_at")
    list_filter = ("state", "item__agreement__round", "item__indicator__kind")
    list_select_related = ("item__indicator", "district", "person")
    search_fields = ("district__name", "district__dopa_code", "person__first_name")
    inlines = (StepInline, EvidenceInline, LevelChangeInline)


@admin.register(Notification)
class NotificationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("person", "kind", "created_at", "read_at")
    list_filter = ("kind",)
    list_select_related = ("person",)


@admin.register(LineGroup)
class LineGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "province", "district", "target")
    list_filter = ("province",)
    list_select_related = ("province", "district")
