"""clean_many: order, failures, transforms in the worker, processes."""

from __future__ import annotations

import operator
import pickle
import signal
import sys
import types
from collections.abc import Iterator

import pytest
from helpers import fixtures

from dechaff import CleanFailure, WorkerError, clean, clean_many

text_of = operator.attrgetter("text")  # a transform every worker process can load


def test_results_in_input_order_equal_clean() -> None:
    pages = [f.raw for f in fixtures()]
    assert list(clean_many(pages)) == [clean(p) for p in pages]


def test_failures_are_returned_or_raised() -> None:
    pages: list[object] = ["The vote passed on Monday, officials said.", None, b"Bytes too."]
    results = list(clean_many(pages, on_error="return"))  # type: ignore[arg-type]
    assert isinstance(results[1], CleanFailure) and results[1].index == 1
    assert "TypeError" in results[1].error
    with pytest.raises(TypeError):
        list(clean_many(pages))  # type: ignore[arg-type]


def test_transform_runs_in_the_workers() -> None:
    pages = [f.raw for f in fixtures()][:6]
    texts = list(clean_many(pages, workers=2, chunksize=1, transform=text_of))
    assert texts == [clean(p).text for p in pages]


def test_results_pickle() -> None:
    result = clean(fixtures()[0].raw)
    assert pickle.loads(pickle.dumps(result)) == result


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(clean_many([], workers=0))
    with pytest.raises(ValueError, match="on_error"):
        list(clean_many([], on_error="ignore"))


@pytest.fixture
def bounded() -> Iterator[None]:
    """Fails the test, where it would hang, after 60 seconds."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("no answer within 60 s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_work_the_workers_cannot_load_is_an_error(bounded: None) -> None:
    module = types.ModuleType("dechaff_test_vanishing")  # only this process has it
    exec("def text(result):\n    return result.text", module.__dict__)
    sys.modules[module.__name__] = module
    try:
        with pytest.raises(WorkerError, match=r"cannot load its work.*dechaff_test_vanishing"):
            list(clean_many(["The vote passed on Monday."] * 4, workers=2, transform=module.text))
    finally:
        del sys.modules[module.__name__]


def test_a_worker_that_dies_stops_the_batch_with_an_error(bounded: None) -> None:
    # sys.exit raises SystemExit in the worker, which ends its process mid-task
    with pytest.raises(WorkerError, match="worker process died"):
        list(clean_many(["The vote passed on Monday."] * 4, workers=2, transform=sys.exit))


class _PressedWhileWaiting:
    """Pool results whose wait is interrupted by Ctrl-C once, then hold one result."""

    def __init__(self) -> None:
        self.waits = 0

    def next(self, timeout: float | None = None) -> str:
        import multiprocessing
        import signal

        self.waits += 1
        if self.waits == 1:
            signal.raise_signal(signal.SIGINT)  # lands inside the pool's wait
            raise multiprocessing.TimeoutError
        return "result"


def test_ctrl_c_inside_the_pool_is_raised_between_results() -> None:
    import signal

    from dechaff.batch import _interruptible

    results = _PressedWhileWaiting()
    with pytest.raises(KeyboardInterrupt):
        next(_interruptible(results))
    assert results.waits == 1  # raised after the wait, not by waiting on for a result
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_chunked_workers_keep_order_across_chunks() -> None:
    pages = [f"Advertisement\nStory number {i} ran on Monday." for i in range(37)]
    texts = [r.text for r in clean_many(pages, workers=2, chunksize=5)]  # type: ignore[union-attr]
    assert texts == [f"Story number {i} ran on Monday." for i in range(37)]
