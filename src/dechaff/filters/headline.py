"""The headline: found where the page repeats it, moved to the result's ``.title``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason, Removal, Title
from ..textutil import SITE_SEPARATOR as _SITE_SEPARATOR
from ..textutil import key
from .base import remove_block

# Separators between a page title and the site's name: "Headline - Site", "Site | Headline".
_DATE_LIKE = re.compile(r"\d{1,2}:\d{2}|\b(19|20)\d{2}\b\D{0,3}\d")


@dataclass(frozen=True, kw_only=True)
class Headline:
    """Find the headline, keep it once as the title, and remove every copy from the body.

    The headline is a line shaped like one (:class:`dechaff.headline.HeadlineRules`,
    the pipeline's :attr:`dechaff.Settings.headline`, which the reading stage
    shares: ``min_words``..``max_words``, no final full stop) that the page
    repeats, within its first ``search_blocks`` blocks. Where no line repeats, the
    first line is taken as the document title (``"Headline - Site"``) and a later
    line, within as many blocks, that matches a part of it at
    ``min_similarity`` or better is taken as the headline. The site name split off
    such a title is reported as ``site-name``. Copies other than the one kept as
    the title point to it through ``related``.

    On HTML pages the headline is the heading the reading stage matched to the
    document title (:attr:`dechaff.page.Facts.heading`, found by
    :func:`dechaff.reading.html_headline`), as long as no earlier filter removed
    it; the settings here govern the other ways of finding it. The block kept as
    the title is also a :class:`~dechaff.report.Title` decision, which later
    filters see as :attr:`dechaff.page.Page.headline`.

    >>> from dechaff import Cleaner
    >>> r = Cleaner([Headline()])("Storm hits coast - Daily Bugle\\nStorm hits coast\\nRain fell.")
    >>> r.title, [x.reason.value for x in r.removals]
    ('Storm hits coast', ['headline', 'site-name', 'headline'])
    """

    name: str = "headline"

    def __call__(self, page: Page) -> Iterator[Decision]:
        if page.document_title is not None:
            found = list(self._from_html(page))
            if found:
                yield from found
                return
        found = list(self._from_document_title(page))
        if found:
            yield from found
            return
        rules = page.settings.headline
        window = [b for b in page.kept[: rules.search_blocks] if rules.shaped(b)]
        copies = self._repeated(window)
        if copies:
            first = copies[0]
            yield Title(self.name, first.index, "a line the page repeats")
            yield remove_block(self.name, first, Reason.HEADLINE, "repeated line kept as the title")
            for other in copies[1:]:
                yield remove_block(
                    self.name, other, Reason.HEADLINE,
                    f"copy of the headline (block {first.index})", related=first.index,
                )  # fmt: skip

    def _from_html(self, page: Page) -> Iterator[Decision]:
        """HTML: the heading that matches the document title (the page's
        :attr:`~dechaff.page.Facts.heading`), while still kept, and its copies."""
        heading = page.facts.heading
        if heading is None or heading.block not in page.kept_indices:
            return
        best = page.blocks[heading.block]
        yield Title(self.name, best.index, heading.evidence, heading.score)
        yield remove_block(self.name, best, Reason.HEADLINE, heading.evidence, score=heading.score)
        for other in page.kept:
            if other is not best and other.key == best.key:
                yield remove_block(
                    self.name, other, Reason.HEADLINE,
                    f"copy of the headline (block {best.index})", related=best.index,
                )  # fmt: skip

    def _repeated(self, window: list[Block]) -> list[Block]:
        groups: dict[str, list[Block]] = {}
        for block in window:
            groups.setdefault(block.key, []).append(block)
        repeated = [g for g in groups.values() if len(g) > 1 and not _DATE_LIKE.search(g[0].text)]
        if not repeated:
            return []
        # The headline is the repeated line with the most words; ties go to the earliest.
        return max(repeated, key=lambda g: (g[0].words, -g[0].index))

    def _from_document_title(self, page: Page) -> Iterator[Decision]:
        if not page.kept:
            return
        rules, first = page.settings.headline, page.kept[0]
        parts = _SITE_SEPARATOR.split(first.text)
        candidates = rules.title_parts(first.text)
        if not candidates:
            return
        headline_part = max(candidates, key=len)
        # Each part of the title ("Headline | Site") is looked for further down; the part
        # matched best is the headline, the earlier part on a tie (the site comes last).
        found: tuple[float, int, Block, str] | None = None
        wanted = [key(part) for part in candidates]
        open_parts = set(range(len(candidates)))  # parts still without a match
        for block in page.kept[1 : rules.search_blocks]:
            if not open_parts:
                break
            if not rules.shaped(block):
                continue
            for rank in sorted(open_parts):
                score = rules.similarity(block.key, wanted[rank])
                if score >= rules.min_similarity:
                    open_parts.discard(rank)
                    if found is None or _prefer(candidates, rank, score, found):
                        found = (score, rank, block, candidates[rank])
        if found is not None:
            score, _, block, headline_part = found
            yield Title(self.name, block.index, "matches the document title", score / 100)
            yield remove_block(
                self.name, block, Reason.HEADLINE, "matches the document title",
                score=score / 100,
            )  # fmt: skip
            yield from self._split_title(first, headline_part, block.index)
            return
        if len(parts) > 1 and rules.shaped(first):
            # A "Headline - Site" line with no copy further down: the document title alone.
            yield from self._split_title(first, headline_part, None)
            return
        # A copy of the first line that is no headline's shape ("Headline." with a full
        # stop), which the search above passed over: the first line is the headline.
        copies = [b for b in page.kept[1 : rules.search_blocks] if b.key == first.key]
        if copies and rules.shaped(first):
            yield Title(self.name, copies[0].index, "repeats the document title", 1.0)
            yield remove_block(
                self.name, copies[0], Reason.HEADLINE, "repeats the document title", score=1.0
            )
            yield remove_block(
                self.name, first, Reason.HEADLINE,
                f"document title; copy of the headline (block {copies[0].index})",
                related=copies[0].index,
            )  # fmt: skip

    def _split_title(
        self, first: Block, headline_part: str, headline: int | None
    ) -> Iterator[Decision]:
        if headline is None:
            yield Title(self.name, first.index, "the document title")
        offset = first.text.find(headline_part)
        spans = [
            (first.start, first.start + offset),
            (first.start + offset, first.start + offset + len(headline_part)),
            (first.start + offset + len(headline_part), first.end),
        ]
        for i, (start, end) in enumerate(spans):
            text = first.text[start - first.start : end - first.start]
            if not text.strip():
                continue
            if i == 1:
                detail = (
                    "document title, kept as the title"
                    if headline is None
                    else f"document title; copy of the headline (block {headline})"
                )
                yield Removal(
                    self.name, Reason.HEADLINE, text, start, end, first.index, detail,
                    related=headline,
                )  # fmt: skip
            else:
                yield Removal(
                    self.name, Reason.SITE_NAME, text, start, end, first.index,
                    "site name beside the document title",
                )  # fmt: skip


def _prefer(
    candidates: list[str], rank: int, score: float, found: tuple[float, int, Block, str]
) -> bool:
    """Whether the title part ``rank``, matched with ``score``, beats the part found
    so far: the longer part (a site's name is short, and the page repeats it in its
    footer), then the better match, then the earlier part."""
    mine = (len(candidates[rank].split()), score, -rank)
    theirs = (len(candidates[found[1]].split()), found[0], -found[1])
    return mine > theirs
