"""One calculation of the score calculator: what was typed, scored under each version shown.

The view parses the form and hands over the cleaned values; this module takes the value from
its parts, picks the district size and asks ``kpi.scores.calculator.evaluate`` (the engine)
for each version. Nothing here reads the request or renders.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kpi.rounds.models import Indicator, IndicatorVersion
from kpi.scores.calculator import (
    DistrictOption,
    SizeChoice,
    VersionOutcome,
    choose_size,
    evaluate,
    shown_versions,
)
from kpi.scoring import percentage


@dataclass
class Calculation:
    """What the calculator shows for the typed input; the attributes are the page's context."""

    outcomes: list[VersionOutcome]
    size: SizeChoice
    #: ``{"done", "planned", "value"}`` when the value was computed from its parts
    ratio: dict[str, Decimal] | None = None
    value_used: Decimal | None = None
    #: parts were typed as well as a value: the parts win, and the page says so
    parts_override_value: bool = False
    levels_differ: bool = False
    size_dependent: bool = False

    def context(self) -> dict[str, Any]:
        return {
            "outcomes": self.outcomes,
            "size": self.size,
            "ratio": self.ratio,
            "value_used": self.value_used,
            "parts_override_value": self.parts_override_value,
            "levels_differ": self.levels_differ,
            "size_dependent": self.size_dependent,
        }


def calculate(
    indicator: Indicator,
    *,
    value: Decimal | None,
    done: Decimal | None,
    planned: Decimal | None,
    chosen_size: str | None,
    district: DistrictOption | None,
    steps: list[int],
    typed_invalid: bool = False,
) -> Calculation:
    """Score what was typed under every version of *indicator* shown (``shown_versions``).

    Args:
        value: the measured value typed, or None.
        done, planned: a ratio's parts, both valid or None: they win over *value*.
        chosen_size: a size picked on the form ("what if"), or None.
        district: the district chosen, whose own size applies otherwise.
        steps: the milestone steps ticked.
        typed_invalid: the form refused a typed number; outcomes waiting for one say to fix it.
    """
    ratio = None
    if done is not None and planned is not None:
        computed = percentage(done, planned)
        ratio = {"done": done, "planned": planned, "value": computed}
    used = ratio["value"] if ratio else value
    size = choose_size(chosen_size, district)
    steps = sorted(set(steps))
    versions = shown_versions(indicator)
    methods = {version.method for version in versions}
    # An input no version takes (a deep link with a value for an indicator scored by steps)
    # goes to the engine all the same, which refuses it in words instead of ignoring it.
    stray_value = used is not None and IndicatorVersion.Method.THRESHOLD not in methods
    stray_steps = bool(steps) and IndicatorVersion.Method.MILESTONE not in methods
    outcomes = [
        evaluate(
            version,
            size,
            value=used,
            steps=steps,
            stray_value=stray_value,
            stray_steps=stray_steps,
        )
        for version in versions
    ]
    if typed_invalid:
        for outcome in outcomes:
            if outcome.waiting:
                outcome.waiting = _("แก้ไขค่าที่กรอกให้ถูกต้อง แล้วระบบจะแสดงระดับคะแนน")
    levels = {o.result.level for o in outcomes if o.result is not None}
    return Calculation(
        outcomes=outcomes,
        size=size,
        ratio=ratio,
        value_used=used,
        parts_override_value=ratio is not None and value is not None,
        levels_differ=len(outcomes) > 1 and len(levels) > 1,
        size_dependent=any(o.size_dependent for o in outcomes),
    )
