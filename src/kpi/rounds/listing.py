"""What the home and round pages list, loaded in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from kpi.documents.models import SourceDocument
from kpi.org.models import Unit
from kpi.rounds.display import METHOD_SHORT, contact_names, unit_name
from kpi.rounds.models import Indicator, IndicatorVersion, Round


def with_counts(rounds: QuerySet[Round]) -> QuerySet[Round]:
    """Rounds annotated with ``team_count``, ``individual_count`` and ``revised_count``."""
    return rounds.annotate(
        team_count=Count("indicators", filter=Q(indicators__kind="team"), distinct=True),
        individual_count=Count(
            "indicators", filter=Q(indicators__kind="individual"), distinct=True
        ),
        revised_count=Count(
            "indicators",
            filter=Q(indicators__versions__in_force=True, indicators__versions__status="revised"),
            distinct=True,
        ),
    )


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    version: IndicatorVersion | None
    revised: bool
    unit: str
    contacts: list[str]
    method: str


@dataclass
class KindTable:
    kind: str
    label: str
    rows: list[IndicatorRow] = field(default_factory=list)
    #: Weights of every indicator of this kind in the round, whatever the filter shows.
    total_weight: Decimal = Decimal(0)

    @property
    def shown_weight(self) -> Decimal:
        return sum((row.version.weight for row in self.rows if row.version), Decimal(0))


def round_units(round: Round) -> QuerySet[Unit]:
    """Units responsible for an indicator of *round* (by its version in force)."""
    return (
        Unit.objects.filter(
            indicator_versions__indicator__round=round, indicator_versions__in_force=True
        )
        .distinct()
        .order_by("name")
    )


def indicator_tables(
    round: Round, *, kind: str | None = None, unit: Unit | None = None
) -> list[KindTable]:
    """The round's indicators by kind (team first), each with its version in force.

    Three queries whatever the number of indicators: indicators, versions in force (with
    unit and document), their contact persons; plus one for the weight totals.
    """
    versions = (
        IndicatorVersion.objects.in_force()
        .select_related("responsible_unit", "source_document")
        .prefetch_related("contact_persons")
    )
    indicators = (
        Indicator.objects.for_round(round)
        .annotate(version_count=Count("versions"))
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="versions_in_force"))
        .order_by("-kind", "number")
    )
    if kind:
        indicators = indicators.filter(kind=kind)
    if unit is not None:
        indicators = indicators.filter(
            Exists(
                IndicatorVersion.objects.in_force().filter(
                    indicator=OuterRef("pk"), responsible_unit=unit
                )
            )
        )
    totals = dict(
        IndicatorVersion.objects.in_force()
        .filter(indicator__round=round)
        .values_list("indicator__kind")
        .annotate(total=Sum("weight"))
        .values_list("indicator__kind", "total")
    )
    tables = [
        KindTable(value, str(label), total_weight=totals.get(value) or Decimal(0))
        for value, label in Indicator.Kind.choices  # team first, as circulars list them
        if not kind or value == kind
    ]
    by_kind = {table.kind: table for table in tables}
    for indicator in indicators:
        version = indicator.version_in_force
        by_kind[indicator.kind].rows.append(
            IndicatorRow(
                indicator=indicator,
                version=version,
                revised=indicator.version_count > 1,
                unit=unit_name(version) if version else "",
                contacts=contact_names(version) if version else [],
                method=str(METHOD_SHORT.get(version.method, "")) if version else "",
            )
        )
    return tables


def round_documents(round: Round) -> QuerySet[SourceDocument]:
    return SourceDocument.objects.for_round(round).order_by("imported_at", "pk")
