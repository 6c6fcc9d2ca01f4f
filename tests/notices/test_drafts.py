"""Drafting: one draft per round, revisions checked, an issued notice never changed."""

from datetime import date
from decimal import Decimal

import pytest

from kpi.notices.actions import (
    discard_notice,
    edit_letter,
    issue_notice,
    revise_in_draft,
    start_revision,
    withdraw_from_draft,
)
from kpi.notices.errors import (
    CriteriaInvalid,
    NoBandInText,
    NoChange,
    NotADraft,
    PrintedTextDiffers,
    ReasonRequired,
    RoundNotRevisable,
    StaleOriginal,
)
from kpi.notices.models import Notice
from kpi.rounds.actions import add_version
from kpi.rounds.models import IndicatorVersion
from tests.notices.helpers import admin, demo_round, indicator, values_of


def _revise(world, notice=None, item=None, **changes):
    item = item or indicator(world)
    notice = notice or start_revision(demo_round(world), by=admin())
    return revise_in_draft(notice, item, by=admin(), **values_of(item, **changes))


def test_a_round_has_one_draft_that_collects_every_revision(world, db):
    first = _revise(world, weight=Decimal(6))
    again = _revise(world, item=indicator(world, "team", 5), weight=Decimal(12))

    assert again.pk == first.pk
    assert again.indicator_keys == [("team", 5), ("individual", 8)]


def test_the_draft_keeps_the_version_in_force_as_the_original(world, db):
    notice = _revise(world, weight=Decimal(6))

    original, revised = notice.content["indicators"][0]["versions"]
    assert original["status"] == "original" and revised["status"] == "revised"
    assert original["weight"] == 5 and revised["weight"] == 6
    assert [c["district_size"] for c in original["criteria"]] == ["large", "medium", "small"]


def test_revising_again_replaces_the_earlier_revision(world, db):
    notice = _revise(world, weight=Decimal(6))
    notice = _revise(world, notice=notice, weight=Decimal(7))

    assert len(notice.content["indicators"]) == 1
    assert notice.content["indicators"][0]["versions"][1]["weight"] == 7


def test_nothing_changes_in_force_until_the_notice_is_issued(world, db):
    _revise(world, weight=Decimal(6))
    assert indicator(world).version_in_force.weight == Decimal(5)


def test_it_refuses_a_revision_that_changes_nothing(world, db):
    with pytest.raises(NoChange):
        _revise(world)


def test_it_refuses_bands_the_scoring_engine_cannot_use(world, db):
    text = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 10 - 20"
    with pytest.raises(CriteriaInvalid) as refused:
        _revise(world, level_texts={("large", 3): text})
    assert refused.value.where == "large, level 3"
    assert refused.value.cause.code == "bands_out_of_order"
    assert "ระดับคะแนน 3 ไม่ได้ยากกว่าระดับคะแนน 2" in refused.value.message_th


def test_it_refuses_a_threshold_level_whose_text_states_no_band(world, db):
    with pytest.raises(NoBandInText) as refused:
        _revise(world, level_texts={("medium", 2): "เผยแพร่ผลงานได้บ้าง"})
    assert refused.value.where == "medium, level 2"


def test_it_refuses_bounds_the_printed_text_does_not_state(world, db):
    from kpi.notices.criteria import LevelInput

    item = indicator(world)
    values = values_of(item)
    level = values["criteria"]["small"][2]
    values["criteria"]["small"][2] = LevelInput(3, level.text, min=Decimal(55), max=Decimal(60))
    notice = start_revision(demo_round(world), by=admin())
    with pytest.raises(PrintedTextDiffers) as refused:
        revise_in_draft(notice, item, by=admin(), **values)
    assert refused.value.where == "small, level 3"
    assert "≥ 51, ≤ 60" in refused.value.message_th


def test_it_refuses_a_milestone_whose_levels_read_as_bands(world, db):
    with pytest.raises(PrintedTextDiffers):
        _revise(world, method="milestone")


def test_issuing_refuses_a_draft_whose_original_is_no_longer_in_force(world, db):
    notice = _revise(world, weight=Decimal(6))
    item = indicator(world)
    data = item.version_in_force.as_contract()
    add_version(item, {**data, "weight": 9}, by=None, reason="test")

    with pytest.raises(StaleOriginal):
        issue_notice(notice, by=admin(), date=date(2024, 7, 1))
    assert IndicatorVersion.objects.get(indicator=item, in_force=True).weight == Decimal(9)


def test_an_issued_notice_cannot_be_changed(world, db):
    notice = issue_notice(_revise(world, weight=Decimal(6)), by=admin(), date=date(2024, 7, 1))
    item = indicator(world, "team", 5)

    for attempt in (
        lambda: revise_in_draft(notice, item, by=admin(), **values_of(item, weight=Decimal(3))),
        lambda: withdraw_from_draft(notice, item, by=admin()),
        lambda: edit_letter(
            notice,
            subject="x",
            recipients="y",
            owner_unit=None,
            phone=None,
            fax=None,
            by=admin(),
        ),
        lambda: discard_notice(notice, by=admin(), reason="ผิด"),
        lambda: issue_notice(notice, by=admin()),
    ):
        with pytest.raises(NotADraft):
            attempt()
    stored = Notice.objects.get(pk=notice.pk)
    assert (stored.state, stored.serial, stored.content) == ("issued", 2549, notice.content)


def test_after_an_issued_notice_the_next_revision_starts_a_new_draft(world, db):
    issued = issue_notice(_revise(world, weight=Decimal(6)), by=admin(), date=date(2024, 7, 1))
    follow_up = _revise(world, weight=Decimal(7))
    assert follow_up.pk != issued.pk
    assert follow_up.content["indicators"][0]["versions"][0]["weight"] == 6


def test_discarding_needs_a_reason(world, db):
    notice = _revise(world, weight=Decimal(6))
    with pytest.raises(ReasonRequired):
        discard_notice(notice, by=admin(), reason="  ")
    assert Notice.objects.get(pk=notice.pk).state == "draft"

    discard_notice(notice, by=admin(), reason="ผิดรอบ")
    stored = Notice.objects.get(pk=notice.pk)
    assert (stored.state, stored.discard_reason) == ("discarded", "ผิดรอบ")
    assert stored.history.first().history_change_reason == "ยกเลิกร่าง: ผิดรอบ"
    assert stored.history.first().history_user == admin()


def test_withdrawing_an_indicator_takes_it_out_of_the_draft(world, db):
    notice = _revise(world, weight=Decimal(6))
    notice = withdraw_from_draft(notice, indicator(world), by=admin())
    assert notice.content["indicators"] == []


def test_the_letter_s_parts_can_be_edited_in_the_draft(world, db):
    notice = _revise(world, weight=Decimal(6))
    notice = edit_letter(
        notice,
        subject="แจ้งการปรับแก้ไขตัวชี้วัดที่  ๘",
        recipients="สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ",
        owner_unit="กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน",
        phone="0 4531 2345",
        fax="",
        by=admin(),
    )
    document = notice.content["document"]
    assert document["subject"] == notice.subject == "แจ้งการปรับแก้ไขตัวชี้วัดที่ 8"
    assert (document["phone"], document["fax"]) == ("0 4531 2345", None)


def test_an_approved_round_is_not_revised(world, db):
    round = demo_round(world)
    round.status = "approved"
    round.save()
    with pytest.raises(RoundNotRevisable):
        start_revision(round, by=admin())
