"""Score a value against an indicator of a parsed circular (``kpi score``).

Takes the ``kpi-circular/1`` document as the parser prints it (numbers loaded as ``Decimal``)
and returns plain JSON-ready data, so the CLI stays argument handling only.
"""

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from kpi.scoring.criteria import Milestone, criteria_from_version
from kpi.scoring.errors import (
    WORDS,
    InvalidValue,
    MeasureMismatch,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
    ValueMissing,
    gettext_noop,
    in_words,
)
from kpi.scoring.levels import LevelResult, percentage, score
from kpi.scoring.totals import weighted_score

__all__ = [
    "IndicatorMeasureMismatch",
    "IndicatorNotFound",
    "VersionNotFound",
    "pick_version",
    "score_indicator",
]


class IndicatorNotFound(ScoringError):
    """The document has no indicator of that kind and number.

    ``params["known"]`` lists the document's indicators as ``kind/number``, comma-separated.
    """

    code = "indicator_not_found"
    template = gettext_noop("The document has no %(kind)s indicator %(number)s (it has: %(known)s)")
    template_th = "เอกสารนี้ไม่มีตัวชี้วัด%(kind)sที่ %(number)s (ที่มีอยู่: %(known)s)"

    def _values(self, translate: Callable[[str], str]) -> dict[str, object]:
        values = super()._values(translate)
        # English keeps the option's team/5; Thai names the kind in words (รายทีมที่ 5).
        listed = translate(WORDS["indicator"][0])
        keys = []
        for entry in str(self.params.get("known", "")).split(", "):
            kind, _, number = entry.partition("/")
            words = {"kind": in_words(kind, translate), "number": number}
            keys.append(listed % words if number else entry)
        values["known"] = ", ".join(keys)
        return values


class VersionNotFound(ScoringError):
    """The indicator has no version with that status (``known``: the statuses it has)."""

    code = "version_not_found"
    template = gettext_noop("Indicator %(number)s has no %(status)s version (it has: %(known)s)")
    template_th = "ตัวชี้วัดที่ %(number)s ไม่มีฉบับ%(status)s (ที่มีอยู่: ฉบับ%(known)s)"


class IndicatorMeasureMismatch(MeasureMismatch):
    """:class:`MeasureMismatch` for ``kpi score``: names the indicator and the option to use.

    ``params``: ``kind``, ``number``, ``expected``, ``given`` and ``option`` (an example of the
    options that give the expected input, e.g. ``--steps 1,2,3``).
    """

    template = gettext_noop(
        "Indicator %(kind)s/%(number)s is scored by %(expected)s (%(option)s), not by %(given)s"
    )
    template_th = "ตัวชี้วัด%(kind)sที่ %(number)s ให้คะแนนตาม%(expected)s (%(option)s) ไม่ใช่%(given)s"


#: what ``kpi score`` takes for each input a rule may need
_OPTIONS = {"steps": "--steps 1,2,3", "value": "--value 75 | --done 40 --planned 50"}


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
        IndicatorNotFound, VersionNotFound, SizeRequired, SizeNotCovered, InvalidValue (or a
        subclass: IndicatorMeasureMismatch when the input does not fit the method).
        ``where`` names the ``kpi score`` option at fault.
    """
    indicator = _find(document, kind, number)
    version = pick_version(indicator, status)
    try:
        rule = criteria_from_version(version).select(size)
    except (SizeRequired, SizeNotCovered) as error:
        error.where = "--size"
        raise
    parts = done is not None or planned is not None
    given = "--steps" if steps is not None else "--done" if parts else "--value"
    try:
        if parts and isinstance(rule, Milestone):
            raise MeasureMismatch(given, expected="steps", given="value")
        if parts:
            value = _ratio(done, planned)
        result = score(rule, value=value, steps=None if steps is None else list(steps))
    except MeasureMismatch as error:
        expected = str(error.params["expected"])
        raise IndicatorMeasureMismatch(
            given, kind=kind, number=number, option=_OPTIONS[expected], **error.params
        ) from None
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


def _ratio(done: Decimal | None, planned: Decimal | None) -> Decimal:
    """``done × 100 / planned``, refused with the option at fault."""
    if planned is None:
        raise ValueMissing("--planned")
    try:
        return percentage(done, planned)
    except InvalidValue as error:
        error.where = "--planned" if error.where == "whole" else "--done"
        raise


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
