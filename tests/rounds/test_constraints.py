"""What the database itself refuses, whatever code writes the rows."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from kpi.org.models import Province
from kpi.rounds.models import Criterion, CriterionLevel, Indicator, IndicatorVersion, Round
from tests.rounds.builders import make_indicator, make_levels, make_round, make_version

pytestmark = pytest.mark.django_db


def test_a_second_version_in_force_raises_integrity_error(ubon: Province) -> None:
    indicator = make_indicator(make_round(ubon))
    make_version(indicator, in_force=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_version(indicator, in_force=True)


def test_versions_not_in_force_may_be_many(ubon: Province) -> None:
    indicator = make_indicator(make_round(ubon))
    make_version(indicator, in_force=True)
    make_version(indicator, in_force=False, status="original")
    make_version(indicator, in_force=False, status="original")

    assert indicator.versions.count() == 3
    assert IndicatorVersion.objects.in_force().count() == 1


def test_each_indicator_has_its_own_version_in_force(ubon: Province) -> None:
    round = make_round(ubon)
    make_version(make_indicator(round, 5, "team"), in_force=True)
    make_version(make_indicator(round, 8), in_force=True)

    assert IndicatorVersion.objects.in_force().count() == 2


@pytest.mark.parametrize("level", [0, 6])
def test_a_level_outside_1_to_5_is_refused(ubon: Province, level: int) -> None:
    criterion = Criterion.objects.create(
        version=make_version(make_indicator(make_round(ubon)), in_force=True)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CriterionLevel.objects.create(criterion=criterion, level=level, text="x")


def test_a_level_appears_once_per_criterion(ubon: Province) -> None:
    criterion = make_levels(make_version(make_indicator(make_round(ubon)), in_force=True))
    with pytest.raises(IntegrityError), transaction.atomic():
        CriterionLevel.objects.create(criterion=criterion, level=3, text="อีกครั้ง")


def test_a_lower_bound_above_the_upper_bound_is_refused(ubon: Province) -> None:
    criterion = Criterion.objects.create(
        version=make_version(make_indicator(make_round(ubon)), in_force=True)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CriterionLevel.objects.create(
            criterion=criterion, level=1, text="x", min=Decimal("50"), max=Decimal("20")
        )


def test_a_version_has_one_criterion_per_size_and_one_for_all_sizes(ubon: Province) -> None:
    version = make_version(make_indicator(make_round(ubon)), in_force=True)
    make_levels(version, "large")
    make_levels(version, None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Criterion.objects.create(version=version, district_size="large")
    with pytest.raises(IntegrityError), transaction.atomic():
        Criterion.objects.create(version=version, district_size=None)


def test_a_weight_must_be_positive(ubon: Province) -> None:
    indicator = make_indicator(make_round(ubon))
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorVersion.objects.create(
            indicator=indicator, status="current", weight=Decimal("0"), method="milestone"
        )


def test_a_round_is_unique_per_province_year_and_number(ubon: Province) -> None:
    make_round(ubon, 2567, 2)
    make_round(ubon, 2567, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_round(ubon, 2567, 2)


def test_a_round_number_is_1_or_2(ubon: Province) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make_round(ubon, 2567, 3)
    assert not Round.objects.exists()


def test_an_indicator_number_is_unique_per_kind_within_a_round(ubon: Province) -> None:
    round = make_round(ubon)
    make_indicator(round, 5, "team")
    make_indicator(round, 5, "individual")
    make_indicator(make_round(ubon, 2568), 5, "team")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_indicator(round, 5, "team")
    assert Indicator.objects.count() == 3
