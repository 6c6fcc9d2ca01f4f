"""Schemathesis over the whole schema: no 5xx, and every answer conforms to the schema.

The schema is read from the app itself (``/api/openapi.json`` through Django's WSGI handler)
and every operation is called with data generated from it, positive (fits the schema) and
negative (does not), by a token of the provincial administrator and of a district head.
Generated ids are mostly unknown; a drawn share of them is replaced by ids of real rows
(either province's), so the fuzz reaches past the 404s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from kpi.org.models import District
from kpi.results.actions import add_evidence_link
from kpi.results.models import Result
from tests.api.conftest import token_for
from tests.api.workflow import agreement_id, result_id, untouched

#: Examples per operation, generation mode and persona; the figures are in the report.
EXAMPLES = 20
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]
#: a plausible measured value: a percentage with up to two decimals, a little above 100 too
MEASURED = st.decimals(min_value=0, max_value=120, places=2)


@pytest.fixture
def same_connection() -> Iterator[None]:
    """Keep the test's transaction open across requests, as Django's test client does:
    the WSGI handler would otherwise close the connection when a request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(opened, same_connection):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


def real_ids(world, writable: int) -> dict[str, list[int]]:
    """Ids of rows either persona may or may not see: Ubon's and the other province's; the
    district head's own results (*writable*, untouched) and those of districts 3401, 3402."""
    districts = list(
        District.objects.filter(dopa_code__in=["3401", "3402", "3301"]).values_list("pk", flat=True)
    )
    results = [writable, result_id(world, "individual", "3401"), result_id(world, "team", "3402")]
    evidence = add_evidence_link(
        Result.objects.get(pk=writable), "https://example.org/news", by=None
    )
    return {
        "rounds": [world.round, world.other_round],
        "indicators": [world.team_5, world.individual_8],
        "agreements": [agreement_id(world, "team", "3401"), agreement_id(world, "team", "3402")],
        "results": results,
        "evidence": [evidence.pk],
        "indicator": [world.team_5, world.individual_8],
        "district": districts,
    }


def steer(case, data: st.DataObject, world, ids: dict[str, list[int]]) -> None:
    """Replace some generated ids by real ones, and make some bodies fit (score: steps for
    the milestone indicator, a value or parts for the threshold one; results: the version
    the result is at), so that a share of the calls gets past 404, 409 and 400 to the
    actions and the engine."""
    path = case.path_parameters or {}
    noun = case.operation.path.split("/")[2]
    if "id" in path:
        chosen = data.draw(st.sampled_from([None, *ids[noun]]))
        if chosen is not None:
            path["id"] = chosen
    if not isinstance(case.body, dict):
        return
    current = noun == "results" and path.get("id") in ids[noun] and data.draw(st.booleans())
    if current and "expected_version" in case.body:
        version = Result.objects.values_list("version", flat=True).get(pk=path["id"])
        case.body["expected_version"] = version
    if noun == "score":
        steer_score(case.body, data, world, ids)


def steer_score(body: dict, data: st.DataObject, world, ids: dict[str, list[int]]) -> None:
    how = data.draw(st.sampled_from(["fitting", "real ids", "as generated"]))
    if how == "as generated":
        return
    body["indicator"] = data.draw(st.sampled_from(ids["indicator"]))
    district = data.draw(st.sampled_from([None, *ids["district"]]))
    if district is None:
        body.pop("district", None)
    else:
        body["district"] = district
    if how == "real ids":
        return
    if body["indicator"] == world.team_5:
        for field in ("value", "done", "planned"):
            body.pop(field, None)
        body["steps"] = data.draw(st.lists(st.integers(1, 5), max_size=6))
    else:
        body.pop("steps", None)
        body["size"] = data.draw(st.sampled_from(["large", "medium", "small"]))
        if body.get("done") is None or body.get("planned") is None:
            body.pop("done", None)
            body.pop("planned", None)
            body["value"] = str(data.draw(MEASURED))


def fuzz(operation, mode, calls, steer_case, headers):
    """A Hypothesis test calling *operation* with generated cases, counting the answers."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    def call(case, data):
        steer_case(case, data)
        response = case.call(headers=headers)
        calls[f"{operation.label} {response.status_code}"] += 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    return call


@pytest.mark.parametrize("persona", ["province", "district head"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_never_answers_5xx_and_conforms_to_its_schema(opened, api_schema, persona, mode):
    world = opened
    writable, head, _code = untouched(world.individual_8)
    username = head if persona == "district head" else persona
    headers = {"Authorization": f"Bearer {token_for(username)}"}
    ids = real_ids(world, writable)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 16
    calls: Counter[str] = Counter()  # "GET /api/rounds 200" → requests (printed with -s)

    for operation in operations:
        fuzz(operation, mode, calls, lambda case, data: steer(case, data, world, ids), headers)()

    print(
        f"\nfuzz {persona} {mode.value}: {sum(calls.values())} calls", dict(sorted(calls.items()))
    )
    # Every operation was called as often as asked: none was skipped for lack of data.
    for operation in operations:
        made = sum(n for key, n in calls.items() if key.startswith(f"{operation.label} "))
        assert made == EXAMPLES, operation.label
