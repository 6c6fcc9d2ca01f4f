"""The in-app notification list: one's own only, rendered in the active language, marked read."""

import pytest
from django.utils import translation

from kpi import access
from kpi.results.actions import mark_notifications_read
from kpi.results.models import Notification
from kpi.results.notifications import notify
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(world: World) -> World:
    for username in ("d3401", "d3402"):
        notify(
            [world.person(username)],
            Notification.Kind.REMIND_VERIFY,
            {"count": 2, "indicators": "รายบุคคลที่ 8"},
            round=world.round,
            email=False,
        )
    return world


def test_each_person_sees_only_their_notifications(notes: World) -> None:
    mine = access.visible_notifications(notes.user("d3401"))

    assert [n.person for n in mine] == [notes.person("d3401")]
    assert not access.visible_notifications(notes.user("nobody")).exists()


def test_the_text_is_the_thai_template_filled(notes: World) -> None:
    note = access.visible_notifications(notes.user("d3401")).get()

    with translation.override("th"):
        assert note.text == "มีผลการดำเนินงาน 2 รายการรอการตรวจสอบ: รายบุคคลที่ 8"
    assert str(note) == note.text


def test_marking_read_ignores_other_peoples_ids(notes: World) -> None:
    others = Notification.objects.get(person=notes.person("d3402"))

    changed = mark_notifications_read(notes.person("d3401"), ids=[others.pk])
    assert changed == 0 and not Notification.objects.get(pk=others.pk).read
    assert mark_notifications_read(notes.person("d3401")) == 1
    assert not Notification.objects.for_person(notes.person("d3401")).unread().exists()


def test_a_person_is_told_once_even_if_named_twice(world: World) -> None:
    head = world.person("d3401")

    rows = notify([head, head], Notification.Kind.REMIND_VERIFY, {"count": 1, "indicators": ""})

    assert len(rows) == 1
