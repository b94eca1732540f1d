"""The main content element (HTML input): what lies outside it is not the article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from .base import remove_block


@dataclass(frozen=True)
class MainContent:
    """Remove blocks outside the page's main content element (``outside-main``).

    The element is chosen by readability-lxml's paragraph scoring (see
    :mod:`dechaff.html`): each paragraph of 25 characters or more scores its
    parent and, half, its grandparent; scores are weighted by class and id hints
    and by link density. The best element, and the siblings readability-lxml
    would add to it, make the main content. Text input has no DOM, so this
    filter does nothing there; nor does it act when no element was chosen, or
    when the chosen one holds fewer than ``min_share`` of the page's words.
    """

    name: str = "main-content"
    min_share: float = 0.05

    def __call__(self, page: Page) -> Iterator[Decision]:
        kept = [b for b in page.kept if b.dom is not None and b.dom.in_main is not None]
        if not kept:
            return
        inside = sum(b.words for b in kept if b.dom and b.dom.in_main)
        if inside < self.min_share * sum(b.words for b in kept):
            return
        for b in kept:
            if b.dom is not None and not b.dom.in_main:
                score = b.dom.content_score
                evidence = f"; its own container scores {score:.0f}" if score is not None else ""
                yield remove_block(
                    self.name, b, Reason.OUTSIDE_MAIN,
                    f"outside the main content element{evidence}",
                )  # fmt: skip
