"""Why a notice cannot be drafted, changed or issued. Nothing is written when one is raised.

::

    NoticeError                   the change was not made (``status`` 400 unless said)
    ├── NotADraft                 the notice is issued or discarded: it never changes (409)
    ├── ReasonRequired            discarding a draft without saying why
    ├── RoundNotRevisable         the round's status allows no notice now (409)
    ├── OtherRound                an indicator of another round than the notice's
    ├── NothingToIssue            a draft that changes no indicator
    ├── NoEarlierCircular         a revision of a round that has no circular yet
    ├── FirstCircularExists       a first circular for a round that already has a circular (409)
    ├── NoIndicators              a first circular for a round without indicators
    ├── VersionMissing            an indicator without a version in force
    ├── StaleOriginal             the version in force changed after the draft was written (409)
    ├── NoChange                  the revised version is the version in force
    ├── WeightInvalid             a weight that is not a number above 0
    ├── LevelTextMissing          a level without text
    ├── NoBandInText              a threshold level whose text states no numeric band
    ├── CriteriaInvalid           criteria the scoring engine refuses (wraps its error)
    ├── PrintedTextDiffers        the printed text would be read otherwise than the values given
    └── NoticeUnreadable          ``kpi parse`` of the written notice does not give its content

Each error has a stable ``code``, ``where`` (a field, ``"level 3"``, ``"large, level 3"``, or
None) and ``params``; ``message`` is English, ``message_th`` Thai (the Thai templates are here,
so no compiled catalogue is needed), ``translated(gettext)`` the catalogue's language.
"""

from __future__ import annotations

from collections.abc import Callable

Gettext = Callable[[str], str]


def gettext_noop(message: str) -> str:  # marks English text for Django's makemessages
    return message


#: codes that params may carry → (English, Thai); messages put them in their language
WORDS: dict[str, tuple[str, str]] = {
    "milestone": (gettext_noop("steps of work (milestone)"), "ขั้นตอนการดำเนินงาน"),
    "threshold": (gettext_noop("numeric bands (threshold)"), "ช่วงค่าเป้าหมาย"),
    "higher": (gettext_noop("higher is better"), "ค่ามากดีกว่า"),
    "lower": (gettext_noop("lower is better"), "ค่าน้อยดีกว่า"),
    "draft": (gettext_noop("draft"), "ร่าง"),
    "open": (gettext_noop("open"), "เปิด"),
    "closed": (gettext_noop("closed for reporting"), "ปิดรับรายงานผล"),
    "approved": (gettext_noop("approved"), "อนุมัติแล้ว"),
    "archived": (gettext_noop("archived"), "เก็บถาวร"),
}
_THAI_WORDS = {english: thai for english, thai in WORDS.values()}
WORD_PARAMS = ("read", "given", "status")


def level_where(size: str | None, level: int) -> str:
    """``"large, level 3"`` or ``"level 3"``: the scoring engine's way of naming a level."""
    return f"{size}, level {level}" if size else f"level {level}"


class NoticeError(Exception):
    code = "notice"
    status = 400
    template = gettext_noop("The notice cannot be changed")
    template_th = "ดำเนินการกับหนังสือนี้ไม่ได้"
    #: the error of a pure package this one reports (its text fills ``%(reason)s``)
    cause: Exception | None = None

    def __init__(self, where: str | None = None, **params: object) -> None:
        self.where = where
        self.params = params
        super().__init__(self.message)

    def _values(self, translate: Gettext) -> dict[str, object]:
        values = dict(self.params)
        for name in WORD_PARAMS:
            if str(values.get(name)) in WORDS:
                values[name] = translate(WORDS[str(values[name])][0])
        translated = getattr(self.cause, "translated", None)
        if callable(translated):
            values["reason"] = translated(translate)
        return values

    @property
    def message(self) -> str:
        return self.template % self._values(lambda text: text)

    @property
    def message_th(self) -> str:
        from kpi.bilingual import thai

        catalogue = thai()
        return self.template_th % self._values(
            lambda text: _THAI_WORDS.get(text) or catalogue(text)
        )

    def translated(self, gettext: Gettext) -> str:
        return gettext(self.template) % self._values(gettext)

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


class NotADraft(NoticeError):
    code = "not_a_draft"
    status = 409
    template = gettext_noop(
        "Notice %(notice)s is no longer a draft: an issued notice is never changed, only"
        " followed by another"
    )
    template_th = "หนังสือ %(notice)s ไม่ใช่ร่างแล้ว หนังสือที่ออกแล้วแก้ไขไม่ได้ ให้ออกหนังสือฉบับใหม่แทน"


class ReasonRequired(NoticeError):
    code = "reason_required"
    template = gettext_noop("Say why the draft is discarded")
    template_th = "กรุณาระบุเหตุผลที่ยกเลิกร่าง"


class RoundNotRevisable(NoticeError):
    code = "round_not_revisable"
    status = 409
    template = gettext_noop("Round %(round)s is %(status)s: its indicators cannot be changed now")
    template_th = "รอบ %(round)s อยู่ในสถานะ%(status)s จึงเปลี่ยนแปลงตัวชี้วัดไม่ได้"


class OtherRound(NoticeError):
    code = "other_round"
    template = gettext_noop("Indicator %(indicator)s is not an indicator of round %(round)s")
    template_th = "ตัวชี้วัด %(indicator)s ไม่ใช่ตัวชี้วัดของรอบ %(round)s"


class NothingToIssue(NoticeError):
    code = "nothing_to_issue"
    template = gettext_noop("The draft revises no indicator yet")
    template_th = "ร่างนี้ยังไม่มีตัวชี้วัดที่ปรับแก้ไข"


class NoEarlierCircular(NoticeError):
    code = "no_earlier_circular"
    template = gettext_noop(
        "Round %(round)s has no circular yet: issue its first circular before revising it"
    )
    template_th = "รอบ %(round)s ยังไม่มีหนังสือแจ้งตัวชี้วัด ให้ออกหนังสือแจ้งตัวชี้วัดฉบับแรกก่อนปรับแก้ไข"


class FirstCircularExists(NoticeError):
    code = "first_circular_exists"
    status = 409
    template = gettext_noop(
        "Round %(round)s already has a circular (%(number)s): changes go in a revision notice"
    )
    template_th = (
        "รอบ %(round)s มีหนังสือแจ้งตัวชี้วัดแล้ว (%(number)s) การเปลี่ยนแปลงให้ออกเป็นหนังสือแจ้งการปรับแก้ไข"
    )


class NoIndicators(NoticeError):
    code = "no_indicators"
    template = gettext_noop("Round %(round)s has no indicators to announce")
    template_th = "รอบ %(round)s ยังไม่มีตัวชี้วัดที่จะแจ้ง"


class VersionMissing(NoticeError):
    code = "version_missing"
    template = gettext_noop("Indicator %(indicator)s has no version in force")
    template_th = "ตัวชี้วัด %(indicator)s ยังไม่มีฉบับที่ใช้บังคับ"


class StaleOriginal(NoticeError):
    code = "stale_original"
    status = 409
    template = gettext_noop(
        "Indicator %(indicator)s changed after this draft revised it: revise it again"
    )
    template_th = "ตัวชี้วัด %(indicator)s มีการเปลี่ยนแปลงหลังจากที่ร่างนี้ปรับแก้ไข กรุณาปรับแก้ไขใหม่อีกครั้ง"


class NoChange(NoticeError):
    code = "no_change"
    template = gettext_noop("Nothing differs from the version in force of %(indicator)s")
    template_th = "ไม่มีข้อใดต่างจากฉบับที่ใช้บังคับของตัวชี้วัด %(indicator)s"


class WeightInvalid(NoticeError):
    code = "weight_invalid"
    template = gettext_noop("Weight %(weight)s is not a number above 0")
    template_th = "น้ำหนัก %(weight)s ต้องเป็นตัวเลขที่มากกว่า 0"


class LevelTextMissing(NoticeError):
    code = "level_text_missing"
    template = gettext_noop("Level %(level)s has no text: the notice prints each level's text")
    template_th = "ระดับ %(level)s ยังไม่มีข้อความ หนังสือต้องพิมพ์ข้อความของทุกระดับ"


class NoBandInText(NoticeError):
    code = "no_band_in_text"
    template = gettext_noop(
        "The text of level %(level)s states no numeric band (such as 51 - 70 percent or at"
        " most 3 days)"
    )
    template_th = "ข้อความของระดับ %(level)s ไม่ได้ระบุช่วงตัวเลข (เช่น ร้อยละ 51 - 70 หรือ ไม่เกิน 3 วัน)"


class CriteriaInvalid(NoticeError):
    code = "criteria_invalid"
    template = gettext_noop("The criteria cannot be used for scoring: %(reason)s")
    template_th = "ใช้เกณฑ์นี้คิดคะแนนไม่ได้: %(reason)s"

    def __init__(self, cause: Exception, where: str | None = None, **params: object) -> None:
        self.cause = cause
        super().__init__(where if where is not None else getattr(cause, "where", None), **params)


class PrintedTextDiffers(NoticeError):
    """The notice prints only the texts; whoever reads it (and ``kpi parse``) takes the
    method, unit, direction and bands from them, so the values must be what the texts say."""

    code = "printed_text_differs"
    template = gettext_noop(
        "The printed text reads %(read)s, but %(given)s was given: change the text or the"
        " value so that they agree"
    )
    template_th = (
        "ข้อความที่จะพิมพ์ในหนังสืออ่านได้ว่า %(read)s แต่ค่าที่กรอกคือ %(given)s กรุณาแก้ข้อความหรือค่าให้ตรงกัน"
    )


class NoticeUnreadable(NoticeError):
    code = "notice_unreadable"
    template = gettext_noop(
        "The written notice reads back differently from its content (%(part)s): it was not issued"
    )
    template_th = "หนังสือที่สร้างขึ้นอ่านกลับได้ไม่ตรงกับเนื้อหา (%(part)s) จึงยังไม่ออกหนังสือ"
