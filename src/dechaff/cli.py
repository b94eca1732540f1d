"""The ``dechaff`` command: clean pages, folders and JSON-lines corpora."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path

from . import __version__
from .corpus import Run, Tally, page_files, run_folder, run_jsonl
from .page import Settings
from .pipeline import Cleaner
from .sniff import NotAPage, page_bytes

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
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
    run = Run(
        cleaner, workers=args.workers, chunksize=args.chunksize, progress=progress,
        stop_on_error=args.on_error == "stop", resume=args.resume, say=_tell,
    )  # fmt: skip
    try:
        if args.jsonl:
            return _finish(run_jsonl(run, args.jsonl, args.field, args.output))
        if args.example:
            text = files("dechaff").joinpath("examples").joinpath(EXAMPLE).read_text("utf-8")
            return _print_pages([(EXAMPLE, text)], args, cleaner)
        if not args.pages:
            parser.error("give pages to clean, --jsonl, or --example")
        if args.output:
            tally = run_folder(
                run, args.pages, Path(args.output), as_json=args.json, report=args.report
            )
            return _finish(tally)
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
            for file in page_files(Path(path)):
                yield str(file), file.read_bytes()
        else:
            yield path, Path(path).read_bytes()


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


def _tell(line: str) -> None:
    print(line, file=sys.stderr)


def _finish(tally: Tally) -> int:
    """Print the run's summary; its exit status."""
    print(tally.render(), file=sys.stderr)
    return EXIT_FAILURES if tally.failures else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
