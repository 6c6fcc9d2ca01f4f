"""Who may open the results pages: anonymous → the login page; another district (or an owner
of another indicator) → 404, typed ids included; read-only people → 403 on every POST."""

import pytest
from django.urls import reverse

from kpi.results.actions import add_evidence_link, save_result, submit_result
from kpi.results.models import Result
from tests.agreements.builders import World
from tests.results.view_helpers import client_for, result_8

pytestmark = pytest.mark.django_db

PAGES = ("detail", "history", "level")
POSTS = ("save", "submit", "return", "verify", "approve", "reopen", "upload", "add_link")


def urls(result: Result, names: tuple[str, ...]) -> list[str]:
    return [reverse(f"results:{name}", args=[result.pk]) for name in names]


@pytest.mark.parametrize(
    "url",
    [
        lambda r: reverse("results:list"),
        lambda r: reverse("results:waiting"),
        lambda r: reverse("results:notifications"),
        *[(lambda name: lambda r: reverse(f"results:{name}", args=[r.pk]))(n) for n in PAGES],
    ],
)
def test_anonymous_people_are_sent_to_the_login_page(opened: World, url) -> None:
    response = client_for(opened, None).get(url(result_8(opened, opened.d3402)))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_anonymous_posts_change_nothing_and_go_to_the_login_page(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    for url in [*urls(result, POSTS), reverse("results:mark_read")]:
        response = client_for(opened, None).post(url, {"expected_version": 1, "value": "90"})
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))
    assert Result.objects.get(pk=result.pk).version == 1


def test_another_districts_head_gets_404_for_every_page_and_post(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    client = client_for(opened, "d3401")

    for url in urls(result, PAGES):
        assert client.get(url).status_code == 404, url
    for url in urls(result, POSTS):
        assert client.post(url, {"expected_version": 1, "value": "90"}).status_code == 404, url
    assert Result.objects.get(pk=result.pk).version == 1


def test_an_owner_of_another_indicator_does_not_see_the_result(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    assert client_for(opened, "coord").get(urls(result, ("detail",))[0]).status_code == 404


def test_evidence_of_another_district_is_404_to_download_and_to_remove(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    link = add_evidence_link(result, "https://example.org/news/1", by=None)
    client = client_for(opened, "d3401")

    assert client.get(reverse("results:evidence", args=[link.pk])).status_code == 404
    assert client.post(reverse("results:remove_evidence", args=[link.pk])).status_code == 404
    assert result.evidence.count() == 1


@pytest.mark.parametrize("username", ["viewer", "evaluator", "province"])
def test_people_who_only_read_a_draft_get_403_on_its_posts(opened: World, username) -> None:
    result = result_8(opened, opened.d3402)
    client = client_for(opened, username)
    link = add_evidence_link(result, "https://example.org/news/1", by=None)
    version = Result.objects.get(pk=result.pk).version

    assert client.get(urls(result, ("detail",))[0]).status_code == 200
    for url in [*urls(result, POSTS), reverse("results:remove_evidence", args=[link.pk])]:
        response = client.post(url, {"expected_version": version, "value": "90", "comment": "x"})
        assert response.status_code == 403, url
    assert Result.objects.get(pk=result.pk).version == version
    assert result.evidence.count() == 1


def test_the_district_cannot_verify_or_approve_its_own_result(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    client = client_for(opened, "d3402")

    for name in ("verify", "return", "approve", "save"):
        response = client.post(
            reverse(f"results:{name}", args=[result.pk]), {"expected_version": 3}
        )
        assert response.status_code == 403, name
    assert Result.objects.get(pk=result.pk).state == "submitted"


def test_a_page_read_before_the_result_was_sent_gets_409_with_the_current_state(
    opened: World,
) -> None:
    """Two tabs: one submits; the other still shows the form and saves. Not a 403: the page
    says the result changed and shows it as it is now."""
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=opened.user("d3402"))

    response = client_for(opened, "d3402").post(
        reverse("results:save", args=[result.pk]), {"expected_version": 2, "value": "90"}
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "มีผู้บันทึกผลนี้ก่อนคุณ" in page
    assert "ส่งแล้ว" in page
    assert Result.objects.get(pk=result.pk).value == 75


def test_the_download_view_answers_only_get(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    link = add_evidence_link(result, "https://example.org/news/1", by=None)

    response = client_for(opened, "d3402").post(reverse("results:evidence", args=[link.pk]))

    assert response.status_code == 405
