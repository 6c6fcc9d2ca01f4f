import pytest

from tests.agreements.builders import World, make_world
from tests.rounds.fixtures import media  # noqa: F401 - files go to a temporary MEDIA_ROOT


@pytest.fixture
def world(db) -> World:
    return make_world()


@pytest.fixture
def opened(world: World) -> World:
    """The world with its agreements adding up and the round open (draft results made)."""
    from kpi.results.actions import open_round
    from tests.agreements.builders import agreements_adding_up

    agreements_adding_up(world)
    open_round(world.round, by=world.user("province"))
    world.round.refresh_from_db()
    return world
