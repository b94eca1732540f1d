"""Run dechaff and its peers over the Article Extraction Benchmark and write the results.

    python benchmarks/run.py [--data ../shared/data/aeb] [--no-peers] [--no-ablation]

Every tool runs in a process of its own over the same pages, on the same machine,
and is scored with the benchmark's metric (dechaff.evaluation). The run writes
docs/benchmarks.md (tables, machine, date, versions) and docs/benchmark-f1-speed.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import multiprocessing
import os
import platform
import re
import resource
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tools import DECHAFF_HTML, DECHAFF_TEXT, PEERS, Tool, ablations

from dechaff import Cleaner
from dechaff.evaluation import PageScore, aggregate, bootstrap, score_page

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "aeb"
FUNCTION_WORDS = {
    "en": "the of and to in a is that for it on with as was by this are be at from",
    "pt": "de o a que e do da em um para com não uma os no se na por mais as dos",
    "es": "de la que el en y los del se las por un para con no una su al es lo",
    "it": "di e il la che a per un in non una sono del della si le con da al",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "fr": "de la le et les des en un du une est que pour dans qui pas au sur",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada",
}
FUNCTION_SETS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}


@dataclass(frozen=True)
class Pages:
    ids: list[str]
    raw: dict[str, str]
    html: dict[str, str]
    gold: dict[str, str]

    def english(self, page: str) -> bool:
        """A page is English when English function words outnumber those of other
        languages in its gold body, and no non-Latin script dominates it."""
        text = self.gold[page]
        letters = re.findall(r"[^\W\d_]", text)
        latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
        if letters and latin < 0.5 * len(letters):
            return False
        words = re.findall(r"\w+", text.lower())
        hits = {lang: sum(w in s for w in words) for lang, s in FUNCTION_SETS.items()}
        return max(hits, key=lambda lang: hits[lang]) == "en"


def load(data: Path, need_html: bool) -> Pages:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)
    raw = {k: (data / "raw" / f"{k}.txt").read_text("utf-8") for k in ids}
    html = (
        {k: gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8")
         for k in ids}
        if need_html
        else {}
    )  # fmt: skip
    return Pages(ids, raw, html, {k: truth[k]["articleBody"] for k in ids})


@dataclass(frozen=True)
class Measured:
    tool: str
    reads: str
    outputs: dict[str, str]
    seconds: float
    peak_mb: float
    version: str


def _serve(tool: Tool, inputs: dict[str, str], orders: Connection) -> None:
    """A tool's own process: one timed pass over the pages per order received."""
    extract = tool.make()
    outputs: dict[str, str] = {}
    while orders.recv():
        start = time.perf_counter()
        for page, text in inputs.items():
            try:
                outputs[page] = extract(text)
            except Exception as error:  # a peer failing on a page scores that page empty
                if page not in outputs:
                    print(f"  {tool.name}: {page[:12]}: {type(error).__name__}", file=sys.stderr)
                outputs[page] = ""
        orders.send(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    orders.send((outputs, peak_mb))


def measure_all(tools: list[Tool], pages: Pages, rounds: int = 5) -> list[Measured]:
    """Run each tool over every page in a process of its own: outputs, the fastest of
    ``rounds`` passes, peak memory.

    The passes take turns (one pass of every tool, then the next round), so that a
    slow spell of a shared machine falls on all tools alike instead of on one; the
    fastest pass is kept, as the machine's noise only ever slows a pass.
    """
    context = multiprocessing.get_context("spawn")
    workers = []
    for tool in tools:
        inputs = pages.raw if tool.reads == "raw" else pages.html
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(tool, inputs, theirs))
        process.start()
        workers.append((tool, process, mine))
    seconds = [float("inf")] * len(tools)
    for _ in range(rounds):
        for i, (tool, _, orders) in enumerate(workers):
            print(f"  {tool.name} …", file=sys.stderr)
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
    scores: list[PageScore]
    english: list[PageScore]
    other: list[PageScore]

    @property
    def pages_per_second(self) -> float:
        return len(self.scores) / self.measured.seconds if self.measured.seconds else 0.0


def score(measured: Measured, pages: Pages) -> Row:
    scores = {k: score_page(measured.outputs[k], pages.gold[k]) for k in pages.ids}
    return Row(
        measured,
        [scores[k] for k in pages.ids],
        [scores[k] for k in pages.ids if pages.english(k)],
        [scores[k] for k in pages.ids if not pages.english(k)],
    )


def table(rows: list[Row], with_spread: bool = True) -> str:
    lines = [
        "| tool | P | R | F1 | accuracy | pages/s | peak MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in sorted(rows, key=lambda r: -aggregate(r.scores).f1):
        s = aggregate(row.scores)
        spread = ""
        if with_spread:
            _, _, f1_sd = bootstrap(row.scores, rounds=1000)
            spread = f" ± {f1_sd:.3f}"
        lines.append(
            f"| {row.measured.tool} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}{spread} "
            f"| {s.accuracy:.3f} | {row.pages_per_second:,.0f} | {row.measured.peak_mb:,.0f} |"
        )
    return "\n".join(lines)


def plot(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=120)
    # "No cleaning" costs nothing, so its speed says nothing: it is left off the plot.
    shown = sorted(
        (r for r in rows if not r.measured.tool.startswith("no cleaning")),
        key=lambda r: -aggregate(r.scores).f1,
    )
    for rank, row in enumerate(shown):
        f1 = aggregate(row.scores).f1
        is_dechaff = row.measured.tool.startswith("dechaff")
        ax.scatter(row.pages_per_second, f1, s=70 if is_dechaff else 45,
                   color="#c0392b" if is_dechaff else "#34495e", zorder=3)  # fmt: skip
        ax.annotate(row.measured.tool, (row.pages_per_second, f1), textcoords="offset points",
                    xytext=(7, 4 if rank % 2 == 0 else -11), fontsize=8)  # fmt: skip
    ax.set_xscale("log")
    ax.set_xlabel("pages per second, one process (log scale)")
    ax.set_ylabel("F1 (4-gram shingles, page means)")
    ax.set_title("Article Extraction Benchmark: accuracy against speed")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-peers", action="store_true", help="measure dechaff only")
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation table")
    parser.add_argument("--no-html", action="store_true", help="skip dechaff's HTML mode")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    tools = [DECHAFF_TEXT]
    if not args.no_html:
        tools.append(DECHAFF_HTML)
    if not args.no_peers:
        tools.extend(PEERS)
    pages = load(args.data, need_html=any(t.reads == "html" for t in tools))
    print(f"measuring {len(tools)} tools, their passes taking turns …", file=sys.stderr)
    rows = [score(measured, pages) for measured in measure_all(tools, pages)]
    ablation_rows: dict[str, list[Row]] = {"text": [], "HTML": []}
    if not args.no_ablation:
        for mode, reads in (("text", "raw"), ("HTML", "html")):
            if reads == "html" and args.no_html:
                continue
            variants = list(ablations(Cleaner.default().names, reads))
            print(f"measuring the {mode} ablation …", file=sys.stderr)
            for measured in measure_all(variants, pages, rounds=1):
                ablation_rows[mode].append(score(measured, pages))
    write_report(args.out, rows, ablation_rows, pages)
    print(table(rows, with_spread=False))
    return 0


def write_report(
    out: Path, rows: list[Row], ablation_rows: dict[str, list[Row]], pages: Pages
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plot(rows, out / "benchmark-f1-speed.png")
    text_row = rows[0]
    trafilatura = next((r for r in rows if r.measured.tool.startswith("trafilatura")), None)
    versions = ", ".join(
        sorted({f"{r.measured.tool.split(' (')[0]} {r.measured.version}" for r in rows
                if r.measured.version != "—"})
    )  # fmt: skip
    parts = [
        "# Benchmarks",
        "",
        "Measured by `python benchmarks/run.py` (see [How to reproduce](#how-to-reproduce)).",
        "",
        f"- date: {dt.date.today().isoformat()}",
        f"- machine: {machine()}",
        f"- versions: {versions}",
        f"- data: Article Extraction Benchmark, {len(pages.ids)} pages "
        f"({len(text_row.english)} English, {len(text_row.other)} in other languages)",
        "",
        "## Accuracy and speed",
        "",
        "Metric: the benchmark's own (4-gram shingles, per-page normalisation, precision",
        "and recall as page means, F1 of the two; accuracy is the share of pages whose",
        "tokens equal the gold's; ± is the standard deviation of F1 over 1,000 bootstrap",
        "resamples of the pages). Every tool ran alone in a fresh process: pages/s counts",
        "extraction only (no file reading), the fastest of five passes over the pages,",
        "the tools' passes taking turns so that the machine's slow spells fall on all alike;",
        "peak MB is the process's maximum resident size.",
        "",
        table(rows),
        "",
        "![F1 against pages per second](benchmark-f1-speed.png)",
        "",
        '(The plot leaves out "no cleaning", whose speed is only the cost of a copy.)',
        "",
        "## By language",
        "",
        "| tool | pages | n | P | R | F1 |",
        "|---|---|---|---|---|---|",
        *[
            f"| {row.measured.tool} | {label} | {s.pages} | {s.precision:.3f} "
            f"| {s.recall:.3f} | {s.f1:.3f} |"
            for row in rows
            if row.measured.tool.startswith(("dechaff", "trafilatura"))
            for label, s in (
                ("English", aggregate(row.english)),
                ("other languages", aggregate(row.other)),
            )
        ],
        "",
        "A page counts as English when its gold body is in Latin script and English",
        "function words outnumber those of Portuguese, Spanish, Italian, German, French",
        "and Indonesian in it.",
    ]
    if trafilatura is not None:
        parts += [""]
        for row in rows:
            if row.measured.tool.startswith("dechaff"):
                ratio = row.pages_per_second / trafilatura.pages_per_second
                parts.append(f"- {row.measured.tool}: {ratio:.1f}× trafilatura's pages/s.")
    html_row = next((r for r in rows if r.measured.tool == DECHAFF_HTML.name), None)
    full = {"text": text_row, "HTML": html_row}
    for mode, ablated in ablation_rows.items():
        baseline = full[mode]
        if not ablated or baseline is None:
            continue
        parts += [
            "",
            f"## Ablation ({mode} mode)",
            "",
            "F1 and speed with one filter switched off; the drop in F1 is what the filter",
            "contributes on this benchmark (the HTML-only filters do nothing on text).",
            "",
            "| configuration | P | R | F1 | ΔF1 | pages/s |",
            "|---|---|---|---|---|---|",
        ]
        base = aggregate(baseline.scores).f1
        for row in [baseline, *ablated]:
            s = aggregate(row.scores)
            name = "all filters" if row is baseline else row.measured.tool
            parts.append(
                f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
                f"| {s.f1 - base:+.3f} | {row.pages_per_second:,.0f} |"
            )
    parts += [
        "",
        "## How to reproduce",
        "",
        "```sh",
        'pip install -e ".[bench]"',
        "python benchmarks/run.py                 # all tools, ablation, writes this page",
        "python benchmarks/errors.py PAGE_ID       # one page: what was kept or dropped wrongly",
        "python benchmarks/scaling.py             # time and memory against input size",
        "```",
        "",
    ]
    scaling = out / "scaling.md"
    if scaling.exists():
        parts += [scaling.read_text("utf-8")]
    (out / "benchmarks.md").write_text("\n".join(parts), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
