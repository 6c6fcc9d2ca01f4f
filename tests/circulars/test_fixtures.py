"""Every hand-written fixture parses to exactly its expected JSON (see fixtures/README.md)."""

import json
from pathlib import Path

import pytest

from kpi.circulars import parse_path
from tests.circulars.contract_check import contract_problems

FIXTURES = Path(__file__).parent / "fixtures"


def _cases() -> list[tuple[Path, Path]]:
    """``(source, expected)`` pairs: ``NAME.EXT`` beside ``NAME.expected.json``."""
    cases = []
    for expected in sorted(FIXTURES.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        sources = [
            path
            for path in FIXTURES.glob(f"{stem}.*")
            if path != expected and path.name.split(".", 1)[0] == stem
        ]
        assert len(sources) == 1, f"{expected.name} needs exactly one source, found {sources}"
        cases.append((sources[0], expected))
    return cases


@pytest.mark.parametrize(("source", "expected"), _cases(), ids=lambda path: path.name)
def test_the_fixture_parses_to_its_expected_json(source: Path, expected: Path) -> None:
    parsed = parse_path(source).to_dict()
    assert parsed == json.loads(expected.read_text(encoding="utf-8"))
    assert contract_problems(parsed, source.name) == []


SEED_EXPECTED = Path(__file__).parent.parent / "seeds" / "000_83c347e598ee7ce5.expected.json"
EXPECTED = [*sorted(FIXTURES.glob("*.expected.json")), SEED_EXPECTED]


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.name)
def test_every_expected_document_keeps_the_contract(expected: Path) -> None:
    document = json.loads(expected.read_text(encoding="utf-8"))
    assert contract_problems(document, expected.name) == []


def test_the_contract_check_catches_a_broken_document() -> None:
    document = json.loads(EXPECTED[-1].read_text(encoding="utf-8"))
    level = document["indicators"][1]["versions"][0]["criteria"][0]["levels"][0]
    level["text"] = "ระดับคะแนน ๑  " + level["text"]
    level["min_exclusive"] = False
    problems = contract_problems(document)
    assert any("keeps label" in p for p in problems)
    assert any("Thai digit" in p for p in problems)
    assert any("whitespace" in p for p in problems)
    assert any("min_exclusive" in p for p in problems)
