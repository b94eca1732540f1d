"""How time and memory grow with input size, and what a second worker buys.

    python benchmarks/scaling.py [--data ../shared/data/aeb]

Each measurement runs in a fresh process (peak memory is that process's maximum
resident size). Writes docs/scaling.md, which benchmarks/run.py folds into
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb"


def _page_of(lines: int, pages: list[str]) -> str:
    """A page of about ``lines`` lines, made of real pages one after another."""
    out: list[str] = []
    i = 0
    while len(out) < lines:
        out.extend(pages[i % len(pages)].splitlines())
        i += 1
    return "\n".join(out[:lines])


def _run(make: Callable[[], str], queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from peak import own_peak_mb

    from dechaff import clean

    raw = make()
    base = own_peak_mb()
    start = time.perf_counter()
    result = clean(raw)
    seconds = time.perf_counter() - start
    peak = own_peak_mb()
    queue.put((len(raw), len(result.blocks), seconds, peak, peak - base))


def measure(make: Callable[[], str]) -> tuple[int, int, float, float, float]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_run, args=(make, queue))
    process.start()
    found = queue.get()
    process.join()
    return found  # type: ignore[no-any-return]


class Pages:
    """Picklable page makers (each measurement builds its page in its own process)."""

    def __init__(self, data: Path) -> None:
        truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
        self.pages = [(data / "raw" / f"{k}.txt").read_text("utf-8") for k in sorted(truth)]
        self.html_folder = data / "html"
        sizes = sorted((p.stat().st_size, p.name) for p in self.html_folder.glob("*.html.gz"))
        self.typical_html = sizes[len(sizes) // 2][1]

    def typical_lines(self) -> int:
        counts = sorted(len(p.splitlines()) for p in self.pages)
        return counts[len(counts) // 2]


def _sized(pages: list[str], lines: int) -> str:
    return _page_of(lines, pages)


def _html_sized(path: Path, factor: int) -> str:
    """The page with its body's content repeated ``factor`` times."""
    html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    open_at = html.lower().find("<body")
    start = html.find(">", open_at) + 1
    end = html.lower().rfind("</body>")
    return html[:start] + html[start:end] * factor + html[end:]


def _wide_list(items: int) -> str:
    links = "".join(f'<li><a href="/s/{i}">Story number {i}</a></li>' for i in range(items))
    sentence = "<p>The council approved the new budget on Monday after a long debate.</p>"
    return f"<html><body><div class='post'>{sentence * 5}<ul>{links}</ul></div></body></html>"


def _deep(depth: int) -> str:
    sentence = "<p>The council approved the new budget on Monday after a long debate.</p>"
    return f"<html><body>{'<div>' * depth}{sentence * 5}{'</div>' * depth}</body></html>"


def _one_line(size: int) -> str:
    sentence = "The council approved the new budget on Monday after a long debate. "
    return sentence * (size // len(sentence))


def _identical(lines: int) -> str:
    return "\n".join(["The council approved the new budget on Monday, officials said."] * lines)


Row = tuple[str, int, int, float, float, float]  # label, chars, blocks, s, MB, ÷ 1×


def _series(pages: list[tuple[str, Callable[[], str]]]) -> list[Row]:
    """Measure each page (label, maker), its time against the first one's."""
    rows: list[Row] = []
    base = 0.0
    for label, make in pages:
        chars, blocks, seconds, peak, _ = measure(make)
        base = base or seconds
        rows.append((label, chars, blocks, seconds, peak, seconds / base))
        print(rows[-1], file=sys.stderr)
    return rows


def _table(rows: list[Row]) -> list[str]:
    return [
        "| input | chars | blocks | seconds | peak MB | time ÷ 1× |",
        "|---|---|---|---|---|---|",
        *(
            f"| {label} | {chars:,} | {blocks:,} | {seconds:.3f} | {peak:,.0f} | {ratio:.1f} |"
            for label, chars, blocks, seconds, peak, ratio in rows
        ),
    ]


def throughput(pages: list[str], workers: int, rounds: int = 6) -> float:
    """Pages per second of ``dechaff --jsonl … --workers N`` over the pages, ``rounds`` times."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for _ in range(rounds):
                for page in pages:
                    out.write(json.dumps({"text": page}) + "\n")
        command = [sys.executable, "-m", "dechaff", "--jsonl", str(source), "-o", str(target),
                   "--workers", str(workers), "--progress", "never"]  # fmt: skip
        best = float("inf")
        for _ in range(3):  # the fastest of three runs
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            best = min(best, time.perf_counter() - start)
        return len(pages) * rounds / best


def _memory_table(rows: list[tuple[int, int, float, float]]) -> list[str]:
    if not rows:
        return []
    return [
        "## Memory against corpus size",
        "",
        "`dechaff --jsonl IN -o OUT --workers 2` over JSON-lines files of the benchmark's",
        "raw pages repeated; the peak resident memory of the command and its workers",
        "together, sampled every 0.2 s:",
        "",
        "| corpus | pages | seconds | peak memory |",
        "|---|---|---|---|",
        *(f"| {size / 1e6:,.0f} MB | {pages:,} | {seconds:,.0f} | {peak:,.0f} MB |"
          for size, pages, seconds, peak in rows),
        "",
    ]  # fmt: skip


def corpus_memory(pages: list[str], size: int) -> tuple[int, float, float]:
    """Pages, seconds and peak resident MB (the command and its workers together) of
    ``dechaff --jsonl … --workers 2`` over a JSON-lines file of about ``size`` bytes."""
    from peak import PeakMemory

    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        count = written = 0
        with source.open("w", encoding="utf-8") as out:
            while written < size:
                line = json.dumps({"id": count, "text": pages[count % len(pages)]}) + "\n"
                written += out.write(line)
                count += 1
        command = [sys.executable, "-m", "dechaff", "--jsonl", str(source), "-o", str(target),
                   "--workers", "2", "--progress", "never"]  # fmt: skip
        with PeakMemory(every=0.2) as memory:
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            seconds = time.perf_counter() - start
    return count, seconds, memory.peak / 2**20


def main(argv: list[str] | None = None) -> int:
    import functools

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "scaling.md")
    parser.add_argument(
        "--corpus-sizes", type=int, nargs="*", default=[10_000_000, 1_000_000_000],
        help="JSON-lines corpora to measure peak memory on, in bytes (none: skip)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    corpus = Pages(args.data)
    typical = corpus.typical_lines()
    rows = _series(
        [
            *((f"{f}× typical ({typical * f:,} lines)",
               functools.partial(_sized, corpus.pages, typical * f)) for f in (1, 4, 16, 64)),
            ("100,000 lines", functools.partial(_sized, corpus.pages, 100_000)),
            ("one 20 MB line", functools.partial(_one_line, 20_000_000)),
            ("100,000 identical lines", functools.partial(_identical, 100_000)),
        ]
    )  # fmt: skip
    typical_html = corpus.html_folder / corpus.typical_html
    html_rows = _series(
        [
            *((f"{f}× typical page", functools.partial(_html_sized, typical_html, f))
              for f in (1, 4, 16, 64)),
            ("a list of 20,000 links", functools.partial(_wide_list, 20_000)),
            ("a list of 80,000 links", functools.partial(_wide_list, 80_000)),
            ("2,000 nested <div>s", functools.partial(_deep, 2_000)),
        ]
    )  # fmt: skip
    one = throughput(corpus.pages, 1)
    two = throughput(corpus.pages, 2)
    lines_ = [
        "## Scaling with input size (text mode)",
        "",
        "Measured by `python benchmarks/scaling.py`: each page cleaned once in a fresh",
        "process; pages of N× the benchmark's median page are real pages laid end to end.",
        "",
        *_table(rows),
        "",
        "## Scaling with input size (HTML)",
        "",
        "The benchmark's median HTML page with its body repeated N times, and two",
        "built pages: a long list of links (wide), and nested elements (deep).",
        "",
        *_table(html_rows),
        "",
        "## Throughput with worker processes",
        "",
        f"`dechaff --jsonl` over the benchmark's {len(corpus.pages)} raw pages, six times over",
        "(the whole command: start-up, reading, cleaning, writing; the fastest of three runs):",
        "",
        "| workers | pages/s |",
        "|---|---|",
        f"| 1 | {one:,.0f} |",
        f"| 2 | {two:,.0f} ({two / one:.2f}× one worker) |",
        "",
        *_memory_table([(size, *corpus_memory(corpus.pages, size)) for size in args.corpus_sizes]),
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines_), "utf-8")
    print("\n".join(lines_))
    return 0


if __name__ == "__main__":
    sys.exit(main())
