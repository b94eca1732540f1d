"""Site boilerplate: lines the page's site repeats on many of its pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..profile import hash_of_key
from ..report import Decision, Reason
from .base import remove_block


@dataclass(frozen=True, kw_only=True)
class AcrossPages:
    """Remove the lines a site profile found on many of the site's pages
    (``site-boilerplate``, with how many: "on 212 of 240 pages of example.com").

    It acts only on a page cleaned with its site's evidence
    (:attr:`dechaff.page.Facts.site`, from
    :meth:`dechaff.profile.SiteProfile.evidence`, whose thresholds are in
    :class:`~dechaff.Settings`). A line must match a repeated line whole (after
    normalisation: case, spacing, end punctuation and digits aside); the page's
    own headline (its title decision, or the heading matched to its document
    title) is never removed for standing on other pages. The body model weighs
    these removals as strong evidence of chaff (see
    :class:`~dechaff.filters.BodyRegion`).

    >>> from dechaff import Cleaner, SiteProfile
    >>> profile = SiteProfile()
    >>> for n in range(12):
    ...     profile.learn(f"Story {n}, told in full.\\nAbout us: a paper.", "x.org")
    >>> site = profile.evidence("x.org")
    >>> page = "A new story, told in full.\\nAbout us: a paper."
    >>> r = Cleaner([AcrossPages()]).clean_text(page, site=site)
    >>> r.text, r.removals[0].detail
    ('A new story, told in full.', 'on 12 of 12 pages of x.org')
    """

    name: str = "across-pages"

    def __call__(self, page: Page) -> Iterator[Decision]:
        evidence = page.facts.site
        if evidence is None or not evidence.lines:
            return
        own = {page.headline.block} if page.headline is not None else set()
        if page.facts.heading is not None:
            own.add(page.facts.heading.block)
        for block in page.kept:
            if block.index in own or not block.key:
                continue
            seen = evidence.lines.get(hash_of_key(block.key))
            if seen:
                yield remove_block(
                    self.name, block, Reason.SITE_BOILERPLATE,
                    f"on {seen} of {evidence.pages} pages of {evidence.site}",
                )  # fmt: skip
