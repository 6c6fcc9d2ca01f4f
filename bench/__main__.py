"""``make bench``: each figure beside a baseline measured in the same run, on the same machine.

``python -m bench --quick`` measures each figure once or twice, with fewer values to score:
enough to see that every benchmark still runs (``tests/test_bench.py``), not to compare.
The benchmarks that need Django run on scratch SQLite files in a temporary folder.
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench import documents, importing, parsing, scoring
from bench.scratch import start_django
from bench.timing import Runs


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="very few repetitions")
    runs = Runs(quick=parser.parse_args().quick)
    start = time.perf_counter()
    parsing.run(runs)
    scoring.run(runs)
    with tempfile.TemporaryDirectory(prefix="kpi-bench-") as folder:
        databases = start_django(Path(folder))
        importing.run(runs, databases)
        documents.run(runs, databases)
    print(f"total {time.perf_counter() - start:.1f} s{' (--quick)' if runs.quick else ''}")


if __name__ == "__main__":
    main()
