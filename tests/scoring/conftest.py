import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import pytest

from kpi.scoring import Criteria, criteria_from_version
from tests.conftest import SEEDS

EXPECTED = SEEDS / "000_83c347e598ee7ce5.expected.json"


def seed_version(kind: str, number: int, status: str) -> Mapping[str, Any]:
    """One indicator version of the seed's expected JSON, numbers loaded as Decimal."""
    document = json.loads(EXPECTED.read_text(encoding="utf-8"), parse_float=Decimal)
    for indicator in document["indicators"]:
        if indicator["kind"] == kind and indicator["number"] == number:
            for version in indicator["versions"]:
                if version["status"] == status:
                    return version  # type: ignore[no-any-return]
    raise LookupError(f"{kind} {number} {status} is not in the seed")


@pytest.fixture
def seed_criteria() -> Callable[[str, int, str], Criteria]:
    return lambda kind, number, status: criteria_from_version(seed_version(kind, number, status))
