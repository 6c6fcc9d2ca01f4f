"""Why an import is refused, and what it warns about.

::

    ImportRefused                 nothing was written
    ├── UnreadableCircular        the parser could not read the file (wraps its CircularError)
    ├── UnsupportedSchema         the data is not kpi-circular/1
    ├── ProvinceUnknown           no province matches the letter number; pass one
    ├── RoundNotStated            the circular names no fiscal year and round
    ├── RoundMissing              a revision notice for a round that does not exist
    ├── IndicatorMissing          a revision notice for an indicator the round does not have
    ├── IndicatorRepeated         the same indicator twice in one circular
    ├── VersionInvalid            versions, weight or sizes that cannot be stored
    └── CriteriaInvalid           criteria the scoring engine cannot use (wraps its error)

    ImportNote                    a warning: the import went ahead (see ``code``)

Each carries a stable ``code``, ``where`` (the place in the parsed data, or None) and
``params``; ``message`` is English, ``message_th`` Thai (from the Thai templates here, so it
needs no compiled catalogue), ``translated(gettext)`` the catalogue's language. Params stay
language-neutral (``kind="team"``); words among them are put in each language when filled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

Gettext = Callable[[str], str]


def gettext_noop(message: str) -> str:  # marks English text for Django's makemessages
    return message


#: indicator kind → (English words, Thai words)
KIND_WORDS = {
    "team": (gettext_noop("team indicator"), "ตัวชี้วัดรายทีม"),
    "individual": (gettext_noop("individual indicator"), "ตัวชี้วัดรายบุคคล"),
}

#: VersionInvalid's problem code → (English, Thai)
PROBLEMS = {
    "versions": (
        gettext_noop("expected one current version, or an original and a revised one"),
        "ต้องมีฉบับที่ประกาศหนึ่งฉบับ หรือฉบับเดิมและฉบับแก้ไข",
    ),
    "weight": (gettext_noop("the weight must be a positive number"), "น้ำหนักต้องเป็นจำนวนบวก"),
    "sizes": (
        gettext_noop("a district size is not large, medium, small or none"),
        "ขนาดอำเภอต้องเป็น ใหญ่ กลาง เล็ก หรือไม่ระบุ",
    ),
}

_THAI_WORDS = {english: thai for english, thai in [*KIND_WORDS.values(), *PROBLEMS.values()]}


def _english(text: str) -> str:
    return text


def _thai(text: str) -> str:
    """Thai for the words above; the project's catalogue for anything else (a cause's)."""
    if text in _THAI_WORDS:
        return _THAI_WORDS[text]
    from kpi.bilingual import thai

    return thai()(text)


class _Bilingual:
    where: str | None
    params: dict[str, object]
    cause: Exception | None = None

    def _templates(self) -> tuple[str, str]:
        raise NotImplementedError

    def _values(self, translate: Gettext) -> dict[str, object]:
        values = dict(self.params)
        if "kind" in values:
            english = KIND_WORDS.get(str(values["kind"]), (str(values["kind"]), ""))[0]
            values["kind"] = translate(english)
        if "problem" in values:
            values["problem"] = translate(PROBLEMS[str(values["problem"])][0])
        if self.cause is not None:
            translated = getattr(self.cause, "translated", None)
            values["reason"] = translated(translate) if callable(translated) else str(self.cause)
        return values

    @property
    def message(self) -> str:
        return self._templates()[0] % self._values(_english)

    @property
    def message_th(self) -> str:
        return self._templates()[1] % self._values(_thai)

    def translated(self, gettext: Gettext) -> str:
        return gettext(self._templates()[0]) % self._values(gettext)

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


class ImportRefused(_Bilingual, Exception):
    code = "import_refused"
    template = gettext_noop("The circular cannot be imported")
    template_th = "นำเข้าหนังสือนี้ไม่ได้"

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(self.message)

    def _templates(self) -> tuple[str, str]:
        return self.template, self.template_th

    def __str__(self) -> str:  # Exception.__str__ would come first otherwise
        return _Bilingual.__str__(self)


class _Wrapping(ImportRefused):
    """A refusal caused by an error of a pure package (parser, scoring engine); the cause's
    own message, in the same language, is ``%(reason)s``."""

    def __init__(self, cause: Exception, where: str | None = None, **params: object) -> None:
        self.cause = cause
        super().__init__(where or getattr(cause, "where", None), **params)


class UnreadableCircular(_Wrapping):
    code = "unreadable_circular"
    template = gettext_noop("The file is not a readable KPI circular: %(reason)s")
    template_th = "ไฟล์นี้ไม่ใช่หนังสือตัวชี้วัดที่อ่านได้: %(reason)s"


class CriteriaInvalid(_Wrapping):
    code = "criteria_invalid"
    template = gettext_noop("The criteria of %(kind)s %(number)s cannot be scored: %(reason)s")
    template_th = "เกณฑ์ของ%(kind)s ที่ %(number)s ใช้คำนวณคะแนนไม่ได้: %(reason)s"


class UnsupportedSchema(ImportRefused):
    code = "unsupported_schema"
    template = gettext_noop("The data is not a kpi-circular/1 document (schema: %(schema)s)")
    template_th = "ข้อมูลนี้ไม่ใช่รูปแบบ kpi-circular/1 (schema: %(schema)s)"


class ProvinceUnknown(ImportRefused):
    code = "province_unknown"
    template = gettext_noop(
        "No province uses the letter number %(number)s; choose the province of this circular"
    )
    template_th = "ไม่พบจังหวัดที่ใช้เลขที่หนังสือ %(number)s กรุณาเลือกจังหวัดของหนังสือนี้"


class RoundNotStated(ImportRefused):
    code = "round_not_stated"
    template = gettext_noop("The circular does not state the fiscal year and round it is for")
    template_th = "หนังสือไม่ได้ระบุปีงบประมาณและรอบการประเมิน"


class RoundMissing(ImportRefused):
    code = "round_missing"
    template = gettext_noop(
        "Round %(number)s/%(fiscal_year)s of %(province)s does not exist: a revision notice "
        "revises an existing round (import the first circular, or create the round)"
    )
    template_th = (
        "ยังไม่มีรอบการประเมินที่ %(number)s/%(fiscal_year)s ของจังหวัด%(province)s "
        "หนังสือแจ้งการปรับแก้ไขใช้แก้ไขรอบที่มีอยู่แล้วเท่านั้น "
        "(นำเข้าหนังสือแจ้งตัวชี้วัดฉบับแรกก่อน หรือสร้างรอบการประเมิน)"
    )


class IndicatorMissing(ImportRefused):
    code = "indicator_missing"
    template = gettext_noop(
        "Round %(round)s has no %(kind)s %(number)s: a revision notice revises an existing "
        "indicator"
    )
    template_th = (
        "รอบการประเมิน %(round)s ไม่มี%(kind)s ที่ %(number)s หนังสือแจ้งการปรับแก้ไขใช้แก้ไขตัวชี้วัดที่มีอยู่แล้วเท่านั้น"
    )


class IndicatorRepeated(ImportRefused):
    code = "indicator_repeated"
    template = gettext_noop("The circular lists %(kind)s %(number)s twice")
    template_th = "หนังสือระบุ%(kind)s ที่ %(number)s ซ้ำกัน"


class VersionInvalid(ImportRefused):
    """``problem`` is one of ``PROBLEMS``: ``versions``, ``weight``, ``sizes``."""

    code = "version_invalid"
    template = gettext_noop("%(kind)s %(number)s cannot be stored: %(problem)s")
    template_th = "บันทึก%(kind)s ที่ %(number)s ไม่ได้: %(problem)s"

    def __init__(self, where: str | None = None, *, problem: str, **params: object) -> None:
        if problem not in PROBLEMS:
            raise KeyError(problem)
        self.problem = problem
        super().__init__(where, problem=problem, **params)


@dataclass(frozen=True)
class ImportNote(_Bilingual):
    """A warning about an import that went ahead (or would, in a preview)."""

    code: str
    where: str | None = None
    params: dict[str, object] = field(default_factory=dict)

    #: code → (English template, Thai template)
    TEMPLATES: ClassVar[dict[str, tuple[str, str]]] = {
        "original_differs": (
            gettext_noop(
                "The original of %(kind)s %(number)s in this notice differs from the stored "
                "version; the stored version is kept"
            ),
            "ฉบับเดิมของ%(kind)s ที่ %(number)s ในหนังสือนี้ไม่ตรงกับที่บันทึกไว้ ระบบคงฉบับที่บันทึกไว้",
        ),
        "current_differs": (
            gettext_noop(
                "%(kind)s %(number)s already exists with other content; the stored version is "
                "kept (changes come as a revision notice)"
            ),
            "มี%(kind)s ที่ %(number)s อยู่แล้วแต่เนื้อหาต่างกัน ระบบคงฉบับที่บันทึกไว้ "
            "(การเปลี่ยนแปลงต้องแจ้งด้วยหนังสือแจ้งการปรับแก้ไข)",
        ),
        "round_created": (
            gettext_noop(
                "Round %(number)s/%(fiscal_year)s did not exist: it is created from this notice, "
                "with the originals as first versions"
            ),
            "ยังไม่มีรอบการประเมินที่ %(number)s/%(fiscal_year)s ระบบสร้างจากหนังสือนี้ โดยใช้ฉบับเดิมเป็นฉบับแรก",
        ),
        "indicator_created": (
            gettext_noop("%(kind)s %(number)s did not exist: it is created from this notice"),
            "ยังไม่มี%(kind)s ที่ %(number)s ระบบสร้างจากหนังสือนี้",
        ),
        "round_dates_differ": (
            gettext_noop(
                "The circular gives the round as %(start)s – %(end)s; the rules (ว 20/2552) "
                "give %(rule_start)s – %(rule_end)s, which are used"
            ),
            "หนังสือระบุรอบการประเมิน %(start)s – %(end)s แต่ตามหลักเกณฑ์ (ว 20/2552) คือ "
            "%(rule_start)s – %(rule_end)s ระบบใช้ตามหลักเกณฑ์",
        ),
        "unit_created": (
            gettext_noop(
                "No unit is known as %(unit)s: one is created under that name; complete its "
                "full name"
            ),
            "ไม่พบหน่วยงาน %(unit)s ระบบสร้างหน่วยงานชื่อนี้ให้ กรุณาแก้ไขชื่อเต็มภายหลัง",
        ),
        "person_unknown": (
            gettext_noop("No one of the province is called %(name)s; the name is kept as printed"),
            "ไม่พบบุคลากรชื่อ %(name)s ในจังหวัด ระบบเก็บชื่อตามที่พิมพ์ไว้",
        ),
        "person_ambiguous": (
            gettext_noop(
                "%(count)s people of the province are called %(name)s; the name is kept as printed"
            ),
            "มีบุคลากรชื่อ %(name)s %(count)s คน ระบบเก็บชื่อตามที่พิมพ์ไว้",
        ),
    }

    @classmethod
    def of(cls, code: str, where: str | None = None, **params: object) -> ImportNote:
        if code not in cls.TEMPLATES:
            raise KeyError(code)
        return cls(code, where, params)

    def _templates(self) -> tuple[str, str]:
        return self.TEMPLATES[self.code]
