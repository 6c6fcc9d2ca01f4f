"""Parsing the seed circular, beside reading it and running one regex over it."""

from __future__ import annotations

import re

from bench.paths import SEED
from bench.timing import Runs, measure, report


def run(runs: Runs) -> None:
    from kpi.circulars import parse_path

    pattern = re.compile(r"ระดับคะแนน\s*(\d)")

    def baseline() -> None:
        pattern.findall(SEED.read_text(encoding="utf-8"))

    report(
        "parse the seed (kpi.circulars.parse_path)",
        measure(lambda: parse_path(SEED), repeat=runs(7, 2), number=10, warmup=runs.warmup),
        "read file + one regex",
        measure(baseline, repeat=runs(7, 2), number=10, warmup=runs.warmup),
    )
