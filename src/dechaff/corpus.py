"""Corpus runs: a JSON-lines corpus or folders of pages, cleaned in input order by
the package's one worker pool (:func:`dechaff.batch.ordered_map`), written
atomically, resumable, and never losing a record: a record that cannot be cleaned
is written back with what it held and the reason (``dechaff_error``).

The command line (:mod:`dechaff.cli`) parses its arguments into a :class:`Run`
and calls :func:`run_jsonl` or :func:`run_folder`.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from .batch import CleanFailure, clean_many, ordered_map
from .pipeline import Cleaner
from .result import CleanResult
from .sniff import GZIP_MAGIC, NotAPage, gunzip, page_bytes

PAGE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
"""The files a folder run cleans."""


@dataclass(frozen=True)
class Run:
    """How a corpus run goes."""

    cleaner: Cleaner
    workers: int = 1
    chunksize: int = 16
    progress: bool = False
    stop_on_error: bool = False
    """Stop at the first bad record or page (else report it and go on)."""
    resume: bool = False
    """Skip what an earlier, interrupted run into the same output wrote."""
    say: Callable[[str], None] = print
    """Where a problem with a record or page is told, a line each (the command line
    tells stderr)."""


@dataclass(frozen=True)
class Cleaned:
    """What a worker sends back for one page: the body, the report as JSON, the counts.

    Much smaller than a :class:`CleanResult` (no blocks), so little crosses between
    processes.
    """

    text: str
    report: str
    """JSON of the result without its text."""
    source_length: int
    removed: dict[str, int]
    """Characters removed, by reason."""


def cleaned(result: CleanResult) -> Cleaned:
    """The compact form of a result (runs in the worker)."""
    report = result.to_dict()
    report.pop("text")
    removed: Counter[str] = Counter()
    for r in result.removals:
        removed[r.reason.value] += len(r.text)
    return Cleaned(
        result.text, json.dumps(report, ensure_ascii=False), result.source_length, dict(removed)
    )


@dataclass
class Tally:
    """What a corpus run did: for the summary line at the end."""

    pages: int = 0
    failures: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed: Counter[str] = field(default_factory=Counter)

    def add(self, source_length: int, chars_out: int, removed: dict[str, int]) -> None:
        """Count one cleaned page."""
        self.pages += 1
        self.chars_in += source_length
        self.chars_out += chars_out
        self.removed.update(removed)

    def render(self) -> str:
        top = ", ".join(f"{reason} {chars:,}" for reason, chars in self.removed.most_common(8))
        return (
            f"dechaff: {self.pages:,} {'page' if self.pages == 1 else 'pages'} cleaned, "
            f"{self.failures:,} failed; "
            f"{self.chars_in:,} chars in, {self.chars_out:,} out"
            + (f"; removed by reason: {top}" if top else "")
        )


# --- JSON lines -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecordDone:
    """One JSON-lines record, done: the line to write, and what the summary needs."""

    number: int
    output: str
    problem: str | None = None
    source_length: int = 0
    chars_out: int = 0
    removed: dict[str, int] = field(default_factory=dict)


def clean_record(cleaner: Cleaner, field_name: str, item: tuple[int, bytes]) -> RecordDone:
    """Decode, parse, clean and format one record (in a worker): only short strings
    come back. A bad record becomes an error record that keeps what it held."""
    number, raw = item
    record, problem = parse_record(raw, field_name)
    if record is not None and problem is None:
        try:
            done = cleaned(cleaner(record[field_name]))
        except Exception as error:
            problem = f"{type(error).__name__}: {error}"
        else:
            # dechaff's keys replace any of the same name already in the record
            record[f"{field_name}_clean"] = done.text
            record["dechaff"] = json.loads(done.report)
            output = json.dumps(record, ensure_ascii=False) + "\n"
            return RecordDone(
                number, output, None, done.source_length, len(done.text), done.removed
            )
    kept: dict[str, Any] = record if record is not None else {"line": number}
    if record is None:
        kept["record"] = raw.decode("utf-8", errors="replace").rstrip("\r\n")
    kept["dechaff_error"] = problem
    return RecordDone(number, json.dumps(kept, ensure_ascii=False) + "\n", problem)


def parse_record(raw: bytes, field_name: str) -> tuple[dict[str, Any] | None, str | None]:
    """The record of one line, and what is wrong with it (``None`` when it can be cleaned)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"not JSON ({error.msg} at column {error.colno})"
    if not isinstance(data, dict):
        return None, "not a JSON object"
    page = data.get(field_name)
    if not isinstance(page, str):
        kind = "missing" if page is None else f"{_article(type(page).__name__)}, not a string"
        return data, f"field {field_name!r} is {kind}"
    return data, None


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def run_jsonl(run: Run, source_name: str, field_name: str, output: str | None) -> Tally:
    """Clean the records of ``source_name`` (``-``: stdin; gzip recognised by content)
    into ``output`` (stdout when ``None``; gzip when it ends in ``.gz``), one line per
    record, in order; the output appears under its name only when the run is over."""
    source = _open_records(source_name)
    target = Path(output) if output else None
    partial = target.with_name(f"{target.name}.partial") if target else None
    compress = target is not None and target.suffix == ".gz"
    done = 0
    if run.resume and target is not None and partial is not None:
        done = _resume_point(target, partial, compress)
    out = _open_output(partial, bool(done), compress) if partial is not None else sys.stdout
    tally = Tally()
    stopped = False
    try:
        with source:
            stopped = _clean_lines(run, _numbered_lines(source, done), field_name, out, tally)
    finally:
        if out is not sys.stdout:
            out.close()
    if target is not None and partial is not None and not stopped:
        os.replace(partial, target)
    return tally


def _clean_lines(
    run: Run, lines: Iterator[tuple[int, bytes]], field_name: str, out: TextIO, tally: Tally
) -> bool:
    """Clean JSON lines in order, writing one line each; True if stopped on an error.

    Each worker parses its records, cleans them and formats the output lines, so
    the main process only reads and writes.
    """
    work = functools.partial(clean_record, run.cleaner, field_name)
    results = ordered_map(
        work, lines, workers=run.workers, chunksize=run.chunksize, progress=run.progress
    )
    for done in results:
        out.write(done.output)
        if done.problem is not None:
            tally.failures += 1
            run.say(f"dechaff: line {done.number}: {done.problem}")
            if run.stop_on_error:
                return True
            continue
        tally.add(done.source_length, done.chars_out, done.removed)
    return False


def _numbered_lines(stream: BinaryIO, skip: int) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their numbers, after the first ``skip`` of them."""
    seen = 0
    for number, line in enumerate(stream, 1):
        if line.strip():
            seen += 1
            if seen > skip:
                yield number, line


def _open_records(name: str) -> BinaryIO:
    """The JSON-lines input as bytes: stdin for ``-``; gzip recognised by content."""
    stream = cast(io.BufferedReader, sys.stdin.buffer if name == "-" else open(name, "rb"))  # noqa: SIM115
    if stream.peek(2)[:2] == GZIP_MAGIC:
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream))
    return stream


def _open_output(partial: Path, append: bool, compress: bool) -> TextIO:
    mode = "at" if append else "wt"
    if compress:  # appended gzip members read back as one stream
        return cast(TextIO, gzip.open(partial, mode, encoding="utf-8"))
    return cast(TextIO, open(partial, mode, encoding="utf-8"))


def _resume_point(target: Path, partial: Path, compressed: bool = False) -> int:
    """How many records an earlier, interrupted run wrote (complete lines only)."""
    if target.exists() and not partial.exists():
        os.replace(target, partial)
    if not partial.exists():
        return 0
    data = partial.read_bytes()
    if compressed:
        data = gunzip(data)
    complete = data[: data.rfind(b"\n") + 1]
    partial.write_bytes(gzip.compress(complete) if compressed else complete)
    return complete.count(b"\n")


# --- folders ------------------------------------------------------------------------


def page_files(folder: Path) -> list[Path]:
    """The pages under ``folder`` (by :data:`PAGE_SUFFIXES`), sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def run_folder(
    run: Run, inputs: Sequence[str], out_dir: Path, *, as_json: bool, report: bool
) -> Tally:
    """Clean files and folders of pages into ``out_dir``, mirroring each folder's
    layout: one ``.txt`` body per page (its report beside it as ``.report.json``
    when ``report``), or one ``.json`` object per page when ``as_json``."""
    jobs = _folder_jobs(inputs, out_dir, ".json" if as_json else ".txt", run.resume)
    tally = Tally()
    accepted: deque[tuple[Path, Path]] = deque()  # the pages handed to the cleaner, in order
    pages = _readable(run, jobs, accepted, tally)
    results = clean_many(
        pages, workers=run.workers, chunksize=run.chunksize, cleaner=run.cleaner,
        progress=run.progress, total=len(jobs), on_error="return", transform=cleaned,
    )  # fmt: skip
    for result in results:
        source, target = accepted.popleft()
        if isinstance(result, CleanFailure):
            tally.failures += 1
            run.say(f"dechaff: {source}: {result.error}")
            if run.stop_on_error:
                break
            continue
        tally.add(result.source_length, len(result.text), result.removed)
        _write_page(source, target, result, as_json=as_json, report=report)
    return tally


def _folder_jobs(
    inputs: Sequence[str], out_dir: Path, suffix: str, resume: bool
) -> list[tuple[Path, Path]]:
    """Each page to clean and the file its output goes to."""
    jobs = []
    for given in inputs:
        root = Path(given)
        for file in page_files(root) if root.is_dir() else [root]:
            relative = file.relative_to(root) if root.is_dir() else Path(file.name)
            target = out_dir / relative.with_suffix(suffix)
            if not (resume and target.exists()):
                jobs.append((file, target))
    return jobs


def _readable(
    run: Run, jobs: list[tuple[Path, Path]], accepted: deque[tuple[Path, Path]], tally: Tally
) -> Iterator[bytes]:
    """The pages' bytes; a file that cannot be read, or is no page, is counted as a
    failure and said why, before any cleaning."""
    for source, target in jobs:
        try:
            data = page_bytes(source.read_bytes())
        except (NotAPage, OSError) as error:
            tally.failures += 1
            run.say(f"dechaff: {source}: {error}")
            if run.stop_on_error:
                return
            continue
        accepted.append((source, target))
        yield data


def _write_page(
    source: Path, target: Path, result: Cleaned, *, as_json: bool, report: bool
) -> None:
    if as_json:
        page = {"page": str(source), "text": result.text, **json.loads(result.report)}
        body = json.dumps(page, ensure_ascii=False) + "\n"
    else:
        body = result.text + "\n"
        if report:  # beside the body: the report, as JSON
            write_atomically(target.with_suffix(".report.json"), result.report + "\n")
    write_atomically(target, body)


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file beside it: a reader sees
    the old file or the whole new one, never part of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, target)
