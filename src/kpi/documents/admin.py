from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kpi.documents.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("number", "kind", "round", "province", "original_filename", "imported_at")
    list_filter = ("kind", "province")
    list_select_related = ("round__province", "province")
    search_fields = ("number", "subject", "original_filename", "sha256")
    date_hierarchy = "imported_at"
    # A document is what was received: it is imported, never typed in or edited here.
    readonly_fields = (
        "province",
        "round",
        "file",
        "original_filename",
        "sha256",
        "parsed",
        "number",
        "date",
        "subject",
        "kind",
        "imported_by",
        "imported_at",
    )

    def has_add_permission(self, request) -> bool:
        return False
