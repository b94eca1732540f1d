"""Pages built like the seed page, from real articles: how much of the seed's
repair dechaff manages on every page.

Articles: AEB's gold bodies, and for trafilatura-eval (mostly German) the body
trafilatura extracts where it holds every gold snippet and none of those that must
go (that set's gold is snippets); each with its links (the anchors of its HTML
that stand in the body) and its title. The built page holds, as the seed does:
chrome lines, the title, the whole body glued into one block (paragraphs run
together with a space or none, or every sentence run into the next; half the
time with a "Video above:" caption glued in), an "Advertisement" line, the title
again, then the body split into paragraphs with the text of its links stripped
(every occurrence, at a paragraph's start, middle or end: "dispatched about
10,000-12,000 . But"), ad labels glued between sentences and photo credits closing
paragraphs in the article's language, then chrome again. ``--strength`` is the
share of the links stripped; ``--strengths`` adds a line of figures for each of
several others, the pages built anew from the same articles and seed.

Reported, over all pages, per source set and per language group: body F1 (AEB's
metric) of the output and of the split copy as it stands (the floor); the holes
filled with exactly the stripped words, beside the ceiling (the holes whose
paragraph keeps a word to place the fill by; a hole counts as filled when it is
one of those and its words stand in the output outside the glued copy, which
fills nothing when it is left in); the share of pages whose glued copy went;
titles right; pages with an insertion the body lacks. Then where the holes a
perfect repair fills and dechaff leaves stand: in a line a filter removed, or at
which place in a kept line.

    python benchmarks/seedlike.py [--strength 0.5] [--seed 1] [--variants 2]
                                  [--strengths 0.3 0.7 0.9] [--out docs]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura
from lxml import html as lxml_html
from rapidfuzz import fuzz
from sets import language_group, load

from dechaff import CleanResult, clean
from dechaff.evaluation import PageScore, aggregate, score_page
from dechaff.headline import headline_of
from dechaff.textutil import key, squash

SOURCES = ("aeb", "trafilatura-eval")  # the article sets the seed-like pages are built from
CHROME_TOP = ["Skip to content", "Home", "News", "Sport", "Weather", "Watch on Demand"]
CHROME_BOTTOM = ["Share this article", "Privacy policy", "© 2024 Example Media"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CONTEXT_WORDS = 3
LANGUAGE_NAMES = {"de": "German", "en": "English", "other": "other languages"}
# Inline chaff in each article's language (English for the others): an ad label
# between two sentences, a photo credit closing a paragraph.
_AD_LABELS = {
    "en": ("Advertisement", "Story continues below advertisement"),
    "de": ("Anzeige",),
    "es": ("Publicidad",),
    "fr": ("Publicité",),
    "it": ("Pubblicità",),
}
_CREDITS = {"de": "(Foto: dpa)", "es": "(Foto: EFE)", "fr": "(Photo: AFP)", "it": "(Foto: Ansa)"}


@dataclass(frozen=True)
class Article:
    """An article to build pages from: its paragraphs, link texts and title."""

    source: str
    """``aeb`` (its gold body) or ``trafilatura-eval`` (a silver body, see :func:`articles`)."""
    lang: str
    paragraphs: tuple[str, ...]
    anchors: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class Hole:
    """A stripped link text and the words around it in the gold paragraph."""

    anchor: str
    expected: str
    """Up to three words either side with the link text between: what a right fill shows."""
    determined: bool
    """Whether the split paragraph keeps a word to place the fill by (the ceiling)."""


@dataclass(frozen=True)
class Built:
    article: Article
    text: str
    gold: str
    holes: tuple[Hole, ...]
    glued: str


def _anchors(html: bytes, body: str) -> tuple[str, ...]:
    """The page's link texts of one to six words that stand in its body."""
    tree = lxml_html.fromstring(html)
    found = {squash(a.text_content()) for a in tree.iter("a")}
    return tuple(a for a in sorted(found) if 1 <= len(a.split()) <= 6 and len(a) >= 4 and a in body)


def articles() -> Iterator[Article]:
    """The AEB articles (gold bodies), then the trafilatura-eval pages whose body a
    peer's extraction gives exactly as far as the set's gold shows: trafilatura's
    output where it holds every "with" snippet and no "without" snippet (that set's
    gold is snippets, not bodies)."""
    for page in load("aeb").pages:
        paragraphs = tuple(squash(p) for p in str(page.gold).split("\n") if p.strip())
        title = headline_of(page.raw().splitlines()[0]) if page.raw().strip() else ""
        html = page.html()
        yield Article("aeb", page.lang, paragraphs, _anchors(html, " ".join(paragraphs)), title)
    for page in load("trafilatura-eval").pages:
        html = page.html()
        body = trafilatura.extract(html) or ""
        assert not isinstance(page.gold, str)
        with_, without = page.gold
        folded = squash(body)
        if not all(squash(w) in folded for w in with_) or any(squash(w) in folded for w in without):
            continue
        paragraphs = tuple(squash(p) for p in body.split("\n") if p.strip())
        found = lxml_html.fromstring(html).findtext(".//title") or ""
        title = headline_of(squash(found))
        yield Article("trafilatura-eval", page.lang, paragraphs, _anchors(html, folded), title)


def build(article: Article, strength: float, rng: random.Random) -> Built | None:
    paragraphs = _distinct(article)
    if len(paragraphs) < 3 or not article.title:
        return None
    anchors = [a for a in article.anchors if rng.random() < strength]
    holes: list[Hole] = []
    split = []
    for paragraph in paragraphs:
        stripped, found = _strip(paragraph, anchors)
        holes += found
        split.append(_with_inline_chaff(stripped, article.lang, rng))
    glued = _glue(paragraphs, article.title, rng)
    title = article.title
    lines = [*CHROME_TOP, title, glued, "Advertisement", title, *split, *CHROME_BOTTOM]
    return Built(article, "\n".join(lines), "\n".join(paragraphs), tuple(holes), glued)


def _distinct(article: Article) -> list[str]:
    """The article's paragraphs without the title and without repeats (a silver
    body may hold the headline, or a paragraph twice)."""
    seen = {key(article.title)}
    paragraphs = []
    for paragraph in article.paragraphs:
        if key(paragraph) not in seen:
            seen.add(key(paragraph))
            paragraphs.append(paragraph)
    return paragraphs


def _strip(paragraph: str, anchors: list[str]) -> tuple[str, list[Hole]]:
    """The paragraph with every occurrence of the anchors' texts taken out (longest
    first, whole words), and the holes that leaves."""
    if not anchors:
        return paragraph, []
    pattern = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
    spans = [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", paragraph)]
    if not spans:
        return paragraph, []
    kept, at = [], 0
    for start, end in spans:
        kept.append(paragraph[at:start])
        at = end
    kept.append(paragraph[at:])
    stripped = squash("".join(kept))
    words = [m.span() for m in re.finditer(r"\S+", paragraph)]
    holes = []
    for start, end in spans:
        before = [w for w in words if w[0] < start][-_CONTEXT_WORDS:]
        after = [w for w in words if w[1] > end][:_CONTEXT_WORDS]
        left = before[0][0] if before else start
        right = after[-1][1] if after else end
        expected = squash(paragraph[left:right])
        holes.append(Hole(paragraph[start:end], expected, bool(stripped)))
    return stripped, holes


def _glue(paragraphs: list[str], title: str, rng: random.Random) -> str:
    """The body glued into one block, as the seed shows it: paragraphs run together
    with a space or none, or every sentence run into the next ("Monday.Video above:");
    half the time with a media caption glued in after the first paragraph."""
    parts = list(paragraphs)
    if rng.random() < 0.5:
        parts.insert(1, f"Video above: {title}.")
    style = rng.choice(("space", "none", "sentences"))
    if style == "space":
        return " ".join(parts)
    if style == "none":
        return "".join(parts)
    return "".join(_SENTENCE_END.sub("", part) for part in parts)


def _with_inline_chaff(paragraph: str, lang: str, rng: random.Random) -> str:
    """An ad label glued between two of the paragraph's sentences one time in four, a
    photo credit closing it one time in ten; in the article's language."""
    sentences = _SENTENCE_END.split(paragraph)
    if len(sentences) >= 2 and rng.random() < 0.25:
        at = rng.randrange(1, len(sentences))
        label = rng.choice(_AD_LABELS.get(lang, _AD_LABELS["en"]))
        sentences = [*sentences[:at], label, *sentences[at:]]
    if rng.random() < 0.1:
        sentences.append(_CREDITS.get(lang, "(Photo: AP)"))
    return " ".join(sentences)


def _inserts_what_the_gold_lacks(result: CleanResult, raw: str, gold: str) -> bool:
    """Whether a repair inserted text that the gold does not hold where it went: the
    inserted words, with the word before them in the cleaned paragraph (what other
    filters cut from it, an ad label, left out), are not in the gold. When that word
    is not one of the gold's (a hole nothing filled runs into it: "FIRE (," for
    "FIRE (financial independence,"), the word after the insertion is taken instead;
    when neither is, the inserted words alone."""
    wanted = squash(gold)
    words = set(wanted.split())
    at_a_point: dict[tuple[int, int], list[str]] = {}
    for repair in result.repairs:  # pieces copied to one point read a word apart
        at_a_point.setdefault((repair.block, repair.at), []).append(repair.inserted)
    for (index, at), pieces in at_a_point.items():
        block = result.blocks[index]
        inserted = squash(" ".join(pieces))
        before = "".join(squash(_without_cuts(raw, block.start, at, result)).split()[-1:])
        after = "".join(squash(_without_cuts(raw, at, block.end, result)).split()[:1])
        if before in words or not before:
            beside = (f"{before} {inserted}", f"{before}{inserted}")
        elif after in words:
            beside = (f"{inserted} {after}", f"{inserted}{after}")
        else:
            beside = (inserted,)
        if not any(text in wanted for text in beside):
            return True
    return False


def _without_cuts(raw: str, start: int, end: int, result: CleanResult) -> str:
    """``raw[start:end]`` without the spans the result removed."""
    cuts = sorted((r.start, r.end) for r in result.removals if start <= r.start < end)
    pieces, at = [], start
    for cut_start, cut_end in cuts:
        pieces.append(raw[at:cut_start])
        at = max(at, cut_end)
    pieces.append(raw[at:end])
    return " ".join(pieces)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strength", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", type=int, default=2, help="pages built from each article")
    parser.add_argument(
        "--strengths", type=float, nargs="*", default=[0.3, 0.7, 0.9],
        help="other strengths to report in one line each (0.3 0.7 0.9)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, help="also write seedlike.md into this folder")
    args = parser.parse_args(argv)
    found = list(articles())
    with multiprocessing.get_context("fork").Pool(2) as pool:
        built = _built(found, args.strength, args.seed, args.variants)
        outcomes = pool.map(judge, built, 20)
        judged = [(page.article, o) for page, o in zip(built, outcomes, strict=True)]
        lines = _report(judged, args.strength, args.variants)
        lines += _strengths_table(found, args, pool)
    report = "\n".join(lines)
    print(report)
    if args.out is not None:
        (args.out / "seedlike.md").write_text(report + "\n", "utf-8")
    return 0


@dataclass(frozen=True)
class Figures:
    pages: int
    body_f1: float
    floor_f1: float
    holes: int
    determined: int
    filled: int
    glued_gone: float
    titles: float
    wrong: float

    def line(self, name: str) -> str:
        return (
            f"| {name} | {self.pages} | {self.body_f1:.3f} | {self.floor_f1:.3f} | "
            f"{self.holes:,} | {self.determined / max(self.holes, 1):.1%} | "
            f"{self.filled / max(self.holes, 1):.1%} | "
            f"{self.filled / max(self.determined, 1):.1%} | {self.glued_gone:.1%} | "
            f"{self.titles:.1%} | {self.wrong:.1%} |"
        )


@dataclass(frozen=True)
class Outcome:
    """What dechaff made of one built page."""

    body: PageScore
    floor: PageScore
    holes: int
    determined: int
    filled: int
    glued_gone: bool
    title_right: bool
    wrong: bool
    missed: Counter[str]
    """Where the holes a perfect repair fills and dechaff left stand (see :func:`_where`)."""


def judge(page: Built) -> Outcome:
    """Clean ``page`` and score the result."""
    result = clean(page.text)
    split_copy = "\n".join(page.text.splitlines()[len(CHROME_TOP) + 4 : -len(CHROME_BOTTOM)])
    # a glued copy left in the output fills no hole: only the repaired paragraphs do
    paragraphs = result.text.split("\n\n")
    kept_copy = [p for p in paragraphs if _is_the_glued_copy(p, page.glued)]
    text = squash(" ".join(p for p in paragraphs if p not in kept_copy))
    return Outcome(
        score_page(result.text, page.gold),
        score_page(split_copy, page.gold),
        len(page.holes),
        sum(hole.determined for hole in page.holes),
        sum(hole.determined and hole.expected in text for hole in page.holes),
        not kept_copy,
        result.title == page.article.title,
        _inserts_what_the_gold_lacks(result, page.text, page.gold),
        Counter(
            _where(hole, page, result)
            for hole in page.holes
            if hole.determined and hole.expected not in text
        ),
    )


def _is_the_glued_copy(paragraph: str, glued: str) -> bool:
    """Whether an output paragraph is the glued copy, as it stands or with a few
    words changed (a repair made to it, a label cut from it)."""
    return (
        0.8 * len(glued) <= len(paragraph) <= 1.2 * len(glued)
        and fuzz.ratio(paragraph, glued, score_cutoff=90) > 0
    )


def _where(hole: Hole, page: Built, result: CleanResult) -> str:
    """Where an unfilled hole stands: in a line a filter removed (which filter), or
    at which place in a kept line, by the words of the line around it."""
    around = squash(hole.expected.replace(hole.anchor, " ", 1))
    lines = [b for b in result.blocks if around in squash(b.text) and b.text != page.glued]
    if not lines:
        return "not placed (the words around it changed)"
    line = lines[0]
    removed = [r.filter for r in result.removals if (r.start, r.end) == (line.start, line.end)]
    if removed:
        return f"in a line {removed[0]} removed"
    text = squash(line.text)
    at = text.find(around) + len(squash(hole.expected.split(hole.anchor, 1)[0]))
    before, after = len(text[:at].split()), len(text[at:].split())
    if before == 0:
        return "at a line's start"
    if after == 0:
        return "at a line's end"
    if before == 1 or after == 1:
        return "next to a line's first or last word"
    return "inside a line"


def measure(outcomes: list[Outcome]) -> Figures:
    """The figures over the pages judged."""
    n = max(len(outcomes), 1)
    return Figures(
        len(outcomes),
        aggregate([o.body for o in outcomes]).f1,
        aggregate([o.floor for o in outcomes]).f1,
        sum(o.holes for o in outcomes),
        sum(o.determined for o in outcomes),
        sum(o.filled for o in outcomes),
        sum(o.glued_gone for o in outcomes) / n,
        sum(o.title_right for o in outcomes) / n,
        sum(o.wrong for o in outcomes) / n,
    )


def _built(found: list[Article], strength: float, seed: int, variants: int) -> list[Built]:
    """``variants`` pages built from each article, links stripped at ``strength``."""
    rng = random.Random(seed)
    return [
        b for _ in range(variants) for a in found
        if (b := build(a, strength, rng)) is not None
    ]  # fmt: skip


def _strengths_table(found: list[Article], args: argparse.Namespace, pool: Pool) -> list[str]:
    """One line of figures per other strength, the pages built anew from the seed."""
    if not args.strengths:
        return []
    lines = [
        "",
        "The same articles at other strengths (all pages, built anew with the same seed):",
        "",
        "| strength | n | body F1 | split copy F1 | holes | ceiling | filled | "
        "filled / ceiling | glued copy removed | title right | wrong insertion |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for strength in args.strengths:
        built = _built(found, strength, args.seed, args.variants)
        lines.append(measure(pool.map(judge, built, 20)).line(f"{strength}"))
    return lines


def _report(judged: list[tuple[Article, Outcome]], strength: float, variants: int) -> list[str]:
    """The figures, over all pages, per source set and per language group, as the
    lines of a markdown section."""
    groups = {
        "all pages": [o for _, o in judged],
        **{f"from {s}": [o for a, o in judged if a.source == s] for s in SOURCES},
        **{
            f"{LANGUAGE_NAMES[g]}": [o for a, o in judged if language_group(a.lang) == g]
            for g in LANGUAGE_NAMES
        },
    }
    lines = [
        "## Seed-like pages",
        "",
        f"`python benchmarks/seedlike.py`: {len(judged)} pages built like the seed page, "
        f"{variants} from each article (links stripped at strength {strength}; the",
        "generator is described in the script). Bodies: AEB's gold; on trafilatura-eval,",
        "trafilatura's extraction where it holds every gold snippet and none of the",
        "snippets that must go. The ceiling is what a perfect repair reaches: every hole",
        'whose paragraph keeps a word to place its fill by; "filled" counts those',
        "holes whose words stand in the output outside the glued copy (a copy left in",
        "fills nothing). A wrong insertion: a repair whose words, with the word before",
        "them in the output (the word after, where a hole nothing filled runs into the",
        "word before), are not in the gold.",
        "",
        "| pages | n | body F1 | split copy F1 | holes | ceiling | filled | "
        "filled / ceiling | glued copy removed | title right | wrong insertion |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [measure(outcomes).line(name) for name, outcomes in groups.items() if outcomes]
    lines += ["", "The body F1 of a perfect output is 1.000 on every row."]
    missed = sum((o.missed for _, o in judged), Counter[str]())
    lines += [
        "",
        "Where the holes a perfect repair fills and dechaff leaves stand (all pages):",
        "",
        "| where | holes |",
        "|---|---|",
        *(f"| {where} | {n:,} |" for where, n in missed.most_common()),
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
