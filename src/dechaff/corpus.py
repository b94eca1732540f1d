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
import itertools
import json
import os
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

import orjson

from .batch import ordered_map
from .compression import kind_for, kind_of, open_reader, open_writer
from .errors import ConfigError, Interrupted
from .html import looks_like_html, parse
from .markdown import MarkdownOptions
from .pipeline import Cleaner
from .profile import LineHasher, SiteEvidence, SiteProfile, page_hashes, site_of
from .result import CleanResult
from .resumable import MemberWriter, Output, StreamWriter, held_interrupts
from .tally import Tally
from .warc import DAMAGED, CrawlPage, read_warc


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
    markdown: bool | MarkdownOptions = False
    """JSON-lines and crawl output: each record also carries the body as Markdown
    (``<field>_markdown``; crawl records: ``markdown``). Folders: each page's body is
    written as Markdown (``.md``, under its title), or carried in its JSON object
    (``markdown``)."""
    titled: bool = True
    """Folders: a page's Markdown opens with its title as a heading."""
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
    markdown: str | None
    """The body as Markdown, when asked for."""
    report: dict[str, Any]
    """The result's :meth:`~dechaff.CleanResult.to_dict` without its text (serialised
    once, with the record it goes into)."""
    source_length: int
    removed: dict[str, int]
    """Characters removed, by reason."""


def cleaned(
    result: CleanResult, markdown: bool | MarkdownOptions = False, titled: bool = False
) -> Cleaned:
    """The compact form of a result (runs in the worker); with its Markdown when
    ``markdown`` asks for it (under the title as a heading when ``titled``)."""
    report = result.report_dict()
    removed: Counter[str] = Counter()
    for r in result.removals:
        removed[r.reason.value] += len(r.text)
    options = MarkdownOptions.of(markdown)
    body = options.render(result, title=titled) if options else None
    return Cleaned(result.text, body, report, result.source_length, dict(removed))


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
    markdown: bool | MarkdownOptions = False,
) -> RecordDone:
    """Decode, parse, clean and format one record (in a worker): only short strings
    come back. A bad record becomes an error record that keeps what it held.
    ``report``: ``"inline"`` (the record's ``dechaff`` key), ``"none"``, or
    ``"apart"`` (in :attr:`RecordDone.report_line`); ``markdown``: add the body as
    Markdown (``<field>_markdown``)."""
    number, raw, site = item
    record, problem = parse_record(raw, field_name)
    if record is not None and problem is None:
        try:
            done = cleaned(cleaner(record[field_name], site=site), markdown)
        except Exception as error:
            problem = f"{type(error).__name__}: {error}"
        else:
            # dechaff's keys replace any of the same name already in the record
            record[f"{field_name}_clean"] = done.text
            if done.markdown is not None:
                record[f"{field_name}_markdown"] = done.markdown
            if report == "inline":
                record["dechaff"] = done.report
            apart = _report_line(number, record, "dechaff", done.report, report)
            output = dumps(record) + "\n"
            return RecordDone(
                number, output, None, done.source_length, len(done.text), done.removed, len(raw),
                apart,
            )  # fmt: skip
    kept: dict[str, Any] = record if record is not None else {"line": number}
    if record is None:  # (no JSON object: the line itself, as text)
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
    """The record of one line, and what is wrong with it (``None`` when it can be
    cleaned). A line with bytes that are not UTF-8 is read with them replaced, so that
    its error record keeps its keys."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        record = _json_object(raw.decode("utf-8", errors="replace").encode("utf-8"))
        return record, bad
    try:
        data = loads(line)
    except json.JSONDecodeError as error:
        where = error.msg.removesuffix(" at")  # ("Invalid control character at")
        return None, f"not JSON ({where} at column {error.colno})"
    if not isinstance(data, dict):
        return None, "not a JSON object"
    page = data.get(field_name)
    if not isinstance(page, str):
        return data, f"field {field_name!r} is {_kind_of_value(data, field_name)}"
    return data, None


def _kind_of_value(data: dict[str, Any], field_name: str) -> str:
    if field_name not in data:
        return "missing"
    value = data[field_name]
    return "null" if value is None else f"{_article(type(value).__name__)}, not a string"


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def run_jsonl(run: Run, source_name: str, field_name: str, output: str | None) -> Tally:
    """Clean the records of ``source_name`` (``-``: stdin; gzip recognised by content)
    into ``output`` (stdout when ``None``; gzip when it ends in ``.gz``), one line per
    record, in order; the output appears under its name only when the run is over."""
    target = Output(output, run.resume, run.say)
    tally = target.tally(f"{field_name}_clean")
    with _open_records(source_name) as source:
        lines = _numbered_lines(source, target.done)
        lines = _with_fields(lines, field_name, run.site_field if run.profile else None)
        bar = _byte_bar(run.progress, _plain_size(source_name))
        with target.open(tally) as out, bar, _reports(run) as apart:
            records = _with_sites(run, lines, target.done)
            report = "apart" if run.reports_to else "inline" if run.with_report else "none"
            work = functools.partial(
                clean_record, run.cleaner, field_name, report, markdown=run.markdown
            )
            results = ordered_map(work, records, workers=run.workers, chunksize=run.chunksize)
            try:  # (each worker parses, cleans and formats: the main process reads and writes)
                _write_in_order(run, results, out, tally, "line", bar.update, apart)
            except KeyboardInterrupt:
                raise Interrupted(out.records, "records", target.how_to_go_on()) from None
    if tally.stopped is None:
        target.finish()
    else:
        tally.stopped += f"; {target.how_to_go_on()}"
    return tally


def _account(run: Run, done: RecordDone, tally: Tally, what: str) -> bool:
    """Count one record in ``tally``, telling its problem; whether it failed."""
    if done.problem is not None:
        tally.failures += 1
        run.say(f"dechaff: {what} {done.number}: {done.problem}")
        return True
    tally.add(done.source_length, done.chars_out, done.removed)
    return False


def _write_in_order(
    run: Run,
    results: Iterable[RecordDone],
    out: MemberWriter | StreamWriter,
    tally: Tally,
    what: str,
    progress: Callable[[int], object] | None = None,
    reports: TextIO | None = None,
) -> None:
    """Write each record's line in order and count it (``tally.stopped`` says where
    the run stopped on an error). A record is written and counted with interrupts
    held, so that each checkpoint of the output counts exactly the lines before it.
    ``progress`` is told each record's bytes of input."""
    for done in results:
        with held_interrupts():
            if progress is not None:
                progress(done.size)
            out.write(done.output)
            if reports is not None:
                reports.write(done.report_line)
            failed = _account(run, done, tally, what)
            out.commit(tally.to_dict)
        if failed and run.stop_on_error:
            tally.stopped = f"at {what} {done.number}, on its error (written as an error record)"
            return


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


FIELD_CHECK_RECORDS = 100
"""A run stops before any work when this many first records all lack the field
it reads (a mistyped ``--field`` or ``--site-field``)."""


def _with_fields(
    lines: Iterator[tuple[int, bytes]], field_name: str, site_field: str | None
) -> Iterator[tuple[int, bytes]]:
    """``lines``, once their first :data:`FIELD_CHECK_RECORDS` records are found to
    hold ``field_name`` (and ``site_field``, when given) at least once: else a
    :class:`~dechaff.errors.ConfigError` that lists the fields they hold."""
    head = list(itertools.islice(lines, FIELD_CHECK_RECORDS))
    records = [r for r in (_json_object(raw) for _, raw in head) if r is not None]
    for name, option in ((field_name, "--field"), (site_field, "--site-field")):
        if records and name is not None and not any(name in r for r in records):
            raise ConfigError(missing_field_message(records, name, option))
    return itertools.chain(head, lines)


def missing_field_message(records: Sequence[dict[str, Any]], name: str, option: str) -> str:
    found = Counter(key for record in records for key in record)
    listed = ", ".join(f"{key!r} ({n:,})" for key, n in found.most_common(12)) or "none"
    return (
        f"none of the first {len(records):,} records has a field {name!r} (fields found: "
        f"{listed}); give {option} NAME"
    )


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        record = loads(raw)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


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
        lines = _with_fields(_numbered_lines(source, 0), field_name, run.site_field)
        found = ordered_map(
            work, lines, workers=run.workers, chunksize=run.chunksize, progress=run.progress
        )
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


# --- crawl files ----------------------------------------------------------------------


def run_warc(run: Run, sources: Sequence[str], output: str | None) -> Tally:
    """Clean the HTML pages of WARC files (and the text of WET files) into JSON lines:
    ``url``, ``warc_record_id``, ``date``, ``charset``, ``title``, ``text`` and, unless
    ``run.with_report`` is off, ``dechaff`` (the report). Records that are no page are counted and
    told in one line; a file cut off mid-record ends with what it held."""
    target = Output(output, run.resume, run.say)
    tally, skipped = target.tally("text"), Counter[str]()
    with target.open(tally) as out:
        pages = _crawl_pages(run, sources, skipped, tally, after=target.done)
        work = functools.partial(
            clean_crawl_page, run.cleaner, run.with_report, markdown=run.markdown
        )
        results = ordered_map(
            work, pages, workers=run.workers, chunksize=run.chunksize, progress=run.progress
        )
        try:
            _write_in_order(run, results, out, tally, "record")
        except KeyboardInterrupt:
            raise Interrupted(out.records, "records", target.how_to_go_on()) from None
    if tally.stopped is not None:
        tally.stopped += f"; {target.how_to_go_on()}"
        return tally
    target.finish()
    tally.failures += skipped[DAMAGED]
    if skipped:
        listed = ", ".join(f"{n:,} {what}" for what, n in skipped.most_common())
        run.say(f"dechaff: skipped records: {listed}")
    return tally


def _crawl_pages(
    run: Run, sources: Sequence[str], skipped: Counter[str], tally: Tally, after: int = 0
) -> Iterator[tuple[int, CrawlPage]]:
    """The pages of each crawl file in turn, numbered across them, from page
    ``after + 1`` on; a file that cannot be read to its end is a failure, told with
    where it stopped."""
    number = 0
    for source in sources:
        try:
            with open(source, "rb") as stream:
                for page in read_warc(stream, skipped):
                    number += 1
                    if number > after:
                        yield number, page
        except Exception as error:  # a truncated or corrupt file: keep what it gave
            tally.failures += 1
            run.say(f"dechaff: {source}: stopped after record {number}: {error}")


def clean_crawl_page(
    cleaner: Cleaner,
    report: bool,
    item: tuple[int, CrawlPage],
    markdown: bool | MarkdownOptions = False,
) -> RecordDone:
    """Clean one crawl page (in a worker) into its output line; ``markdown``: with
    the body as Markdown."""
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
    done = cleaned(result, markdown)
    record |= {"title": result.title, "text": result.text}
    if done.markdown is not None:
        record["markdown"] = done.markdown
    if report:
        record["dechaff"] = done.report
    line = dumps(record) + "\n"
    return RecordDone(number, line, None, done.source_length, len(done.text), done.removed)
