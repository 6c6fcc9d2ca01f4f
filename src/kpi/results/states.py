"""The result's state machine, in one place: actions enforce it, ``kpi.access`` shows it.

draft → submitted → (returned → resubmitted) → verified → approved → locked. The district
writes while the round is open; the owner and the evaluator review while it is open or
closed; re-opening a result sends it back to draft.
"""

from __future__ import annotations

DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
RESUBMITTED = "resubmitted"
VERIFIED = "verified"
APPROVED = "approved"
LOCKED = "locked"

#: the district may change the values, steps and evidence
EDITABLE = (DRAFT, RETURNED)
#: sending: from draft it is submitted, from returned resubmitted
SUBMIT_TO = {DRAFT: SUBMITTED, RETURNED: RESUBMITTED}
#: the indicator owner may verify or return it
REVIEWABLE = (SUBMITTED, RESUBMITTED)
#: the evaluator may approve it
APPROVABLE = (VERIFIED,)
#: approved or locked: nobody but a re-opening province administrator changes it
FINAL = (APPROVED, LOCKED)
#: the province administrator may send it back to draft, with a reason
REOPENABLE = (SUBMITTED, RESUBMITTED, VERIFIED, APPROVED)

#: round statuses in which districts report (save, submit, evidence) and owners return
REPORTING = ("open",)
#: round statuses in which owners verify and the evaluator approves
REVIEWING = ("open", "closed")
