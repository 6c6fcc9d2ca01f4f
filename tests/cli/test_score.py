"""`kpi score`: the seed cases through the command line, and its refusals."""

import json

import pytest

from kpi.cli import main
from tests.conftest import SEED


def run_score(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(["score", str(SEED), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize(
    ("size", "value", "level"),
    [
        ("large", "75", 3),
        ("medium", "75", 4),
        ("small", "75", 5),
        ("large", "20.5", 1),
        ("medium", "0", 0),
        ("large", "91", 5),
        ("medium", "91", 5),
        ("small", "91", 5),
        ("medium", "71", 4),
        ("medium", "70.9", 3),
    ],
)
def test_it_scores_the_revised_indicator_8_by_size(capsys, size, value, level) -> None:
    result = run_score(capsys, "--indicator", "individual/8", "--size", size, "--value", value)
    assert result["level"] == level
    assert result["status"] == "revised"


def test_it_scores_the_original_indicator_8_without_a_size(capsys) -> None:
    result = run_score(
        capsys, "--indicator", "individual/8", "--status", "original", "--value", "85"
    )
    assert result["level"] == 4
    assert result["next"] == {
        "level": 5,
        "value": 91,
        "exclusive": False,
        "direction": "higher",
        "text": "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ไม่น้อยกว่าร้อยละ 91 ขึ้นไป",
    }


def test_it_scores_a_ratio_from_its_parts(capsys) -> None:
    result = run_score(
        capsys, "--indicator", "individual/8", "--size", "medium", "--done", "40", "--planned", "50"
    )
    assert (result["value"], result["level"]) == (80, 4)
    assert result["weighted_score"] == 4


def test_it_flags_milestone_steps_done_out_of_order(capsys) -> None:
    result = run_score(capsys, "--indicator", "team/5", "--steps", "1,2,4,5")
    assert result["level"] == 2
    assert result["flagged_steps"] == [4, 5]
    assert result["next"]["step"] == 3
    assert all("3" in text for text in result["explanations_th"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--indicator", "individual/8", "--value", "75"], "large|medium|small"),
        (["--indicator", "individual/9", "--value", "75"], "individual/8"),
        (["--indicator", "team/5", "--steps", "1,x"], "--steps"),
        (["--indicator", "individual/8", "--size", "medium", "--value", "abc"], "--value"),
        (["--indicator", "team5", "--value", "1"], "--indicator"),
        (["--indicator", "individual/8", "--status", "current", "--value", "1"], "original"),
        (
            ["--indicator", "individual/8", "--size", "medium", "--done", "1", "--planned", "0"],
            "",
        ),
    ],
)
def test_it_refuses_bad_options_with_one_line_and_status_2(capsys, args, needle) -> None:
    code = main(["score", str(SEED), *args])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert "Traceback" not in err
