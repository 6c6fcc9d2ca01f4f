"""The round's results as XLSX: a summary sheet and one per indicator, Thai headers, numbers
stored as numbers (the engine's, rounded to two places), a frozen header row, filters, columns
wide enough for Thai text; the province's wide roles download it, the export's queries do not
grow with the results."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kpi.documents import reports
from kpi.documents.writing.xlsx import display_width, write_workbook
from kpi.results.models import Competency, Result
from kpi.rounds.models import Indicator
from tests.documents import report_builders
from tests.documents.report_builders import head, round_of

pytestmark = pytest.mark.django_db
approved = report_builders.approved  # the module's approved round (a fixture)

#: Excel's width of a column nobody has set, in digit widths
DEFAULT_WIDTH = 8.43


def workbook_of(world):  # type: ignore[no-untyped-def]
    data = write_workbook(reports.results_workbook(round_of(world)))
    return load_workbook(BytesIO(data))


def rows_of(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    headers = [cell.value for cell in sheet[2]]
    return [
        dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True)
    ]


def two_places(number: Decimal) -> Decimal:
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_there_is_a_summary_and_one_sheet_per_indicator(approved) -> None:  # type: ignore[no-untyped-def]
    indicators = Indicator.objects.filter(round_id=approved.round.pk)

    book = workbook_of(approved)

    assert book.sheetnames[0] == "สรุป"
    assert len(book.sheetnames) == 1 + indicators.count()
    for indicator in indicators:
        kind = "รายทีม" if indicator.kind == "team" else "รายบุคคล"
        sheet = book[f"{kind} {indicator.number}"]
        assert indicator.name in sheet["A1"].value


def test_every_sheet_has_thai_headers_frozen_with_filters(approved) -> None:  # type: ignore[no-untyped-def]
    for sheet in workbook_of(approved):
        headers = [cell.value for cell in sheet[2]]
        assert headers[:3] == ["รหัสอำเภอ", "อำเภอ", "ผู้รับการประเมิน"]
        assert sheet.freeze_panes == "D3"  # the header rows and the three naming columns
        assert sheet.auto_filter.ref.startswith("A2:")
        assert sheet.auto_filter.ref.endswith(str(max(sheet.max_row, 3)))


def test_numbers_are_stored_as_numbers_equal_to_the_engines(approved) -> None:  # type: ignore[no-untyped-def]
    book = workbook_of(approved)

    for sheet in book.sheetnames[1:]:
        for row in rows_of(book[sheet]):
            for header in ("ระดับคะแนนที่ใช้", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก"):
                assert isinstance(row[header], int | float), (sheet, header, row[header])
            expected = Decimal(str(row["ระดับคะแนนที่ใช้"])) * Decimal(str(row["น้ำหนัก (ร้อยละ)"])) / 5
            assert Decimal(str(row["คะแนนถ่วงน้ำหนัก"])) == two_places(expected)


def test_the_summary_gives_achievement_competency_total_and_rating(approved) -> None:  # type: ignore[no-untyped-def]
    person = head(approved, "3401")
    results = Result.objects.filter(item__agreement__round_id=approved.round.pk).select_related(
        "item"
    )
    mine = [
        r
        for r in results
        if r.person_id == person.pk or (r.person_id is None and r.district_id == person.district_id)
    ]
    achievement = sum(
        (
            (r.verified_level if r.verified_level is not None else r.level) * r.item.weight / 5
            for r in mine
        ),
        Decimal(0),
    )
    competency = Competency.objects.get(round_id=approved.round.pk, person=person).score
    total = achievement * Decimal("0.7") + competency * Decimal("0.3")

    summary = {row["รหัสอำเภอ"]: row for row in rows_of(workbook_of(approved)["สรุป"])}

    row = summary["3401"]
    assert Decimal(str(row["ผลสัมฤทธิ์ของงาน"])) == two_places(achievement)
    assert Decimal(str(row["พฤติกรรมการปฏิบัติราชการ"])) == two_places(competency)
    assert Decimal(str(row["คะแนนรวม"])) == two_places(total)
    assert isinstance(row["คะแนนรวม"], int | float)
    assert row["ระดับผลการประเมิน"] in ("ดีเด่น", "ดีมาก", "ดี", "พอใช้", "ต้องปรับปรุง")
    assert summary["3402"]["คะแนนรวม"] is None  # no competency entered: no total


def test_columns_are_wide_enough_for_their_thai_text(approved) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook_of(approved)["รายทีม 5"]

    for letter in ("B", "C"):  # อำเภอ, ผู้รับการประเมิน
        width = sheet.column_dimensions[letter].width
        values = [str(cell.value) for cell in sheet[letter][2:] if cell.value]
        assert width > DEFAULT_WIDTH
        assert width >= max(display_width(v) for v in values)
    # above and below vowels and tone marks take no width of their own
    assert display_width("ผู้รับ") == display_width("ผรบ") > display_width("abc")


def test_the_exports_queries_do_not_grow_with_the_results(approved) -> None:  # type: ignore[no-untyped-def]
    round = round_of(approved)
    with CaptureQueriesContext(connection) as before:
        reports.results_workbook(round)

    report_builders.add_reported_districts(approved, 6)
    with CaptureQueriesContext(connection) as after:
        sheets = reports.results_workbook(round)

    assert len(sheets[0].rows) == 2 + 6
    assert len(after.captured_queries) == len(before.captured_queries)


def client(world, username: str | None) -> Client:  # type: ignore[no-untyped-def]
    browser = Client()
    if username is not None:
        browser.force_login(world.user(username))
    return browser


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("province", 200),
        ("evaluator", 200),
        ("viewer", 200),
        ("info", 403),
        ("d3401", 403),
        ("nobody", 404),
        (None, 302),
    ],
)
def test_the_province_downloads_the_workbook(approved, username, status) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, username).get(reverse("round_results", args=[approved.round.pk]))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].endswith("spreadsheetml.sheet")
        assert load_workbook(BytesIO(response.content)).sheetnames[0] == "สรุป"
