"""The body as Markdown: a view of the kept paragraphs that changes no decision.

HTML input: each paragraph's element gives its shape — a heading with its level,
a list item (ordered or not, nested by its depth), a table cell (the cells of one
row become a row of a Markdown table, the first row its header), a line of a
``<pre>`` or ``<code>`` block (fenced), a block quote. Text input: a line that
opens with a bullet or a number is a list item. Everything else is a paragraph.
Asked for the title, the Markdown opens with it as a level-one heading.

>>> from dechaff import clean_html
>>> r = clean_html("<html><head><title>Plain bread</title></head><body><article>"
...                "<h1>Plain bread</h1><p>A loaf for every day, "
...                "with four things you have at home.</p><h2>What you do</h2><ol><li>Mix "
...                "the flour and the water.</li><li>Knead the dough.</li></ol><table><tr>"
...                "<th>Flour</th><td>500 g</td></tr><tr><th>Water</th><td>350 ml</td></tr>"
...                "</table><p>Bake it for forty minutes, and let it cool.</p></article>"
...                "</body></html>")
>>> print(r.markdown(title=True))
# Plain bread
<BLANKLINE>
A loaf for every day, with four things you have at home.
<BLANKLINE>
## What you do
<BLANKLINE>
1. Mix the flour and the water.
1. Knead the dough.
<BLANKLINE>
| Flour | 500 g |
| --- | --- |
| Water | 350 ml |
<BLANKLINE>
Bake it for forty minutes, and let it cool.

The reading stage reads a ``<pre>`` element as one line (its text, and the body's,
hold its line breaks as spaces); the view puts its line breaks and indents back,
so a code block comes out fenced with its lines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .blocks import Block, InlineMark
from .marks import BULLET_LINE, CLOSERS, SENTENCE_ENDS

if TYPE_CHECKING:
    from .result import CleanResult

_STEP = re.compile(r"([a-z0-9]+)(?:\[\d+\])?")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")


@dataclass(frozen=True)
class MarkdownOptions:
    """What the Markdown shows beyond the structure, emphasis and inline code: the
    page's links and its images. Every output that carries Markdown (corpora,
    Spark, the Hugging Face helper, datatrove) takes these or ``True`` (neither).
    """

    links: bool = False
    images: bool = False

    @classmethod
    def of(cls, markdown: bool | MarkdownOptions) -> MarkdownOptions | None:
        """The options ``markdown`` asks for; ``None`` for no Markdown."""
        if isinstance(markdown, MarkdownOptions):
            return markdown
        return cls() if markdown else None

    def render(self, result: CleanResult, *, title: bool = False) -> str:
        """``result``'s Markdown with these options; with ``title``, under its title."""
        return result.markdown(title=title, links=self.links, images=self.images)


@dataclass(frozen=True)
class Inline:
    """Which inline elements the view shows: emphasis and code always, links and
    images when asked, their addresses resolved against ``base`` (the page's own)
    when it is known."""

    links: bool = False
    images: bool = False
    base: str | None = None

    def shows(self, mark: InlineMark) -> bool:
        if mark.kind == "link":
            return self.links and _address(mark.target)
        if mark.kind == "image":
            return self.images and _address(mark.target)
        return True

    def resolved(self, marks: Sequence[InlineMark]) -> list[InlineMark]:
        """``marks`` with their addresses made absolute against :attr:`base`."""
        if not self.base or not (self.links or self.images):
            return list(marks)
        return [m._replace(target=urljoin(self.base, m.target.strip())) if m.target else m
                for m in marks]  # fmt: skip


def _address(target: str | None) -> bool:
    """A link or image address worth writing: not empty, no script, no bare anchor."""
    target = (target or "").strip()
    return (
        bool(target)
        and not target.startswith("#")
        and not target.lower().startswith(("javascript:", "data:"))
    )


@dataclass(frozen=True)
class _Piece:
    """One paragraph's Markdown, and what it may join with on the next line."""

    text: str
    group: str = ""
    """Pieces of one group (a list, a table, a code block) follow on the next
    line; anything else is a blank line apart."""
    item: str = ""
    """A list item's element: a second paragraph of the same item continues it,
    indented under its first, without a marker of its own."""
    lead: str = ""
    """A list item's marker, indented by its depth."""


def to_markdown(
    paragraphs: Sequence[tuple[int, str]],
    blocks: Sequence[Block],
    title: str | None = None,
    inline: Inline = Inline(),
) -> str:
    """The Markdown of ``paragraphs`` (each with the index of the block of
    ``blocks`` it comes from), under ``title`` when there is one."""
    pieces = [_Piece(f"# {title}", "title")] if title else []
    cells = _data_cells(blocks)
    texts = [text for _, text in paragraphs]
    for n, (index, text) in enumerate(paragraphs):
        if blocks[index].dom is None:
            before, after = (
                texts[n - 1] if n else None,
                texts[n + 1] if n + 1 < len(texts) else None,
            )
            pieces.append(_plain_line(text, before, after))
        else:
            pieces.extend(_shape(blocks[index], text, inline, cells))
    return _join(_tables(_list_items(pieces)))


def _shape(block: Block, text: str, inline: Inline, cells: frozenset[str]) -> list[_Piece]:
    """A paragraph of HTML input (``text``, what is kept of ``block``) shaped by the
    elements it stands in: a code block, a heading, a table cell of one of the
    page's data ``cells``, a list item, a quote, else a paragraph."""
    dom = block.dom
    assert dom is not None  # (text input's lines: _plain_line)
    steps = [m.group(1) for m in _STEP.finditer(dom.xpath.lower())]
    if dom.tag in {"pre", "code"} or "pre" in steps:
        code = _code_lines(text, dom.breaks) if text == block.text else text
        return [_Piece(code, "code:" + _owner(dom.xpath, "pre"))]
    shown = inline.resolved([m for m in _marks_within(block, text) if inline.shows(m)])
    if dom.heading:  # (a heading stands out already: no emphasis in it)
        shown = [m for m in shown if m.kind in {"link", "image", "code"}]
        return [_Piece("#" * dom.heading + " " + marked(text, shown))]
    text = marked(text, shown)
    cell = _owner(dom.xpath, "td", "th") if "td" in steps or "th" in steps else ""
    if cell in cells:
        return [_Piece(text, "row:" + _owner(dom.xpath, "tr"), cell)]
    if dom.list_item and "li" in steps:
        return [_Piece(text, "list", _owner(dom.xpath, "li"), _list_lead(steps))]
    if "blockquote" in steps:
        return [_Piece("> " + text, "quote")]
    return [_Piece(text)]


def _marks_within(block: Block, text: str) -> list[InlineMark]:
    """The marks of ``block`` over ``text``, the part of its text kept (moved to
    ``text``'s offsets); none when ``text`` is no part of it (a repaired text)."""
    marks = block.dom.marks if block.dom else ()
    if not marks or text == block.text:
        return list(marks)
    at = block.text.find(text)
    if at < 0:
        return []
    end = at + len(text)
    return [
        m._replace(start=m.start - at, end=m.end - at)
        for m in marks
        if at <= m.start and m.end <= end and (m.kind != "image" or m.start < end)
    ]


_SIGNS = {"strong": ("**", "**"), "em": ("*", "*"), "code": ("`", "`"), "link": ("[", "]")}


def marked(text: str, marks: Sequence[InlineMark]) -> str:
    """``text`` with its inline ``marks`` written in Markdown. A mark that crosses
    one already written, repeats one around the same words, or stands inside code
    is left out.

    >>> marked("a bold link here", [InlineMark(2, 11, "link", "/b"),
    ...                             InlineMark(2, 6, "strong")])
    'a [**bold** link](/b) here'
    """
    chosen: list[InlineMark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        holders = [c for c in chosen if c.start <= mark.start and mark.end <= c.end]
        crosses = any(c.start < mark.start < c.end < mark.end for c in chosen)
        repeats = any((c.start, c.end, c.kind) == mark[:3] for c in holders)
        in_code = any(c.kind == "code" for c in holders)
        if not (crosses or repeats or in_code):
            chosen.append(mark)
    inserts: list[tuple[int, int, str]] = []  # (offset, order, sign): closers first
    for n, mark in enumerate(chosen):
        if mark.kind == "image":
            inserts.append((mark.start, 1, f"![{mark.label or ''}]({mark.target}) "))
            continue
        opening, closing = _SIGNS[mark.kind]
        if mark.kind == "link":
            closing += f"({mark.target})"
        inserts.append((mark.start, 1 + n, opening))
        inserts.append((mark.end, -1 - n, closing))
    out, at = [], 0
    for offset, _, sign in sorted(inserts):
        out.append(text[at:offset])
        out.append(sign)
        at = offset
    out.append(text[at:])
    return "".join(out)


def _code_lines(text: str, breaks: Sequence[tuple[int, int]]) -> str:
    """``text`` with the line breaks of its ``<pre>`` put back, each line indented
    as it was.

    >>> print(_code_lines("def f(): return 1", [(8, 4)]))
    def f():
        return 1
    """
    lines, start = [], 0
    indent = 0
    for at, next_indent in breaks:
        lines.append(" " * indent + text[start:at])
        start, indent = at + 1, next_indent
    lines.append(" " * indent + text[start:])
    return "\n".join(lines)


HEADING_MAX_WORDS = 12
"""Text input: a line of at most this many words may read as a heading."""
PROSE_MIN_WORDS = 12
"""Text input: a line of this many words or more reads as prose (as does one that
ends a sentence)."""
_UNFINISHED = (SENTENCE_ENDS - {"?", "？"}) | frozenset(",;:…")
"""How a heading does not end (it may ask a question)."""


def _plain_line(text: str, before: str | None, after: str | None) -> _Piece:
    """A line of text input: a short line shaped like a heading, between prose (or
    at the start) and before prose, is a heading (its level unknown: ``##``; a
    numbered one keeps its number: "3. Functional foods"); else a bulleted or
    numbered line is a list item."""
    bullet = BULLET_LINE.match(text)
    framed = after is not None and _prose(after) and (before is None or _prose(before))
    if framed and (not bullet or _NUMBERED.match(text)) and _heading_shaped(text):
        return _Piece(f"## {text}")
    if bullet:
        mark = "1." if _NUMBERED.match(text) else "-"
        return _Piece(f"{mark} {BULLET_LINE.sub('', text, count=1)}", "list")
    return _Piece(text)


def _heading_shaped(text: str) -> bool:
    """Short, opening with a capital or a digit, and not ending like a sentence."""
    words = len(text.split())
    opening = text[:1]
    return (
        1 <= words <= HEADING_MAX_WORDS
        and text[-1] not in _UNFINISHED
        and (opening.isupper() or opening.isdigit())
    )


def _prose(text: str) -> bool:
    """A line of running text: long, or ending a sentence (or trailing off: "…")."""
    end = text.rstrip("".join(CLOSERS))[-1:]
    return len(text.split()) >= PROSE_MIN_WORDS or (end != "" and end in SENTENCE_ENDS | {"…"})


def _owner(xpath: str, *tags: str) -> str:
    """The path of the nearest element of one of ``tags`` that holds ``xpath``'s
    element."""
    parts = xpath.split("/")
    for at in range(len(parts) - 1, -1, -1):
        if parts[at].lower().split("[")[0] in tags:
            return "/".join(parts[: at + 1])
    return xpath


CELL_MAX_LINES = 5
CELL_MAX_WORDS = 150
"""A table cell that holds more lines or words than these lays out a page (an
article in a layout table's cell): its text is written as paragraphs."""


def _data_cells(blocks: Sequence[Block]) -> frozenset[str]:
    """The table cells of the page (by path) that hold data, not a page's layout:
    as the page has them, at most :data:`CELL_MAX_LINES` lines and
    :data:`CELL_MAX_WORDS` words."""
    lines: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for block in blocks:
        path = block.dom.xpath if block.dom else ""
        if "/td" not in path and "/th" not in path:  # (most blocks: no step looked at)
            continue
        steps = [m.group(1) for m in _STEP.finditer(path.lower())]
        if "td" in steps or "th" in steps:
            cell = _owner(path, "td", "th")
            lines[cell] += 1
            words[cell] += len(block.text.split())
    return frozenset(c for c in lines if lines[c] <= CELL_MAX_LINES and words[c] <= CELL_MAX_WORDS)


def _list_lead(steps: list[str]) -> str:
    """A list item's marker (``- `` or ``1. ``), indented under the markers of the
    items that hold it, as CommonMark nests a list."""
    markers = ["1. " if n > 0 and steps[n - 1] == "ol" else "- "
               for n, step in enumerate(steps) if step == "li"]  # fmt: skip
    return "".join(" " * len(m) for m in markers[:-1]) + markers[-1]


def _list_items(pieces: list[_Piece]) -> list[_Piece]:
    """List items written with their markers; the second and later paragraphs of
    one item (a product card's name, price and rating, each its own element
    inside one ``<li>``) continue it, indented under its first."""
    out: list[_Piece] = []
    started: set[str] = set()  # the items begun in the list being written
    for piece in pieces:
        if not piece.lead:
            started.clear()
            out.append(piece)
            continue
        if piece.item in started:
            text = " " * len(piece.lead) + piece.text
        else:
            started.add(piece.item)
            text = piece.lead + piece.text
        out.append(_Piece(text, piece.group))
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _tables(pieces: list[_Piece]) -> list[_Piece]:
    """Cells of one row joined into a Markdown table row (the lines of one cell
    into one cell); a separator after the first row of each table."""
    out: list[_Piece] = []
    for piece in pieces:
        if not piece.group.startswith("row:"):
            out.append(piece)
        elif out and out[-1].group == piece.group and out[-1].item == piece.item:
            out[-1] = _Piece(out[-1].text + " " + _cell(piece.text), piece.group, piece.item)
        elif out and out[-1].group == piece.group:
            out[-1] = _Piece(out[-1].text + " | " + _cell(piece.text), piece.group, piece.item)
        else:
            out.append(_Piece(_cell(piece.text), piece.group, piece.item))
    rows: list[_Piece] = []
    for n, piece in enumerate(out):
        if not piece.group.startswith("row:"):
            rows.append(piece)
            continue
        cells = piece.text.count(" | ") + 1
        row = _Piece(f"| {piece.text} |", "table")
        first = n == 0 or not out[n - 1].group.startswith("row:")
        rows.append(row)
        if first:
            rows.append(_Piece("|" + " --- |" * cells, "table"))
    return rows


def _join(pieces: list[_Piece]) -> str:
    lines: list[str] = []
    previous = ""
    fenced = ""
    for piece in pieces:
        code = piece.group if piece.group.startswith("code:") else ""
        if fenced and code != fenced:
            lines.append("```")
            fenced = ""
        together = piece.group and piece.group == previous and piece.group != "title"
        if lines and not together:
            lines.append("")
        if code and code != fenced:
            lines.append("```")
            fenced = code
        lines.append(piece.text)
        previous = piece.group
    if fenced:
        lines.append("```")
    return "\n".join(lines)
