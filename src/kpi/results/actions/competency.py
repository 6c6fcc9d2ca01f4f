"""Entering a person's competency score for a round (พฤติกรรมการปฏิบัติราชการ, 0–100)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kpi.org.audit import save_audited
from kpi.org.models import Person
from kpi.results.errors import CompetencyInvalid
from kpi.results.models import Competency
from kpi.rounds.models import Round

User = AbstractBaseUser

ENTERED = "บันทึกคะแนนพฤติกรรมการปฏิบัติราชการ"
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def _checked(score: object) -> Decimal:
    # Decimal from str or int only: a float would carry its binary error into the total.
    if isinstance(score, bool | float) or not isinstance(score, Decimal | int | str):
        raise CompetencyInvalid("score", score=repr(score))
    try:
        number = Decimal(score.strip() if isinstance(score, str) else score)
    except InvalidOperation:
        raise CompetencyInvalid("score", score=repr(score)) from None
    if not number.is_finite() or not 0 <= number <= _HUNDRED or number != number.quantize(_CENT):
        raise CompetencyInvalid("score", score=str(score))
    return number


@transaction.atomic
def set_competency(
    round: Round,
    person: Person,
    score: object,
    *,
    by: User | None,
    probation: bool = False,
    reason: str = ENTERED,
) -> Competency:
    """Record *person*'s competency *score* (0–100) in *round*, replacing an earlier one.

    Raises:
        CompetencyInvalid: *score* is not a number from 0 to 100 with two decimals at most.
    """
    number = _checked(score)
    # Ordered by pk: the default ordering joins Person's nullable district, and PostgreSQL
    # cannot lock the nullable side of an outer join.
    competency = Competency.objects.select_for_update().filter(round=round, person=person).order_by(
        "pk"
    ).first() or Competency(round=round, person=person)
    competency.score = number
    competency.probation = probation
    competency.entered_by = by
    save_audited(competency, by=by, reason=reason)
    return competency
