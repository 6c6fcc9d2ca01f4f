"""The live level: what the user types, scored by the engine under the criteria in force for
the district's size, with what the next level needs; nothing is saved."""

import pytest
from django.urls import reverse

from kpi.org.models import DistrictSize
from kpi.results.models import Result
from tests.agreements.builders import World, import_revision
from tests.results.view_helpers import client_for, result_8, team_5

pytestmark = pytest.mark.django_db


def live(world: World, username: str, result: Result, **typed: str) -> str:
    response = client_for(world, username).get(
        reverse("results:level", args=[result.pk]),
        {"expected_version": result.version, **typed},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    return response.content.decode()


def level_of(fragment: str) -> str:
    marker = 'class="level-result" data-level="'
    start = fragment.index(marker) + len(marker)
    return fragment[start : fragment.index('"', start)]


@pytest.fixture
def revised(opened: World) -> World:
    """The seed revision in force: indicator 8 has bands by district size (3402 is medium)."""
    import_revision(by=opened.user("province"))
    return opened


def test_75_percent_in_a_medium_district_is_level_4_under_the_revised_bands(revised: World) -> None:
    fragment = live(revised, "d3402", result_8(revised, revised.d3402), value="75")

    assert level_of(fragment) == "4"
    assert "ร้อยละ 71 – 80" in fragment
    assert "อย่างน้อย ร้อยละ 81" in fragment


def test_the_same_75_percent_was_level_3_under_the_original_bands(opened: World) -> None:
    assert level_of(live(opened, "d3402", result_8(opened, opened.d3402), value="75")) == "3"


def test_40_of_50_items_is_80_percent_and_level_4_with_what_level_5_needs(revised: World) -> None:
    fragment = live(revised, "d3402", result_8(revised, revised.d3402), done="40", planned="50")

    assert level_of(fragment) == "4"
    assert "40 ÷ 50 × 100 = 80" in fragment
    assert "ทำเพิ่มอีก 1 จาก 50" in fragment  # 41 of 50 is 82 %, level 5 from 81 %


def test_the_large_district_keeps_its_own_bands(revised: World) -> None:
    fragment = live(revised, "d3401", result_8(revised, revised.d3401), value="75")

    assert level_of(fragment) == "3"


def test_typing_changes_nothing_saved(revised: World) -> None:
    result = result_8(revised, revised.d3402)

    live(revised, "d3402", result, value="95")

    assert Result.objects.get(pk=result.pk).value is None
    assert Result.objects.get(pk=result.pk).version == result.version


def test_a_typing_mistake_is_reported_beside_the_input_out_of_band(revised: World) -> None:
    fragment = live(revised, "d3402", result_8(revised, revised.d3402), value="7o")

    assert "แก้ไขค่าที่กรอกให้ถูกต้อง" in fragment
    assert 'id="id_value-errors"' in fragment and 'hx-swap-oob="true"' in fragment
    assert "กรอกเป็นตัวเลข" in fragment
    assert 'class="level-result"' not in fragment


def test_one_part_typed_so_far_is_not_an_error_yet(revised: World) -> None:
    fragment = live(revised, "d3402", result_8(revised, revised.d3402), done="40")

    assert "กรอกจำนวนทั้งหมดตามแผนด้วย" not in fragment
    assert 'class="level-result"' not in fragment


def test_a_district_without_a_size_is_told_plainly(revised: World) -> None:
    DistrictSize.objects.filter(district=revised.d3402).delete()

    fragment = live(revised, "d3402", result_8(revised, revised.d3402), value="75")

    assert "ศรีเมืองใหม่" in fragment
    assert "กำหนดขนาด" in fragment
    assert 'class="level-result"' not in fragment


def test_a_later_step_ticked_without_the_one_before_is_flagged(opened: World) -> None:
    fragment = live(
        opened,
        "d3401",
        team_5(opened, opened.d3401),
        step_1_done="on",
        step_2_done="on",
        step_4_done="on",
    )

    assert level_of(fragment) == "2"
    assert "ขั้นตอนที่ 4 ทำแล้ว แต่ขั้นตอนที่ 3 ยังไม่ได้ทำ" in fragment
    mark_4 = fragment[fragment.index('id="mark-4"') :]
    assert "ทำแล้วแต่ยังไม่นับ" in mark_4[: mark_4.index("</span>") + 60]
    # step 4 is done already: step 3 alone lifts the level to 4
    assert "ทำขั้นตอนที่ 3 ให้ครบ จะได้ระดับ 4" in fragment


def test_without_htmx_the_level_address_leads_to_the_page(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = client_for(opened, "d3402").get(reverse("results:level", args=[result.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("results:detail", args=[result.pk])


def test_the_page_shows_the_saved_level_and_the_criteria_for_the_districts_size(
    revised: World,
) -> None:
    result = result_8(revised, revised.d3402)
    client_for(revised, "d3402").post(
        reverse("results:save", args=[result.pk]),
        {"expected_version": result.version, "done": "40", "planned": "50"},
    )

    page = client_for(revised, "info").get(reverse("results:detail", args=[result.pk]))

    text = page.content.decode()
    assert level_of(text) == "4"
    assert "เกณฑ์สำหรับอำเภอขนาดกลาง" in text
    assert "ใช้เกณฑ์ตามที่แก้ไข" in text
