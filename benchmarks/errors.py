"""Error analysis: what dechaff kept that the gold lacks, and what it dropped that the
gold has, with the filter and reason that dropped it.

    python benchmarks/errors.py PAGE_ID [--set aeb|trafilatura-eval] [--html] [--all]
    python benchmarks/errors.py --summary [--set ...] [--html] [--group TYPE]

For one page (a prefix of its id is enough), every wrong block is listed (AEB,
WCXB), or every missed and leaked snippet with the block it stands in
(trafilatura-eval). ``--summary`` counts, over the whole set (or the pages of one
group: a page type on WCXB), the misses by the filter and reason that removed them,
and the leaks: snippets on trafilatura-eval; on the sets with a gold body, the
words of blocks wrongly dropped (most of their shingles in the gold) by filter and
reason, and of blocks wrongly kept, with the pages that come out empty.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, Page, load

from dechaff import Cleaner, CleanResult
from dechaff.evaluation import fold_space, score_page, shingles


def in_gold(text: str, gold: dict[tuple[str, ...], int]) -> float:
    """Share of the text's shingles that the gold body holds."""
    own = shingles(text)
    total = sum(own.values())
    return sum(min(c, gold.get(s, 0)) for s, c in own.items()) / total if total else 0.0


def clean_page(page: Page, html: bool) -> CleanResult:
    cleaner = Cleaner.default()
    return cleaner.clean_html(page.html()) if html else cleaner.clean_text(page.raw())


def why_dropped(result: CleanResult, block: int) -> str:
    return ", ".join(
        sorted({f"{r.filter}/{r.reason.value}" for r in result.removals if r.block == block})
    )


def snippet_blocks(result: CleanResult, snippet: str) -> list[int]:
    """Blocks whose folded text holds the snippet's first words (or the snippet)."""
    target = fold_space(snippet)
    head = " ".join(target.split()[:4])
    found = [b.index for b in result.blocks if target in fold_space(b.text)]
    return found or [b.index for b in result.blocks if head and head in fold_space(b.text)]


def snippet_errors(page: Page, result: CleanResult) -> Iterator[tuple[str, str, str]]:
    """(kind, snippet, why) for every missed body snippet and leaked chaff snippet."""
    assert not isinstance(page.gold, str)
    body, chaff = page.gold
    text = fold_space(result.text)
    kept = set(result.kept)
    for s in body:
        if fold_space(s) not in text:
            blocks = snippet_blocks(result, s)
            why = "; ".join(why_dropped(result, b) or "kept, but split" for b in blocks)
            yield "MISSED", s, why or "not in any block"
    for s in chaff:
        if fold_space(s) in text:
            blocks = [b for b in snippet_blocks(result, s) if b in kept]
            where = ", ".join(_where(result, b) for b in blocks)
            yield "LEAKED", s, where


def _where(result: CleanResult, index: int) -> str:
    dom = result.blocks[index].dom
    return f"block {index}" + (f" <{dom.tag}> {dom.xpath}" if dom else "")


def show_page(page: Page, html: bool, everything: bool) -> None:
    result = clean_page(page, html)
    print(f"{page.id}  {page.url}  [{page.lang}]  title={result.title!r}\n")
    if not isinstance(page.gold, str):
        for kind, snippet, why in snippet_errors(page, result):
            print(f"{kind}: {snippet[:100]!r}\n    {why}")
        return
    gold = dict(shingles(page.gold))
    s = score_page(result.text, page.gold)
    print(f"tp={s.tp:.3f} fp={s.fp:.3f} fn={s.fn:.3f}\n")
    kept = set(result.kept)
    for block in result.blocks:
        share = in_gold(block.text, gold)
        if block.index in kept:
            wrong, tag = share < 0.5, "KEPT, NOT IN GOLD" if share < 0.5 else "kept"
        else:
            why = why_dropped(result, block.index)
            wrong = share >= 0.5
            tag = f"DROPPED, IN GOLD [{why}]" if wrong else f"dropped [{why}]"
        if wrong or everything:
            where = f" <{block.dom.tag}> {block.dom.xpath}" if block.dom and html else ""
            print(f"{block.index:4d} {tag}: {block.text[:150]!r}{where}")


def block_errors(page: Page, result: CleanResult) -> Iterator[tuple[str, str, int, str]]:
    """(kind, why, words, text) for every block wrongly dropped (most of its shingles
    in the gold body) or wrongly kept (most not), on a set with a gold body."""
    assert isinstance(page.gold, str)
    gold = dict(shingles(page.gold))
    kept = set(result.kept)
    for block in result.blocks:
        share = in_gold(block.text, gold)
        if block.index in kept and share < 0.5:
            yield "LEAKED", "kept", block.words, block.text
        elif block.index not in kept and share >= 0.5:
            yield "MISSED", why_dropped(result, block.index), block.words, block.text


def summary(pages: tuple[Page, ...], html: bool) -> None:
    if isinstance(pages[0].gold, str):
        return word_summary(pages, html)
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for page in pages:
        result = clean_page(page, html)
        for kind, snippet, why in snippet_errors(page, result):
            key = (kind, why.split(";")[0] if kind == "MISSED" else "kept")
            counts[key] += 1
            examples.setdefault(key, []).append(f"{page.id[:8]} {snippet[:60]!r}")
    for (kind, why), n in counts.most_common():
        print(f"{n:4d} {kind} {why}")
        for e in examples[(kind, why)][:3]:
            print(f"        {e}")


def word_summary(pages: tuple[Page, ...], html: bool) -> None:
    """Words wrongly dropped, by filter and reason, and wrongly kept; empty outputs."""
    words: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    empty = []
    for page in pages:
        result = clean_page(page, html)
        if not result.text.strip():
            empty.append(page.id)
        for kind, why, n, text in block_errors(page, result):
            words[kind, why] += n
            examples.setdefault((kind, why), []).append(f"{page.id[:8]} {text[:60]!r}")
    for (kind, why), n in words.most_common(25):
        print(f"{n:7d} words {kind} {why}")
        for e in examples[(kind, why)][:3]:
            print(f"        {e}")
    print(f"{len(empty)} of {len(pages)} pages empty: {' '.join(empty[:30])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", help="page id (a prefix is enough)")
    parser.add_argument("--set", default="aeb", choices=SET_NAMES)
    parser.add_argument("--summary", action="store_true", help="count errors over the set")
    parser.add_argument("--all", action="store_true", help="also list the correct decisions")
    parser.add_argument("--html", action="store_true", help="clean the page's HTML, not its text")
    parser.add_argument("--group", help="only the pages of this group (a page type on WCXB)")
    args = parser.parse_args(argv)
    bench = load(args.set)
    if args.summary:
        pages = tuple(p for p in bench.pages if args.group in (None, p.group))
        summary(pages, args.html)
        return 0
    matches = [p for p in bench.pages if p.id.startswith(args.page or "")]
    if len(matches) != 1:
        print(f"{len(matches)} pages match {args.page!r}", file=sys.stderr)
        return 2
    show_page(matches[0], args.html, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
