"""The seed's cases through the calculator page: levels, bands, next levels, side by side."""

from decimal import Decimal

import pytest

from kpi.org.models import District
from tests.base import World
from tests.scores.helpers import calculate, district_pk, level, outcome

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "expected"),
    [("75", 4), ("71", 4), ("70.9", 3), ("81", 5), ("0", 0), ("๗๕", 4), ("75%", 4)],
)
def test_revised_indicator_8_gives_a_medium_district_its_level(
    as_province, world: World, value: str, expected: int
) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), value=value
    )

    assert level(response) == expected
    assert response.context["size"].code == "medium"


def test_it_shows_the_band_that_applies_and_what_the_next_level_needs(
    as_province, world: World
) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), value="75"
    )

    revised = outcome(response, "revised")
    assert (revised.result.band.min, revised.result.band.max) == (Decimal(71), Decimal(80))
    html = response.content.decode()
    assert "ร้อยละ 71 – 80" in html
    assert "ระดับ 5 ต้องได้:" in html and "อย่างน้อย ร้อยละ 81" in html


def test_it_computes_the_percentage_from_its_parts(as_province, world: World) -> None:
    response = calculate(
        as_province,
        indicator=world.individual_8,
        district=district_pk("3402"),
        done="40",
        planned="50",
    )

    assert response.context["ratio"]["value"] == Decimal(80)
    assert level(response) == 4
    assert "40 ÷ 50 × 100 = 80" in response.content.decode()


def test_it_decides_on_the_exact_percentage_and_marks_the_rounded_one(
    as_province, world: World
) -> None:
    # 2 of 3 is 66.666… %: shown rounded (and marked so), scored on the exact value.
    response = calculate(
        as_province,
        indicator=world.individual_8,
        district=district_pk("3402"),
        done="2",
        planned="3",
    )

    assert response.context["ratio"]["value"] == Decimal(2) * 100 / Decimal(3)
    assert level(response) == 3
    assert "≈ 66.67" in response.content.decode()


def test_it_shows_the_original_and_the_revised_criteria_side_by_side(
    as_province, world: World
) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), value="85"
    )

    assert level(response, "original") == 4
    assert level(response, "revised") == 5
    assert [o.version.in_force for o in response.context["outcomes"]] == [False, True]
    html = response.content.decode()
    assert "ตามเกณฑ์เดิม" in html and "ตามเกณฑ์ที่แก้ไข" in html
    assert response.context["levels_differ"]


def test_a_size_chosen_on_the_form_wins_over_the_districts_own(as_province, world: World) -> None:
    # 3401 is a large district (81–90 gives 4); as a small one, 75 is above 71: level 5.
    response = calculate(
        as_province,
        indicator=world.individual_8,
        district=district_pk("3401"),
        size="small",
        value="75",
    )

    assert response.context["size"].code == "small"
    assert level(response) == 5


def test_team_indicator_5_flags_steps_done_after_a_missing_one(as_province, world: World) -> None:
    response = calculate(
        as_province, indicator=world.team_5, district=district_pk("3402"), steps=[1, 2, 4, 5]
    )

    for status in ("original", "revised"):
        assert level(response, status) == 2
        assert outcome(response, status).result.flagged_steps == (4, 5)
    revised = outcome(response, "revised")
    assert revised.result.next.step == 3 and revised.result.next.level == 5
    assert [row.flagged for row in revised.levels] == [False, False, False, True, True]
    assert len(revised.flags) == 2


def test_a_district_without_a_size_is_told_so_plainly(as_province, world: World) -> None:
    district = District.objects.create(
        province_id=world.ubon, dopa_code="3499", name="อำเภอไม่มีขนาด"
    )

    response = calculate(
        as_province, indicator=world.individual_8, district=district.pk, value="75"
    )

    assert response.status_code == 200
    revised = outcome(response, "revised")
    assert revised.result is None
    assert "อำเภอไม่มีขนาด" in revised.problem
    assert "ยังไม่มีขนาดอำเภอของปีงบประมาณนี้" in revised.problem
    assert revised.problem in response.content.decode()
    # The original applies to every size: it still gives a level.
    assert level(response, "original") == 3


def test_a_district_without_a_size_is_scored_where_the_criteria_do_not_depend_on_it(
    as_province, world: World
) -> None:
    district = District.objects.create(
        province_id=world.ubon, dopa_code="3499", name="อำเภอไม่มีขนาด"
    )

    response = calculate(as_province, indicator=world.team_5, district=district.pk, steps=[1])

    assert level(response) == 1


def test_it_waits_for_a_value_before_showing_a_level(as_province, world: World) -> None:
    response = calculate(as_province, indicator=world.individual_8, district=district_pk("3402"))

    revised = outcome(response, "revised")
    assert revised.result is None
    assert "กรอกผลการดำเนินงานเพื่อดูระดับคะแนน" in response.content.decode()


def test_the_page_and_the_engines_messages_follow_the_language(
    as_province, world: World, settings
) -> None:
    district = District.objects.create(
        province_id=world.ubon, dopa_code="3499", name="อำเภอไม่มีขนาด"
    )
    as_province.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = calculate(
        as_province, indicator=world.individual_8, district=district.pk, value="75"
    )

    html = response.content.decode()
    assert "Score calculator" in html and "Under the revised criteria" in html
    problem = outcome(response, "revised").problem
    assert problem.startswith("This indicator is scored by district size (")
    assert "has no size for this fiscal year" in problem
