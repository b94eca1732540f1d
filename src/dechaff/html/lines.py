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

from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from ..blocks import InlineMark
from ..textutil import squash
from .vocabulary import BLOCK_TAGS, LANDMARK_ROLES, LANDMARK_TAGS

FIGURE_TAGS = frozenset({"figure", "figcaption"})
CONTENT_IN_FIGURES = frozenset({"table", "pre"})
"""Elements whose text is the page's own inside a figure: a table or a code block
that a ``<figure>`` wraps (as WordPress wraps its tables, and static-site
generators their code) is no caption; a caption inside one still is."""
INLINE_MARKS = {
    "strong": "strong", "b": "strong", "em": "em", "i": "em", "code": "code", "kbd": "code",
    "samp": "code", "tt": "code", "a": "link", "img": "image",
}  # fmt: skip
"""Inline elements the Markdown view shows, and the kind of mark each makes."""


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
    marks: tuple[InlineMark, ...] = ()
    """The inline elements over :attr:`text` (none inside a ``<pre>``)."""


def mark_attributes(el: Any, tag: str) -> tuple[str | None, str | None]:
    """What a link or an image's mark keeps of ``el``: its address and, for an
    image, its ``alt`` text."""
    if tag == "a":
        return el.get("href"), None
    if tag == "img":
        return el.get("src") or el.get("data-src"), el.get("alt")
    return None, None


def squashed_marks(
    raw: str, marks: list[tuple[int, int, str, str | None, str | None]]
) -> tuple[InlineMark, ...]:
    """``marks`` (offsets in ``raw``) moved to the text :func:`squash` makes of
    ``raw``: a mark starts at the first word it holds and ends after the last; one
    that holds no word is dropped (an image keeps its place before the next word).

    >>> squashed_marks("  see <the> \\n docs ", [(6, 11, "link", "/d", None)])
    (InlineMark(start=4, end=9, kind='link', target='/d', label=None),)
    """
    starts: list[int] = []  # each word's start and end in raw, and its start in the text
    ends: list[int] = []
    placed: list[int] = []
    length = 0
    for word in raw.split():
        at = raw.index(word, ends[-1] if ends else 0)
        starts.append(at)
        ends.append(at + len(word))
        placed.append(length)
        length += len(word) + 1
    found: list[InlineMark] = []
    for start, end, kind, target, label in marks:
        first = bisect_right(ends, start)  # the first word that ends after the start
        if first == len(placed):  # past the last word
            if kind == "image":
                found.append(
                    InlineMark(max(length - 1, 0), max(length - 1, 0), kind, target, label)
                )
            continue
        begin = placed[first] + max(0, start - starts[first])
        if kind == "image":
            found.append(InlineMark(begin, begin, kind, target, label))
            continue
        last = bisect_left(starts, end) - 1  # the last word that starts before the end
        stop = placed[last] + min(end, ends[last]) - starts[last] if last >= 0 else 0
        if first <= last and begin < stop:
            found.append(InlineMark(begin, stop, kind, target, label))
    return tuple(found)


def spaced_marks(
    text: str, marks: list[tuple[int, int, str, str | None, str | None]]
) -> tuple[InlineMark, ...]:
    """:func:`squashed_marks` for a line whose raw text needed no squashing (most
    lines): each mark's white space at either end is dropped, and an image moves
    past the spaces before the next word.

    >>> spaced_marks("see the docs", [(3, 8, "em", None, None)])
    (InlineMark(start=4, end=7, kind='em', target=None, label=None),)
    """
    found: list[InlineMark] = []
    for start, end, kind, target, label in marks:
        while start < len(text) and text[start] == " ":
            start += 1
        if kind == "image":
            found.append(InlineMark(start, start, kind, target, label))
            continue
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            found.append(InlineMark(start, end, kind, target, label))
    return tuple(found)


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
        "line_marks",
        "line_owner",
        "lines",
        "list_items",
        "open_links",
        "open_marks",
        "owners",
        "pieces",
        "preformatted",
        "raw_length",
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
        self.raw_length = 0  # characters of the line being built, before squashing
        # the inline marks of the line being built, and those open (each with its element)
        self.line_marks: list[tuple[int, int, str, str | None, str | None]] = []
        self.open_marks: list[tuple[int, int, str, str | None, str | None]] = []

    def open(
        self,
        i: int,
        tag: str,
        role: str | None,
        caption: bool = False,
        comments: bool = False,
        attributes: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """Element ``i`` starts. ``caption``: its class or id name a caption (and it
        is small enough to be one); ``comments``: they name a comment section;
        ``attributes``: a link's or an image's (:func:`mark_attributes`)."""
        kind = INLINE_MARKS.get(tag)
        if kind == "image":
            self.line_marks.append((self.raw_length, self.raw_length, kind, *attributes))
        elif kind:
            self.open_marks.append((i, self.raw_length, kind, *attributes))
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
        if self.open_marks and self.open_marks[-1][0] == i:
            _, start, kind, target, label = self.open_marks.pop()
            if self.raw_length > start:
                self.line_marks.append((start, self.raw_length, kind, target, label))
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
                self.raw_length += len(s)
            return
        if self.line_owner < 0:  # the line begins
            self.line_owner = self.owners[-1] if self.owners else 0
            # in a caption, unless in a table or code block the caption holds
            self.line_caption = bool(self.captions) and not (
                self.contents and self.contents[-1] > self.captions[-1]
            )
            self.line_comments = bool(self.comment_sections)
        self.pieces.append(s)
        self.raw_length += len(s)
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
        marks: tuple[InlineMark, ...] = ()
        if self.open_marks:  # an inline element over a line break: in both lines
            self.line_marks += [(at, len(raw), k, t, a) for _, at, k, t, a in self.open_marks]
            self.open_marks = [(i, 0, k, t, a) for i, _, k, t, a in self.open_marks]
        if self.line_marks and text and not self.preformatted:
            fits = raw == text  # (no white space to fold: the offsets stand)
            marks = (spaced_marks if fits else squashed_marks)(raw, self.line_marks)
        if text:
            self.lines.append(
                Line(text, self.line_owner, self.line_links, self.landmark, self.list_items > 0,
                     self.line_caption, self.line_comments, breaks, marks)
            )  # fmt: skip
            self.line_marks = []
        else:  # an image on a line of no text goes with the next line's text
            self.line_marks = [(0, 0, k, t, a) for _, _, k, t, a in self.line_marks if k == "image"]
        self.pieces, self.line_links, self.line_owner = [], 0, -1
        self.raw_length = 0
