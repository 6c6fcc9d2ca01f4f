"""`kpi parse` prints the contract JSON; bad input exits 2 with one line, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.cli import main
from tests.conftest import SEED, SEEDS

KPI = Path(sys.executable).with_name("kpi")


def test_it_prints_the_seed_exactly_as_the_contract_expects(capsys) -> None:
    assert main(["parse", str(SEED)]) == 0
    out, _ = capsys.readouterr()
    expected = json.loads((SEEDS / "000_83c347e598ee7ce5.expected.json").read_text("utf-8"))
    assert json.loads(out) == expected
    assert "\\u0e" not in out  # UTF-8, ensure_ascii off


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("เรื่อง ขอเชิญประชุม\nเรียน นายอำเภอ\nด้วยจังหวัดจะจัดประชุม".encode(), "circular"),
        (b"PK\x03\x04broken zip", "DOCX"),
    ],
)
def test_it_refuses_bad_input_with_status_2(tmp_path, capsys, content, needle) -> None:
    path = tmp_path / ("bad.docx" if content.startswith(b"PK") else "bad.txt")
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle.lower() in err.lower()


def test_a_missing_file_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    _, err = capsys.readouterr()
    assert "nope.txt" in err and "Traceback" not in err


def test_the_console_script_is_installed_and_helps_in_thai_and_english() -> None:
    # The project's own packaging installs it beside the interpreter (.venv/bin/kpi).
    assert KPI.exists(), KPI
    kpi = str(KPI)
    for args in (["--help"], ["parse", "--help"], ["score", "--help"], ["import", "--help"]):
        done = subprocess.run([kpi, *args], capture_output=True, text=True, check=True)
        assert "usage: kpi" in done.stdout
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in done.stdout), args  # Thai text
    done = subprocess.run([kpi, "parse", str(SEED)], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["document"]["number"] == "อบ 0019/ว 536"
