"""``python -m bench --quick`` prints every figure beside its baseline, so a broken benchmark
fails the suite. Only the shape of the output is checked: timings belong to ``bench/``.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: how each figure's line starts, in the order ``bench`` prints them
FIGURES = (
    "parse the seed",
    "score 100,000 values",
    "import first circular, then the seed",
    "import the seed alone",
    "seed notice to DOCX",
    "seed notice to PDF",
    "25 scorecards, one PDF",
    "round workbook, XLSX",
)
TIMES = r"min +(\d+\.\d{3}) ms +median +(\d+\.\d{3}) ms +n=(\d+)"
FIGURE = re.compile(rf"(?P<name>\S.*?) +{TIMES}")
BASELINE = re.compile(rf"  baseline: (?P<name>\S.*?) +{TIMES} +ratio +(\d+\.\d)×")


def test_quick_bench_prints_every_figure_beside_its_baseline(tmp_path: Path) -> None:
    # Whatever DATABASE_URL says, the bench works on its own scratch files: never this one
    # (nor the project's db.sqlite3).
    database = tmp_path / "db.sqlite3"
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert not database.exists()

    lines = [line for line in done.stdout.splitlines() if "ms" in line]
    figures = [FIGURE.fullmatch(line) for line in lines[0::2]]
    baselines = [BASELINE.fullmatch(line) for line in lines[1::2]]
    assert len(lines) == 2 * len(FIGURES), done.stdout
    for expected, figure, baseline in zip(FIGURES, figures, baselines, strict=True):
        assert figure is not None and figure["name"].startswith(expected), (expected, done.stdout)
        assert baseline is not None, (expected, done.stdout)
        for match in (figure, baseline):
            low, median, runs = float(match[2]), float(match[3]), int(match[4])
            assert 0 < low <= median, (expected, match[0])
            assert runs >= 1
