"""Shared pytest hooks: the hostile-input tests assert, and report, their time and memory."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

_COSTS: list[tuple[str, float, float]] = []

MAX_SECONDS = 30.0
"""Longest a hostile input may take (on this project's 2-CPU machines the worst,
a 20 MB line, takes about 4 s)."""
MAX_GROWTH_MB = 1500.0
"""Most a hostile input may grow the process's peak memory (the worst: about 300 MB)."""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture
def measured(request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """Call a function, recording its wall time and the growth of peak memory, and
    failing the test when either passes its bound."""

    def run(fn: Callable[..., Any], *args: Any) -> Any:
        before = _rss_mb()
        start = time.perf_counter()
        result = fn(*args)
        seconds, grown = time.perf_counter() - start, _rss_mb() - before
        _COSTS.append((request.node.name, seconds, grown))
        assert seconds <= MAX_SECONDS, f"took {seconds:.1f} s (bound {MAX_SECONDS:.0f} s)"
        assert grown <= MAX_GROWTH_MB, (
            f"peak memory grew {grown:.0f} MB (bound {MAX_GROWTH_MB:.0f})"
        )
        return result

    yield run


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _COSTS:
        return
    terminalreporter.section("hostile inputs: time and peak-memory growth")
    for name, seconds, grown in sorted(_COSTS, key=lambda c: -c[1])[:12]:
        terminalreporter.write_line(f"{seconds:8.2f} s  {grown:+8.1f} MB  {name}")
    worst_t = max(c[1] for c in _COSTS)
    worst_m = max(c[2] for c in _COSTS)
    terminalreporter.write_line(f"worst: {worst_t:.2f} s, {worst_m:+.1f} MB peak growth")
