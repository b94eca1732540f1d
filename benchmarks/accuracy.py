"""dechaff alone on the shared sets, both modes: F1 per set, mode and group (language
group; page type on WCXB).

    python benchmarks/accuracy.py [--sets aeb trafilatura-eval wcxb-dev] [--modes text html]
                                  [--save NAME] [--compare NAME]

Fast (two worker processes, no peers, no timing): the loop for working on rules.
Each line also counts the bodies under fifty characters, and among them those
without a page flag (which should be none).
``--save`` keeps each page's score under ``benchmarks/.runs/NAME.json``;
``--compare`` lists the pages whose score moved against a saved run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, BenchmarkSet, Page, load

from dechaff import Cleaner, Settings
from dechaff.page import FAVOURS

RUNS = Path(__file__).resolve().parent / ".runs"


SHORT = 50
"""A body under this many characters counts as short (and must carry a page flag)."""


def _extract(job: tuple[str, str, Page]) -> tuple[str, bool]:
    """The page's body, and whether the result flags the page as a whole."""
    favour, mode, page = job
    try:
        cleaner = Cleaner.default(settings=Settings(favour=favour))
        result = (
            cleaner.clean_html(page.html()) if mode == "html" else cleaner.clean_text(page.raw())
        )
    except Exception as error:  # a failing page scores empty, and says so
        print(f"{page.id}: {type(error).__name__}: {error}", file=sys.stderr)
        return "", False
    return result.text, bool(result.page_flags)


def run(
    bench: BenchmarkSet, mode: str, favour: str, pool: multiprocessing.pool.Pool
) -> dict[str, object]:
    done = pool.map(_extract, [(favour, mode, p) for p in bench.pages], chunksize=4)
    outputs = [text for text, _ in done]
    scores = {p.id: bench.score(out, p) for p, out in zip(bench.pages, outputs, strict=True)}
    short = [flagged for text, flagged in done if len(text) < SHORT]
    groups: dict[str, list[object]] = {}
    for p in bench.pages:
        groups.setdefault(p.group, []).append(scores[p.id])
    summary = {"all": bench.summarise(list(scores.values()))}
    summary |= {g: bench.summarise(s) for g, s in sorted(groups.items())}  # type: ignore[arg-type]
    return {"summary": summary, "pages": scores, "short": (len(short), short.count(False))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SET_NAMES))
    parser.add_argument("--modes", nargs="+", default=["text", "html"])
    parser.add_argument("--favour", default="balanced", choices=FAVOURS)
    parser.add_argument("--save", help="keep per-page scores under this name")
    parser.add_argument("--compare", help="list pages whose score moved against this run")
    args = parser.parse_args(argv)
    saved: dict[str, dict[str, object]] = {}
    before = json.loads((RUNS / f"{args.compare}.json").read_text()) if args.compare else {}
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for name in args.sets:
            bench = load(name)
            for mode in args.modes:
                key = f"{name}/{mode}"
                got = run(bench, mode, args.favour, pool)
                line = "  ".join(
                    f"{g} {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}, {s.pages})"
                    for g, s in got["summary"].items()  # type: ignore[attr-defined]
                )
                short, unflagged = got["short"]  # type: ignore[misc]
                print(f"{key:22s} {line}  short {short} (unflagged {unflagged})", flush=True)
                pages = {k: asdict(v) for k, v in got["pages"].items()}  # type: ignore[attr-defined]
                saved[key] = pages
                if key in before:
                    _compare(before[key], pages)
    if args.save:
        RUNS.mkdir(exist_ok=True)
        (RUNS / f"{args.save}.json").write_text(json.dumps(saved))
    return 0


def _compare(old: dict[str, dict[str, float]], new: dict[str, dict[str, float]]) -> None:
    def value(s: dict[str, float]) -> float:
        return s["f1"] if "f1" in s else s["tp"] - s["fp"] - s["fn"]

    moved = sorted((value(new[k]) - value(old[k]), k) for k in new if k in old and new[k] != old[k])
    for delta, k in moved:
        print(f"    {delta:+.3f} {k}  {old[k]} -> {new[k]}")


if __name__ == "__main__":
    sys.exit(main())
