"""The seed circular parses to exactly its expected kpi-circular/1 JSON."""

import json
from pathlib import Path

from kpi.circulars import Circular, dumps, parse_bytes, parse_path

EXPECTED = Path(__file__).parent.parent / "seeds" / "000_83c347e598ee7ce5.expected.json"


def test_the_seed_gives_exactly_the_expected_json(seed_path: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))

    assert parse_path(seed_path).to_dict() == expected


def test_the_seed_keeps_the_contracts_key_order(seed_path: Path) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    parsed = json.loads(dumps(parse_path(seed_path)))

    def keys(value: object) -> list[object]:
        if isinstance(value, dict):
            return [list(value), *(keys(v) for v in value.values())]
        if isinstance(value, list):
            return [keys(v) for v in value]
        return []

    assert keys(parsed) == keys(expected)


def test_dumps_writes_thai_as_characters_indented_by_two(seed_path: Path) -> None:
    text = dumps(parse_path(seed_path))

    assert "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี" in text
    assert "\\u0e" not in text
    assert text.startswith('{\n  "schema": "kpi-circular/1"')


def test_the_parsed_seed_survives_a_round_trip_through_json(seed_path: Path) -> None:
    circular = parse_path(seed_path)

    assert Circular.from_dict(json.loads(dumps(circular))) == circular


def test_parse_bytes_and_parse_path_agree(seed_path: Path) -> None:
    assert parse_bytes(seed_path.read_bytes()) == parse_path(seed_path)
