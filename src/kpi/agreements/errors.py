"""Why a change to agreements, rounds or results is refused.

::

    WorkflowError                 the change was not made (``status`` 400 unless said)
    ├── ReasonRequired            going back (re-opening) needs a reason
    ├── RoundStatusRefused        not while the round is in this status (409)
    ├── AgreementsMissing         opening a round that has no agreements
    ├── WeightsDoNotAddUp         opening a round where someone's weights are not 100
    ├── WeightInvalid             a weight that is not a number above 0
    ├── IndicatorRefused          an indicator of another round or kind, or without version
    ├── ItemExists                the agreement already has this indicator
    ├── ItemHasResults            removing an indicator a district has reported on (409)
    ├── NotAParty                 acknowledging an agreement one is not a party to (403)
    └── AlreadyAcknowledged       acknowledging twice (409)

``kpi.results.errors`` continues the tree for results and evidence. Each error has a stable
``code``, ``where`` (the field, or None), ``params``; ``message`` is English, ``message_th``
Thai (templates here, so no compiled catalogue is needed), ``translated(gettext)`` the
catalogue's language. Params stay language-neutral codes (``status="open"``); ``WORDS`` puts
them in each language when a message is filled.
"""

from __future__ import annotations

from collections.abc import Callable

Gettext = Callable[[str], str]


def gettext_noop(message: str) -> str:  # marks English text for Django's makemessages
    return message


#: code → (English, Thai), for params that name a status, a state or a kind
WORDS: dict[str, tuple[str, str]] = {
    "draft": (gettext_noop("draft"), "ร่าง"),
    "open": (gettext_noop("open"), "เปิด"),
    "closed": (gettext_noop("closed for reporting"), "ปิดรับรายงานผล"),
    "approved": (gettext_noop("approved"), "อนุมัติแล้ว"),
    "archived": (gettext_noop("archived"), "เก็บถาวร"),
    "submitted": (gettext_noop("submitted"), "ส่งแล้ว"),
    "returned": (gettext_noop("returned for correction"), "ส่งกลับให้แก้ไข"),
    "resubmitted": (gettext_noop("resubmitted"), "ส่งใหม่แล้ว"),
    "verified": (gettext_noop("verified"), "ตรวจสอบแล้ว"),
    "locked": (gettext_noop("locked"), "ล็อกแล้ว"),
    "team": (gettext_noop("team"), "รายทีม"),
    "individual": (gettext_noop("individual"), "รายบุคคล"),
    "evaluator": (gettext_noop("evaluator"), "ผู้ประเมิน"),
    "evaluatee": (gettext_noop("evaluatee"), "ผู้รับการประเมิน"),
    "other_round": (gettext_noop("it belongs to another round"), "เป็นตัวชี้วัดของรอบอื่น"),
    "other_kind": (
        gettext_noop("team and individual indicators go in different agreements"),
        "ตัวชี้วัดรายทีมและรายบุคคลอยู่ในคำรับรองคนละฉบับ",
    ),
    "no_version": (gettext_noop("it has no version in force"), "ยังไม่มีฉบับที่ใช้บังคับ"),
}
#: params whose value is a code of ``WORDS``
WORD_PARAMS = ("status", "state", "kind", "side", "problem")
_THAI = {english: thai for english, thai in WORDS.values()}


def _english(text: str) -> str:
    return text


def _thai(text: str) -> str:
    if text in _THAI:
        return _THAI[text]
    from kpi.bilingual import thai

    return thai()(text)


class WorkflowError(Exception):
    code = "workflow"
    #: the HTTP status an API answers with
    status = 400
    template = gettext_noop("The change cannot be made")
    template_th = "ดำเนินการไม่ได้"

    def __init__(self, where: str | None = None, *, cause: Exception | None = None, **params):
        self.where = where
        self.params = params
        self.cause = cause
        super().__init__(self.message)

    def _values(self, translate: Gettext) -> dict[str, object]:
        values = dict(self.params)
        for name in WORD_PARAMS:
            if name in values and str(values[name]) in WORDS:
                values[name] = translate(WORDS[str(values[name])][0])
        if self.cause is not None:
            translated = getattr(self.cause, "translated", None)
            values["reason"] = translated(translate) if callable(translated) else str(self.cause)
        return values

    @property
    def message(self) -> str:
        return self.template % self._values(_english)

    @property
    def message_th(self) -> str:
        return self.template_th % self._values(_thai)

    def translated(self, gettext: Gettext) -> str:
        return gettext(self.template) % self._values(gettext)

    def __str__(self) -> str:
        return f"{self.message} ({self.where})" if self.where else self.message


class ReasonRequired(WorkflowError):
    code = "reason_required"
    template = gettext_noop("Give a reason: going back is recorded with its reason")
    template_th = "กรุณาระบุเหตุผล การย้อนสถานะต้องบันทึกเหตุผลไว้"


class RoundStatusRefused(WorkflowError):
    code = "round_status"
    status = 409
    template = gettext_noop("This cannot be done while the round is %(status)s")
    template_th = "ดำเนินการนี้ไม่ได้ขณะที่รอบการประเมินอยู่ในสถานะ%(status)s"


class AgreementsMissing(WorkflowError):
    code = "agreements_missing"
    template = gettext_noop("The round has no agreements yet: create them before opening it")
    template_th = "รอบการประเมินนี้ยังไม่มีคำรับรอง กรุณาจัดทำคำรับรองก่อนเปิดรอบ"


class WeightsDoNotAddUp(WorkflowError):
    """``people``: each person whose weights are not 100, with their agreements and total."""

    code = "weights_do_not_add_up"
    template = gettext_noop("The weights must add up to 100 for each person: %(people)s")
    template_th = "น้ำหนักของแต่ละคนต้องรวมได้ 100: %(people)s"


class WeightInvalid(WorkflowError):
    code = "weight_invalid"
    template = gettext_noop("The weight must be a number above 0: %(reason)s")
    template_th = "น้ำหนักต้องเป็นตัวเลขมากกว่า 0: %(reason)s"


class IndicatorRefused(WorkflowError):
    """``problem``: ``other_round``, ``other_kind`` or ``no_version``."""

    code = "indicator_refused"
    template = gettext_noop("Indicator %(number)s cannot be added to this agreement (%(problem)s)")
    template_th = "เพิ่มตัวชี้วัดที่ %(number)s ในคำรับรองนี้ไม่ได้ (%(problem)s)"


class ItemExists(WorkflowError):
    code = "item_exists"
    status = 409
    template = gettext_noop("The agreement already has indicator %(number)s")
    template_th = "คำรับรองนี้มีตัวชี้วัดที่ %(number)s อยู่แล้ว"


class ItemHasResults(WorkflowError):
    code = "item_has_results"
    status = 409
    template = gettext_noop(
        "Indicator %(number)s cannot be removed: results have been reported on it"
    )
    template_th = "นำตัวชี้วัดที่ %(number)s ออกไม่ได้ เนื่องจากมีการรายงานผลแล้ว"


class NotAParty(WorkflowError):
    code = "not_a_party"
    status = 403
    template = gettext_noop("Only the evaluator or the evaluatee can acknowledge the agreement")
    template_th = "ผู้ประเมินหรือผู้รับการประเมินเท่านั้นที่รับทราบคำรับรองได้"


class AlreadyAcknowledged(WorkflowError):
    code = "already_acknowledged"
    status = 409
    template = gettext_noop("The %(side)s has already acknowledged this agreement")
    template_th = "%(side)sรับทราบคำรับรองนี้แล้ว"
