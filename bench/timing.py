"""Timing a figure and printing it beside its baseline.

Each figure is measured several times; the minimum is the least disturbed run on a shared
machine, the median the typical one. The ratio is median over baseline median: both are
measured in the same run on the same machine, so it survives a noisy neighbour better than
either time alone.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass


@dataclass(frozen=True)
class Runs:
    """How many times to measure: the full count, or (``--quick``) just enough to see it work."""

    quick: bool = False

    def __call__(self, full: int, quick: int = 1) -> int:
        return quick if self.quick else full

    @property
    def warmup(self) -> int:
        """Untimed calls first, so imports, caches and font loading are not in the figure."""
        return 0 if self.quick else 1


def measure(
    fn: Callable[[], object],
    *,
    repeat: int,
    number: int = 1,
    warmup: int = 0,
    around: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> list[float]:
    """Seconds per call of *fn*, one entry per repetition of *number* calls.

    *around* is entered before and left after each repetition, outside the timed part (a
    fresh database for each run of an import).
    """
    for _ in range(warmup):
        with around():
            fn()
    times = []
    for _ in range(repeat):
        with around():
            start = time.perf_counter()
            for _ in range(number):
                fn()
            times.append((time.perf_counter() - start) / number)
    return times


def _times(times: list[float]) -> str:
    return (
        f"min {min(times) * 1000:10.3f} ms  median {statistics.median(times) * 1000:10.3f} ms"
        f"  n={len(times)}"
    )


def report(name: str, times: list[float], baseline_name: str, baseline: list[float]) -> None:
    """Two lines: the figure, then its baseline with the ratio of the medians."""
    base = statistics.median(baseline)
    ratio = statistics.median(times) / base if base else float("inf")
    print(f"{name:<54} {_times(times)}")
    print(f"  baseline: {baseline_name:<42} {_times(baseline)}  ratio {ratio:8.1f}×", flush=True)
