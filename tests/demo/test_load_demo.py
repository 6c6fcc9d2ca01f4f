"""The demo: Ubon Ratchathani, round 2/2567 from its first circular and the seed's revision,
agreements, the round open, and results in every state, all made through the actions (round
1/2567, approved, is ``test_approved_round``'s).

Most tests read one demo loaded once for the module (``loaded``, rolled back at the end); the
tests of loading itself load it again on an empty database.
"""

import io
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command

from kpi import access
from kpi.agreements.models import Agreement
from kpi.agreements.weights import not_adding_up, weight_totals
from kpi.circulars import parse_bytes
from kpi.demo import reporting
from kpi.demo.loading import ADMIN_PASSWORD, DATA, load_demo
from kpi.documents.models import SourceDocument
from kpi.org.models import District, DistrictSize, Person, Province, Unit
from kpi.results.models import Evidence, Result
from kpi.rounds.contract import same_content
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from tests.demo.conftest import FAST_HASHER
from tests.rounds.fixtures import SEED_JSON, SEED_TEXT

FIRST = "ubon-2567-2-first.txt"
EVERY_STATE = {"draft", "submitted", "returned", "resubmitted", "verified", "approved", "locked"}
APPS = ("org", "rounds", "documents", "agreements", "results")


def all_rows() -> dict[str, int]:
    """Rows of every table of the apps the demo fills, history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for app in APPS
        for model in apps.get_app_config(app).get_models()
    }


# --- The files -------------------------------------------------------------------------------


def test_the_demo_ships_its_own_copy_of_the_seed() -> None:
    assert DATA.joinpath("ubon-2567-2-revision.txt").read_bytes() == SEED_TEXT.read_bytes()


def test_the_first_circular_states_the_seeds_originals_exactly() -> None:
    first = parse_bytes(DATA.joinpath(FIRST).read_bytes(), FIRST).to_dict()
    seed = json.loads(SEED_JSON.read_text(encoding="utf-8"))

    assert first["document"]["number"] == seed["document"]["references"][0]["number"]
    assert first["document"]["date"] == seed["document"]["references"][0]["date"]
    assert first["round"] == seed["round"]
    mine = {(i["kind"], i["number"]): i for i in first["indicators"]}
    for indicator in seed["indicators"]:
        original = indicator["versions"][0]
        assert original["status"] == "original"
        ours = mine[(indicator["kind"], indicator["number"])]
        assert ours["name"] == indicator["name"]
        assert [v["status"] for v in ours["versions"]] == ["current"]
        assert same_content(ours["versions"][0], original)


def test_the_first_circular_gives_a_district_head_weights_of_100() -> None:
    first = parse_bytes(DATA.joinpath(FIRST).read_bytes(), FIRST).to_dict()
    numbers = {kind: [] for kind in ("team", "individual")}
    total = Decimal(0)
    for indicator in first["indicators"]:
        numbers[indicator["kind"]].append(indicator["number"])
        total += Decimal(str(indicator["versions"][0]["weight"]))
    assert numbers == {"team": [1, 2, 3, 4, 5], "individual": [1, 2, 3, 4, 5, 6, 7, 8]}
    assert total == 100


# --- Loading ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_loading_reports_every_circular_then_that_nothing_changed(settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHER
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    counts = all_rows()
    call_command("load_demo", stdout=out)

    text = out.getvalue()
    assert text.index("อบ 0019/ว 2548") < text.index("อบ 0019/ว 536") < text.index("อบ 0019/ว 4512")
    assert text.rstrip().endswith("ข้อมูลสาธิตมีอยู่แล้ว ไม่มีการเปลี่ยนแปลง / demo data already loaded")
    assert all_rows() == counts


def test_loading_again_changes_nothing(demo) -> None:
    counts = all_rows()

    again = load_demo()

    assert not again.changed
    assert all(result.already_imported for result in again.imports)
    assert all_rows() == counts


def test_a_round_opened_by_hand_is_left_alone(demo) -> None:
    Round.objects.filter(pk=demo.pk).update(status="closed")
    counts = all_rows()

    assert reporting.run_round(Round.objects.get(pk=demo.pk), admin=None) == {}
    assert all_rows() == counts


# --- Ubon Ratchathani and its people ---------------------------------------------------------


def test_load_demo_builds_ubon_ratchathani(demo) -> None:
    province = Province.objects.get()
    assert (province.letter_prefix, province.office_code, province.is_demo) == ("อบ", "0019", True)
    assert District.objects.count() == 25
    sizes = DistrictSize.objects.for_fiscal_year(2567)
    assert sizes.count() == 25
    assert sizes.get(district__dopa_code="3401").size == "large"
    assert sizes.get(district__dopa_code="3433").size == "small"
    assert sizes.get(district__dopa_code=reporting.SCENARIO_DISTRICT).size == "medium"
    assert {s.size for s in sizes} == {"large", "medium", "small"}
    heads = Person.objects.filter(district__isnull=False, position__startswith="พัฒนาการอำเภอ")
    assert heads.count() == 25
    assert Person.objects.provincial().filter(position="พัฒนาการจังหวัดอุบลราชธานี").count() == 1


def test_the_demo_admin_can_sign_in(demo) -> None:
    user = authenticate(username="admin", password=ADMIN_PASSWORD)
    assert user is not None and user.is_superuser


# --- The round -------------------------------------------------------------------------------


def test_the_round_comes_from_both_circulars_with_units_and_contacts_matched(demo) -> None:
    assert (demo.fiscal_year, demo.number) == (2567, 2)
    indicators = Indicator.objects.for_round(demo)
    assert sorted(indicators.values_list("kind", "number")) == sorted(
        [("team", n) for n in range(1, 6)] + [("individual", n) for n in range(1, 9)]
    )
    in_force = IndicatorVersion.objects.in_force().filter(indicator__round=demo)
    assert {v.indicator.number for v in in_force.filter(status="revised")} == {5, 8}
    assert in_force.filter(status="current").count() == 11
    assert IndicatorVersion.objects.filter(status="original").count() == 0
    revised = in_force.get(indicator__kind="individual", indicator__number=8)
    assert revised.responsible_unit.name == "กลุ่มงานสารสนเทศการพัฒนาชุมชน"
    assert [p.first_name for p in revised.contact_persons.all()] == ["สภาวุฒิชัย"]
    team = in_force.get(indicator__kind="team", indicator__number=5)
    assert [p.first_name for p in team.contact_persons.all()] == ["กุลวดี"]
    # Every unit and contact of both circulars is known: the imports created no unit.
    assert Unit.objects.count() == 5
    assert not in_force.filter(responsible_unit__isnull=True).exists()
    numbers = list(SourceDocument.objects.order_by("pk").values_list("number", "kind"))
    assert numbers == [
        ("อบ 0019/ว 2548", "first"),
        ("อบ 0019/ว 536", "revision"),
        ("อบ 0019/ว 4512", "first"),
    ]
    assert {d.imported_by.username for d in SourceDocument.objects.all()} == {"admin"}


def test_the_round_is_open_with_a_deadline_and_weights_of_100(demo) -> None:
    assert demo.status == "open"
    assert demo.reporting_deadline == reporting.DEADLINE
    assert demo.start <= demo.reporting_deadline <= demo.end
    assert Agreement.objects.for_round(demo).team().count() == 25
    assert Agreement.objects.for_round(demo).individual().count() == 25
    totals = weight_totals(demo)
    assert len(totals) == 25 and not not_adding_up(demo)
    assert {entry.total for entry in totals} == {Decimal(100)}
    agreements = Agreement.objects.for_round(demo)
    assert agreements.filter(evaluator_acknowledged_at__isnull=False).count() == 50
    assert agreements.filter(evaluatee_acknowledged_at__isnull=False).exists()


# --- The results -----------------------------------------------------------------------------


def test_every_agreement_item_has_its_result_in_every_state_of_the_workflow(demo) -> None:
    results = Result.objects.for_round(demo)
    assert results.count() == 25 * 5 + 25 * 8
    assert set(results.values_list("state", flat=True)) == EVERY_STATE - {"locked"}
    # locked: round 1, approved
    assert set(Result.objects.values_list("state", flat=True)) == EVERY_STATE


def test_results_are_made_by_the_people_whose_job_it_is(demo) -> None:
    reported = Result.objects.for_round(demo).exclude(state="draft").select_related("district")
    for result in reported:
        assert result.submitted_by.username == f"d{result.district.dopa_code}"
    verified = reported.filter(verified_by__isnull=False)
    # each by the indicator owner of the unit responsible for the indicator, five units in all
    assert all(access.owns_indicator(r.verified_by, r.item.indicator) for r in verified)
    assert not any(r.verified_by.is_superuser for r in verified)
    assert len({r.verified_by.username for r in verified}) == 5
    approved = reported.filter(state="approved")
    assert approved and {r.approved_by.username for r in approved} == {"evaluator"}
    # Written through the actions: each step is in the result's history, with who and why.
    sample = approved.first()
    history = list(sample.history.order_by("history_date"))
    assert [h.state for h in history][-3:] == ["submitted", "verified", "approved"]
    assert all(h.history_change_reason for h in history)


def test_a_returned_result_carries_the_owners_comment(demo) -> None:
    returned = Result.objects.for_round(demo).filter(state__in=("returned", "resubmitted"))
    assert returned.count() >= 2
    assert all(result.return_comment for result in returned)


def test_one_result_is_verified_at_another_level_with_a_reason(demo) -> None:
    changed = Result.objects.for_round(demo).filter(verified_level__isnull=False)
    assert changed.count() == 1
    result = changed.get()
    assert result.verified_level != result.level and result.verified_reason
    assert result.final_level == result.verified_level


def test_some_districts_have_not_started(demo) -> None:
    started = set(
        Result.objects.for_round(demo).reported().values_list("district__dopa_code", flat=True)
    )
    quiet = set(District.objects.values_list("dopa_code", flat=True)) - started
    assert quiet and quiet == set(District.objects.values_list("dopa_code", flat=True)) - set(
        reporting.PROGRESS
    )


def test_the_scenario_district_has_not_touched_individual_indicator_8(demo) -> None:
    result = Result.objects.for_round(demo).get(
        district__dopa_code=reporting.SCENARIO_DISTRICT,
        item__indicator__kind="individual",
        item__indicator__number=8,
    )
    assert result.state == "draft" and result.version == 1
    assert (result.done, result.planned, result.level) == (None, None, None)
    assert not result.evidence.exists()


def test_indicator_8_is_reported_as_items_publicised_of_items_of_work(demo) -> None:
    reported = Result.objects.for_round(demo).filter(
        item__indicator__kind="individual", item__indicator__number=8, planned__isnull=False
    )
    assert reported.count() >= 5
    for result in reported:
        assert 0 < result.done <= result.planned and result.value is None
        assert result.level is not None
    links = Evidence.objects.filter(result__in=reported, kind="link")
    assert links.count() >= 3
    assert all(link.url.startswith("https://cdd-ubon.example/") for link in links)


def test_milestones_carry_dated_steps_and_one_shows_a_step_out_of_order(demo) -> None:
    milestones = Result.objects.for_round(demo).filter(steps__isnull=False).distinct()
    assert milestones.count() >= 20
    for result in milestones[:20]:
        steps = list(result.steps.all())
        assert all(step.done is not None for step in steps)
        assert demo.start <= min(step.done for step in steps) <= demo.end
    out_of_order = [r for r in milestones if {s.step for s in r.steps.all()} == {1, 2, 4}]
    assert len(out_of_order) == 1 and out_of_order[0].level == 2
