"""The audit log: filtered by person, district, indicator and date; who, when, before/after,
why; only for the province's administrator and evaluator."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from kpi.agreements.models import Agreement
from kpi.results.actions import add_evidence_link, save_result, submit_result
from kpi.results.audit import agreement_history, audit_log, result_history
from kpi.results.models import Result
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked(opened: World) -> World:
    """3402's head reports individual 8; 3401's staff adds a link to team 5."""
    own = Result.objects.get(item__indicator=opened.individual_8, district=opened.d3402)
    save_result(own, by=opened.user("d3402"), expected_version=1, value="75")
    submit_result(own, by=opened.user("d3402"))
    team = Result.objects.get(item__indicator=opened.team_5, district=opened.d3401)
    add_evidence_link(team, "https://example.org/1", by=opened.user("s3401"))
    return opened


def test_a_row_says_who_when_what_changed_and_why(worked: World) -> None:
    rows = audit_log(worked.user("province"), person=worked.person("d3402"))

    submitted = next(row for row in rows if row.reason == "ส่งผลการดำเนินงาน")
    assert submitted.user == worked.user("d3402")
    assert submitted.action == "changed" and submitted.model == "ผลการดำเนินงาน"
    changes = {c.field: (c.before, c.after) for c in submitted.changes}
    assert changes["state"] == ("draft", "submitted")
    saved = next(row for row in rows if row.reason == "บันทึกผลการดำเนินงาน")
    assert {c.field: (c.before, c.after) for c in saved.changes}["level"] == (None, Decimal(3))
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in saved.object
    assert rows == sorted(rows, key=lambda row: row.at, reverse=True)


def test_it_filters_by_district(worked: World) -> None:
    rows = audit_log(worked.user("evaluator"), district=worked.d3401)

    assert rows
    assert {row.model for row in rows} >= {"หลักฐาน", "คำรับรองการปฏิบัติราชการ"}
    assert not any(row.reason == "ส่งผลการดำเนินงาน" for row in rows)


def test_it_filters_by_indicator(worked: World) -> None:
    rows = audit_log(worked.user("province"), indicator=worked.team_5)

    assert {row.model for row in rows} == {
        "ฉบับของตัวชี้วัด",
        "ตัวชี้วัดในคำรับรอง",
        "ผลการดำเนินงาน",
        "หลักฐาน",
    }
    assert all("ความสำเร็จการส่งข่าว" not in row.object for row in rows)


def test_it_filters_by_date(worked: World) -> None:
    later = timezone.now() + timedelta(minutes=1)

    assert audit_log(worked.user("province"), since=later) == []
    assert audit_log(worked.user("province"), until=later)
    everything = audit_log(worked.user("province"), limit=None)
    middle = sorted(row.at for row in everything)[len(everything) // 2]
    assert all(row.at >= middle for row in audit_log(worked.user("province"), since=middle))


def test_a_person_filter_includes_what_others_did_to_their_results(worked: World) -> None:
    from kpi.results.actions import return_result

    own = Result.objects.get(item__indicator=worked.individual_8, district=worked.d3402)
    return_result(own, by=worked.user("info"), comment="แนบหลักฐาน")

    rows = audit_log(worked.user("province"), person=worked.person("d3402"))

    assert any(row.user == worked.user("info") and row.reason == "แนบหลักฐาน" for row in rows)


@pytest.mark.parametrize("username", ["info", "viewer", "d3401", "nobody"])
def test_others_get_an_empty_log(worked: World, username: str) -> None:
    assert audit_log(worked.user(username)) == []


def test_the_history_tabs_of_a_result_and_an_agreement(worked: World) -> None:
    team = Result.objects.get(item__indicator=worked.team_5, district=worked.d3401)
    tab = result_history(team)
    assert [(row.model, row.action) for row in tab] == [
        ("ผลการดำเนินงาน", "created"),
        ("หลักฐาน", "created"),
    ]
    assert {c.field: c.after for c in tab[1].changes}["url"] == "https://example.org/1"

    agreement = Agreement.objects.team().get(district=worked.d3401)
    rows = agreement_history(agreement)
    assert [row.model for row in rows] == [
        "คำรับรองการปฏิบัติราชการ",
        "ตัวชี้วัดในคำรับรอง",
        "ตัวชี้วัดในคำรับรอง",
    ]
    assert {c.field: (c.before, c.after) for c in rows[-1].changes}["weight"] == (
        Decimal(10),
        Decimal(60),
    )


def test_it_shows_the_rounds_status_changes_and_why(worked: World) -> None:
    rows = audit_log(worked.user("province"))

    opened = next(row for row in rows if row.model == "รอบการประเมิน" and row.action == "changed")
    assert ("draft", "open") in {(c.before, c.after) for c in opened.changes}


def test_a_district_filter_leaves_out_the_rounds_and_versions(worked: World) -> None:
    rows = audit_log(worked.user("province"), district=worked.d3401)

    assert not {row.model for row in rows} & {"รอบการประเมิน", "ฉบับของตัวชี้วัด"}


def test_a_page_of_the_log_is_the_same_rows_as_the_whole_log_sliced(worked: World) -> None:
    from kpi.results.audit import AuditLog

    log = AuditLog(worked.user("province"))
    everything = audit_log(worked.user("province"), limit=None)

    assert log.count() == len(everything) > 6
    page = log[3:6]
    assert [(r.at, r.model, r.object_id) for r in page] == [
        (r.at, r.model, r.object_id) for r in everything[3:6]
    ]
    assert [r.changes for r in page] == [r.changes for r in everything[3:6]]
