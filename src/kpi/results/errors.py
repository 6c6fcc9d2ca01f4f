"""Why a change to a result or its evidence is refused; continues ``kpi.agreements.errors``.

::

    WorkflowError
    ├── WrongState                the result's state does not allow this (409)
    ├── Conflict                  someone saved the result first; carries the current values (409)
    ├── MeasureInvalid            a value, parts or steps the scoring engine refuses
    ├── CannotScore               submitting without a level (no value, no district size, …)
    ├── CommentRequired           returning a result without saying what to fix
    ├── LevelInvalid              a verified level outside 0–5
    ├── EvidenceEmpty             an empty file
    ├── EvidenceTooLarge          a file over settings.UPLOAD_MAX_BYTES
    ├── EvidenceTypeRefused       a file that is not PDF, an image, DOCX or XLSX by content
    ├── LinkInvalid               a link that is not an http(s) URL
    ├── ResultsPending            approving a round whose results are not all approved (409)
    └── CompetencyInvalid         a competency score that is not a number from 0 to 100
"""

from __future__ import annotations

from typing import Any

from kpi.agreements.errors import WorkflowError, gettext_noop


class WrongState(WorkflowError):
    code = "wrong_state"
    status = 409
    template = gettext_noop("The result is %(state)s: this cannot be done now")
    template_th = "ผลการดำเนินงานอยู่ในสถานะ%(state)s จึงดำเนินการนี้ไม่ได้"


class Conflict(WorkflowError):
    """Someone saved the result after it was read. Nothing was written.

    Attributes:
        current: the result as it is now, to show beside what was typed.
        values: the current values as plain data (``value``, ``done``, ``planned``, ``note``,
            ``steps``: {step: (date or None, note)}, ``level``, ``state``, ``version``).
    """

    code = "conflict"
    status = 409
    template = gettext_noop(
        "Someone else saved this result first (it is now at save %(version)s); your changes"
        " were not saved: compare them with the current values and save again"
    )
    template_th = (
        "มีผู้อื่นบันทึกผลการดำเนินงานนี้ก่อน (ขณะนี้เป็นการบันทึกครั้งที่ %(version)s) "
        "การแก้ไขของคุณยังไม่ถูกบันทึก กรุณาเทียบกับค่าปัจจุบันแล้วบันทึกอีกครั้ง"
    )

    def __init__(self, current: Any, values: dict[str, Any]) -> None:
        self.current = current
        self.values = values
        super().__init__("version", version=values["version"])


class MeasureInvalid(WorkflowError):
    code = "measure_invalid"
    template = gettext_noop("The measured value cannot be used: %(reason)s")
    template_th = "ใช้ค่าที่วัดได้นี้ไม่ได้: %(reason)s"


class CannotScore(WorkflowError):
    code = "cannot_score"
    template = gettext_noop("The result cannot be submitted without a level: %(reason)s")
    template_th = "ยังส่งผลการดำเนินงานไม่ได้เพราะคำนวณระดับคะแนนไม่ได้: %(reason)s"


class CommentRequired(WorkflowError):
    code = "comment_required"
    template = gettext_noop("Say what the district should correct")
    template_th = "กรุณาระบุสิ่งที่อำเภอต้องแก้ไข"


class LevelInvalid(WorkflowError):
    code = "level_invalid"
    template = gettext_noop("%(level)s is not a level (levels are 0 to 5, two decimals at most)")
    template_th = "%(level)s ไม่ใช่ระดับคะแนน (ระดับคะแนนคือ 0 ถึง 5 ทศนิยมไม่เกินสองตำแหน่ง)"


class EvidenceEmpty(WorkflowError):
    code = "evidence_empty"
    template = gettext_noop("The file %(name)s is empty")
    template_th = "ไฟล์ %(name)s ไม่มีข้อมูล"


class EvidenceTooLarge(WorkflowError):
    code = "evidence_too_large"
    status = 413
    template = gettext_noop("The file %(name)s is %(size)s bytes; the limit is %(limit)s bytes")
    template_th = "ไฟล์ %(name)s มีขนาด %(size)s ไบต์ เกินขนาดที่รับได้ %(limit)s ไบต์"


class EvidenceTypeRefused(WorkflowError):
    code = "evidence_type_refused"
    status = 415
    template = gettext_noop(
        "The file %(name)s is not a PDF, PNG, JPEG, GIF, WebP, DOCX or XLSX file (by its content)"
    )
    template_th = "ไฟล์ %(name)s ไม่ใช่ไฟล์ PDF, PNG, JPEG, GIF, WebP, DOCX หรือ XLSX (ตรวจจากเนื้อไฟล์)"


class LinkInvalid(WorkflowError):
    code = "link_invalid"
    template = gettext_noop("%(url)s is not a web address (http:// or https://)")
    template_th = "%(url)s ไม่ใช่ที่อยู่เว็บ (http:// หรือ https://)"


class ResultsPending(WorkflowError):
    """Approving a round whose results are not all approved."""

    code = "results_pending"
    status = 409
    template = gettext_noop("%(count)s results of the round are not approved yet")
    template_th = "ยังมีผลการดำเนินงาน %(count)s รายการที่ยังไม่ได้รับอนุมัติ"


class CompetencyInvalid(WorkflowError):
    """A competency score that is not a number from 0 to 100 (two decimals at most)."""

    code = "competency_invalid"
    template = gettext_noop("%(score)s is not a competency score (0 to 100, two decimals at most)")
    template_th = "%(score)s ไม่ใช่คะแนนพฤติกรรมการปฏิบัติราชการ (0 ถึง 100 ทศนิยมไม่เกินสองตำแหน่ง)"
