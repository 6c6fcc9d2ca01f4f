"""Who sees and changes which results, agreements and evidence (kpi.access)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kpi import access
from kpi.agreements.models import Agreement
from kpi.results.actions import (
    add_evidence_link,
    approve_result,
    save_result,
    submit_result,
    verify_result,
)
from kpi.results.models import Result
from kpi.rounds.models import Round
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db


def result_of(world: World, kind: str, district) -> Result:  # type: ignore[no-untyped-def]
    indicator = world.team_5 if kind == "team" else world.individual_8
    return Result.objects.get(item__indicator=indicator, district=district)


def seen(world: World, username: str) -> set[tuple[str, str]]:
    return {
        (result.item.indicator.kind, result.district.dopa_code)
        for result in access.visible_results(world.user(username))
    }


ALL = {("team", "3401"), ("team", "3402"), ("individual", "3401"), ("individual", "3402")}


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("province", ALL),
        ("evaluator", ALL),
        ("viewer", ALL),
        ("info", {("individual", "3401"), ("individual", "3402")}),
        ("coord", {("team", "3401"), ("team", "3402")}),
        ("d3401", {("team", "3401"), ("individual", "3401")}),
        ("s3401", {("team", "3401"), ("individual", "3401")}),
        ("d3402", {("team", "3402"), ("individual", "3402")}),
        ("nobody", set()),
    ],
)
def test_each_persona_sees_only_its_results(opened: World, username: str, expected: set) -> None:
    assert seen(opened, username) == expected


def test_anonymous_sees_nothing(opened: World) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not access.visible_results(AnonymousUser()).exists()
    assert not access.visible_agreements(AnonymousUser()).exists()


def test_another_districts_id_is_a_404(opened: World) -> None:
    other = result_of(opened, "individual", opened.d3401)

    with pytest.raises(Http404):
        access.result_or_404(opened.user("d3402"), other.pk)
    assert access.result_or_404(opened.user("d3401"), other.pk) == other


def test_an_owner_of_another_indicator_gets_a_404(opened: World) -> None:
    team = result_of(opened, "team", opened.d3401)

    with pytest.raises(Http404):
        access.result_or_404(opened.user("info"), team.pk)


def test_the_owner_follows_the_version_in_force(opened: World) -> None:
    """A revision that names another unit moves the indicator to that unit's owner."""
    from kpi.rounds.actions import add_version
    from tests.agreements.builders import revised_version

    add_version(
        opened.individual_8,
        revised_version("individual", 8),
        by=None,
        reason="t",
        unit=opened.coord_unit,
    )

    assert seen(opened, "info") == set()
    assert ("individual", "3402") in seen(opened, "coord")


def test_the_district_edits_and_submits_its_own_result_only(opened: World) -> None:
    own = result_of(opened, "team", opened.d3401)
    other = result_of(opened, "team", opened.d3402)

    for username in ("d3401", "s3401"):
        assert access.can_edit_result(opened.user(username), own)
        assert access.can_submit(opened.user(username), own)
        assert not access.can_edit_result(opened.user(username), other)
    for username in ("province", "evaluator", "info", "coord", "viewer", "d3402", "nobody"):
        assert not access.can_edit_result(opened.user(username), own), username


def test_verifying_and_returning_belong_to_the_owner_of_the_indicator(opened: World) -> None:
    result = result_of(opened, "individual", opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    result = Result.objects.get(pk=result.pk)

    assert access.can_verify(opened.user("info"), result)
    assert access.can_return(opened.user("info"), result)
    for username in ("coord", "province", "evaluator", "viewer", "d3402"):
        assert not access.can_verify(opened.user(username), result), username
        assert not access.can_return(opened.user(username), result), username
    assert not access.can_edit_result(opened.user("d3402"), result)


def test_the_evaluator_approves(opened: World) -> None:
    result = result_of(opened, "individual", opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    assert not access.can_approve(opened.user("evaluator"), Result.objects.get(pk=result.pk))
    verify_result(result, by=None)
    result = Result.objects.get(pk=result.pk)

    assert access.can_approve(opened.user("evaluator"), result)
    for username in ("province", "info", "viewer", "d3402"):
        assert not access.can_approve(opened.user(username), result), username


def test_nobody_edits_after_approval_but_the_admin_may_reopen(opened: World) -> None:
    result = result_of(opened, "individual", opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    verify_result(result, by=None)
    approve_result(result, by=None)
    result = Result.objects.get(pk=result.pk)

    flags = {
        username: access.result_permissions(opened.user(username), result)
        for username in ("province", "evaluator", "info", "viewer", "d3402")
    }
    assert all(
        not (f.edit or f.submit or f.verify or f.return_ or f.approve) for f in flags.values()
    )
    assert [name for name, f in flags.items() if f.reopen] == ["province"]
    with pytest.raises(PermissionDenied):
        access.require(access.can_edit_result(opened.user("d3402"), result))


def test_nothing_is_editable_once_the_round_is_closed(opened: World) -> None:
    Round.objects.filter(pk=opened.round.pk).update(status="closed")
    result = result_of(opened, "team", opened.d3401)

    assert not access.can_edit_result(opened.user("d3401"), result)


def test_evidence_is_reachable_only_through_its_result(opened: World) -> None:
    link = add_evidence_link(
        result_of(opened, "individual", opened.d3401), "https://example.org/1", by=None
    )

    assert access.evidence_or_404(opened.user("d3401"), link.pk) == link
    assert access.evidence_or_404(opened.user("info"), link.pk) == link
    assert access.can_remove_evidence(opened.user("s3401"), link)
    for username in ("d3402", "coord", "nobody"):
        with pytest.raises(Http404):
            access.evidence_or_404(opened.user(username), link.pk)
    assert not access.can_remove_evidence(opened.user("info"), link)


def test_agreements_are_seen_by_the_province_and_their_own_district(opened: World) -> None:
    def districts(username: str) -> set[str]:
        return {a.district.dopa_code for a in access.visible_agreements(opened.user(username))}

    assert districts("province") == districts("info") == {"3401", "3402"}
    assert districts("d3401") == districts("s3401") == {"3401"}
    assert districts("nobody") == set()
    other = Agreement.objects.filter(district=opened.d3401).first()
    with pytest.raises(Http404):
        access.agreement_or_404(opened.user("d3402"), other.pk)


def test_only_the_admin_edits_agreements_and_only_in_a_draft_round(world: World) -> None:
    from kpi.agreements.actions import create_agreements_for_round

    create_agreements_for_round(world.round, by=None)
    agreement = Agreement.objects.first()

    assert access.can_edit_agreement(world.user("province"), agreement)
    for username in ("evaluator", "info", "viewer", "d3401"):
        assert not access.can_edit_agreement(world.user(username), agreement)
    Round.objects.filter(pk=world.round.pk).update(status="open")
    assert not access.can_edit_agreement(world.user("province"), Agreement.objects.first())


def test_round_management_reporting_and_the_log_belong_to_the_province(opened: World) -> None:
    round = opened.round
    assert [
        u
        for u in ("province", "evaluator", "viewer", "d3401")
        if access.can_manage_round(opened.user(u), round)
    ] == ["province"]
    assert [
        u
        for u in ("province", "evaluator", "viewer", "info", "d3401")
        if access.can_see_reporting(opened.user(u), round)
    ] == ["province", "evaluator", "viewer"]
    assert [
        u
        for u in ("province", "evaluator", "viewer", "info", "d3401")
        if access.can_see_audit_log(opened.user(u), round.province_id)
    ] == ["province", "evaluator"]
