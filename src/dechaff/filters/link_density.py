"""Link lists (HTML input): short blocks made mostly of link text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from ..textutil import WEB_ADDRESS
from .base import INF, check_settings, remove_block


@dataclass(frozen=True, kw_only=True)
class LinkDensity:
    """Remove short blocks whose text is mostly links (``link-list``).

    A block of at most ``max_words`` words whose link density (the share of its
    characters inside ``<a>``) is at least ``threshold`` is a menu entry, a tag,
    a related-story headline. A line that is only a web address is kept: the
    author pasted it. Text input carries no links, so this filter does nothing
    there.
    """

    name: str = "link-density"
    threshold: float = 0.6
    max_words: int = 30

    def __post_init__(self) -> None:
        check_settings(
            self,
            threshold=(0, 1),
            max_words=(0, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        if not page.has_dom:
            return
        for b in page.kept:
            if b.dom is None or b.words > self.max_words or WEB_ADDRESS.fullmatch(b.text):
                continue  # a pasted address is text the author wrote, not navigation
            if b.dom.link_density >= self.threshold:
                yield remove_block(
                    self.name, b, Reason.LINK_LIST,
                    f"{b.dom.link_density:.0%} of its text is links",
                    score=b.dom.link_density,
                )  # fmt: skip
