"""Every page's expected access: one entry per URL name, each a small function of the persona
and the case (``rules``), never a list of status codes.

``get``/``post`` say what a GET or a POST should give; ``None`` means the view does not take
that method (405). ``cases`` fills the URL's parameters from the walk's objects: the persona's
own and another district's, so that an id typed into the URL is checked too (IDOR).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.access.rules import (
    ACCEPTED,
    FORBIDDEN,
    HIDDEN,
    LOGIN,
    OK,
    REDIRECT,
    Case,
    Persona,
    acknowledges,
    approves_result,
    edits_result,
    manages,
    page,
    reopens_result,
    returns_result,
    sees_district,
    sees_notice,
    sees_province,
    sees_result,
    sees_scorecard_of,
    verifies_result,
    wide,
    write,
)

Expect = Callable[[Persona, Case], Any]


@dataclass(frozen=True)
class Route:
    cases: Callable[[Any], list[Case]]
    get: Expect | None = None
    post: Expect | None = None


def only(**kwargs: Any) -> Callable[[Any], list[Case]]:
    return lambda walk: [Case("", kwargs)]


def renamed(group: str, **names: str) -> Callable[[Any], list[Case]]:
    """The walk's cases of *group*, their ``pk`` renamed (``round_pk`` …)."""

    def cases(walk: Any) -> list[Case]:
        found = []
        for case in getattr(walk, group):
            kwargs = {names.get(key, key): value for key, value in case.kwargs.items()}
            found.append(Case(case.label, kwargs, case.facts, case.query))
        return found

    return cases


def group(name: str) -> Callable[[Any], list[Case]]:
    return lambda walk: list(getattr(walk, name))


def signed_in(p: Persona, c: Case) -> Any:
    return page(p)


def sees_round(p: Persona, c: Case) -> Any:
    return page(p, (sees_province(p, c.province), HIDDEN))


def manage_round(p: Persona, c: Case) -> Any:
    return write(p, (sees_province(p, c.province), HIDDEN), (manages(p, c.province), FORBIDDEN))


def see_result(p: Persona, c: Case, ok: Any = OK) -> Any:
    return page(p, (sees_result(p, c), HIDDEN), ok=ok)


def result_action(rule: Callable[[Persona, Case], bool]) -> Expect:
    return lambda p, c: write(p, (sees_result(p, c), HIDDEN), (rule(p, c), FORBIDDEN))


def see_agreement(p: Persona, c: Case) -> Any:
    return page(p, (sees_district(p, c.province, c.district), HIDDEN))


def edit_agreement(p: Persona, c: Case) -> Any:
    return write(
        p,
        (sees_district(p, c.province, c.district), HIDDEN),
        (manages(p, c.province) and c.round_status == "draft", FORBIDDEN),
    )


def change_notice(p: Persona, c: Case) -> Any:
    return write(p, (sees_notice(p, c), HIDDEN), (manages(p, c.province), FORBIDDEN))


def evidence_download(p: Persona, c: Case) -> Any:
    # Only a stored file is served; a link's id is a 404 even to those who see it.
    return page(p, (sees_result(p, c), HIDDEN), (c.kind == "file", HIDDEN))


def notice_file(p: Persona, c: Case) -> Any:
    return page(p, (sees_notice(p, c), HIDDEN), (c.stored, HIDDEN))


def reporting_board(p: Persona, c: Case) -> Any:
    return page(p, (sees_province(p, c.province), HIDDEN), (wide(p, c.province), FORBIDDEN))


def audit_log(p: Persona, c: Case) -> Any:
    auditor = p.superuser or (p.provincial and p.has("province_admin", "evaluator"))
    return page(p, (auditor, FORBIDDEN))


def importer(p: Persona, c: Case, ok: Any = OK) -> Any:
    return page(p, (p.superuser or (p.provincial and p.has("province_admin")), FORBIDDEN), ok=ok)


def first_circular(p: Persona, c: Case, ok: Any = OK) -> Any:
    allowed = manages(p, c.province) and c.status in ("draft", "open")
    return page(p, (sees_province(p, c.province), HIDDEN), (allowed, FORBIDDEN), ok=ok)


def revise(p: Persona, c: Case, ok: Any = OK) -> Any:
    allowed = manages(p, c.province) and c.round_status in ("draft", "open", "closed")
    return page(p, (sees_province(p, c.province), HIDDEN), (allowed, FORBIDDEN), ok=ok)


def agreement_form(p: Persona, c: Case) -> Any:
    return page(
        p,
        (sees_province(p, c.province), HIDDEN),
        (c.district_province == c.province, HIDDEN),
        (sees_district(p, c.province, c.district), HIDDEN),
    )


def scorecard(p: Persona, c: Case) -> Any:
    # Scorecards exist once the round is approved: seen but not ready is a 403.
    return page(
        p,
        (sees_province(p, c.province), HIDDEN),
        (sees_scorecard_of(p, c), HIDDEN),
        (c.status in ("approved", "archived"), FORBIDDEN),
    )


def round_scorecards(p: Persona, c: Case) -> Any:
    # The scorecards the persona may see: everyone appraised in the round, or their own.
    anyone = bool(c.appraised) and (
        wide(p, c.province) or (p.username in c.appraised and bool(p.roles))
    )
    return page(
        p,
        (sees_province(p, c.province), HIDDEN),
        (anyone, HIDDEN),
        (c.status in ("approved", "archived"), FORBIDDEN),
    )


def round_results(p: Persona, c: Case) -> Any:
    return page(p, (sees_province(p, c.province), HIDDEN), (wide(p, c.province), FORBIDDEN))


def logged_in_redirect(p: Persona, c: Case) -> Any:
    return OK if p.anonymous else REDIRECT


def anyone_writes(p: Persona, c: Case) -> Any:
    return write(p)


ROUTES: dict[str, Route] = {
    # kpi.rounds
    "home": Route(only(), get=signed_in),
    "round": Route(group("rounds"), get=sees_round),
    "indicator": Route(group("indicators"), get=sees_round),
    "round_lifecycle": Route(group("rounds"), get=sees_round),
    "round_open": Route(group("rounds"), post=manage_round),
    "round_close": Route(group("rounds"), post=manage_round),
    "round_approve": Route(group("rounds"), post=manage_round),
    "round_archive": Route(group("rounds"), post=manage_round),
    "round_reopen": Route(group("rounds"), post=manage_round),
    "round_deadline": Route(group("rounds"), post=manage_round),
    "round_reporting": Route(group("rounds"), get=reporting_board),
    "audit_log": Route(only(), get=audit_log),
    # kpi.accounts: the login page sends a signed-in user on; logging out is a POST
    "login": Route(only(), get=logged_in_redirect, post=lambda p, c: ACCEPTED),
    "logout": Route(only(), post=lambda p, c: LOGIN),
    # kpi.documents
    "import": Route(only(), get=importer, post=lambda p, c: importer(p, c, ok=ACCEPTED)),
    "document_file": Route(group("documents"), get=sees_round),
    "calculator": Route(only(), get=signed_in),
    # kpi.notices
    "notices": Route(group("rounds"), get=sees_round),
    "notice_first": Route(
        group("rounds"),
        get=first_circular,
        post=lambda p, c: first_circular(p, c, ok=ACCEPTED),
    ),
    "notice_revise": Route(
        group("indicators"), get=revise, post=lambda p, c: revise(p, c, ok=ACCEPTED)
    ),
    "notice": Route(group("notices"), get=lambda p, c: page(p, (sees_notice(p, c), HIDDEN))),
    "notice_issue": Route(group("notices"), post=change_notice),
    "notice_discard": Route(group("notices"), post=change_notice),
    "notice_letter": Route(group("notices"), post=change_notice),
    "notice_withdraw": Route(group("notice_indicators"), post=change_notice),
    "notice_file": Route(group("notice_files"), get=notice_file),
    # kpi.documents reports
    "agreement_form_pdf": Route(group("agreement_forms"), get=agreement_form),
    "agreement_form_docx": Route(group("agreement_forms"), get=agreement_form),
    "scorecard": Route(group("scorecards"), get=scorecard),
    "round_scorecards": Route(renamed("rounds", pk="round_pk"), get=round_scorecards),
    "round_results": Route(renamed("rounds", pk="round_pk"), get=round_results),
    # kpi.agreements
    "round_agreements": Route(group("rounds"), get=sees_round),
    "agreements_create": Route(group("rounds"), post=manage_round),
    "agreement": Route(group("agreements"), get=see_agreement),
    "agreement_history": Route(group("agreements"), get=see_agreement),
    "agreement_acknowledge": Route(
        group("agreements"),
        post=lambda p, c: write(
            p,
            (sees_district(p, c.province, c.district), HIDDEN),
            (acknowledges(p, c), FORBIDDEN),
        ),
    ),
    "agreement_item_add": Route(group("agreements"), post=edit_agreement),
    "agreement_item_weight": Route(group("items"), post=edit_agreement),
    "agreement_item_reset": Route(group("items"), post=edit_agreement),
    "agreement_item_remove": Route(group("items"), post=edit_agreement),
    # kpi.results
    "results:list": Route(only(), get=signed_in),
    "results:waiting": Route(only(), get=signed_in),
    "results:detail": Route(group("results"), get=see_result),
    "results:history": Route(group("results"), get=see_result),
    # without htmx the live level sends the browser to the result's page
    "results:level": Route(group("results"), get=lambda p, c: see_result(p, c, ok=REDIRECT)),
    "results:save": Route(group("results"), post=result_action(edits_result)),
    "results:submit": Route(group("results"), post=result_action(edits_result)),
    "results:return": Route(group("results"), post=result_action(returns_result)),
    "results:verify": Route(group("results"), post=result_action(verifies_result)),
    "results:approve": Route(group("results"), post=result_action(approves_result)),
    "results:reopen": Route(group("results"), post=result_action(reopens_result)),
    "results:upload": Route(group("results"), post=result_action(edits_result)),
    "results:add_link": Route(group("results"), post=result_action(edits_result)),
    "results:evidence": Route(group("evidence"), get=evidence_download),
    "results:remove_evidence": Route(group("evidence"), post=result_action(edits_result)),
    "results:notifications": Route(only(), get=signed_in),
    "results:mark_read": Route(only(), post=anyone_writes),
}
