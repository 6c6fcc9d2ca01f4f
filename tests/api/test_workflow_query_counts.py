"""The agreement and result lists run the same queries for 5 rows as for 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.test_query_counts import AUTH_QUERIES


def queries_and_rows(client, path: str) -> tuple[int, int]:
    client.get(path)  # warm-up: the token's last use
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["items"])


@pytest.mark.parametrize(
    ("path", "persona", "queries"),
    [
        # count (1), agreements with round, office and people (1), items with indicators (1)
        ("/api/agreements", "province", 3),
        # count (1), results with item, indicator, round, agreement, office, person (1),
        # versions in force (1), steps (1), evidence (1)
        ("/api/results", "province", 5),
        # the indicator owner: the same, the owner's check reads the prefetched version
        ("/api/results", "info", 5),
    ],
)
def test_lists_run_the_same_queries_for_ten_times_the_rows(opened, api_as, path, persona, queries):
    client = api_as(persona)
    few = queries_and_rows(client, f"{path}?limit=2")
    many = queries_and_rows(client, f"{path}?limit=20")
    assert (few[1], many[1]) == (2, 20)
    assert few[0] == many[0] == AUTH_QUERIES + queries
