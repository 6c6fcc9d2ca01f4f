"""The first circular of a round: every indicator once, no เดิม/แก้ไข, issued the same way."""

from datetime import date

import pytest

from kpi.circulars import parse_bytes
from kpi.documents.models import SourceDocument
from kpi.notices.actions import issue_first_circular
from kpi.notices.content import contract
from kpi.notices.errors import FirstCircularExists, NoIndicators, RoundNotRevisable
from kpi.notices.models import Notice
from kpi.rounds.actions import create_round
from kpi.rounds.models import IndicatorVersion
from tests.base import add_indicators
from tests.notices.helpers import admin, demo_round


@pytest.fixture
def new_round(ubon):
    round = create_round(province=ubon, fiscal_year=2568, number=1, by=None, reason="test")
    add_indicators(round, 3, start=1)
    return round


def test_it_announces_every_indicator_once_as_current(new_round):
    notice = issue_first_circular(new_round, by=admin(), date=date(2024, 10, 3))

    assert notice.kind == Notice.Kind.FIRST and notice.state == Notice.State.ISSUED
    # dated October 2567: after the office's ว 2548 of June 2567 (imported with the demo)
    assert notice.number == "อบ 0019/ว 2549" and notice.register.year == 2567
    entries = notice.content["indicators"]
    assert [(e["kind"], e["number"]) for e in entries] == [
        ("team", 2),
        ("individual", 1),
        ("individual", 3),
    ]
    assert all([v["status"] for v in e["versions"]] == ["current"] for e in entries)
    assert notice.references == []


def test_its_versions_now_come_from_the_circular(new_round):
    notice = issue_first_circular(new_round, by=admin(), date=date(2024, 10, 3))

    versions = IndicatorVersion.objects.filter(indicator__round=new_round, in_force=True)
    assert versions.count() == 3
    assert {v.source_document_id for v in versions} == {notice.source_document_id}
    assert {v.effective_date for v in versions} == {date(2024, 10, 3)}
    assert notice.source_document.kind == SourceDocument.Kind.FIRST
    # nothing new was created: the versions in force are the ones announced
    assert IndicatorVersion.objects.filter(indicator__round=new_round).count() == 3


def test_kpi_parse_of_its_docx_gives_back_its_content(new_round):
    notice = issue_first_circular(new_round, by=admin(), date=date(2024, 10, 3))

    parsed = parse_bytes(notice.docx.read(), "first.docx").to_dict()

    assert parsed == contract(notice.content)
    assert notice.pdf.read().startswith(b"%PDF")


def test_a_round_has_one_first_circular(new_round):
    issue_first_circular(new_round, by=admin(), date=date(2024, 10, 3))
    with pytest.raises(FirstCircularExists):
        issue_first_circular(new_round, by=admin(), date=date(2024, 10, 4))
    assert Notice.objects.filter(round=new_round).count() == 1


def test_a_round_with_an_imported_circular_gets_revisions_only(world, db):
    with pytest.raises(FirstCircularExists) as refused:
        issue_first_circular(demo_round(world), by=admin())
    assert "อบ 0019/ว 536" in refused.value.message_th


def test_a_round_without_indicators_has_nothing_to_announce(ubon):
    round = create_round(province=ubon, fiscal_year=2568, number=2, by=None, reason="test")
    with pytest.raises(NoIndicators):
        issue_first_circular(round, by=admin())


def test_it_is_refused_once_the_round_is_closed(new_round):
    new_round.status = "closed"
    new_round.save()
    with pytest.raises(RoundNotRevisable):
        issue_first_circular(new_round, by=admin())
    assert not Notice.objects.filter(round=new_round).exists()
