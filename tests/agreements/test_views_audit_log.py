"""The audit log page: the province's administrator and evaluator filter it by person,
district, indicator and dates, page through it, and read who, when, what, before → after and
why."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kpi.results.actions import add_evidence_link, open_round, save_result, submit_result
from kpi.results.models import Result
from tests.agreements.builders import World, agreements_adding_up
from tests.agreements.test_views_round_agreements import client, other_province_admin

pytestmark = pytest.mark.django_db
LOG = reverse("audit_log")


@pytest.fixture
def worked(world: World) -> World:
    """The round open; 3402's head reports and submits individual 8; 3401's staff adds a link
    to team 5."""
    built = world
    agreements_adding_up(built)
    open_round(built.round, by=built.user("province"))
    own = Result.objects.get(item__indicator=built.individual_8, district=built.d3402)
    save_result(own, by=built.user("d3402"), expected_version=1, value="75")
    submit_result(own, by=built.user("d3402"))
    team = Result.objects.get(item__indicator=built.team_5, district=built.d3401)
    add_evidence_link(team, "https://example.org/news/1", by=built.user("s3401"))
    return built


def rows(response):  # type: ignore[no-untyped-def]
    return response.context["rows"]


def test_it_is_for_the_administrator_and_the_evaluator(worked: World) -> None:
    anonymous = Client().get(LOG)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    for username in ("d3401", "s3401", "info", "viewer", "nobody"):
        assert client(worked, username).get(LOG).status_code == 403, username
    for username in ("province", "evaluator"):
        assert client(worked, username).get(LOG).status_code == 200, username


def test_another_province_sees_none_of_this_provinces_changes(worked: World) -> None:
    response = other_province_admin(worked).get(LOG)

    assert response.status_code == 200
    assert rows(response) == []
    assert "นายหัวหน้า3402" not in response.content.decode()


def test_a_row_says_who_when_what_before_after_and_why(worked: World) -> None:
    response = client(worked, "province").get(LOG)

    submitted = next(row for row in rows(response) if row.reason == "ส่งผลการดำเนินงาน")
    assert submitted.who == "นายหัวหน้า3402 ทดสอบ"
    assert submitted.action_label == "แก้ไข" and submitted.model == "ผลการดำเนินงาน"
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in submitted.subject
    assert "นายหัวหน้า3402 ทดสอบ" in submitted.subject
    changes = {change.label: (change.before, change.after) for change in submitted.changes}
    assert changes["สถานะ"] == ("ร่าง", "ส่งแล้ว")
    assert changes["ส่งโดย"] == ("—", "นายหัวหน้า3402 ทดสอบ")
    html = response.content.decode()
    assert "ร่าง</del>" in html and "ส่งแล้ว</ins>" in html


def test_it_filters_by_person(worked: World) -> None:
    response = client(worked, "province").get(LOG, {"person": worked.person("d3402").pk})

    found = rows(response)
    assert found and all("3401" not in row.subject for row in found)
    assert all("เมืองอุบลราชธานี" not in row.subject for row in found)
    assert {row.reason for row in found} >= {"ส่งผลการดำเนินงาน", "บันทึกผลการดำเนินงาน"}


def test_it_filters_by_district(worked: World) -> None:
    response = client(worked, "evaluator").get(LOG, {"district": worked.d3401.pk})

    found = rows(response)
    assert {row.model for row in found} >= {"หลักฐาน", "คำรับรองการปฏิบัติราชการ"}
    assert not any(row.reason == "ส่งผลการดำเนินงาน" for row in found)


def test_it_filters_by_indicator(worked: World) -> None:
    response = client(worked, "province").get(LOG, {"indicator": worked.team_5.pk})

    found = rows(response)
    assert found
    assert all("ความสำเร็จการส่งข่าว" not in row.subject for row in found)


def test_it_filters_by_dates(worked: World) -> None:
    today = timezone.localdate()
    admin = client(worked, "province")

    todays = admin.get(LOG, {"since": today.isoformat(), "until": today.isoformat()})
    tomorrows = admin.get(LOG, {"since": (today + timedelta(days=1)).isoformat()})

    assert len(rows(todays)) == todays.context["page"].paginator.count > 0
    assert rows(tomorrows) == []
    assert "0 รายการ" in tomorrows.content.decode()


def test_a_date_range_ending_before_it_starts_is_refused(worked: World) -> None:
    today = timezone.localdate()

    response = client(worked, "province").get(
        LOG, {"since": today.isoformat(), "until": (today - timedelta(days=1)).isoformat()}
    )

    assert response.status_code == 400
    assert "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น" in response.content.decode()


def test_for_htmx_it_sends_only_the_results(worked: World) -> None:
    response = client(worked, "province").get(
        LOG, {"district": worked.d3402.pk}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="audit-results"')
    assert "<form" not in html and "ส่งผลการดำเนินงาน" in html


def note_many(world: World, times: int) -> None:
    """*times* notes on 3401's team result and as many links: Result and Evidence rows."""
    result = Result.objects.get(item__indicator=world.team_5, district=world.d3401)
    staff = world.user("s3401")
    for number in range(times):
        result = save_result(
            result, by=staff, expected_version=result.version, note=f"บันทึกครั้งที่ {number}"
        )
        add_evidence_link(result, f"https://example.org/news/{number + 2}", by=staff)


def test_it_pages_through_the_log_keeping_the_filter(worked: World) -> None:
    note_many(worked, 30)
    admin = client(worked, "province")

    first = admin.get(LOG, {"district": worked.d3401.pk})
    second = admin.get(LOG, {"district": worked.d3401.pk, "page": 2})

    assert first.context["page"].paginator.num_pages == 2
    assert len(rows(first)) == 50
    assert f"?district={worked.d3401.pk}&amp;page=2" in first.content.decode()
    assert rows(second) and rows(second)[0].at <= rows(first)[-1].at


def count_queries(signed_in: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert signed_in.get(LOG).status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_the_log(worked: World) -> None:
    admin = client(worked, "province")
    note_many(worked, 26)  # the first page is full of the notes and links
    few = count_queries(admin)

    note_many(worked, 234)
    many = count_queries(admin)

    # session, user, person, groups (4); per source (7) a count and its newest ids (14);
    # the rows of the sources on the page, results' and evidence's history (2); the page's
    # relations: results' items, indicators, offices, evidence's results, items, indicators,
    # offices (7); the accounts' people and the named accounts (2); demo flag; the filter's
    # people, districts and indicators (3)
    assert few == many == 33
