"""One walk over a parsed page: everything dechaff reads from the DOM.

The walk gathers two things at once, because both need every element:

* the page's *visible lines*: one per block-level element (and per ``<br>``),
  scripts, styles, comments and hidden elements left out, each with the evidence
  its element gives (owner, link characters, landmark, list item, caption,
  comment section);
* per element, what :mod:`dechaff.main_element` needs to choose the main content
  the way readability-lxml does: tag, parent, extent, the length of its text as
  readability-lxml measures it (whitespace runs count one character, none at the
  ends), commas, link text, whether it holds block-like descendants, the loose
  text runs of a ``<div>``, and whether its class or id mark it as unlikely content.

Elements are numbered in document order, so the descendants of element ``i`` are
exactly ``i + 1 … ends[i]``. The walk runs once per element of the page, so its
bookkeeping is written out in the loop rather than called.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from lxml import etree

from .markup import BLOCK_TAGS, LANDMARK_ROLES, LANDMARK_TAGS, SKIP_TAGS, is_hidden
from .readability_patterns import REGEXES
from .textutil import squash


def folded(name: str) -> re.Pattern[str]:
    """readability-lxml's case-blind pattern ``name``, for text already in lower
    case: matching without IGNORECASE is several times faster."""
    pattern = REGEXES[name].pattern
    assert pattern == pattern.lower(), name
    return re.compile(pattern)


_UNLIKELY = folded("unlikelyCandidatesRe")
_MAYBE = folded("okMaybeItsACandidateRe")
INLINE_TAGS = frozenset("a b cite code em font i small span strong sub sup u".split())
# A <div> whose descendants include one of these (by tag prefix, as readability-lxml's
# pattern matches the markup) holds blocks of its own; any other <div> is a paragraph.
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_SHELTERS = frozenset({"aside", "nav", "form"})
_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_CAPTION_HINT = re.compile(r"caption|photo-?credit|image-?credit|wp-caption")  # lower case
COMMENT_TOKENS = frozenset(
    """comments comment-list commentlist comment-body comment-content comments-area
    comments-section comment-section respond disqus_thread""".split()
)
"""Class or id tokens that name a comment section (whole tokens: "comments-open" on a
WordPress ``<body>`` names no section)."""

Line = tuple[str, int, int, str | None, bool, bool, bool]
"""A visible line: text, owner element, link characters, landmark, in a list item,
in a caption, in a comment section."""


class Text:
    """A stretch of text measured as readability-lxml measures it, piece by piece."""

    __slots__ = ("commas", "lead", "length", "pending")

    def __init__(
        self, length: int = 0, lead: bool = False, pending: bool = False, commas: int = 0
    ) -> None:
        self.length = length
        self.lead = lead  # whitespace before the first character
        self.pending = pending  # whitespace after the last character
        self.commas = commas

    def add(self, s: str | None) -> None:
        if not s:
            return
        if s.isspace():
            self.pending = True
            return
        self.join(len(" ".join(s.split())), s[0].isspace(), s[-1].isspace(), s.count(","))

    def join(self, length: int, lead: bool, trail: bool, commas: int) -> None:
        if not length:
            self.pending = self.pending or trail
            return
        if self.length:
            self.length += length + (self.pending or lead)
        else:
            self.lead = self.pending or lead
            self.length = length
        self.pending = trail
        self.commas += commas


class _Runs:
    """The paragraphs readability-lxml wraps a block ``<div>``'s loose text into:
    runs of text and inline children, and the text after each block child."""

    __slots__ = ("current", "done", "in_run")

    def __init__(self, head: str | None) -> None:
        self.current: Text | None = None
        self.in_run = False
        self.done: list[Text] = []
        if head and not head.isspace():
            self.current = Text()
            self.current.add(head)
            self.in_run = True

    def inline(self, text: Text, tail: str | None) -> None:
        if not self.in_run:
            self._close()
            self.current, self.in_run = Text(), True
        assert self.current is not None
        self.current.join(text.length, text.lead, text.pending, text.commas)
        self.current.add(tail)

    def block(self, tail: str | None) -> None:
        self._close()
        if tail and not tail.isspace():
            self.current = Text()
            self.current.add(tail)

    def dropped(self, tail: str | None) -> None:
        if self.current is None:
            if not tail or tail.isspace():
                return
            self.current, self.in_run = Text(), True
        self.current.add(tail)

    def close(self) -> list[Text]:
        self._close()
        return self.done

    def _close(self) -> None:
        if self.current is not None:
            self.done.append(self.current)
        self.current, self.in_run = None, False


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
    elements, tags, parents, ends = survey.elements, survey.tags, survey.parents, survey.ends
    lengths, commas, links, blocky = survey.lengths, survey.commas, survey.links, survey.blocky
    lines, hidden = survey.lines, survey.hidden
    leads: list[bool] = []  # whitespace before the first character
    trails: list[bool] = []  # whitespace after the last character (so far)
    opened: list[int] = []
    # per open element: its children so far, by tag (made when the first one starts)
    seen: list[dict[str, int] | None] = [None]
    positions, siblings = survey.positions, survey.siblings
    runs: dict[int, _Runs] = {}
    doomed: set[int] = set()  # unlikely, and in no <pre> or <code>
    holds_article: set[int] = set()  # have a <main>, <article> or <math> in them or are one
    marks: dict[str, tuple[bool, bool, bool]] = {}  # class and id -> caption, comments, unlikely
    blockish: dict[str, bool] = {}  # tag -> starts like a block's
    removed: list[int] = []
    pre_depth = 0
    page_chars = -1
    # the line being built
    pieces: list[str] = []
    line_links = 0
    line_owner = -1
    line_caption = line_comments = False
    owners: list[int] = []  # open block elements
    landmarks: list[str | None] = []  # per open block: the landmark it opens, if any
    landmark: str | None = None  # the innermost open landmark
    list_items = open_links = 0
    captions: list[int] = []
    comment_sections: list[int] = []

    def flush() -> None:  # called when a line has begun
        nonlocal pieces, line_links, line_owner
        text = squash("".join(pieces))
        if text:
            lines.append(
                (text, line_owner, line_links, landmark, list_items > 0, line_caption,
                 line_comments)
            )  # fmt: skip
        pieces, line_links, line_owner = [], 0, -1

    def page_length() -> int:
        nonlocal page_chars
        if page_chars < 0:
            page_chars = len(start.text_content())
        return page_chars

    walker = etree.iterwalk(start, events=("start", "end"))
    skipping = False
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
            if tag in SKIP_TAGS:
                walker.skip_subtree()
                skipping = True
                if opened and (tag == "embed" or (tag == "input" and el.get("type") != "hidden")):
                    counter = survey.embeds if tag == "embed" else survey.inputs
                    counter[opened[-1]] = counter.get(opened[-1], 0) + 1
                continue
            if (
                (el.get("style") or el.get("hidden") is not None or el.get("aria-hidden"))
                and is_hidden(el)
                and len(el.text_content()) < 0.5 * page_length()
            ):
                hidden.add(el)
                walker.skip_subtree()
                skipping = True
                continue
            i = len(tags)
            elements.append(el)
            tags.append(tag)
            positions.append(position)
            siblings.append(counted)
            seen.append(None)
            parents.append(opened[-1] if opened else -1)
            ends.append(i)
            # lines
            if tag == "br":
                if line_owner >= 0:
                    flush()
            elif tag in BLOCK_TAGS:
                if line_owner >= 0:
                    flush()
                role = el.get("role")
                opens = (LANDMARK_ROLES.get(role) if role else None) or (
                    tag if tag in LANDMARK_TAGS else None
                )
                owners.append(i)
                landmarks.append(opens)
                if opens:
                    landmark = opens
                if tag == "li":
                    list_items += 1
            elif tag == "a":
                open_links += 1
            if tag in _FIGURE_TAGS:
                captions.append(i)
            if tag == "pre" or tag == "code":
                pre_depth += 1
            cls, ident = el.get("class"), el.get("id")
            if cls or ident:
                mark = f"{cls or ''} {ident or ''}".lower()
                verdict = marks.get(mark)
                if verdict is None:
                    verdict = marks[mark] = (
                        _CAPTION_HINT.search(mark) is not None,
                        not COMMENT_TOKENS.isdisjoint(mark.split()),
                        bool(_UNLIKELY.search(mark)) and not _MAYBE.search(mark),
                    )
                caption, comments, unlikely = verdict
                if (
                    caption
                    and not (captions and captions[-1] == i)
                    and len(el.text_content().split()) <= 80  # a caption, not a wrapper
                ):
                    captions.append(i)
                if comments and len(el.text_content()) < 0.5 * page_length():
                    comment_sections.append(i)  # a section, not the page
                if unlikely and ruthless and not pre_depth and tag != "body":
                    doomed.add(i)
            if tag == "main" or tag == "article" or tag == "math":
                holds_article.update(opened)
                holds_article.add(i)
            # measures
            head = el.text
            if head and not head.isspace():
                if line_owner < 0:  # (show(head), written out)
                    line_owner = owners[-1]
                    line_caption = bool(captions)
                    line_comments = bool(comment_sections)
                pieces.append(head)
                if open_links:
                    line_links += len(head.strip())
                lengths.append(len(" ".join(head.split())))
                leads.append(head[0].isspace())
                trails.append(head[-1].isspace())
                commas.append(head.count(","))
            else:
                if head and line_owner >= 0:
                    pieces.append(head)
                lengths.append(0)
                leads.append(False)
                trails.append(bool(head))
                commas.append(0)
            links.append(0)
            blocky.append(False)
            if tag == "div":
                runs[i] = _Runs(head)
            opened.append(i)
            continue
        tail = el.tail if el is not start else None
        if skipping:  # the end of a skipped element: only its tail counts
            skipping = False
            if not opened:
                continue
            parent = opened[-1]
            if tail and parent in runs:
                runs[parent].dropped(tail)
        else:
            i = opened.pop()
            seen.pop()
            tag = tags[i]
            ends[i] = len(tags) - 1
            # lines
            if tag in BLOCK_TAGS:
                if line_owner >= 0:
                    flush()
                owners.pop()
                if landmarks.pop():
                    landmark = next((m for m in reversed(landmarks) if m), None)
                if tag == "li":
                    list_items -= 1
            elif tag == "a":
                open_links -= 1
            if captions and captions[-1] == i:
                captions.pop()
            if comment_sections and comment_sections[-1] == i:
                comment_sections.pop()
            # measures
            if tag == "pre" or tag == "code":
                pre_depth -= 1
            if tag == "a":
                links[i] += lengths[i]
            elif tag == "div":
                loose = runs.pop(i).close()
                if blocky[i]:
                    survey.loose[i] = loose
            if not opened:
                continue
            parent = opened[-1]
            if i in doomed and i not in holds_article:
                removed.append(i)
                if parent in runs:
                    runs[parent].dropped(tail)
            else:
                n = lengths[i]
                if n:
                    if lengths[parent]:
                        lengths[parent] += n + (trails[parent] or leads[i])
                    else:
                        leads[parent] = trails[parent] or leads[i]
                        lengths[parent] = n
                    trails[parent] = trails[i]
                    commas[parent] += commas[i]
                elif trails[i]:
                    trails[parent] = True
                links[parent] += links[i]
                if not blocky[parent]:
                    if blocky[i]:
                        blocky[parent] = True
                    else:
                        starts = blockish.get(tag)
                        if starts is None:
                            starts = blockish[tag] = tag.startswith(_BLOCK_PREFIXES)
                        blocky[parent] = starts
                if parent in runs:
                    wrapped = runs[parent]
                    if tag in INLINE_TAGS and not blocky[i]:
                        wrapped.inline(Text(n, leads[i], trails[i], commas[i]), tail)
                    elif wrapped.current is not None or (tail and not tail.isspace()):
                        wrapped.block(tail)  # (else nothing to close, nothing to start)
        # the tail joins the line and the parent's measure (written out: it runs for
        # nearly every element)
        if tail:
            if tail.isspace():
                if line_owner >= 0:
                    pieces.append(tail)
                trails[parent] = True
                continue
            if line_owner < 0:
                line_owner = owners[-1]
                line_caption = bool(captions)
                line_comments = bool(comment_sections)
            pieces.append(tail)
            if open_links:
                line_links += len(tail.strip())
            n = len(" ".join(tail.split()))
            if lengths[parent]:
                lengths[parent] += n + (trails[parent] or tail[0].isspace())
            else:
                leads[parent] = trails[parent] or tail[0].isspace()
                lengths[parent] = n
            trails[parent] = tail[-1].isspace()
            commas[parent] += tail.count(",")
    if line_owner >= 0:
        flush()
    survey.gone = [False] * len(tags)
    for i in removed:  # inner ones first: an outer one blanks them again, harmlessly
        survey.gone[i : ends[i] + 1] = [True] * (ends[i] + 1 - i)
    return survey
