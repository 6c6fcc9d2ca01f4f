"""``make bench``: each figure beside a baseline measured in the same run, on the same machine.

Ratios matter more than absolute times on a shared machine; each figure is the median of
several repetitions.
"""

import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "seeds" / "000_83c347e598ee7ce5.txt"


def median_seconds(fn: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def report(name: str, seconds: float, baseline_name: str, baseline: float) -> None:
    ratio = seconds / baseline if baseline else float("inf")
    print(f"{name:<44} {seconds * 1000:10.3f} ms")
    print(f"  baseline: {baseline_name:<34} {baseline * 1000:10.3f} ms   ratio {ratio:8.1f}×")


def bench_parse() -> None:
    from kpi.circulars import parse_path

    pattern = re.compile(r"ระดับคะแนน\s*(\d)")

    def baseline() -> None:
        pattern.findall(SEED.read_text(encoding="utf-8"))

    report(
        "parse the seed (kpi.circulars.parse_path)",
        median_seconds(lambda: parse_path(SEED), number=20),
        "read file + one regex",
        median_seconds(baseline, number=20),
    )


def bench_score() -> None:
    import json

    from kpi.circulars import dumps, parse_path
    from kpi.scoring import criteria_from_version, score

    document = json.loads(dumps(parse_path(SEED)), parse_float=Decimal)
    individual8 = next(i for i in document["indicators"] if i["number"] == 8)
    rule = criteria_from_version(individual8["versions"][-1]).select("medium")
    values = [Decimal(n) / 10 for n in range(1_000_000)]
    values = [v % 100 for v in values]
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
        "score 1,000,000 values (revised ind. 8, medium)",
        median_seconds(engine, repeat=3),
        "bare loop, one comparison per value",
        median_seconds(baseline, repeat=3),
    )


def bench_import() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ["MEDIA_ROOT"] = f"{tmp}/media"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpi.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, transaction

        call_command("migrate", verbosity=0)
        from kpi.rounds.importing import import_circular
        from kpi.rounds.models import CriterionLevel, Indicator, IndicatorVersion

        data = SEED.read_bytes()
        times = []
        for _ in range(5):
            with transaction.atomic():
                start = time.perf_counter()
                import_circular(data, SEED.name, by=None, create_missing=True)
                times.append(time.perf_counter() - start)
                rows = (
                    Indicator.objects.count()
                    + IndicatorVersion.objects.count()
                    + CriterionLevel.objects.count()
                )
                transaction.set_rollback(True)

        def baseline() -> None:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("CREATE TEMP TABLE IF NOT EXISTS bench_rows (n integer)")
                for n in range(rows):
                    cursor.execute("INSERT INTO bench_rows (n) VALUES (%s)", [n])
                transaction.set_rollback(True)

        report(
            "import the seed into an empty database",
            statistics.median(times),
            f"{rows} bare INSERTs in one transaction",
            median_seconds(baseline, repeat=5),
        )


if __name__ == "__main__":
    bench_parse()
    bench_score()
    bench_import()
