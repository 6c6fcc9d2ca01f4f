"""The notifications list, marking read, and the header's unread count in one query."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpi.results.actions import return_result, save_result, submit_result
from kpi.results.context import notifications
from kpi.results.models import Notification
from tests.agreements.builders import World
from tests.results.view_helpers import client_for, result_8

pytestmark = pytest.mark.django_db


@pytest.fixture
def told(opened: World) -> World:
    """3402's head was told their indicator 8 was returned; 3401's head was told nothing."""
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    return_result(result, by=opened.user("info"), comment="แนบลิงก์ข่าว")
    return opened


def test_the_list_shows_ones_own_notifications_with_a_link_to_the_result(told: World) -> None:
    page = client_for(told, "d3402").get(reverse("results:notifications")).content.decode()

    assert "แนบลิงก์ข่าว" in page
    assert reverse("results:detail", args=[result_8(told, told.d3402).pk]) in page
    assert "ใหม่" in page
    assert (
        "แนบลิงก์ข่าว"
        not in client_for(told, "d3401").get(reverse("results:notifications")).content.decode()
    )


def test_marking_one_read(told: World) -> None:
    note = Notification.objects.get(person=told.person("d3402"))

    response = client_for(told, "d3402").post(reverse("results:mark_read"), {"id": note.pk})

    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read


def test_marking_all_read(told: World) -> None:
    client_for(told, "d3402").post(reverse("results:mark_read"), {"all": "1"})

    assert not Notification.objects.filter(person=told.person("d3402"), read_at=None).exists()


def test_another_persons_notification_is_left_alone(told: World) -> None:
    note = Notification.objects.get(person=told.person("d3402"))

    client_for(told, "d3401").post(reverse("results:mark_read"), {"id": note.pk})
    client_for(told, "d3401").post(reverse("results:mark_read"), {"all": "1"})

    note.refresh_from_db()
    assert not note.read


def test_a_tampered_id_marks_nothing(told: World) -> None:
    client_for(told, "d3402").post(reverse("results:mark_read"), {"id": "x"})

    assert Notification.objects.filter(person=told.person("d3402"), read_at=None).count() == 1


def unread_for(world: World, username: str | None) -> tuple[int, int]:
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = world.user(username) if username else AnonymousUser()
    with CaptureQueriesContext(connection) as captured:
        count = int(str(notifications(request)["unread_notifications"]))
    return count, len(captured)


def test_the_header_count_is_one_query(told: World) -> None:
    assert unread_for(told, "d3402") == (1, 1)
    assert unread_for(told, "d3401") == (0, 1)
    assert unread_for(told, None) == (0, 0)


def test_the_count_drops_once_read(told: World) -> None:
    client_for(told, "d3402").post(reverse("results:mark_read"), {"all": "1"})

    assert unread_for(told, "d3402")[0] == 0
