"""One walk over a parsed page: everything dechaff reads from the DOM.

The walk numbers the elements of the ``<body>`` in document order (so the
descendants of element ``i`` are exactly ``i + 1 … ends[i]``), leaves out what is
never visible (scripts, styles, comments, hidden elements), and hands each
element's start, text and end to two consumers:

* :class:`~dechaff.html.lines.LineBuilder`: the page's visible lines, each with
  the evidence its elements give;
* :class:`~dechaff.html.measures.Measures`: per element, what
  :mod:`dechaff.html.main_element` needs to choose the main content the way
  readability-lxml does.

What both need from an element's class and id (a caption, a comment section,
unlikely content) is read once here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from lxml import etree

from ..textutil import squash
from .lines import FIGURE_TAGS, Line, LineBuilder, mark_attributes
from .measures import Measures, Text
from .patterns import REGEXES
from .vocabulary import CONTROL_TAGS, SKIP_TAGS, is_hidden


def folded(name: str) -> re.Pattern[str]:
    """readability-lxml's case-blind pattern ``name``, for text already in lower
    case: matching without IGNORECASE is several times faster."""
    pattern = REGEXES[name].pattern
    assert pattern == pattern.lower(), name
    return re.compile(pattern)


_UNLIKELY = folded("unlikelyCandidatesRe")
_MAYBE = folded("okMaybeItsACandidateRe")
_SHELTERS = frozenset({"aside", "nav", "form"})
_CAPTION_HINT = re.compile(r"caption|photo-?credit|image-?credit|wp-caption")  # lower case


def _names_caption(mark: str) -> bool:
    """A class and id (in lower case) that name a caption or a credit (each hint holds
    one of the two words, which substring tests find far sooner than the pattern)."""
    return ("caption" in mark or "credit" in mark) and _CAPTION_HINT.search(mark) is not None


CAPTION_MAX_WORDS = 80
"""An element named a caption that holds more words is a wrapper, not a caption."""
COMMENT_TOKENS = frozenset(
    """comments comment-list commentlist comment-body comment-content comments-area
    comments-section comment-section respond disqus_thread""".split()
)
"""Class or id tokens that name a comment section (whole tokens: "comments-open" on a
WordPress ``<body>`` names no section)."""


class Survey:
    """What one walk over the page found: its lines, and per element (by index in
    document order) what main-content scoring needs."""

    def __init__(self, path: str) -> None:
        """``path``: the XPath of the element walked (element 0)."""
        self.lines: list[Line] = []
        self.elements: list[Any] = []
        self.tags: list[str] = []
        self.parents: list[int] = []
        self.ends: list[int] = []
        self.lengths: list[int] = []  # text length, as readability-lxml measures it
        self.commas: list[int] = []
        self.links: list[int] = []  # characters of link text (nested links twice)
        self.blocky: list[bool] = []  # a descendant's tag starts like a block's
        self.gone: list[bool] = []  # set aside as unlikely content
        self.loose: dict[int, list[Text]] = {}  # block <div> -> its wrapped paragraphs
        self.inputs: dict[int, int] = {}  # element -> its <input> children (not hidden)
        self.embeds: dict[int, int] = {}  # element -> its <embed> children
        self.hidden: set[Any] = set()  # hidden elements left out
        self.positions: list[int] = []  # place among the siblings of the same tag, from 1
        self.siblings: list[dict[str, int]] = []  # the parent's children, counted by tag
        self._paths = {0: path}

    def add(self, el: Any, tag: str, parent: int, position: int, counted: dict[str, int]) -> int:
        """Number ``el``, the ``position``-th ``tag`` among ``counted``, its parent's
        children so far; its extent ends at itself until its end is seen."""
        i = len(self.tags)
        self.elements.append(el)
        self.tags.append(tag)
        self.positions.append(position)
        self.siblings.append(counted)
        self.parents.append(parent)
        self.ends.append(i)
        return i

    def leave_out(self, el: Any, tag: str, parent: int) -> None:
        """``el`` holds no visible text: count it as an input or an embed of its
        parent, or keep it among the hidden elements."""
        if tag not in SKIP_TAGS:
            self.hidden.add(el)
        elif parent >= 0 and (tag == "embed" or (tag == "input" and el.get("type") != "hidden")):
            counter = self.embeds if tag == "embed" else self.inputs
            counter[parent] = counter.get(parent, 0) + 1

    def take(self, lines: list[Line], measures: Measures) -> None:
        """The walk's results: the lines, and the measures per element."""
        self.lines = lines
        self.lengths, self.commas = measures.lengths, measures.commas
        self.links, self.blocky, self.loose = measures.links, measures.blocky, measures.loose
        gone = [False] * len(self.tags)
        ends = self.ends
        for i in measures.removed:  # inner ones first: an outer one blanks them again
            gone[i : ends[i] + 1] = [True] * (ends[i] + 1 - i)
        self.gone = gone

    @cached_property
    def index(self) -> dict[Any, int]:
        return {el: i for i, el in enumerate(self.elements)}

    @cached_property
    def kinds(self) -> set[str]:
        """The tags the page uses."""
        return set(self.tags)

    def length(self, i: int) -> int:
        return self.lengths[i]

    def link_density(self, i: int) -> float:
        return self.links[i] / max(self.lengths[i], 1)

    def ancestors(self, i: int) -> Iterator[int]:
        i = self.parents[i]
        while i >= 0:
            yield i
            i = self.parents[i]

    def contains(self, outer: int, inner: int) -> bool:
        return outer < inner <= self.ends[outer]

    def holds(self, i: int, tag: str) -> bool:
        """An element with ``tag`` among the descendants of ``i``."""
        return tag in self.tags[i + 1 : self.ends[i] + 1]

    def classes(self, i: int) -> set[str]:
        return set((self.elements[i].get("class") or "").split())

    def mark(self, i: int) -> str:
        """Class and id, in lower case."""
        el = self.elements[i]
        return f"{el.get('class', '')} {el.get('id', '')}".lower()

    def sheltered(self, i: int) -> bool:
        """Inside (or itself) an aside, nav or form."""
        tags = self.tags
        return tags[i] in _SHELTERS or any(tags[a] in _SHELTERS for a in self.ancestors(i))

    def previous(self, i: int) -> int:
        """The previous sibling element that can hold text, or -1."""
        return self._sibling(i, forward=False)

    def following(self, i: int) -> int:
        """The next sibling element that can hold text, or -1."""
        return self._sibling(i, forward=True)

    def _sibling(self, i: int, forward: bool) -> int:
        el = self.elements[i]
        while (el := el.getnext() if forward else el.getprevious()) is not None:
            j = self.index.get(el)
            if j is not None:
                return j
        return -1

    def path(self, i: int) -> str:
        """The XPath of element ``i``, as lxml's ``getpath`` writes it (a position
        only where siblings share the tag), built from the walk's counts: lxml's
        own recounts the siblings at every level, which is quadratic on wide pages.
        """
        paths = self._paths
        found = paths.get(i)
        if found is not None:
            return found
        chain = []
        node = i
        while node >= 0 and node not in paths:
            chain.append(node)
            node = self.parents[node]
        prefix = paths[node] if node >= 0 else ""
        for node in reversed(chain):
            tag = self.tags[node]
            if self.siblings[node][tag] > 1:
                prefix = f"{prefix}/{tag}[{self.positions[node]}]"
            else:
                prefix = f"{prefix}/{tag}"
            paths[node] = prefix
        return prefix

    def text_of(self, i: int) -> str:
        return squash("".join(self.elements[i].itertext()))


def read(root: Any, *, ruthless: bool = True) -> Survey:
    """Walk the ``<body>`` of the page whose root element is ``root``.

    ``ruthless``: set aside elements whose class or id say they are unlikely
    content (readability-lxml's first try); the lines do not depend on it.

    A hidden element that holds most of the page is a markup accident (an unclosed
    tag) or an article revealed by script: either way its text is the page.
    """
    body = root.find("body")
    start = body if body is not None else root
    survey = Survey(start.getroottree().getpath(start))
    lines = LineBuilder()
    measures = Measures(ruthless)
    _walk(start, survey, lines, measures, _Marks(start))
    lines.flush()
    survey.take(lines.lines, measures)
    return survey


def _walk(
    start: Any, survey: Survey, lines: LineBuilder, measures: Measures, marks: _Marks
) -> None:
    """Number the visible elements under ``start`` into ``survey`` and hand each
    one's start, text and end to ``lines`` and ``measures``."""
    opened: list[int] = []  # the elements open around the walk's place
    # per open element: its children so far, by tag (made when the first one starts)
    seen: list[dict[str, int] | None] = [None]
    skipping = False  # at the end of an element left out
    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if not isinstance(tag, str):  # a comment or processing instruction
                walker.skip_subtree()
                skipping = True
                continue
            counted = seen[-1]  # its place among its siblings of the same tag
            if counted is None:
                counted = seen[-1] = {}
            position = counted[tag] = counted.get(tag, 0) + 1
            if (tag in SKIP_TAGS and not marks.swallowed(el, tag)) or marks.hidden(el):
                survey.leave_out(el, tag, opened[-1] if opened else -1)
                walker.skip_subtree()
                skipping = True
                continue
            i = survey.add(el, tag, opened[-1] if opened else -1, position, counted)
            seen.append(None)
            caption, comments, unlikely = marks.of(el, tag)
            head = el.text
            if tag == "a" or tag == "img":
                lines.open(i, tag, el.get("role"), caption, comments, mark_attributes(el, tag))
            else:
                lines.open(i, tag, el.get("role"), caption, comments)
            measures.open(i, tag, head, opened, unlikely)
            if head:
                lines.text(head)
            opened.append(i)
            continue
        tail = el.tail if el is not start else None
        if skipping:  # the end of an element left out: only its tail counts
            skipping = False
            if not opened:
                continue
            parent = opened[-1]
            measures.dropped(parent, tail)
        else:
            i = opened.pop()
            seen.pop()
            tag = survey.tags[i]
            survey.ends[i] = len(survey.tags) - 1
            lines.close(i, tag)
            measures.close(i, tag)
            if not opened:
                continue
            parent = opened[-1]
            measures.hand_up(i, tag, parent, tail)
        if tail:
            lines.text(tail)
            measures.tail(parent, tail)


class _Marks:
    """What elements' class and id say (cached per distinct class and id), and
    which elements are hidden; both weigh an element against the whole page."""

    def __init__(self, start: Any) -> None:
        self.start = start
        self._page_chars = -1
        self._verdicts: dict[str, tuple[bool, bool, bool]] = {}

    def page_chars(self) -> int:
        """Characters of text under the walk's start (counted once, when first asked)."""
        if self._page_chars < 0:
            self._page_chars = len(self.start.text_content())
        return self._page_chars

    def hidden(self, el: Any) -> bool:
        """Hidden, and no accident hiding most of the page."""
        return bool(
            (el.get("style") or el.get("hidden") is not None or el.get("aria-hidden"))
            and is_hidden(el)
            and len(el.text_content()) < 0.5 * self.page_chars()
        )

    def swallowed(self, el: Any, tag: str) -> bool:
        """A form control holding half the page's text or more: a parsing accident
        (an unclosed ``<button>`` makes the rest of the page its content), read as
        any other element."""
        return tag in CONTROL_TAGS and len(el.text_content()) >= 0.5 * self.page_chars()

    def of(self, el: Any, tag: str) -> tuple[bool, bool, bool]:
        """Whether ``el`` is a caption (and small enough to be one), a comment section
        (and not the whole page), and unlikely content, by its class and id."""
        cls, ident = el.get("class"), el.get("id")
        if not (cls or ident):
            return False, False, False
        mark = f"{cls or ''} {ident or ''}".lower()
        verdict = self._verdicts.get(mark)
        if verdict is None:
            verdict = self._verdicts[mark] = (
                _names_caption(mark),
                not COMMENT_TOKENS.isdisjoint(mark.split()),
                bool(_UNLIKELY.search(mark)) and not _MAYBE.search(mark),
            )
        caption, comments, unlikely = verdict
        if caption and tag not in FIGURE_TAGS:
            caption = len(el.text_content().split()) <= CAPTION_MAX_WORDS
        if comments:
            comments = len(el.text_content()) < 0.5 * self.page_chars()
        return caption, comments, unlikely
