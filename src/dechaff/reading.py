"""The reading stage: from decoded input to the blocks and the facts every filter
may weigh, computed once before any filter runs.

- :func:`read_text`: raw page text, one block per non-blank line; no facts.
- :func:`read_html`: an HTML document, one block per visible line with its DOM
  evidence (:mod:`dechaff.html`), and the page's :class:`~dechaff.page.Facts`:
  the document title, the heading that matches it, the share of the page's
  words inside the main content element, and whether the page is a discussion.

Both find the lines a glued copy of the article holds (:mod:`dechaff.copies`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .blocks import Block, segment
from .copies import held_by_glued_copies
from .html import parse
from .page import Facts, HeadingMatch
from .profile import SiteEvidence
from .textutil import SITE_SEPARATOR, key

HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 40
HEADLINE_SEARCH_BLOCKS = 800
"""A headline-shaped line is looked for among this many first blocks."""
THREAD_SHARE = 0.5
"""A page whose main content element holds at least this share of its words in
comment sections is a discussion (:attr:`dechaff.page.Facts.thread`)."""
HEADLINE_SIMILARITY = 90.0
"""How closely (``rapidfuzz.fuzz.ratio``) a heading must match a part of the
document title to be taken for it, less a margin of 10."""


@dataclass(frozen=True)
class Reading:
    """A page as the pipeline starts from it."""

    raw: str
    """The decoded input (for HTML: its visible text); every offset points into it."""
    blocks: tuple[Block, ...]
    facts: Facts


def read_text(raw: str, site: SiteEvidence | None = None) -> Reading:
    """Raw page text: its lines as blocks; ``site``: its site's boilerplate, if known."""
    blocks = segment(raw)
    return Reading(raw, blocks, Facts(site=site, held=held_by_glued_copies(blocks)))


def read_html(html: str, site: SiteEvidence | None = None, utf8: bytes | None = None) -> Reading:
    """An HTML document: its visible lines as blocks, and the facts the DOM gives;
    ``utf8``: the document's UTF-8 bytes, if the caller has them."""
    page = parse(html, utf8)
    heading = html_headline(page.blocks, page.title) if page.title else None
    held = held_by_glued_copies(page.blocks)
    facts = Facts(
        page.title, heading, _main_share(page.blocks), site, held,
        declared=page.declared, thread=_is_thread(page.blocks),
    )  # fmt: skip
    return Reading(page.text, page.blocks, facts)


def _main_share(blocks: Sequence[Block]) -> float | None:
    """The share of words in blocks inside the main content element."""
    if not any(b.dom is not None and b.dom.in_main is not None for b in blocks):
        return None
    inside = sum(b.words for b in blocks if b.dom is not None and b.dom.in_main)
    return inside / max(1, sum(b.words for b in blocks))


def _is_thread(blocks: Sequence[Block]) -> bool:
    """Whether comment sections hold :data:`THREAD_SHARE` of the main element's words."""
    inside = comments = 0
    for b in blocks:
        if b.dom is not None and b.dom.in_main:
            inside += b.words
            comments += b.words if b.dom.in_comments else 0
    return comments > 0 and comments >= THREAD_SHARE * inside


def headline_shaped(block: Block, min_words: int, max_words: int) -> bool:
    """Short enough for a headline, and not a sentence."""
    return (
        min_words <= block.words <= max_words
        and not block.text.endswith((".", "。", ",", ":"))
        and block.sentence_marks <= 1
    )


def html_headline(blocks: Sequence[Block], title: str) -> HeadingMatch | None:
    """The block that is the headline of an HTML page, how well it matched, and why.

    The ``<h1>`` (or headline-shaped line) that best matches a part of the document
    title wins, an ``<h1>`` by a small margin; when nothing matches well enough,
    the first ``<h1>`` in the main content, else the page's first ``<h1>``.
    """
    parts = SITE_SEPARATOR.split(title)
    wanted = [key(p) for p in parts if len(p.split()) >= HEADLINE_MIN_WORDS] or [key(title)]
    headings = [b for b in blocks if b.dom is not None and b.dom.heading == 1]
    shaped = [
        b
        for b in blocks[:HEADLINE_SEARCH_BLOCKS]
        if headline_shaped(b, HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS)
    ]
    first_level = {b.index for b in headings}
    candidates = headings + [b for b in shaped if b.index not in first_level]
    scores = _title_scores([b.key for b in candidates], wanted)
    for i in range(len(headings)):
        scores[i] += 5.0  # an <h1> wins a tie with a line shaped like a headline
    best: Block | None = None
    best_score = 0.0
    if candidates:
        top = max(range(len(candidates)), key=scores.__getitem__)  # the first of the best
        if scores[top] > 0:
            best, best_score = candidates[top], scores[top]
    score = min(1.0, best_score / 100)
    if best is None or best_score < HEADLINE_SIMILARITY - 10:
        in_main = [b for b in headings if b.dom is not None and b.dom.in_main]
        if not (in_main or headings):
            return None
        return HeadingMatch((in_main or headings)[0].index, score, "the page's first <h1>")
    return HeadingMatch(best.index, score, "the heading that matches the document title")


def _title_scores(keys: list[str], wanted: list[str]) -> list[float]:
    """Per candidate key, its best match (0–100) with a part of the document title;
    a long part standing whole inside it counts 95."""
    scores = [0.0] * len(keys)
    for w in wanted:  # every candidate scored in one call per part, in C
        for _, score, i in process.extract(w, keys, scorer=fuzz.ratio, limit=None):
            scores[i] = max(scores[i], score)
    long_parts = [w for w in wanted if len(w) >= 20]  # long enough to count when contained
    for i, k in enumerate(keys):
        if long_parts and any(w in k for w in long_parts):
            scores[i] = max(scores[i], 95.0)
    return scores
