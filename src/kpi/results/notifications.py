"""Telling people: a row in their in-app list, and an e-mail once the change is committed.

The rows are written in the caller's transaction (a rolled-back change leaves no message
about itself); e-mail leaves only through ``transaction.on_commit``, so nobody is told of a
change that did not happen. A failing mail server is logged, never raised into the action.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.message import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from kpi.org.models import Person
from kpi.results.models import Notification, Result

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[ระบบตัวชี้วัด] "


def people_of(result: Result) -> list[Person]:
    """Who a result concerns: the person of an individual result; everyone with an account
    in the office of a team result (every person there shares it)."""
    if result.person_id is not None:
        return list(Person.objects.filter(pk=result.person_id).select_related("user"))
    return list(
        Person.objects.filter(district_id=result.district_id, user__isnull=False)
        .select_related("user")
        .order_by("pk")
    )


def subject_of(result: Result) -> str:
    return result.person.full_name if result.person_id else result.district.office_name


def indicator_label(result: Result) -> str:
    indicator = result.item.indicator
    kind = "รายทีม" if indicator.kind == "team" else "รายบุคคล"
    return f"{kind}ที่ {indicator.number} {indicator.name}"


def notify(
    people: Iterable[Person],
    kind: str,
    params: dict[str, object],
    *,
    result: Result | None = None,
    round: object = None,
    email: bool = True,
) -> list[Notification]:
    """One notification per person (each once), and an e-mail to those with an address."""
    unique = list({person.pk: person for person in people}.values())
    rows = Notification.objects.bulk_create(
        Notification(person=person, kind=kind, params=params, result=result, round=round)
        for person in unique
    )
    if email and rows:
        addresses = [person.user.email for person in unique if person.user_id and person.user.email]
        if addresses:
            subject, body = _rendered(kind, params)
            transaction.on_commit(lambda: send_emails(subject, body, addresses), robust=True)
    return rows


def _rendered(kind: str, params: dict[str, object]) -> tuple[str, str]:
    # Mail goes out in the site's language, whoever's request caused it.
    with translation.override(settings.LANGUAGE_CODE):
        label = str(Notification.Kind(kind).label)
        body = gettext(Notification.TEMPLATES[kind]) % params
    return SUBJECT_PREFIX + label, body


def send_emails(subject: str, body: str, addresses: Iterable[str]) -> int:
    """One message per address (recipients do not see each other); returns how many went."""
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses]
    try:
        with get_connection() as connection:
            return connection.send_messages(messages) or 0
    except OSError:
        logger.exception("sending %d e-mails failed", len(messages))
        return 0
