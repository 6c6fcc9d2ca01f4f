"""A round's own rating bands: used for its totals, refused unless they rate every total."""

from decimal import Decimal

import pytest
from django.forms.models import inlineformset_factory

from kpi import scoring
from kpi.rounds.admin import RatingBandFormSet
from kpi.rounds.models import Round
from kpi.rounds.ratings import RatingBand, rating_scale

pytestmark = pytest.mark.django_db


@pytest.fixture
def round(ubon) -> Round:  # type: ignore[no-untyped-def]
    return Round.objects.create(
        province=ubon, fiscal_year=2568, number=1, start="2024-10-01", end="2025-03-31"
    )


def test_a_round_without_bands_of_its_own_rates_by_the_defaults(round: Round) -> None:
    assert rating_scale(round) == scoring.DEFAULT_RATINGS


def test_a_round_with_its_own_bands_rates_by_them(round: Round) -> None:
    RatingBand.objects.create(round=round, code="pass", label="ผ่าน", minimum=Decimal(60))
    RatingBand.objects.create(round=round, code="fail", label="ไม่ผ่าน", minimum=Decimal(0))

    scale = rating_scale(round)

    assert [band.label for band in scale] == ["ผ่าน", "ไม่ผ่าน"]
    assert scoring.rating(Decimal("59.995"), scale).code == "pass"  # rated as printed: 60.00
    assert scoring.rating(Decimal("59.99"), scale).code == "fail"


def formset(round: Round, rows: list[tuple[str, str, str]]) -> RatingBandFormSet:
    factory = inlineformset_factory(
        Round, RatingBand, formset=RatingBandFormSet, fields=("label", "code", "minimum"), extra=0
    )
    data = {
        "rating_bands-TOTAL_FORMS": str(len(rows)),
        "rating_bands-INITIAL_FORMS": "0",
    }
    for number, (label, code, minimum) in enumerate(rows):
        data |= {
            f"rating_bands-{number}-label": label,
            f"rating_bands-{number}-code": code,
            f"rating_bands-{number}-minimum": minimum,
        }
    return factory(data, instance=round, prefix="rating_bands")


def test_the_admin_keeps_bands_that_rate_every_total(round: Round) -> None:
    bands = formset(round, [("ผ่าน", "pass", "60"), ("ไม่ผ่าน", "fail", "0")])
    assert bands.is_valid(), bands.non_form_errors()


def test_the_admin_refuses_bands_that_leave_low_totals_unrated(round: Round) -> None:
    bands = formset(round, [("ผ่าน", "pass", "60"), ("พอใช้", "fair", "50")])

    assert not bands.is_valid()
    assert "ระดับต่ำสุดต้องเริ่มที่ 0" in str(bands.non_form_errors())


def test_the_admin_refuses_two_bands_with_one_minimum(round: Round) -> None:
    rows = [("ผ่าน", "pass", "60"), ("ดี", "good", "60"), ("ไม่ผ่าน", "fail", "0")]
    bands = formset(round, rows)

    assert not bands.is_valid()
    assert bands.non_form_errors()  # Django's own check of the unique (round, minimum)
