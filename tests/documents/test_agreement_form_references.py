"""The agreement form cites the circulars whose criteria are in force in the order they were
issued: by date where known, an undated one where it came into the system."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from kpi.agreements.models import Agreement
from kpi.documents import reports
from kpi.documents.models import SourceDocument, in_issue_order
from kpi.rounds.models import IndicatorVersion
from tests.documents import report_builders
from tests.documents.report_builders import round_of

approved = report_builders.approved  # the module's approved round (a fixture)

pytestmark = pytest.mark.django_db


def _arrived(day: int) -> dt.datetime:
    return dt.datetime(2024, 7, day, 9, tzinfo=dt.UTC)


def _document(number: str, date: dt.date | None, pk: int, arrived: dt.datetime) -> SourceDocument:
    return SourceDocument(pk=pk, number=number, date=date, imported_at=arrived)


def test_an_undated_document_keeps_its_place_among_dated_ones() -> None:
    first = _document("ว 2548", dt.date(2024, 6, 4), 1, _arrived(1))
    undated = _document("ว 536", None, 2, _arrived(2))
    later = _document("ว 2549", dt.date(2024, 7, 15), 3, _arrived(16))

    ordered = in_issue_order([later, undated, first])

    assert [d.number for d in ordered] == ["ว 2548", "ว 536", "ว 2549"]


def test_dates_decide_over_arrival_when_both_are_dated() -> None:
    imported_late = _document("ว 100", dt.date(2024, 5, 1), 2, _arrived(20))
    imported_early = _document("ว 200", dt.date(2024, 6, 1), 1, _arrived(1))
    undated_first = _document("ว 50", None, 3, _arrived(1) - dt.timedelta(days=1))

    ordered = in_issue_order([imported_early, imported_late, undated_first])

    assert [d.number for d in ordered] == ["ว 50", "ว 100", "ว 200"]


def _cite(version: IndicatorVersion, number: str, date: dt.date | None, arrived: dt.datetime):  # type: ignore[no-untyped-def]
    document = SourceDocument.objects.create(
        province=version.indicator.round.province,
        round=version.indicator.round,
        file=f"circulars/{number}.txt",
        original_filename=f"{number}.txt",
        sha256=hashlib.sha256(number.encode()).hexdigest(),
        parsed={},
        number=number,
        date=date,
        kind=SourceDocument.Kind.REVISION,
        imported_at=arrived,
    )
    IndicatorVersion.objects.filter(pk=version.pk).update(source_document=document)


def test_the_form_reads_the_circulars_in_the_order_they_were_issued(approved) -> None:  # type: ignore[no-untyped-def]
    round = round_of(approved)
    versions = {
        v.indicator.number: v
        for v in IndicatorVersion.objects.in_force().for_round(round).select_related("indicator")
    }
    # The undated seed revision (ว 536, in force for team 5) came in before a notice issued
    # from the app on 15 July 2567 (in force for individual 8).
    _cite(versions[5], "อบ 0019/ว 536", None, timezone.now() - dt.timedelta(days=30))
    _cite(versions[8], "อบ 0019/ว 2549", dt.date(2024, 7, 15), timezone.now())
    agreements = Agreement.objects.filter(round=round, district__dopa_code="3401")

    clause = reports.agreement_forms(round, agreements).forms[0].clauses[2]

    assert clause.endswith(
        "ตามหนังสือสำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี "
        "ที่ อบ ๐๐๑๙/ว ๕๓๖ และที่ อบ ๐๐๑๙/ว ๒๕๔๙ ลงวันที่ ๑๕ กรกฎาคม ๒๕๖๗"
    )
