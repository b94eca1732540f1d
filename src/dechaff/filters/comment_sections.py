"""Comment sections (HTML input): readers' comments are not the article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from .base import remove_block


@dataclass(frozen=True, kw_only=True)
class CommentSections:
    """Remove text inside a comment section (``comments``).

    A section is an element whose class or id holds a token such as ``comments``,
    ``comment-list``, ``comments-area``, ``respond`` or ``disqus_thread``
    (:data:`dechaff.html.walk.COMMENT_TOKENS`), and which holds less than half of the
    page's text. Text input has no markup; the ``chrome`` and ``body-region``
    filters find comments there by their wording ("34 Comments", "jane says:").

    On a discussion (:attr:`dechaff.page.Facts.thread`: a page whose main content
    element is mostly comment sections, a forum thread), the posts are the
    content, and nothing is removed.
    """

    name: str = "comment-sections"

    def __call__(self, page: Page) -> Iterator[Decision]:
        if not page.has_dom or page.facts.thread:
            return
        for b in page.kept:
            if b.dom is not None and b.dom.in_comments:
                yield remove_block(self.name, b, Reason.COMMENTS, "inside a comment section")
