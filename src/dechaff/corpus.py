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
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from .batch import CleanFailure, ordered_map
from .decode import to_text
from .html import decode_html, looks_like_html, parse
from .pipeline import Cleaner
from .profile import SiteEvidence, SiteProfile, page_hashes, site_of
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
    profile: SiteProfile | None = None
    """Clean each page with its site's boilerplate from this profile."""
    site_field: str = "url"
    """JSON lines: the field that names a record's site (see :func:`site_key`)."""
    site: str | None = None
    """Folders: the site of every page; ``None``: each page's folder."""
    record_sites: RecordSites | None = None
    """JSON lines: each record's site as a first pass over the same input read it
    (spares reading each record's site again)."""

    def evidence_for(
        self, site: str | None, cache: dict[str, SiteEvidence | None]
    ) -> SiteEvidence | None:
        """The boilerplate of ``site`` by the cleaner's thresholds (once per site)."""
        if self.profile is None or not site:
            return None
        if site not in cache:
            s = self.cleaner.settings
            cache[site] = self.profile.evidence(
                site, min_pages=s.site_min_pages, min_share=s.site_min_share,
                min_site_pages=s.site_min_site_pages,
            )  # fmt: skip
        return cache[site]


class RecordSites:
    """The site of each record of a corpus, by its place among the records: a name
    table and one 4-byte index per record."""

    def __init__(self) -> None:
        self._names: list[str] = []
        self._ids: dict[str, int] = {}
        self._records = array("i")

    def append(self, site: str | None) -> None:
        if site is None:
            self._records.append(-1)
            return
        found = self._ids.get(site)
        if found is None:
            found = self._ids[site] = len(self._names)
            self._names.append(site)
        self._records.append(found)

    def __getitem__(self, record: int) -> str | None:
        if record >= len(self._records):
            return None
        found = self._records[record]
        return self._names[found] if found >= 0 else None


def site_key(value: object) -> str | None:
    """The site a record's field names: the host of a web address, else the value.

    >>> site_key("https://www.example.com/a"), site_key("example-shard-7"), site_key(3)
    ('example.com', 'example-shard-7', None)
    """
    if not isinstance(value, str) or not value:
        return None
    return site_of(value) if "://" in value or value.startswith("www.") else value


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


def clean_record(
    cleaner: Cleaner, field_name: str, item: tuple[int, bytes, SiteEvidence | None]
) -> RecordDone:
    """Decode, parse, clean and format one record (in a worker): only short strings
    come back. A bad record becomes an error record that keeps what it held."""
    number, raw, site = item
    record, problem = parse_record(raw, field_name)
    if record is not None and problem is None:
        try:
            done = cleaned(cleaner(record[field_name], site=site))
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
            lines = _numbered_lines(source, done)
            stopped = _clean_lines(run, _with_sites(run, lines, done), field_name, out, tally)
    finally:
        if out is not sys.stdout:
            out.close()
    if target is not None and partial is not None and not stopped:
        os.replace(partial, target)
    return tally


def _clean_lines(
    run: Run,
    lines: Iterator[tuple[int, bytes, SiteEvidence | None]],
    field_name: str,
    out: TextIO,
    tally: Tally,
) -> bool:
    """Clean JSON lines in order, writing one line each; True if stopped on an error.

    Each worker parses its records, cleans them and formats the output lines, so
    the main process only reads and writes.
    """
    work = functools.partial(clean_record, run.cleaner, field_name)
    results = ordered_map(
        work, lines, workers=run.workers, chunksize=run.chunksize,
        progress=run.progress,
    )  # fmt: skip
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


def _with_sites(
    run: Run, lines: Iterator[tuple[int, bytes]], first: int
) -> Iterator[tuple[int, bytes, SiteEvidence | None]]:
    """Each line with its site's boilerplate (read here, in the main process, so that
    a worker receives only its own record's few lines of evidence); ``first``: the
    place of the first line among the records."""
    cache: dict[str, SiteEvidence | None] = {}
    known = run.record_sites
    for record, (number, raw) in enumerate(lines, first):
        if run.profile is None:
            yield number, raw, None
            continue
        site = known[record] if known is not None else _record_site(raw, run.site_field)
        yield number, raw, run.evidence_for(site, cache)


def _record_site(raw: bytes, site_field: str) -> str | None:
    try:
        record = json.loads(raw)
    except ValueError:
        return None  # (the worker reports the record)
    return site_key(record.get(site_field)) if isinstance(record, dict) else None


def learn_jsonl(
    run: Run, source_name: str, field_name: str
) -> tuple[SiteProfile, Tally, RecordSites]:
    """A site profile of the records of ``source_name``, each counted under the site
    its ``run.site_field`` names (records that are no page count as failures), and
    each record's site."""
    profile, tally, sites = SiteProfile(), Tally(), RecordSites()
    with _open_records(source_name) as source:
        work = functools.partial(_record_lines, field_name, run.site_field)
        found = ordered_map(
            work, _numbered_lines(source, 0), workers=run.workers, chunksize=run.chunksize,
            progress=run.progress,
        )  # fmt: skip
        for number, site, hashes, problem in found:
            sites.append(site)
            if problem is not None or site is None:
                tally.failures += 1
                run.say(f"dechaff: line {number}: {problem or f'no site in {run.site_field!r}'}")
                continue
            profile.learn_hashes(hashes, site)
            tally.pages += 1
    return profile, tally, sites


def _record_lines(
    field_name: str, site_field: str, item: tuple[int, bytes]
) -> tuple[int, str | None, set[int], str | None]:
    """One record's site and distinct line hashes (in a worker), or its problem."""
    number, raw = item
    record, problem = parse_record(raw, field_name)
    if record is None or problem is not None:
        return number, None, set(), problem
    return number, site_key(record.get(site_field)), page_text_hashes(record[field_name]), None


def page_text_hashes(page: str) -> set[int]:
    """The line hashes of a page as the cleaner will read it (HTML: its visible text)."""
    return page_hashes(parse(page).text if looks_like_html(page) else page)


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
    jobs = _folder_jobs(run, inputs, out_dir, ".json" if as_json else ".txt")
    tally = Tally()
    accepted: deque[_Job] = deque()  # the pages handed to the cleaner, in order
    cache: dict[str, SiteEvidence | None] = {}
    pages = (
        (i, data, run.evidence_for(job.site, cache))
        for i, (job, data) in enumerate(_readable(run, jobs, accepted, tally))
    )
    results = ordered_map(
        functools.partial(_clean_page, run.cleaner), pages, workers=run.workers,
        chunksize=run.chunksize, progress=run.progress, total=len(jobs),
    )  # fmt: skip
    for result in results:
        job = accepted.popleft()
        source, target = job.source, job.target
        if isinstance(result, CleanFailure):
            tally.failures += 1
            run.say(f"dechaff: {source}: {result.error}")
            if run.stop_on_error:
                break
            continue
        tally.add(result.source_length, len(result.text), result.removed)
        _write_page(source, target, result, as_json=as_json, report=report)
    return tally


@dataclass(frozen=True)
class _Job:
    source: Path
    target: Path
    site: str
    """The folder the page stands in, or the site the run was given."""


def _folder_jobs(run: Run, inputs: Sequence[str], out_dir: Path, suffix: str) -> list[_Job]:
    """Each page to clean, the file its output goes to, and its site."""
    jobs = []
    for given in inputs:
        root = Path(given)
        for file in page_files(root) if root.is_dir() else [root]:
            relative = file.relative_to(root) if root.is_dir() else Path(file.name)
            target = out_dir / relative.with_suffix(suffix)
            if not (run.resume and target.exists()):
                site = run.site or file.resolve().parent.name
                jobs.append(_Job(file, target, site))
    return jobs


def _readable(
    run: Run, jobs: list[_Job], accepted: deque[_Job], tally: Tally
) -> Iterator[tuple[_Job, bytes]]:
    """The pages' bytes; a file that cannot be read, or is no page, is counted as a
    failure and said why, before any cleaning."""
    for job in jobs:
        try:
            data = page_bytes(job.source.read_bytes())
        except (NotAPage, OSError) as error:
            tally.failures += 1
            run.say(f"dechaff: {job.source}: {error}")
            if run.stop_on_error:
                return
            continue
        accepted.append(job)
        yield job, data


def _clean_page(
    cleaner: Cleaner, item: tuple[int, bytes, SiteEvidence | None]
) -> Cleaned | CleanFailure:
    """One page of a folder, cleaned in a worker; its failure, if it fails."""
    index, data, site = item
    try:
        return cleaned(cleaner(data, site=site))
    except Exception as error:
        return CleanFailure(index, f"{type(error).__name__}: {error}")


def learn_folder(run: Run, inputs: Sequence[str]) -> tuple[SiteProfile, Tally]:
    """A site profile of the pages of files and folders, each counted under the
    folder it stands in (or ``run.site``)."""
    profile, tally = SiteProfile(), Tally()
    jobs = _folder_jobs(run, inputs, Path(), "")
    accepted: deque[_Job] = deque()
    found = ordered_map(
        _hashes_of_bytes, (data for _, data in _readable(run, jobs, accepted, tally)),
        workers=run.workers, chunksize=run.chunksize, progress=run.progress, total=len(jobs),
    )  # fmt: skip
    for hashes in found:
        profile.learn_hashes(hashes, accepted.popleft().site)
        tally.pages += 1
    return profile, tally


def _hashes_of_bytes(data: bytes) -> set[int]:
    """The line hashes of a page file, decoded as the cleaner decodes it."""
    if looks_like_html(data[:2048].decode("latin-1")):
        return page_hashes(parse(decode_html(data)).text)
    return page_hashes(to_text(data))


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
