"""Run dechaff and its peers over the three shared benchmark sets and the seed page,
and write the results.

    python benchmarks/run.py [--sets aeb trafilatura-eval wcxb-dev] [--no-peers]
                             [--no-ablation] [--rounds 5] [--out docs]

Every tool runs in a process of its own over the same pages, on the same machine,
and is scored with each set's own metric (see benchmarks/sets.py). The run writes
docs/benchmarks.md (tables per set, per group of pages — language on the article
sets, page type on WCXB dev —, per ``favour`` preset, an ablation on the article
sets, machine, date, versions) and a plot of accuracy against speed per set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peak import own_peak_mb
from sets import SET_NAMES, BenchmarkSet, Score, load
from tools import DECHAFF_HTML, DECHAFF_TEXT, PEERS, Tool, ablations, favours

from dechaff import Cleaner
from dechaff.evaluation import Summary, score_page

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
GROUP_NAMES = {"de": "German", "en": "English", "other": "other languages"}
"""The language groups' names; WCXB's groups, page types, are named as they are."""
ABLATED_SETS = ("aeb", "trafilatura-eval")
"""The sets the ablation runs on (one pass per filter and mode: on WCXB dev's 1,476
pages it would take most of an hour)."""


@dataclass(frozen=True)
class Measured:
    tool: str
    reads: str
    outputs: dict[str, str]
    seconds: float
    peak_mb: float
    version: str


def _serve(tool: Tool, inputs: dict[str, Any], orders: Connection) -> None:
    """A tool's own process: one timed pass over the pages per order received."""
    extract = tool.make()
    outputs: dict[str, str] = {}
    while orders.recv():
        start = time.perf_counter()
        for page, data in inputs.items():
            try:
                outputs[page] = extract(data)
            except Exception as error:  # a peer failing on a page scores that page empty
                if page not in outputs:
                    print(f"  {tool.name}: {page[:12]}: {type(error).__name__}", file=sys.stderr)
                outputs[page] = ""
        orders.send(time.perf_counter() - start)
    orders.send((outputs, own_peak_mb()))


def measure_all(tools: Sequence[Tool], bench: BenchmarkSet, rounds: int) -> list[Measured]:
    """Run each tool over every page in a process of its own: outputs, the fastest of
    ``rounds`` passes, peak memory.

    The passes take turns (one pass of every tool, then the next round), so that a
    slow spell of a shared machine falls on all tools alike instead of on one; the
    fastest pass is kept, as the machine's noise only ever slows a pass.
    """
    raw = {p.id: p.raw() for p in bench.pages}
    html = {p.id: p.html() for p in bench.pages} if any(t.reads == "html" for t in tools) else {}
    context = multiprocessing.get_context("spawn")
    workers = []
    for tool in tools:
        mine, theirs = context.Pipe()
        inputs = raw if tool.reads == "raw" else html
        process = context.Process(target=_serve, args=(tool, inputs, theirs))
        process.start()
        workers.append((tool, process, mine))
    seconds = [float("inf")] * len(tools)
    for _ in range(rounds):
        for i, (tool, _, orders) in enumerate(workers):
            print(f"  {bench.name}: {tool.name} …", file=sys.stderr)
            orders.send(True)
            seconds[i] = min(seconds[i], orders.recv())
    found = []
    for i, (tool, process, orders) in enumerate(workers):
        orders.send(False)
        outputs, peak_mb = orders.recv()
        process.join()
        version = metadata.version(tool.package) if tool.package else "—"
        found.append(Measured(tool.name, tool.reads, outputs, seconds[i], peak_mb, version))
    return found


@dataclass(frozen=True)
class Row:
    measured: Measured
    all: Summary
    groups: dict[str, Summary]
    pages: int

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.measured.seconds if self.measured.seconds else 0.0


def score(measured: Measured, bench: BenchmarkSet) -> Row:
    scores = {p.id: bench.score(measured.outputs[p.id], p) for p in bench.pages}
    grouped: dict[str, list[Score]] = {}
    for p in bench.pages:
        grouped.setdefault(p.group, []).append(scores[p.id])
    return Row(
        measured,
        bench.summarise(list(scores.values())),
        {g: bench.summarise(s) for g, s in grouped.items() if s},
        len(bench.pages),
    )


def table(rows: Sequence[Row]) -> str:
    lines = ["| tool | P | R | F1 | pages/s | peak MB |", "|---|---|---|---|---|---|"]
    for row in sorted(rows, key=lambda r: -r.all.f1):
        s = row.all
        speed = (
            "—" if row.measured.tool.startswith("no cleaning") else f"{row.pages_per_second:,.0f}"
        )
        lines.append(
            f"| {row.measured.tool} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {speed} | {row.measured.peak_mb:,.0f} |"
        )
    return "\n".join(lines)


def group_table(rows: Sequence[Row], groups: Sequence[str]) -> str:
    """F1 per group of pages (language or page type), the pages of each in brackets."""
    names = [GROUP_NAMES.get(g, g) for g in groups]
    lines = ["| tool | " + " | ".join(f"{n} F1" for n in names) + " |",
             "|---|" + "---|" * len(groups)]  # fmt: skip
    for row in sorted(rows, key=lambda r: -r.all.f1):
        cells = [
            f"{row.groups[g].f1:.3f} ({row.groups[g].pages})" if g in row.groups else "—"
            for g in groups
        ]
        lines.append(f"| {row.measured.tool} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ablation_table(baseline: Row, ablated: Sequence[Row]) -> str:
    lines = ["| configuration | P | R | F1 | ΔF1 |", "|---|---|---|---|---|"]
    for row in [baseline, *ablated]:
        s = row.all
        name = "all filters" if row is baseline else row.measured.tool
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.f1 - baseline.all.f1:+.3f} |"
        )
    return "\n".join(lines)


def plot(rows: Sequence[Row], title: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=120)
    # "No cleaning" costs nothing, so its speed says nothing: it is left off the plot.
    shown = sorted(
        (r for r in rows if not r.measured.tool.startswith("no cleaning")), key=lambda r: -r.all.f1
    )
    for rank, row in enumerate(shown):
        is_dechaff = row.measured.tool.startswith("dechaff")
        ax.scatter(row.pages_per_second, row.all.f1, s=70 if is_dechaff else 45,
                   color="#c0392b" if is_dechaff else "#34495e", zorder=3)  # fmt: skip
        ax.annotate(row.measured.tool, (row.pages_per_second, row.all.f1),
                    textcoords="offset points", xytext=(7, 4 if rank % 2 == 0 else -11),
                    fontsize=8)  # fmt: skip
    ax.set_xscale("log")
    ax.set_xlabel("pages per second, one process (log scale)")
    ax.set_ylabel("F1 (the set's own metric)")
    ax.set_title(f"{title}: accuracy against speed")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}"


def seed_line() -> str:
    """Whether the seed page still comes out exactly as its expected body."""
    raw = SEED / "news-north-korea-troops.raw.txt"
    if not raw.exists():
        return f"- seed page: not found at {SEED}"
    result = Cleaner.default().clean_text(raw.read_text("utf-8"))
    expected = (SEED / "news-north-korea-troops.expected.txt").read_text("utf-8")
    body = "\n\n".join(filter(None, [result.title, result.text]))
    exact = body.strip() == expected.strip()
    s = score_page(body, expected)
    return (
        f"- seed page: {'exact' if exact else 'NOT exact'} "
        f"({len(result.repairs)} repairs; shingle tp {s.tp:.3f}, fp {s.fp:.3f}, fn {s.fn:.3f})"
    )


TITLES = {
    "aeb": "Article Extraction Benchmark",
    "trafilatura-eval": "trafilatura-eval",
    "wcxb-dev": "WCXB dev",
}
METRICS = {
    "aeb": "4-gram shingles, per-page normalisation, precision and recall as page means",
    "trafilatura-eval": "snippets of the body found and snippets of boilerplate found, "
    "counts summed over all pages",
    "wcxb-dev": "bag-of-words F1 per page, averaged over pages (WCXB's own); pages with an "
    "empty gold left out",
}


def section(
    name: str, bench: BenchmarkSet, rows: list[Row], presets: list[Row],
    ablated: dict[str, list[Row]], out: Path,
) -> list[str]:  # fmt: skip
    image = f"benchmark-{name}.png"
    plot(rows, TITLES[name], out / image)
    counts = Counter(p.group for p in bench.pages)
    groups = [g for g, _ in counts.most_common()]
    parts = [
        f"## {TITLES[name]}",
        "",
        f"{len(bench.pages)} pages: "
        + ", ".join(f"{counts[g]} {GROUP_NAMES.get(g, g)}" for g in groups)
        + f". Metric: {METRICS[name]}.",
        "",
        table(rows),
        "",
        f"![F1 against pages per second]({image})",
        "",
    ]
    trafilatura = next((r for r in rows if r.measured.tool.startswith("trafilatura")), None)
    if trafilatura is not None:
        for row in rows:
            if row.measured.tool.startswith("dechaff") and trafilatura.pages_per_second:
                ratio = row.pages_per_second / trafilatura.pages_per_second
                gap = row.all.f1 - trafilatura.all.f1
                parts.append(
                    f"- {row.measured.tool}: F1 {gap:+.3f} against trafilatura, "
                    f"{ratio:.1f}× its pages/s."
                )
        parts.append("")
    by = "page type" if name == "wcxb-dev" else "language"
    parts += [f"### {TITLES[name]}: by {by}", "", group_table(rows, groups), ""]
    if presets:
        parts += [f"### {TITLES[name]}: `favour` presets", "", table(presets), ""]
    for mode, rows_ in ablated.items():
        baseline = next(r for r in rows if r.measured.tool == (
            DECHAFF_TEXT.name if mode == "text" else DECHAFF_HTML.name))  # fmt: skip
        heading = f"### {TITLES[name]}: ablation ({mode} mode)"
        note = "F1 with one filter switched off."
        parts += [heading, "", note, "", ablation_table(baseline, rows_), ""]
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SET_NAMES), choices=SET_NAMES)
    parser.add_argument("--no-peers", action="store_true", help="measure dechaff only")
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation tables")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes per tool (5)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    tools = [DECHAFF_TEXT, DECHAFF_HTML, *([] if args.no_peers else PEERS)]
    body: list[str] = []
    versions: set[str] = set()
    for name in args.sets:
        bench = load(name)
        print(f"{name}: measuring {len(tools)} tools, their passes taking turns …", file=sys.stderr)
        rows = [score(m, bench) for m in measure_all(tools, bench, args.rounds)]
        presets = [score(m, bench) for m in measure_all(favours(), bench, 1)]
        ablated: dict[str, list[Row]] = {}
        if not args.no_ablation and name in ABLATED_SETS:
            names = Cleaner.default().names
            for mode, reads in (("text", "raw"), ("HTML", "html")):
                measured = measure_all(ablations(names, reads), bench, 1)
                ablated[mode] = [score(m, bench) for m in measured]
        versions |= {f"{r.measured.tool.split(' (')[0]} {r.measured.version}" for r in rows
                     if r.measured.version != "—"}  # fmt: skip
        body += section(name, bench, rows, presets, ablated, args.out)
        print(table(rows))
    write_report(args.out, body, versions)
    return 0


def write_report(out: Path, body: list[str], versions: set[str]) -> None:
    parts = [
        "# Benchmarks",
        "",
        "Measured by `python benchmarks/run.py` (see [How to reproduce](#how-to-reproduce)).",
        "",
        f"- date: {dt.date.today().isoformat()}",
        f"- machine: {machine()}",
        f"- versions: {', '.join(sorted(versions))}",
        seed_line(),
        "",
        "Every tool ran alone in a fresh process over the same pages: pages/s counts",
        "extraction only (no file reading), the fastest of several passes, the tools'",
        "passes taking turns so that the machine's slow spells fall on all alike; peak MB",
        "is the process's maximum resident size. HTML tools get each page's bytes as",
        "saved; text mode gets the set's raw text (`raw/`). Speeds on this shared machine",
        "vary from run to run, by up to a fifth. The `favour` presets and the ablations",
        "ran one pass each (their speeds are not compared).",
        "",
        "**dechaff's learned block layer was fitted on these pages** (the `block-model`",
        "filter; see [page-types.md](page-types.md)): its figures below are in sample.",
        "Out of fold (each page cleaned with a forest fitted without its site's pages,",
        "`python benchmarks/block_model.py`) they are within 0.003 of them on the two",
        "article sets and about 0.015 lower on WCXB dev; page-types.md gives the out of",
        "fold figures per page type, the ones to compare with the peers'.",
        "",
        "**Where the two sets' gold disagree.** The Article Extraction Benchmark's gold",
        "body leaves out standfirsts, subtitles and most lists of facts around an article;",
        "trafilatura-eval's snippets take them as main content, and also count forum",
        'posts, product descriptions and recipe ingredients. `favour="precision"` follows',
        'the first reading, `"recall"` the second; `"balanced"` (the default) keeps a',
        "prose lead before the main element but not a subtitle set as a heading, and lets",
        "the body stand in several runs only across short gaps.",
        "",
        "jusText runs with its English stoplist: the harness does not tell it each page's",
        "language, so its figures on other languages are far from its best.",
        "",
        "On the article sets a page's group is its language, from the function words of",
        "its gold text (`benchmarks/sets.py`); on WCXB dev it is the page type WCXB's",
        "annotators gave.",
        "",
        *body,
        "## How to reproduce",
        "",
        "```sh",
        'pip install -e ".[bench]"',
        "python benchmarks/run.py                 # three sets, all tools; writes this page",
        "python benchmarks/accuracy.py            # dechaff alone, the three sets, fast",
        "python benchmarks/digest.py --save NAME  # every output's digest; --compare NAME",
        "python benchmarks/floors.py              # raise the floors the tests hold",
        "python benchmarks/snapshot_fixtures.py   # rewrite the fixtures' snapshots, diff shown",
        "python benchmarks/errors.py --summary --set trafilatura-eval --html",
        "python benchmarks/errors.py PAGE_ID       # one page: what was kept or dropped wrongly",
        "python benchmarks/structure.py --out docs  # Markdown, metadata, language vs trafilatura",
        "python benchmarks/mutation.py --out docs  # mutants the fast tests kill: mutation.md",
        "python benchmarks/scaling.py             # time and memory against input size",
        "python benchmarks/seedlike.py --out docs # pages built like the seed page",
        "```",
        "",
    ]
    for written in ("structure.md", "seedlike.md", "scaling.md"):  # the other scripts' own sections
        if (out / written).exists():
            parts += [(out / written).read_text("utf-8")]
    (out / "benchmarks.md").write_text("\n".join(parts), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
