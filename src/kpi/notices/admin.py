from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kpi.notices.models import Notice, Register


@admin.register(Register)
class RegisterAdmin(SimpleHistoryAdmin):
    """An office that numbered circulars by hand earlier in the year sets ``last_serial``
    once; the app continues from it (and never below a serial it has given)."""

    list_display = ("__str__", "province", "year", "last_serial")
    list_filter = ("province", "year")

    def get_readonly_fields(self, request, obj=None) -> tuple[str, ...]:
        # An office and year never change: a wrong one is a new register.
        return ("province", "letter_prefix", "office_code", "year") if obj else ()


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "kind", "state", "round", "date", "issued_by")
    list_filter = ("kind", "state")
    list_select_related = ("round__province", "issued_by")
    search_fields = ("number", "subject")
    # Notices are written through the pages' actions; an issued one never changes.
    readonly_fields = tuple(field.name for field in Notice._meta.fields)

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
