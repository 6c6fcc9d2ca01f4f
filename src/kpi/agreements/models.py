"""Agreements (คำรับรอง) between the provincial head and each district head or office.

The seed's table is the agreement "พัฒนาการจังหวัด กับ พัฒนาการอำเภอ": an individual agreement
per district head (individual indicators) and a team agreement per district office (team
indicators, shared by everyone in that office). A person is appraised on the items of their
office's team agreement plus those of their own individual agreement; together their weights
make 100 (``kpi.agreements.weights``).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.agreements.querysets import AgreementItemQuerySet, AgreementQuerySet
from kpi.org.models import District, Person


class Agreement(models.Model):
    class Kind(models.TextChoices):
        TEAM = "team", _("คำรับรองรายทีม (สำนักงานพัฒนาชุมชนอำเภอ)")
        INDIVIDUAL = "individual", _("คำรับรองรายบุคคล (พัฒนาการอำเภอ)")

    round = models.ForeignKey(
        "rounds.Round", models.CASCADE, related_name="agreements", verbose_name=_("รอบการประเมิน")
    )
    kind = models.CharField(_("ประเภทคำรับรอง"), max_length=10, choices=Kind.choices)
    # The office: the evaluatee of a team agreement, the evaluatee's office of an individual one.
    district = models.ForeignKey(
        District, models.PROTECT, related_name="agreements", verbose_name=_("อำเภอ")
    )
    evaluatee = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_as_evaluatee",
        verbose_name=_("ผู้รับการประเมิน"),
        help_text=_("รายบุคคล: พัฒนาการอำเภอ; รายทีม: ผู้ลงนามแทนสำนักงาน"),
    )
    evaluator = models.ForeignKey(
        Person,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_as_evaluator",
        verbose_name=_("ผู้ประเมิน"),
    )
    evaluator_acknowledged_by = models.ForeignKey(
        Person,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ประเมินที่รับทราบ"),
    )
    evaluator_acknowledged_at = models.DateTimeField(_("ผู้ประเมินรับทราบเมื่อ"), null=True, blank=True)
    evaluatee_acknowledged_by = models.ForeignKey(
        Person,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้รับการประเมินที่รับทราบ"),
    )
    evaluatee_acknowledged_at = models.DateTimeField(
        _("ผู้รับการประเมินรับทราบเมื่อ"), null=True, blank=True
    )
    created = models.DateTimeField(_("จัดทำเมื่อ"), auto_now_add=True)
    history = HistoricalRecords()

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("คำรับรองการปฏิบัติราชการ")
        verbose_name_plural = _("คำรับรองการปฏิบัติราชการ")
        ordering = ("round", "district__dopa_code", "-kind", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["round", "district"],
                condition=Q(kind="team"),
                name="one_team_agreement_per_office_and_round",
            ),
            models.UniqueConstraint(
                fields=["round", "evaluatee"],
                condition=Q(kind="individual"),
                name="one_individual_agreement_per_person_and_round",
            ),
            models.CheckConstraint(
                condition=Q(kind="team") | Q(evaluatee__isnull=False),
                name="individual_agreement_has_evaluatee",
            ),
        )

    def __str__(self) -> str:
        subject = self.district.office_name if self.is_team else str(self.evaluatee)
        return f"{self.get_kind_display()}: {subject}"

    @property
    def is_team(self) -> bool:
        return self.kind == self.Kind.TEAM

    @property
    def acknowledged(self) -> bool:
        """Both parties have acknowledged it."""
        return bool(self.evaluator_acknowledged_at and self.evaluatee_acknowledged_at)


class AgreementItem(models.Model):
    """One indicator of an agreement, with its weight for this district or person."""

    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="items", verbose_name=_("คำรับรอง")
    )
    indicator = models.ForeignKey(
        "rounds.Indicator",
        models.PROTECT,
        related_name="agreement_items",
        verbose_name=_("ตัวชี้วัด"),
    )
    weight = models.DecimalField(_("น้ำหนัก (ร้อยละ)"), max_digits=6, decimal_places=2)
    custom_weight = models.BooleanField(
        _("น้ำหนักเฉพาะอำเภอ"),
        default=False,
        help_text=_("น้ำหนักที่กำหนดเองจะไม่เปลี่ยนตามหนังสือแจ้งแก้ไขตัวชี้วัด"),
    )
    extra = models.BooleanField(_("ตัวชี้วัดเพิ่มเติม"), default=False, help_text=_("เพิ่มเฉพาะคำรับรองฉบับนี้"))
    history = HistoricalRecords()

    objects = AgreementItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("ตัวชี้วัดในคำรับรอง")
        verbose_name_plural = _("ตัวชี้วัดในคำรับรอง")
        ordering = ("agreement", "indicator__number", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["agreement", "indicator"], name="indicator_once_per_agreement"
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="item_weight_positive"),
        )

    def __str__(self) -> str:
        return f"{self.indicator} ({self.weight})"
