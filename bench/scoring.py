"""Scoring many values with the engine, beside a bare loop with one comparison per value."""

from __future__ import annotations

import json
from decimal import Decimal

from bench.paths import SEED
from bench.timing import Runs, measure, report


def run(runs: Runs) -> None:
    from kpi.circulars import dumps, parse_path
    from kpi.scoring import criteria_from_version, score

    # Through JSON with Decimal numbers, as `kpi score` hands the parser's output to the engine.
    document = json.loads(dumps(parse_path(SEED)), parse_float=Decimal)
    individual8 = next(i for i in document["indicators"] if i["number"] == 8)
    rule = criteria_from_version(individual8["versions"][-1]).select("medium")
    count = runs(1_000_000, 100_000)
    values = [(Decimal(n) / 10) % 100 for n in range(count)]
    limit = Decimal(71)

    def engine() -> None:
        for value in values:
            score(rule, value=value)

    def baseline() -> None:
        hits = 0
        for value in values:
            if value >= limit:
                hits += 1

    report(
        f"score {count:,} values (revised ind. 8, medium)",
        measure(engine, repeat=runs(3)),
        "bare loop, one comparison per value",
        measure(baseline, repeat=runs(3)),
    )
