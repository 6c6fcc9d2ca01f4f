"""Every API operation against every persona, from the OpenAPI schema the API publishes.

An operation with no entry in ``OPERATIONS`` fails the walk, as does a URL of the API's
namespace that is neither an operation of the schema nor listed in ``API_PAGES``. Path ids are
the persona's own objects and another district's; bodies are valid, so that a refusal comes
from ``kpi.access`` and not from validation. The session signs in (the test client does not
check CSRF, as a bearer token would not need it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from kpi.org.models import District
from kpi.rounds.models import Indicator
from tests.access.conftest import Walk
from tests.access.rules import (
    ACCEPTED,
    FORBIDDEN,
    HIDDEN,
    OK,
    PERSONAS,
    UBON,
    Case,
    Persona,
    acknowledges,
    edits_result,
    sees_district,
    sees_province,
    sees_result,
)
from tests.base import client_for
from tests.results.files import PDF

UNAUTHORISED = 401
SCHEMA_URL = "/api/openapi.json"

Expect = Callable[[Persona, Case], Any]


def api(p: Persona, *checks: tuple[bool, Any], ok: Any = OK) -> Any:
    if p.anonymous:
        return UNAUTHORISED
    for allowed, refusal in checks:
        if not allowed:
            return refusal
    return ok


def _round(p: Persona, c: Case) -> Any:
    return api(p, (sees_province(p, c.province), HIDDEN))


def _score(p: Persona, c: Case) -> Any:
    # The district in the body is checked like one in a URL (another district's is a 404).
    district = p.superuser or (
        p.province == c.province and (p.provincial or p.district == c.district)
    )
    return api(p, (sees_province(p, c.province), HIDDEN), (district, HIDDEN), ok=ACCEPTED)


def _result_write(p: Persona, c: Case) -> Any:
    return api(p, (sees_result(p, c), HIDDEN), (edits_result(p, c), FORBIDDEN), ok=ACCEPTED)


#: "METHOD /api/path" → (the walk's cases for its path, expectation)
OPERATIONS: dict[str, tuple[str | None, Expect]] = {
    "GET /api/rounds": (None, lambda p, c: api(p)),
    "GET /api/rounds/{id}": ("rounds", _round),
    "GET /api/rounds/{id}/indicators": ("rounds", _round),
    "GET /api/rounds/{id}/scores": ("rounds", _round),
    "GET /api/indicators/{id}": ("indicators", _round),
    "GET /api/districts": (None, lambda p, c: api(p)),
    "POST /api/score": ("score", _score),
    "GET /api/agreements": (None, lambda p, c: api(p)),
    "GET /api/agreements/{id}": (
        "agreements",
        lambda p, c: api(p, (sees_district(p, c.province, c.district), HIDDEN)),
    ),
    "POST /api/agreements/{id}/acknowledge": (
        "agreements",
        lambda p, c: api(
            p,
            (sees_district(p, c.province, c.district), HIDDEN),
            (acknowledges(p, c), FORBIDDEN),
            ok=ACCEPTED,
        ),
    ),
    "GET /api/results": (None, lambda p, c: api(p)),
    "GET /api/results/{id}": ("results", lambda p, c: api(p, (sees_result(p, c), HIDDEN))),
    "PATCH /api/results/{id}": ("results", _result_write),
    "POST /api/results/{id}/submit": ("results", _result_write),
    "POST /api/results/{id}/evidence/links": ("results", _result_write),
    "POST /api/results/{id}/evidence/files": ("results", _result_write),
    "DELETE /api/evidence/{id}": ("evidence", _result_write),
}

#: URLs of the API's namespace that are not operations: the schema, its docs, the root
API_PAGES = {"openapi-json": 200, "openapi-view": 200, "api-root": 404}


def schema() -> dict[str, Any]:
    from django.test import Client

    response = Client().get(SCHEMA_URL)
    assert response.status_code == 200
    return json.loads(response.content)


def operations() -> list[str]:
    return sorted(
        f"{method.upper()} {path}"
        for path, methods in schema()["paths"].items()
        for method in methods
        if method in ("get", "post", "put", "patch", "delete")
    )


def api_urls() -> dict[str, str]:
    """Name → route of every URL in the API's namespace."""
    found: dict[str, str] = {}

    def visit(patterns: list[Any], prefix: str, inside: bool) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                visit(pattern.url_patterns, route, inside or pattern.namespace == "api")
            elif isinstance(pattern, URLPattern) and inside:
                found[pattern.name] = route

    visit(get_resolver().url_patterns, "", False)
    return found


@pytest.fixture
def db_ready(db) -> None:
    return None


def test_every_operation_of_the_schema_has_an_expectation(db_ready) -> None:
    found = operations()
    assert not sorted(set(found) - set(OPERATIONS)), "operations nobody listed in OPERATIONS"
    assert not sorted(set(OPERATIONS) - set(found)), "listed operations the API no longer has"


def test_every_url_of_the_api_is_an_operation_or_a_listed_page(db_ready) -> None:
    paths = {re.sub(r"\{(\w+)\}", r"<\1>", key.split(" ", 1)[1]) for key in operations()}
    unknown = {
        name
        for name, route in api_urls().items()
        if "/" + route not in paths and name not in API_PAGES
    }
    assert not unknown


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_api_pages_open_to_everyone(walk: Walk, db_ready, persona: Persona) -> None:
    from django.urls import reverse

    client = client_for(persona.username)
    for name, status in API_PAGES.items():
        assert client.get(reverse(f"api:{name}")).status_code == status, name


# --- The walk ---------------------------------------------------------------------------------


def _score_cases(walk: Walk) -> list[Case]:
    indicator = Indicator.objects.get(round__province__is_demo=True, kind="individual", number=8)
    return [
        Case(
            f"individual 8 for {code}",
            {},
            {"province": UBON, "district": code},
            {
                "indicator": indicator.pk,
                "district": District.objects.get(dopa_code=code).pk,
                "done": 40,
                "planned": 50,
            },
        )
        for code in ("3401", "3402")
    ]


def _cases(walk: Walk, group: str | None) -> list[Case]:
    if group is None:
        return [Case("", {})]
    if group == "score":
        return _score_cases(walk)
    return list(getattr(walk, group))


def _body(key: str, case: Case) -> dict[str, Any]:
    from kpi.results.models import Result

    if key == "POST /api/score":
        return {"json": case.query}
    if key in ("PATCH /api/results/{id}", "POST /api/results/{id}/submit"):
        version = Result.objects.get(pk=case.kwargs["pk"]).version
        return {"json": {"expected_version": version, "note": "ทดสอบ"}}
    if key.endswith("/evidence/links"):
        return {"json": {"url": "https://cdd-ubon.example/news/walk", "title": "ข่าว"}}
    if key.endswith("/evidence/files"):
        return {"data": {"file": SimpleUploadedFile("ข่าว.pdf", PDF), "title": "ข่าว"}}
    return {}


def _call(persona: Persona, key: str, case: Case) -> int:
    method, path = key.split(" ", 1)
    url = path.replace("{id}", str(case.kwargs.get("pk", "")))
    body = _body(key, case)
    with transaction.atomic():
        client = client_for(persona.username)
        call = getattr(client, method.lower())
        if "json" in body:
            response = call(url, json.dumps(body["json"]), content_type="application/json")
        elif "data" in body:
            response = call(url, body["data"])
        else:
            response = call(url)
        transaction.set_rollback(True)
    return response.status_code


def _matches(expected: Any, got: int) -> bool:
    if expected == ACCEPTED:
        return got < 500 and got not in (401, 403, 404, 405, 422)
    return expected == got


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_the_operation_answers_each_persona_as_access_decides(
    walk: Walk, db_ready, key: str, persona: Persona
) -> None:
    group, expect = OPERATIONS[key]
    problems = []
    for case in _cases(walk, group):
        expected = expect(persona, case)
        got = _call(persona, key, case)
        if not _matches(expected, got):
            problems.append(f"{key} ({case.label}): {got}, expected {expected}")
    assert not problems, "\n".join(problems)


def test_the_result_list_filtered_by_another_district_is_empty(walk: Walk, db_ready) -> None:
    other = District.objects.get(dopa_code="3402").pk
    response = client_for("d3401").get("/api/results", {"district": other})
    assert response.status_code == 200
    assert json.loads(response.content)["items"] == []
