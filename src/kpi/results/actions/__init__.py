"""Every write to results, evidence, notifications and the round's life.

Each action is ``@transaction.atomic``, locks the rows it changes, checks the state
(``kpi.results.states``) and is audited through django-simple-history with the actor (``by=``,
keyword-only) and a reason; mail leaves only on commit. Who may call which is ``kpi.access``'s
decision: views and the API ask it first.
"""

from kpi.results.actions.competency import set_competency
from kpi.results.actions.evidence import add_evidence_file, add_evidence_link, remove_evidence
from kpi.results.actions.inbox import mark_notifications_read
from kpi.results.actions.recompute import recompute_results_for
from kpi.results.actions.results import (
    StepInput,
    approve_result,
    reopen_result,
    resubmit_result,
    return_result,
    save_result,
    snapshot,
    submit_result,
    verify_result,
)
from kpi.results.actions.rounds import (
    approve_round,
    archive_round,
    close_round,
    ensure_results,
    lock_round_results,
    open_round,
    reopen_round,
    set_reporting_deadline,
)

__all__ = [
    "StepInput",
    "add_evidence_file",
    "add_evidence_link",
    "approve_result",
    "approve_round",
    "archive_round",
    "close_round",
    "ensure_results",
    "lock_round_results",
    "mark_notifications_read",
    "open_round",
    "recompute_results_for",
    "remove_evidence",
    "reopen_result",
    "reopen_round",
    "resubmit_result",
    "return_result",
    "save_result",
    "set_competency",
    "set_reporting_deadline",
    "snapshot",
    "submit_result",
    "verify_result",
]
