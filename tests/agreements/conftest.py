import pytest

from tests.agreements.builders import World, make_world
from tests.rounds.fixtures import media  # noqa: F401 - files go to a temporary MEDIA_ROOT


@pytest.fixture
def world(db) -> World:
    return make_world()
