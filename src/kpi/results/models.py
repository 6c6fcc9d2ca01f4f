"""What districts report against their agreements, how it is checked, and who is told.

A ``Result`` is one agreement item for one subject: the district office (team item) or the
district head (individual item). Its ``level`` is always the scoring engine's, under the
indicator's version in force and the district's size for the round's fiscal year; the indicator
owner may record a different ``verified_level`` with a reason. ``version`` counts saves, for
optimistic locking (``kpi.results.actions``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.agreements.models import AgreementItem
from kpi.org.models import District, Person
from kpi.results.querysets import NotificationQuerySet, ResultQuerySet
from kpi.results.storage import evidence_storage


class Result(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("ส่งแล้ว")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")
        RESUBMITTED = "resubmitted", _("ส่งใหม่แล้ว")
        VERIFIED = "verified", _("ตรวจสอบแล้ว")
        APPROVED = "approved", _("อนุมัติแล้ว")
        LOCKED = "locked", _("ล็อกแล้ว")

    item = models.ForeignKey(
        AgreementItem, models.PROTECT, related_name="results", verbose_name=_("ตัวชี้วัดในคำรับรอง")
    )
    district = models.ForeignKey(
        District, models.PROTECT, related_name="results", verbose_name=_("อำเภอ")
    )
    person = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
        verbose_name=_("ผู้รับการประเมิน"),
        help_text=_("ตัวชี้วัดรายบุคคลเท่านั้น"),
    )
    state = models.CharField(_("สถานะ"), max_length=12, choices=State.choices, default=State.DRAFT)
    value = models.DecimalField(
        _("ค่าที่วัดได้"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    done = models.DecimalField(
        _("จำนวนที่ทำได้ (ตัวตั้ง)"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    planned = models.DecimalField(
        _("จำนวนทั้งหมด (ตัวหาร)"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    note = models.TextField(_("หมายเหตุ"), blank=True)
    level = models.DecimalField(
        _("ระดับคะแนนที่คำนวณได้"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    level_problem = models.CharField(
        _("เหตุที่คำนวณระดับคะแนนไม่ได้"), max_length=40, blank=True, help_text=_("รหัสข้อผิดพลาด")
    )
    verified_level = models.DecimalField(
        _("ระดับคะแนนที่ตรวจสอบแล้ว"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    verified_reason = models.TextField(_("เหตุผลที่ให้ระดับคะแนนต่างจากที่คำนวณ"), blank=True)
    return_comment = models.TextField(_("ความเห็นเมื่อส่งกลับ"), blank=True)
    version = models.PositiveIntegerField(_("ครั้งที่บันทึก"), default=1)
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ส่งโดย"),
    )
    verified_at = models.DateTimeField(_("ตรวจสอบเมื่อ"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ตรวจสอบโดย"),
    )
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("อนุมัติโดย"),
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("ผลการดำเนินงาน")
        verbose_name_plural = _("ผลการดำเนินงาน")
        ordering = ("district__dopa_code", "item__indicator__kind", "item__indicator__number")
        constraints = (
            models.UniqueConstraint(
                fields=["item", "district"],
                condition=Q(person__isnull=True),
                name="one_team_result_per_item_and_office",
            ),
            models.UniqueConstraint(
                fields=["item", "person"],
                condition=Q(person__isnull=False),
                name="one_individual_result_per_item_and_person",
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__gte=0, level__lte=5),
                name="result_level_0_to_5",
            ),
            models.CheckConstraint(
                condition=Q(verified_level__isnull=True)
                | Q(verified_level__gte=0, verified_level__lte=5),
                name="result_verified_level_0_to_5",
            ),
        )

    def __str__(self) -> str:
        subject = self.person.full_name if self.person_id else self.district.office_name
        return f"{self.item.indicator} · {subject}"

    @property
    def final_level(self) -> Decimal | None:
        """The level that counts: the owner's when they set one, else the computed one."""
        return self.verified_level if self.verified_level is not None else self.level

    @property
    def indicator(self):  # type: ignore[no-untyped-def]
        return self.item.indicator


class StepProgress(models.Model):
    """A milestone step: done on a date (or not yet), with a note."""

    result = models.ForeignKey(
        Result, models.CASCADE, related_name="steps", verbose_name=_("ผลการดำเนินงาน")
    )
    step = models.PositiveSmallIntegerField(_("ขั้นตอนที่"))
    done = models.DateField(_("ดำเนินการแล้วเมื่อ"), null=True, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ความก้าวหน้ารายขั้นตอน")
        verbose_name_plural = _("ความก้าวหน้ารายขั้นตอน")
        ordering = ("result", "step")
        constraints = (
            models.UniqueConstraint(fields=["result", "step"], name="one_row_per_result_step"),
            models.CheckConstraint(condition=Q(step__gte=1, step__lte=5), name="step_1_to_5"),
        )

    def __str__(self) -> str:
        return f"ขั้นตอนที่ {self.step}"


URL_MAX_LENGTH = 1000


def evidence_path(evidence: Evidence, filename: str) -> str:
    """``<sha256><extension of the detected type>``: one file per content."""
    return f"{evidence.sha256}{evidence.extension}"


class Evidence(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", _("ไฟล์")
        LINK = "link", _("ลิงก์")

    result = models.ForeignKey(
        Result, models.CASCADE, related_name="evidence", verbose_name=_("ผลการดำเนินงาน")
    )
    kind = models.CharField(_("ประเภทหลักฐาน"), max_length=4, choices=Kind.choices)
    file = models.FileField(
        _("ไฟล์"), storage=evidence_storage, upload_to=evidence_path, max_length=255, blank=True
    )
    sha256 = models.CharField(_("ค่าแฮช SHA-256"), max_length=64, blank=True)
    original_name = models.CharField(_("ชื่อไฟล์เดิม"), max_length=255, blank=True)
    content_type = models.CharField(_("ชนิดไฟล์"), max_length=100, blank=True)
    extension = models.CharField(_("นามสกุลไฟล์"), max_length=10, blank=True)
    size = models.PositiveBigIntegerField(_("ขนาด (ไบต์)"), null=True, blank=True)
    url = models.URLField(_("ลิงก์"), max_length=URL_MAX_LENGTH, blank=True)
    title = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("เพิ่มโดย"),
    )
    added_at = models.DateTimeField(_("เพิ่มเมื่อ"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("หลักฐาน")
        verbose_name_plural = _("หลักฐาน")
        ordering = ("result", "added_at", "pk")
        constraints = (
            models.CheckConstraint(
                condition=(Q(kind="file") & ~Q(sha256="")) | (Q(kind="link") & ~Q(url="")),
                name="evidence_file_has_hash_link_has_url",
            ),
        )

    def __str__(self) -> str:
        return self.title or self.original_name or self.url

    @property
    def download_name(self) -> str:
        """The original name, its extension made to match the content."""
        stem = self.original_name.rsplit(".", 1)[0] if "." in self.original_name else ""
        return f"{stem or self.sha256[:12]}{self.extension}"


class LevelChange(models.Model):
    """A level recomputed because another version of the indicator was put in force."""

    result = models.ForeignKey(
        Result, models.CASCADE, related_name="level_changes", verbose_name=_("ผลการดำเนินงาน")
    )
    before = models.DecimalField(_("ระดับเดิม"), max_digits=5, decimal_places=2, null=True)
    after = models.DecimalField(_("ระดับใหม่"), max_digits=5, decimal_places=2, null=True)
    version = models.ForeignKey(
        "rounds.IndicatorVersion",
        models.PROTECT,
        related_name="level_changes",
        verbose_name=_("ฉบับของตัวชี้วัดที่ใช้คำนวณ"),
    )
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="level_changes",
        verbose_name=_("หนังสือแจ้งการแก้ไข"),
    )
    reason = models.TextField(_("เหตุผล"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ดำเนินการโดย"),
    )
    at = models.DateTimeField(_("เมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("การเปลี่ยนระดับคะแนนจากการแก้ไขตัวชี้วัด")
        verbose_name_plural = _("การเปลี่ยนระดับคะแนนจากการแก้ไขตัวชี้วัด")
        ordering = ("result", "at", "pk")

    def __str__(self) -> str:
        return f"{self.result}: {self.before} → {self.after}"


class Notification(models.Model):
    """A message in someone's in-app list (and, when it says so, their e-mail)."""

    class Kind(models.TextChoices):
        REVISED = "revised", _("ตัวชี้วัดได้รับการแก้ไข")
        RETURNED = "returned", _("ผลการดำเนินงานถูกส่งกลับ")
        VERIFIED = "verified", _("ผลการดำเนินงานผ่านการตรวจสอบ")
        APPROVED = "approved", _("ผลการดำเนินงานได้รับอนุมัติ")
        REOPENED = "reopened", _("ผลการดำเนินงานถูกเปิดให้แก้ไข")
        REMIND_SUBMIT = "remind_submit", _("เตือนส่งรายงานผล")
        REMIND_VERIFY = "remind_verify", _("เตือนตรวจสอบผล")

    #: kind → Thai template (the msgid; the English catalogue translates it)
    TEMPLATES: ClassVar[dict[str, str]] = {
        Kind.REVISED: gettext_noop(
            "ตัวชี้วัด%(indicator)s ได้รับการแก้ไขตามหนังสือ %(notice)s "
            "ระดับคะแนนของ%(subject)s จาก %(before)s เป็น %(after)s"
        ),
        Kind.RETURNED: gettext_noop(
            "ผลการดำเนินงานตัวชี้วัด%(indicator)s ของ%(subject)s ถูกส่งกลับให้แก้ไข: %(comment)s"
        ),
        Kind.VERIFIED: gettext_noop(
            "ผลการดำเนินงานตัวชี้วัด%(indicator)s ของ%(subject)s ผ่านการตรวจสอบแล้ว ระดับคะแนน %(level)s"
        ),
        Kind.APPROVED: gettext_noop("ผลการดำเนินงานตัวชี้วัด%(indicator)s ของ%(subject)s ได้รับอนุมัติแล้ว"),
        Kind.REOPENED: gettext_noop(
            "ผลการดำเนินงานตัวชี้วัด%(indicator)s ของ%(subject)s เปิดให้แก้ไขอีกครั้ง: %(reason)s"
        ),
        Kind.REMIND_SUBMIT: gettext_noop(
            "กรุณาส่งรายงานผลตัวชี้วัด %(count)s รายการภายในวันที่ %(deadline)s: %(indicators)s"
        ),
        Kind.REMIND_VERIFY: gettext_noop(
            "มีผลการดำเนินงาน %(count)s รายการรอการตรวจสอบ: %(indicators)s"
        ),
    }

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="notifications", verbose_name=_("ผู้รับ")
    )
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices)
    params = models.JSONField(_("รายละเอียด"), default=dict, blank=True)
    result = models.ForeignKey(
        Result,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("ผลการดำเนินงาน"),
    )
    round = models.ForeignKey(
        "rounds.Round",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("รอบการประเมิน"),
    )
    created_at = models.DateTimeField(_("เมื่อ"), auto_now_add=True)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=["person", "read_at"], name="notification_unread"),)

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language."""
        return gettext(self.TEMPLATES[self.kind]) % self.params

    @property
    def read(self) -> bool:
        return self.read_at is not None


class LineGroup(models.Model):
    """A LINE group an office coordinates in, for reminders pushed through the Messaging API."""

    province = models.ForeignKey(
        "org.Province", models.CASCADE, related_name="line_groups", verbose_name=_("จังหวัด")
    )
    district = models.ForeignKey(
        District,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="line_groups",
        verbose_name=_("อำเภอ"),
        help_text=_("เว้นว่างสำหรับกลุ่มของสำนักงานพัฒนาชุมชนจังหวัด"),
    )
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    target = models.CharField(
        _("รหัสกลุ่ม LINE (groupId)"), max_length=100, help_text=_("รหัสที่ LINE ใช้ส่งข้อความ")
    )

    class Meta:
        verbose_name = _("กลุ่ม LINE")
        verbose_name_plural = _("กลุ่ม LINE")
        ordering = ("province", "district__dopa_code", "name")

    def __str__(self) -> str:
        return self.name


class Competency(models.Model):
    """A person's competency score (พฤติกรรมการปฏิบัติราชการ) in a round, 0–100.

    Scored outside this system (the DPIS appraisal: 3/2/1/0 points per competency by the gap
    to the expected level, ``kpi.scoring.competency_score``) and entered here, so the
    scorecard can give the total: 70 % achievement + 30 % competency, 50/50 for staff on
    ``probation`` by default (the round's ``achievement_share`` and
    ``probation_achievement_share``). Written only by ``kpi.results.actions.set_competency``.
    """

    round = models.ForeignKey(
        "rounds.Round", models.CASCADE, related_name="competencies", verbose_name=_("รอบการประเมิน")
    )
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="competencies", verbose_name=_("ผู้รับการประเมิน")
    )
    score = models.DecimalField(
        _("คะแนนพฤติกรรมการปฏิบัติราชการ (เต็ม 100)"), max_digits=5, decimal_places=2
    )
    probation = models.BooleanField(
        _("อยู่ระหว่างทดลองปฏิบัติหน้าที่ราชการ"),
        default=False,
        help_text=_("คิดคะแนนรวมจากผลสัมฤทธิ์ของงานร้อยละ 50 และพฤติกรรมร้อยละ 50"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("บันทึกโดย"),
    )
    entered_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("คะแนนพฤติกรรมการปฏิบัติราชการ")
        verbose_name_plural = _("คะแนนพฤติกรรมการปฏิบัติราชการ")
        ordering = ("round", "person")
        constraints = (
            models.UniqueConstraint(fields=["round", "person"], name="one_competency_per_round"),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100), name="competency_0_to_100"
            ),
        )

    def __str__(self) -> str:
        return f"{self.person}: {self.score}"
