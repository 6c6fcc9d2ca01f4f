"""Circulars the office issues from the app: the register of ``/ว`` numbers, and the notices.

A notice is drafted (a revision notice collects the indicators it revises), previewed, and
issued: it then gets the next number of its office's register, its DOCX and PDF are stored,
and what it says is in force. An issued notice never changes; a later notice follows it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.notices.querysets import NoticeQuerySet
from kpi.org.models import Province


class Register(models.Model):
    """The ``/ว`` serials of one office's circulars in one calendar year (ทะเบียนหนังสือส่ง).

    The year is the Buddhist Era calendar year (1 January to 31 December, พ.ศ. = ค.ศ. + 543),
    in which Thai offices restart their registers; it is not the fiscal year. ``last_serial``
    is the number given last: an office that numbered circulars by hand earlier in the year
    sets it here once, and the app continues from it.
    """

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="registers", verbose_name=_("จังหวัด")
    )
    # The number's prefix and office code as they were when the register was opened: a
    # changed office code starts a new register rather than renumbering an old one.
    letter_prefix = models.CharField(_("อักษรย่อเลขที่หนังสือ"), max_length=10)
    office_code = models.CharField(_("รหัสส่วนราชการ"), max_length=10)
    year = models.PositiveSmallIntegerField(_("ปีปฏิทิน (พ.ศ.)"))
    last_serial = models.PositiveIntegerField(
        _("เลขที่หนังสือเวียนล่าสุด"), default=0, help_text=_("เลขที่ /ว ที่ออกไปล่าสุดในปีนี้")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ทะเบียนเลขที่หนังสือเวียน")
        verbose_name_plural = _("ทะเบียนเลขที่หนังสือเวียน")
        ordering = ("province", "-year")
        constraints = (
            models.UniqueConstraint(
                fields=["letter_prefix", "office_code", "year"], name="one_register_per_office_year"
            ),
        )

    def __str__(self) -> str:
        return f"{self.letter_prefix} {self.office_code}/ว พ.ศ. {self.year}"

    def number(self, serial: int) -> str:
        """``อบ 0019/ว 537``: the contract's spelling, single spaces, Arabic digits."""
        return f"{self.letter_prefix} {self.office_code}/ว {serial}"


def notice_path(notice: Notice, filename: str) -> str:
    return f"notices/{notice.round_id}/{filename}"


class Notice(models.Model):
    class Kind(models.TextChoices):
        FIRST = "first", _("หนังสือแจ้งตัวชี้วัด")
        REVISION = "revision", _("หนังสือแจ้งการปรับแก้ไขตัวชี้วัด")

    class State(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        ISSUED = "issued", _("ออกหนังสือแล้ว")
        DISCARDED = "discarded", _("ยกเลิกร่าง")

    round = models.ForeignKey(
        "rounds.Round", models.PROTECT, related_name="notices", verbose_name=_("รอบการประเมิน")
    )
    kind = models.CharField(_("ประเภทหนังสือ"), max_length=10, choices=Kind.choices)
    state = models.CharField(_("สถานะ"), max_length=10, choices=State.choices, default=State.DRAFT)
    register = models.ForeignKey(
        Register,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("ทะเบียนเลขที่หนังสือ"),
    )
    serial = models.PositiveIntegerField(_("เลขลำดับหนังสือ"), null=True, blank=True)
    number = models.CharField(_("เลขที่หนังสือ"), max_length=100, blank=True)
    date = models.DateField(_("ลงวันที่"), null=True, blank=True)
    subject = models.CharField(_("เรื่อง"), max_length=500, blank=True)
    recipients = models.CharField(_("ถึง"), max_length=300, blank=True)
    references = models.JSONField(_("อ้างถึง"), default=list, blank=True)
    #: The notice as ``kpi-circular/1``; each version dict also carries ``interpolation``
    #: (not in the contract, not printed) so that a revision keeps the scoring mode.
    content = models.JSONField(_("เนื้อหา (kpi-circular/1)"))
    docx = models.FileField(_("ไฟล์ DOCX"), upload_to=notice_path, max_length=255, blank=True)
    pdf = models.FileField(_("ไฟล์ PDF"), upload_to=notice_path, max_length=255, blank=True)
    source_document = models.OneToOneField(
        "documents.SourceDocument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="notice",
        verbose_name=_("หนังสือต้นเรื่องที่บันทึก"),
    )
    discard_reason = models.TextField(_("เหตุผลที่ยกเลิก"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ร่างโดย"),
    )
    created_at = models.DateTimeField(_("ร่างเมื่อ"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ออกหนังสือโดย"),
    )
    issued_at = models.DateTimeField(_("ออกหนังสือเมื่อ"), null=True, blank=True)
    history = HistoricalRecords()

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("หนังสือเวียน")
        verbose_name_plural = _("หนังสือเวียน")
        ordering = ("round", "-created_at", "-pk")
        constraints = (
            # The register never gives a serial twice; the database says so too.
            models.UniqueConstraint(
                fields=["register", "serial"],
                condition=Q(serial__isnull=False),
                name="one_notice_per_serial",
            ),
            # One draft per round: every revision goes into it until it is issued.
            models.UniqueConstraint(
                fields=["round"], condition=Q(state="draft"), name="one_draft_per_round"
            ),
            models.CheckConstraint(
                condition=~Q(state="issued") | Q(serial__isnull=False, date__isnull=False),
                name="issued_notice_is_numbered",
            ),
        )

    def __str__(self) -> str:
        return self.number or f"{self.get_kind_display()} ({self.get_state_display()})"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def indicator_keys(self) -> list[tuple[str, int]]:
        """``(kind, number)`` of every indicator in the content, in order."""
        return [(entry["kind"], entry["number"]) for entry in self.content.get("indicators", [])]
