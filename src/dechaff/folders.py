"""Folder runs: files and folders of pages in, a folder (or, for one page, a file)
out, each page's output written atomically, resumable by skipping what is written.

Every path is accounted for: a page is cleaned or fails with its reason, and a path
named like a page that is no regular file (a dangling link, a FIFO, a socket) is
skipped and named, never read.
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .batch import CleanFailure, ordered_map
from .compression import SUFFIXES
from .corpus import Cleaned, Run, cleaned
from .decode import to_text
from .errors import Interrupted
from .html import decode_html, looks_like_html, parse
from .markdown import MarkdownOptions
from .pipeline import Cleaner
from .profile import SiteEvidence, SiteProfile, page_hashes
from .sniff import NotAPage, page_bytes
from .tally import Tally

PAGE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
"""The files a folder run cleans."""


@dataclass(frozen=True)
class Found:
    """The pages under a folder, and the paths named like pages that are no file."""

    pages: list[Path]
    skipped: list[tuple[Path, str]]


def page_files(folder: Path, globs: Sequence[str] = ()) -> Found:
    """The pages under ``folder``, sorted: files named as :data:`PAGE_SUFFIXES` say,
    also compressed (``page.html.gz``, ``page.txt.zst``); or, given ``globs``, the
    paths that match one of them (``"*.md"``, ``"2024/**/*.html"``). A path that
    qualifies but is no regular file is in :attr:`Found.skipped`, with why."""
    if globs:
        named = {p for g in globs for p in folder.glob(g)}
    else:
        named = {p for p in folder.rglob("*") if _page_suffix(p)}
    pages, skipped = [], []
    for path in sorted(named):
        why = not_a_file(path)
        if why is None:
            pages.append(path)
        elif why != "a folder":
            skipped.append((path, why))
    return Found(pages, skipped)


def not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a page file (``None``: it can)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a dangling link" if path.is_symlink() else "not found"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device"}
    return next((f"{name}, not a file" for test, name in kinds.items() if test(mode)), "not a file")


def _page_suffix(path: Path) -> str | None:
    """The page suffix of ``path``, under a compression suffix if it has one."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in SUFFIXES:
        suffixes.pop()
    return suffixes[-1] if suffixes and suffixes[-1] in PAGE_SUFFIXES else None


def _uncompressed(relative: Path) -> Path:
    """``relative`` without a compression suffix (``a.html.gz`` -> ``a.html``)."""
    return relative.with_suffix("") if relative.suffix.lower() in SUFFIXES else relative


@dataclass(frozen=True)
class _Job:
    source: Path
    target: Path
    site: str
    """The folder the page stands in, or the site the run was given."""


def run_folder(
    run: Run, inputs: Sequence[str], out_dir: Path, *, as_json: bool, report: bool
) -> Tally:
    """Clean files and folders of pages into ``out_dir``, mirroring each folder's
    layout: one ``.txt`` body per page (``.md`` with ``run.markdown``; its report
    beside it as ``.report.json`` when ``report``), or one ``.json`` object per page
    when ``as_json``."""
    tally = Tally()
    suffix = ".json" if as_json else ".md" if run.markdown else ".txt"
    jobs = _folder_jobs(run, inputs, out_dir, suffix, tally)
    return _run_jobs(run, jobs, tally, as_json=as_json, report=report, where=str(out_dir))


def run_page(run: Run, page: Path, target: Path, *, as_json: bool, report: bool) -> Tally:
    """Clean one page file into the file ``target`` (its report beside it as
    ``.report.json`` when ``report``)."""
    tally = Tally()
    if run.resume and target.exists():
        tally.pages, tally.uncounted = 1, 1
        return tally
    job = _Job(page, target, run.site or page.resolve().parent.name)
    return _run_jobs(run, [job], tally, as_json=as_json, report=report, where=str(target))


def _run_jobs(
    run: Run, jobs: list[_Job], tally: Tally, *, as_json: bool, report: bool, where: str
) -> Tally:
    accepted: deque[_Job] = deque()  # the pages handed to the cleaner, in order
    cache: dict[str, SiteEvidence | None] = {}
    pages = (
        (i, data, run.evidence_for(job.site, cache))
        for i, (job, data) in enumerate(_readable(run, jobs, accepted, tally))
    )
    results = ordered_map(
        functools.partial(_clean_page, run.cleaner, run.titled and not as_json, run.markdown),
        pages,
        workers=run.workers,
        chunksize=run.chunksize, progress=run.progress, total=len(jobs),
    )  # fmt: skip
    written = 0
    try:
        for result in results:
            job = accepted.popleft()
            if isinstance(result, CleanFailure):
                tally.failures += 1
                run.say(f"dechaff: {job.source}: {result.error}")
                if run.stop_on_error:
                    tally.stopped = _stopped_at(job.source, where)
                    break
                continue
            tally.add(result.source_length, len(result.text), result.removed)
            _write_page(job.source, job.target, result, as_json=as_json, report=report)
            written += 1
    except KeyboardInterrupt:
        how = f"they are in {where}: the same command with --resume skips them"
        raise Interrupted(written, "pages written", how) from None
    return tally


def _stopped_at(source: Path, where: str) -> str:
    return (
        f"at {source}, on its error; the pages before it are in {where}: the same command "
        "with --resume skips them"
    )


def _folder_jobs(
    run: Run, inputs: Sequence[str], out_dir: Path | None, suffix: str, tally: Tally
) -> list[_Job]:
    """Each page to clean, the file its output goes to, and its site; ``tally``
    counts the skipped paths (each told) and, resuming, the pages already written.
    With no ``out_dir``, the pages alone (their targets are not used).

    An output mirrors its input's path under ``out_dir``, its extension replaced by
    ``suffix``; where two inputs would meet (``a.txt`` and ``a.html``, or ``a.txt``
    and ``a.txt.gz``), each keeps its whole name (``a.txt.txt``, ``a.html.txt``,
    ``a.txt.gz.txt``); two that still meet (the same path under two input folders)
    are numbered (``a.txt``, ``a.2.txt``), and told.
    """
    found = _inputs(run, inputs, tally)
    if out_dir is None:  # (pages read, nothing written)
        return [_Job(file, file, run.site or file.resolve().parent.name) for file, _ in found]
    meeting: dict[Path, set[Path]] = {}  # each plain output name, and the inputs' names
    for _, relative in found:
        meeting.setdefault(_uncompressed(relative).with_suffix(suffix), set()).add(relative)
    jobs: list[_Job] = []
    taken: dict[Path, Path] = {}
    for file, relative in found:
        name = _uncompressed(relative).with_suffix(suffix)
        if len(meeting[name]) > 1:
            name = relative.with_name(relative.name + suffix)
        first = taken.get(name)
        if first is not None:
            name = _numbered(name, suffix, taken)
            run.say(f"dechaff: {file} would meet {first} at one name: it is written to {name}")
        taken[name] = file
        target = out_dir / name
        if run.resume and target.exists():
            tally.pages += 1
            tally.uncounted += 1
        else:
            jobs.append(_Job(file, target, run.site or file.resolve().parent.name))
    return jobs


def _inputs(run: Run, inputs: Sequence[str], tally: Tally) -> list[tuple[Path, Path]]:
    """Each page file of the inputs with its path relative to the folder it came from."""
    found = []
    for given in inputs:
        root = Path(given)
        if not root.is_dir():
            found.append((root, Path(root.name)))
            continue
        pages = page_files(root, run.globs)
        for path, why in pages.skipped:
            tally.skipped += 1
            run.say(f"dechaff: {path}: skipped: {why}")
        found.extend((file, file.relative_to(root)) for file in pages.pages)
    return found


def _numbered(name: Path, suffix: str, taken: dict[Path, Path]) -> Path:
    """The first of ``stem.2.suffix``, ``stem.3.suffix``… that is not taken."""
    stem = name.name.removesuffix(suffix)
    number = 2
    while (candidate := name.with_name(f"{stem}.{number}{suffix}")) in taken:
        number += 1
    return candidate


def _readable(
    run: Run, jobs: list[_Job], accepted: deque[_Job], tally: Tally
) -> Iterator[tuple[_Job, bytes]]:
    """The pages' bytes; a file that cannot be read, or is no page, is counted as a
    failure and said why, before any cleaning."""
    for job in jobs:
        try:
            why = not_a_file(job.source)
            if why is not None:
                raise NotAPage(why)
            data = page_bytes(job.source.read_bytes())
        except (NotAPage, OSError) as error:
            tally.failures += 1
            run.say(f"dechaff: {job.source}: {error}")
            if run.stop_on_error:
                tally.stopped = _stopped_at(job.source, "the output")
                return
            continue
        accepted.append(job)
        yield job, data


def _clean_page(
    cleaner: Cleaner,
    titled: bool,
    markdown: bool | MarkdownOptions,
    item: tuple[int, bytes, SiteEvidence | None],
) -> Cleaned | CleanFailure:
    """One page of a folder, cleaned in a worker (with its Markdown when
    ``markdown``, under its title when ``titled``); its failure, if it fails."""
    index, data, site = item
    try:
        return cleaned(cleaner(data, site=site), markdown, titled)
    except Exception as error:
        return CleanFailure(index, f"{type(error).__name__}: {error}")


def learn_folder(run: Run, inputs: Sequence[str]) -> tuple[SiteProfile, Tally]:
    """A site profile of the pages of files and folders, each counted under the
    folder it stands in (or ``run.site``)."""
    profile, tally = SiteProfile(), Tally()
    jobs = _folder_jobs(run, inputs, None, "", tally)
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
        if result.markdown is not None:
            page["markdown"] = result.markdown
        body = json.dumps(page, ensure_ascii=False) + "\n"
    else:
        body = (result.text if result.markdown is None else result.markdown) + "\n"
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
