"""Shared pytest hooks: the hostile-input tests report their worst time and memory."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

_COSTS: list[tuple[str, float, float]] = []


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture
def measured(request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """Call a function, recording its wall time and the growth of peak memory."""

    def run(fn: Callable[..., Any], *args: Any) -> Any:
        before = _rss_mb()
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            _COSTS.append((request.node.name, time.perf_counter() - start, _rss_mb() - before))

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
