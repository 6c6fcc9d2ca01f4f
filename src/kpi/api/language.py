"""The language of the API's answers: the caller's ``Accept-Language``, Thai by default.

The pages are Thai first and ignore the browser's language (``kpi.accounts.middleware``):
English there is a choice made with the language switch. A program calling the API has no
switch; it says which language it wants the standard way. The language cookie, when a
browser sends one, still wins, as Django's ``get_language_from_request`` has it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers


def in_callers_language(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Run an operation (authentication, validation, view, error handler) in the caller's
    language and say so in ``Content-Language``."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = translation.get_language_from_request(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper
