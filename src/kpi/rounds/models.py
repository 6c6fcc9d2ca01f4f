"""Appraisal rounds, their indicators, and each indicator's versions with criteria and levels.

An indicator keeps every version it ever had (as first issued, as revised); exactly one is in
force. The database refuses a second one in force (a partial unique index) and, on PostgreSQL,
an indicator left with versions but none in force (a deferred constraint trigger, checked at
commit: migration 0004). SQLite cannot defer a trigger, so there the actions alone keep one in
force (``kpi.rounds.actions``: every flip is one transaction).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.org.models import Province, Size, Unit
from kpi.rounds.querysets import IndicatorQuerySet, IndicatorVersionQuerySet, RoundQuerySet
from kpi.scoring import Shares


class Round(models.Model):
    """One of the two appraisal rounds of a fiscal year (ว 20/2552)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง (กำหนดตัวชี้วัด)")
        OPEN = "open", _("เปิด (ลงนามคำรับรองและรายงานผล)")
        CLOSED = "closed", _("ปิดรับรายงานผล")
        APPROVED = "approved", _("ประเมินและอนุมัติผลแล้ว")
        ARCHIVED = "archived", _("เก็บถาวร")

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="rounds", verbose_name=_("จังหวัด")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    number = models.PositiveSmallIntegerField(
        _("รอบการประเมินที่"), choices=[(1, _("รอบที่ 1")), (2, _("รอบที่ 2"))]
    )
    start = models.DateField(_("วันเริ่มรอบ"))
    end = models.DateField(_("วันสิ้นสุดรอบ"))
    status = models.CharField(
        _("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    reporting_deadline = models.DateField(
        _("กำหนดส่งรายงานผล"),
        null=True,
        blank=True,
        help_text=_("วันสุดท้ายที่อำเภอส่งรายงานผล ใช้สำหรับการแจ้งเตือน"),
    )
    # DOMAIN.md, Scores: total = 70 % achievement + 30 % competency (50/50 on probation), both
    # shares configurable per round; the competency share is what is left of 100.
    achievement_share = models.DecimalField(
        _("สัดส่วนผลสัมฤทธิ์ของงาน (ร้อยละ)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(70),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("ส่วนที่เหลือจาก 100 เป็นสัดส่วนของพฤติกรรมการปฏิบัติราชการ"),
    )
    probation_achievement_share = models.DecimalField(
        _("สัดส่วนผลสัมฤทธิ์ของงาน ผู้อยู่ระหว่างทดลองปฏิบัติหน้าที่ราชการ (ร้อยละ)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(50),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    history = HistoricalRecords()

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("รอบการประเมิน")
        verbose_name_plural = _("รอบการประเมิน")
        ordering = ("-fiscal_year", "-number")
        constraints = (
            models.UniqueConstraint(
                fields=["province", "fiscal_year", "number"], name="one_round_per_province_year"
            ),
            models.CheckConstraint(condition=Q(number__in=[1, 2]), name="round_number_1_or_2"),
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="round_starts_first"),
            models.CheckConstraint(
                condition=Q(achievement_share__gte=0, achievement_share__lte=100)
                & Q(probation_achievement_share__gte=0, probation_achievement_share__lte=100),
                name="round_shares_0_to_100",
            ),
        )

    def __str__(self) -> str:
        return f"รอบที่ {self.number}/{self.fiscal_year} {self.province}"

    def shares(self, *, probation: bool = False) -> Shares:
        """How achievement and competency make up a person's total in this round."""
        share = self.probation_achievement_share if probation else self.achievement_share
        return Shares(Decimal(share), Decimal(100) - Decimal(share))


class Indicator(models.Model):
    class Kind(models.TextChoices):
        TEAM = "team", _("ตัวชี้วัดรายทีม")
        INDIVIDUAL = "individual", _("ตัวชี้วัดรายบุคคล")

    round = models.ForeignKey(
        Round, models.CASCADE, related_name="indicators", verbose_name=_("รอบการประเมิน")
    )
    kind = models.CharField(_("ประเภทตัวชี้วัด"), max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("ตัวชี้วัดที่"))
    name = models.TextField(_("ชื่อตัวชี้วัด"))
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")
        # Team indicators first, as the circulars list them ("team" sorts after "individual").
        ordering = ("round", "-kind", "number")
        constraints = (
            models.UniqueConstraint(
                fields=["round", "kind", "number"], name="indicator_number_per_kind_and_round"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ตัวชี้วัดที่ {self.number} {self.name}"

    @property
    def version_in_force(self) -> IndicatorVersion | None:
        """The version in force; uses ``with_version_in_force()``'s prefetch when present."""
        if hasattr(self, "versions_in_force"):
            return next(iter(self.versions_in_force), None)
        return self.versions.in_force().first()


class IndicatorVersion(models.Model):
    """An indicator as one document states it: weight, owner, method and criteria."""

    class Status(models.TextChoices):
        ORIGINAL = "original", _("เดิม")
        REVISED = "revised", _("แก้ไข")
        CURRENT = "current", _("ฉบับที่ประกาศ")

    class Method(models.TextChoices):
        MILESTONE = "milestone", _("ขั้นตอนการดำเนินงาน")
        THRESHOLD = "threshold", _("ช่วงค่าเป้าหมาย")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("ค่ามากดีกว่า")
        LOWER = "lower", _("ค่าน้อยดีกว่า")

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="versions", verbose_name=_("ตัวชี้วัด")
    )
    status = models.CharField(_("ฉบับ"), max_length=10, choices=Status.choices)
    weight = models.DecimalField(_("น้ำหนัก (ร้อยละ)"), max_digits=6, decimal_places=2)
    responsible_unit = models.ForeignKey(
        Unit,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicator_versions",
        verbose_name=_("หน่วยงานรับผิดชอบ"),
    )
    responsible_unit_text = models.CharField(
        _("หน่วยงานรับผิดชอบ (ตามที่พิมพ์ในหนังสือ)"), max_length=200, blank=True
    )
    contact_persons = models.ManyToManyField(
        "org.Person",
        blank=True,
        related_name="indicator_versions",
        verbose_name=_("ผู้ประสานงาน"),
    )
    contact_names = models.JSONField(_("ผู้ประสานงาน (ตามที่พิมพ์ในหนังสือ)"), default=list, blank=True)
    method = models.CharField(_("วิธีการวัด"), max_length=10, choices=Method.choices)
    # NULL, not "", in the three fields below: the contract's null ("not stated", or "all sizes"
    # for district_size), which the partial unique constraint on Criterion relies on.
    measure_unit = models.CharField(  # noqa: DJ001
        _("หน่วยวัด"),
        max_length=50,
        null=True,
        blank=True,
        help_text=_("percent สำหรับร้อยละ หรือลักษณนามตามที่พิมพ์ เช่น ครั้ง"),
    )
    direction = models.CharField(  # noqa: DJ001
        _("ทิศทางของค่าเป้าหมาย"), max_length=10, choices=Direction.choices, null=True, blank=True
    )
    interpolation = models.BooleanField(
        _("คิดคะแนนแบบเทียบสัดส่วนระหว่างระดับ"),
        default=False,
        help_text=_("ให้คะแนนทศนิยมระหว่างระดับ (แบบ ก.พ.ร.)"),
    )
    effective_date = models.DateField(_("วันที่มีผล"), null=True, blank=True)
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_versions",
        verbose_name=_("หนังสือต้นเรื่อง"),
    )
    in_force = models.BooleanField(_("ใช้บังคับอยู่"), default=False)
    created = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[contact_persons])

    objects = IndicatorVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("ฉบับของตัวชี้วัด")
        verbose_name_plural = _("ฉบับของตัวชี้วัด")
        ordering = ("indicator", "created", "pk")
        constraints = (
            # At most one version in force per indicator; a partial unique index, which both
            # SQLite and PostgreSQL enforce. At least one (once there are versions): the
            # deferred trigger version_in_force_required, PostgreSQL only (migration 0004).
            models.UniqueConstraint(
                fields=["indicator"],
                condition=Q(in_force=True),
                name="one_version_in_force_per_indicator",
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="version_weight_positive"),
        )

    def __str__(self) -> str:
        return f"{self.indicator} ({self.get_status_display()})"

    def as_contract(self) -> dict[str, Any]:
        """This version as a ``kpi-circular/1`` version dict, plus ``interpolation``.

        ``kpi.scoring.criteria_from_version(version.as_contract())`` gives its criteria.
        Numbers are ``int`` when whole, else ``Decimal``.
        """
        from kpi.rounds.contract import version_to_contract

        return version_to_contract(self)


class Criterion(models.Model):
    """The levels of a version for one district size, or for all sizes when none is given."""

    version = models.ForeignKey(
        IndicatorVersion, models.CASCADE, related_name="criteria", verbose_name=_("ฉบับของตัวชี้วัด")
    )
    district_size = models.CharField(  # noqa: DJ001
        _("ขนาดอำเภอ"),
        max_length=10,
        choices=Size.choices,
        null=True,
        blank=True,
        help_text=_("เว้นว่างเมื่อใช้กับอำเภอทุกขนาด"),
    )
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("เกณฑ์การให้คะแนน")
        verbose_name_plural = _("เกณฑ์การให้คะแนน")
        ordering = ("version", "order", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["version", "district_size"], name="one_criterion_per_version_and_size"
            ),
            # NULLs are distinct in a unique constraint, so "all sizes" needs its own.
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(district_size__isnull=True),
                name="one_all_sizes_criterion_per_version",
            ),
        )

    def __str__(self) -> str:
        return str(self.get_district_size_display() or _("อำเภอทุกขนาด"))


class CriterionLevel(models.Model):
    criterion = models.ForeignKey(
        Criterion, models.CASCADE, related_name="levels", verbose_name=_("เกณฑ์การให้คะแนน")
    )
    level = models.PositiveSmallIntegerField(_("ระดับคะแนน"))
    text = models.TextField(_("คำอธิบายระดับ"))
    min = models.DecimalField(_("ค่าต่ำสุด"), max_digits=14, decimal_places=4, null=True, blank=True)
    max = models.DecimalField(_("ค่าสูงสุด"), max_digits=14, decimal_places=4, null=True, blank=True)
    min_exclusive = models.BooleanField(_("ไม่รวมค่าต่ำสุด (มากกว่า)"), default=False)
    max_exclusive = models.BooleanField(_("ไม่รวมค่าสูงสุด (น้อยกว่า)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ระดับคะแนน")
        verbose_name_plural = _("ระดับคะแนน")
        ordering = ("criterion", "level")
        constraints = (
            models.UniqueConstraint(fields=["criterion", "level"], name="one_row_per_level"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5), name="level_between_1_and_5"
            ),
            models.CheckConstraint(
                condition=Q(min__isnull=True) | Q(max__isnull=True) | Q(min__lte=F("max")),
                name="level_min_not_above_max",
            ),
        )

    def __str__(self) -> str:
        return f"ระดับ {self.level}"


# The rating bands live in their own module; importing them here registers the model.
from kpi.rounds.ratings import RatingBand  # noqa: E402, F401
