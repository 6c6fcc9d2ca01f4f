"""Who is calling: a bearer token, or the browser's session (with CSRF on writes).

The token comes first: a client sending a token never needs a CSRF token, even when it also
carries a session cookie. Both answer with the Django user, set on ``request.user`` as well,
so that ``kpi.access`` and the audit trail see the same person whichever way they signed in.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from kpi.api.actions import user_for_secret


class TokenAuth(HttpBearer):
    """``Authorization: Bearer kpi_…`` with a token created in the admin or by ``create_token``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_secret(token.strip())
        if user is not None:
            request.user = user
        return user


class CsrfRejected(HttpError):
    def __init__(self) -> None:
        super().__init__(403, "CSRF check failed")


class SessionAuth(APIKeyCookie):
    """The signed-in browser's session. Writes need Django's CSRF token (the
    ``X-CSRFToken`` header), as the pages' forms do; reads do not.

    Unlike ninja's own ``SessionAuth``, the CSRF check comes after the session is known: a
    caller who is not signed in gets 401 (sign in), not 403 (CSRF).
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfRejected
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:  # pragma: no cover
        return request.user if request.user.is_authenticated else None


#: The API's authentication, in the order tried.
AUTH = [TokenAuth(), SessionAuth()]
