"""Every page against every persona: who gets the page, who a 404, who the login page."""

import pytest
from django.urls import reverse

from tests.base import OTHER_PROVINCE, PERSONAS, client_for

UBON_PAGES = {
    "round": lambda w: reverse("round", args=[w.round]),
    "team_5": lambda w: reverse("indicator", args=[w.team_5]),
    "individual_8": lambda w: reverse("indicator", args=[w.individual_8]),
    "document": lambda w: reverse("document_file", args=[w.document]),
}


def expected(persona: str | None) -> int:
    if persona is None:
        return 302
    return 404 if persona == OTHER_PROVINCE else 200


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", sorted(UBON_PAGES))
def test_ubon_pages_open_to_ubon_people_only(world, db, persona, page):
    response = client_for(persona).get(UBON_PAGES[page](world))
    assert response.status_code == expected(persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_other_provinces_round_is_hidden_from_ubon(world, db, persona):
    response = client_for(persona).get(reverse("round", args=[world.other_round]))
    assert response.status_code == {None: 302, OTHER_PROVINCE: 200}.get(persona, 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_home_opens_to_everyone_signed_in(world, db, persona):
    assert client_for(persona).get(reverse("home")).status_code == (302 if persona is None else 200)
