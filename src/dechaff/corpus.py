"""Corpus runs: a JSON-lines corpus or folders of pages, cleaned in input order by
the package's one worker pool (:func:`dechaff.batch.ordered_map`), written
atomically, resumable, and never losing a record: a record that cannot be cleaned
is written back with what it held and the reason (``dechaff_error``).

The command line (:mod:`dechaff.cli`) parses its arguments into a :class:`Run`
and calls :func:`run_jsonl` or :func:`run_folder`.
"""

from __future__ import annotations

import contextlib
import functools
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

import orjson

from .batch import CleanFailure, ordered_map
from .compression import (
    SUFFIXES,
    compress,
    decompress,
    kind_for,
    kind_of,
    open_reader,
    open_writer,
)
from .decode import to_text
from .html import decode_html, looks_like_html, parse
from .pipeline import Cleaner
from .profile import LineHasher, SiteEvidence, SiteProfile, page_hashes, site_of
from .result import CleanResult
from .sniff import NotAPage, page_bytes
from .warc import DAMAGED, CrawlPage, read_warc

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
    globs: tuple[str, ...] = ()
    """Folders: take the files matching these patterns (default: by extension)."""
    with_report: bool = True
    """JSON-lines and crawl output: each record carries its report (``dechaff``)."""
    reports_to: Path | None = None
    """JSON lines: write the reports to this file instead, a line per record in the
    same order (``line``, the record's ``id`` and ``url`` when it has them, and
    ``dechaff`` or ``dechaff_error``)."""
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


def loads(line: str | bytes) -> Any:
    """One JSON value, by orjson (several times faster than the standard library);
    what orjson refuses and the standard library takes (integers past 64 bits,
    ``NaN``) by the latter, whose error is the one raised when neither takes it."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


def dumps(value: Any) -> str:
    """One JSON value on one line, non-ASCII text as it is (orjson, else the standard
    library for what orjson cannot write)."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


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
    report: dict[str, Any]
    """The result's :meth:`~dechaff.CleanResult.to_dict` without its text (serialised
    once, with the record it goes into)."""
    source_length: int
    removed: dict[str, int]
    """Characters removed, by reason."""


def cleaned(result: CleanResult) -> Cleaned:
    """The compact form of a result (runs in the worker)."""
    report = result.report_dict()
    removed: Counter[str] = Counter()
    for r in result.removals:
        removed[r.reason.value] += len(r.text)
    return Cleaned(result.text, report, result.source_length, dict(removed))


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
    size: int = 0
    """The record's bytes in the input (for progress by bytes)."""
    report_line: str = ""
    """Its line in a reports file, when reports go apart."""


def clean_record(
    cleaner: Cleaner,
    field_name: str,
    report: str,
    item: tuple[int, bytes, SiteEvidence | None],
) -> RecordDone:
    """Decode, parse, clean and format one record (in a worker): only short strings
    come back. A bad record becomes an error record that keeps what it held.
    ``report``: ``"inline"`` (the record's ``dechaff`` key), ``"none"``, or
    ``"apart"`` (in :attr:`RecordDone.report_line`)."""
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
            if report == "inline":
                record["dechaff"] = done.report
            apart = _report_line(number, record, "dechaff", done.report, report)
            output = dumps(record) + "\n"
            return RecordDone(
                number, output, None, done.source_length, len(done.text), done.removed, len(raw),
                apart,
            )  # fmt: skip
    kept: dict[str, Any] = record if record is not None else {"line": number}
    if record is None:
        kept["record"] = raw.decode("utf-8", errors="replace").rstrip("\r\n")
    kept["dechaff_error"] = problem
    apart = _report_line(number, record or {}, "dechaff_error", problem, report)
    return RecordDone(number, dumps(kept) + "\n", problem, size=len(raw), report_line=apart)


def _report_line(number: int, record: dict[str, Any], key: str, value: Any, report: str) -> str:
    """A record's line in a reports file (``""`` unless reports go apart)."""
    if report != "apart":
        return ""
    line: dict[str, Any] = {"line": number}
    line |= {k: record[k] for k in ("id", "url") if k in record}
    line[key] = value
    return dumps(line) + "\n"


def parse_record(raw: bytes, field_name: str) -> tuple[dict[str, Any] | None, str | None]:
    """The record of one line, and what is wrong with it (``None`` when it can be cleaned)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
    try:
        data = loads(line)
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
    target = _Output(output, run.resume)
    tally = Tally()
    with target.open() as out, source:
        lines = _numbered_lines(source, target.done)
        with _byte_bar(run.progress, _plain_size(source_name)) as bar, _reports(run) as apart:
            records = _with_sites(run, lines, target.done)
            stopped = _clean_lines(run, records, field_name, out, tally, bar.update, apart)
    if not stopped:
        target.finish()
    return tally


class _Output:
    """Where a corpus run writes its lines: stdout, or ``OUT`` by way of
    ``OUT.partial`` (compressed as its name asks), which becomes ``OUT`` only when the
    run is over; resuming keeps what an interrupted run wrote (:attr:`done` lines)."""

    def __init__(self, output: str | None, resume: bool = False) -> None:
        self.target = Path(output) if output else None
        self.partial = self.target.with_name(f"{self.target.name}.partial") if self.target else None
        self.kind = kind_for(self.target) if self.target is not None else None
        self.done = 0
        if resume and self.target is not None and self.partial is not None:
            self.done = _resume_point(self.target, self.partial, self.kind)

    @contextlib.contextmanager
    def open(self) -> Iterator[TextIO]:
        if self.partial is None:
            yield sys.stdout
            return
        with open_writer(self.partial, bool(self.done), self.kind) as out:
            yield out

    def finish(self) -> None:
        """The output under its name (the run is over)."""
        if self.target is not None and self.partial is not None:
            os.replace(self.partial, self.target)


def _account(run: Run, done: RecordDone, tally: Tally, what: str) -> bool:
    """Count one record in ``tally``, telling its problem; whether it failed."""
    if done.problem is not None:
        tally.failures += 1
        run.say(f"dechaff: {what} {done.number}: {done.problem}")
        return True
    tally.add(done.source_length, done.chars_out, done.removed)
    return False


def _clean_lines(
    run: Run,
    lines: Iterator[tuple[int, bytes, SiteEvidence | None]],
    field_name: str,
    out: TextIO,
    tally: Tally,
    progress: Callable[[int], object],
    reports: TextIO | None = None,
) -> bool:
    """Clean JSON lines in order, writing one line each; True if stopped on an error.

    Each worker parses its records, cleans them and formats the output lines, so
    the main process only reads and writes. ``progress`` is told each record's bytes.
    """
    report = "apart" if run.reports_to else "inline" if run.with_report else "none"
    work = functools.partial(clean_record, run.cleaner, field_name, report)
    results = ordered_map(work, lines, workers=run.workers, chunksize=run.chunksize)
    for done in results:
        progress(done.size)
        out.write(done.output)
        if reports is not None:
            reports.write(done.report_line)
        if _account(run, done, tally, "line") and run.stop_on_error:
            return True
    return False


@contextlib.contextmanager
def _reports(run: Run) -> Iterator[TextIO | None]:
    """The reports file of a run that writes its reports apart (compressed as its
    name asks), or ``None``."""
    if run.reports_to is None:
        yield None
        return
    with open_writer(run.reports_to, False, kind_for(run.reports_to)) as out:
        yield out


def _plain_size(source_name: str) -> int | None:
    """The size of an uncompressed input file (``None`` for stdin or compressed input,
    whose size in records is not known ahead)."""
    if source_name == "-":
        return None
    with open(source_name, "rb") as stream:
        compressed = kind_of(stream.read(4)) is not None
    return None if compressed else os.path.getsize(source_name)


def _byte_bar(shown: bool, total: int | None) -> Any:
    """A tqdm bar by bytes of input (rate and, with a ``total``, ETA), or none."""
    from tqdm import tqdm

    return tqdm(
        total=total, unit="B", unit_scale=True, unit_divisor=1024, dynamic_ncols=True,
        disable=not shown,
    )  # fmt: skip


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
        record = loads(raw)
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
        # (one process: one hasher remembers the lines of all pages; with workers,
        # each chunk's copy remembers those of its chunk)
        work = functools.partial(_record_lines, field_name, run.site_field, LineHasher())
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
    field_name: str, site_field: str, hasher: LineHasher, item: tuple[int, bytes]
) -> tuple[int, str | None, set[int], str | None]:
    """One record's site and distinct line hashes (in a worker), or its problem."""
    number, raw = item
    record, problem = parse_record(raw, field_name)
    if record is None or problem is not None:
        return number, None, set(), problem
    hashes = page_text_hashes(record[field_name], hasher)
    return number, site_key(record.get(site_field)), hashes, None


def page_text_hashes(page: str, hasher: LineHasher | None = None) -> set[int]:
    """The line hashes of a page as the cleaner will read it (HTML: its visible text),
    by ``hasher`` when one remembers the lines of earlier pages."""
    text = parse(page).text if looks_like_html(page) else page
    return hasher.page(text) if hasher is not None else page_hashes(text)


def _numbered_lines(stream: BinaryIO, skip: int) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their numbers, after the first ``skip`` of them."""
    seen = 0
    for number, line in enumerate(stream, 1):
        if line.strip():
            seen += 1
            if seen > skip:
                yield number, line


def _open_records(name: str) -> BinaryIO:
    """The JSON-lines input as bytes: stdin for ``-``; gzip or zstd recognised by content."""
    stream = cast(io.BufferedReader, sys.stdin.buffer if name == "-" else open(name, "rb"))  # noqa: SIM115
    return open_reader(stream)


def _resume_point(target: Path, partial: Path, kind: str | None = None) -> int:
    """How many records an earlier, interrupted run wrote (complete lines only)."""
    if target.exists() and not partial.exists():
        os.replace(target, partial)
    if not partial.exists():
        return 0
    data = decompress(partial.read_bytes()) if kind else partial.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    partial.write_bytes(compress(complete, kind))
    return complete.count(b"\n")


# --- folders ------------------------------------------------------------------------


def page_files(folder: Path, globs: Sequence[str] = ()) -> list[Path]:
    """The pages under ``folder``, sorted: files named as :data:`PAGE_SUFFIXES` say,
    also compressed (``page.html.gz``, ``page.txt.zst``); or, given ``globs``, the
    files that match one of them (``"*.md"``, ``"2024/**/*.html"``)."""
    if globs:
        return sorted({p for g in globs for p in folder.glob(g) if p.is_file()})
    return sorted(p for p in folder.rglob("*") if p.is_file() and _page_suffix(p))


def _page_suffix(path: Path) -> str | None:
    """The page suffix of ``path``, under a compression suffix if it has one."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in SUFFIXES:
        suffixes.pop()
    return suffixes[-1] if suffixes and suffixes[-1] in PAGE_SUFFIXES else None


def _uncompressed(relative: Path) -> Path:
    """``relative`` without a compression suffix (``a.html.gz`` -> ``a.html``)."""
    return relative.with_suffix("") if relative.suffix.lower() in SUFFIXES else relative


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


class Collision(ValueError):
    """Two input pages would be written to one output file."""


def _folder_jobs(run: Run, inputs: Sequence[str], out_dir: Path, suffix: str) -> list[_Job]:
    """Each page to clean, the file its output goes to, and its site.

    An output mirrors its input's path under ``out_dir``, its extension replaced by
    ``suffix``; where two inputs would meet (``a.txt`` and ``a.html``), both keep
    their extension (``a.txt.txt``, ``a.html.txt``). Two inputs that still meet (the
    same path under two input folders) are a :class:`Collision`, raised before
    anything is written.
    """
    found = []
    for given in inputs:
        root = Path(given)
        for file in page_files(root, run.globs) if root.is_dir() else [root]:
            relative = file.relative_to(root) if root.is_dir() else Path(file.name)
            found.append((file, _uncompressed(relative)))
    plain = Counter(relative.with_suffix(suffix) for _, relative in found)
    jobs: list[_Job] = []
    taken: dict[Path, Path] = {}
    for file, relative in found:
        name = relative.with_suffix(suffix)
        if plain[name] > 1:
            name = relative.with_name(relative.name + suffix)
        if name in taken:
            raise Collision(f"{taken[name]} and {file} would both be written to {out_dir / name}")
        taken[name] = file
        target = out_dir / name
        if not (run.resume and target.exists()):
            jobs.append(_Job(file, target, run.site or file.resolve().parent.name))
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
        page = {"page": str(source), "text": result.text, **result.report}
        body = json.dumps(page, ensure_ascii=False) + "\n"
    else:
        body = result.text + "\n"
        if report:  # beside the body: the report, as JSON
            report_text = json.dumps(result.report, ensure_ascii=False)
            write_atomically(target.with_suffix(".report.json"), report_text + "\n")
    write_atomically(target, body)


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` through a temporary file beside it: a reader sees
    the old file or the whole new one, never part of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, target)


# --- crawl files ----------------------------------------------------------------------


def run_warc(run: Run, sources: Sequence[str], output: str | None) -> Tally:
    """Clean the HTML pages of WARC files (and the text of WET files) into JSON lines:
    ``url``, ``warc_record_id``, ``date``, ``charset``, ``title``, ``text`` and, unless
    ``run.with_report`` is off, ``dechaff`` (the report). Records that are no page are counted and
    told in one line; a file cut off mid-record ends with what it held."""
    target = _Output(output)
    tally, skipped = Tally(), Counter[str]()
    with target.open() as out:
        pages = _crawl_pages(run, sources, skipped, tally)
        work = functools.partial(clean_crawl_page, run.cleaner, run.with_report)
        for done in ordered_map(
            work, pages, workers=run.workers, chunksize=run.chunksize, progress=run.progress
        ):
            out.write(done.output)
            _account(run, done, tally, "record")
    target.finish()
    tally.failures += skipped[DAMAGED]
    if skipped:
        listed = ", ".join(f"{n:,} {what}" for what, n in skipped.most_common())
        run.say(f"dechaff: skipped records: {listed}")
    return tally


def _crawl_pages(
    run: Run, sources: Sequence[str], skipped: Counter[str], tally: Tally
) -> Iterator[tuple[int, CrawlPage]]:
    """The pages of each crawl file in turn, numbered across them; a file that cannot
    be read to its end is a failure, told with where it stopped."""
    number = 0
    for source in sources:
        try:
            with open(source, "rb") as stream:
                for page in read_warc(stream, skipped):
                    number += 1
                    yield number, page
        except Exception as error:  # a truncated or corrupt file: keep what it gave
            tally.failures += 1
            run.say(f"dechaff: {source}: stopped after record {number}: {error}")


def clean_crawl_page(cleaner: Cleaner, report: bool, item: tuple[int, CrawlPage]) -> RecordDone:
    """Clean one crawl page (in a worker) into its output line."""
    number, page = item
    record: dict[str, Any] = {
        "url": page.url, "warc_record_id": page.record_id, "date": page.date,
        "charset": page.charset,
    }  # fmt: skip
    try:
        result = (
            cleaner.clean_html(page.text) if page.kind == "html" else cleaner.clean_text(page.text)
        )
    except Exception as error:
        record["dechaff_error"] = f"{type(error).__name__}: {error}"
        return RecordDone(number, dumps(record) + "\n", record["dechaff_error"])
    done = cleaned(result)
    record |= {"title": result.title, "text": result.text}
    if report:
        record["dechaff"] = done.report
    line = dumps(record) + "\n"
    return RecordDone(number, line, None, done.source_length, len(done.text), done.removed)
