"""Small builders for rounds tests: a round with one indicator and a version in force."""

from datetime import date
from decimal import Decimal

from kpi.org.models import Province
from kpi.rounds.models import Criterion, CriterionLevel, Indicator, IndicatorVersion, Round


def make_round(province: Province, fiscal_year: int = 2567, number: int = 2) -> Round:
    return Round.objects.create(
        province=province,
        fiscal_year=fiscal_year,
        number=number,
        start=date(2024, 4, 1),
        end=date(2024, 9, 30),
    )


def make_indicator(round: Round, number: int = 8, kind: str = "individual") -> Indicator:
    return Indicator.objects.create(round=round, kind=kind, number=number, name="ตัวชี้วัดทดสอบ")


def make_version(indicator: Indicator, *, in_force: bool, status: str = "current"):
    return IndicatorVersion.objects.create(
        indicator=indicator,
        status=status,
        weight=Decimal("5"),
        method="threshold",
        measure_unit="percent",
        direction="higher",
        in_force=in_force,
    )


def make_levels(version: IndicatorVersion, size: str | None = None) -> Criterion:
    criterion = Criterion.objects.create(version=version, district_size=size)
    for level in range(1, 6):
        CriterionLevel.objects.create(
            criterion=criterion, level=level, text=f"ระดับ {level}", min=Decimal(level * 20 - 19)
        )
    return criterion
