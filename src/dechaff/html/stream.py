"""Pages too deep for a tree, read by events.

lxml (libxml2) stops reading a document at elements nested more than 2,048 deep.
Such a page is read again here, by Python's ``html.parser``, which keeps no tree
and so has no depth limit. The lines are built by the same
:class:`~dechaff.html.lines.LineBuilder` as the tree walk's; the evidence is what
events can give (tags, roles, links), with no main-content choice.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..textutil import squash
from .lines import Line, LineBuilder
from .vocabulary import SKIP_TAGS, VOID_TAGS

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
PATH_DEPTH = 8
"""The innermost elements named in a block's path; deeper ones show as ``/…/``."""


class Streamer(HTMLParser):
    """Visible lines and the document title, by events."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = LineBuilder()
        self.tags: list[str] = ["body"]  # per element, by number; 0 stands for the page
        self.paths: list[str] = ["/"]
        self.stack: list[tuple[str, int]] = []  # open elements: tag and number
        self.skip = 0  # open elements whose text is never visible
        self.title: list[str] = []
        self.in_title = False
        self.lines.open(0, "body", None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        i = len(self.tags)
        if tag in VOID_TAGS:
            if tag == "br":
                self.lines.open(i, tag, None)
            return
        if tag in SKIP_TAGS:
            self.skip += 1
        self.stack.append((tag, i))
        self.tags.append(tag)
        names = [t for t, _ in self.stack[-PATH_DEPTH:]]
        self.paths.append(("/…/" if len(self.stack) > PATH_DEPTH else "/") + "/".join(names))
        self.lines.open(i, tag, dict(attrs).get("role"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if all(t != tag for t, _ in self.stack):
            return
        while self.stack:  # elements left open inside it end with it
            open_tag, i = self.stack.pop()
            if open_tag in SKIP_TAGS:
                self.skip -= 1
            self.lines.close(i, open_tag)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip <= 0:
            self.lines.text(data)

    def finish(self) -> list[Line]:
        """The lines (call after ``close``)."""
        self.lines.flush()
        return self.lines.lines


def stream(html: str) -> tuple[list[Line], Streamer]:
    """The visible lines of ``html`` read by events, and the reader (for each line's
    owner's tag and path, and the title)."""
    streamer = Streamer()
    try:
        # Marked sections ("<![if …]>", CDATA) are the one construct html.parser rejects.
        streamer.feed(html.replace("<![", "&lt;!["))
        streamer.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser's last resort
        streamer = Streamer()
        streamer.feed(_TAG.sub("\n", html).replace("<", "&lt;"))
        streamer.close()
    return streamer.finish(), streamer


def title_of(streamer: Streamer) -> str | None:
    """The ``<title>`` the reader saw."""
    return squash("".join(streamer.title)) or None
