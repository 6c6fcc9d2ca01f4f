"""Who the walk expects to see and change what: ``kpi.access``'s rules restated from its
docstrings in terms of a persona's office and roles, independently of its code, so that the
walk compares the two.

- The provincial office (no district) sees every district of its province; a district's
  people see their own district; a superuser sees everything; another province sees nothing.
- Results: the district's people; the province's wide roles (administrator, evaluator,
  viewer); an indicator owner for the indicators its unit is responsible for.
- The district's head and staff edit and submit while a result is draft or returned and the
  round open; the owner returns (round open) and verifies (open or closed) what was
  submitted; the evaluator approves what was verified; the administrator re-opens.
- The administrator manages rounds, agreements and notices; the audit log is the
  administrator's and the evaluator's; the reporting board and the workbook are the wide
  roles'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpi import access

# What a request is expected to give.
OK = 200
REDIRECT = 302  # somewhere other than the login page
LOGIN = "login"  # 302 to the login page
FORBIDDEN = 403
HIDDEN = 404
NOT_ALLOWED = 405
#: an allowed write: any answer but a refusal (401, 403, 404, 405) or a server error; the
#: walk posts no valid form, so a 400 or a re-rendered page is the usual answer
ACCEPTED = "accepted"
#: a refusal either way: unseen (404) or seen but not theirs to change (403)
REFUSED = "refused"

UBON, OTHER = "ubon", "other"
WIDE = frozenset({access.PROVINCE_ADMIN, access.EVALUATOR, access.VIEWER})
AUDITORS = frozenset({access.PROVINCE_ADMIN, access.EVALUATOR})
WRITERS = frozenset({access.DISTRICT_HEAD, access.DISTRICT_STAFF})
INFO_UNIT = "กลุ่มงานสารสนเทศการพัฒนาชุมชน"


@dataclass(frozen=True)
class Persona:
    username: str | None
    province: str | None = None
    district: str | None = None
    roles: frozenset[str] = frozenset()
    unit: str | None = None
    superuser: bool = False

    @property
    def anonymous(self) -> bool:
        return self.username is None

    @property
    def provincial(self) -> bool:
        return self.superuser or (self.province is not None and self.district is None)

    def has(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    def __str__(self) -> str:
        return self.username or "anonymous"


PERSONAS = (
    Persona("admin", superuser=True),
    Persona("province", UBON, roles=frozenset({access.PROVINCE_ADMIN}), unit="strategy"),
    Persona("evaluator", UBON, roles=frozenset({access.EVALUATOR})),
    Persona("info", UBON, roles=frozenset({access.INDICATOR_OWNER}), unit=INFO_UNIT),
    Persona("viewer", UBON, roles=frozenset({access.VIEWER}), unit="ฝ่ายอำนวยการ"),
    Persona("d3401", UBON, "3401", frozenset({access.DISTRICT_HEAD})),
    Persona("s3401", UBON, "3401", frozenset({access.DISTRICT_STAFF})),
    Persona("d3402", UBON, "3402", frozenset({access.DISTRICT_HEAD})),
    Persona("sisaket", OTHER, roles=frozenset({access.PROVINCE_ADMIN})),
    Persona(None),
)
BY_NAME = {str(persona): persona for persona in PERSONAS}


@dataclass
class Case:
    """One way of filling a URL: its keyword arguments and the facts the rules read
    (``province``, ``district``, ``state``, ``owner_unit`` …)."""

    label: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["facts"][name]
        except KeyError:
            raise AttributeError(name) from None


# --- Seeing -----------------------------------------------------------------------------------


def sees_province(p: Persona, province: str) -> bool:
    return p.superuser or p.province == province


def wide(p: Persona, province: str) -> bool:
    return p.superuser or (p.provincial and p.province == province and p.has(*WIDE))


def manages(p: Persona, province: str) -> bool:
    return p.superuser or (p.provincial and p.province == province and p.has(access.PROVINCE_ADMIN))


def sees_district(p: Persona, province: str, district: str | None) -> bool:
    """Agreements: the provincial office's people see every district, a district's its own."""
    if p.superuser:
        return True
    if p.province != province or not p.roles:
        return False
    return p.provincial or p.district == district


def owns(p: Persona, c: Case) -> bool:
    """The owner of the unit responsible for the indicator's version in force."""
    return p.superuser or (
        p.provincial
        and p.province == c.province
        and p.has(access.INDICATOR_OWNER)
        and p.unit == c.owner_unit
    )


def sees_result(p: Persona, c: Case) -> bool:
    if p.superuser:
        return True
    if p.province != c.province or not p.roles:
        return False
    if not p.provincial:
        return p.district == c.district
    return wide(p, c.province) or owns(p, c)


def sees_notice(p: Persona, c: Case) -> bool:
    """An issued notice: whoever sees its round; a draft: the province's administrator."""
    if c.issued:
        return sees_province(p, c.province)
    return manages(p, c.province)


# --- Changing ---------------------------------------------------------------------------------


def edits_result(p: Persona, c: Case) -> bool:
    writer = p.superuser or (p.district == c.district and p.has(*WRITERS))
    return writer and c.state in ("draft", "returned") and c.round_status == "open"


def returns_result(p: Persona, c: Case) -> bool:
    reviewable = c.state in ("submitted", "resubmitted")
    return reviewable and c.round_status == "open" and owns(p, c)


def verifies_result(p: Persona, c: Case) -> bool:
    reviewable = c.state in ("submitted", "resubmitted")
    return reviewable and c.round_status in ("open", "closed") and owns(p, c)


def approves_result(p: Persona, c: Case) -> bool:
    evaluator = p.superuser or (
        p.provincial and p.province == c.province and p.has(access.EVALUATOR)
    )
    return evaluator and c.state == "verified" and c.round_status in ("open", "closed")


def reopens_result(p: Persona, c: Case) -> bool:
    reopenable = c.state in ("submitted", "resubmitted", "verified", "approved")
    return reopenable and c.round_status == "open" and manages(p, c.province)


def acknowledges(p: Persona, c: Case) -> bool:
    """The evaluator's side, or the evaluatee's (the head, for a team agreement his
    office's), each once, while the round is a draft or open."""
    if p.anonymous or p.superuser or c.round_status not in ("draft", "open"):
        return False
    if p.username == c.evaluator:
        side = "evaluator"
    elif p.username == c.evaluatee or (
        c.kind == "team" and p.district == c.district and p.has(access.DISTRICT_HEAD)
    ):
        side = "evaluatee"
    else:
        return False
    return side not in c.acknowledged


def sees_scorecard_of(p: Persona, c: Case) -> bool:
    """A scorecard is personal: the wide roles see everyone's, a person their own."""
    if not sees_province(p, c.province) or c.person_round != c.province:
        return False
    return wide(p, c.province) or (p.username == c.person and bool(p.roles))


# --- Expectations built from the rules --------------------------------------------------------


def page(p: Persona, *checks: tuple[bool, Any], ok: Any = OK) -> Any:
    """Signed in, then each ``(allowed, refusal)`` in order, then *ok*."""
    if p.anonymous:
        return LOGIN
    for allowed, refusal in checks:
        if not allowed:
            return refusal
    return ok


def write(p: Persona, *checks: tuple[bool, Any]) -> Any:
    return page(p, *checks, ok=ACCEPTED)
