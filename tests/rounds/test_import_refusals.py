"""Circulars the import refuses, before writing anything."""

import copy

import pytest

from kpi.org.models import Province
from kpi.rounds.errors import (
    CriteriaInvalid,
    ImportRefused,
    IndicatorRepeated,
    ProvinceUnknown,
    RoundNotStated,
    UnreadableCircular,
    UnsupportedSchema,
    VersionInvalid,
)
from kpi.rounds.importing import import_circular
from tests.rounds.fixtures import row_counts

pytestmark = pytest.mark.django_db


def refused(parsed, province=None) -> ImportRefused:
    before = row_counts()
    with pytest.raises(ImportRefused) as raised:
        import_circular(
            b"x", "x.txt", by=None, parsed=parsed, province=province, create_missing=True
        )
    assert row_counts() == before
    return raised.value


def test_it_refuses_a_letter_number_of_no_known_province(ubon: Province, seed_dict) -> None:
    seed_dict["document"]["number"] = "ศก 0019/ว 12"
    error = refused(seed_dict)
    assert isinstance(error, ProvinceUnknown)
    assert error.where == "document.number" and "ศก 0019/ว 12" in error.message_th


def test_it_refuses_data_of_another_schema(ubon: Province, seed_dict) -> None:
    seed_dict["schema"] = "kpi-circular/2"
    assert isinstance(refused(seed_dict), UnsupportedSchema)


def test_it_refuses_a_circular_without_its_round(ubon: Province, seed_dict) -> None:
    seed_dict["round"] = {"fiscal_year": None, "number": None, "start": None, "end": None}
    assert isinstance(refused(seed_dict), RoundNotStated)


def test_it_refuses_an_indicator_listed_twice(ubon: Province, seed_dict) -> None:
    seed_dict["indicators"].append(copy.deepcopy(seed_dict["indicators"][0]))
    error = refused(seed_dict)
    assert isinstance(error, IndicatorRepeated) and error.where == "indicators[2]"


def _damage(seed: dict, problem: str) -> None:
    version = seed["indicators"][1]["versions"][1]
    levels = version["criteria"][0]["levels"]
    if problem == "versions":
        seed["indicators"][1]["versions"] = [version, version]
    elif problem == "weight":
        version["weight"] = 0
    elif problem == "sizes":
        version["criteria"][1]["district_size"] = "huge"
    elif problem == "duplicate_size":
        version["criteria"][1]["district_size"] = "large"
    elif problem == "levels_incomplete":
        del levels[4]
    elif problem == "bounds_reversed":
        levels[0].update(min=30, max=20)
    elif problem == "bands_out_of_order":
        levels[1].update(min=0, max=0)


@pytest.mark.parametrize("problem", ["versions", "weight", "sizes"])
def test_it_refuses_versions_it_cannot_store(ubon: Province, seed_dict, problem: str) -> None:
    _damage(seed_dict, problem)
    error = refused(seed_dict)
    assert isinstance(error, VersionInvalid)
    assert error.problem == problem
    assert error.where.startswith("indicators[1]")
    assert "รายบุคคล" in error.message_th
    assert error.translated(lambda text: text) == error.message


@pytest.mark.parametrize(
    "problem", ["duplicate_size", "levels_incomplete", "bounds_reversed", "bands_out_of_order"]
)
def test_it_refuses_criteria_the_scoring_engine_cannot_use(
    ubon: Province, seed_dict, problem: str
) -> None:
    _damage(seed_dict, problem)
    error = refused(seed_dict)
    assert isinstance(error, CriteriaInvalid)
    assert error.cause.code == problem
    assert error.where == "indicators[1].versions[1]"
    assert error.cause.message in error.message


def test_it_warns_when_the_circular_misstates_the_round_dates(ubon: Province, seed_dict) -> None:
    seed_dict["round"]["end"] = "2024-09-29"
    result = import_circular(b"x", "x.txt", by=None, parsed=seed_dict, create_missing=True)
    dates = [w for w in result.warnings if w.code == "round_dates_differ"]
    assert len(dates) == 1
    assert result.round.end.isoformat() == "2024-09-30"
    assert "2024-09-29" in dates[0].message_th


def test_messages_put_the_kind_and_problem_in_each_language() -> None:
    error = VersionInvalid("indicators[0]", problem="weight", kind="team", number=5)
    catalogue = {
        VersionInvalid.template: VersionInvalid.template_th,
        "team indicator": "ตัวชี้วัดรายทีม",
        "the weight must be a positive number": "น้ำหนักต้องเป็นจำนวนบวก",
    }

    assert (
        error.message == "team indicator 5 cannot be stored: the weight must be a positive number"
    )
    assert error.message_th == "บันทึกตัวชี้วัดรายทีม ที่ 5 ไม่ได้: น้ำหนักต้องเป็นจำนวนบวก"
    assert error.translated(lambda text: catalogue.get(text, text)) == error.message_th
    assert str(error) == f"{error.message} (indicators[0])"


class FakeParserError(Exception):
    where = "line 12"
    message = "no table of indicators"

    def translated(self, gettext) -> str:
        return gettext(self.message)


def test_an_unreadable_file_is_refused_with_the_parsers_reason() -> None:
    error = UnreadableCircular(FakeParserError())

    assert error.code == "unreadable_circular" and error.where == "line 12"
    assert error.message == "The file is not a readable KPI circular: no table of indicators"
    thai = {UnreadableCircular.template: UnreadableCircular.template_th}
    thai["no table of indicators"] = "ไม่พบตารางตัวชี้วัด"
    assert error.translated(lambda text: thai.get(text, text)) == (
        "ไฟล์นี้ไม่ใช่หนังสือตัวชี้วัดที่อ่านได้: ไม่พบตารางตัวชี้วัด"
    )
