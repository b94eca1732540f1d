"""The fixtures' exact expected outputs: write them, or check them, and show the diff.

Each fixture folder gets ``snapshot.text.txt`` (and ``snapshot.html.txt`` where it
has the page's HTML): the title, the body and the report, exactly as dechaff gives
them. The tests compare every output with its snapshot, character for character;
a change of behaviour shows there as a diff to review, and is accepted by writing
the snapshots again:

    python benchmarks/snapshot_fixtures.py            # write, printing the diff
    python benchmarks/snapshot_fixtures.py --check    # exit 1 on any difference

The write also records, in each ``meta.json``, how the text-mode body still differs
from the human gold (``differs_from_gold``), the reason the gold test is a strict
expected failure; it removes the entry once the body equals the gold.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import sys
from pathlib import Path

from dechaff import CleanResult, clean, clean_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def render(result: CleanResult) -> str:
    """A result as the snapshot holds it: title, body, report."""
    return f"# title: {result.title}\n\n{result.text}\n\n# report\n{result.report()}\n"


def snapshots(folder: Path) -> dict[str, str]:
    """The snapshot file name -> its content, for each mode the fixture has."""
    found = {"snapshot.text.txt": render(clean((folder / "page.txt").read_text("utf-8")))}
    html = folder / "page.html.gz"
    if html.exists():
        found["snapshot.html.txt"] = render(clean_html(gzip.decompress(html.read_bytes())))
    return found


def gold_difference(folder: Path) -> str | None:
    """How the text-mode body differs from the gold, in paragraphs; ``None`` when equal."""
    body = clean((folder / "page.txt").read_text("utf-8")).text
    gold = (folder / "expected.txt").read_text("utf-8").strip()
    if body.strip() == gold:
        return None
    ours, theirs = body.split("\n\n"), gold.split("\n\n")
    missed = len(set(theirs) - set(ours))
    extra = len(set(ours) - set(theirs))
    return (
        f"{missed} of the gold's {len(theirs)} paragraphs not given as the gold has them; "
        f"{extra} paragraph(s) of the output not in the gold"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on a diff")
    args = parser.parse_args(argv)
    changed = 0
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for name, new in snapshots(folder).items():
            path = folder / name
            old = path.read_text("utf-8") if path.exists() else ""
            if old == new:
                continue
            changed += 1
            diff = difflib.unified_diff(
                old.splitlines(), new.splitlines(), f"{folder.name}/{name}", "now", lineterm=""
            )
            print("\n".join(diff))
            if not args.check:
                path.write_text(new, "utf-8")
        if not args.check:
            _record_gold_difference(folder)
    print(f"{changed} snapshot(s) {'differ' if args.check else 'written'}", file=sys.stderr)
    return 1 if args.check and changed else 0


def _record_gold_difference(folder: Path) -> None:
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    difference = gold_difference(folder)
    if difference is None:
        meta.pop("differs_from_gold", None)
    else:
        meta["differs_from_gold"] = difference
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
