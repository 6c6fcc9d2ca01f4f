"""The in-app notification list: marking messages read."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from kpi.org.models import Person
from kpi.results.models import Notification


@transaction.atomic
def mark_notifications_read(person: Person, *, ids: Iterable[int] | None = None) -> int:
    """Mark *person*'s unread notifications read (only those in *ids* when given); returns
    how many. Another person's ids are ignored, so a tampered form changes nothing."""
    unread = Notification.objects.for_person(person).unread()
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
