"""Clean many pages: in order, in several processes if asked, with an optional progress bar.

:func:`ordered_map` is the one worker pool of the package: :func:`clean_many`,
the command line and the corpus runs (:mod:`dechaff.corpus`) all go through it.
Workers start by :data:`START_METHOD`.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import multiprocessing
import pickle
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar, overload

from .errors import WorkerError
from .markdown import MarkdownOptions
from .pipeline import Cleaner
from .profile import SiteEvidence
from .result import CleanResult

T = TypeVar("T")
R = TypeVar("R")

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
"""How worker processes start: ``"forkserver"`` where the platform has it (Linux,
macOS), else ``"spawn"`` (Windows). Both are safe whatever threads the caller runs,
which ``"fork"`` is not; the fork server imports dechaff once, so each worker
starts from a process that has it loaded."""


@dataclass(frozen=True)
class CleanFailure:
    """A page that could not be cleaned, in place of its result (``on_error="return"``)."""

    index: int
    """Position of the page in the input."""
    error: str
    """Exception type and message."""


@overload
def clean_many(
    pages: Iterable[str | bytes],
    *,
    workers: int = ...,
    chunksize: int = ...,
    cleaner: Cleaner | None = ...,
    progress: bool = ...,
    total: int | None = ...,
    on_error: str = ...,
    transform: None = ...,
    start_method: str | None = ...,
) -> Iterator[CleanResult | CleanFailure]: ...


@overload
def clean_many(
    pages: Iterable[str | bytes],
    *,
    workers: int = ...,
    chunksize: int = ...,
    cleaner: Cleaner | None = ...,
    progress: bool = ...,
    total: int | None = ...,
    on_error: str = ...,
    transform: Callable[[CleanResult], T],
    start_method: str | None = ...,
) -> Iterator[T | CleanFailure]: ...


def clean_many(
    pages: Iterable[str | bytes],
    *,
    workers: int = 1,
    chunksize: int = 16,
    cleaner: Cleaner | None = None,
    progress: bool = False,
    total: int | None = None,
    on_error: str = "raise",
    transform: Callable[[CleanResult], Any] | None = None,
    start_method: str | None = None,
) -> Iterator[Any]:
    """Clean ``pages`` and yield their results in input order.

    ``workers > 1`` cleans in that many processes (each page is independent, so the
    results are the same as in one). ``progress=True`` shows a tqdm bar on stderr.
    ``on_error="return"`` yields a :class:`CleanFailure` for a page that raises,
    instead of stopping. ``transform``, a picklable function, is applied to each
    result where it was made (in the worker): return only what you keep, such as
    ``lambda r: r.text`` written as a module-level function, and far less crosses
    between processes. Workers start with ``start_method`` (default
    :data:`START_METHOD`). ``chunksize`` pages go to a worker at a time; ``total``,
    the number of pages when known, sizes the bar; ``cleaner`` is the pipeline
    (default :meth:`Cleaner.default`).

    Raises :class:`ValueError` for a bad ``on_error`` or ``workers`` (before any
    page is cleaned), a page's own error with ``on_error="raise"``, and
    :class:`WorkerError` when a worker process dies.

    >>> results = clean_many(["Advertisement\\nThe vote passed on Monday.", ""])
    >>> for r in results:
    ...     print(repr(r.text))
    'The vote passed on Monday.'
    ''
    """
    if on_error not in {"raise", "return"}:
        raise ValueError("on_error is 'raise' or 'return'")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    work = functools.partial(
        _clean_one, cleaner or Cleaner.default(), on_error == "return", transform
    )
    yield from ordered_map(
        work, enumerate(pages), workers=workers, chunksize=chunksize, progress=progress,
        total=total, start_method=start_method,
    )  # fmt: skip


def ordered_map(
    work: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int = 1,
    chunksize: int = 16,
    progress: bool = False,
    total: int | None = None,
    start_method: str | None = None,
) -> Iterator[R]:
    """``work`` applied to each of ``items``, results in input order: in this process,
    or in a pool of ``workers`` processes (``work`` must then be picklable), with a
    tqdm bar on stderr when ``progress`` (``total`` items, when known)."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if workers == 1:
        yield from _with_progress(map(work, items), progress, total)
        return
    context = multiprocessing.get_context(start_method or START_METHOD)
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["dechaff"])
    # The work crosses to the workers as bytes that each chunk loads inside its task:
    # a worker that cannot load it (a function its process cannot import) raises in
    # the caller, where the pool would lose the task and wait for it forever.
    packed = pickle.dumps(work)
    with context.Pool(workers, initializer=_leave_interrupts_to_the_parent) as pool:
        chunks = pool.imap(functools.partial(_map_chunk, packed), _chunked(items, chunksize))
        living = _Workers(pool)
        results = (result for chunk in _interruptible(chunks, living) for result in chunk)
        yield from _with_progress(results, progress, total)


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _map_chunk(packed: bytes, chunk: list[T]) -> list[R]:
    try:
        work: Callable[[T], R] = pickle.loads(packed)
    except Exception as error:
        raise WorkerError(
            f"a worker process cannot load its work ({type(error).__name__}: {error}); "
            "pass functions defined in a module the workers can import"
        ) from None
    return [work(item) for item in chunk]


class _Workers:
    """Watches a pool's worker processes. The pool replaces a worker that dies and
    never hands back the task it held: a change of workers means one died."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self.started = self._ids()

    def _ids(self) -> frozenset[int | None]:
        # the pool's own list of its processes (a Python without it: nothing to watch)
        return frozenset(p.pid for p in getattr(self.pool, "_pool", ()))

    def check(self) -> None:
        if self._ids() != self.started:
            raise WorkerError(
                "a worker process died (killed by the system, or crashed) and its pages "
                "are lost; the batch stops rather than wait for them"
            )


_END = object()
_POLL_SECONDS = 0.2


def _interruptible(results: Any, workers: _Workers | None = None) -> Iterator[Any]:
    """The pool's results, with Ctrl-C held while the main thread waits inside the
    pool and raised as ``KeyboardInterrupt`` once it is out (within ``_POLL_SECONDS``).

    An interrupt raised at an arbitrary point inside the pool's code can leave one of
    its locks held, and the pool's shutdown then waits for it forever; raised between
    results, it leaves the pool in a state its shutdown handles. While it waits, it
    checks that no worker died (``workers``).
    """
    pressed: list[int] = []
    while True:
        with _sigint_handler(lambda signum, _frame: pressed.append(signum)):
            item = _next_result(results, pressed, workers)
        if pressed:
            raise KeyboardInterrupt
        if item is _END:
            return
        yield item


def _next_result(results: Any, pressed: list[int], workers: _Workers | None) -> Any:
    """The next result, ``_END`` after the last, or ``None`` once Ctrl-C is pressed."""
    while not pressed:
        try:
            return results.next(timeout=_POLL_SECONDS)
        except StopIteration:
            return _END
        except multiprocessing.TimeoutError:
            if workers is not None:
                workers.check()
    return None


@contextlib.contextmanager
def _sigint_handler(handler: Callable[[int, Any], object]) -> Iterator[None]:
    """``handler`` for Ctrl-C (and SIGTERM, where the command line made it one) inside
    the block, where Python's own handler was in place (in the main thread, and not
    replaced by the caller); elsewhere nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    own = [
        s
        for s in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(s) is signal.default_int_handler
    ]
    for signum in own:
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum in own:
            signal.signal(signum, signal.default_int_handler)


def _leave_interrupts_to_the_parent() -> None:
    """In a worker: ignore Ctrl-C, which the whole process group receives; the parent
    stops the pool, and no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Cell(NamedTuple):
    """One table cell cleaned (:func:`clean_cell`)."""

    clean: str | None
    """The body; ``None`` for a cell that is no page, or a page that failed."""
    title: str | None
    report: str | None
    """The report as JSON text (``{"error": …}`` for a page that failed)."""
    markdown: str | None = None
    """The body as Markdown (:meth:`~dechaff.CleanResult.markdown`), when asked for."""

    @classmethod
    def parts(cls, markdown: bool | MarkdownOptions) -> tuple[str, ...]:
        """The fields a table gains as columns: the Markdown's only when asked for."""
        return cls._fields if markdown else cls._fields[:3]


def clean_cell(
    cleaner: Cleaner,
    value: object,
    html: bool | None = None,
    site: SiteEvidence | None = None,
    markdown: bool | MarkdownOptions = False,
) -> Cell:
    """One table cell cleaned: its body, its title and its report as JSON text (and
    the body as Markdown, when ``markdown`` asks for it); nulls for a cell that is no ``str`` or
    ``bytes``, and a report ``{"error": …}`` for a page that fails (one bad row never
    stops a job). ``html`` forces a mode; ``site``: the page's site boilerplate
    (:mod:`dechaff.profile`)."""
    if not isinstance(value, (str, bytes)):
        return Cell(None, None, None)
    clean: Callable[..., CleanResult] = (
        cleaner if html is None else cleaner.clean_html if html else cleaner.clean_text
    )
    try:
        result = clean(value, site=site)
    except Exception as error:
        return Cell(None, None, json.dumps({"error": f"{type(error).__name__}: {error}"}))
    report = json.dumps(result.report_dict(), ensure_ascii=False)
    options = MarkdownOptions.of(markdown)
    return Cell(result.text, result.title, report, options.render(result) if options else None)


def _clean_one(
    cleaner: Cleaner,
    keep_going: bool,
    transform: Callable[[CleanResult], Any] | None,
    item: tuple[int, str | bytes],
) -> Any:
    index, page = item
    try:
        result = cleaner(page)
        return transform(result) if transform is not None else result
    except Exception as error:
        if not keep_going:
            raise
        return CleanFailure(index, f"{type(error).__name__}: {error}")


def _with_progress(results: Iterator[Any], progress: bool, total: int | None) -> Iterator[Any]:
    if not progress:
        return results
    from tqdm import tqdm

    return iter(tqdm(results, total=total, unit="page", dynamic_ncols=True))
