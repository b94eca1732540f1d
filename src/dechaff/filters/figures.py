"""Figures (HTML input): captions, credits and counters that belong to an image."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from .base import remove_block


@dataclass(frozen=True, kw_only=True)
class Figures:
    """Remove text inside ``<figure>`` and ``<figcaption>`` (``media-caption``), but
    a table's or a code block's that a figure wraps (see
    :data:`dechaff.html.lines.CONTENT_IN_FIGURES`).

    Captions describe a picture; an article body read as text does not carry
    them. Text input has no such markup, so this filter does nothing there (the
    ``chrome`` filter catches captions by their wording: "Photo: …", "(AP Photo)").
    """

    name: str = "figures"

    def __call__(self, page: Page) -> Iterator[Decision]:
        if not page.has_dom:
            return
        for b in page.kept:
            if b.dom is not None and b.dom.in_figure:
                yield remove_block(
                    self.name, b, Reason.MEDIA_CAPTION, f"inside a figure (<{b.dom.tag}>)"
                )
