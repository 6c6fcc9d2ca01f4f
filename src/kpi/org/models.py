"""Offices and people: the province, its districts and their sizes, provincial units, people."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi.org.querysets import (
    DistrictQuerySet,
    DistrictSizeQuerySet,
    PersonQuerySet,
    ProvinceQuerySet,
    UnitQuerySet,
    abbreviation_key,
)


class Size(models.TextChoices):
    """District size classes; the values are the contract's ``district_size`` codes."""

    LARGE = "large", _("อำเภอขนาดใหญ่")
    MEDIUM = "medium", _("อำเภอขนาดกลาง")
    SMALL = "small", _("อำเภอขนาดเล็ก")


class Province(models.Model):
    name = models.CharField(_("ชื่อจังหวัด"), max_length=100, unique=True)
    letter_prefix = models.CharField(
        _("อักษรย่อเลขที่หนังสือ"),
        max_length=10,
        unique=True,
        help_text=_("อักษรนำหน้าเลขที่หนังสือของจังหวัด เช่น อบ"),
    )
    office_code = models.CharField(
        _("รหัสส่วนราชการ"), max_length=10, help_text=_("เลขรหัสสำนักงานในเลขที่หนังสือ เช่น 0019")
    )
    address = models.TextField(_("ที่อยู่สำนักงาน"), blank=True)
    is_demo = models.BooleanField(_("ข้อมูลสาธิต"), default=False)
    history = HistoricalRecords()

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    @property
    def office_name(self) -> str:
        return f"สำนักงานพัฒนาชุมชนจังหวัด{self.name}"

    @property
    def head_position(self) -> str:
        return f"พัฒนาการจังหวัด{self.name}"


class District(models.Model):
    province = models.ForeignKey(
        Province, models.PROTECT, related_name="districts", verbose_name=_("จังหวัด")
    )
    dopa_code = models.CharField(
        _("รหัสอำเภอ (กรมการปกครอง)"), max_length=4, unique=True, help_text=_("เช่น 3401")
    )
    name = models.CharField(_("ชื่ออำเภอ"), max_length=100)
    history = HistoricalRecords()

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")
        ordering = ("dopa_code",)
        constraints = (
            models.UniqueConstraint(fields=["province", "name"], name="district_name_per_province"),
        )

    def __str__(self) -> str:
        return f"{self.dopa_code} {self.name}"

    @property
    def office_name(self) -> str:
        return f"สำนักงานพัฒนาชุมชนอำเภอ{self.name}"


class DistrictSize(models.Model):
    """The size class the province gives a district for one fiscal year."""

    district = models.ForeignKey(
        District, models.CASCADE, related_name="sizes", verbose_name=_("อำเภอ")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    size = models.CharField(_("ขนาดอำเภอ"), max_length=10, choices=Size.choices)
    history = HistoricalRecords()

    objects = DistrictSizeQuerySet.as_manager()

    class Meta:
        verbose_name = _("ขนาดอำเภอ")
        verbose_name_plural = _("ขนาดอำเภอ")
        ordering = ("-fiscal_year", "district__dopa_code")
        constraints = (
            models.UniqueConstraint(
                fields=["district", "fiscal_year"], name="one_size_per_district_and_year"
            ),
        )

    def __str__(self) -> str:
        return f"{self.district.name} {self.fiscal_year}: {self.get_size_display()}"


class Unit(models.Model):
    """A provincial work group (กลุ่มงาน) that owns indicators."""

    province = models.ForeignKey(
        Province, models.PROTECT, related_name="units", verbose_name=_("จังหวัด")
    )
    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=200)
    abbreviations = models.TextField(
        _("ชื่อย่อ"),
        blank=True,
        help_text=_("ชื่อย่อที่ใช้ในหนังสือ บรรทัดละหนึ่งชื่อ เช่น ก.ง.สารสนเทศ"),
    )
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("หน่วยงานระดับจังหวัด")
        verbose_name_plural = _("หน่วยงานระดับจังหวัด")
        ordering = ("name",)
        constraints = (
            models.UniqueConstraint(fields=["province", "name"], name="unit_name_per_province"),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def abbreviation_list(self) -> list[str]:
        return [line.strip() for line in self.abbreviations.splitlines() if line.strip()]

    @property
    def short_name(self) -> str:
        """The first abbreviation, or the name when there is none."""
        return next(iter(self.abbreviation_list), self.name)

    def spellings(self) -> set[str]:
        """Every spelling this unit answers to, dots and spaces removed."""
        return {abbreviation_key(text) for text in [self.name, *self.abbreviation_list]}


class Person(models.Model):
    """Someone of a provincial or district office; the district is empty for the province's."""

    title = models.CharField(_("คำนำหน้าชื่อ"), max_length=30, blank=True)
    first_name = models.CharField(_("ชื่อ"), max_length=100)
    last_name = models.CharField(_("นามสกุล"), max_length=100, blank=True)
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    province = models.ForeignKey(
        Province, models.PROTECT, related_name="people", verbose_name=_("จังหวัด")
    )
    district = models.ForeignKey(
        District,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("สำนักงานพัฒนาชุมชนอำเภอ"),
        help_text=_("เว้นว่างสำหรับบุคลากรของสำนักงานพัฒนาชุมชนจังหวัด"),
    )
    unit = models.ForeignKey(
        Unit,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("หน่วยงานระดับจังหวัด"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("บัญชีผู้ใช้"),
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("บุคลากร")
        verbose_name_plural = _("บุคลากร")
        ordering = ("province", "district__dopa_code", "first_name", "last_name")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}".strip()

    @property
    def office_name(self) -> str:
        return self.district.office_name if self.district else self.province.office_name

    def clean(self) -> None:
        # The office is one of the province's own: a district of another province, or a unit
        # of another province, would put the person in two provinces.
        if self.district_id and self.district.province_id != self.province_id:
            raise ValidationError({"district": _("อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก")})
        if self.unit_id and self.unit.province_id != self.province_id:
            raise ValidationError({"unit": _("หน่วยงานนี้ไม่อยู่ในจังหวัดที่เลือก")})
        if self.unit_id and self.district_id:
            raise ValidationError({"unit": _("หน่วยงานระดับจังหวัดใช้กับบุคลากรของจังหวัดเท่านั้น")})
