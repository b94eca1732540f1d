"""The ``dechaff`` command: clean pages, folders and JSON-lines corpora."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import __version__
from .corpus import (
    Collision,
    RecordSites,
    Run,
    Tally,
    learn_folder,
    learn_jsonl,
    page_files,
    run_folder,
    run_jsonl,
    run_warc,
)
from .errors import ConfigError, WorkerError
from .page import Settings
from .pipeline import Cleaner
from .profile import SiteProfile
from .sniff import NotAPage, page_bytes
from .warc import is_warc

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
  dechaff crawl.warc.gz -o out.jsonl             a crawl file: one JSON line per page
  dechaff --jsonl in.jsonl --across-pages -o out.jsonl   with the sites' repeated lines
  dechaff learn --jsonl in.jsonl -o site.profile         (see dechaff learn --help)
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
    p.add_argument(
        "pages", nargs="*", help="files or folders to clean ('-' reads stdin); a folder gives "
        "its files named .txt .text .html .htm .xhtml, also compressed (.gz, .zst), at any "
        "depth, or those --glob names",
    )  # fmt: skip
    p.add_argument(
        "--glob", action="append", default=[], metavar="PATTERN",
        help="folders: take the files matching PATTERN instead ('*.md', '**/*.page'); repeatable",
    )  # fmt: skip
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
    _corpus_arguments(p)
    sites = p.add_argument_group("site profiles (chaff that only shows across pages)")
    sites.add_argument(
        "--profile", metavar="FILE", help="clean each page with its site's boilerplate from "
        "a profile 'dechaff learn' made",
    )  # fmt: skip
    sites.add_argument(
        "--across-pages",
        action="store_true",
        help="learn the profile from the input first, then clean with it (two passes)",
    )
    _site_arguments(sites)
    p.add_argument(
        "--no-report",
        action="store_true",
        help="JSON lines and crawl files: write each record without its report",
    )
    p.add_argument(
        "--reports", metavar="FILE",
        help="JSON lines: write the reports to FILE (a line per record, in order: line, "
        "id and url, dechaff) instead of into the records",
    )  # fmt: skip
    p.add_argument("--version", action="version", version=f"dechaff {__version__}")
    return p


def _corpus_arguments(p: argparse.ArgumentParser) -> None:
    """The options of corpus runs: JSON lines, folders, workers, errors, resuming."""
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


def _site_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--site-field", default="url", metavar="NAME",
        help="JSON lines: the field naming a record's site; a web address stands for its "
        "host (url)",
    )  # fmt: skip
    group.add_argument(
        "--site", metavar="NAME", help="folders: the site of every page (default: the "
        "folder each page stands in)",
    )  # fmt: skip


LEARN_DESCRIPTION = """Learn a site profile: on how many of each site's pages each line stands.

  dechaff learn --jsonl crawl.jsonl --field text --site-field url -o site.profile
  dechaff learn pages/ -o site.profile      each page's site: the folder it stands in
"""


def build_learn_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dechaff learn", description=LEARN_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    p.add_argument("pages", nargs="*", help="files or folders of pages")
    p.add_argument("--jsonl", metavar="IN", help="a JSON-lines corpus ('-' for stdin)")
    p.add_argument("--field", default="text", help="the record field holding the page (text)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the profile to write")
    p.add_argument("--workers", type=int, default=1, help="processes to read with (1)")
    p.add_argument("--chunksize", type=int, default=64, help="pages handed to a worker at once")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto")
    _site_arguments(p.add_argument_group("sites"))
    return p


def learn_main(argv: Sequence[str]) -> int:
    """``dechaff learn``: write a site profile of a corpus."""
    parser = build_learn_parser()
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not (args.jsonl or args.pages):
        parser.error("give --jsonl IN or pages to learn from")
    run = _run(args, Cleaner.default())

    def learn_and_save() -> int:
        profile, tally, _ = _learn(run, args)
        profile.save(args.output)
        return EXIT_FAILURES if tally.failures else EXIT_OK

    return _guarded(learn_and_save)


def _guarded(work: Callable[[], int]) -> int:
    """A command's work, ended by Ctrl-C or an I/O error with their exit status."""
    try:
        return work()
    except KeyboardInterrupt:
        print("dechaff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerError as error:  # the run stops as an interrupted one does
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_FAILURES


def _learn(run: Run, args: argparse.Namespace) -> tuple[SiteProfile, Tally, RecordSites | None]:
    sites = None
    if args.jsonl:
        profile, tally, sites = learn_jsonl(run, args.jsonl, args.field)
    else:
        profile, tally = learn_folder(run, args.pages)
    count = len(profile.sites)
    print(
        f"dechaff: learned {count:,} {'site' if count == 1 else 'sites'} from {tally.pages:,} "
        f"{'page' if tally.pages == 1 else 'pages'}, {tally.failures:,} failed",
        file=sys.stderr,
    )
    return profile, tally, sites


def _run(args: argparse.Namespace, cleaner: Cleaner, **more: Any) -> Run:
    progress = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    return Run(
        cleaner, workers=args.workers, chunksize=args.chunksize, progress=progress,
        stop_on_error=getattr(args, "on_error", "skip") == "stop",
        resume=getattr(args, "resume", False), say=_tell, site_field=args.site_field,
        site=args.site, with_report=not getattr(args, "no_report", False),
        globs=tuple(getattr(args, "glob", ())),
        reports_to=Path(args.reports) if getattr(args, "reports", None) else None, **more,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["learn"]:
        return learn_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.resume and not args.output:
        parser.error("--resume continues a run into -o OUT: give -o")
    if args.reports and (args.resume or not args.jsonl or args.no_report):
        parser.error("--reports goes with --jsonl, and without --resume or --no-report")
    if args.profile and args.across_pages:
        parser.error("give --profile FILE or --across-pages, not both")
    if (args.profile or args.across_pages) and not (args.jsonl or args.output):
        parser.error("site profiles clean corpora: give --jsonl IN or -o DIR")
    if args.across_pages and (args.jsonl == "-" or "-" in args.pages):
        parser.error("--across-pages reads its input twice: give a file, not stdin")
    cleaner = Cleaner.default(
        settings=Settings(max_chars=args.max_chars, mode=args.mode, favour=args.favour),
        plugins=args.plugins,
    )
    try:
        profile = SiteProfile.load(args.profile) if args.profile else None
    except ConfigError as error:
        parser.error(str(error))
    run = _run(args, cleaner, profile=profile)
    return _guarded(lambda: _clean_command(parser, args, run))


def _clean_command(parser: argparse.ArgumentParser, args: argparse.Namespace, run: Run) -> int:
    """Clean what the arguments name: a JSON-lines corpus, folders, pages or the example."""
    if args.across_pages:
        profile, _, sites = _learn(run, args)
        run = replace(run, profile=profile, record_sites=sites)
    if args.jsonl:
        return _finish(run_jsonl(run, args.jsonl, args.field, args.output))
    crawls = [p for p in args.pages if _is_crawl_file(p)]
    if crawls:
        if len(crawls) < len(args.pages):
            parser.error("crawl files (WARC, WET) go alone: give them without other pages")
        return _finish(run_warc(run, crawls, args.output))
    if args.example:
        text = files("dechaff").joinpath("examples").joinpath(EXAMPLE).read_text("utf-8")
        return _print_pages([(EXAMPLE, text)], args, run.cleaner)
    if not args.pages:
        parser.error("give pages to clean, --jsonl, or --example")
    if args.output:
        try:
            tally = run_folder(
                run, args.pages, Path(args.output), as_json=args.json, report=args.report
            )
        except Collision as error:
            parser.error(f"{error}: give the folders one at a time, or to different -o")
        return _finish(tally)
    return _print_pages(_read_pages(args.pages, args.glob), args, run.cleaner)


def _is_crawl_file(path: str) -> bool:
    """A WARC or WET file, by its first bytes."""
    if path == "-" or not Path(path).is_file():
        return False
    with open(path, "rb") as stream:
        return is_warc(stream.read(512))


def _read_pages(paths: Sequence[str], globs: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer.read()
        elif Path(path).is_dir():
            for file in page_files(Path(path), globs):
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
    """A message on stderr, written above a progress bar when one is shown."""
    from tqdm import tqdm

    tqdm.write(line, file=sys.stderr)


def _finish(tally: Tally) -> int:
    """Print the run's summary; its exit status."""
    print(tally.render(), file=sys.stderr)
    return EXIT_FAILURES if tally.failures else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
