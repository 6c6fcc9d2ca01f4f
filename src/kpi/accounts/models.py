"""The audit trail of accounts: who created an account, with which roles, and why.

Django's ``User`` has no history of its own; rather than copy password hashes into a history
table on every login, each account change writes one explicit row here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccountEvent(models.Model):
    class Kind(models.TextChoices):
        CREATED = "created", _("สร้างบัญชีผู้ใช้")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="account_events",
        verbose_name=_("บัญชีผู้ใช้"),
    )
    kind = models.CharField(_("เหตุการณ์"), max_length=20, choices=Kind.choices)
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ดำเนินการโดย"),
    )
    reason = models.CharField(_("เหตุผล"), max_length=200, blank=True)
    extra = models.JSONField(_("รายละเอียด"), default=dict, blank=True)
    time = models.DateTimeField(_("เมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ประวัติบัญชีผู้ใช้")
        verbose_name_plural = _("ประวัติบัญชีผู้ใช้")
        ordering = ("-time", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"
