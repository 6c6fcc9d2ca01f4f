"""The demo lets every role be tried: an account per role and per indicator-owning unit, round
2/2567 under way with an owner for every submitted result, round 1/2567 approved with locked
results, competency scores and scorecards, events dated inside their rounds, and evidence
files to download. One demo, loaded once for the module (``conftest.loaded``).
"""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.urls import reverse
from django.utils import timezone

from kpi import access
from kpi.agreements.models import Agreement
from kpi.agreements.parties import district_heads
from kpi.agreements.weights import not_adding_up
from kpi.demo.dataset import demo_data
from kpi.documents.models import SourceDocument
from kpi.org.models import District, Person
from kpi.results import states
from kpi.results.actions.rounds import APPROVED as ROUND_APPROVED
from kpi.results.actions.rounds import CLOSED, LOCKED, OPENED
from kpi.results.models import Competency, Evidence, Notification, Result, StepProgress
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from tests.demo.conftest import FAST_HASHER

User = get_user_model()
OWNERS = ("info", "strategy", "promotion", "coordination", "admin-unit")


def user(username: str):
    return User.objects.get(username=username)


def bounds(round: Round) -> tuple[datetime, datetime]:
    """The round's first and last instants in the project's time zone."""
    first = timezone.make_aware(datetime.combine(round.start, time.min))
    return first, first + timedelta(days=(round.end - round.start).days + 1)


# --- Accounts and roles ----------------------------------------------------------------------


def test_every_account_the_data_names_has_its_roles_and_person(loaded, db, settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHER
    accounts = demo_data()["accounts"]
    assert {"strategy", "promotion", "coordination", "admin-unit", "viewer", "s3401"} <= {
        row["username"] for row in accounts
    }
    for row in accounts:
        account = user(row["username"])
        assert sorted(account.groups.values_list("name", flat=True)) == sorted(row["roles"])
        person = account.person
        assert f"{person.first_name} {person.last_name}" == row["person"]
        assert authenticate(username=row["username"], password="kpi-demo-2567") is not None


def test_the_owners_are_provincial_indicator_owners_of_five_different_units(loaded, db) -> None:
    units = set()
    for username in OWNERS:
        who = access.actor(user(username))
        assert who.roles == {access.INDICATOR_OWNER} and who.is_provincial
        assert who.person.unit is not None
        units.add(who.person.unit.name)
    assert len(units) == 5


def test_the_district_staff_member_reports_for_3401_and_reviews_nothing(demo) -> None:
    staff = user("s3401")
    who = access.actor(staff)
    assert who.roles == {access.DISTRICT_STAFF}
    assert who.person.district.dopa_code == "3401"
    assert who.person.position.startswith("นักวิชาการพัฒนาชุมชน")
    # The office's head is still its head: agreements name d3401's person, not the staff's.
    heads = district_heads(demo.province)
    assert heads[who.person.district_id].user.username == "d3401"
    results = Result.objects.for_round(demo).with_related()
    mine = results.filter(district__dopa_code="3401")
    assert set(access.visible_results(staff).filter(item__agreement__round=demo)) == set(mine)
    head = user("d3401")
    assert all(access.can_edit_result(staff, r) == access.can_edit_result(head, r) for r in mine)
    other = results.filter(district__dopa_code="3402", state="draft").first()
    assert access.can_edit_result(user("d3402"), other)
    assert not access.can_edit_result(staff, other)
    pending = results.filter(state__in=states.REVIEWABLE)
    assert pending and not any(access.can_verify(staff, r) for r in pending)
    # staff typed 3401's team results; its head submitted them
    typed = Result.history.filter(id__in=mine.values("id"), history_user=staff)
    assert typed.exists()
    assert not mine.filter(submitted_by=staff).exists()


def test_the_viewer_sees_the_whole_province_and_changes_nothing(demo) -> None:
    viewer = user("viewer")
    who = access.actor(viewer)
    assert who.roles == {access.VIEWER} and who.is_provincial
    results = Result.objects.for_round(demo).with_related()
    assert access.visible_results(viewer).filter(item__agreement__round=demo).count() == (
        results.count()
    )
    assert access.can_see_reporting(viewer, demo) and access.can_export_results(viewer, demo)
    assert not access.can_manage_round(viewer, demo)
    for result in results.exclude(state="draft")[:40]:
        permissions = access.result_permissions(viewer, result)
        assert not any(vars(permissions).values()), result


def test_every_unit_owning_an_indicator_has_an_owner_account(demo, approved_round) -> None:
    owners = {
        person.unit_id
        for person in Person.objects.filter(user__groups__name=access.INDICATOR_OWNER)
    }
    for round in (demo, approved_round):
        versions = IndicatorVersion.objects.in_force().filter(indicator__round=round)
        units = set(versions.values_list("responsible_unit_id", flat=True))
        assert len(units) == 5 and None not in units
        assert units <= owners, round


def test_every_submitted_result_of_round_2_has_an_owner_who_may_verify_it(demo) -> None:
    people = list(User.objects.filter(is_superuser=False).order_by("username"))
    pending = Result.objects.for_round(demo).with_related().filter(state__in=states.REVIEWABLE)
    assert pending.count() >= 30
    verifiers = set()
    for result in pending:
        who = [u.username for u in people if access.can_verify(u, result)]
        assert who, f"nobody but admin may verify {result}"
        verifiers.update(who)
    assert verifiers <= set(OWNERS) and len(verifiers) >= 4


# --- Round 1/2567, approved --------------------------------------------------------------------


def test_round_1_comes_from_its_first_circular_through_the_import(approved_round) -> None:
    round = approved_round
    assert (round.status, str(round.start), str(round.end)) == (
        "approved",
        "2023-10-01",
        "2024-03-31",
    )
    document = SourceDocument.objects.get(round=round)
    assert (document.number, document.kind, str(document.date)) == (
        "อบ 0019/ว 4512",
        "first",
        "2023-10-17",
    )
    assert document.imported_by.username == "admin"
    kinds = sorted(Indicator.objects.for_round(round).values_list("kind", flat=True))
    assert kinds == ["individual"] * 4 + ["team"] * 4
    assert Agreement.objects.for_round(round).count() == 50 and not not_adding_up(round)
    assert (
        Agreement.objects.for_round(round)
        .filter(evaluator_acknowledged_at__isnull=False, evaluatee_acknowledged_at__isnull=False)
        .count()
        == 50
    )


def test_every_result_of_round_1_was_approved_then_locked(approved_round) -> None:
    results = Result.objects.for_round(approved_round).with_related()
    assert results.count() == 25 * 8
    assert set(results.values_list("state", flat=True)) == {"locked"}
    for result in results:
        assert result.submitted_by.username == f"d{result.district.dopa_code}"
        assert access.owns_indicator(result.verified_by, result.item.indicator)
        assert not result.verified_by.is_superuser
        assert result.approved_by.username == "evaluator"
        assert result.final_level is not None
    assert len({r.final_level for r in results}) >= 3
    sample = results.first()
    reasons = [
        h.history_change_reason for h in sample.history.order_by("history_date", "history_id")
    ]
    assert reasons[-2:] == ["อนุมัติผลการดำเนินงาน", LOCKED]
    assert results.filter(return_comment__gt="").count() == 1
    assert results.filter(verified_level__isnull=False).count() == 1


def test_round_1_was_opened_closed_and_approved_by_the_administrator(approved_round) -> None:
    history = approved_round.history.order_by("history_date", "history_id")
    moves = [(h.status, h.history_change_reason) for h in history if h.history_change_reason]
    statuses = [status for status, _reason in moves]
    assert statuses[0] == "draft" and statuses[-1] == "approved"
    reasons = [reason for _status, reason in moves]
    assert [r for r in reasons if r in (OPENED, CLOSED, ROUND_APPROVED)] == [
        OPENED,
        CLOSED,
        ROUND_APPROVED,
    ]
    movers = {h.history_user.username for h in history if h.history_change_reason in reasons[1:]}
    assert movers == {"province"}


def test_each_head_of_round_1_has_a_competency_score_and_a_scorecard(
    approved_round, client
) -> None:
    competencies = Competency.objects.filter(round=approved_round).select_related("person")
    assert competencies.count() == 25
    assert all(0 <= c.score <= 100 and c.entered_by.username == "evaluator" for c in competencies)
    head = Person.objects.get(user__username="d3401")
    assert access.can_download_scorecard_of(user("d3401"), approved_round, head.pk)
    for username in ("evaluator", "d3401"):
        client.force_login(user(username))
        response = client.get(reverse("scorecard", args=[approved_round.pk, head.pk]))
        assert response.status_code == 200, username
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_round_1s_notifications_were_read_before_it_ended(approved_round) -> None:
    notices = Notification.objects.filter(result__item__agreement__round=approved_round)
    assert notices.exists() and not notices.filter(read_at=None).exists()
    assert notices.filter(read_at__lt=bounds(approved_round)[1]).count() == notices.count()


# --- Dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [1, 2])
def test_demo_events_are_dated_inside_their_round(loaded, db, number) -> None:
    round = Round.objects.get(province__is_demo=True, fiscal_year=2567, number=number)
    first, last = bounds(round)
    agreements = Agreement.objects.for_round(round)
    results = Result.objects.for_round(round)
    stamps = [
        *agreements.values_list("evaluator_acknowledged_at", flat=True),
        *agreements.values_list("evaluatee_acknowledged_at", flat=True),
        *agreements.values_list("created", flat=True),
        *results.values_list("submitted_at", flat=True),
        *results.values_list("verified_at", flat=True),
        *results.values_list("approved_at", flat=True),
        *results.values_list("updated_at", flat=True),
        *Evidence.objects.filter(result__in=results).values_list("added_at", flat=True),
        *Notification.objects.filter(result__in=results).values_list("created_at", flat=True),
        *SourceDocument.objects.filter(round=round).values_list("imported_at", flat=True),
        *round.history.values_list("history_date", flat=True),
        *Result.history.filter(id__in=results.values("id")).values_list("history_date", flat=True),
        *Agreement.history.filter(round_id=round.pk).values_list("history_date", flat=True),
        *Competency.objects.filter(round=round).values_list("entered_at", flat=True),
    ]
    stamps = [stamp for stamp in stamps if stamp is not None]
    assert len(stamps) > 500
    outside = [stamp for stamp in stamps if not first <= stamp < last]
    assert not outside, outside[:5]
    days = StepProgress.objects.filter(result__in=results).values_list("done", flat=True)
    assert days and all(round.start <= day <= round.end for day in days)


def test_acknowledgements_follow_the_first_circular_and_results_follow_the_opening(demo) -> None:
    for round in Round.objects.filter(province__is_demo=True):
        circular = SourceDocument.objects.get(round=round, kind="first")
        agreements = Agreement.objects.for_round(round)
        acknowledged = [
            a for a in agreements.values_list("evaluatee_acknowledged_at", flat=True) if a
        ]
        assert acknowledged and min(acknowledged).date() > circular.date
        opened = round.history.filter(history_change_reason=OPENED).get().history_date
        submitted = [
            s for s in Result.objects.for_round(round).values_list("submitted_at", flat=True) if s
        ]
        assert min(submitted) > opened > max(acknowledged)


def test_the_accounts_date_from_before_round_1(loaded, db) -> None:
    round_1 = Round.objects.get(province__is_demo=True, number=1)
    users = User.objects.filter(person__province__is_demo=True)
    assert users.count() >= 34
    assert all(u.date_joined.date() < round_1.end for u in users)


# --- Evidence files --------------------------------------------------------------------------


def test_the_demo_has_pdf_and_png_evidence_to_download(loaded, db, client, settings) -> None:
    settings.MEDIA_ROOT = loaded
    files = Evidence.objects.filter(kind="file").select_related("result__district")
    assert {"application/pdf", "image/png"} <= set(files.values_list("content_type", flat=True))
    assert files.count() >= 4
    assert {e.result.item.agreement.round.number for e in files} == {1, 2}
    for evidence in files:
        magic = b"%PDF-" if evidence.content_type == "application/pdf" else b"\x89PNG"
        with evidence.file.open("rb") as stored:
            assert stored.read(5).startswith(magic)
    evidence = files.filter(result__district__dopa_code="3401").order_by("pk").first()
    for username in ("d3401", "s3401", "viewer"):
        client.force_login(user(username))
        response = client.get(reverse("results:evidence", args=[evidence.pk]))
        assert response.status_code == 200, username
        assert b"".join(response.streaming_content) == evidence.file.open("rb").read()
    client.force_login(user("d3402"))
    assert client.get(reverse("results:evidence", args=[evidence.pk])).status_code == 404


def test_every_district_office_is_in_round_1(approved_round) -> None:
    codes = set(District.objects.values_list("dopa_code", flat=True))
    reported = set(
        Result.objects.for_round(approved_round).values_list("district__dopa_code", flat=True)
    )
    assert reported == codes
