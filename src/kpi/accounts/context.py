"""What the header of every page needs (``nav`` in ``base.html``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kpi import access
from kpi.org.models import Province


@dataclass(frozen=True)
class Nav:
    can_import: bool
    person_name: str
    demo: bool


def _nav(request: HttpRequest) -> Nav:
    who = access.actor(request.user)
    return Nav(
        can_import=access.can_import(request.user),
        person_name=who.person.full_name if who.person else "",
        demo=Province.objects.demo().exists(),
    )


def nav(request: HttpRequest) -> dict[str, object]:
    # Lazy: an htmx fragment that never renders the header costs no query.
    return {"nav": SimpleLazyObject(lambda: _nav(request))}
