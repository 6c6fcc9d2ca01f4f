"""A round's rating bands (ระดับผลการประเมิน): the province may set its own per round.

DOMAIN.md, Scores: ดีเด่น ≥ 90, ดีมาก ≥ 80, ดี ≥ 70, พอใช้ ≥ 60, ต้องปรับปรุง < 60 unless
configured. A round with no bands of its own rates by ``kpi.scoring.DEFAULT_RATINGS``; the
rule that a set of bands must rate every total (distinct minimums, the lowest 0) is the
engine's (``kpi.scoring.rating``), which the admin asks before it saves a set.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpi import scoring


class RatingBand(models.Model):
    round = models.ForeignKey(
        "rounds.Round", models.CASCADE, related_name="rating_bands", verbose_name=_("รอบการประเมิน")
    )
    code = models.SlugField(_("รหัส"), max_length=30, help_text=_("เช่น outstanding"))
    label = models.CharField(_("ระดับผลการประเมิน"), max_length=60)
    minimum = models.DecimalField(
        _("คะแนนรวมขั้นต่ำ"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ระดับผลการประเมิน")
        verbose_name_plural = _("ระดับผลการประเมิน")
        ordering = ("round", "-minimum")
        constraints = (
            models.UniqueConstraint(fields=["round", "code"], name="one_rating_code_per_round"),
            models.UniqueConstraint(
                fields=["round", "minimum"], name="one_rating_minimum_per_round"
            ),
            models.CheckConstraint(
                condition=models.Q(minimum__gte=0, minimum__lte=100),
                name="rating_minimum_0_to_100",
            ),
        )

    def __str__(self) -> str:
        return f"{self.label} ≥ {self.minimum}"

    def as_scoring(self) -> scoring.RatingBand:
        return scoring.RatingBand(self.code, self.label, Decimal(self.minimum))


def rating_scale(round: object) -> tuple[scoring.RatingBand, ...]:
    """*round*'s rating bands for the engine: its own, else the defaults. One query, none
    when ``rating_bands`` is prefetched."""
    own = tuple(band.as_scoring() for band in round.rating_bands.all())  # type: ignore[attr-defined]
    return own or scoring.DEFAULT_RATINGS


def check_scale(bands: list[scoring.RatingBand]) -> None:
    """Raise ``scoring.InvalidRatingBands`` unless *bands* rate every total from 0 to 100."""
    scoring.rating(Decimal(0), bands)
