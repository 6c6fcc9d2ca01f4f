"""Circulars as received: the file, its hash, and what the parser read from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.documents.querysets import SourceDocumentQuerySet
from kpi.org.models import Province


def circular_path(document: SourceDocument, filename: str) -> str:
    """``circulars/<sha256><suffix>``: one file per content, whatever it was called."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"circulars/{document.sha256}{suffix}"


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        FIRST = "first", _("หนังสือแจ้งตัวชี้วัด")
        REVISION = "revision", _("หนังสือแจ้งการปรับแก้ไขตัวชี้วัด")

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="documents", verbose_name=_("จังหวัด")
    )
    round = models.ForeignKey(
        "rounds.Round",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("รอบการประเมิน"),
    )
    file = models.FileField(_("ไฟล์"), upload_to=circular_path, max_length=255)
    original_filename = models.CharField(_("ชื่อไฟล์เดิม"), max_length=255)
    sha256 = models.CharField(_("ค่าแฮช SHA-256"), max_length=64, unique=True, editable=False)
    parsed = models.JSONField(_("ข้อมูลที่อ่านได้ (kpi-circular/1)"))
    number = models.CharField(_("เลขที่หนังสือ"), max_length=100, blank=True)
    date = models.DateField(_("ลงวันที่"), null=True, blank=True)
    subject = models.CharField(_("เรื่อง"), max_length=500, blank=True)
    kind = models.CharField(_("ประเภทหนังสือ"), max_length=10, choices=Kind.choices)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_documents",
        verbose_name=_("นำเข้าโดย"),
    )
    imported_at = models.DateTimeField(_("นำเข้าเมื่อ"), default=timezone.now)
    history = HistoricalRecords()

    objects = SourceDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("หนังสือต้นเรื่อง")
        verbose_name_plural = _("หนังสือต้นเรื่อง")
        ordering = ("-imported_at",)

    def __str__(self) -> str:
        return self.number or self.original_filename


def in_issue_order(documents: Iterable[SourceDocument]) -> list[SourceDocument]:
    """*documents* in the order they were issued, as a letter cites them.

    By date where known. An undated document (the seed ว 536) is placed where it came into
    the system: after every dated document that came in before it, so it is never pushed to
    the end behind circulars issued after it. Equal places keep the order of arrival
    (``imported_at``, then ``pk``).
    """
    arrived = sorted(documents, key=lambda d: (d.imported_at, d.pk or 0))
    latest = dt.date.min
    keys = {}
    for index, document in enumerate(arrived):
        if document.date is not None:
            latest = max(latest, document.date)
        keys[id(document)] = (document.date or latest, index)
    return sorted(arrived, key=lambda d: keys[id(d)])
