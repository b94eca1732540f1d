"""Truncated text: holes left where link text was stripped, and cut-off teasers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..blocks import Block
from ..page import Page
from ..report import Decision, Flag, Reason
from ..textutil import key
from .base import INF, check_settings, remove_block

# A word, then a space, then a comma or full stop: in most scripts the words that
# stood between them were a link whose text the scraper dropped ("about 10,000 . But").
_HOLE = re.compile(r"(?<=\w)[ \t]+[.,](?=\s|$)")
_ELLIPSIS = re.compile(r"(…|\.{2,})\s*[\])»”\"']?$")


@dataclass(frozen=True, kw_only=True)
class Truncation:
    """Flag holes nothing could fill (``link-hole``) and blocks that stop mid-sentence
    (``cut-off``); remove teasers (``teaser``).

    Holes are only flagged: the words are lost, and the rest of the sentence is
    still the article's. A hole an earlier filter repaired (``page.repairs``: in
    the default pipeline, the ``repair`` stage's, from a copy of the text) is not
    flagged again.

    A teaser is a block ending in an ellipsis that is either the opening of a
    longer block of the page, or one of ``min_run`` or more such blocks in a row
    (a list of cut-off story summaries).

    >>> from dechaff import Cleaner
    >>> r = Cleaner([Truncation()])("The plan costs about $4 million . Critics disagree.")
    >>> [(f.reason.value, f.text) for f in r.flags]
    [('link-hole', ' .')]
    """

    name: str = "truncation"
    teaser_max_words: int = 60
    min_run: int = 2
    min_prefix_chars: int = 40
    cut_off_min_words: int = 15

    def __post_init__(self) -> None:
        check_settings(
            self,
            teaser_max_words=(1, INF),
            min_run=(1, INF),
            min_prefix_chars=(1, INF),
            cut_off_min_words=(1, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        repaired = {p.at for p in page.repairs}
        yield from self._teasers(page)
        yield from self._cut_off(page)
        for block in page.kept:
            text = block.text
            if " ." not in text and " ," not in text and "\t" not in text:
                continue  # no space before a comma or full stop: no hole
            for m in _HOLE.finditer(text):
                start, end = block.start + m.start(), block.start + m.end()
                if any(start <= at <= end for at in repaired):
                    continue
                yield Flag(
                    self.name, Reason.LINK_HOLE, m.group(), start, end, block.index,
                    "space before punctuation: words (likely link text) are missing here",
                )  # fmt: skip

    def _cut_off(self, page: Page) -> Iterator[Decision]:
        """Flag long blocks that stop mid-sentence, where the next block does not go on."""
        kept = page.kept
        for i, block in enumerate(kept):
            if block.words < self.cut_off_min_words or block.ends_sentence:
                continue
            if not block.sentence_marks:
                continue  # never a sentence at all: a heading or a list, not a cut
            following = kept[i + 1].text if i + 1 < len(kept) else ""
            if following[:1].islower():
                continue  # the sentence goes on in the next block
            tail = block.text[-40:]
            yield Flag(
                self.name, Reason.CUT_OFF, tail, block.end - len(tail), block.end, block.index,
                "the block stops mid-sentence: its end may be missing",
            )  # fmt: skip

    def _teasers(self, page: Page) -> Iterator[Decision]:
        kept = page.kept
        cut = [
            ("…" in b.text[-3:] or ".." in b.text[-4:])
            and _ELLIPSIS.search(b.text) is not None
            and b.words <= self.teaser_max_words
            for b in kept
        ]
        if not any(cut):
            return
        in_run = [False] * len(kept)
        i = 0
        while i < len(kept):
            j = i
            while j < len(kept) and cut[j]:
                j += 1
            if j - i >= self.min_run:
                in_run[i:j] = [True] * (j - i)
            i = max(j, i + 1)
        openings = {b.key[: self.min_prefix_chars]: b for b in kept}
        for block, is_cut, listed in zip(kept, cut, in_run, strict=True):
            if listed:
                yield remove_block(
                    self.name, block, Reason.TEASER, "one of a run of blocks cut off with '…'"
                )
                continue
            full = self._full_version(block, openings) if is_cut else None
            if full is not None:
                yield remove_block(
                    self.name, block, Reason.TEASER,
                    f"cut-off opening of block {full.index}", related=full.index,
                )  # fmt: skip

    def _full_version(self, block: Block, openings: dict[str, Block]) -> Block | None:
        stem = key(_ELLIPSIS.sub("", block.text))
        if len(stem) < self.min_prefix_chars:
            return None
        full = openings.get(stem[: self.min_prefix_chars])
        if full is None or full.index == block.index or len(full.text) <= len(block.text):
            return None
        return full if full.key.startswith(stem) else None
