"""Forms of the agreement pages: a weight, an extra indicator, and the weights being typed.

The forms only parse; the actions (``kpi.agreements.actions``) decide, and their refusals are
shown on the field they concern. ``WeightsPreview`` answers "what would each person's total
be with what I have typed": the sums and the 100 check are the scoring engine's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kpi.agreements.models import Agreement, AgreementItem
from kpi.agreements.weights import PersonWeights
from kpi.org.models import District, Person
from kpi.rounds.models import Indicator
from kpi.scoring import InvalidValue, WeightsNotHundred, check_weights, weights_total

# AgreementItem.weight: DecimalField(max_digits=6, decimal_places=2)
WEIGHT_DIGITS = 6
WEIGHT_PLACES = 2


def weight_field(*, required: bool = True, label: str | None = None) -> forms.DecimalField:
    return forms.DecimalField(
        label=label or _("น้ำหนัก (ร้อยละ)"),
        required=required,
        max_digits=WEIGHT_DIGITS,
        decimal_places=WEIGHT_PLACES,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 5}),
    )


class WeightForm(forms.Form):
    """One item's weight; prefixed ``w<item pk>`` so that a page holds one per item."""

    weight = weight_field()

    @classmethod
    def for_item(cls, item: AgreementItem, data: Mapping | None = None) -> WeightForm:
        return cls(data, prefix=f"w{item.pk}", initial={"weight": _plain(item.weight)})


class AddItemForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("ตัวชี้วัดที่จะเพิ่ม"), queryset=Indicator.objects.none(), empty_label=None
    )
    weight = weight_field(required=False, label=_("น้ำหนัก (เว้นว่าง: ตามหนังสือแจ้ง)"))

    def __init__(self, *args: object, indicators: QuerySet[Indicator], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = _indicator_label


def addable_indicators(agreement: Agreement) -> QuerySet[Indicator]:
    """The round's indicators of the agreement's kind that it does not list yet."""
    return (
        Indicator.objects.for_round(agreement.round)
        .filter(kind=agreement.kind)
        .exclude(agreement_items__agreement=agreement)
        .order_by("number")
    )


def _indicator_label(indicator: Indicator) -> str:
    return f"{indicator.number}. {indicator.name}"


@dataclass(frozen=True)
class RunningTotal:
    """One person's total with the weights as typed.

    Attributes:
        team, individual: the sums of their two agreements, None when a typed weight is not
            a number above 0 (the total is then unknown).
        adds_up: the engine's ``check_weights`` accepts the weights (exactly 100).
    """

    person: Person
    district: District
    team_agreement: Agreement | None
    individual_agreement: Agreement
    team: Decimal | None
    individual: Decimal | None
    adds_up: bool

    @property
    def total(self) -> Decimal | None:
        if self.team is None or self.individual is None:
            return None
        return self.team + self.individual

    @property
    def missing(self) -> Decimal | None:
        """What is still to be given; negative when there is too much."""
        return None if self.total is None else Decimal(100) - self.total

    @property
    def over(self) -> Decimal | None:
        return None if self.missing is None else -self.missing


class WeightsPreview:
    """The weights typed on an agreement's page (``w<pk>-weight``), as text, by item pk.

    Only the page's own items are read; anything else in the query string is ignored.
    """

    def __init__(self, data: Mapping[str, str], items: Iterable[AgreementItem]) -> None:
        self.typed: dict[int, str] = {}
        for item in items:
            key = f"w{item.pk}-weight"
            if key in data:
                self.typed[item.pk] = data[key].strip()

    def totals(self, entries: Iterable[PersonWeights]) -> list[RunningTotal]:
        return [self._total(entry) for entry in entries]

    def _weights(self, items: Iterable[AgreementItem]) -> list[object]:
        return [self.typed.get(item.pk, item.weight) for item in items]

    def _total(self, entry: PersonWeights) -> RunningTotal:
        team_items = list(entry.team.items.all()) if entry.team else []
        own_items = list(entry.individual.items.all())
        team = _sum(self._weights(team_items))
        own = _sum(self._weights(own_items))
        return RunningTotal(
            person=entry.person,
            district=entry.district,
            team_agreement=entry.team,
            individual_agreement=entry.individual,
            team=team,
            individual=own,
            adds_up=_adds_up(self._weights([*team_items, *own_items])),
        )


def running_totals(entries: Iterable[PersonWeights]) -> list[RunningTotal]:
    """The saved weights' totals (nothing typed)."""
    return WeightsPreview({}, []).totals(entries)


def _sum(weights: list[object]) -> Decimal | None:
    try:
        return weights_total(weights)
    except (InvalidValue, TypeError):
        return None


def _adds_up(weights: list[object]) -> bool:
    try:
        check_weights(weights)
    except (InvalidValue, WeightsNotHundred, TypeError):
        return False
    return True


def _plain(number: Decimal) -> str:
    """``10.00`` → ``10``, ``12.50`` → ``12.5``: what a person would type."""
    normalised = number.normalize()
    return f"{normalised:f}"
