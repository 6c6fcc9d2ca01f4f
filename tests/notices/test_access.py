"""Who may do what with notices: only the provincial administrator drafts, revises, issues and
discards; everyone in the province reads issued notices; drafts are the administrator's alone.

Personas (tests/base.py): province (administrator), evaluator, info (an indicator owner),
d3401 and d3402 (district heads), sisaket (another province's administrator), anonymous.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.notices.models import Notice
from tests.base import OTHER_PROVINCE, PERSONAS, client_for
from tests.notices.helpers import admin, demo_round, indicator, values_of

UBON_READERS = ("province", "evaluator", "info", "d3401", "d3402")


def _draft(world, weight: int = 6) -> Notice:
    item = indicator(world)
    notice = start_revision(demo_round(world), by=admin())
    return revise_in_draft(notice, item, by=admin(), **values_of(item, weight=Decimal(weight)))


def expected(persona, *, mine_only: bool, hidden_to_others: bool = False) -> int:
    """302 to the login page, 404 when not seen, 403 when seen but not theirs, else 200."""
    if persona is None:
        return 302
    if persona == OTHER_PROVINCE:
        return 404
    if persona == "province" or not mine_only:
        return 200
    return 404 if hidden_to_others else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_round_s_notices_are_listed_to_whoever_sees_the_round(world, db, persona):
    response = client_for(persona).get(reverse("notices", args=[world.round]))
    assert response.status_code == expected(persona, mine_only=False)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_administrator_opens_the_revise_form(world, db, persona):
    response = client_for(persona).get(reverse("notice_revise", args=[indicator(world).pk]))
    assert response.status_code == expected(persona, mine_only=True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_administrator_opens_the_first_circular_page(world, db, persona):
    response = client_for(persona).get(reverse("notice_first", args=[world.round]))
    assert response.status_code == expected(persona, mine_only=True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_draft_is_seen_by_the_administrator_only(world, db, persona):
    notice = _draft(world)
    response = client_for(persona).get(reverse("notice", args=[notice.pk]))
    assert response.status_code == expected(persona, mine_only=True, hidden_to_others=True)


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "province"])
def test_nobody_else_issues_or_discards_a_draft(world, db, persona):
    notice = _draft(world)
    client = client_for(persona)
    issued = client.post(reverse("notice_issue", args=[notice.pk]), {"date": "2024-07-15"})
    discarded = client.post(reverse("notice_discard", args=[notice.pk]), {"reason": "x"})
    revised = client.post(reverse("notice_revise", args=[indicator(world).pk]), {"weight": "3"})

    code = expected(persona, mine_only=True, hidden_to_others=True)
    assert issued.status_code == discarded.status_code == code
    assert revised.status_code == expected(persona, mine_only=True)
    assert Notice.objects.get(pk=notice.pk).state == "draft"


@pytest.fixture
def issued(world, db) -> Notice:
    return issue_notice(_draft(world), by=admin(), date=date(2024, 7, 15))


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_issued_notice_and_its_files_are_open_to_the_province(issued, persona):
    client = client_for(persona)
    pages = [
        reverse("notice", args=[issued.pk]),
        reverse("notice_file", args=[issued.pk, "docx"]),
        reverse("notice_file", args=[issued.pk, "pdf"]),
    ]
    codes = {client.get(page).status_code for page in pages}
    assert codes == {expected(persona, mine_only=False)}


@pytest.mark.parametrize("persona", ["evaluator", "d3401"])
def test_a_reader_of_an_issued_notice_may_not_change_it(issued, persona):
    client = client_for(persona)
    assert (
        client.post(reverse("notice_discard", args=[issued.pk]), {"reason": "x"}).status_code == 403
    )


def test_a_district_head_sees_issued_notices_but_not_drafts(world, db):
    issued = issue_notice(_draft(world), by=admin(), date=date(2024, 7, 15))
    draft = _draft(world, weight=7)

    listed = list(
        client_for("d3401").get(reverse("notices", args=[world.round])).context["notices"]
    )
    assert listed == [issued]
    mine = list(
        client_for("province").get(reverse("notices", args=[world.round])).context["notices"]
    )
    assert mine == [draft, issued]
