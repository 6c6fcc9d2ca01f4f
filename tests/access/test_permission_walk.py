"""Every page against every persona: the URLs come from the URL configuration, what each
persona should get from ``routes`` (``kpi.access``'s rules restated in ``rules``).

A URL name with no entry in ``routes.ROUTES`` fails the walk, so a new page cannot escape it.
Each URL is filled with the persona's own objects and another district's (an id typed into
the URL: IDOR); GET and POST are both tried, so a write refused to a persona is checked to be
a 403 or 404, never done. Each request runs in a savepoint rolled back afterwards, so an
allowed write leaves the next request the same world.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kpi.results.models import Notification, Result
from tests.access.conftest import Walk
from tests.access.routes import ROUTES
from tests.access.rules import (
    ACCEPTED,
    LOGIN,
    NOT_ALLOWED,
    PERSONAS,
    REDIRECT,
    REFUSED,
    Case,
    Persona,
)
from tests.base import client_for, user

#: URL prefixes the walk leaves out, and why
SKIPPED = {
    # Django's admin has its own permission system (staff and model permissions), tested by
    # tests/demo/test_admin_pages.py; only superusers use it here.
    "admin/": "django admin",
    # Django's set_language view: a language switch for anyone, with no data behind it.
    "i18n/": "language switch",
    # The API's operations are walked from its OpenAPI schema (test_api_walk.py).
    "api/": "API, walked from its schema",
}


def discovered() -> dict[str, str]:
    """URL name (with its namespace) → route, for every named URL of the site outside
    ``SKIPPED``; an unnamed URL is reported under its route."""
    found: dict[str, str] = {}

    def visit(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if any(route.startswith(skipped) for skipped in SKIPPED):
                continue
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                visit(pattern.url_patterns, route, f"{namespace}{inner}:" if inner else namespace)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}{pattern.name}" if pattern.name else f"<unnamed {route}>"
                found[name] = route

    visit(get_resolver().url_patterns, "", "")
    return found


URLS = discovered()
NAMES = sorted(URLS)


def test_every_page_of_the_site_has_an_expectation() -> None:
    unknown = sorted(set(URLS) - set(ROUTES))
    assert not unknown, f"pages nobody listed in tests/access/routes.py: {unknown}"


def test_every_expectation_is_of_a_page_that_exists() -> None:
    assert not sorted(set(ROUTES) - set(URLS))


def test_the_walk_covers_every_page_against_ten_personas() -> None:
    assert len(PERSONAS) == 10
    assert len(NAMES) >= 50


# --- The walk ---------------------------------------------------------------------------------


@pytest.fixture
def rollback(db) -> Iterator[None]:
    yield


def _client(persona: Persona) -> Client:
    return client_for(persona.username)


def _outcome(response: Any) -> str | int:
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return LOGIN
    return response.status_code


def _matches(expected: Any, got: str | int) -> bool:
    if expected == ACCEPTED:
        return got not in (LOGIN, 401, 403, 404, 405) and isinstance(got, int) and got < 500
    if expected == REFUSED:
        return got in (403, 404)
    if expected == REDIRECT:
        return got == 302
    return expected == got


def _request(persona: Persona, method: str, url: str, query: dict[str, Any]) -> str | int:
    with transaction.atomic():
        client = _client(persona)
        response = client.get(url, query) if method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    return _outcome(response)


def walk_one(walk: Walk, name: str, persona: Persona) -> list[str]:
    """The mismatches of one URL name for one persona: one line each."""
    route = ROUTES[name]
    problems = []
    for case in route.cases(walk):
        url = reverse(name, kwargs=case.kwargs)
        for method, expect in (("GET", route.get), ("POST", route.post)):
            if expect is None:
                # The view does not take this method: 405, or the login page first for
                # views whose login check comes before the method check.
                allowed = {NOT_ALLOWED, LOGIN} if persona.anonymous else {NOT_ALLOWED}
                got = _request(persona, method, url, case.query)
                if got not in allowed:
                    problems.append(f"{method} {url} ({case.label}): {got}, expected 405")
                continue
            expected = expect(persona, case)
            got = _request(persona, method, url, case.query)
            if not _matches(expected, got):
                problems.append(f"{method} {url} ({case.label}): {got}, expected {expected}")
    return problems


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
@pytest.mark.parametrize("name", NAMES)
def test_the_page_answers_each_persona_as_access_decides(
    walk: Walk, rollback, name: str, persona: Persona
) -> None:
    assert name in ROUTES, f"{name} ({URLS[name]}) has no expectation in tests/access/routes.py"
    problems = walk_one(walk, name, persona)
    assert not problems, "\n".join(problems)


# --- Ids of another district in a form or a query ---------------------------------------------


def _case(walk: Walk, group: str, label: str) -> Case:
    return next(case for case in getattr(walk, group) if case.label == label)


def test_marking_another_persons_notification_read_changes_nothing(walk: Walk, rollback) -> None:
    theirs = (
        Notification.objects.filter(read_at=None, person__district__isnull=False)
        .exclude(person__user__username="d3401")
        .first()
    )
    assert theirs is not None, "the demo notified no other district"

    response = client_for("d3401").post(reverse("results:mark_read"), {"id": [theirs.pk]})

    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_filtering_the_result_list_by_another_district_shows_none_of_its_results(
    walk: Walk, rollback
) -> None:
    other = Result.objects.filter(district__dopa_code="3402").values_list("district", flat=True)
    response = client_for("d3401").get(reverse("results:list"), {"district": other[0]})

    assert response.status_code in (200, 400)
    shown = {row.result.district.dopa_code for row in response.context.get("rows") or []}
    assert shown <= {"3401"}


def test_another_districts_result_cannot_be_saved_by_typing_its_version(
    walk: Walk, rollback
) -> None:
    case = _case(walk, "results", "3402 draft")
    result = Result.objects.get(pk=case.kwargs["pk"])
    before = (result.version, result.value, result.done, result.planned)

    response = client_for("d3401").post(
        reverse("results:save", args=[result.pk]),
        {"expected_version": result.version, "value": "99", "done": "9", "planned": "10"},
    )

    assert response.status_code == 404
    result.refresh_from_db()
    assert (result.version, result.value, result.done, result.planned) == before


def test_the_staff_of_3401_reports_for_their_office_but_not_for_another(
    walk: Walk, rollback
) -> None:
    assert user("s3401").groups.filter(name="district_staff").exists()
    case = _case(walk, "results", "3402 draft")
    response = client_for("s3401").post(reverse("results:submit", args=[case.kwargs["pk"]]), {})
    assert response.status_code == 404
