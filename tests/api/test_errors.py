"""The one exception handler: ``{code, message, where}``, status codes, the caller's language."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation

from kpi.api.errors import ApiError, describe
from kpi.scoring import InvalidStep, SizeRequired
from tests.base import OTHER_PROVINCE


def score(client, language=None, **body):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    return client.post("/api/score", body, content_type="application/json", **headers)


@pytest.mark.parametrize(
    ("persona", "path", "status", "code"),
    [
        (None, "/api/rounds", 401, "not_authenticated"),
        (OTHER_PROVINCE, "/api/rounds/{round}", 404, "not_found"),
        ("d3401", "/api/rounds/0", 422, "invalid_request"),
        ("d3401", "/api/rounds/abc/indicators", 422, "invalid_request"),
        ("d3401", "/api/districts?fiscal_year=99999", 422, "invalid_request"),
    ],
)
def test_every_refusal_has_exactly_code_message_and_where(
    world, api_as, persona, path, status, code
):
    response = api_as(persona).get(path.format(round=world.round))
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "where"}
    assert body["code"] == code and body["message"]


def test_a_validation_error_names_the_field(world, api_as):
    response = score(api_as("d3401"), indicator="x")
    assert response.status_code == 422
    assert response.json()["where"] == "body.indicator"


def test_an_unreadable_body_is_a_400_in_the_same_format(world, api_as):
    response = api_as("d3401").post("/api/score", "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert set(response.json()) == {"code", "message", "where"}


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_message_follows_accept_language(world, api_as, language):
    response = score(api_as("d3401"), language, indicator=world.team_5, steps=[7])
    with translation.override(language):
        expected = InvalidStep("steps", step="7").translated(translation.gettext)
    assert response.json()["message"] == expected
    assert response.json()["code"] == "invalid_step"


def test_thai_and_english_messages_differ(world, api_as):
    thai = score(api_as("d3401"), "th", indicator=world.individual_8, value=1).json()
    english = score(api_as("d3401"), "en", indicator=world.individual_8, value=1).json()
    assert thai["code"] == english["code"] == "size_required"
    assert thai["where"] == english["where"]
    assert thai["message"] != english["message"]
    assert english["message"] == SizeRequired(sizes="large, medium, small").message


def test_workflow_errors_keep_their_status_and_thai_text(db):
    class Refusal(ApiError):
        code = "refused"
        status = 409
        template = "Refused by a test double"
        message_th = "ไม่ได้"

    with translation.override("th"):
        assert describe(Refusal("state")) == (409, "refused", "ไม่ได้", "state")
    with translation.override("en"):
        assert describe(Refusal("state")) == (409, "refused", Refusal.template, "state")


def test_access_refusals_are_403_and_404(db):
    assert describe(PermissionDenied())[:2] == (403, "forbidden")
    assert describe(Http404())[:2] == (404, "not_found")


def test_anything_else_is_a_bug_and_is_raised_again(db):
    with pytest.raises(ZeroDivisionError):
        describe(ZeroDivisionError())
