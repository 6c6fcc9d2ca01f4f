"""Score a value against an indicator of a parsed circular (``kpi score``).

Takes the ``kpi-circular/1`` document as the parser prints it (numbers loaded as ``Decimal``)
and returns plain JSON-ready data, so the CLI stays argument handling only.
"""

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from kpi.scoring.criteria import criteria_from_version
from kpi.scoring.errors import ScoringError, gettext_noop
from kpi.scoring.levels import LevelResult, percentage, score
from kpi.scoring.totals import weighted_score

__all__ = ["IndicatorNotFound", "VersionNotFound", "pick_version", "score_indicator"]


class IndicatorNotFound(ScoringError):
    """The document has no indicator of that kind and number."""

    code = "indicator_not_found"
    template = gettext_noop("The document has no %(kind)s indicator %(number)s (it has: %(known)s)")


class VersionNotFound(ScoringError):
    """The indicator has no version with that status."""

    code = "version_not_found"
    template = gettext_noop("Indicator %(number)s has no %(status)s version (it has: %(known)s)")


def pick_version(indicator: Mapping[str, Any], status: str | None) -> Mapping[str, Any]:
    """The version with *status*, or the one in force: the last in document order.

    A revision notice lists ``original`` then ``revised``, and the revised criteria replace the
    originals for the whole round (DOMAIN.md, Revisions); a first circular has one ``current``.
    """
    versions = indicator["versions"]
    if status is None:
        return versions[-1]
    for version in versions:
        if version["status"] == status:
            return version
    known = ", ".join(v["status"] for v in versions)
    raise VersionNotFound("--status", number=indicator["number"], status=status, known=known)


def score_indicator(
    document: Mapping[str, Any],
    *,
    kind: str,
    number: int,
    status: str | None = None,
    size: str | None = None,
    value: Decimal | None = None,
    steps: Iterable[int] | None = None,
    done: Decimal | None = None,
    planned: Decimal | None = None,
    gettext: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """Score one indicator of *document* and explain the result.

    Args:
        document: a ``kpi-circular/1`` object.
        kind, number: which indicator (``"individual"``, 8).
        status: ``original``, ``revised`` or ``current``; None for the version in force.
        size: the district size; required when the criteria differ by size.
        value / steps / done + planned: the measured value, the milestone steps done, or the
            parts of a ratio (the value is ``done × 100 / planned``).
        gettext: translates the step explanations into a second language (``explanations_th``).

    Raises:
        IndicatorNotFound, VersionNotFound, SizeRequired, SizeNotCovered, InvalidValue.
    """
    indicator = _find(document, kind, number)
    version = pick_version(indicator, status)
    rule = criteria_from_version(version).select(size)
    if done is not None or planned is not None:
        value = percentage(done, planned)
    result = score(rule, value=value, steps=None if steps is None else list(steps))
    weight = version["weight"]
    output: dict[str, Any] = {
        "indicator": {"kind": kind, "number": number, "name": indicator["name"]},
        "status": version["status"],
        "method": version["method"],
        "size": size,
        "value": value,
        "steps": None if steps is None else sorted(set(steps)),
        "level": result.level,
        "band": _band(result),
        "next": _next(result),
        "flagged_steps": list(result.flagged_steps),
        "explanations": [flag.message for flag in result.flags],
        "weight": weight,
        "weighted_score": weighted_score(result.level, weight),
    }
    if gettext is not None:
        output["explanations_th"] = [flag.translated(gettext) for flag in result.flags]
    return output


def _find(document: Mapping[str, Any], kind: str, number: int) -> Mapping[str, Any]:
    for indicator in document["indicators"]:
        if indicator["kind"] == kind and indicator["number"] == number:
            return indicator
    known = ", ".join(f"{i['kind']}/{i['number']}" for i in document["indicators"]) or "-"
    raise IndicatorNotFound("--indicator", kind=kind, number=number, known=known)


def _band(result: LevelResult) -> dict[str, Any] | None:
    band = result.band
    if band is None:
        return None
    data: dict[str, Any] = {
        "level": band.level,
        "text": band.text,
        "min": band.min,
        "max": band.max,
    }
    if band.min_exclusive:
        data["min_exclusive"] = True
    if band.max_exclusive:
        data["max_exclusive"] = True
    return data


def _next(result: LevelResult) -> dict[str, Any] | None:
    upcoming = result.next
    if upcoming is None:
        return None
    if upcoming.step is not None:
        return {"level": upcoming.level, "step": upcoming.step, "text": upcoming.text}
    return {
        "level": upcoming.level,
        "value": upcoming.value,
        "exclusive": upcoming.exclusive,
        "direction": upcoming.direction,
        "text": upcoming.text,
    }
