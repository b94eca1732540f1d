"""The body region: where the article stands, judged by the shape of its lines.

Articles are runs of long lines that read as sentences; menus, headers,
footers and link lists are runs of short lines that do not. Each kept block
gets a score (positive for prose, negative for a short line), and the
contiguous run of blocks with the largest total score is the body (the
maximum-subarray problem, solved in one pass). Everything before and after it
is removed as ``outside-body``, with its position as evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason
from .base import remove_block


@dataclass(frozen=True)
class BodyRegion:
    """Keep the densest run of prose; remove what lies outside it (``outside-body``).

    Scores: a block of ``prose_words`` or more words that holds a sentence mark
    scores its word count; a shorter block that ends like a sentence scores half
    its word count; any other block scores ``-short_penalty``.

    >>> from dechaff import Cleaner
    >>> page = "Home\\nNews\\nSport\\n" + "The water board met on Tuesday and agreed to raise rates. " * 3
    >>> r = Cleaner([BodyRegion()])(page + "\\nContact\\nJobs")
    >>> [x.text for x in r.removals]
    ['Home', 'News', 'Sport', 'Contact', 'Jobs']
    """

    name: str = "body-region"
    prose_words: int = 15
    short_penalty: float = 10.0

    def score(self, block: Block) -> float:
        """How much ``block`` reads like article prose (negative: like page furniture)."""
        if block.words >= self.prose_words and (block.sentence_marks or block.ends_sentence):
            return float(block.words)
        if block.ends_sentence and block.words >= 4:
            return block.words / 2
        return -self.short_penalty

    def __call__(self, page: Page) -> Iterator[Decision]:
        kept = page.kept
        if not kept:
            return
        first, last = best_run([self.score(b) for b in kept])
        if first > last:
            return
        start_block, end_block = kept[first].index, kept[last].index
        for b in kept[:first]:
            yield remove_block(
                self.name, b, Reason.OUTSIDE_BODY,
                f"before the body (blocks {start_block}–{end_block})",
            )  # fmt: skip
        for b in kept[last + 1 :]:
            yield remove_block(
                self.name, b, Reason.OUTSIDE_BODY,
                f"after the body (blocks {start_block}–{end_block})",
            )  # fmt: skip


def best_run(scores: Sequence[float]) -> tuple[int, int]:
    """First and last position of the contiguous run with the largest sum (Kadane).

    Returns ``(0, -1)`` when no run has a positive sum.

    >>> best_run([-1, 3, -1, 4, -9, 2])
    (1, 3)
    >>> best_run([-1, -2])
    (0, -1)
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span
