"""A result stored as its parts (3750 of 3800 items publicised) shows the percentage the level
was decided on in ``ค่าที่วัดได้``, as a number, with the parts beside it."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kpi.documents import reports
from kpi.documents.writing.xlsx import write_workbook
from kpi.results.models import Result
from kpi.scoring import percentage
from tests.documents import report_builders
from tests.documents.report_builders import round_of

pytestmark = pytest.mark.django_db
approved = report_builders.approved  # the module's approved round (a fixture)


def _row_of_3401(world, **stored):  # type: ignore[no-untyped-def]
    """3401's row on the individual indicator 8 sheet after storing *stored* on its result."""
    Result.objects.filter(
        item__agreement__round_id=world.round.pk, district__dopa_code="3401", person__isnull=False
    ).update(**stored)
    book = load_workbook(BytesIO(write_workbook(reports.results_workbook(round_of(world)))))
    sheet = book["รายบุคคล 8"]
    headers = [cell.value for cell in sheet[2]]
    rows = [
        dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True)
    ]
    return next(row for row in rows if row["รหัสอำเภอ"] == "3401")


def test_parts_give_the_measured_value_as_a_number(approved) -> None:  # type: ignore[no-untyped-def]
    row = _row_of_3401(approved, value=None, done=Decimal(3750), planned=Decimal(3800))

    assert isinstance(row["ค่าที่วัดได้"], float)
    # the engine's exact value, as far as a spreadsheet number (a double) holds it
    assert abs(Decimal(str(row["ค่าที่วัดได้"])) - percentage(3750, 3800)) < Decimal("1e-12")
    assert (row["จำนวนที่ทำได้ (ตัวตั้ง)"], row["จำนวนทั้งหมด (ตัวหาร)"]) == (3750, 3800)


def test_the_parts_win_over_a_stored_value_as_they_do_for_the_level(approved) -> None:  # type: ignore[no-untyped-def]
    row = _row_of_3401(approved, value=Decimal(10), done=Decimal(19), planned=Decimal(20))

    assert row["ค่าที่วัดได้"] == 95


def test_a_value_without_parts_is_shown_as_stored(approved) -> None:  # type: ignore[no-untyped-def]
    row = _row_of_3401(approved, value=Decimal("62.5"), done=None, planned=None)

    assert row["ค่าที่วัดได้"] == 62.5
    assert row["จำนวนที่ทำได้ (ตัวตั้ง)"] is None


def test_parts_the_engine_refuses_leave_the_stored_value(approved) -> None:  # type: ignore[no-untyped-def]
    row = _row_of_3401(approved, value=Decimal(40), done=Decimal(5), planned=Decimal(0))

    assert row["ค่าที่วัดได้"] == 40
