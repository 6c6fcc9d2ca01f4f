"""API tokens: a secret shown once, stored only as its SHA-256 digest."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kpi.api.querysets import ApiTokenQuerySet


def digest(secret: str) -> str:
    """The stored form of a token: its SHA-256 in hex.

    A plain hash, not a password hasher: the secret is 256 random bits, so it cannot be
    guessed from its digest, and looking it up must stay one indexed query per request.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("เจ้าของ"),
    )
    name = models.CharField(
        _("ชื่อโทเค็น"), max_length=100, help_text=_("ใช้ทำอะไร เช่น ระบบรายงานของอำเภอ")
    )
    digest = models.CharField(_("ค่าแฮชของโทเค็น"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("ส่วนต้นของโทเค็น"),
        max_length=12,
        editable=False,
        help_text=_("อักษรแรกของโทเค็น ไว้ให้เจ้าของจำได้ว่าเป็นโทเค็นใด"),
    )
    created = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("สร้างโดย"),
    )
    last_used = models.DateTimeField(_("ใช้ล่าสุดเมื่อ"), null=True, blank=True, editable=False)
    revoked = models.DateTimeField(_("เพิกถอนเมื่อ"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เพิกถอนโดย"),
    )
    revoke_reason = models.CharField(_("เหตุผลที่เพิกถอน"), max_length=200, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("โทเค็น API")
        verbose_name_plural = _("โทเค็น API")
        ordering = ("-created", "-pk")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked is None
