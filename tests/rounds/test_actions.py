from datetime import date

import pytest

from kpi.org.models import Province
from kpi.rounds.actions import add_version, create_indicator, create_round, put_in_force
from kpi.rounds.models import IndicatorVersion

pytestmark = pytest.mark.django_db


def test_create_round_derives_its_dates_from_the_rules(ubon: Province, officer) -> None:
    second = create_round(province=ubon, fiscal_year=2567, number=2, by=officer, reason="ทดสอบ")
    first = create_round(province=ubon, fiscal_year=2567, number=1, by=officer, reason="ทดสอบ")

    assert (second.start, second.end) == (date(2024, 4, 1), date(2024, 9, 30))
    assert (first.start, first.end) == (date(2023, 10, 1), date(2024, 3, 31))
    assert second.status == "draft"


def test_add_version_puts_it_in_force_and_keeps_the_previous_one(
    ubon: Province, officer, seed_dict
) -> None:
    original, revised = seed_dict["indicators"][1]["versions"]
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=officer, reason="r")
    indicator = create_indicator(
        round, kind="individual", number=8, name="n", by=officer, reason="r"
    )

    first = add_version(indicator, original, by=officer, reason="r")
    second = add_version(indicator, revised, by=officer, reason="r")

    first.refresh_from_db()
    assert (first.in_force, second.in_force) == (False, True)
    assert indicator.version_in_force == second
    assert second.criteria.count() == 3
    assert [c.district_size for c in second.criteria.all()] == ["large", "medium", "small"]


def test_put_in_force_goes_back_to_an_earlier_version(ubon: Province, officer, seed_dict) -> None:
    original, revised = seed_dict["indicators"][0]["versions"]
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=officer, reason="r")
    indicator = create_indicator(round, kind="team", number=5, name="n", by=officer, reason="r")
    first = add_version(indicator, original, by=officer, reason="r")
    second = add_version(indicator, revised, by=officer, reason="r")

    put_in_force(first, by=officer, reason="ย้อนกลับตามมติที่ประชุม")

    assert list(IndicatorVersion.objects.in_force()) == [first]
    second.refresh_from_db()
    assert not second.in_force
    latest = first.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        officer,
        "ย้อนกลับตามมติที่ประชุม",
    )


def test_history_names_who_changed_a_round_and_why(ubon: Province, officer) -> None:
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=officer, reason="เปิดรอบใหม่")
    record = round.history.get()
    assert record.history_user == officer
    assert record.history_change_reason == "เปิดรอบใหม่"
    assert record.history_type == "+"
