"""Pages built like the seed page, from real articles: how much of the seed's
repair dechaff manages on every page.

From each AEB page: its gold body (the paragraphs), its links (the anchors of its
HTML that stand in the body), and its document title. The built page holds, as
the seed does: chrome lines, the title, the whole body glued into one block
(sentences run together, with or without a space between paragraphs), an
"Advertisement" line, the title again, then the body split into paragraphs with
the text of its links stripped (a link's text gone, the words around it kept:
"dispatched about 10,000-12,000 . But"), and ad labels glued between sentences,
then chrome again. ``--strength`` is the share of the links stripped.

Reported, over the pages: body F1 (AEB's metric) of the output, of the split
copy as it stands (the floor), and of the gold (the ceiling: every hole filled
with the right words); the share of holes filled with exactly the stripped words;
the share of pages whose glued copy went; and the share of titles right.

    python benchmarks/seedlike.py [--strength 0.5] [--seed 1] [--variants 2] [--out docs]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lxml import html as lxml_html
from sets import Page, load

from dechaff import CleanResult, clean
from dechaff.evaluation import aggregate, score_page
from dechaff.textutil import headline_of, squash

CHROME_TOP = ["Skip to content", "Home", "News", "Sport", "Weather", "Watch on Demand"]
CHROME_BOTTOM = ["Share this article", "Privacy policy", "© 2024 Example Media"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Built:
    text: str
    gold: str
    title: str
    holes: tuple[tuple[str, str], ...]
    """Per stripped link: the words before it (its context) and its text."""
    glued: str


def _anchors(page: Page, body: str) -> list[str]:
    """The page's link texts of one to six words that stand in its body."""
    tree = lxml_html.fromstring(page.html())
    found = {squash(a.text_content()) for a in tree.iter("a")}
    return [a for a in sorted(found) if 1 <= len(a.split()) <= 6 and len(a) >= 4 and a in body]


def build(page: Page, strength: float, rng: random.Random) -> Built | None:
    gold = str(page.gold)
    paragraphs = [squash(p) for p in gold.split("\n") if p.strip()]
    if len(paragraphs) < 3:
        return None
    anchors = [a for a in _anchors(page, " ".join(paragraphs)) if rng.random() < strength]
    holes: list[tuple[str, str]] = []
    split = []
    for paragraph in paragraphs:
        stripped = paragraph
        for anchor in sorted(anchors, key=len, reverse=True):
            found = re.search(rf"(?<!\w){re.escape(anchor)}(?!\w)", stripped)  # whole words
            at = found.start() if found else -1
            if at <= 0:
                continue
            context = " ".join(stripped[:at].split()[-3:])
            if not context:
                continue
            holes.append((context, anchor))
            stripped = stripped[:at] + stripped[at + len(anchor) :]
        split.append(_with_ad_label(squash(stripped), rng))
    title = headline_of(page.raw().splitlines()[0]) if page.raw().strip() else ""
    glue = " " if rng.random() < 0.5 else ""
    glued = glue.join(paragraphs)
    lines = [*CHROME_TOP, title, glued, "Advertisement", title, *split, *CHROME_BOTTOM]
    return Built("\n".join(lines), "\n".join(paragraphs), title, tuple(holes), glued)


def _with_ad_label(paragraph: str, rng: random.Random) -> str:
    """An ad label glued between two of the paragraph's sentences, one time in four."""
    sentences = _SENTENCE_END.split(paragraph)
    if len(sentences) < 2 or rng.random() >= 0.25:
        return paragraph
    at = rng.randrange(1, len(sentences))
    return " ".join([*sentences[:at], "Advertisement", *sentences[at:]])


def _inserts_what_the_gold_lacks(result: CleanResult, raw: str, gold: str) -> bool:
    """Whether a repair inserted text that the gold does not hold where it went: the
    inserted words, with the word before them in the paragraph, are not in the gold."""
    wanted = squash(gold)
    for repair in result.repairs:
        block = result.blocks[repair.block]
        before = "".join(squash(raw[block.start : repair.at]).split()[-1:])
        inserted = squash(repair.inserted)
        if f"{before} {inserted}" not in wanted and f"{before}{inserted}" not in wanted:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strength", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", type=int, default=2, help="pages built from each article")
    parser.add_argument("--out", type=Path, help="also write seedlike.md into this folder")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    articles = load("aeb").pages
    built = [
        b for _ in range(args.variants) for p in articles
        if (b := build(p, args.strength, rng)) is not None
    ]  # fmt: skip
    report = "\n".join(_measure(built, args.strength, args.variants))
    print(report)
    if args.out is not None:
        (args.out / "seedlike.md").write_text(report + "\n", "utf-8")
    return 0


def _measure(built: list[Built], strength: float, variants: int) -> list[str]:
    """The figures over the built pages, as the lines of a markdown section."""
    outputs, floors, ceilings = [], [], []
    filled = holes = glued_gone = titles = wrong = 0
    for page in built:
        result = clean(page.text)
        wrong += _inserts_what_the_gold_lacks(result, page.text, page.gold)
        outputs.append(score_page(result.text, page.gold))
        split_copy = "\n".join(page.text.splitlines()[len(CHROME_TOP) + 4 : -len(CHROME_BOTTOM)])
        floors.append(score_page(split_copy, page.gold))
        ceilings.append(score_page(page.gold, page.gold))
        text = squash(result.text)
        for context, anchor in page.holes:
            holes += 1
            filled += f"{context} {anchor}" in text or f"{context}{anchor}" in text
        glued_gone += page.glued not in result.text
        titles += result.title == page.title
    n = len(built)
    return [
        "## Seed-like pages",
        "",
        f"`python benchmarks/seedlike.py`: {n} pages built like the seed page from the AEB",
        f"articles ({variants} from each, links stripped at strength {strength}; the",
        "generator is described in the script).",
        "",
        f"- body F1: dechaff {aggregate(outputs).f1:.3f}; the split copy as it stands "
        f"{aggregate(floors).f1:.3f}; every hole filled (the ceiling) "
        f"{aggregate(ceilings).f1:.3f}",
        f"- holes filled with exactly the stripped words: {filled / max(holes, 1):.1%} of "
        f"{holes:,} (the ceiling: 100 %)",
        f"- glued copy removed: {glued_gone / n:.1%} of pages; title right: {titles / n:.1%}",
        f"- pages with a wrong insertion (text the gold lacks): {wrong / n:.1%}",
    ]


if __name__ == "__main__":
    sys.exit(main())
