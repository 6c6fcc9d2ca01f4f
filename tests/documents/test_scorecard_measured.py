"""Each line of the scorecard prints what was measured beside its level: the value (or the
percentage of its stored parts, by the results' rule), or for a milestone indicator the steps
done; in the PDF too, and without a query per person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kpi.documents import reports
from kpi.documents.reports.common import steps_text
from kpi.documents.writing.scorecard import scorecards_pdf
from kpi.documents.writing.wording import Numerals
from kpi.org.models import Person
from kpi.results.models import Result, StepProgress
from kpi.rounds.models import IndicatorVersion
from kpi.scoring import display, percentage
from kpi.thai import to_thai
from tests.documents import report_builders
from tests.documents.report_builders import head, needs_poppler, pdf_text, round_of, squash

pytestmark = pytest.mark.django_db
approved = report_builders.approved  # the module's approved round (a fixture)


def _results(world, code: str):  # type: ignore[no-untyped-def]
    """The team result and the head's own result of district *code*."""
    results = Result.objects.filter(
        item__agreement__round_id=world.round.pk, district__dopa_code=code
    )
    return results.get(person__isnull=True), results.get(person__isnull=False)


def _items(world, code: str, *, thai_digits: bool = False):  # type: ignore[no-untyped-def]
    sheet = reports.scorecards(round_of(world), [head(world, code)], thai_digits=thai_digits)
    return {row.text.split(" ")[1]: row for row in sheet.sheets[0].rows if row.role == "item"}


def test_the_header_names_the_measured_column(approved) -> None:  # type: ignore[no-untyped-def]
    sheet = reports.scorecards(round_of(approved), [head(approved, "3401")]).sheets[0]

    assert sheet.header[2] == "ผลการ\nดำเนินงาน"
    assert len(sheet.header) == 5


def test_a_value_is_printed_as_entered_with_its_unit(approved) -> None:  # type: ignore[no-untyped-def]
    _team, own = _results(approved, "3401")
    unit = IndicatorVersion.objects.get(indicator=own.item.indicator, in_force=True).measure_unit
    assert unit == "percent"

    assert _items(approved, "3401")["8"].measured == f"ร้อยละ {own.value.normalize():f}"


def test_parts_print_their_percentage_rounded_for_print(approved) -> None:  # type: ignore[no-untyped-def]
    _team, own = _results(approved, "3401")
    Result.objects.filter(pk=own.pk).update(value=None, done=3750, planned=3800)

    row = _items(approved, "3401", thai_digits=True)["๘"]

    assert row.measured == to_thai(f"ร้อยละ {display(percentage(3750, 3800))}")
    assert row.measured == "ร้อยละ ๙๘.๖๘"


def test_a_milestone_prints_the_steps_done_and_shows_a_gap(approved) -> None:  # type: ignore[no-untyped-def]
    team, _own = _results(approved, "3402")
    for step, done in ((1, dt.date(2024, 5, 1)), (2, dt.date(2024, 5, 2)), (3, None)):
        StepProgress.objects.create(result=team, step=step, done=done)
    StepProgress.objects.create(result=team, step=4, done=dt.date(2024, 5, 4))

    assert _items(approved, "3402")["5"].measured == "ขั้นที่ 1-2,4"


def test_a_milestone_with_no_step_done_prints_a_dash(approved) -> None:  # type: ignore[no-untyped-def]
    assert _items(approved, "3401")["5"].measured == "—"


def test_steps_are_collapsed_into_runs() -> None:
    numerals = Numerals(thai=False)

    assert steps_text([3, 1, 2], numerals) == "ขั้นที่ 1-3"
    assert steps_text([1, 3, 4, 5], numerals) == "ขั้นที่ 1,3-5"
    assert steps_text([2], numerals) == "ขั้นที่ 2"
    assert steps_text([], numerals) == "—"


@needs_poppler
def test_the_pdf_prints_the_measured_values(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team, own = _results(approved, "3401")
    Result.objects.filter(pk=own.pk).update(value=None, done=3750, planned=3800)
    for step in (1, 2, 3, 4):
        StepProgress.objects.create(result=team, step=step, done=dt.date(2024, 5, step))

    pdf = scorecards_pdf(reports.scorecards(round_of(approved), [head(approved, "3401")]))
    text = squash(pdf_text(pdf, tmp_path))

    assert "ดำเนินงาน" in text  # the header (its two lines are read apart)
    assert "ร้อยละ๙๘.๖๘" in text
    assert "ขั้นที่๑-๔" in text


def test_the_measures_cost_the_same_queries_for_more_people(approved) -> None:  # type: ignore[no-untyped-def]
    round = round_of(approved)
    heads = list(
        Person.objects.filter(user__username__in=["d3401", "d3402"]).select_related("district")
    )
    with CaptureQueriesContext(connection) as two:
        reports.scorecards(round, heads)

    report_builders.add_reported_districts(approved, 4)
    more = list(Person.objects.filter(district__dopa_code__gte="3451").select_related("district"))
    with CaptureQueriesContext(connection) as many:
        cards = reports.scorecards(round, [*heads, *more])

    assert len(cards.sheets) == 2 + 4
    # results, competencies, evaluators, the two queries of the measures, the rating bands
    assert len(many.captured_queries) == len(two.captured_queries) == 6
