"""List endpoints run a fixed number of queries, whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kpi.org.actions import set_district_size
from kpi.org.models import District, Province
from kpi.rounds.actions import create_round
from kpi.rounds.models import Round
from tests.base import add_districts, add_indicators

# Every call by token: the token with its owner (1), the caller's Person and groups for
# kpi.access (2). The last-used time is written once a minute at most: the warm-up call
# below takes that write.
AUTH_QUERIES = 3


def count(client, path: str) -> int:
    client.get(path)  # warm-up: last_used, and anything cached per process
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries)


def grow_rounds(province: Province) -> None:
    for year in range(2555, 2565):
        create_round(province=province, fiscal_year=year, number=1, by=None, reason="test")


def grow_indicators(round: Round) -> None:
    add_indicators(round, 20)


def grow_districts(province: Province) -> None:
    add_districts(province, 30)
    for district in District.objects.filter(province=province, dopa_code__startswith="90"):
        set_district_size(district, 2567, "small", by=None, reason="test")


@pytest.mark.parametrize(
    ("path", "queries", "grow"),
    [
        # rounds with their province (1)
        ("/api/rounds", 1, lambda w: grow_rounds(Province.objects.get(pk=w.ubon))),
        # round (1), indicators (1), versions in force with unit (1), contact persons (1),
        # criteria (1), levels (1)
        (
            "/api/rounds/{round}/indicators",
            6,
            lambda w: grow_indicators(Round.objects.get(pk=w.round)),
        ),
        (
            "/api/rounds/{round}/indicators?all_versions=1",
            6,
            lambda w: grow_indicators(Round.objects.get(pk=w.round)),
        ),
        # newest round for the default year (1), districts (1), their sizes that year (1)
        ("/api/districts", 3, lambda w: grow_districts(Province.objects.get(pk=w.ubon))),
    ],
)
def test_list_queries_do_not_grow_with_the_data(world, api_as, path, queries, grow):
    client = api_as("province")
    path = path.format(round=world.round)
    before = count(client, path)
    grow(world)
    after = count(client, path)
    assert before == after == AUTH_QUERIES + queries


def test_the_data_did_grow(world, api_as):
    # The growth above is real: ten more rounds, twenty more indicators, thirty districts.
    client = api_as("province")
    grow_rounds(Province.objects.get(pk=world.ubon))
    grow_indicators(Round.objects.get(pk=world.round))
    grow_districts(Province.objects.get(pk=world.ubon))
    assert len(client.get("/api/rounds").json()) == 11
    assert len(client.get(f"/api/rounds/{world.round}/indicators").json()) >= 22
    rows = client.get("/api/districts").json()
    assert len(rows) == 55
    assert sum(row["size"] == "small" for row in rows) >= 30
