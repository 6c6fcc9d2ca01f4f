"""What the page tests post: the revision form's fields from a version dict."""

from __future__ import annotations

from typing import Any

from kpi.notices.content import version_dict
from kpi.notices.forms import initial_for
from kpi.rounds.models import Indicator


def form_data(item: Indicator, **changes: Any) -> dict[str, Any]:
    """The revision form as the page fills it for *item*'s version in force, with *changes*
    (field name → value) applied, as a POST body."""
    version = item.version_in_force
    initial = initial_for(version_dict(version, "revised"), version.responsible_unit)
    data: dict[str, Any] = {}
    for name, value in {**initial, **changes}.items():
        if value is None or value is False:
            continue
        if name == "responsible_unit":
            data[name] = value.pk
        elif value is True:
            data[name] = "on"
        else:
            data[name] = str(value)
    return data
