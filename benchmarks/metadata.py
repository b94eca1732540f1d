"""Metadata against WCXB dev's gold (title, author, date published), dechaff and
trafilatura's ``extract_metadata`` in the same run, HTML mode.

    python benchmarks/metadata.py [--limit N] [--misses FIELD]

A title is right when its words (lower-cased ``\\w+`` runs) are the gold's; an
author when the set of names is the gold's (names split at ``;``, ``,``, ``&``
and "and", each name's words lower-cased); a date when it is the gold's
``YYYY-MM-DD``, or its ``YYYY-MM`` where that is all the gold has. Counted over
the pages whose gold has the field; a value given where the gold has none is
counted apart (``extra``).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import multiprocessing
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SHARED

from dechaff import clean_html

WCXB = SHARED / "wcxb-dev"
FIELDS = ("title", "author", "date")


def gold_of(path: Path) -> dict[str, str]:
    record = json.loads(path.read_text("utf-8"))
    truth = record["ground_truth"]
    if isinstance(truth, str):
        truth = ast.literal_eval(truth)
    return {"title": truth.get("title") or "", "author": truth.get("author") or "",
            "date": truth.get("publish_date") or ""}  # fmt: skip


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def names(text: str) -> frozenset[str]:
    parts = re.split(r"\s*(?:;|,|&|\band\b|\bund\b|\by\b|\bet\b)\s*", text, flags=re.IGNORECASE)
    return frozenset(" ".join(words(p)) for p in parts if words(p))


def right(field: str, got: str | None, gold: str) -> bool:
    if not got:
        return False
    if field == "title":
        return words(got) == words(gold)
    if field == "author":
        return names(got) == names(gold)
    return got[: len(gold)] == gold if len(gold) == 7 else got[:10] == gold[:10]


def _page(path: Path) -> dict[str, object]:
    html = gzip.decompress((WCXB / "html" / f"{path.stem}.html.gz").read_bytes())
    meta = clean_html(html).metadata
    ours = {f: getattr(meta, f).value if getattr(meta, f) else None for f in FIELDS}
    try:
        import trafilatura

        doc = trafilatura.extract_metadata(html.decode("utf-8", "replace"))
        theirs = {"title": doc.title, "author": doc.author, "date": doc.date} if doc else {}
    except Exception:  # a peer's failure counts as no value
        theirs = {}
    return {"id": path.stem, "gold": gold_of(path), "dechaff": ours, "trafilatura": theirs}


def measure(limit: int | None = None) -> list[dict[str, Any]]:
    """Each page's gold, dechaff's and trafilatura's title, author and date."""
    paths = sorted((WCXB / "ground-truth").glob("*.json"))[:limit]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return pool.map(_page, paths, chunksize=8)


def tally(field: str, pages: list[dict[str, Any]]) -> tuple[int, list[int], list[int]]:
    """How many pages have ``field`` in the gold, how many each tool gets right, and
    on how many pages each gives it where the gold has none."""
    having = [p for p in pages if p["gold"][field]]
    good = [sum(right(field, p[t].get(field), p["gold"][field]) for p in having)
            for t in ("dechaff", "trafilatura")]  # fmt: skip
    extra = [sum(bool(p[t].get(field)) for p in pages if not p["gold"][field])
             for t in ("dechaff", "trafilatura")]  # fmt: skip
    return len(having), good, extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--misses", choices=FIELDS, help="list dechaff's misses of a field")
    args = parser.parse_args(argv)
    pages = measure(args.limit)
    print(f"WCXB dev, {len(pages)} pages, HTML")
    print("field     gold   dechaff right   trafilatura right   extra (dechaff / trafilatura)")
    for field in FIELDS:
        having, good, extra = tally(field, pages)
        cells = [f"{g:6d} ({g / max(1, having):.1%})" for g in good]
        print(f"{field:8s} {having:5d}  {cells[0]:>14s}  {cells[1]:>18s}   {extra[0]} / {extra[1]}")
    if args.misses:
        for p in pages:
            gold, got = p["gold"][args.misses], p["dechaff"].get(args.misses)
            if gold and not right(args.misses, got, gold):
                theirs = p["trafilatura"].get(args.misses)
                print(f"  {p['id']}: gold {gold!r}  dechaff {got!r}  trafilatura {theirs!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
