"""Peak resident memory: of this process alone (:func:`own_peak_mb`), or of this
process and all its descendants, sampled (:class:`PeakMemory`)."""

from __future__ import annotations

import resource
import threading
from pathlib import Path


def own_peak_mb() -> float:
    """This process's own peak resident size, in MB. Linux's ``ru_maxrss`` carries
    over the size of the process that started this one (a spawned child starts as
    a copy of its parent, which may hold every page of a set), so the high-water
    mark of this process's own memory is read where the system gives it
    (``VmHWM``); ``ru_maxrss`` elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PeakMemory:
    """The largest resident memory of this process and all its descendants, sampled."""

    def __init__(self, every: float = 0.5) -> None:
        import psutil

        self.root = psutil.Process()
        self.peak = 0
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            for proc in [self.root, *self.root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)
