"""Issuing a revision notice: numbered from the register, cited, stored, in force."""

from datetime import date
from decimal import Decimal

import pytest

from kpi.circulars import parse_bytes
from kpi.documents.models import SourceDocument
from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.notices.content import contract
from kpi.notices.errors import NoEarlierCircular, NothingToIssue
from kpi.notices.models import Notice
from kpi.rounds.models import IndicatorVersion
from tests.notices.helpers import admin, demo_round, indicator, values_of

SMALL_LEVEL_3 = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 51 - 65"
SMALL_LEVEL_4 = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 66 - 70"


def _draft(world, **changes):
    item = indicator(world)
    changes.setdefault("level_texts", {("small", 3): SMALL_LEVEL_3, ("small", 4): SMALL_LEVEL_4})
    notice = start_revision(demo_round(world), by=admin())
    return revise_in_draft(notice, item, by=admin(), **values_of(item, **changes)), item


@pytest.fixture
def issued(world, db):
    notice, item = _draft(world, weight=Decimal("7.5"))
    return issue_notice(notice, by=admin(), date=date(2024, 7, 15)), item


def test_it_numbers_the_notice_from_the_register_of_its_year(issued):
    notice, _ = issued
    assert notice.state == Notice.State.ISSUED
    assert notice.register.year == 2567
    # The office's circulars imported for 2567 are ว 2548 (4 June) and ว 536 (undated, of
    # round 2/2567): the register continues after the highest.
    assert notice.serial == notice.register.last_serial == 2549
    assert notice.number == "อบ 0019/ว 2549"


def test_it_cites_the_rounds_earlier_circular(issued):
    notice, _ = issued
    assert notice.references == [{"number": "อบ 0019/ว 536", "date": None}]
    assert notice.content["document"]["references"] == notice.references


def test_it_puts_the_revised_version_in_force_with_the_notice_as_its_source(issued):
    notice, item = issued
    in_force = IndicatorVersion.objects.get(indicator=item, in_force=True)
    assert in_force.status == "revised"
    assert in_force.weight == Decimal("7.5")
    assert in_force.source_document == notice.source_document
    assert in_force.effective_date == date(2024, 7, 15)
    small = in_force.criteria.get(district_size="small").levels.get(level=3)
    assert (small.min, small.max, small.text) == (Decimal(51), Decimal(65), SMALL_LEVEL_3)
    # the version it replaces stays on record
    assert IndicatorVersion.objects.filter(indicator=item).count() == 3


def test_it_stores_the_docx_and_pdf(issued):
    notice, _ = issued
    docx = notice.docx.read()
    pdf = notice.pdf.read()
    assert docx.startswith(b"PK") and pdf.startswith(b"%PDF")
    assert notice.docx.name.startswith(f"notices/{notice.round_id}/")


def test_kpi_parse_of_the_stored_docx_gives_back_the_notice(issued):
    notice, _ = issued
    parsed = parse_bytes(notice.docx.read(), "notice.docx").to_dict()
    assert parsed == contract(notice.content)
    assert parsed["document"]["number"] == "อบ 0019/ว 2549"
    assert [v["status"] for v in parsed["indicators"][0]["versions"]] == ["original", "revised"]


def test_it_stores_the_docx_as_the_rounds_source_document(issued):
    notice, _ = issued
    document = notice.source_document
    assert document.round_id == notice.round_id
    assert document.kind == SourceDocument.Kind.REVISION
    assert document.number == notice.number
    assert document.file.read() == notice.docx.read()


def test_the_next_notice_cites_the_one_just_issued(issued, world):
    second, _ = _draft(world, weight=Decimal(5))
    second = issue_notice(second, by=admin(), date=date(2024, 8, 1))
    assert second.serial == 2550
    assert second.references == [{"number": "อบ 0019/ว 2549", "date": "2024-07-15"}]


def test_it_refuses_an_empty_draft(world, db):
    notice = start_revision(demo_round(world), by=admin())
    with pytest.raises(NothingToIssue):
        issue_notice(notice, by=admin())
    assert Notice.objects.get(pk=notice.pk).state == Notice.State.DRAFT


def test_it_refuses_to_revise_a_round_without_a_circular(world, db):
    notice, _ = _draft(world)
    SourceDocument.objects.filter(round_id=world.round).update(round=None)
    with pytest.raises(NoEarlierCircular):
        issue_notice(notice, by=admin())
    assert not Notice.objects.filter(serial__isnull=False).exists()
