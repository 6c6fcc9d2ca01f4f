"""IndicatorVersion.as_contract() gives back the contract dict it was imported from."""

from decimal import Decimal

import pytest

from kpi.org.models import Province
from kpi.rounds.actions import add_version, create_indicator, create_round
from kpi.rounds.contract import same_content, to_number
from kpi.rounds.importing import import_circular
from kpi.rounds.models import IndicatorVersion
from kpi.scoring import criteria_from_version
from tests.rounds.fixtures import SEED_NAME

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("position", "status"),
    [(0, "original"), (0, "revised"), (1, "original"), (1, "revised")],
)
def test_as_contract_gives_back_each_seed_version(
    ubon: Province, seed_bytes, seed_dict, position: int, status: str
) -> None:
    import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)
    entry = seed_dict["indicators"][position]
    expected = next(v for v in entry["versions"] if v["status"] == status)

    version = IndicatorVersion.objects.with_criteria().get(
        indicator__kind=entry["kind"], indicator__number=entry["number"], status=status
    )

    assert version.as_contract() == {**expected, "interpolation": False}


def test_as_contract_keeps_exclusive_bounds_decimals_and_interpolation(
    ubon: Province, officer
) -> None:
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=officer, reason="r")
    indicator = create_indicator(round, kind="team", number=1, name="n", by=officer, reason="r")
    levels = [
        {"level": 1, "text": "ต่ำกว่า 50", "min": None, "max": 50, "max_exclusive": True},
        {"level": 2, "text": "50 - 60.5", "min": 50, "max": Decimal("60.5")},
        {"level": 3, "text": "ก", "min": Decimal("60.75"), "max": 70},
        {"level": 4, "text": "ข", "min": 70, "max": 90},
        {"level": 5, "text": "มากกว่า 90", "min": 90, "max": None, "min_exclusive": True},
    ]
    data = {
        "status": "current",
        "weight": Decimal("12.5"),
        "responsible_unit": None,
        "responsible_persons": [],
        "method": "threshold",
        "unit": "ครั้ง",
        "direction": "higher",
        "criteria": [{"district_size": None, "levels": levels}],
        "interpolation": True,
    }

    contract = add_version(indicator, data, by=officer, reason="r").as_contract()

    assert contract["weight"] == Decimal("12.5")
    assert contract["interpolation"] is True
    got = contract["criteria"][0]["levels"]
    assert got[0] == {"level": 1, "text": "ต่ำกว่า 50", "min": None, "max": 50, "max_exclusive": True}
    assert got[1]["max"] == Decimal("60.5") and "min_exclusive" not in got[1]
    assert got[2]["min"] == Decimal("60.75")
    assert got[4]["min_exclusive"] is True
    assert same_content(contract, data)


@pytest.mark.parametrize(
    ("stored", "written"),
    [(Decimal("20.0000"), 20), (Decimal("20.5000"), Decimal("20.5")), (None, None)],
)
def test_stored_numbers_are_written_as_the_contract_writes_them(stored, written) -> None:
    number = to_number(stored)
    assert number == written and type(number) is type(written)


def test_versions_compare_by_content_not_by_number_type(seed_dict) -> None:
    version = seed_dict["indicators"][1]["versions"][1]
    as_floats = {**version, "weight": 5.0, "status": "current"}
    changed = {**version, "weight": 6}

    assert same_content(version, as_floats)
    assert not same_content(version, changed)


def test_with_criteria_reads_any_number_of_versions_in_four_queries(
    ubon: Province, seed_bytes, seed_dict, django_assert_num_queries
) -> None:
    import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)

    # versions with indicator and unit; contact persons; criteria; levels
    with django_assert_num_queries(4):
        contracts = [v.as_contract() for v in IndicatorVersion.objects.with_criteria()]
    assert len(contracts) == 4


def test_scoring_reads_the_criteria_of_as_contract(ubon: Province, seed_bytes, seed_dict) -> None:
    import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)
    version = IndicatorVersion.objects.with_criteria().in_force().get(indicator__number=8)

    assert criteria_from_version(version.as_contract()) == criteria_from_version(
        {**seed_dict["indicators"][1]["versions"][1], "interpolation": False}
    )
