from django.contrib import admin

from kpi.accounts.models import AccountEvent


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    list_display = ("time", "kind", "user", "acting_user", "reason")
    list_filter = ("kind",)
    list_select_related = ("user", "acting_user")
    search_fields = ("user__username", "reason")

    def has_add_permission(self, request, obj=None) -> bool:  # an audit trail is written by code
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
