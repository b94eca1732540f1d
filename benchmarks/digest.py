"""Is every output unchanged? A digest per page of everything ``clean`` returns.

For the seed and every page of the shared sets, in both modes, the digest covers
the text, the title and each removal, repair and flag (its span, filter, reason and
detail). A structural change keeps every digest; a change of behaviour lists the
pages it moves, and for each, which parts moved.

    python benchmarks/digest.py --save before        # keep the digests
    python benchmarks/digest.py --compare before     # the pages whose output moved
    python benchmarks/digest.py --sets aeb --modes text --compare before

Digests are kept under ``benchmarks/.runs/digest-NAME.json``. Exits 1 when a
compared page moved.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, load

from dechaff import Cleaner, CleanResult

ROOT = Path(__file__).resolve().parent.parent
RUNS = Path(__file__).resolve().parent / ".runs"
SEED = ROOT.parent / "shared" / "seed" / "news-north-korea-troops.raw.txt"
PARTS = ("text", "title", "removals", "repairs", "flags")


def parts(result: CleanResult) -> dict[str, str]:
    """A short digest of each part of a result."""
    whole = result.to_dict()
    return {
        part: hashlib.sha256(json.dumps(whole[part], sort_keys=True).encode()).hexdigest()[:16]
        for part in PARTS
    }


def _digest(job: tuple[str, str, str]) -> tuple[str, dict[str, str]]:
    key, mode, path = job
    cleaner = Cleaner.default()
    try:
        data = Path(path).read_bytes()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        result = cleaner.clean_html(data) if mode == "html" else cleaner.clean_text(data)
    except Exception as error:  # a failing page is a digest of its error
        return key, {"error": f"{type(error).__name__}: {error}"}
    return key, parts(result)


def jobs(sets: list[str], modes: list[str]) -> list[tuple[str, str, str]]:
    todo = [(f"seed/text/{SEED.stem}", "text", str(SEED))] if SEED.exists() else []
    for name in sets:
        for page in load(name).pages:
            for mode in modes:
                path = page.html_path if mode == "html" else page.raw_path
                todo.append((f"{name}/{mode}/{page.id}", mode, str(path)))
    return todo


def moved(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> list[str]:
    """One line per page whose digest differs, naming the parts that moved."""
    lines = []
    for key in sorted(after):
        if key in before and before[key] != after[key]:
            changed = [p for p in after[key] if before[key].get(p) != after[key][p]]
            lines.append(f"{key}: {', '.join(changed)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SET_NAMES), choices=SET_NAMES)
    parser.add_argument("--modes", nargs="+", default=["text", "html"])
    parser.add_argument("--save", help="keep the digests under this name")
    parser.add_argument("--compare", help="list the pages whose digest moved against this run")
    args = parser.parse_args(argv)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        digests = dict(pool.imap_unordered(_digest, jobs(args.sets, args.modes), chunksize=8))
    print(f"{len(digests)} outputs digested")
    if args.save:
        RUNS.mkdir(exist_ok=True)
        (RUNS / f"digest-{args.save}.json").write_text(json.dumps(digests, sort_keys=True))
    if not args.compare:
        return 0
    before = json.loads((RUNS / f"digest-{args.compare}.json").read_text())
    lines = moved(before, digests)
    compared = sum(key in before for key in digests)
    print("\n".join(lines))
    print(f"{len(lines)} of {compared} compared outputs moved")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
