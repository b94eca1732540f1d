"""Error analysis for one benchmark page: what dechaff kept that the gold lacks, and
what it dropped that the gold has, with the removal reasons.

    python benchmarks/errors.py PAGE_ID [--data ../shared/data/aeb] [--html]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from dechaff import clean, clean_html
from dechaff.evaluation import score_page, shingles

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "aeb"


def in_gold(text: str, gold: dict[tuple[str, ...], int]) -> float:
    """Share of the text's shingles that the gold body holds."""
    own = shingles(text)
    total = sum(own.values())
    return sum(min(c, gold.get(s, 0)) for s, c in own.items()) / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="page id (a prefix is enough)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--all", action="store_true", help="also list the correct decisions")
    parser.add_argument("--html", action="store_true", help="clean the page's HTML, not its text")
    args = parser.parse_args(argv)
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    matches = [k for k in truth if k.startswith(args.page)]
    if len(matches) != 1:
        print(f"{len(matches)} pages match {args.page!r}", file=sys.stderr)
        return 2
    page = matches[0]
    gold_text = truth[page]["articleBody"]
    gold = dict(shingles(gold_text))
    if args.html:
        result = clean_html(gzip.decompress((args.data / "html" / f"{page}.html.gz").read_bytes()))
    else:
        result = clean((args.data / "raw" / f"{page}.txt").read_text("utf-8"))
    s = score_page(result.text, gold_text)
    print(f"{page}  {truth[page]['url']}")
    print(f"tp={s.tp:.3f} fp={s.fp:.3f} fn={s.fn:.3f}  title={result.title!r}\n")
    reasons = {}
    for r in result.removals:
        reasons.setdefault(r.block, []).append(r)
    kept = set(result.kept)
    for block in result.blocks:
        share = in_gold(block.text, gold)
        if block.index in kept:
            wrong = share < 0.5
            tag = "KEPT, NOT IN GOLD" if wrong else "kept"
        else:
            wrong = share >= 0.5
            why = ", ".join(
                sorted({f"{r.filter}/{r.reason.value}" for r in reasons.get(block.index, [])})
            )
            tag = f"DROPPED, IN GOLD [{why}]" if wrong else f"dropped [{why}]"
        if wrong or args.all:
            where = f" <{block.dom.tag}> {block.dom.xpath}" if block.dom else ""
            print(f"{block.index:4d} {tag}: {block.text[:150]!r}{where if args.html else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
