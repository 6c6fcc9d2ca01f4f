"""A revision notice imported while results exist rescores them in the same transaction,
records each level before and after with the notice, and tells the districts."""

from decimal import Decimal

import pytest

from kpi.agreements.models import AgreementItem
from kpi.documents.models import SourceDocument
from kpi.results.actions import StepInput, save_result
from kpi.results.audit import result_history
from kpi.results.models import LevelChange, Notification, Result
from kpi.rounds.actions import put_in_force
from kpi.rounds.models import IndicatorVersion
from tests.agreements.builders import World, import_revision

pytestmark = pytest.mark.django_db


def result_8(world: World, district) -> Result:  # type: ignore[no-untyped-def]
    return Result.objects.get(item__indicator=world.individual_8, district=district)


@pytest.fixture
def reported(opened: World) -> World:
    """3402 (medium) and 3401 (large) report 75 % on individual 8: level 3 for both under
    the original bands (51–80)."""
    for district in (opened.d3401, opened.d3402):
        save_result(result_8(opened, district), by=None, expected_version=1, value="75")
    return opened


def test_the_revised_medium_bands_give_75_percent_level_4(reported: World) -> None:
    assert result_8(reported, reported.d3402).level == Decimal(3)

    import_revision(by=reported.user("province"))

    assert result_8(reported, reported.d3402).level == Decimal(4)
    assert result_8(reported, reported.d3401).level == Decimal(3)  # large bands unchanged


def test_each_changed_level_is_recorded_with_the_notice(reported: World) -> None:
    result = import_revision(by=reported.user("province"))

    change = LevelChange.objects.get()
    notice = SourceDocument.objects.get(number="อบ 0019/ว 536")
    assert change.result == result_8(reported, reported.d3402)
    assert (change.before, change.after) == (Decimal(3), Decimal(4))
    assert change.source_document == notice == result.document
    assert change.version == IndicatorVersion.objects.get(
        indicator=reported.individual_8, in_force=True
    )
    assert change.version.status == "revised"
    assert change.by == reported.user("province")


def test_the_results_history_shows_the_level_before_and_after_and_why(reported: World) -> None:
    import_revision(by=reported.user("province"))

    last = result_history(result_8(reported, reported.d3402))[-1]
    assert last.reason == "นำเข้าจากหนังสือ อบ 0019/ว 536"
    assert [(c.field, c.before, c.after) for c in last.changes] == [
        ("level", Decimal(3), Decimal(4))
    ]


def test_the_districts_are_notified(
    reported: World, mailoutbox, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        import_revision(by=None)

    medium = Notification.objects.get(person=reported.person("d3402"), kind="revised")
    assert "อบ 0019/ว 536" in medium.text
    assert medium.params["before"] == "3" and medium.params["after"] == "4"
    assert medium.result == result_8(reported, reported.d3402)
    large = Notification.objects.get(person=reported.person("d3401"), kind="revised")
    assert large.params["after"] == "3"
    assert {m.to[0] for m in mailoutbox} >= {"d3401@example.org", "d3402@example.org"}


def test_a_revised_milestone_rescores_the_teams_and_tells_the_whole_office(reported: World) -> None:
    team = Result.objects.get(item__indicator=reported.team_5, district=reported.d3401)
    save_result(team, by=None, expected_version=1, steps={1: StepInput(note="ทำแล้ว")})

    import_revision(by=None)

    told = set(
        Notification.objects.filter(result=team).values_list("person__user__username", flat=True)
    )
    assert told == {"d3401", "s3401"}
    # Untouched results (no level before or after) are not notified.
    assert not Notification.objects.filter(
        result__district=reported.d3402, result__item__indicator=reported.team_5
    )


def test_weights_follow_the_revision_unless_set_per_district(reported: World) -> None:
    from kpi.rounds.actions import add_version
    from tests.agreements.builders import revised_version

    item = AgreementItem.objects.get(
        agreement__kind="individual", agreement__district=reported.d3401
    )
    AgreementItem.objects.filter(pk=item.pk).update(custom_weight=False)
    add_version(
        reported.individual_8,
        {**revised_version("individual", 8), "weight": 7},
        by=None,
        reason="น้ำหนักใหม่",
    )

    assert AgreementItem.objects.get(pk=item.pk).weight == Decimal(7)
    assert AgreementItem.objects.get(
        agreement__kind="individual", agreement__district=reported.d3402
    ).weight == Decimal(40)  # set per district by the builder: custom


def test_putting_the_original_back_in_force_rescores_again(reported: World) -> None:
    import_revision(by=None)
    original = IndicatorVersion.objects.get(indicator=reported.individual_8, status="current")

    put_in_force(original, by=None, reason="ยกเลิกการแก้ไข")

    assert result_8(reported, reported.d3402).level == Decimal(3)
    assert list(LevelChange.objects.order_by("pk").values_list("before", "after")) == [
        (Decimal(3), Decimal(4)),
        (Decimal(4), Decimal(3)),
    ]


def test_a_failing_recompute_rolls_the_revision_back(reported: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kpi.results.actions import recompute

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(recompute, "LevelChange", type("X", (), {"__init__": broken}))

    with pytest.raises(RuntimeError):
        import_revision(by=None)

    assert not IndicatorVersion.objects.filter(status="revised").exists()
    assert result_8(reported, reported.d3402).level == Decimal(3)
    assert not SourceDocument.objects.filter(number="อบ 0019/ว 536").exists()


def test_a_rescored_result_counts_as_a_new_save(reported: World) -> None:
    """A page opened before the revision cannot verify or approve the level it no longer has."""
    before = result_8(reported, reported.d3402).version

    import_revision(by=None)

    assert result_8(reported, reported.d3402).version == before + 1
    assert result_8(reported, reported.d3401).version == before  # its level did not change


def test_an_owners_level_judged_under_the_old_bands_gives_way_to_the_new_level(
    reported: World,
) -> None:
    from kpi.results.actions import submit_result, verify_result

    result = result_8(reported, reported.d3402)
    result = submit_result(result, by=None, expected_version=result.version)
    verify_result(result, by=None, level="2", reason="ข่าวซ้ำกันหลายรายการ")
    assert result_8(reported, reported.d3402).final_level == Decimal(2)

    import_revision(by=None)

    rescored = result_8(reported, reported.d3402)
    assert (rescored.level, rescored.verified_level, rescored.verified_reason) == (4, None, "")
    change = LevelChange.objects.get(result=rescored)
    assert (change.before, change.after) == (Decimal(2), Decimal(4))  # what counted, then now
