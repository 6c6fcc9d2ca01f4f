"""The import page costs a fixed number of queries, with ten times the indicators and districts.

Personas as in test_import_page: ``as_admin`` is the province_admin of Ubon (may import).
"""

import pytest
from django.test import Client

from kpi import access
from kpi.org.models import Province
from kpi.rounds.importing import import_circular
from kpi.rounds.models import Indicator, Round
from tests.base import add_districts, add_indicators
from tests.documents.test_import_page import URL, account, upload

pytestmark = pytest.mark.django_db

# Every page: the session, the user, the user's person and groups (kpi.access.actor), and the
# navigation's demo flag.
REQUEST = 5
# The province field: the initial choice, and the choices read twice as the select renders.
PROVINCES = 3


@pytest.fixture
def as_admin(ubon: Province) -> Client:
    client = Client()
    client.force_login(account(ubon, "padmin", access.PROVINCE_ADMIN))
    return client


@pytest.fixture
def imported(ubon: Province, seed_bytes: bytes) -> Round:
    """The seed's round, imported: team 5 and individual 8, each original and revised."""
    result = import_circular(seed_bytes, "seed.txt", by=None, province=ubon, create_missing=True)
    assert result.round is not None
    return result.round


def grow(round: Round) -> None:
    """Ten times the indicators (2 → 22) and the districts (0 → 20) of the province."""
    add_indicators(round, 20)
    add_districts(round.province, 20)
    assert Indicator.objects.filter(round=round).count() == 22


def test_the_empty_form_does_not_grow_with_indicators_or_districts(
    as_admin: Client, imported: Round, django_assert_num_queries
) -> None:
    with django_assert_num_queries(REQUEST + PROVINCES):
        assert as_admin.get(URL).status_code == 200

    grow(imported)

    with django_assert_num_queries(REQUEST + PROVINCES):
        assert as_admin.get(URL).status_code == 200


def test_the_preview_does_not_grow_with_the_rounds_indicators_or_districts(
    as_admin: Client, imported: Round, seed_bytes: bytes, django_assert_num_queries
) -> None:
    # Another file stating the same notice (the importer knows a file by its hash): compared
    # with the stored round rather than refused as already imported.
    again = seed_bytes + b"\n"
    province = imported.province.pk
    # the province chosen (the form); the file imported before?; the round; its indicators,
    # their versions in force, contacts, criteria and levels; the session written (the staged
    # file: savepoint, update, release)
    with django_assert_num_queries(REQUEST + PROVINCES + 1 + 1 + 1 + 5 + 3):
        response = upload(as_admin, again, province=province)
    assert response.status_code == 200 and "preview" in response.context

    grow(imported)

    with django_assert_num_queries(REQUEST + PROVINCES + 1 + 1 + 1 + 5 + 3):
        response = upload(as_admin, again, province=province)
    assert response.status_code == 200 and "preview" in response.context
