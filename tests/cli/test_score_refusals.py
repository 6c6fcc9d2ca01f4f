"""`kpi score` refusals: one line on standard error, Thai then English, exit status 2, and the
Thai half in Thai words (no ``ฉบับcurrent``, no ``ตัวชี้วัดindividual``)."""

import re

import pytest

from kpi.cli import main
from tests.conftest import SEED

CODES = re.compile(r"\b(original|revised|current|team|individual|large|medium|small)\b")


def refusal(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    """``(thai, english)`` halves of the one line ``kpi score`` prints when it refuses; the
    English half ends with where and the hint (option values, quoted on purpose)."""
    code = main(["score", str(SEED), *args])
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith("kpi: ")
    thai, _, english = line.removeprefix("kpi: ").partition(" / ")
    return thai, english


def test_a_value_for_the_milestone_indicator_says_it_is_scored_by_steps(capsys) -> None:
    thai, english = refusal(capsys, "--indicator", "team/5", "--value", "3")

    assert english.startswith(
        "Indicator team/5 is scored by steps (--steps 1,2,3), not by a value [--value]"
    )
    assert thai == "ตัวชี้วัดรายทีมที่ 5 ให้คะแนนตามขั้นตอนที่ทำแล้ว (--steps 1,2,3) ไม่ใช่ค่าที่วัดได้"


def test_steps_for_the_threshold_indicator_say_it_is_scored_by_a_value(capsys) -> None:
    thai, english = refusal(
        capsys, "--indicator", "individual/8", "--size", "medium", "--steps", "1"
    )

    assert english.startswith("Indicator individual/8 is scored by a value (--value 75")
    assert english.endswith("not by steps [--steps]")
    assert thai.startswith("ตัวชี้วัดรายบุคคลที่ 8 ให้คะแนนตามค่าที่วัดได้")


def test_parts_for_the_milestone_indicator_are_a_mismatch_too(capsys) -> None:
    _, english = refusal(capsys, "--indicator", "team/5", "--done", "1", "--planned", "0")

    assert "is scored by steps" in english and english.endswith("[--done]")


def test_nothing_planned_says_the_planned_count_must_be_above_0(capsys) -> None:
    thai, english = refusal(
        capsys, "--indicator", "individual/8", "--size", "medium", "--done", "3", "--planned", "0"
    )

    assert english == "The planned count must be above 0 [--planned]"
    assert thai == "จำนวนทั้งหมดตามแผนต้องมากกว่า 0"


@pytest.mark.parametrize("given", [["--done", "3"], ["--value", "3", "--planned", "4"]])
def test_one_part_of_a_ratio_alone_is_refused(capsys, given) -> None:
    thai, english = refusal(capsys, "--indicator", "individual/8", "--size", "medium", *given)

    assert "--done" in english and "--planned" in english and "--done" in thai


def test_a_missing_size_lists_the_sizes_without_speaking_of_a_district(capsys) -> None:
    thai, english = refusal(capsys, "--indicator", "individual/8", "--value", "75")

    assert "the district" not in english
    assert "(large, medium, small)" in english and "[--size]" in english
    assert "give --size large|medium|small" in english
    assert "(ขนาดใหญ่, กลาง, เล็ก)" in thai


def test_an_unknown_status_names_the_versions_in_thai(capsys) -> None:
    thai, english = refusal(capsys, "--indicator", "team/5", "--status", "current", "--steps", "1")

    assert thai == "ตัวชี้วัดที่ 5 ไม่มีฉบับที่ประกาศ (ที่มีอยู่: ฉบับเดิม, แก้ไข)"
    assert english.startswith("Indicator 5 has no current version (it has: original, revised)")
    assert "ระบุ --status original|revised" in english


def test_an_unknown_indicator_names_the_kind_in_thai(capsys) -> None:
    thai, english = refusal(capsys, "--indicator", "individual/9", "--value", "1")

    assert thai == "เอกสารนี้ไม่มีตัวชี้วัดรายบุคคลที่ 9 (ที่มีอยู่: รายทีมที่ 5, รายบุคคลที่ 8)"
    assert "give --indicator team/5|individual/8" in english


@pytest.mark.parametrize(
    "args",
    [
        ["--indicator", "team/5", "--value", "3"],
        ["--indicator", "individual/8", "--size", "medium", "--steps", "1"],
        ["--indicator", "individual/8", "--value", "75"],
        ["--indicator", "team/5", "--status", "current", "--steps", "1"],
        ["--indicator", "individual/9", "--value", "1"],
    ],
)
def test_the_thai_half_carries_no_english_code(capsys, args) -> None:
    thai, _ = refusal(capsys, *args)

    assert not CODES.search(thai), thai
