"""Split raw page text into immutable blocks, one per non-blank line.

A block keeps its exact place in the input: ``raw[block.start:block.end] ==
block.text``. Leading and trailing whitespace of a line is not part of the
block; it is layout, and the clean text re-creates its own layout.

>>> [b.text for b in segment("Title\\n\\n  First para.  \\nSecond para.")]
['Title', 'First para.', 'Second para.']
>>> segment("a\\n\\n\\nb")[1].blank_before
2
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .marks import CLOSERS, LINE_END_MARKS, SENTENCE_ENDS, char_class
from .textutil import ASCII_WORD_BYTES, key, word_runs

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TERMINAL = re.compile(char_class(LINE_END_MARKS) + r"\W*$")
_SENTENCE_MARK = re.compile(
    char_class(SENTENCE_ENDS) + r"(?<![0-9][.])(?<!\b[A-Z][.])(?:\s|$|" + char_class(CLOSERS) + ")"
)
"""A sentence-ending mark, not a full stop after a digit or an initial (the mark is
matched first and the exceptions looked at behind it, which keeps the search fast)."""


class InlineMark(NamedTuple):
    """An inline element over part of a block's text: emphasis, code, a link or an
    image. Read for the Markdown view only; no filter reads it."""

    start: int
    """Offset in the block's text where the element's text begins."""
    end: int
    """Offset just past it (an image, which holds no text, has ``end == start``)."""
    kind: str
    """``strong``, ``em``, ``code``, ``link`` or ``image``."""
    target: str | None = None
    """A link's ``href``, an image's ``src``, as the page writes them."""
    label: str | None = None
    """An image's ``alt`` text."""


@dataclass(frozen=True, init=False)
class DomInfo:
    """What the HTML says about a block."""

    tag: str
    """The block-level element the text belongs to."""
    xpath: str
    """Where that element stands in the page."""
    heading: int = 0
    """1–6 for ``<h1>``–``<h6>``, else 0."""
    list_item: bool = False
    """Inside an ``<li>``."""
    link_density: float = 0.0
    """Share of the block's characters that are link text."""
    in_figure: bool = False
    """Inside a ``<figure>``, a ``<figcaption>`` or an element whose class or id says
    caption or credit."""
    in_comments: bool = False
    """Inside an element whose class or id names a comment section."""
    landmark: str | None = None
    """The nearest enclosing nav, header, footer, aside or form, if any."""
    content_score: float | None = None
    """The content score of the nearest scored ancestor (see :mod:`dechaff.html.main_element`)."""
    in_main: bool | None = None
    """Inside the element chosen as the main content; ``None`` when none was chosen."""
    breaks: tuple[tuple[int, int], ...] = ()
    """Inside a ``<pre>``: where its line breaks stood in the block's text (the
    offset of the space that stands for each, and the next line's indent). The
    text reads them as spaces; the Markdown view puts them back."""
    marks: tuple[InlineMark, ...] = ()
    """The inline elements over the block's text (:class:`InlineMark`)."""

    def __init__(
        self,
        tag: str,
        xpath: str,
        heading: int = 0,
        list_item: bool = False,
        link_density: float = 0.0,
        in_figure: bool = False,
        in_comments: bool = False,
        landmark: str | None = None,
        content_score: float | None = None,
        in_main: bool | None = None,
        breaks: tuple[tuple[int, int], ...] = (),
        marks: tuple[InlineMark, ...] = (),
    ) -> None:
        # Made once per block of an HTML page: the fields are set in one step (see Block).
        self.__dict__.update(
            tag=tag,
            xpath=xpath,
            heading=heading,
            list_item=list_item,
            link_density=link_density,
            in_figure=in_figure,
            in_comments=in_comments,
            landmark=landmark,
            content_score=content_score,
            in_main=in_main,
            breaks=breaks,
            marks=marks,
        )


@dataclass(frozen=True, init=False)
class Block:
    """One non-blank line of the input."""

    index: int
    """Position among the page's blocks, from 0."""
    start: int
    """Offset of the first character in the decoded input."""
    end: int
    """Offset just past the last character."""
    text: str
    """The line, stripped of surrounding whitespace."""
    blank_before: int = 0
    """How many blank lines separate it from the previous block."""
    dom: DomInfo | None = field(default=None, compare=False)
    """What the HTML said about the block (HTML input only)."""
    words: int = field(default=0, init=False, compare=False)
    """Word count; CJK characters count one word per two characters."""
    key: str = field(default="", init=False, compare=False)
    """The comparison key of the text (see :func:`dechaff.textutil.key`)."""
    ends_sentence: bool = field(default=False, init=False, compare=False)
    """True when the line ends like a sentence (terminal punctuation)."""

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        blank_before: int = 0,
        dom: DomInfo | None = None,
    ) -> None:
        # A line ending in a letter or digit cannot end in a terminal mark; otherwise
        # the last characters are enough to tell.
        ends = not text[-1:].isalnum() and _TERMINAL.search(text[-16:]) is not None
        # Blocks are made by the ten thousand: the fields are set in one step rather
        # than one frozen-dataclass __setattr__ bypass per field.
        self.__dict__.update(
            index=index,
            start=start,
            end=end,
            text=text,
            blank_before=blank_before,
            dom=dom,
            words=word_count(text),
            key=key(text),
            ends_sentence=ends,
        )

    @property
    def sentence_marks(self) -> int:
        """How many sentence-ending marks the line holds (counted on first use). A full
        stop after a digit is not one: it marks an ordinal ("am 18. Oktober", "des 19.
        Jahrhunderts") as often as it ends a sentence; nor is one after a lone capital
        letter, an initial ("John M. Ford", "the U.S. border").

        >>> Block(0, 0, 0, "Tagung am 26. und 27. Februar in Eichstätt").sentence_marks
        0
        >>> Block(0, 0, 0, "John M. Ford and the U.S. border").sentence_marks
        0
        >>> Block(0, 0, 0, "It rained. Then it snowed! Why?").sentence_marks
        3
        """
        found: int | None = self.__dict__.get("_sentence_marks")
        if found is None:
            found = self.__dict__["_sentence_marks"] = len(_SENTENCE_MARK.findall(self.text))
        return found


def word_count(text: str) -> int:
    """Runs of word characters; CJK characters count one word per two characters.

    >>> word_count("It was 10,000-12,000 people."), word_count("東京都に住む")
    (7, 4)
    """
    if text.isascii():  # the common case, counted in C
        return len(text.encode("ascii").translate(ASCII_WORD_BYTES).split())
    return len(word_runs(text)) + len(_CJK.findall(text)) // 2


def segment(raw: str) -> tuple[Block, ...]:
    """Cut ``raw`` into blocks at line breaks, dropping blank lines."""
    blocks: list[Block] = []
    position = 0
    blank = 0
    # str.splitlines breaks at exactly the line boundaries Unicode defines (\n, \r\n,
    # \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029), in C.
    for line in raw.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.find(stripped[0])  # past the leading white space
            index = len(blocks)
            blocks.append(
                Block(index, start, start + len(stripped), stripped, blank if index else 0)
            )
            blank = 0
        else:
            blank += 1
        position += len(line)
    return tuple(blocks)
