"""Downloading a district's agreement form: whoever sees that district's agreements gets it,
as PDF or DOCX; another district's head and strangers get a 404, the anonymous the login."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse

from tests.documents import report_builders
from tests.documents.report_builders import needs_poppler

pytestmark = pytest.mark.django_db
approved = report_builders.approved  # the module's approved round (a fixture)

SEE_3401 = ("province", "evaluator", "viewer", "info", "d3401", "s3401")
NOT_3401 = ("d3402", "nobody")


def client(world, username: str | None) -> Client:  # type: ignore[no-untyped-def]
    browser = Client()
    if username is not None:
        browser.force_login(world.user(username))
    return browser


def url(world, fmt: str, district=None) -> str:  # type: ignore[no-untyped-def]
    district = district or world.d3401
    return reverse(f"agreement_form_{fmt}", args=[world.round.pk, district.pk])


@pytest.mark.parametrize("username", SEE_3401)
def test_those_who_see_the_district_get_its_form_as_docx(approved, username: str) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, username).get(url(approved, "docx"))

    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response.content[:2] == b"PK"
    disposition = unquote(response["Content-Disposition"])
    assert disposition.startswith("attachment") and "คำรับรอง-3401-2567-2.docx" in disposition


@needs_poppler
def test_the_form_comes_as_pdf_too(approved) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, "d3401").get(url(approved, "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert unquote(response["Content-Disposition"]).startswith("inline")


@pytest.mark.parametrize("username", NOT_3401)
def test_another_district_or_a_stranger_gets_a_404(approved, username: str) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("pdf", "docx"):
        assert client(approved, username).get(url(approved, fmt)).status_code == 404


def test_the_anonymous_are_sent_to_log_in(approved) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, None).get(url(approved, "docx"))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_a_district_head_gets_their_own_district(approved) -> None:  # type: ignore[no-untyped-def]
    response = client(approved, "d3402").get(url(approved, "docx", approved.d3402))

    assert response.status_code == 200


def test_a_district_without_agreements_in_the_round_is_a_404(approved) -> None:  # type: ignore[no-untyped-def]
    from kpi.org.models import District

    empty = District.objects.create(province=approved.province, dopa_code="3499", name="ว่าง")

    assert client(approved, "province").get(url(approved, "docx", empty)).status_code == 404
