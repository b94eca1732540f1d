"""The page's visible lines, built from the events of a walk over its elements.

This is dechaff's one definition of a visible line: a line per block-level element
(and per ``<br>``), holding the text of the inline elements inside it; the walk
leaves out scripts, styles, comments and hidden elements. Each line carries the
evidence its elements give: the block element that owns it, how many of its
characters are link text, the landmark it stands in, and whether it is in a list
item, a caption or a comment section.

Both readers feed it: the tree walk (:mod:`dechaff.html.walk`) and the streaming
reader for pages too deep for a tree (:mod:`dechaff.html.stream`).
"""

from __future__ import annotations

from typing import NamedTuple

from ..textutil import squash
from .vocabulary import BLOCK_TAGS, LANDMARK_ROLES, LANDMARK_TAGS

FIGURE_TAGS = frozenset({"figure", "figcaption"})
CONTENT_IN_FIGURES = frozenset({"table", "pre"})
"""Elements whose text is the page's own inside a figure: a table or a code block
that a ``<figure>`` wraps (as WordPress wraps its tables, and static-site
generators their code) is no caption; a caption inside one still is."""


class Line(NamedTuple):
    """One visible line and what its elements say about it."""

    text: str
    owner: int
    """The element (by number in document order) of the block the line belongs to."""
    link_chars: int
    landmark: str | None
    list_item: bool
    caption: bool
    comments: bool
    breaks: tuple[tuple[int, int], ...] = ()
    """Inside a ``<pre>``: where its line breaks stood, each as the offset in
    :attr:`text` of the space that stands for it, and the next line's indent."""


def squash_keeping_breaks(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``raw`` squashed as :func:`~dechaff.textutil.squash` squashes it, and where its
    line breaks stood (see :attr:`Line.breaks`; blank lines are not kept).

    >>> squash_keeping_breaks("def f():\\n    return 1\\n")
    ('def f(): return 1', ((8, 4),))
    """
    words: list[str] = []
    breaks: list[tuple[int, int]] = []
    length = 0
    for line in raw.split("\n"):
        parts = line.split()
        if not parts:
            continue
        if words:
            breaks.append((length, len(line) - len(line.lstrip())))
            length += 1
        words.extend(parts)
        length += sum(map(len, parts)) + len(parts) - 1
    return " ".join(words), tuple(breaks)


class LineBuilder:
    """Collects the visible lines while a walk opens and closes elements.

    The walk calls :meth:`open` and :meth:`close` for each element (by number, in
    document order) and :meth:`text` for each piece of text, in reading order.
    """

    __slots__ = (
        "captions",
        "comment_sections",
        "contents",
        "landmark",
        "landmarks",
        "line_caption",
        "line_comments",
        "line_links",
        "line_owner",
        "lines",
        "list_items",
        "open_links",
        "owners",
        "pieces",
        "preformatted",
    )

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.pieces: list[str] = []  # of the line being built
        self.line_links = 0
        self.line_owner = -1  # -1: no line begun
        self.line_caption = self.line_comments = False
        self.owners: list[int] = []  # open block elements
        self.landmarks: list[str | None] = []  # per open block: the landmark it opens
        self.landmark: str | None = None  # the innermost open landmark
        self.list_items = self.open_links = 0
        self.captions: list[int] = []  # open figures and captions
        self.contents: list[int] = []  # open tables and code blocks inside those
        self.comment_sections: list[int] = []
        self.preformatted = 0  # open <pre> elements

    def open(
        self, i: int, tag: str, role: str | None, caption: bool = False, comments: bool = False
    ) -> None:
        """Element ``i`` starts. ``caption``: its class or id name a caption (and it
        is small enough to be one); ``comments``: they name a comment section."""
        if tag == "br":
            if self.line_owner >= 0:
                self.flush()
        elif tag in BLOCK_TAGS:
            if self.line_owner >= 0:
                self.flush()
            opens = (LANDMARK_ROLES.get(role) if role else None) or (
                tag if tag in LANDMARK_TAGS else None
            )
            self.owners.append(i)
            self.landmarks.append(opens)
            if opens:
                self.landmark = opens
            if tag == "li":
                self.list_items += 1
            elif tag == "pre":
                self.preformatted += 1
        elif tag == "a":
            self.open_links += 1
        if tag in FIGURE_TAGS or (caption and not (self.captions and self.captions[-1] == i)):
            self.captions.append(i)
        elif tag in CONTENT_IN_FIGURES and self.captions:
            self.contents.append(i)
        if comments:
            self.comment_sections.append(i)

    def close(self, i: int, tag: str) -> None:
        """Element ``i`` ends."""
        if tag in BLOCK_TAGS:
            if self.line_owner >= 0:
                self.flush()
            self.owners.pop()
            if self.landmarks.pop():
                self.landmark = next((m for m in reversed(self.landmarks) if m), None)
            if tag == "li":
                self.list_items -= 1
            elif tag == "pre":
                self.preformatted -= 1
        elif tag == "a":
            self.open_links -= 1
        if self.captions and self.captions[-1] == i:
            self.captions.pop()
        elif self.contents and self.contents[-1] == i:
            self.contents.pop()
        if self.comment_sections and self.comment_sections[-1] == i:
            self.comment_sections.pop()

    def text(self, s: str) -> None:
        """A piece of text: an element's head or tail, or a run of characters."""
        if s.isspace():
            if self.line_owner >= 0:
                self.pieces.append(s)
            return
        if self.line_owner < 0:  # the line begins
            self.line_owner = self.owners[-1] if self.owners else 0
            # in a caption, unless in a table or code block the caption holds
            self.line_caption = bool(self.captions) and not (
                self.contents and self.contents[-1] > self.captions[-1]
            )
            self.line_comments = bool(self.comment_sections)
        self.pieces.append(s)
        if self.open_links:
            self.line_links += len(s.strip())

    def flush(self) -> None:
        """End the line being built, if it has any text."""
        raw = "".join(self.pieces)
        breaks: tuple[tuple[int, int], ...] = ()
        if self.preformatted and "\n" in raw:
            text, breaks = squash_keeping_breaks(raw)
        else:
            text = squash(raw)
        if text:
            self.lines.append(
                Line(text, self.line_owner, self.line_links, self.landmark, self.list_items > 0,
                     self.line_caption, self.line_comments, breaks)
            )  # fmt: skip
        self.pieces, self.line_links, self.line_owner = [], 0, -1
