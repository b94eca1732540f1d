"""Output that survives any stop, and the resume that picks it up.

A corpus run writes ``OUT.partial`` as a series of whole *members*: a gzip member,
a zstd frame, or a run of plain bytes, each holding whole output lines. After each
member it replaces a small checkpoint file beside it (``OUT.partial.checkpoint``)
that says how many bytes of the partial file and how many records the members hold,
and what the run had counted by then. Ctrl-C and SIGTERM are held while a member and
its checkpoint are written, so they end a run between two members; SIGKILL or a
power cut can end it anywhere, so a resume trusts only what it can read back:

- the checkpoint, when the members up to it read back whole: the partial file is
  cut to it, and the run goes on after its records with its counts;
- else the readable prefix: every member that reads back whole, then the whole
  JSON lines of the first one that does not, and the rest dropped and said so.

Either way the resumed run's output is the same, line for line, as a run that was
never stopped (records are cleaned in input order, and cleaning is deterministic).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import zstandard

from .compression import compress, kind_for
from .tally import Tally, counted

FLUSH_BYTES = 1 << 20
"""A member is written once this many bytes of lines wait…"""
FLUSH_SECONDS = 1.0
"""…or once this long has passed since the last one: an interrupt loses at most
this much work, and a member is rarely so small that it compresses badly."""
GZIP_LEVEL = 6
"""zlib's default trade of size for speed (``gzip.compress`` defaults to 9, several
times slower for a few per cent)."""
CHECKPOINT_SUFFIX = ".checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    """How far a partial output is known good: its first ``size`` bytes are whole
    members holding ``records`` lines, and ``counts`` is what the run had counted
    by then (the summary's figures, as :meth:`dechaff.corpus.Tally.to_dict` gives)."""

    size: int = 0
    records: int = 0
    counts: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"size": self.size, "records": self.records, "counts": self.counts})

    @classmethod
    def load(cls, path: Path) -> Checkpoint | None:
        """The checkpoint in ``path``; ``None`` when there is none or it is unreadable."""
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(int(data["size"]), int(data["records"]), dict(data["counts"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


def checkpoint_path(partial: Path) -> Path:
    return partial.with_name(partial.name + CHECKPOINT_SUFFIX)


INTERRUPTS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def held_interrupts() -> Iterator[None]:
    """Ctrl-C and SIGTERM held until the block is over, then raised again for the
    handlers in place, so that what the block writes is written whole. Held by a
    Python handler, not a signal mask: a mask holds them from one thread only, and
    the kernel hands them to any other (a worker pool's threads). Outside the main
    thread, where no handler can be set, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    before = {s: signal.getsignal(s) for s in INTERRUPTS}
    held = [s for s, handler in before.items() if handler is not None]
    for signum in held:
        signal.signal(signum, lambda number, _frame: caught.append(number))
    try:
        yield
    finally:
        for signum in held:
            signal.signal(signum, before[signum])
        if caught:
            signal.raise_signal(caught[0])


class MemberWriter:
    """Output lines appended to ``partial`` in whole members, each followed by its
    checkpoint. :meth:`write` takes a line; :meth:`commit` says that the run's
    counts now cover every line written, and writes a member when one is due."""

    def __init__(self, partial: Path, kind: str | None, start: Checkpoint) -> None:
        self.partial = partial
        self.kind = kind
        self.state = start
        self._pending: list[str] = []
        self._pending_chars = 0
        self._last_flush = time.monotonic()
        self._file = open(partial, "ab" if start.size else "wb")  # noqa: SIM115 (closed in close)
        self._file.truncate(start.size)
        if not start.size:
            self._save(start)  # a new run: no checkpoint of an earlier one stands

    @property
    def records(self) -> int:
        """Lines written so far, in members or waiting for one."""
        return self.state.records + len(self._pending)

    def write(self, line: str) -> None:
        self._pending.append(line)
        self._pending_chars += len(line)

    def commit(self, counts: Callable[[], dict[str, Any]]) -> None:
        """Write the waiting lines as a member if enough wait or enough time passed;
        ``counts`` gives the run's counts, which now cover every line written."""
        due = time.monotonic() - self._last_flush >= FLUSH_SECONDS
        if self._pending_chars >= FLUSH_BYTES or due:
            self.flush(counts())

    def flush(self, counts: dict[str, Any]) -> None:
        """The waiting lines as one member, then its checkpoint."""
        self._last_flush = time.monotonic()
        if not self._pending:
            return
        data = "".join(self._pending).encode("utf-8")
        member = compress(data, self.kind, level=GZIP_LEVEL)
        with held_interrupts():
            self._file.write(member)
            self._file.flush()
            state = Checkpoint(self.state.size + len(member), self.records, counts)
            self._save(state)
        self.state = state
        self._pending.clear()
        self._pending_chars = 0

    def close(self, counts: dict[str, Any]) -> None:
        """Write what waits and close the file."""
        try:
            self.flush(counts)
        finally:
            self._file.close()

    def _save(self, state: Checkpoint) -> None:
        target = checkpoint_path(self.partial)
        temporary = target.with_name(target.name + ".new")
        temporary.write_text(state.to_json(), "utf-8")
        os.replace(temporary, target)


@dataclass(frozen=True)
class Readable:
    """What a partial output holds that reads back: ``members``, the end offset and
    the line count after each whole member, and ``text``, their lines; ``salvaged``,
    the whole JSON lines of the first member that is not whole; ``problem``, what was
    wrong with it."""

    members: list[tuple[int, int]]
    text: bytes = b""
    salvaged: bytes = b""
    problem: str | None = None

    @property
    def size(self) -> int:
        return self.members[-1][0] if self.members else 0

    @property
    def records(self) -> int:
        return self.members[-1][1] if self.members else 0


def read_members(data: bytes, kind: str | None) -> Readable:
    """The whole members of ``data`` and what can be saved of the first that is not
    (plain output: one member, up to its last whole line)."""
    if kind is None:
        end = data.rfind(b"\n") + 1
        whole = [(end, data.count(b"\n", 0, end))] if end else []
        return Readable(whole, data[:end], problem="a line cut off" if end < len(data) else None)
    view = memoryview(data)
    members: list[tuple[int, int]] = []
    texts: list[bytes] = []
    offset = records = 0
    while offset < len(data):
        text, used, problem = _one_member(view[offset:], kind)
        if problem is not None:
            return Readable(members, b"".join(texts), _whole_json_lines(text), problem)
        offset += used
        records += text.count(b"\n")
        members.append((offset, records))
        texts.append(text)
    return Readable(members, b"".join(texts))


def holds(data: bytes, readable: Readable, checkpoint: Checkpoint, kind: str | None) -> bool:
    """Whether ``checkpoint`` falls at the end of a whole member of ``data``."""
    size, records = checkpoint.size, checkpoint.records
    if size == 0:
        return records == 0
    if kind is None:
        return (
            size <= readable.size and data[size - 1 : size] == b"\n"
            and data.count(b"\n", 0, size) == records
        )  # fmt: skip
    return (size, records) in readable.members


_PIECE = 1 << 16


def _one_member(data: memoryview, kind: str) -> tuple[bytes, int, str | None]:
    """The text of the member at the start of ``data``, its length in bytes, and
    what is wrong with it (``None`` when it is whole and ends a line). A damaged
    gzip member gives what its deflate stream holds, unchecked (the caller keeps
    only whole JSON lines of it)."""
    text, used, problem = _decompress_member(data, kind, _PIECE)
    if problem is not None and problem.startswith("damaged") and kind == "gzip":
        text = _inflate_unchecked(data)
    return text, used, problem


def _inflate_unchecked(data: memoryview) -> bytes:
    """The deflate stream of a gzip member read without its trailer's check, as far
    as it reads."""
    start = _gzip_header_length(bytes(data[:1024]))
    reader = zlib.decompressobj(wbits=-15)
    out: list[bytes] = []
    try:
        for at in range(start, len(data), 256):
            out.append(reader.decompress(data[at : at + 256]))
            if reader.eof:
                break
    except zlib.error:
        pass  # (what came before the damage stands)
    return b"".join(out)


def _gzip_header_length(head: bytes) -> int:
    """Where a gzip member's deflate stream starts (RFC 1952: the fixed ten bytes,
    then the optional fields its flags name)."""
    flags, at = head[3] if len(head) > 3 else 0, 10
    if flags & 4:  # FEXTRA: a length, then that many bytes
        at += 2 + int.from_bytes(head[at : at + 2], "little")
    for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
        if flags & flag:
            at = head.index(b"\0", at) + 1 if b"\0" in head[at:] else len(head)
    return at + 2 if flags & 2 else at  # FHCRC


def _decompress_member(data: memoryview, kind: str, piece: int) -> tuple[bytes, int, str | None]:
    out: list[bytes] = []
    reader: Any = (
        zlib.decompressobj(wbits=31)
        if kind == "gzip"
        else zstandard.ZstdDecompressor().decompressobj()
    )
    used = 0
    try:
        for start in range(0, len(data), piece):
            chunk = data[start : start + piece]
            out.append(reader.decompress(chunk))
            if reader.eof:
                used = start + len(chunk) - len(reader.unused_data)
                break
    except (zlib.error, zstandard.ZstdError) as error:
        return b"".join(out), 0, f"damaged ({error})"
    text = b"".join(out)
    if not reader.eof:
        return text, 0, "cut off"
    if text and not text.endswith(b"\n"):
        return text, 0, "a line cut off"
    return text, used, None


def _whole_json_lines(text: bytes) -> bytes:
    """The leading lines of ``text`` that are whole JSON objects."""
    kept = 0
    for line in text.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            if not isinstance(json.loads(line), dict):
                break
        except ValueError:
            break
        kept += len(line)
    return text[:kept]


@dataclass(frozen=True)
class Resumed:
    """Where a resumed run starts: at ``start``; ``salvaged``, lines read from a
    damaged member, to write again first; ``uncounted``, the kept lines no checkpoint
    counted (the run counts them from what they hold); ``note``, what to tell."""

    start: Checkpoint
    salvaged: bytes = b""
    uncounted: bytes = b""
    note: str | None = None


def resume_from(partial: Path, kind: str | None) -> Resumed:
    """How to go on with ``partial``, as the module's docstring says."""
    data = partial.read_bytes()
    readable = read_members(data, kind)
    checkpoint = Checkpoint.load(checkpoint_path(partial))
    if checkpoint is not None and holds(data, readable, checkpoint, kind):
        return Resumed(checkpoint)
    kept = readable.records + readable.salvaged.count(b"\n")
    note = None
    if readable.problem is not None:
        note = (
            f"{partial}: kept the first {counted(kept, 'record')}, which read back whole; after "
            f"them the file was {readable.problem}, and that part is done again"
        )
    start = Checkpoint(readable.size, readable.records)
    return Resumed(start, readable.salvaged, readable.text + readable.salvaged, note)


class StreamWriter:
    """Output lines into a stream as they come (standard output: nothing to resume)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.records = 0

    def write(self, line: str) -> None:
        self.stream.write(line)
        self.records += 1

    def commit(self, counts: Callable[[], dict[str, Any]]) -> None:
        """(Nothing to checkpoint.)"""


class Output:
    """Where a corpus run writes its lines: standard output (``output`` ``None``), or
    ``OUT`` by way of ``OUT.partial`` in whole members with checkpoints, which becomes
    ``OUT`` only when the run is over. With ``resume``, it goes on with what an
    earlier run into the same ``OUT`` wrote: :attr:`done` records, counted in
    :meth:`tally`; ``say`` tells what the resume had to drop."""

    def __init__(
        self, output: str | None, resume: bool = False, say: Callable[[str], None] = print
    ) -> None:
        self.target = Path(output) if output else None
        self.partial = self.target.with_name(f"{self.target.name}.partial") if self.target else None
        self.kind = kind_for(self.target) if self.target is not None else None
        self.resumed = Resumed(Checkpoint())
        if resume and self.target is not None and self.partial is not None:
            if self.target.exists() and not self.partial.exists():
                os.replace(self.target, self.partial)  # a finished run: nothing left to do
            if self.partial.exists():
                self.resumed = resume_from(self.partial, self.kind)
        if self.resumed.note:
            say(f"dechaff: {self.resumed.note}")

    @property
    def done(self) -> int:
        """Records an earlier run wrote, which this one skips."""
        return self.resumed.start.records + self.resumed.salvaged.count(b"\n")

    def tally(self, text_key: str) -> Tally:
        """The counts of the records an earlier run wrote."""
        tally = Tally.from_dict(self.resumed.start.counts)
        tally.count_lines(self.resumed.uncounted, text_key)
        return tally

    @contextlib.contextmanager
    def open(self, tally: Tally) -> Iterator[MemberWriter | StreamWriter]:
        """A writer of lines; on leaving, what waits is written with ``tally``'s counts."""
        if self.partial is None:
            yield StreamWriter(sys.stdout)
            return
        writer = MemberWriter(self.partial, self.kind, self.resumed.start)
        for line in self.resumed.salvaged.decode("utf-8").splitlines(keepends=True):
            writer.write(line)
        try:
            yield writer
        finally:
            writer.close(tally.to_dict())

    def finish(self) -> None:
        """The output under its name (the run is over)."""
        if self.target is not None and self.partial is not None:
            os.replace(self.partial, self.target)
            checkpoint_path(self.partial).unlink(missing_ok=True)

    def how_to_go_on(self) -> str:
        """Where the output of a stopped run is, and how to finish it."""
        if self.partial is None:
            return "its records went to standard output; a run into -o OUT can be resumed"
        return f"the output so far is in {self.partial}: the same command with --resume goes on"
