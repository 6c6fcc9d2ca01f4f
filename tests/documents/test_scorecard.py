"""The scorecard's numbers are the engine's: each line level × weight / 5, the achievement
their sum, the total 70 % achievement + 30 % competency (50/50 on probation), the rating by
band; rounded only as printed. Checked against arithmetic done here from the stored levels."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from kpi.documents import reports
from kpi.documents.writing.scorecard import scorecards_pdf
from kpi.results.actions import set_competency
from kpi.results.errors import CompetencyInvalid
from kpi.results.models import Competency, Result
from kpi.results.reporting import scorecard, scorecards
from kpi.thai import to_thai
from tests.documents import report_builders
from tests.documents.report_builders import head, needs_poppler, pdf_text, round_of, squash

pytestmark = pytest.mark.django_db
approved = report_builders.approved  # the module's approved round (a fixture)

BANDS = ((90, "ดีเด่น"), (80, "ดีมาก"), (70, "ดี"), (60, "พอใช้"), (0, "ต้องปรับปรุง"))


def shown(number: Decimal) -> str:
    return str(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def expected_achievement(world, person) -> Decimal:  # type: ignore[no-untyped-def]
    """Σ level × weight / 5 over the person's own results and their office's team results."""
    results = Result.objects.filter(item__agreement__round_id=world.round.pk).select_related("item")
    mine = [r for r in results if r.person_id == person.pk] + [
        r for r in results if r.person_id is None and r.district_id == person.district_id
    ]
    assert mine
    levels = [(r.verified_level if r.verified_level is not None else r.level) for r in mine]
    return sum(
        (level * r.item.weight / 5 for level, r in zip(levels, mine, strict=True)), Decimal(0)
    )


def band(total: Decimal) -> str:
    printed = total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return next(label for minimum, label in BANDS if printed >= minimum)


def sheet_of(world, code: str, *, thai_digits: bool = True):  # type: ignore[no-untyped-def]
    return reports.scorecards(round_of(world), [head(world, code)], thai_digits=thai_digits).sheets[
        0
    ]


def test_each_line_is_level_times_weight_over_five(approved) -> None:  # type: ignore[no-untyped-def]
    sheet = sheet_of(approved, "3401", thai_digits=False)
    person = head(approved, "3401")
    results = Result.objects.filter(item__agreement__round_id=approved.round.pk).select_related(
        "item__indicator"
    )

    items = [row for row in sheet.rows if row.role == "item"]
    mine = [r for r in results if r.person_id == person.pk or r.district_id == person.district_id]
    mine = [r for r in mine if r.person_id in (None, person.pk)]
    assert len(items) == len(mine)
    for result in mine:
        level = result.verified_level if result.verified_level is not None else result.level
        row = next(r for r in items if r.text.startswith(f"ตัวชี้วัดที่ {result.item.indicator.number} "))
        assert row.weighted == shown(level * result.item.weight / 5)
        assert Decimal(row.level) == level


def test_the_achievement_total_and_rating_are_the_engines(approved) -> None:  # type: ignore[no-untyped-def]
    person = head(approved, "3401")
    achievement = expected_achievement(approved, person)
    competency = Competency.objects.get(round_id=approved.round.pk, person=person).score
    total = achievement * Decimal("0.7") + competency * Decimal("0.3")

    sheet = sheet_of(approved, "3401", thai_digits=False)

    parts = {row.label: row for row in sheet.summary}
    assert parts["ผลสัมฤทธิ์ของงาน"].score == shown(achievement)
    assert (parts["ผลสัมฤทธิ์ของงาน"].share, parts["พฤติกรรมการปฏิบัติราชการ"].share) == ("70", "30")
    assert parts["พฤติกรรมการปฏิบัติราชการ"].score == shown(competency)
    assert parts["คะแนนรวม"].score == shown(total)
    assert sheet.rating == band(total)
    assert sheet.rows[-1].weighted == shown(achievement)  # the table's total line


def test_probation_takes_fifty_fifty(approved) -> None:  # type: ignore[no-untyped-def]
    person = head(approved, "3401")
    set_competency(approved.round, person, "85.50", by=None, probation=True)
    achievement = expected_achievement(approved, person)

    sheet = sheet_of(approved, "3401", thai_digits=False)

    parts = {row.label: row for row in sheet.summary}
    total = (achievement + Decimal("85.50")) / 2
    assert parts["คะแนนรวม"].score == shown(total)
    assert parts["ผลสัมฤทธิ์ของงาน"].share == "50"
    assert sheet.rating == band(total)


def test_without_competency_there_is_no_total_nor_rating(approved) -> None:  # type: ignore[no-untyped-def]
    sheet = sheet_of(approved, "3402")

    parts = {row.label: row for row in sheet.summary}
    assert parts["พฤติกรรมการปฏิบัติราชการ"].score == "—"
    assert parts["คะแนนรวม"].score == "—"
    assert sheet.rating == "—"
    assert parts["ผลสัมฤทธิ์ของงาน"].score == to_thai(
        shown(expected_achievement(approved, head(approved, "3402")))
    )
    assert any("ยังไม่ได้บันทึกคะแนนพฤติกรรม" in note for note in sheet.notes)


def test_many_scorecards_at_once_equal_one_at_a_time(approved, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    round = round_of(approved)
    people = [head(approved, "3401"), head(approved, "3402")]

    with django_assert_num_queries(1):
        together = scorecards(round, people)

    for card, person in zip(together, people, strict=True):
        alone = scorecard(round, person)
        assert [line.result.pk for line in card.lines] == [line.result.pk for line in alone.lines]
        assert card.achievement == alone.achievement


@needs_poppler
def test_the_pdf_prints_the_same_numbers_in_thai_digits(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    person = head(approved, "3401")
    achievement = expected_achievement(approved, person)
    competency = Competency.objects.get(round_id=approved.round.pk, person=person).score
    total = achievement * Decimal("0.7") + competency * Decimal("0.3")

    pdf = scorecards_pdf(reports.scorecards(round_of(approved), [person]))
    text = squash(pdf_text(pdf, tmp_path))

    assert squash(to_thai(person.full_name)) in text
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in text
    for number in (achievement, competency, total):
        assert to_thai(shown(number)) in text
    assert band(total) in text


@pytest.mark.parametrize("score", ["100.01", "-1", "abc", "85.555", 85.5, None])
def test_a_competency_score_outside_0_to_100_is_refused(approved, score) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CompetencyInvalid) as refused:
        set_competency(approved.round, head(approved, "3402"), score, by=None)

    assert refused.value.code == "competency_invalid"
    assert "0" in refused.value.message_th
    assert not Competency.objects.filter(person=head(approved, "3402")).exists()
