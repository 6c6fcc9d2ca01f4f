"""What the production entry points (``kpi.wsgi``, ``kpi.asgi``) check before they serve.

``manage.py``, the tests, ``make run`` (``DEBUG=1``) and the ``kpi`` command may run with the
public development key (``settings.DEVELOPMENT_SECRET_KEY``); a server that signs sessions and
password-reset links with it may not, unless someone asked for that by name.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

REFUSAL = (
    "SECRET_KEY is not set, so the app would sign sessions and password-reset links with the"
    " public development key. Set SECRET_KEY (e.g. python -c 'import secrets;"
    " print(secrets.token_urlsafe(50))'), or set DEBUG=1 or KPI_ALLOW_DEV_KEY=1 explicitly on a"
    " development machine."
)


def check_secret_key(settings: Any) -> None:
    """Refuse to serve with the development key unless DEBUG is on or ``KPI_ALLOW_DEV_KEY=1``.

    Raises:
        ImproperlyConfigured: ``SECRET_KEY`` is the development key, DEBUG is off and
            ``KPI_ALLOW_DEV_KEY`` was not set to a true value.
    """
    if settings.SECRET_KEY != settings.DEVELOPMENT_SECRET_KEY:
        return
    if settings.DEBUG or settings.KPI_ALLOW_DEV_KEY:
        return
    raise ImproperlyConfigured(REFUSAL)
