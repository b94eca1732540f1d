"""The ``dechaff`` command: clean pages, folders and JSON-lines corpora."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import __version__
from .corpus import RecordSites, Run, learn_jsonl, run_jsonl, run_warc
from .errors import ConfigError, Interrupted, WorkerError
from .folders import learn_folder, page_files, run_folder, run_page
from .markdown import MarkdownOptions
from .page import Settings
from .pipeline import Cleaner
from .profile import SiteProfile
from .sniff import NotAPage, page_bytes
from .tally import Tally
from .warc import is_warc

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 0, 1, 2, 130, 141
EXAMPLE = "news-north-korea-troops.txt"
FORMATS = ("text", "markdown", "json")
"""What ``--to`` writes a page as."""

DESCRIPTION = """\
Separate scraped articles from their chaff and report what was removed and why.

  dechaff page.txt                 print the clean body
  dechaff < page.html              the page on standard input
  dechaff page.html -o page.txt    one page in, that file out
  dechaff --report page.txt        the body, then every removal with its reason
  dechaff --to json a.txt b.html   one JSON object per page
  dechaff --to markdown page.html  the body as Markdown (--links: with its links)
  dechaff --example --report       clean the bundled example page
  dechaff --jsonl in.jsonl --field text -o out.jsonl --workers 4
  dechaff pages/ -o clean/         a folder in, a folder out
  dechaff crawl.warc.gz -o out.jsonl             a crawl file: one JSON line per page
  dechaff --jsonl in.jsonl --across-pages -o out.jsonl   with the sites' repeated lines
  dechaff learn --jsonl in.jsonl -o site.profile         (see dechaff learn --help)
"""

EPILOG = """\
With no page named, a page is read from standard input when it comes from a pipe
or a file (dechaff < page.html). -o FILE with one page writes that file; with
folders, several pages, or a name ending in / it names a folder.

Ctrl-C or SIGTERM stops a run between two records; its output so far stays in
OUT.partial, and the same command with --resume finishes it (so does a run that
was killed, or that stopped on an error with --on-error stop).

exit status: 0 all pages cleaned; 1 some pages failed (see stderr);
2 usage or I/O error; 130 interrupted; 141 the output pipe was closed.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dechaff",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_arguments(p.add_argument_group("input"))
    _output_arguments(p.add_argument_group("output"))
    cleaning = p.add_argument_group("cleaning")
    cleaning.add_argument(
        "--favour",
        choices=("precision", "balanced", "recall"),
        default="balanced",
        help="when unsure, keep less (precision) or more (recall) of the page (balanced)",
    )
    cleaning.add_argument(
        "--plugins",
        action="store_true",
        help="also run the installed plugin filters (entry points 'dechaff.filters')",
    )
    _corpus_arguments(p.add_argument_group("corpus runs"))
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
    p.add_argument("--version", action="version", version=f"dechaff {__version__}")
    return p


def _input_arguments(group: argparse._ArgumentGroup) -> None:
    """What to clean, and how to read it."""
    group.add_argument(
        "pages", nargs="*", help="files or folders to clean ('-' reads stdin); a folder gives "
        "its files named .txt .text .html .htm .xhtml, also compressed (.gz, .zst), at any "
        "depth, or those --glob names; a crawl file (WARC, WET) its records",
    )  # fmt: skip
    group.add_argument("--jsonl", metavar="IN", help="a JSON-lines corpus to clean ('-' for stdin)")
    group.add_argument("--field", help="the record field holding the page (text)")
    group.add_argument(
        "--glob", action="append", default=[], metavar="PATTERN",
        help="folders: take the files matching PATTERN instead ('*.md', '**/*.page'); repeatable",
    )  # fmt: skip
    group.add_argument("--example", action="store_true", help="clean the bundled example page")
    group.add_argument(
        "--from", "--mode", dest="mode", choices=("auto", "text", "html"), default="auto",
        help="read pages as text or HTML; auto recognises HTML by its start (auto; --mode: "
        "its old name, kept until 0.4)",
    )  # fmt: skip


def _output_arguments(group: argparse._ArgumentGroup) -> None:
    """What to write, and where."""
    group.add_argument(
        "--to", choices=FORMATS,
        help="pages: their bodies as text (the default) or Markdown (headings, lists, "
        "tables, code, emphasis; files written: .md), or a JSON object each (text, Markdown, "
        "title, metadata, report); JSON-lines and crawl runs write JSON lines, whose records "
        "carry the Markdown too with --to markdown (FIELD_markdown; crawl records: markdown)",
    )  # fmt: skip
    group.add_argument(
        "--links", action="store_true", help="Markdown: the page's links, as [text](address)"
    )
    group.add_argument(
        "--images", action="store_true", help="Markdown: the page's images, as ![alt](address)"
    )
    group.add_argument(
        "-o", "--output", metavar="OUT",
        help="output file (JSON lines, crawl files, one page) or folder",
    )  # fmt: skip
    group.add_argument("--report", action="store_true", help="print the report after the body")
    group.add_argument(
        "--no-title",
        action="store_true",
        help="print the body alone (by default its title comes first, as '# Title')",
    )
    group.add_argument(
        "--no-report",
        action="store_true",
        help="JSON lines and crawl files: write each record without its report",
    )
    group.add_argument(
        "--reports", metavar="FILE",
        help="JSON lines: write the reports to FILE (a line per record, in order: line, "
        "id and url, dechaff) instead of into the records",
    )  # fmt: skip
    group.add_argument("--json", action="store_true", help="old name of --to json (until 0.4)")
    group.add_argument(
        "--markdown", action="store_true", help="old name of --to markdown (until 0.4)"
    )


def _corpus_arguments(group: argparse._ArgumentGroup) -> None:
    """The options of corpus runs: workers, errors, resuming, progress."""
    group.add_argument("--workers", type=int, default=1, help="processes to clean with (1)")
    group.add_argument("--chunksize", type=int, default=16, help="pages handed to a worker at once")
    group.add_argument(
        "--on-error",
        choices=("skip", "stop"),
        default="skip",
        help="what a bad record does: skip it (reported on stderr) or stop the run (skip)",
    )
    group.add_argument(
        "--max-chars",
        type=int,
        default=Settings().max_chars,
        help="largest page accepted, in characters (default %(default)s)",
    )
    group.add_argument("--resume", action="store_true", help="skip records already in the output")
    group.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr: auto shows it when stderr is a terminal",
    )


def _site_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--site-field", metavar="NAME",
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
    p.add_argument(
        "--glob", action="append", default=[], metavar="PATTERN",
        help="folders: take the files matching PATTERN instead; repeatable",
    )  # fmt: skip
    p.add_argument("--jsonl", metavar="IN", help="a JSON-lines corpus ('-' for stdin)")
    p.add_argument("--field", help="the record field holding the page (text)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the profile to write")
    p.add_argument("--workers", type=int, default=1, help="processes to read with (1)")
    p.add_argument("--chunksize", type=int, default=64, help="pages handed to a worker at once")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto")
    _site_arguments(p.add_argument_group("sites"))
    return p


def learn_main(argv: Sequence[str]) -> int:
    """``dechaff learn``: write a site profile of a corpus; none when it learned no site."""
    parser = build_learn_parser()
    args = parser.parse_args(argv)
    if args.workers < 1 or args.chunksize < 1:
        parser.error("--workers and --chunksize must be at least 1")
    if not (args.jsonl or args.pages):
        parser.error("give --jsonl IN or pages to learn from")
    if args.jsonl and args.pages:
        parser.error("give --jsonl IN or pages, not both")
    _refuse_corpus_options(parser, args, jsonl=bool(args.jsonl), folders=bool(args.pages))
    if any(_is_crawl_file(p) for p in args.pages):
        parser.error("a profile is learned from JSON lines or folders of pages, not crawl files")
    run = _run(args, Cleaner.default())

    def learn_and_save() -> int:
        profile, tally, _ = _learn(run, args)
        if not profile.sites:
            print(f"dechaff: learned no site: {args.output} not written", file=sys.stderr)
            return EXIT_FAILURES
        profile.save(args.output)
        return EXIT_FAILURES if tally.failures else EXIT_OK

    return _guarded(learn_and_save)


def _guarded(work: Callable[[], int]) -> int:
    """A command's work, ended by Ctrl-C (or SIGTERM), a mistake found on the way, an
    I/O error or a closed output pipe, with their exit status."""
    try:
        with _sigterm_as_interrupt():
            return work()
    except Interrupted as error:
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("dechaff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # (`dechaff … | head`): quietly, and no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
    except ConfigError as error:
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerError as error:  # the run stops as an interrupted one does
        print(f"dechaff: {error}", file=sys.stderr)
        return EXIT_FAILURES


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM ends the work as Ctrl-C does (between records, output kept), where
    Python's default is in place and this is the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.getsignal(signal.SIGTERM)
    if before != signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _learn(run: Run, args: argparse.Namespace) -> tuple[SiteProfile, Tally, RecordSites | None]:
    sites = None
    if args.jsonl:
        profile, tally, sites = learn_jsonl(run, args.jsonl, args.field or "text")
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
        resume=getattr(args, "resume", False), say=_tell, site_field=args.site_field or "url",
        site=args.site, with_report=not getattr(args, "no_report", False),
        markdown=getattr(args, "markdown", False), titled=not getattr(args, "no_title", False),
        globs=tuple(args.glob),
        reports_to=Path(args.reports) if getattr(args, "reports", None) else None, **more,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["learn"]:
        return learn_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    crawls = _check_arguments(parser, args)
    cleaner = Cleaner.default(
        settings=Settings(max_chars=args.max_chars, mode=args.mode, favour=args.favour),
        plugins=args.plugins,
    )
    try:
        profile = SiteProfile.load(args.profile) if args.profile else None
    except ConfigError as error:
        parser.error(str(error))
    run = _run(args, cleaner, profile=profile)
    return _guarded(lambda: _clean_command(parser, args, run, crawls))


def _check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> bool:
    """Refuse, before any work, arguments that contradict each other or would be
    ignored; whether the pages are crawl files."""
    if args.workers < 1 or args.chunksize < 1:
        parser.error("--workers and --chunksize must be at least 1")
    given = [name for name, on in (("--jsonl", args.jsonl), ("pages", args.pages),
             ("--example", args.example)) if on]  # fmt: skip
    if len(given) > 1:
        parser.error(f"give one input: {' or '.join(given)}, not both")
    for path in args.pages:
        if path != "-" and not os.path.exists(path):
            parser.error(f"{path}: no such file or folder")
    crawls = [p for p in args.pages if _is_crawl_file(p)]
    if crawls and len(crawls) < len(args.pages):
        parser.error("crawl files (WARC, WET) go alone: give them without other pages")
    records = bool(args.jsonl or crawls)  # inputs whose output is one JSON line a record
    folders = any(Path(p).is_dir() for p in args.pages)
    _output_format(parser, args, records)
    for option, on in (("--report", args.report), ("--to json", args.json),
                       ("--no-title", args.no_title)):  # fmt: skip
        if on and records:
            parser.error(
                f"{option} is for pages: JSON-lines and crawl runs write one JSON line a "
                "record, with its report (see --no-report and --reports)"
            )
    if crawls and args.mode != "auto":
        parser.error("--from does not apply to crawl files: each record is read by its type")
    if crawls and (args.profile or args.across_pages):
        parser.error("site profiles clean JSON lines and folders, not crawl files")
    if args.no_report and not records:
        parser.error("--no-report is for JSON-lines and crawl runs (pages: leave out --report)")
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
    if args.site_field and not (args.profile or args.across_pages):
        parser.error("--site-field names the site for --profile or --across-pages")
    _refuse_corpus_options(parser, args, jsonl=bool(args.jsonl), folders=folders)
    return bool(crawls)


def _output_format(
    parser: argparse.ArgumentParser, args: argparse.Namespace, records: bool
) -> None:
    """Settle ``--to`` from it and its old names (``--json``, ``--markdown``): after
    this, ``args.json`` says whether pages are written as JSON and ``args.markdown``
    holds the Markdown's options when the output carries Markdown."""
    old = [name for name, on in (("json", args.json), ("markdown", args.markdown)) if on]
    for name in old:
        print(f"dechaff: --{name} is an old name of --to {name}, kept until 0.4", file=sys.stderr)
    if args.to and old and old != [args.to]:
        parser.error(f"give --to {args.to} alone, without {' '.join('--' + o for o in old)}")
    wanted = args.to or (old[0] if old else "text")  # (--json --markdown: JSON, which has both)
    if (args.links or args.images) and wanted == "text":
        parser.error("--links and --images show in the Markdown: give --to markdown or json")
    if args.report and wanted == "json":
        parser.error("--report prints the report after the body: --to json holds it already")
    carries = wanted == "markdown" or (wanted == "json" and not records)
    args.to, args.json = wanted, wanted == "json"
    args.markdown = MarkdownOptions(args.links, args.images) if carries else False


def _refuse_corpus_options(
    parser: argparse.ArgumentParser, args: argparse.Namespace, *, jsonl: bool, folders: bool
) -> None:
    """Options that only one kind of input reads, refused with the others."""
    if args.field and not jsonl:
        parser.error("--field names the page's field in --jsonl records")
    if args.site_field and not jsonl:
        parser.error("--site-field names the site's field in --jsonl records (folders: --site)")
    if args.site and not folders and not args.pages:
        parser.error("--site names the site of the pages of folders")
    if args.glob and not folders:
        parser.error("--glob chooses the files of folders: give a folder")


def _clean_command(
    parser: argparse.ArgumentParser, args: argparse.Namespace, run: Run, crawls: bool
) -> int:
    """Clean what the arguments name: a JSON-lines corpus, folders, pages or the example."""
    if args.across_pages:
        profile, _, sites = _learn(run, args)
        if not profile.sites:
            raise ConfigError("--across-pages learned no site: nothing to clean with")
        run = replace(run, profile=profile, record_sites=sites)
    if args.jsonl:
        return _finish(run_jsonl(run, args.jsonl, args.field or "text", args.output))
    if crawls:
        return _finish(run_warc(run, args.pages, args.output))
    if args.example:
        text = files("dechaff").joinpath("examples").joinpath(EXAMPLE).read_text("utf-8")
        return _print_pages([(EXAMPLE, lambda: text)], args, run.cleaner)
    if not args.pages:
        return _clean_stdin(parser, args, run.cleaner)
    if args.output and _one_file_out(args.pages, args.output):
        page, target = Path(args.pages[0]), Path(args.output)
        return _finish(run_page(run, page, target, as_json=args.json, report=args.report))
    if args.output:
        output = Path(args.output)
        return _finish(run_folder(run, args.pages, output, as_json=args.json, report=args.report))
    return _print_pages(_read_pages(args.pages, args.glob), args, run.cleaner)


def _one_file_out(pages: Sequence[str], output: str) -> bool:
    """Whether ``-o output`` names a file: one page file in, and no folder named."""
    one_file = len(pages) == 1 and pages[0] != "-" and not Path(pages[0]).is_dir()
    return one_file and not output.endswith(("/", os.sep)) and not Path(output).is_dir()


def _clean_stdin(
    parser: argparse.ArgumentParser, args: argparse.Namespace, cleaner: Cleaner
) -> int:
    """The page on standard input, when it comes from a pipe or a file."""
    data = _stdin_page()
    if data is None:
        parser.error("give pages to clean, --jsonl, or --example (or a page on standard input)")
    if args.output:
        parser.error("-o takes pages by name: for standard input, redirect the output")
    return _print_pages([("<stdin>", lambda: data)], args, cleaner)


def _stdin_page() -> bytes | None:
    """Standard input's bytes, when it is no terminal and holds some."""
    try:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        data = sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError):
        return None  # (closed, or a stand-in that cannot be read)
    return data or None


def _is_crawl_file(path: str) -> bool:
    """A WARC or WET file, by its first bytes."""
    if path == "-" or not Path(path).is_file():
        return False
    with open(path, "rb") as stream:
        return is_warc(stream.read(512))


def _read_pages(paths: Sequence[str], globs: Sequence[str]) -> Iterator[tuple[str, Page]]:
    """Each page named, or under a folder named, with the reading of its bytes (done
    when the page's turn comes, so that one that cannot be read fails alone)."""
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer.read
        elif Path(path).is_dir():
            found = page_files(Path(path), globs)
            for skipped, why in found.skipped:
                print(f"dechaff: {skipped}: skipped: {why}", file=sys.stderr)
            for file in found.pages:
                yield str(file), file.read_bytes
        else:
            yield path, Path(path).read_bytes  # (a pipe named, as <(…) gives, too)


Page = Callable[[], "str | bytes"]
"""A page to print: a function that reads it."""


def _print_pages(
    pages: Iterator[tuple[str, Page]] | list[tuple[str, Page]],
    args: argparse.Namespace,
    cleaner: Cleaner,
) -> int:
    status = EXIT_OK
    out = sys.stdout
    several = False
    headers = args.report or len(args.pages) > 1 or any(Path(p).is_dir() for p in args.pages)
    for name, read in pages:
        try:
            data = read()
            result = cleaner(page_bytes(data) if isinstance(data, bytes) else data)
        except Exception as error:
            said = str(error) if isinstance(error, NotAPage) else f"{type(error).__name__}: {error}"
            print(f"dechaff: {name}: {said}", file=sys.stderr)
            status = EXIT_FAILURES
            if args.on_error == "stop":
                print(f"dechaff: stopped at {name}, on its error", file=sys.stderr)
                return status
            continue
        if args.json:
            page = {"page": name, **result.to_dict()}
            page["markdown"] = args.markdown.render(result)
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
            continue
        if several:
            out.write("\n")
        several = True
        if headers:
            out.write(f"== {name}\n")
        if args.markdown:
            out.write(args.markdown.render(result, title=not args.no_title) + "\n")
        else:
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
