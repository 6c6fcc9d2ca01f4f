"""API tokens in the admin: adding one shows its secret once; revoking is an action."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kpi.api.actions import create_token, revoke_token
from kpi.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "prefix", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    list_select_related = ("owner",)
    search_fields = ("name", "owner__username", "prefix")
    autocomplete_fields = ("owner",)
    actions = ("revoke",)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> Any:
        if obj is None:
            return ("owner", "name")
        return (
            "owner",
            "name",
            "prefix",
            "created",
            "created_by",
            "last_used",
            "revoked",
            "revoked_by",
            "revoke_reason",
        )

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> Any:
        # A token is never edited: revoke it and create another.
        return () if obj is None else self.get_fields(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            return
        token, secret = create_token(obj.owner, name=obj.name, by=request.user)
        obj.pk = token.pk
        obj.refresh_from_db()
        messages.warning(
            request,
            _("โทเค็นใหม่: %(secret)s คัดลอกเก็บไว้ตอนนี้ ระบบจะไม่แสดงโทเค็นนี้อีก") % {"secret": secret},
        )

    @admin.action(description=gettext_lazy("เพิกถอนโทเค็นที่เลือก"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            revoke_token(token, by=request.user, reason=_("เพิกถอนในหน้าผู้ดูแลระบบ"))
        self.message_user(request, _("เพิกถอนโทเค็นแล้ว"), messages.SUCCESS)
