"""The headline component: what a headline looks like and how it matches a document
title, one set of rules shared by the reading stage (which matches an HTML page's
heading to its title, :attr:`dechaff.page.Facts.heading`) and the ``headline``
filter (which finds the headline of raw text and makes it the result's title).

The rules are :attr:`dechaff.Settings.headline`; every comparison with a title
part goes through :meth:`HeadlineRules.similarity`.

>>> rules = HeadlineRules()
>>> rules.similarity("storm hits coast", "storm hits coast")
100.0
>>> rules.similarity("live: storm hits the coast of maine tonight", "storm hits the coast of maine")
95.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .blocks import Block
from .errors import ConfigError
from .textutil import SITE_SEPARATOR, key

CONTAINED_SCORE = 95.0
"""What a title part of at least :data:`CONTAINED_MIN_CHARS` characters standing
whole inside a line scores, however long the line."""
CONTAINED_MIN_CHARS = 20
H1_MARGIN = 5.0
"""What an ``<h1>`` gains over a line merely shaped like a headline."""
FALLBACK_MARGIN = 10.0
"""How far under :attr:`HeadlineRules.min_similarity` an HTML heading may match and
still be taken (an ``<h1>`` is evidence of its own)."""


@dataclass(frozen=True)
class HeadingMatch:
    """The heading of an HTML page that best matches its document title."""

    block: int
    score: float
    """How well it matched (0–1)."""
    evidence: str


@dataclass(frozen=True)
class HeadlineRules:
    """What a headline looks like, where it is looked for, how close it must match."""

    min_words: int = 2
    max_words: int = 40
    heading_blocks: int = 800
    """HTML: a headline-shaped line matching the document title is looked for among
    this many first blocks (an ``<h1>`` anywhere)."""
    search_blocks: int = 400
    """Text: the headline (a line matching the document title, or one the page
    repeats) is looked for among this many first kept blocks; one further down
    would move the body's start past the article (the body region anchors on it)."""
    min_similarity: float = 90.0
    """How closely (``rapidfuzz.fuzz.ratio``, 0–100) a line must match a part of the
    document title to be taken for the headline."""

    def __post_init__(self) -> None:
        if (
            not 1 <= self.min_words <= self.max_words
            or min(self.search_blocks, self.heading_blocks) < 1
        ):
            raise ConfigError(
                "headline rules need 1 <= min_words <= max_words, and search_blocks and"
                " heading_blocks of 1 or more"
            )
        if not 0 <= self.min_similarity <= 100:
            raise ConfigError("headline min_similarity is a number from 0 to 100")

    def shaped(self, block: Block) -> bool:
        """Short enough for a headline, and not a sentence."""
        return (
            self.min_words <= block.words <= self.max_words
            and not block.text.endswith((".", "。", ",", ":"))
            and block.sentence_marks <= 1
        )

    def title_parts(self, title: str) -> list[str]:
        """The parts of a document title a headline may be (``"Headline | Site"``)."""
        return [p for p in SITE_SEPARATOR.split(title) if len(p.split()) >= self.min_words]

    @staticmethod
    def similarity(line_key: str, part_key: str) -> float:
        """How well a line's key matches a title part's key (0–100): their ratio, or
        :data:`CONTAINED_SCORE` when a long part stands whole inside the line."""
        score = fuzz.ratio(line_key, part_key)
        if len(part_key) >= CONTAINED_MIN_CHARS and part_key in line_key:
            return max(score, CONTAINED_SCORE)
        return score

    def similarities(self, keys: list[str], parts: list[str]) -> list[float]:
        """Per line key, its best :meth:`similarity` to one of ``parts`` (scored in
        one call per part, in C)."""
        scores = [0.0] * len(keys)
        for part in parts:
            for _, score, i in process.extract(part, keys, scorer=fuzz.ratio, limit=None):
                scores[i] = max(scores[i], score)
        long_parts = [p for p in parts if len(p) >= CONTAINED_MIN_CHARS]
        for i, line in enumerate(keys):
            if long_parts and any(p in line for p in long_parts):
                scores[i] = max(scores[i], CONTAINED_SCORE)
        return scores

    def match_heading(self, blocks: Sequence[Block], title: str) -> HeadingMatch | None:
        """The block that is the headline of an HTML page, how well it matched, and why.

        The ``<h1>`` (or headline-shaped line) that best matches a part of the
        document title wins, an ``<h1>`` by :data:`H1_MARGIN`; when nothing matches
        well enough, the first ``<h1>`` in the main content, else the page's first.
        """
        wanted = [key(p) for p in self.title_parts(title)] or [key(title)]
        headings = [b for b in blocks if b.dom is not None and b.dom.heading == 1]
        first_level = {b.index for b in headings}
        shaped = [
            b
            for b in blocks[: self.heading_blocks]
            if self.shaped(b) and b.index not in first_level
        ]
        candidates = headings + shaped
        scores = self.similarities([b.key for b in candidates], wanted)
        for i in range(len(headings)):
            scores[i] += H1_MARGIN
        best, best_score = None, 0.0
        if candidates:
            top = max(range(len(candidates)), key=scores.__getitem__)  # the first of the best
            if scores[top] > 0:
                best, best_score = candidates[top], scores[top]
        score = min(1.0, best_score / 100)
        if best is None or best_score < self.min_similarity - FALLBACK_MARGIN:
            in_main = [b for b in headings if b.dom is not None and b.dom.in_main]
            if not (in_main or headings):
                return None
            return HeadingMatch((in_main or headings)[0].index, score, "the page's first <h1>")
        return HeadingMatch(best.index, score, "the heading that matches the document title")


def headline_of(title: str) -> str:
    """The headline part of a document title: the longest part between site separators.

    >>> headline_of("Storm hits coast | Daily Bugle")
    'Storm hits coast'
    """
    return max(SITE_SEPARATOR.split(title), key=len).strip()
