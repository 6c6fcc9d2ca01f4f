"""An input the indicator does not take (a deep link with a value for team 5, steps for
individual 8) is explained on the calculator page, and refused by ``/api/score``: never a 500.

Personas: ``as_province`` (the provincial administrator) may use both.
"""

import pytest

from tests.base import World
from tests.scores.helpers import calculate, district_pk

pytestmark = pytest.mark.django_db

STEPS_NOT_VALUE = "ตัวชี้วัดนี้ให้คะแนนตามขั้นตอนที่ทำแล้ว ไม่ใช่ค่าที่วัดได้"
VALUE_NOT_STEPS = "ตัวชี้วัดนี้ให้คะแนนตามค่าที่วัดได้ ไม่ใช่ขั้นตอนที่ทำแล้ว"


def test_a_value_for_the_milestone_indicator_is_explained_instead_of_ignored(
    as_province, world: World
) -> None:
    response = calculate(as_province, indicator=world.team_5, value="3")

    assert response.status_code == 200
    outcomes = response.context["outcomes"]
    assert [(o.result, o.problem) for o in outcomes] == [(None, STEPS_NOT_VALUE)] * len(outcomes)
    assert STEPS_NOT_VALUE in response.content.decode()


def test_steps_for_the_threshold_indicator_are_explained(as_province, world: World) -> None:
    response = calculate(
        as_province, indicator=world.individual_8, district=district_pk("3402"), steps=["1"]
    )

    assert response.status_code == 200
    assert {o.problem for o in response.context["outcomes"]} == {VALUE_NOT_STEPS}


def test_the_mismatch_follows_the_language(as_province, world: World, settings) -> None:
    as_province.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = calculate(as_province, indicator=world.team_5, done="1", planned="2")

    assert {o.problem for o in response.context["outcomes"]} == {
        "This indicator is scored by steps, not by a value"
    }


def test_steps_with_the_milestone_indicator_still_give_a_level(as_province, world: World) -> None:
    response = calculate(as_province, indicator=world.team_5, steps=["1", "2"])

    assert {o.problem for o in response.context["outcomes"]} == {""}
    assert {o.result.level for o in response.context["outcomes"]} == {2}


@pytest.mark.parametrize(
    ("indicator", "body", "where"),
    [
        ("team_5", {"value": "3"}, "value"),
        ("individual_8", {"steps": [1], "size": "small"}, "steps"),
    ],
)
def test_the_api_refuses_the_same_mismatch_with_a_400_and_a_message(
    as_province, world: World, indicator: str, body: dict, where: str
) -> None:
    response = as_province.post(
        "/api/score",
        {"indicator": getattr(world, indicator), **body},
        content_type="application/json",
    )

    assert response.status_code == 400, response.content
    answer = response.json()
    assert (answer["code"], answer["where"]) == ("measure_mismatch", where)
    assert answer["message"].startswith("ตัวชี้วัดนี้วัดผลแบบ")
