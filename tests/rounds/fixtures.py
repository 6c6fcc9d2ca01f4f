"""Fixtures shared by the tests of org, rounds, documents and demo (imported by their
conftest files)."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from kpi.org.models import Province

SEEDS = Path(__file__).parents[1] / "seeds"
SEED_TEXT = SEEDS / "000_83c347e598ee7ce5.txt"
SEED_JSON = SEEDS / "000_83c347e598ee7ce5.expected.json"
SEED_NAME = "000_83c347e598ee7ce5.txt"

OUR_APPS = ("org", "rounds", "documents")


@pytest.fixture(autouse=True)
def media(settings, tmp_path: Path) -> Path:
    """Stored circulars go to a temporary MEDIA_ROOT, never the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED_TEXT.read_bytes()


@pytest.fixture
def seed_dict() -> dict[str, Any]:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


@pytest.fixture
def ubon(db) -> Province:
    return Province.objects.create(name="อุบลราชธานี", letter_prefix="อบ", office_code="0019")


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("officer", password="x-officer-pass")


def first_circular(seed: dict[str, Any], number: str = "อบ 0019/ว 2548") -> dict[str, Any]:
    """A first circular for the seed's round: each indicator once, its original as ``current``."""
    circular = copy.deepcopy(seed)
    circular["document"]["number"] = number
    for indicator in circular["indicators"]:
        original = next(v for v in indicator["versions"] if v["status"] == "original")
        indicator["versions"] = [{**original, "status": "current"}]
    return circular


def row_counts() -> dict[str, int]:
    """Rows of every table of our apps, history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
    }
