"""The demo's data files (``kpi/demo/data``): ``ubon.json`` and the circulars it lists."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

DATA = resources.files("kpi.demo.data")


def demo_data() -> dict[str, Any]:
    """``ubon.json``: the province, its districts, units, people, accounts and circulars."""
    return json.loads(DATA.joinpath("ubon.json").read_text(encoding="utf-8"))
