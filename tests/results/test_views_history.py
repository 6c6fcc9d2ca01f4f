"""The history tab (who, when, before/after, why) and the level changes a revision notice
caused, also announced at the top of the result's page."""

import pytest
from django.urls import reverse

from kpi.results.actions import return_result, save_result, submit_result
from tests.agreements.builders import World, import_revision
from tests.results.view_helpers import client_for, result_8

pytestmark = pytest.mark.django_db


@pytest.fixture
def rescored(opened: World) -> World:
    """3402 (medium) reported 75 %: level 3, then 4 once the seed revision is imported."""
    save_result(
        result_8(opened, opened.d3402), by=opened.user("d3402"), expected_version=1, value="75"
    )
    import_revision(by=opened.user("province"))
    return opened


def test_the_history_tab_shows_the_level_change_and_its_notice(rescored: World) -> None:
    result = result_8(rescored, rescored.d3402)

    page = client_for(rescored, "d3402").get(reverse("results:history", args=[result.pk]))

    text = page.content.decode()
    assert "ระดับ 3 → 4" in text
    assert "ตามหนังสือ อบ 0019/ว 536" in text


def test_the_district_sees_a_notice_at_the_top_of_the_result(rescored: World) -> None:
    result = result_8(rescored, rescored.d3402)

    text = client_for(rescored, "d3402").get(reverse("results:detail", args=[result.pk])).content
    page = text.decode()

    notice = page[page.index('class="callout revision"') :]
    assert "เปลี่ยนจาก 3 เป็น 4 ตามหนังสือ อบ 0019/ว 536" in notice[:800]
    assert page.index('class="callout revision"') < page.index('id="measure-title"')


def test_a_result_no_revision_touched_has_no_notice(rescored: World) -> None:
    result = result_8(rescored, rescored.d3401)  # never reported: nothing rescored

    page = client_for(rescored, "d3401").get(reverse("results:detail", args=[result.pk]))

    assert 'class="callout revision"' not in page.content.decode()


def test_each_change_says_who_when_what_and_why(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=opened.user("d3402"), expected_version=1, value="75")
    submit_result(result, by=opened.user("d3402"))
    return_result(result, by=opened.user("info"), comment="แนบลิงก์ข่าว")

    page = client_for(opened, "d3402").get(reverse("results:history", args=[result.pk]))

    text = page.content.decode()
    newest = text[text.index('class="history-list"') :]
    first = newest[: newest.index("</li>")]
    assert "นายสภาวุฒิชัย ทดสอบ" in first
    assert "แนบลิงก์ข่าว" in first
    assert "ส่งแล้ว" in first and "ส่งกลับให้แก้ไข" in first
    assert "นายหัวหน้า3402 ทดสอบ" in newest
    assert "75" in newest


def test_the_tab_comes_alone_for_htmx(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = client_for(opened, "d3402").get(
        reverse("results:history", args=[result.pk]), HTTP_HX_REQUEST="true"
    )

    text = response.content.decode()
    assert "<html" not in text
    assert 'aria-current="page">ประวัติการแก้ไข' in text
