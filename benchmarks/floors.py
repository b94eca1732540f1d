"""The accuracy floors the tests hold: measured here, raised here, lowered only with a reason.

    python benchmarks/floors.py                      # measure; raise any floor passed
    python benchmarks/floors.py --check              # measure; exit 1 under a floor
    python benchmarks/floors.py --lower "why" aeb/text   # set a floor to its measure

``benchmarks/floors.json`` holds, per set and mode, the F1 floor (the measured F1
rounded down to three places) and, per set, the digest of the data it was measured
on; a floor is never lowered without ``--lower``, whose reason the file keeps in
its ``lowered`` list. The tests (``tests/test_benchmark_floors.py``) hold every
floor on the data of that digest, and skip, saying so, on other data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, BenchmarkSet, Page, load

from dechaff import Cleaner

FLOORS = Path(__file__).resolve().parent / "floors.json"
MODES = ("text", "html")


def data_digest(bench: BenchmarkSet) -> str:
    """A digest of the set's pages: ids, inputs of both modes and gold."""
    digest = hashlib.sha256()
    for page in bench.pages:
        digest.update(page.id.encode())
        digest.update(page.raw_path.read_bytes())
        digest.update(page.html_path.read_bytes())
        digest.update(json.dumps(page.gold).encode())
    return digest.hexdigest()[:16]


def _output(job: tuple[str, Page]) -> str:
    mode, page = job
    cleaner = Cleaner.default()
    return (
        cleaner.clean_html(page.html()) if mode == "html" else cleaner.clean_text(page.raw())
    ).text


def measure(bench: BenchmarkSet, mode: str, workers: int = 2) -> float:
    """The set's F1 in ``mode`` with the default pipeline."""
    jobs = [(mode, p) for p in bench.pages]
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            outputs = pool.map(_output, jobs, chunksize=8)
    else:
        outputs = [_output(job) for job in jobs]
    scores = [bench.score(out, p) for out, p in zip(outputs, bench.pages, strict=True)]
    return bench.summarise(scores).f1


def floor_of(f1: float) -> float:
    return math.floor(f1 * 1000) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 under a floor")
    parser.add_argument("--lower", nargs="+", metavar=("REASON", "SET/MODE"))
    args = parser.parse_args(argv)
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {"sets": {}, "lowered": []}
    lowering = set(args.lower[1:]) if args.lower else set()
    under = []
    for name in SET_NAMES:
        bench = load(name)
        entry = floors["sets"].setdefault(name, {})
        digest = data_digest(bench)
        if entry.get("digest") not in (None, digest):
            print(f"{name}: the data differs from the floors' ({entry['digest']}); skipped")
            continue
        entry["digest"] = digest
        for mode in MODES:
            f1, key = measure(bench, mode), f"{name}/{mode}"
            old = entry.get(mode, 0.0)
            if key in lowering or floor_of(f1) > old:
                entry[mode] = floor_of(f1)
            if f1 < old and key not in lowering:
                under.append(key)
            print(f"{key:22s} F1 {f1:.4f}  floor {old:.3f} -> {entry[mode]:.3f}", flush=True)
    if args.lower:
        floors["lowered"].append({"date": date.today().isoformat(), "reason": args.lower[0],
                                  "floors": sorted(lowering)})  # fmt: skip
    if under:
        print(f"under the floor: {', '.join(under)}")
    if not args.check:
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n")
    return 1 if under else 0


if __name__ == "__main__":
    sys.exit(main())
