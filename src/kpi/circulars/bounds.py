"""Numeric bands in a level's text: ``ร้อยละ 60 - 69``, ``ไม่เกิน 3 วัน``, ``20 ครั้งขึ้นไป``.

The wording follows the contract's conventions:

==============================================  ====================================
wording                                         band
==============================================  ====================================
``ไม่น้อยกว่า``/``ไม่ต่ำกว่า``/``อย่างน้อย`` X     min X
``ตั้งแต่ X ขึ้นไป``, ``X … ขึ้นไป``              min X
``มากกว่า``/``เกิน``/``สูงกว่า`` X                 min X, exclusive
``ไม่เกิน``/``ไม่มากกว่า`` X, ``X … ลงมา``        max X
``น้อยกว่า``/``ต่ำกว่า``/``ไม่ถึง`` X              max X, exclusive
``X - Y``, ``X – Y``, ``ระหว่าง X ถึง Y``          min X, max Y
``มากกว่า X แต่ไม่เกิน Y``                        min X exclusive, max Y
``ครบร้อยละ 100``, ``5 ราย`` (a single value)    min = max
==============================================  ====================================

The unit is ``"percent"`` for ``ร้อยละ``/``%`` and otherwise the counting word right after
the number (``ครั้ง``, ``ราย``, ``ช่องทาง`` …), as printed. Dates (``31 มีนาคม 2567``) and
references such as ``ตัวชี้วัดที่ 3`` are not numbers of a band.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from kpi.thai import find_thai_dates

__all__ = ["COUNTING_WORDS", "Band", "find_bands", "level_band"]

#: Counting words (ลักษณนาม and units) recognised right after a number. Longer words come
#: first in the pattern, so ``วันทำการ`` wins over ``วัน``.
COUNTING_WORDS: tuple[str, ...] = (
    "ครั้ง",
    "วันทำการ",
    "วัน",
    "ราย",
    "ครัวเรือน",
    "เรื่อง",
    "ช่องทาง",
    "แห่ง",
    "คน",
    "กลุ่ม",
    "หมู่บ้าน",
    "ชุมชน",
    "ตำบล",
    "อำเภอ",
    "โครงการ",
    "กิจกรรม",
    "ชิ้นงาน",
    "ชิ้น",
    "ผลิตภัณฑ์",
    "ข่าว",
    "เดือน",
    "สัปดาห์",
    "ชั่วโมง",
    "นาที",
    "ปี",
    "ล้านบาท",
    "บาท",
    "หลักสูตร",
    "แปลง",
    "ฉบับ",
    "ประการ",
    "ข้อ",
    "ขั้นตอน",
    "องค์กร",
    "กองทุน",
    "ศูนย์",
    "เครือข่าย",
    "รุ่น",
    "ทีม",
    "หน่วยงาน",
    "ประเภท",
    "เล่ม",
    "รายการ",
    "ผลงาน",
    "แผน",
    "คะแนน",
    "ตัว",
    "คัน",
    "หลัง",
    "ไร่",
    "ผู้ประกอบการ",
    "ร้าน",
    "สื่อ",
    "โพสต์",
    "ชิ้นข่าว",
    "คลิป",
    "ตอน",
    "ภาพ",
    "ครู",
    "นักเรียน",
    "อาสาสมัคร",
    "สมาชิก",
)

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_UNIT = "|".join(sorted(set(COUNTING_WORDS), key=len, reverse=True))
# Longer phrases first: ``ไม่น้อยกว่า`` must not be read as ``น้อยกว่า``.
_AT_LEAST = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย", "ตั้งแต่")
_ABOVE = ("มากกว่า", "เกินกว่า", "สูงกว่า", "เกิน")
_AT_MOST = ("ไม่เกินกว่า", "ไม่เกิน", "ไม่มากกว่า", "ไม่สูงกว่า", "สูงสุด")
_BELOW = ("น้อยกว่า", "ต่ำกว่า", "ไม่ถึง")
_BETWEEN = ("ระหว่าง",)
_EXACTLY = ("ครบ", "เท่ากับ", "จำนวน")
_COMPARATOR = "|".join(
    sorted(_AT_LEAST + _ABOVE + _AT_MOST + _BELOW + _BETWEEN + _EXACTLY, key=len, reverse=True)
)
_SUFFIXES = "ขึ้นไป|ลงมา|หรือมากกว่า|หรือสูงกว่า|หรือน้อยกว่า|หรือต่ำกว่า"
_SUFFIX = re.compile(rf"\s*({_SUFFIXES})")


def _value(i: int) -> str:
    """A number with its optional ``ร้อยละ`` before and ``%`` or counting word after."""
    return rf"(?P<pct{i}>ร้อยละ\s*)?(?P<n{i}>{_NUMBER})\s*(?P<sign{i}>%)?\s*(?P<unit{i}>{_UNIT})?"


_EXPRESSION = re.compile(
    rf"(?P<comp1>{_COMPARATOR})?\s*"
    + _value(1)
    + rf"(?:\s*(?:-|–|—|ถึง)\s*(?:ร้อยละ\s*)?(?P<n2>{_NUMBER})\s*(?P<sign2>%)?"
    + rf"\s*(?P<unit2>{_UNIT})?)?"
    + rf"(?P<suffix>\s*(?:{_SUFFIXES}))?"
    + rf"(?:\s*(?:แต่|และ)\s*(?P<comp3>{_COMPARATOR})\s*"
    + _value(3)
    + ")?"
)
# Numbers that are not quantities: ``ตัวชี้วัดที่ 3``, ``ข้อ 2``, ``ระดับ 4``, ``ปี 2567``,
# ``พ.ศ. 2567``, ``ครั้งที่ 2``, ``(IDP) 2``… and a number glued to a Thai letter (``2ค``).
_NOT_A_QUANTITY = re.compile(
    rf"(?:ที่|ข้อ|ระดับ(?:คะแนน)?|ปี(?:งบประมาณ)?|พ\.\s*ศ\.|ค\.\s*ศ\.|รอบ|ฉบับ)\s*{_NUMBER}"
    rf"|{_NUMBER}(?=[ก-ฮ])(?!\s*(?:{_UNIT}|ขึ้นไป|ลงมา))"
)


@dataclass(frozen=True)
class Band:
    """A numeric band read from a level's text.

    Attributes:
        min: lower bound or ``None`` (open).
        max: upper bound or ``None`` (open).
        min_exclusive: the lower bound itself is not in the band (``มากกว่า X``).
        max_exclusive: the upper bound itself is not in the band (``ต่ำกว่า X``).
        unit: ``"percent"``, a counting word, or ``None`` when the text names none.
        explicit: the text states a comparison or a range, not a bare single value.
    """

    min: Decimal | None
    max: Decimal | None
    min_exclusive: bool = False
    max_exclusive: bool = False
    unit: str | None = None
    explicit: bool = True

    @property
    def position(self) -> Decimal:
        """Where the band sits on the scale: its midpoint, or its one finite bound."""
        if self.min is not None and self.max is not None:
            return (self.min + self.max) / 2
        bound = self.min if self.min is not None else self.max
        assert bound is not None  # a Band always has a bound
        return bound


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """*text* with each span replaced by spaces (positions stay the same)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _apply(comparator: str | None, value: Decimal, band: dict[str, object]) -> bool:
    """Set the bound *comparator* gives *value*; ``False`` when it gives none."""
    if comparator in _AT_LEAST:
        band.update(min=value, min_exclusive=False)
    elif comparator in _ABOVE:
        band.update(min=value, min_exclusive=True)
    elif comparator in _AT_MOST:
        band.update(max=value, max_exclusive=False)
    elif comparator in _BELOW:
        band.update(max=value, max_exclusive=True)
    else:
        return False
    return True


# A Thai word right after a number (a space between allowed).
_THAI_WORD_AFTER = re.compile(r"\s?(?P<run>[ก-ฮะ-ฺเ-๎]+)")
# Words after a number that are not what it counts.
_NOT_UNITS = frozenset({"ขึ้นไป", "ลงมา", "ร้อยละ"})


def _counting_word_after(text: str, end: int) -> tuple[str, str | None] | None:
    """The counting word printed right after position *end* when the list does not know it,
    with the ``ขึ้นไป``/``ลงมา`` that may follow it.

    PyThaiNLP cuts the Thai run into words (``นวัตกรรมขึ้นไป`` → ``นวัตกรรม``, ``ขึ้นไป``);
    function words (its stop words: ``และ``, ``ของ``, ``โดย`` …) count nothing.
    """
    match = _THAI_WORD_AFTER.match(text, end)
    if match is None:
        return None
    # Imported here: loading the tokenizer's dictionary takes about half a second, paid only
    # by a circular counting in a word the list above does not know.
    from pythainlp.corpus import thai_stopwords
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(match["run"], engine="newmm")
    word = words[0] if words else ""
    if len(word) < 2 or word in _NOT_UNITS or word in thai_stopwords():
        return None
    suffix = _SUFFIX.match(text, match.start("run") + len(word))
    return word, suffix[1] if suffix else None


def _band(match: re.Match[str], text: str) -> Band | None:
    first = _number(match["n1"])
    percent = bool(match["pct1"] or match["sign1"] or match["sign2"] or match["pct3"])
    unit = "percent" if percent else (match["unit1"] or match["unit2"] or match["unit3"])
    suffix = match["suffix"].strip() if match["suffix"] else None
    if unit is None and suffix is None and match["n3"] is None:
        found = _counting_word_after(text, match.end("n2") if match["n2"] else match.end("n1"))
        if found is not None:
            unit, suffix = found
    band: dict[str, object] = {"min": None, "max": None}
    comparator = match["comp1"]
    explicit = True
    if match["n2"] is not None:
        band.update(min=first, max=_number(match["n2"]))
    elif suffix in ("ขึ้นไป", "หรือมากกว่า", "หรือสูงกว่า"):
        exclusive = comparator in _ABOVE
        band.update(min=first, min_exclusive=exclusive)
    elif suffix:
        band.update(max=first, max_exclusive=comparator in _BELOW)
    elif not _apply(comparator, first, band):
        # A single value: ``ครบร้อยละ 100``, ``5 ราย``. A bare number with neither unit
        # nor percent (``กิจกรรมที่ 2`` was removed already) is not a band.
        if unit is None and comparator not in _EXACTLY:
            return None
        band.update(min=first, max=first)
        explicit = comparator in ("ครบ", "เท่ากับ")
    if match["n3"] is not None and not _apply(match["comp3"], _number(match["n3"]), band):
        return None
    return Band(
        min=band["min"],  # type: ignore[arg-type]
        max=band["max"],  # type: ignore[arg-type]
        min_exclusive=bool(band.get("min_exclusive")) and band["min"] is not None,
        max_exclusive=bool(band.get("max_exclusive")) and band["max"] is not None,
        unit=unit,
        explicit=explicit,
    )


def find_bands(text: str) -> list[Band]:
    """Every band expression in *text* (Arabic digits), in order.

    >>> find_bands("ไม่น้อยกว่าร้อยละ 91 ขึ้นไป")[0].min
    Decimal('91')
    """
    spans = [span for _, span in find_thai_dates(text)]
    spans += [m.span() for m in _NOT_A_QUANTITY.finditer(text)]
    cleaned = _blank(text, spans)
    bands = []
    for match in _EXPRESSION.finditer(cleaned):
        if match["n1"] is None:
            continue
        band = _band(match, cleaned)
        if band is not None:
            bands.append(band)
    return bands


def level_band(text: str) -> Band | None:
    """The one band a level's text states, or ``None`` when it states none or several.

    A comparison or range (``ต่ำกว่าร้อยละ 60``) beats bare single values; two of either kind
    make the text ambiguous (``ร้อยละ 100 … ร้อยละ 100`` of a milestone step). A text that is
    only a number (``60``) is that single value.
    """
    bare = re.fullmatch(rf"({_NUMBER})\s*(%)?", text.strip())
    if bare:
        value = _number(bare[1])
        return Band(min=value, max=value, unit="percent" if bare[2] else None, explicit=False)
    bands = find_bands(text)
    explicit = [band for band in bands if band.explicit]
    if len(explicit) == 1:
        return explicit[0]
    if not explicit and len(bands) == 1:
        return bands[0]
    return None
