from pathlib import Path

import pytest

SEEDS = Path(__file__).parent / "seeds"
SEED = SEEDS / "000_83c347e598ee7ce5.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
