"""What the header needs of the notifications: ``unread_notifications``, the count of the
user's unread ones (for the badge beside the notifications link)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kpi.results.models import Notification


def _unread(request: HttpRequest) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    # One query, through the person's account: no need to load the person first.
    return Notification.objects.filter(person__user=user, read_at__isnull=True).count()


def notifications(request: HttpRequest) -> dict[str, object]:
    # Lazy: a page (or htmx fragment) that does not show the count costs no query.
    return {"unread_notifications": SimpleLazyObject(lambda: _unread(request))}
