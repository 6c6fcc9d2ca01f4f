"""The register never gives a ``/ว`` serial an imported circular of the office already has.

The demo imports the office's first circular อบ 0019/ว 2548 (4 June 2567) and the seed
revision อบ 0019/ว 536 (undated, of round 2/2567, 1 April - 30 September 2567).
"""

import hashlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from kpi.documents.models import SourceDocument
from kpi.notices.models import Register
from kpi.notices.register import take_serial
from kpi.rounds.actions import create_round

BANGKOK = ZoneInfo("Asia/Bangkok")


def _take(province, year):
    with transaction.atomic():
        return take_serial(province, year, by=None, reason="test")[1]


def _document(province, number, *, day=None, round=None, imported=None):
    sha = hashlib.sha256(repr((number, day, imported, round)).encode()).hexdigest()
    document = SourceDocument(
        province=province,
        round=round,
        file=f"circulars/{sha}.txt",
        original_filename="x.txt",
        sha256=sha,
        parsed={},
        number=number,
        date=day,
        kind=SourceDocument.Kind.REVISION,
    )
    if imported is not None:
        document.imported_at = imported
    document.save()
    return document


def test_it_continues_after_the_offices_imported_circulars_of_the_year(ubon):
    assert _take(ubon, 2567) == 2549
    assert _take(ubon, 2567) == 2550


def test_the_registers_own_higher_serial_still_wins(ubon):
    Register.objects.create(
        province=ubon, letter_prefix="อบ", office_code="0019", year=2567, last_serial=3000
    )
    assert _take(ubon, 2567) == 3001


def test_an_undated_document_counts_for_its_rounds_year(ubon):
    # The demo's ว 536 is undated; made the office's highest, it alone decides.
    SourceDocument.objects.filter(number="อบ 0019/ว 536").update(number="อบ 0019/ว 4000")
    assert _take(ubon, 2567) == 4001
    assert _take(ubon, 2568) == 1


def test_other_offices_and_ordinary_letters_do_not_count(ubon):
    for number in ("อบ 0018/ว 9000", "ขก 0019/ว 9000", "อบ 0019/9000", "อบ 0019.1/ว 9000"):
        _document(ubon, number, day=date(2024, 8, 1))
    assert _take(ubon, 2567) == 2549


def test_a_dated_document_counts_only_for_its_dates_calendar_year(ubon):
    _document(ubon, "อบ 0019/ว 700", day=date(2025, 1, 10))
    assert _take(ubon, 2568) == 701
    assert _take(ubon, 2569) == 1
    assert _take(ubon, 2567) == 2549


def test_thai_digits_in_an_imported_number_are_read(ubon):
    _document(ubon, "อบ ๐๐๑๙/ว ๓๐๐๐", day=date(2024, 12, 30))
    assert _take(ubon, 2567) == 3001


def test_an_undated_document_of_a_round_spanning_two_years_counts_in_both(ubon):
    # Round 1/2568 runs 1 October 2567 to 31 March 2568: the clerk cannot tell which year's
    # register gave the number, so neither gives it again.
    round = create_round(province=ubon, fiscal_year=2568, number=1, by=None, reason="test")
    _document(ubon, "อบ 0019/ว 5000", round=round)
    assert _take(ubon, 2567) == 5001
    assert _take(ubon, 2568) == 5001
    assert _take(ubon, 2569) == 1


def test_an_undated_document_without_a_round_counts_for_its_import_year(ubon):
    _document(ubon, "อบ 0019/ว 6000", imported=datetime(2025, 5, 1, 9, tzinfo=BANGKOK))
    assert _take(ubon, 2568) == 6001
    assert _take(ubon, 2567) == 2549


@pytest.mark.parametrize("number", ["", "ไม่มีเลขที่"])
def test_a_document_without_a_readable_number_is_ignored(ubon, number):
    _document(ubon, number, day=date(2024, 8, 1))
    assert _take(ubon, 2567) == 2549
