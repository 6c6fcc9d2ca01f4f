"""Every model and field of org, rounds and documents is named in Thai (the admin shows it)."""

import re

import pytest
from django.apps import apps
from django.utils import translation

from tests.rounds.fixtures import OUR_APPS

THAI = re.compile("[\u0e00-\u0e7f]")
MODELS = [
    model
    for app in OUR_APPS
    for model in apps.get_app_config(app).get_models()
    if not model.__name__.startswith("Historical")
]


def test_there_are_models_to_check() -> None:
    assert len(MODELS) == 12


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
@translation.override("th")  # another test on this worker may have left English active
def test_the_model_and_its_fields_have_thai_names(model) -> None:
    assert THAI.search(str(model._meta.verbose_name)), model
    assert THAI.search(str(model._meta.verbose_name_plural)), model
    for field in model._meta.get_fields(include_hidden=False):
        if field.auto_created or (not field.concrete and not field.many_to_many):
            continue  # the id and reverse relations
        assert THAI.search(str(field.verbose_name)), f"{model._meta.label}.{field.name}"
