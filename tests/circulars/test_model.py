"""The kpi-circular/1 dataclasses: JSON shape out, the same objects back in."""

import json
from datetime import date
from decimal import Decimal

import pytest

from kpi.circulars import (
    Circular,
    Criterion,
    Document,
    Indicator,
    InvalidCircularData,
    Level,
    Reference,
    Round,
    Version,
    dumps,
)
from kpi.circulars.model import number_to_json


def _circular() -> Circular:
    levels = (
        Level(1, "ต่ำกว่าร้อยละ 60", None, Decimal("60"), max_exclusive=True),
        Level(2, "ร้อยละ 60.00 - 69.99", Decimal("60.00"), Decimal("69.99")),
        Level(3, "มากกว่าร้อยละ 70", Decimal("70"), None, min_exclusive=True),
    )
    version = Version(
        status="current",
        weight=Decimal("12.5"),
        responsible_unit="กง.ส่งเสริม",
        responsible_persons=("สมชาย", "สมหญิง"),
        method="threshold",
        unit="percent",
        direction="higher",
        criteria=(Criterion("large", levels),),
    )
    return Circular(
        document=Document(
            number="อบ 0019/ว 536",
            date=date(2024, 6, 10),
            references=(Reference("อบ 0019/ว 2548", date(2024, 6, 4)),),
        ),
        round=Round(2567, 2, date(2024, 4, 1), date(2024, 9, 30)),
        indicators=(Indicator("individual", 8, "ความสำเร็จ", (version,)),),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal("60.00"), 60), (Decimal("69.99"), 69.99), (Decimal("12.5"), 12.5), (None, None)],
)
def test_numbers_are_ints_when_integral(value, expected) -> None:
    result = number_to_json(value)

    assert result == expected
    assert type(result) is type(expected)


def test_exclusive_keys_appear_only_when_true() -> None:
    levels = _circular().to_dict()["indicators"][0]["versions"][0]["criteria"][0]["levels"]

    assert list(levels[0]) == ["level", "text", "min", "max", "max_exclusive"]
    assert list(levels[1]) == ["level", "text", "min", "max"]
    assert list(levels[2]) == ["level", "text", "min", "max", "min_exclusive"]


def test_dates_are_iso_and_the_schema_is_named() -> None:
    data = _circular().to_dict()

    assert data["schema"] == "kpi-circular/1"
    assert data["document"]["date"] == "2024-06-10"
    assert data["round"] == {
        "fiscal_year": 2567,
        "number": 2,
        "start": "2024-04-01",
        "end": "2024-09-30",
    }


def test_json_loaded_with_floats_or_decimals_comes_back_equal() -> None:
    text = dumps(_circular())

    assert Circular.from_dict(json.loads(text)) == _circular()
    assert Circular.from_dict(json.loads(text, parse_float=Decimal)) == _circular()


def test_a_loaded_bound_is_the_printed_decimal_not_a_float() -> None:
    loaded = Circular.from_dict(json.loads(dumps(_circular())))

    level_2 = loaded.indicators[0].versions[0].criteria[0].levels[1]
    assert level_2.max == Decimal("69.99")
    assert isinstance(level_2.max, Decimal)


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda d: d.update(schema="kpi-circular/2"), "schema"),
        (lambda d: d["round"].update(number="two"), "number"),
        (lambda d: d["document"].update(date="10/06/2024"), "date"),
        (lambda d: d["indicators"][0].update(kind="group"), "kind"),
        (lambda d: d["indicators"][0]["versions"][0].update(weight="ten"), "weight"),
        (lambda d: d.update(indicators={}), "indicators"),
    ],
)
def test_data_that_is_not_the_contract_is_refused_naming_the_key(change, detail) -> None:
    data = json.loads(dumps(_circular()))
    change(data)

    with pytest.raises(InvalidCircularData) as raised:
        Circular.from_dict(data)

    assert detail in raised.value.message
