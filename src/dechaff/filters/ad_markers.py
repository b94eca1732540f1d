"""Ad markers: lines that only label an ad slot, and such labels glued into text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from ..textutil import alternation
from ..words import load
from .base import remove_block, remove_span

AD_LABELS: frozenset[str] = load("ad-labels")
"""Lines that only label an ad slot, case-folded (``dechaff/words/ad-labels.txt``)."""

# Labels that are glued into running text between two sentences keep their usual
# capitalisation; only these forms are cut inline, and only at a sentence seam.
INLINE_LABELS: tuple[str, ...] = (
    "ADVERTISEMENT", "Advertisement", "Story continues below advertisement",
    "Article continues below advertisement", "Anzeige", "ANZEIGE", "Publicidad", "PUBLICIDAD",
    "Publicité", "PUBLICITÉ", "Pubblicità", "PUBBLICITÀ", "Реклама", "РЕКЛАМА", "Publicidade",
)  # fmt: skip


_INLINE_CUES = ("advertisement", "anzeige", "publici", "pubblici", "реклам")
_LABELS = alternation(INLINE_LABELS)
_SEAM = re.compile(
    # glued on one side: "Monday.AdvertisementThe", "Monday. AdvertisementThe"
    r"(?<=[.!?\"”’)\]])(?:(" + _LABELS + r")(?=\s*[\w\"“‘«])"
    r"|\s(" + _LABELS + r")(?=[\w\"“‘«])"
    # or standing alone between two sentences: "a long debate. Advertisement The mayor"
    r"|\s(" + _LABELS + r")(?=\s+[\"“‘«]?[^\W\d_](?<![a-zà-ÿ]))"
    r")"
    # or opening or closing a paragraph: "Advertisement The mayor …", "… said. Advertisement"
    r"|^(" + _LABELS + r")(?=\s+[\"“‘«]?[^\W\d_](?<![a-zà-ÿ]))"
    r"|(?<=[.!?\"”’)\]])\s(" + _LABELS + r")$"
)
_ONLY_LABELS = re.compile(r"(?:(?:" + _LABELS + r")[\s.,;:|·•-]*)+")


@dataclass(frozen=True, kw_only=True)
class AdMarkers:
    """Remove ad labels: whole lines (``ad-marker``) and glued leftovers (``ad-marker-inline``).

    A line is an ad marker when, case-folded and stripped of punctuation at its
    ends, it is one of :data:`AD_LABELS`, or when it holds nothing but labels.
    Inline, a label of :data:`INLINE_LABELS` (their usual capitalised forms) is cut
    where it sits at a sentence seam: glued on one side
    (``"...on Monday.AdvertisementThe minister..."``), standing alone between a
    sentence's end and a capitalised word (``"...debate. Advertisement The
    mayor..."``), or opening or closing a paragraph. "The advertisement had misled
    buyers" stays.

    >>> from dechaff import Cleaner
    >>> r = Cleaner([AdMarkers()])("ADVERTISEMENT\\nThe mayor spoke.AdvertisementShe left.")
    >>> [x.reason.value for x in r.removals], r.text
    (['ad-marker', 'ad-marker-inline'], 'The mayor spoke. She left.')
    """

    name: str = "ad-markers"
    labels: frozenset[str] = AD_LABELS
    inline: bool = True

    def __call__(self, page: Page) -> Iterator[Decision]:
        keys = "\n".join(b.key for b in page.kept)
        # Most pages hold no inline label at all: one look at the whole page settles it.
        inline = self.inline and any(cue in keys for cue in _INLINE_CUES)
        for block in page.kept:
            if len(block.text) <= 60 and block.key in self.labels:
                yield remove_block(self.name, block, Reason.AD_MARKER, f"ad label {block.key!r}")
                continue
            if not inline or not any(cue in block.key for cue in _INLINE_CUES):
                continue  # no label anywhere in the line: nothing glued
            if _ONLY_LABELS.fullmatch(block.text.strip()):
                yield remove_block(
                    self.name, block, Reason.AD_MARKER, "a line of nothing but ad labels"
                )
                continue
            for m in _SEAM.finditer(block.text):
                group = next(g for g in range(1, 6) if m.group(g))
                start, end = block.start + m.start(group), block.start + m.end(group)
                yield remove_span(
                    self.name, page, block, start, end, Reason.AD_MARKER_INLINE,
                    f"ad label {m.group(group)!r} between two sentences",
                )  # fmt: skip
