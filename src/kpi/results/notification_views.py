"""The user's notifications (``access.visible_notifications``), and marking them read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kpi import access
from kpi.results.actions import mark_notifications_read

PAGE_SIZE = 30


@require_GET
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    rows = access.visible_notifications(request.user).order_by("-created_at", "-pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    unread = sum(1 for note in page.object_list if not note.read)
    return render(request, "results/notifications.html", {"page": page, "unread_on_page": unread})


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    """Mark the notifications named by ``id`` read, or all of them (``all``).

    Another person's ids are ignored by the action, so a tampered form changes nothing."""
    person = access.actor(request.user).person
    if person is not None:
        if request.POST.get("all"):
            mark_notifications_read(person)
        else:
            ids = [int(value) for value in request.POST.getlist("id") if value.isdigit()]
            if ids:
                mark_notifications_read(person, ids=ids)
    page = request.POST.get("page", "")
    url = "results:notifications"
    return redirect(f"{_reverse(url)}?page={page}" if page.isdigit() else _reverse(url))


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)
