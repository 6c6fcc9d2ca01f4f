"""The API's one exception handler: every refusal is ``{code, message, where}`` JSON.

::

    status  code                   raised by
    400     the error's own code   kpi.scoring / kpi.circulars / importer / workflow errors
                                   (``status`` attribute when they carry one, e.g. 409)
    400     ApiError.code          this app's own refusals (below)
    401     not_authenticated      no session, and no token or a wrong or revoked one
    403     csrf_failed            a session write without Django's CSRF token
    403     forbidden              ``PermissionDenied`` from ``kpi.access``: seen, not changeable
    404     not_found              ``Http404`` from ``kpi.access``: not there, or not for you
    422     invalid_request        the request does not match the schema (``where`` names the
                                   field: ``body.value``, ``query.fiscal_year``)

``message`` is in the request's language (``LocaleMiddleware``: Thai unless the client asks
for English); ``code`` and ``where`` never change with it. Any other exception is a bug and is
re-raised for Django to log and answer 500.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from kpi.api.auth import CsrfRejected


def gettext_noop(message: str) -> str:  # marks Thai msgids for makemessages
    return message


class ApiError(Exception):
    """A refusal of this app's own (a measure that does not fit the indicator, …).

    Templates are Thai msgids, as the pages' messages are; the English catalogue translates
    them.
    """

    code = "api"
    status = 400
    template = gettext_noop("คำขอนี้ดำเนินการไม่ได้")

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template % self.params

    def translated(self, gettext: Any) -> str:
        return gettext(self.template) % self.params


class MeasureMismatch(ApiError):
    """Steps for a threshold indicator, or a value for a milestone one."""

    code = "measure_mismatch"
    template = gettext_noop("ตัวชี้วัดนี้วัดผลแบบ%(method)s จึงต้องส่ง %(expected)s")


#: HTTP status → (code, Thai msgid), for ninja's own refusals (an unreadable body, …)
HTTP_ERRORS = {
    400: ("bad_request", gettext_noop("อ่านคำขอไม่ได้")),
    401: ("not_authenticated", gettext_noop("กรุณาเข้าสู่ระบบ")),
    403: ("forbidden", gettext_noop("คุณไม่มีสิทธิ์ทำรายการนี้")),
    404: ("not_found", gettext_noop("ไม่พบข้อมูลที่ขอ หรือคุณไม่มีสิทธิ์เห็นข้อมูลนี้")),
    405: ("method_not_allowed", gettext_noop("ใช้วิธีเรียก (HTTP method) นี้กับที่อยู่นี้ไม่ได้")),
    429: ("throttled", gettext_noop("เรียกใช้บ่อยเกินไป กรุณารอสักครู่")),
}


def _translated(error: Any) -> str:
    """The error's message in the active language.

    Errors of the workflow and importer carry their Thai text themselves (``message_th``);
    the others rely on the Thai catalogue, which has every template of the pure packages.
    """
    text = error.translated(_)
    thai = getattr(error, "message_th", None)
    if thai and (get_language() or "th").startswith("th") and text == error.message:
        return thai
    return text


def _is_domain_error(exc: Exception) -> bool:
    """Errors shaped as COMMON.md asks: a stable ``code``, ``where`` and ``translated()``."""
    return isinstance(getattr(exc, "code", None), str) and callable(
        getattr(exc, "translated", None)
    )


def _validation(exc: ValidationError) -> tuple[str | None, str]:
    first: Mapping[str, Any] = exc.errors[0] if exc.errors else {}
    loc = list(first.get("loc", ()))
    if len(loc) > 2 and loc[0] == "body":
        # ninja puts the view's parameter name second ("body", "body", "value"): callers
        # know the field by the JSON they sent.
        del loc[1]
    where = ".".join(str(part) for part in loc) or None
    problem = str(first.get("msg", ""))
    message = _("ข้อมูลที่ส่งมาไม่ถูกต้อง (%(where)s): %(problem)s") % {
        "where": where or "-",
        "problem": problem,
    }
    return where, message


def describe(exc: Exception) -> tuple[int, str, str, str | None]:
    """``(status, code, message, where)`` for *exc*; re-raises what is not a refusal."""
    if isinstance(exc, ValidationError):
        where, message = _validation(exc)
        return 422, "invalid_request", message, where
    if isinstance(exc, AuthenticationError):
        message = _("กรุณาเข้าสู่ระบบ หรือส่งโทเค็น API ที่ยังใช้ได้ (Authorization: Bearer …)")
        return 401, "not_authenticated", message, None
    if isinstance(exc, CsrfRejected):
        message = _("คำขอที่ใช้การเข้าสู่ระบบผ่านเบราว์เซอร์ต้องส่ง CSRF token (X-CSRFToken)")
        return 403, "csrf_failed", message, None
    if isinstance(exc, Http404):
        return 404, "not_found", _("ไม่พบข้อมูลที่ขอ หรือคุณไม่มีสิทธิ์เห็นข้อมูลนี้"), None
    if isinstance(exc, PermissionDenied):
        return 403, "forbidden", _("คุณไม่มีสิทธิ์ทำรายการนี้"), None
    if isinstance(exc, HttpError):
        known = HTTP_ERRORS.get(exc.status_code)
        if known is None:
            return exc.status_code, "http_error", str(exc), None
        return exc.status_code, known[0], f"{_(known[1])} ({exc})", None
    if _is_domain_error(exc):
        status = getattr(exc, "status", 400)
        return status, exc.code, _translated(exc), getattr(exc, "where", None)  # type: ignore[attr-defined]
    raise exc


def install(api: NinjaAPI) -> None:
    """Make :func:`describe` answer every exception *api* sees (ninja's defaults answer
    ``{"detail": …}``)."""

    def handle(request: HttpRequest, exc: Any) -> HttpResponse:
        status, code, message, where = describe(exc)
        return api.create_response(
            request, {"code": code, "message": message, "where": where}, status=status
        )

    api.add_exception_handler(Exception, handle)
    # ninja registers these four by their own classes; the handler above must win for them.
    for exc_class in (Http404, HttpError, ValidationError, PermissionDenied):
        api.add_exception_handler(exc_class, handle)
