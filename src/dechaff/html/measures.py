"""readability-lxml's measures of every element, taken from the events of one walk.

Per element (by number in document order): the length of its text as
readability-lxml measures it (whitespace runs count one character, none at the
ends), its commas, its characters of link text, whether a descendant's tag starts
like a block's, the loose text runs of a block ``<div>`` (the paragraphs
readability-lxml would wrap them into), and which elements its first pass sets
aside as unlikely content. :mod:`dechaff.html.main_element` scores from these.
"""

from __future__ import annotations

INLINE_TAGS = frozenset("a b cite code em font i small span strong sub sup u".split())
# A <div> whose descendants include one of these (by tag prefix, as readability-lxml's
# pattern matches the markup) holds blocks of its own; any other <div> is a paragraph.
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
# Elements that are never set aside, with all that holds them.
_ARTICLE_TAGS = frozenset({"main", "article", "math"})


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


class Runs:
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


class Measures:
    """Takes the measures while a walk opens and closes elements (by number, in
    document order); each list is indexed by element."""

    def __init__(self, ruthless: bool) -> None:
        self.ruthless = ruthless
        self.lengths: list[int] = []
        self.commas: list[int] = []
        self.links: list[int] = []  # characters of link text (nested links twice)
        self.blocky: list[bool] = []  # a descendant's tag starts like a block's
        self.loose: dict[int, list[Text]] = {}  # block <div> -> its wrapped paragraphs
        self.removed: list[int] = []  # set aside as unlikely, in the order they ended
        self.leads: list[bool] = []  # whitespace before the first character
        self.trails: list[bool] = []  # whitespace after the last character (so far)
        self.runs: dict[int, Runs] = {}  # open <div>s: their loose text so far
        self.doomed: set[int] = set()  # unlikely, and in no <pre> or <code>
        self.holds_article: set[int] = set()  # hold a <main>, <article> or <math>, or are one
        self.blockish: dict[str, bool] = {}  # tag -> starts like a block's
        self.pre_depth = 0

    def open(self, i: int, tag: str, head: str | None, opened: list[int], unlikely: bool) -> None:
        """Element ``i`` starts, with ``head`` as its text before any child;
        ``opened``: the elements open around it; ``unlikely``: its class or id say
        it is unlikely content."""
        if tag == "pre" or tag == "code":
            self.pre_depth += 1
        if unlikely and self.ruthless and not self.pre_depth and tag != "body":
            self.doomed.add(i)
        if tag in _ARTICLE_TAGS:
            self.holds_article.update(opened)
            self.holds_article.add(i)
        if head and not head.isspace():
            self.lengths.append(len(" ".join(head.split())))
            self.leads.append(head[0].isspace())
            self.trails.append(head[-1].isspace())
            self.commas.append(head.count(","))
        else:
            self.lengths.append(0)
            self.leads.append(False)
            self.trails.append(bool(head))
            self.commas.append(0)
        self.links.append(0)
        self.blocky.append(False)
        if tag == "div":
            self.runs[i] = Runs(head)

    def close(self, i: int, tag: str) -> None:
        """Element ``i`` ends (before its tail)."""
        if tag == "pre" or tag == "code":
            self.pre_depth -= 1
        if tag == "a":
            self.links[i] += self.lengths[i]
        elif tag == "div":
            loose = self.runs.pop(i).close()
            if self.blocky[i]:
                self.loose[i] = loose

    def hand_up(self, i: int, tag: str, parent: int, tail: str | None) -> None:
        """Element ``i`` has ended inside ``parent``: add its measures to the parent's
        (unless it is set aside), and its place to the parent's loose text runs."""
        if i in self.doomed and i not in self.holds_article:
            self.removed.append(i)
            self.dropped(parent, tail)
            return
        n = self.lengths[i]
        self._extend(parent, n, self.leads[i], self.trails[i], self.commas[i])
        self.links[parent] += self.links[i]
        if not self.blocky[parent]:
            self.blocky[parent] = self.blocky[i] or self._blockish(tag)
        wrapped = self.runs.get(parent)
        if wrapped is not None:
            if tag in INLINE_TAGS and not self.blocky[i]:
                wrapped.inline(Text(n, self.leads[i], self.trails[i], self.commas[i]), tail)
            elif wrapped.current is not None or (tail and not tail.isspace()):
                wrapped.block(tail)  # (else nothing to close, nothing to start)

    def dropped(self, parent: int, tail: str | None) -> None:
        """A child of ``parent`` left out (skipped or set aside): only its tail counts
        towards the parent's loose text runs."""
        wrapped = self.runs.get(parent)
        if tail and wrapped is not None:
            wrapped.dropped(tail)

    def tail(self, parent: int, tail: str) -> None:
        """Text after a child of ``parent``: part of the parent's text."""
        if tail.isspace():
            self.trails[parent] = True
            return
        n = len(" ".join(tail.split()))
        self._extend(parent, n, tail[0].isspace(), tail[-1].isspace(), tail.count(","))

    def _extend(self, i: int, length: int, lead: bool, trail: bool, commas: int) -> None:
        """Add a measured stretch of text to element ``i``'s."""
        lengths = self.lengths
        if length:
            if lengths[i]:
                lengths[i] += length + (self.trails[i] or lead)
            else:
                self.leads[i] = self.trails[i] or lead
                lengths[i] = length
            self.trails[i] = trail
            self.commas[i] += commas
        elif trail:
            self.trails[i] = True

    def _blockish(self, tag: str) -> bool:
        starts = self.blockish.get(tag)
        if starts is None:
            starts = self.blockish[tag] = tag.startswith(_BLOCK_PREFIXES)
        return starts
