"""Building revisions the way the form does, from the demo round's indicators."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kpi.notices.content import version_dict
from kpi.notices.criteria import LevelInput
from kpi.rounds.models import Indicator, Round
from tests.base import World, user


def admin():
    """The provincial administrator of Ubon (the only one who revises and issues)."""
    return user("province")


def demo_round(world: World) -> Round:
    return Round.objects.select_related("province").get(pk=world.round)


def indicator(world: World, kind: str = "individual", number: int = 8) -> Indicator:
    return Indicator.objects.select_related("round__province").get(
        round_id=world.round, kind=kind, number=number
    )


def values_of(item: Indicator, **changes: Any) -> dict[str, Any]:
    """``revise_in_draft``'s keyword arguments repeating *item*'s version in force, with
    *changes* (``level_texts={(size, level): text}`` rewrites level texts)."""
    version = item.version_in_force
    data = version_dict(version, "revised")
    texts = changes.pop("level_texts", {})
    criteria = {
        criterion["district_size"]: [
            LevelInput(
                level=level["level"],
                text=texts.get((criterion["district_size"], level["level"]), level["text"]),
            )
            for level in criterion["levels"]
        ]
        for criterion in data["criteria"]
    }
    values = {
        "weight": Decimal(str(data["weight"])),
        "unit": version.responsible_unit,
        "contacts": list(data["responsible_persons"]),
        "method": data["method"],
        "measure_unit": None,
        "direction": None,
        "criteria": criteria,
    }
    values.update(changes)
    return values
