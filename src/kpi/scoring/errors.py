"""Every error the scoring engine raises, in one tree.

```
ScoringError                      anything the engine refuses (``code = "scoring"``)
├── SizeRequired                  a size-dependent indicator, but the district has no size
├── SizeNotCovered                the district's size has no criteria in this indicator
├── InvalidCriteria               criteria data that cannot be interpreted
│   ├── UnknownMethod             method is not "milestone" or "threshold"
│   ├── UnknownDirection          a threshold's direction is not "higher" or "lower"
│   ├── DuplicateSize             two sets of criteria for one district size
│   ├── LevelsIncomplete          levels are not exactly 1, 2, 3, 4 and 5
│   ├── InvalidBound              a bound that is not a finite number
│   ├── BoundsReversed            a band whose lower bound is above its upper bound
│   └── BandsOutOfOrder           a level no harder to reach than the level below it
├── InvalidValue                  a measured value that is not a finite number of 0 or more
│   ├── ValueMissing              no value (threshold) or no competency given
│   ├── MeasureMismatch           steps for a threshold indicator, or a value for a milestone one
│   ├── PlannedZero               a ratio whose planned count (the whole) is 0
│   ├── InvalidStep               a milestone step outside 1..5
│   ├── InvalidLevel              a level outside 0..5
│   ├── InvalidScore              a score outside 0..100
│   └── InvalidWeight             a weight that is not above 0
├── InvalidSettings               a configurable rule that cannot be applied
│   ├── InvalidShares             achievement/competency shares not adding up to 100
│   └── InvalidRatingBands        rating bands that leave some totals without a rating
└── WeightsNotHundred             one agreement's weights do not add up to 100
```

Each error has a stable ``code``, a ``where`` (``"large, level 3"``, a field name, or None) and
an English ``template`` with ``%(name)s`` placeholders. ``message`` is the English text;
``translated(gettext)`` is the text in the caller's language (the Thai catalogue has the
templates). The engine never picks a language itself.

Parameters stay language-neutral codes (``size="medium"``, ``sizes="large, small"``); the ones
named in ``WORD_PARAMS`` are put into words when a message is filled, English words through the
caller's ``gettext``, so a Thai message never reads ``อำเภอขนาดmedium``. Errors whose Thai the
catalogue cannot give right by itself (new templates, and those whose parameters are such codes)
also carry ``template_th``: ``message_th`` is then their Thai from this module alone, for callers
without the compiled catalogue (the CLI), or while it lacks the template; None otherwise.
"""

from collections.abc import Callable
from typing import ClassVar

__all__ = [
    "WORDS",
    "WORD_PARAMS",
    "BandsOutOfOrder",
    "BoundsReversed",
    "DuplicateSize",
    "InvalidBound",
    "InvalidCriteria",
    "InvalidLevel",
    "InvalidRatingBands",
    "InvalidScore",
    "InvalidSettings",
    "InvalidShares",
    "InvalidStep",
    "InvalidValue",
    "InvalidWeight",
    "LevelsIncomplete",
    "MeasureMismatch",
    "PlannedZero",
    "ScoringError",
    "SizeNotCovered",
    "SizeRequired",
    "UnknownDirection",
    "UnknownMethod",
    "ValueMissing",
    "WeightsNotHundred",
    "gettext_noop",
]


def gettext_noop(message: str) -> str:
    """Mark *message* for Django's ``makemessages`` without translating it."""
    return message


#: code → (English words, marked for the catalogue; Thai words), for the parameters that name
#: an indicator kind, a version status, a district size or what a method is scored by.
WORDS: dict[str, tuple[str, str]] = {
    "team": (gettext_noop("team"), "รายทีม"),
    "individual": (gettext_noop("individual"), "รายบุคคล"),
    # Thai reads "ฉบับ" + the status (ไม่มีฉบับเดิม), as kpi-circular/1 prints เดิม and แก้ไข.
    "original": (gettext_noop("original"), "เดิม"),
    "revised": (gettext_noop("revised"), "แก้ไข"),
    "current": (gettext_noop("current"), "ที่ประกาศ"),
    # Thai reads "อำเภอขนาด" + the size (อำเภอขนาดกลาง).
    "large": (gettext_noop("large"), "ใหญ่"),
    "medium": (gettext_noop("medium"), "กลาง"),
    "small": (gettext_noop("small"), "เล็ก"),
    "steps": (gettext_noop("steps"), "ขั้นตอนที่ทำแล้ว"),
    "value": (gettext_noop("a value"), "ค่าที่วัดได้"),
    # An indicator in a list: the English is what ``kpi score --indicator`` takes.
    "indicator": (gettext_noop("%(kind)s/%(number)s"), "%(kind)sที่ %(number)s"),
}
#: parameters whose value is a code of ``WORDS``, or several separated by ", "
WORD_PARAMS = ("kind", "status", "known", "size", "sizes", "expected", "given")
_THAI = {english: thai for english, thai in WORDS.values()}


def _same(text: str) -> str:
    return text


def _thai(text: str) -> str:
    return _THAI.get(text, text)


def in_words(code: object, translate: Callable[[str], str]) -> str:
    """*code* (or codes separated by ", ") in the words of *translate*; unknown codes as they
    are (a size no district has, say, is shown as typed)."""
    words = []
    for part in str(code).split(", "):
        known = WORDS.get(part)
        words.append(translate(known[0]) if known else part)
    return ", ".join(words)


class ScoringError(Exception):
    """Base of every error the scoring engine raises; subclasses ``Exception``.

    Attributes:
        code: stable identifier for callers and the API (``"size_required"``).
        template: English text with ``%(name)s`` placeholders, filled from ``params``.
        template_th: the Thai of ``template``, or None where the catalogue alone has it.
        where: where it happened (``"medium, level 3"``, ``"weight"``) or None.
        params: the values named in the template (codes, for those in ``WORD_PARAMS``).
    """

    code = "scoring"
    template = gettext_noop("The score cannot be computed")
    template_th: ClassVar[str | None] = None

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(self.message)

    def _values(self, translate: Callable[[str], str]) -> dict[str, object]:
        values = dict(self.params)
        for name in WORD_PARAMS:
            if name in values:
                values[name] = in_words(values[name], translate)
        return values

    @property
    def message(self) -> str:
        """The English message."""
        return self.template % self._values(_same)

    @property
    def message_th(self) -> str | None:
        """The Thai message from ``template_th`` and ``WORDS``; None without ``template_th``."""
        if self.template_th is None:
            return None
        return self.template_th % self._values(_thai)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of *gettext* (e.g. the Thai catalogue's)."""
        return gettext(self.template) % self._values(gettext)

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


class SizeRequired(ScoringError):
    """The indicator's criteria differ by district size and no size was given.

    ``params["sizes"]`` lists the sizes that have criteria, comma-separated. Worded for every
    caller: a page adds which district has no size, the CLI which option gives one.
    """

    code = "size_required"
    template = gettext_noop(
        "This indicator is scored by district size (%(sizes)s): a size is needed to score it"
    )
    template_th = "ตัวชี้วัดนี้ให้คะแนนตามขนาดอำเภอ (ขนาด%(sizes)s) จึงต้องระบุขนาดอำเภอก่อนคำนวณคะแนน"


class SizeNotCovered(ScoringError):
    """The district's size is not one the indicator's criteria name."""

    code = "size_not_covered"
    template = gettext_noop(
        "This indicator has no criteria for %(size)s districts (only for %(sizes)s)"
    )
    template_th = "ตัวชี้วัดนี้ไม่มีเกณฑ์สำหรับอำเภอขนาด%(size)s (มีเฉพาะขนาด%(sizes)s)"


class InvalidCriteria(ScoringError):
    """Criteria data (from the importer or the database) that cannot be interpreted."""

    code = "invalid_criteria"
    template = gettext_noop("The criteria cannot be used for scoring")


class UnknownMethod(InvalidCriteria):
    code = "unknown_method"
    template = gettext_noop(
        'Unknown scoring method %(method)s (expected "milestone" or "threshold")'
    )


class UnknownDirection(InvalidCriteria):
    code = "unknown_direction"
    template = gettext_noop(
        'A threshold indicator needs direction "higher" or "lower", not %(direction)s'
    )


class DuplicateSize(InvalidCriteria):
    code = "duplicate_size"
    template = gettext_noop("There is more than one set of criteria for %(size)s districts")
    template_th = "อำเภอขนาด%(size)sมีเกณฑ์การให้คะแนนมากกว่าหนึ่งชุด"


class LevelsIncomplete(InvalidCriteria):
    code = "levels_incomplete"
    template = gettext_noop("The criteria must define levels 1 to 5 once each, not %(levels)s")


class InvalidBound(InvalidCriteria):
    code = "invalid_bound"
    template = gettext_noop("Bound %(bound)s is not a number")


class BoundsReversed(InvalidCriteria):
    """A band that no value can fall in: min above max, or min = max with an exclusive end."""

    code = "bounds_reversed"
    template = gettext_noop("No value lies between %(min)s and %(max)s")


class BandsOutOfOrder(InvalidCriteria):
    """A level at most as hard to reach as the one below, which could then never be given."""

    code = "bands_out_of_order"
    template = gettext_noop(
        "Level %(level)s is no harder to reach than level %(below)s, so level %(below)s could"
        " never be given"
    )


class InvalidValue(ScoringError):
    """A measured value that is negative, not a number, NaN or infinite."""

    code = "invalid_value"
    template = gettext_noop("%(value)s is not a valid measured value (a number of 0 or more)")


class ValueMissing(InvalidValue):
    code = "value_missing"
    template = gettext_noop("No measured value was given")


class MeasureMismatch(InvalidValue):
    """Steps given for a threshold rule, or a value for a milestone rule.

    ``params``: ``expected`` and ``given``, each ``"steps"`` or ``"value"``.
    """

    code = "measure_mismatch"
    template = gettext_noop("This indicator is scored by %(expected)s, not by %(given)s")
    template_th = "ตัวชี้วัดนี้ให้คะแนนตาม%(expected)s ไม่ใช่%(given)s"


class PlannedZero(InvalidValue):
    """A ratio's planned count (the whole) is 0: no percentage can be taken of it."""

    code = "planned_zero"
    template = gettext_noop("The planned count must be above 0")
    template_th = "จำนวนทั้งหมดตามแผนต้องมากกว่า 0"


class InvalidStep(InvalidValue):
    code = "invalid_step"
    template = gettext_noop("%(step)s is not a step of this indicator (steps are 1 to 5)")


class InvalidLevel(InvalidValue):
    code = "invalid_level"
    template = gettext_noop("%(level)s is not a level (levels are 0 to 5)")


class InvalidScore(InvalidValue):
    code = "invalid_score"
    template = gettext_noop("%(score)s is not a score (scores are 0 to 100)")


class InvalidWeight(InvalidValue):
    code = "invalid_weight"
    template = gettext_noop("Weight %(weight)s is not a number above 0")


class InvalidSettings(ScoringError):
    """A configurable rule (shares, rating bands) that cannot be applied."""

    code = "invalid_settings"
    template = gettext_noop("The scoring settings cannot be applied")


class InvalidShares(InvalidSettings):
    code = "invalid_shares"
    template = gettext_noop(
        "The achievement share %(achievement)s and competency share %(competency)s must be 0 or"
        " more and add up to 100"
    )


class InvalidRatingBands(InvalidSettings):
    code = "invalid_rating_bands"
    template = gettext_noop(
        "The rating bands must have distinct minimums and one of 0 or less (lowest is %(lowest)s)"
    )


class WeightsNotHundred(ScoringError):
    code = "weights_not_hundred"
    template = gettext_noop("The weights add up to %(total)s, not 100")
