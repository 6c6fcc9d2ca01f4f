"""Who downloads which scorecard, and when: only once the round is approved (403 before);
the province's administrator, evaluator and viewer everyone's; a district head only their own
(another's is a 404); an indicator owner, a district's staff and strangers none."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kpi.rounds.models import Round
from kpi.thai import to_thai
from tests.documents import report_builders
from tests.documents.report_builders import head, needs_poppler, page_count, pdf_text

pytestmark = [pytest.mark.django_db, needs_poppler]
approved = report_builders.approved  # the module's approved round (a fixture)

PROVINCE_WIDE = ("province", "evaluator", "viewer")


def client(world, username: str | None) -> Client:  # type: ignore[no-untyped-def]
    browser = Client()
    if username is not None:
        browser.force_login(world.user(username))
    return browser


def card_url(world, code: str) -> str:  # type: ignore[no-untyped-def]
    return reverse("scorecard", args=[world.round.pk, head(world, code).pk])


def all_url(world) -> str:  # type: ignore[no-untyped-def]
    return reverse("round_scorecards", args=[world.round.pk])


def unapprove(world) -> None:  # type: ignore[no-untyped-def]
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.CLOSED)


@pytest.mark.parametrize("username", PROVINCE_WIDE)
def test_the_province_gets_everyones_scorecard(approved, username: str) -> None:  # type: ignore[no-untyped-def]
    for code in ("3401", "3402"):
        response = client(approved, username).get(card_url(approved, code))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_a_district_head_gets_their_own_scorecard_only(approved) -> None:  # type: ignore[no-untyped-def]
    head_3401 = client(approved, "d3401")

    assert head_3401.get(card_url(approved, "3401")).status_code == 200
    assert head_3401.get(card_url(approved, "3402")).status_code == 404
    assert client(approved, "d3402").get(card_url(approved, "3401")).status_code == 404


@pytest.mark.parametrize("username", ["info", "s3401", "nobody"])
def test_owners_staff_and_strangers_get_no_scorecard(approved, username: str) -> None:  # type: ignore[no-untyped-def]
    assert client(approved, username).get(card_url(approved, "3401")).status_code == 404


def test_the_anonymous_are_sent_to_log_in(approved) -> None:  # type: ignore[no-untyped-def]
    assert client(approved, None).get(card_url(approved, "3401")).status_code == 302


@pytest.mark.parametrize("username", ["evaluator", "d3401"])
def test_before_approval_a_scorecard_is_refused(approved, username: str) -> None:  # type: ignore[no-untyped-def]
    unapprove(approved)

    assert client(approved, username).get(card_url(approved, "3401")).status_code == 403
    assert client(approved, username).get(all_url(approved)).status_code == 403


def test_before_approval_another_districts_card_is_still_a_404(approved) -> None:  # type: ignore[no-untyped-def]
    unapprove(approved)

    assert client(approved, "d3402").get(card_url(approved, "3401")).status_code == 404


def test_someone_not_appraised_has_no_scorecard(approved) -> None:  # type: ignore[no-untyped-def]
    staff = approved.person("s3401")

    url = reverse("scorecard", args=[approved.round.pk, staff.pk])
    assert client(approved, "province").get(url).status_code == 404


def test_the_round_s_scorecards_print_together(approved, tmp_path) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, "evaluator").get(all_url(approved))

    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    for code in ("3401", "3402"):
        assert to_thai(head(approved, code).first_name) in text
    assert page_count(response.content, tmp_path) >= 2


def test_a_district_head_s_batch_holds_only_their_own(approved, tmp_path) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, "d3401").get(all_url(approved))

    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert to_thai(head(approved, "3401").first_name) in text
    assert to_thai(head(approved, "3402").first_name) not in text


def test_an_indicator_owner_gets_no_batch(approved) -> None:  # type: ignore[no-untyped-def]
    assert client(approved, "info").get(all_url(approved)).status_code == 404
