"""Is every output unchanged? A digest per page of everything ``clean`` returns.

For the seed and every page of the shared sets, in both modes, the digest covers
the text, the title and each removal, repair and flag (its span, filter, reason and
detail). A structural change keeps every digest; a change of behaviour lists the
pages it moves, and for each, which parts moved.

    python benchmarks/digest.py --save before        # keep the digests
    python benchmarks/digest.py --compare before     # the pages whose output moved
    python benchmarks/digest.py --sets aeb --modes text --compare before
    python benchmarks/digest.py --ignore repairs.filter --save before   # a part's field left out

``--ignore PART.FIELD`` leaves a field of each record of a part out of the digest
(both runs compared must leave out the same): for a change that moves a field on
purpose (a stage of its own names the repairs it makes) while all else must hold.

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


def parts(result: CleanResult, ignore: tuple[str, ...] = ()) -> dict[str, str]:
    """A short digest of each part of a result, without the ``ignore`` fields
    (``part.field``) of the part's records."""
    whole = result.to_dict()
    for name in ignore:
        part, _, key = name.partition(".")
        whole[part] = [{k: v for k, v in record.items() if k != key} for record in whole[part]]
    return {
        part: hashlib.sha256(json.dumps(whole[part], sort_keys=True).encode()).hexdigest()[:16]
        for part in PARTS
    }


def _digest(job: tuple[str, str, str, tuple[str, ...]]) -> tuple[str, dict[str, str]]:
    key, mode, path, ignore = job
    cleaner = Cleaner.default()
    try:
        data = Path(path).read_bytes()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        result = cleaner.clean_html(data) if mode == "html" else cleaner.clean_text(data)
    except Exception as error:  # a failing page is a digest of its error
        return key, {"error": f"{type(error).__name__}: {error}"}
    return key, parts(result, ignore)


def jobs(
    sets: list[str], modes: list[str], ignore: tuple[str, ...] = ()
) -> list[tuple[str, str, str, tuple[str, ...]]]:
    todo = [(f"seed/text/{SEED.stem}", "text", str(SEED), ignore)] if SEED.exists() else []
    for name in sets:
        for page in load(name).pages:
            for mode in modes:
                path = page.html_path if mode == "html" else page.raw_path
                todo.append((f"{name}/{mode}/{page.id}", mode, str(path), ignore))
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
    parser.add_argument(
        "--ignore", nargs="+", default=[], metavar="PART.FIELD",
        help="leave these fields of a part's records out (repairs.filter)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        todo = jobs(args.sets, args.modes, tuple(args.ignore))
        digests = dict(pool.imap_unordered(_digest, todo, chunksize=8))
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
