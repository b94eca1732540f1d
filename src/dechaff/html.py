"""HTML input: parse a page, turn its visible text into blocks that carry DOM evidence.

The page's *visible text* is built here: one line per block-level element (and
per ``<br>``), scripts, styles, comments and hidden elements left out. Spans in
the report of :func:`clean_html` point into that text, and every block also
names the element it came from (an XPath), so a removal can be found in the page.

Each block carries a :class:`DomInfo`: its tag and path, heading level, whether
it is a list item, its link density, the landmark it sits in (nav, header,
footer, aside, form), and the content score readability-lxml's algorithm gives
its nearest scored ancestor, with whether it lies inside the page's main content.
"""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree
from readability.readability import REGEXES, Document

from .blocks import Block, DomInfo
from .decode import decode_bytes
from .textutil import squash

BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section
    table tbody thead tfoot tr td th ul caption summary center menu legend""".split()
)
SKIP_TAGS = frozenset(
    """script style noscript template svg math iframe object embed canvas head title select
    option button input textarea video audio source track map area datalist""".split()
)
LANDMARK_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
LANDMARK_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
}
_FIGURE_TAGS = frozenset({"figure", "figcaption"})
_CAPTION_HINT = re.compile(r"caption|photo-?credit|image-?credit|wp-caption", re.IGNORECASE)
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

    lxml (libxml2) gives up on documents nested deeper than a few thousand
    elements; when its tree holds much less text than the markup does, the page
    is read again by a streaming reader that has no depth limit and no DOM
    evidence beyond tags (:func:`_stream_page`).
    """
    root = _document(html)
    if root is None or _lost_text(root, html):
        return _stream_page(html)
    title = _document_title(root)
    tree = root.getroottree()
    in_main, scores = _readability(root)
    lines = list(_lines(root))
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, owner, link_chars, landmark, list_item, figure, comments in lines:
        if blocks:
            pieces.append("\n")
            offset += 1
        tag = owner.tag if isinstance(owner.tag, str) else "?"
        info = DomInfo(
            tag=tag,
            xpath=tree.getpath(owner),
            heading=int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0,
            list_item=list_item,
            in_figure=figure,
            in_comments=comments,
            link_density=round(min(1.0, link_chars / max(1, len(text))), 3),
            landmark=landmark,
            content_score=_nearest_score(owner, scores),
            in_main=None if in_main is None else _in_main(owner, in_main),
        )
        blocks.append(Block(len(blocks), offset, offset + len(text), text, 0, dom=info))
        pieces.append(text)
        offset += len(text)
    return HtmlPage("".join(pieces), tuple(blocks), title)


def _document(html: str) -> Any:
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, recover=True, huge_tree=True
    )
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


def _lost_text(root: Any, html: str) -> bool:
    """True when lxml's tree kept less than half of the words between the tags."""
    body = root.find("body")
    parsed = len((body if body is not None else root).text_content().split())
    if parsed >= 2000:
        return False  # plenty of text: the tree is sound
    between_tags = len(_TAG.sub(" ", html).split())
    return parsed < 0.5 * between_tags


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
        if tag in _VOID:
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


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


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
    for query in ('//meta[@property="og:title"]/@content', "//title//text()"):
        found = " ".join(str(t) for t in root.xpath(query)).strip()
        if found:
            return squash(found)
    return None


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and REGEXES["displayNoneRe"].search(style) is not None


_Line = tuple[str, Any, int, str | None, bool, bool, bool]


def _lines(root: Any) -> Iterator[_Line]:
    """(text, owner, link characters, landmark, list item, in figure, in comments) per line."""
    body = root.find("body")
    start = body if body is not None else root
    pieces: list[str] = []
    link_chars = 0
    owners: list[tuple[Any, str | None]] = [(start, None)]
    landmarks: list[str] = []
    skipped: set[Any] = set()
    lists = 0
    links = 0
    captions: list[Any] = []
    line_caption = False
    comment_sections: list[Any] = []
    line_comments = False
    line_owner: Any = None

    def flush() -> Iterator[_Line]:
        nonlocal pieces, link_chars, line_owner
        text = squash("".join(pieces))
        if text:
            owner = line_owner if line_owner is not None else owners[-1][0]
            landmark = landmarks[-1] if landmarks else None
            yield text, owner, link_chars, landmark, lists > 0, line_caption, line_comments
        pieces, link_chars, line_owner = [], 0, None

    def add(text: str | None) -> None:
        nonlocal link_chars, line_owner, line_caption, line_comments
        if text:
            if line_owner is None and not text.isspace():
                line_owner = owners[-1][0]
                line_caption = bool(captions)
                line_comments = bool(comment_sections)
            pieces.append(text)
            if links:
                link_chars += len(text.strip())

    # A hidden element that holds most of the page is a markup accident (an unclosed
    # tag) or an article revealed by script: either way its text is the page.
    page_chars = len(start.text_content())

    def hidden(el: Any) -> bool:
        return _hidden(el) and len(el.text_content()) < 0.5 * page_chars

    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in SKIP_TAGS or hidden(el):
                skipped.add(el)
                walker.skip_subtree()
                continue
            if tag == "br":
                yield from flush()
                continue
            if tag in BLOCK_TAGS:
                yield from flush()
                role = LANDMARK_ROLES.get(el.get("role") or "")
                landmark = role or (tag if tag in LANDMARK_TAGS else None)
                owners.append((el, landmark))
                if landmark:
                    landmarks.append(landmark)
                lists += tag == "li"
            links += tag == "a"
            marks = f"{el.get('class') or ''} {el.get('id') or ''}"
            if tag in _FIGURE_TAGS or (
                len(marks) > 1
                and _CAPTION_HINT.search(marks)
                and len(el.text_content().split()) <= 80  # a caption, not a wrapper
            ):
                captions.append(el)
            if (
                len(marks) > 1
                and not COMMENT_TOKENS.isdisjoint(marks.lower().split())
                and len(el.text_content()) < 0.5 * page_chars  # a section, not the page
            ):
                comment_sections.append(el)
            add(el.text)
            continue
        if el in skipped:
            skipped.discard(el)
        elif tag in BLOCK_TAGS:
            yield from flush()
            _, landmark = owners.pop()
            if landmark:
                landmarks.pop()
            lists -= tag == "li"
        elif tag == "a":
            links -= 1
        if captions and captions[-1] is el:
            captions.pop()
        if comment_sections and comment_sections[-1] is el:
            comment_sections.pop()
        if el is not start:
            add(el.tail)
    yield from flush()


class _Readability(Document):  # type: ignore[misc]
    """readability-lxml on a copy of our own tree, keeping the scores it computes.

    Its own parse step would re-clean the page with lxml's Cleaner (rewriting
    every link to strip javascript: URLs), work that our parse already made moot:
    comments and processing instructions are gone, and readability drops scripts
    and styles itself. Hidden elements are dropped as readability does.
    """

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.candidates: dict[Any, Any] = {}

    def score_paragraphs(self) -> Any:
        self.candidates = super().score_paragraphs()
        return self.candidates

    def _parse(self, input: Any) -> Any:
        doc = copy.deepcopy(input)
        for elem in doc.xpath("//*[@hidden]"):
            elem.drop_tree()
        for elem in doc.xpath("//*[@style]"):
            if REGEXES["displayNoneRe"].search(elem.get("style")):
                elem.drop_tree()
        return doc


def _readability(root: Any) -> tuple[set[Any] | None, dict[Any, float]]:
    """What readability-lxml keeps of the page, and the content scores it gave.

    Our elements are numbered in an attribute that survives readability's copy of
    the tree, so its choices map back onto our elements.
    """
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    for number, el in enumerate(elements):
        el.set("data-dechaff", str(number))
    reader = _Readability(root)
    try:
        summary = reader.summary(html_partial=True)
    except Exception:  # readability gives up on some pages: no main content then
        return None, {}
    finally:
        for el in elements:
            el.attrib.pop("data-dechaff", None)
    scores: dict[Any, float] = {}
    for candidate in reader.candidates.values():
        number = candidate["elem"].get("data-dechaff")
        if number is not None:
            scores[elements[int(number)]] = float(candidate["content_score"])
    kept = {int(n) for n in re.findall(r'data-dechaff="(\d+)"', summary)}
    return ({elements[n] for n in kept} or None), scores


def _in_main(el: Any, members: set[Any]) -> bool:
    """In readability-lxml's article, or quoted in it: readability's clean-up drops
    link-heavy quotes (embedded posts) that stand inside the article it kept."""
    if el in members:
        return True
    quoted = False
    for node in (el, *el.iterancestors()):
        quoted = quoted or node.tag == "blockquote"
        if quoted and node in members:
            return True
    return False


def _nearest_score(el: Any, scores: dict[Any, float]) -> float | None:
    node = el
    while node is not None:
        if node in scores:
            return round(scores[node], 2)
        node = node.getparent()
    return None
