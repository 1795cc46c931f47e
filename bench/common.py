"""Helpers shared by the benchmarks."""
import statistics
import time
from pathlib import Path

SAMPLE_PLAN = Path(__file__).resolve().parent.parent / "resources" / "samples" / "example-plan.json"


def median_time(action, repeats: int = 7) -> float:
    """Median wall time of ``action()`` in seconds (one warm-up call first)."""
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
