"""The API: ``/api/docs`` (Swagger UI, served by the app) and ``/api/openapi.json``.

Every operation needs a signed-in user: a bearer token (``kpi.api.auth.TokenAuth``) or the
browser's session. What each user sees and may change is ``kpi.access``'s decision, as on
the pages.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from kpi.api import (
    agreements,
    districts,
    errors,
    indicators,
    results,
    rounds,
    scores,
    standings,
)
from kpi.api.auth import AUTH
from kpi.api.language import in_callers_language


class Renderer(JSONRenderer):
    # Thai as text, not \u escapes: readable in logs and by people trying the API.
    json_dumps_params: Mapping[str, Any] = MappingProxyType({"ensure_ascii": False})


DESCRIPTION = """ระบบตัวชี้วัด สำนักงานพัฒนาชุมชนจังหวัด: รอบการประเมิน ตัวชี้วัดพร้อมเกณฑ์ \
อำเภอ การคำนวณระดับคะแนน คำรับรอง และผลการดำเนินงาน

Authentication: `Authorization: Bearer <token>` (an API token from the admin), or the
signed-in browser session; session writes need Django's CSRF token in `X-CSRFToken`.

Errors: `{"code": …, "message": …, "where": …}`; `message` follows `Accept-Language`
(Thai by default). Unseen objects are 404, forbidden writes 403, no sign-in 401.

Numbers of the domain (weights, bounds, levels) are decimal strings."""

api = NinjaAPI(
    title="KPI CDD API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=AUTH,
    renderer=Renderer(),
)
errors.install(api)
api.add_decorator(in_callers_language, mode="view")
api.add_router("/rounds", rounds.router)
api.add_router("/rounds", standings.router)  # /rounds/{id}/scores
api.add_router("/indicators", indicators.router)
api.add_router("/districts", districts.router)
api.add_router("/score", scores.router)
api.add_router("/agreements", agreements.router)
api.add_router("/results", results.router)
api.add_router("/evidence", results.evidence_router)
