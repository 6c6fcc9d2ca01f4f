"""Token and session authentication; CSRF for session writes only."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from kpi.api.actions import create_token, revoke_token
from kpi.api.models import ApiToken, digest
from tests.api.conftest import TokenClient, bearer
from tests.base import client_for, user

SCORE = "/api/score"


def test_a_token_acts_as_its_owner(world, db):
    _token, secret = create_token(user("d3401"), name="district app", by=None)
    rows = TokenClient(secret).get("/api/districts").json()
    assert [row["dopa_code"] for row in rows] == ["3401"]


def test_only_the_digest_of_a_token_is_stored(world, db):
    token, secret = create_token(user("d3401"), name="x", by=user("province"))
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == digest(secret) != secret
    assert secret.startswith(stored.prefix)
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert stored.created_by == user("province")


@pytest.mark.parametrize(
    "header",
    ["Bearer kpi_wrong", "Bearer ", "Bearer not-even-ours", "Basic ZDM0MDE6a3BpLWRlbW8tMjU2Nw=="],
)
def test_a_wrong_token_is_401(world, db, header):
    response = Client().get("/api/rounds", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_revoked_token_is_401(world, db):
    token, secret = create_token(user("province"), name="x", by=None)
    assert TokenClient(secret).get("/api/rounds").status_code == 200
    revoke_token(token, by=user("province"), reason="leaked")
    assert TokenClient(secret).get("/api/rounds").status_code == 401
    token.refresh_from_db()
    assert token.revoked is not None and token.revoke_reason == "leaked"


def test_the_token_of_a_deactivated_user_is_401(world, db):
    _token, secret = create_token(user("d3402"), name="x", by=None)
    get_user_model()._default_manager.filter(username="d3402").update(is_active=False)
    assert TokenClient(secret).get("/api/rounds").status_code == 401


def test_use_is_recorded_at_most_once_a_minute(world, db):
    token, secret = create_token(user("province"), name="x", by=None)
    client = TokenClient(secret)
    client.get("/api/rounds")
    token.refresh_from_db()
    first = token.last_used
    assert first is not None
    client.get("/api/rounds")
    token.refresh_from_db()
    assert token.last_used == first
    ApiToken.objects.filter(pk=token.pk).update(last_used=first - timedelta(minutes=2))
    client.get("/api/rounds")
    token.refresh_from_db()
    assert token.last_used > first - timedelta(seconds=1)
    assert token.last_used <= timezone.now()


def test_the_session_of_a_signed_in_browser_reads(world, db):
    response = client_for("d3401").get("/api/districts")
    assert [row["dopa_code"] for row in response.json()] == ["3401"]


def test_a_session_write_without_the_csrf_token_is_refused(world, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("d3401"))
    body = {"indicator": world.team_5, "steps": [1]}
    response = client.post(SCORE, body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_a_session_write_with_the_csrf_token_goes_through(world, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("d3401"))
    client.get("/")  # the pages set the CSRF cookie, as a browser would have it
    token = client.cookies["csrftoken"].value
    body = {"indicator": world.team_5, "steps": [1]}
    response = client.post(SCORE, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200, response.content


def test_a_token_write_needs_no_csrf_token(world, db):
    _token, secret = create_token(user("d3401"), name="x", by=None)
    client = Client(enforce_csrf_checks=True)
    body = {"indicator": world.team_5, "steps": [1]}
    response = client.post(SCORE, body, content_type="application/json", **bearer(secret))
    assert response.status_code == 200, response.content


def test_anonymous_writes_are_401_not_a_csrf_refusal(world, db):
    client = Client(enforce_csrf_checks=True)
    body = {"indicator": world.team_5, "steps": [1]}
    response = client.post(SCORE, body, content_type="application/json")
    assert response.status_code == 401


def test_the_admin_creates_a_token_and_shows_its_secret_once(world, db):
    admin = client_for("admin")
    owner = user("d3401")
    response = admin.post(
        "/admin/api/apitoken/add/", {"owner": owner.pk, "name": "รายงานอำเภอ"}, follow=True
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(owner=owner, name="รายงานอำเภอ")
    words = [w for m in response.context["messages"] for w in str(m).split()]
    [secret] = [word for word in words if word.startswith("kpi_")]
    assert digest(secret) == token.digest
    assert token.created_by == user("admin")
    page = admin.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert secret not in page and token.prefix in page


def test_the_admin_revokes_tokens_with_an_action(world, db):
    token, secret = create_token(user("d3401"), name="x", by=None)
    response = client_for("admin").post(
        "/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None and token.revoked_by == user("admin")
    assert TokenClient(secret).get("/api/rounds").status_code == 401
