"""HTML input: parse a page, turn its visible text into blocks that carry DOM evidence.

The page's *visible text* is one line per block-level element (and per ``<br>``),
scripts, styles, comments and hidden elements left out (read by
:mod:`dechaff.survey`). Spans in the report of :func:`clean_html` point into that
text, and every block also names the element it came from (an XPath), so a
removal can be found in the page.

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
from .markup import BLOCK_TAGS, SKIP_TAGS, VOID_TAGS
from .survey import read
from .textutil import squash

_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
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
    survey = read(root)
    main = choose(survey, lambda: read(root, ruthless=False))
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, index, link_chars, landmark, list_item, figure, comments in survey.lines:
        if blocks:
            pieces.append("\n")
            offset += 1
        tag = survey.tags[index]
        in_main, score = main.evidence(index)
        info = DomInfo(
            tag=tag,
            xpath=survey.path(index),
            heading=_HEADING_LEVELS.get(tag, 0),
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
        info = DomInfo(
            tag=tag,
            xpath=path,
            heading=_HEADING_LEVELS.get(tag, 0),
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
