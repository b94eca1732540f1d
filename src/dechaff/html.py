"""HTML input: parse a page, turn its visible text into blocks that carry DOM evidence.

The page's *visible text* is built here: one line per block-level element (and
per ``<br>``), scripts, styles, comments and hidden elements left out. Spans in
the report of :func:`clean_html` point into that text, and every block also
names the element it came from (an XPath), so a removal can be found in the page.

Each block carries a :class:`DomInfo`: its tag and path, heading level, whether
it is a list item, its link density, the landmark it sits in (nav, header,
footer, aside, form), the content score of its nearest scored ancestor, and
whether it lies inside the page's main content (both from
:mod:`dechaff.main_element`, readability-lxml's algorithm).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

from .blocks import Block, DomInfo
from .decode import decode_bytes
from .main_element import choose
from .markup import BLOCK_TAGS, LANDMARK_ROLES, LANDMARK_TAGS, SKIP_TAGS, VOID_TAGS, is_hidden
from .textutil import squash

_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_CAPTION_HINT = re.compile(r"caption|photo-?credit|image-?credit|wp-caption")  # lower case
# Class or id tokens that name a comment section (whole tokens: "comments-open" on a
# WordPress <body> names no section).
COMMENT_TOKENS = frozenset(
    """comments comment-list commentlist comment-body comment-content comments-area
    comments-section comment-section respond disqus_thread""".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlPage:
    """A parsed page: its visible text, its blocks, and what its head says."""

    text: str
    blocks: tuple[Block, ...]
    title: str | None
    """The document title: og:title, else ``<title>``."""


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document (after a BOM and whitespace).

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("Skip to content\\nThe river rose.")
    False
    """
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in text[:20000].lower() or "<head" in head)
    )


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: a BOM, then the meta charset, then UTF-8, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            return data.decode(codec.name, errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def parse(html: str) -> HtmlPage:
    """Parse ``html`` and build its visible text and blocks.

    lxml (libxml2) stops reading a document at elements nested more than 2,048
    deep; when it reports that, the page is read again by a streaming reader that
    has no depth limit and no DOM evidence beyond tags (:func:`_stream_page`).
    """
    root = _document(html)
    if root is None:
        return _stream_page(html)
    title = _document_title(root)
    tree = root.getroottree()
    lines, hidden = _lines(root)
    main = choose(root, hidden)
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, owner, link_chars, landmark, list_item, figure, comments in lines:
        if blocks:
            pieces.append("\n")
            offset += 1
        tag = owner.tag if isinstance(owner.tag, str) else "?"
        in_main, score = main.evidence(owner)
        info = DomInfo(
            tag=tag,
            xpath=tree.getpath(owner),
            heading=int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0,
            list_item=list_item,
            in_figure=figure,
            in_comments=comments,
            link_density=round(min(1.0, link_chars / max(1, len(text))), 3),
            landmark=landmark,
            content_score=score,
            in_main=in_main,
        )
        blocks.append(Block(len(blocks), offset, offset + len(text), text, 0, dom=info))
        pieces.append(text)
        offset += len(text)
    return HtmlPage("".join(pieces), tuple(blocks), title)


# Every element an HtmlElement (text_content and friends), chosen in C: lxml.html's own
# lookup calls back into Python for each element.
_HTML_ELEMENTS = etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement)


def _document(html: str) -> Any:
    """lxml's tree of the page: ``None`` when empty, or when libxml2 could not hold
    the whole page (it stops at elements nested more than 2,048 deep)."""
    if not html.strip():
        return None
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, recover=True, huge_tree=True
    )
    parser.set_element_class_lookup(_HTML_ELEMENTS)
    try:
        root = etree.fromstring(html.encode("utf-8"), parser)
    except (etree.ParseError, ValueError):
        return None
    if root is None or parser.error_log.filter_types([etree.ErrorTypes.ERR_RESOURCE_LIMIT]):
        return None
    return root


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


class _Streamer(HTMLParser):
    """Visible text by events: no tree, so no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, str, str, int]] = []  # text, tag, path, link chars
        self.pieces: list[str] = []
        self.link_chars = 0
        self.stack: list[str] = []
        self.skip = 0
        self.links = 0
        self.title: list[str] = []
        self.in_title = False

    def path(self) -> str:
        tail = "/".join(self.stack[-8:])
        return ("/…/" if len(self.stack) > 8 else "/") + tail

    def flush(self) -> None:
        text = squash("".join(self.pieces))
        if text:
            tag = next((t for t in reversed(self.stack) if t in BLOCK_TAGS), "body")
            self.lines.append((text, tag, self.path(), self.link_chars))
        self.pieces, self.link_chars = [], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in VOID_TAGS:
            if tag == "br":
                self.flush()
            return
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag in BLOCK_TAGS:
            self.flush()
        self.links += tag == "a"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in SKIP_TAGS:
                self.skip -= 1
            self.links -= open_tag == "a"
            if open_tag in BLOCK_TAGS:
                self.flush()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip > 0:
            return
        self.pieces.append(data)
        if self.links > 0:
            self.link_chars += len(data.strip())


def _stream_page(html: str) -> HtmlPage:
    streamer = _Streamer()
    try:
        # Marked sections ("<![if …]>", CDATA) are the one construct html.parser rejects.
        streamer.feed(html.replace("<![", "&lt;!["))
        streamer.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser's last resort
        streamer = _Streamer()
        streamer.feed(_TAG.sub("\n", html).replace("<", "&lt;"))
        streamer.close()
    streamer.flush()
    blocks: list[Block] = []
    offset = 0
    for text, tag, path, link_chars in streamer.lines:
        if blocks:
            offset += 1
        heading = int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0
        info = DomInfo(
            tag=tag,
            xpath=path,
            heading=heading,
            link_density=round(min(1.0, link_chars / max(1, len(text))), 3),
        )
        blocks.append(Block(len(blocks), offset, offset + len(text), text, 0, dom=info))
        offset += len(text)
    title = squash("".join(streamer.title)) or None
    return HtmlPage("\n".join(t for t, _, _, _ in streamer.lines), tuple(blocks), title)


def _document_title(root: Any) -> str | None:
    """og:title, else ``<title>``."""
    metas = (m.get("content") or "" for m in root.iter("meta") if m.get("property") == "og:title")
    found = " ".join(metas).strip() or " ".join(" ".join(t.itertext()) for t in root.iter("title"))
    return squash(found) or None


_Line = tuple[str, Any, int, str | None, bool, bool, bool]


def _lines(root: Any) -> tuple[list[_Line], set[Any]]:
    """(text, owner, link characters, landmark, list item, in figure, in comments) per
    line, and the hidden elements left out.

    A hidden element that holds most of the page is a markup accident (an unclosed
    tag) or an article revealed by script: either way its text is the page.
    """
    body = root.find("body")
    start = body if body is not None else root
    out: list[_Line] = []
    hidden: set[Any] = set()
    pieces: list[str] = []
    link_chars = 0
    owners: list[Any] = [start]
    landmarks: list[str | None] = [None]  # per open block: the landmark it opens, if any
    landmark: str | None = None  # the innermost open landmark
    lists = 0
    links = 0
    captions: list[Any] = []
    comment_sections: list[Any] = []
    line_owner: Any = None
    line_caption = line_comments = False
    page_chars = -1

    def flush() -> None:
        nonlocal pieces, link_chars, line_owner
        if line_owner is not None:
            text = squash("".join(pieces))
            if text:
                out.append(
                    (text, line_owner, link_chars, landmark, lists > 0, line_caption, line_comments)
                )
        pieces, link_chars, line_owner = [], 0, None

    def add(text: str) -> None:
        nonlocal link_chars, line_owner, line_caption, line_comments
        if line_owner is None:
            if text.isspace():
                return  # whitespace before a line's first character is layout
            line_owner = owners[-1]
            line_caption = bool(captions)
            line_comments = bool(comment_sections)
        pieces.append(text)
        if links:
            link_chars += len(text.strip())

    walker = etree.iterwalk(start, events=("start", "end"))
    skipping = False
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in SKIP_TAGS or not isinstance(tag, str):
                walker.skip_subtree()
                skipping = True
                continue
            if (
                el.get("style") or el.get("hidden") is not None or el.get("aria-hidden")
            ) and is_hidden(el):
                if page_chars < 0:
                    page_chars = len(start.text_content())
                if len(el.text_content()) < 0.5 * page_chars:
                    hidden.add(el)
                    walker.skip_subtree()
                    skipping = True
                    continue
            if tag == "br":
                flush()
                continue
            if tag in BLOCK_TAGS:
                flush()
                role = el.get("role")
                opens = LANDMARK_ROLES.get(role) if role else None
                opens = opens or (tag if tag in LANDMARK_TAGS else None)
                owners.append(el)
                landmarks.append(opens)
                if opens:
                    landmark = opens
                if tag == "li":
                    lists += 1
            elif tag == "a":
                links += 1
            if tag in _FIGURE_TAGS:
                captions.append(el)
            cls, ident = el.get("class"), el.get("id")
            if cls or ident:
                marks = f"{cls or ''} {ident or ''}".lower()
                if (
                    _CAPTION_HINT.search(marks)
                    and not (captions and captions[-1] is el)
                    and len(el.text_content().split()) <= 80  # a caption, not a wrapper
                ):
                    captions.append(el)
                if not COMMENT_TOKENS.isdisjoint(marks.split()):
                    if page_chars < 0:
                        page_chars = len(start.text_content())
                    if len(el.text_content()) < 0.5 * page_chars:  # a section, not the page
                        comment_sections.append(el)
            head = el.text
            if head:
                add(head)
            continue
        if skipping:
            skipping = False
        elif tag in BLOCK_TAGS:
            flush()
            owners.pop()
            if landmarks.pop():
                landmark = next((m for m in reversed(landmarks) if m), None)
            if tag == "li":
                lists -= 1
        elif tag == "a":
            links -= 1
        if captions and captions[-1] is el:
            captions.pop()
        if comment_sections and comment_sections[-1] is el:
            comment_sections.pop()
        tail = el.tail
        if tail and el is not start:
            add(tail)
    flush()
    return out, hidden
