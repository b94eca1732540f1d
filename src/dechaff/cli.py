"""The ``dechaff`` command: clean pages, folders and JSON-lines corpora."""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import io
import json
import multiprocessing
import os
import sys
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from . import __version__
from .batch import CleanFailure, clean_many
from .page import Settings
from .pipeline import Cleaner
from .result import CleanResult
from .sniff import GZIP_MAGIC, NotAPage, gunzip, page_bytes

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PAGE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
EXAMPLE = "news-north-korea-troops.txt"

DESCRIPTION = """\
Separate scraped articles from their chaff and report what was removed and why.

  dechaff page.txt                 print the clean body
  dechaff --report page.txt        the body, then every removal with its reason
  dechaff --json a.txt b.html      one JSON object per page
  dechaff --example --report       clean the bundled example page
  dechaff --jsonl in.jsonl --field text -o out.jsonl --workers 4
  dechaff pages/ -o clean/         a folder in, a folder out
"""

EPILOG = """\
exit status: 0 all pages cleaned; 1 some pages failed (see stderr);
2 usage or I/O error; 130 interrupted.
"""


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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dechaff",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("pages", nargs="*", help="files or folders to clean; '-' reads stdin")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--report", action="store_true", help="print the report after the body")
    mode.add_argument("--json", action="store_true", help="print one JSON object per page")
    p.add_argument("--example", action="store_true", help="clean the bundled example page")
    p.add_argument(
        "--no-title",
        action="store_true",
        help="print the body alone (by default its title comes first, as '# Title')",
    )
    p.add_argument(
        "--mode",
        choices=("auto", "text", "html"),
        default="auto",
        help="read pages as text or HTML; auto recognises HTML by its start (auto)",
    )
    p.add_argument(
        "--favour",
        choices=("precision", "balanced", "recall"),
        default="balanced",
        help="when unsure, keep less (precision) or more (recall) of the page (balanced)",
    )
    p.add_argument(
        "--plugins",
        action="store_true",
        help="also run the installed plugin filters (entry points 'dechaff.filters')",
    )
    p.add_argument("--jsonl", metavar="IN", help="a JSON-lines corpus to clean ('-' for stdin)")
    p.add_argument("--field", default="text", help="the record field holding the page (text)")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (with --jsonl) or folder")
    p.add_argument("--workers", type=int, default=1, help="processes to clean with (1)")
    p.add_argument("--chunksize", type=int, default=16, help="pages handed to a worker at once")
    p.add_argument(
        "--on-error",
        choices=("skip", "stop"),
        default="skip",
        help="what a bad record does: skip it (reported on stderr) or stop the run (skip)",
    )
    p.add_argument(
        "--max-chars",
        type=int,
        default=Settings().max_chars,
        help="largest page accepted, in characters (default %(default)s)",
    )
    p.add_argument("--resume", action="store_true", help="skip records already in the output")
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr: auto shows it when stderr is a terminal",
    )
    p.add_argument("--version", action="version", version=f"dechaff {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.resume and not args.output:
        parser.error("--resume continues a run into -o OUT: give -o")
    cleaner = Cleaner.default(
        settings=Settings(max_chars=args.max_chars, mode=args.mode, favour=args.favour),
        plugins=args.plugins,
    )
    progress = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    try:
        if args.jsonl:
            return _run_jsonl(args, cleaner, progress)
        if args.example:
            text = files("dechaff").joinpath("examples").joinpath(EXAMPLE).read_text("utf-8")
            return _print_pages([(EXAMPLE, text)], args, cleaner)
        if not args.pages:
            parser.error("give pages to clean, --jsonl, or --example")
        if args.output:
            return _run_folder(args, cleaner, progress)
        return _print_pages(_read_pages(args.pages), args, cleaner)
    except KeyboardInterrupt:
        print("dechaff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_USAGE


def _read_pages(paths: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer.read()
        elif Path(path).is_dir():
            for file in _page_files(Path(path)):
                yield str(file), file.read_bytes()
        else:
            yield path, Path(path).read_bytes()


def _page_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def _print_pages(
    pages: Iterator[tuple[str, bytes]] | list[tuple[str, str]],
    args: argparse.Namespace,
    cleaner: Cleaner,
) -> int:
    status = EXIT_OK
    out = sys.stdout
    several = False
    headers = args.report or len(args.pages) > 1 or any(Path(p).is_dir() for p in args.pages)
    for name, data in pages:
        try:
            result = cleaner(page_bytes(data) if isinstance(data, bytes) else data)
        except Exception as error:
            said = str(error) if isinstance(error, NotAPage) else f"{type(error).__name__}: {error}"
            print(f"dechaff: {name}: {said}", file=sys.stderr)
            status = EXIT_FAILURES
            if args.on_error == "stop":
                return status
            continue
        if args.json:
            out.write(json.dumps({"page": name, **result.to_dict()}, ensure_ascii=False) + "\n")
            continue
        if several:
            out.write("\n")
        several = True
        if headers:
            out.write(f"== {name}\n")
        if result.title and not args.no_title:
            out.write(f"# {result.title}\n\n")
        out.write(result.text + "\n")
        if args.report:
            out.write(f"\n-- report: {len(result.removals)} removals, {len(result.repairs)} ")
            out.write(f"repairs, {len(result.flags)} flags\n")
            out.write(result.report() + "\n")
    return status


def _run_folder(args: argparse.Namespace, cleaner: Cleaner, progress: bool) -> int:
    out_dir = Path(args.output)
    jobs: list[tuple[Path, Path]] = []
    for given in args.pages:
        root = Path(given)
        files_ = _page_files(root) if root.is_dir() else [root]
        for file in files_:
            relative = file.relative_to(root) if root.is_dir() else Path(file.name)
            target = out_dir / relative.with_suffix(".json" if args.json else ".txt")
            if args.resume and target.exists():
                continue
            jobs.append((file, target))
    tally = Tally()
    accepted: deque[tuple[Path, Path]] = deque()  # the pages handed to the cleaner, in order

    def readable() -> Iterator[bytes]:
        for source, target in jobs:
            try:
                data = page_bytes(source.read_bytes())
            except (NotAPage, OSError) as error:  # refused before cleaning, said why
                tally.failures += 1
                print(f"dechaff: {source}: {error}", file=sys.stderr)
                if args.on_error == "stop":
                    return
                continue
            accepted.append((source, target))
            yield data

    results = _clean_all(readable(), len(jobs), args, cleaner, progress)
    for result in results:
        source, target = accepted.popleft()
        if isinstance(result, CleanFailure):
            tally.failures += 1
            print(f"dechaff: {source}: {result.error}", file=sys.stderr)
            if args.on_error == "stop":
                break
            continue
        tally.add(result.source_length, len(result.text), result.removed)
        if args.json:
            head = json.dumps({"page": str(source), "text": result.text}, ensure_ascii=False)
            body = head[:-1] + ", " + result.report[1:] + "\n"
        else:
            body = result.text + "\n"
            if args.report:  # beside the body: the report, as JSON
                _write_atomically(target.with_suffix(".report.json"), result.report + "\n")
        _write_atomically(target, body)
    print(tally.render(), file=sys.stderr)
    return EXIT_FAILURES if tally.failures else EXIT_OK


def _clean_all(
    pages: Iterator[str | bytes],
    total: int | None,
    args: argparse.Namespace,
    cleaner: Cleaner,
    progress: bool,
) -> Iterator[Cleaned | CleanFailure]:
    return clean_many(
        pages,
        workers=args.workers,
        chunksize=args.chunksize,
        cleaner=cleaner,
        progress=progress,
        total=total,
        on_error="return",
        transform=cleaned,
        start_method=_start_method(),
    )


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, target)


@dataclass(frozen=True)
class _Line:
    """One JSON-lines record, done: the line to write, and what the summary needs."""

    number: int
    output: str
    problem: str | None = None
    source_length: int = 0
    chars_out: int = 0
    removed: dict[str, int] = field(default_factory=dict)


def _clean_line(
    cleaner: Cleaner, field_name: str, max_chars: int | None, item: tuple[int, bytes]
) -> _Line:
    """Decode, parse, clean and format one record (in a worker): only short strings
    come back. A bad record becomes an error record that keeps what it held."""
    number, raw = item
    record, problem = _record(raw, field_name, max_chars)
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
            return _Line(number, output, None, done.source_length, len(done.text), done.removed)
    kept: dict[str, Any] = record if record is not None else {"line": number}
    if record is None:
        kept["record"] = raw.decode("utf-8", errors="replace").rstrip("\r\n")
    kept["dechaff_error"] = problem
    return _Line(number, json.dumps(kept, ensure_ascii=False) + "\n", problem)


def _record(
    raw: bytes, field_name: str, max_chars: int | None
) -> tuple[dict[str, Any] | None, str | None]:
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
    if max_chars is not None and len(page) > max_chars:
        return data, f"{len(page):,} characters, over --max-chars"
    return data, None


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


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


def _run_jsonl(args: argparse.Namespace, cleaner: Cleaner, progress: bool) -> int:
    source = _open_records(args.jsonl)
    target = Path(args.output) if args.output else None
    partial = target.with_name(f"{target.name}.partial") if target else None
    compress = target is not None and target.suffix == ".gz"
    done = 0
    if args.resume and target is not None and partial is not None:
        done = _resume_point(target, partial, compress)
    out = _open_output(partial, bool(done), compress) if partial is not None else sys.stdout
    tally = Tally()
    stopped = False
    try:
        with source:
            stopped = _clean_lines(
                _numbered_lines(source, done), args, cleaner, progress, out, tally
            )
    finally:
        if out is not sys.stdout:
            out.close()
    if target is not None and partial is not None and not stopped:
        os.replace(partial, target)
    print(tally.render(), file=sys.stderr)
    return EXIT_FAILURES if tally.failures else EXIT_OK


def _clean_lines(
    lines: Iterator[tuple[int, bytes]],
    args: argparse.Namespace,
    cleaner: Cleaner,
    progress: bool,
    out: TextIO,
    tally: Tally,
) -> bool:
    """Clean JSON lines in order, writing one line each; True if stopped on an error.

    Each worker parses its records, cleans them and formats the output lines, so
    the main process only reads and writes.
    """
    work = functools.partial(_clean_line, cleaner, args.field, args.max_chars)
    results: Iterator[_Line]
    with contextlib.ExitStack() as stack:
        if args.workers == 1:
            results = map(work, lines)
        else:
            context = multiprocessing.get_context(_start_method())
            pool = stack.enter_context(context.Pool(args.workers))
            results = pool.imap(work, lines, args.chunksize)
        if progress:
            from tqdm import tqdm

            results = iter(tqdm(results, unit="page", dynamic_ncols=True))
        for done in results:
            out.write(done.output)
            if done.problem is not None:
                tally.failures += 1
                print(f"dechaff: line {done.number}: {done.problem}", file=sys.stderr)
                if args.on_error == "stop":
                    return True
                continue
            tally.add(done.source_length, done.chars_out, done.removed)
    return False


def _start_method() -> str | None:
    """fork where it exists: the command starts no threads of its own, so its workers
    can fork, sparing each a fresh start-up and import of everything."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else None


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


if __name__ == "__main__":
    sys.exit(main())
