"""The demo loaded once per test module (``loaded``, rolled back at the end of the module),
and its two rounds (``demo``: round 2/2567 under way; ``approved_round``: round 1/2567)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction
from django.test.utils import override_settings

from kpi.demo.loading import load_demo
from kpi.rounds.models import Round
from tests.rounds.fixtures import media, officer, seed_bytes, seed_dict, ubon  # noqa: F401

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """The demo's MEDIA_ROOT (each test's own is a temporary one: ``media``)."""
    media_root = tmp_path_factory.mktemp("media")
    overrides = override_settings(MEDIA_ROOT=media_root, PASSWORD_HASHERS=FAST_HASHER)
    overrides.enable()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        load_demo()
    try:
        yield media_root
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        overrides.disable()


@pytest.fixture
def demo(loaded, db) -> Round:
    return Round.objects.get(province__is_demo=True, fiscal_year=2567, number=2)


@pytest.fixture
def approved_round(loaded, db) -> Round:
    return Round.objects.get(province__is_demo=True, fiscal_year=2567, number=1)
