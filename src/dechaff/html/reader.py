"""HTML input: parse a page, turn its visible text into blocks that carry DOM evidence.

The page's *visible text* is one line per block-level element (and per ``<br>``),
scripts, styles, comments and hidden elements left out (see
:mod:`dechaff.html.lines`). Spans in the report of :func:`clean_html` point into
that text, and every block also names the element it came from (an XPath), so a
removal can be found in the page.

Each block carries a :class:`DomInfo`: its tag and path, heading level, whether
it is a list item, its link density, the landmark it sits in (nav, header,
footer, aside, form), the content score of its nearest scored ancestor, and
whether it lies inside the page's main content (both from
:mod:`dechaff.html.main_element`, readability-lxml's algorithm).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from ..blocks import Block, DomInfo
from ..metadata import Metadata
from .decoding import decode_html_keeping_utf8
from .head import declared_types, read_metadata
from .lines import Line
from .main_element import choose
from .stream import stream, title_of
from .walk import Survey, read

_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}


@dataclass(frozen=True)
class HtmlPage:
    """A parsed page: its visible text, its blocks, and what its head says."""

    text: str
    blocks: tuple[Block, ...]
    document_title: str | None
    """The document title: og:title, else ``<title>`` (the page's own heading, its
    headline, is a block among :attr:`blocks`)."""
    declared: frozenset[str] = frozenset()
    """What the page says it is: its ``og:type`` and the ``@type`` values of its
    JSON-LD, lower-cased (``{"article", "newsarticle"}``)."""
    address: str | None = None
    """The page's own address, as its head gives it (``<link rel="canonical">``,
    else ``og:url``)."""
    metadata: Metadata = field(default_factory=Metadata)
    """What the markup says about the page (:func:`dechaff.html.head.read_metadata`)."""


def parse(html: str | bytes, utf8: bytes | None = None) -> HtmlPage:
    """Parse ``html`` and build its visible text and blocks; ``utf8``: the page's
    UTF-8 bytes, when the caller has them (the parser reads bytes: they spare
    encoding the page again). Bytes are decoded as :func:`~dechaff.html.decode_html` decodes
    them (the charset the page declares, else what its bytes show); anything else
    is a ``TypeError``.

    lxml (libxml2) stops reading a document at elements nested more than 2,048
    deep; when it reports that, the page is read again by a streaming reader that
    has no depth limit and no DOM evidence beyond tags (:mod:`dechaff.html.stream`).
    """
    if isinstance(html, (bytes, bytearray, memoryview)):
        html, utf8 = decode_html_keeping_utf8(bytes(html))
    elif not isinstance(html, str):
        raise TypeError(f"parse takes the page as str or bytes, not {type(html).__name__}")
    root = _document(html.encode("utf-8") if utf8 is None else utf8)
    if root is None:
        lines, streamer = stream(html)
        return _page(lines, lambda line: DomInfo(
            tag=streamer.tags[line.owner],
            xpath=streamer.paths[line.owner],
            heading=_HEADING_LEVELS.get(streamer.tags[line.owner], 0),
            link_density=_link_density(line),
        ), title_of(streamer))  # fmt: skip
    survey = read(root)
    shown = sum(len(line.text.split()) for line in survey.lines)
    if _shown_without_scripts(root, shown) or _shown_by_scripts(survey, shown):
        survey = read(root)
    main = choose(survey, lambda: read(root, ruthless=False))

    def evidence(line: Line) -> DomInfo:
        tag = survey.tags[line.owner]
        in_main, score = main.evidence(line.owner)
        return DomInfo(
            tag=tag,
            xpath=survey.path(line.owner),
            heading=_HEADING_LEVELS.get(tag, 0),
            list_item=line.list_item,
            in_figure=line.caption,
            in_comments=line.comments,
            link_density=_link_density(line),
            landmark=line.landmark,
            content_score=score,
            in_main=in_main,
            breaks=line.breaks,
            marks=line.marks,
        )

    metadata = read_metadata(root)  # (its title and address: the document's)
    return _page(
        survey.lines,
        evidence,
        metadata.title.value if metadata.title else None,
        declared_types(root),
        metadata.url.value if metadata.url else None,
        metadata,
    )


NOSCRIPT_MIN_WORDS = 50
"""A page shows its ``<noscript>`` content as its text when that content has at
least this many words and more than the rest of the visible text."""


def _shown_without_scripts(root: Any, shown: int) -> bool:
    """Whether the page's content stands in ``<noscript>`` (a page its scripts
    render, whose server gives the text to readers without scripts, as forum
    software does), beside ``shown`` visible words: if so, its ``<noscript>``
    elements become ``<div>`` (the tree is changed in place) and the page must be
    read again."""
    hidden = list(root.iter("noscript"))
    if not hidden:
        return False
    inside = sum(len(el.text_content().split()) for el in hidden)
    if inside < NOSCRIPT_MIN_WORDS or inside <= shown:
        return False
    for el in hidden:
        el.tag = "div"
    return True


def _shown_by_scripts(survey: Survey, shown: int) -> bool:
    """Whether the page shows almost nothing (``shown``, fewer than
    :data:`NOSCRIPT_MIN_WORDS` words) while its hidden elements hold at least that
    many: its scripts move the text into view (a page streamed by a script
    framework into ``<div hidden>``). If so, those elements lose what hides them
    (the tree is changed in place) and the page must be read again."""
    if shown >= NOSCRIPT_MIN_WORDS or not survey.hidden:
        return False
    if sum(len(el.text_content().split()) for el in survey.hidden) < NOSCRIPT_MIN_WORDS:
        return False
    for el in survey.hidden:
        for attribute in ("hidden", "aria-hidden", "style"):
            el.attrib.pop(attribute, None)
    return True


def _page(
    lines: Sequence[Line],
    evidence: Callable[[Line], DomInfo],
    title: str | None,
    declared: frozenset[str] = frozenset(),
    address: str | None = None,
    metadata: Metadata | None = None,
) -> HtmlPage:
    """The page whose visible text is ``lines``, one block per line, one newline
    between them; ``declared``, ``address`` and ``metadata``: what its markup says
    it is, where, and about itself."""
    blocks: list[Block] = []
    offset = 0
    for line in lines:
        end = offset + len(line.text)
        blocks.append(Block(len(blocks), offset, end, line.text, 0, dom=evidence(line)))
        offset = end + 1
    text = "\n".join(line.text for line in lines)
    return HtmlPage(text, tuple(blocks), title, declared, address, metadata or Metadata())


def _link_density(line: Line) -> float:
    if not line.link_chars:  # most lines: no link text
        return 0.0
    return round(min(1.0, line.link_chars / max(1, len(line.text))), 3)


# Every element an HtmlElement (text_content and friends), chosen in C: lxml.html's own
# lookup calls back into Python for each element.
_HTML_ELEMENTS = etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement)


def _document(utf8: bytes) -> Any:
    """lxml's tree of the page (``utf8``: its UTF-8 bytes): ``None`` when empty, or
    when libxml2 could not hold the whole page (it stops at elements nested more
    than 2,048 deep)."""
    if not utf8 or utf8.isspace():
        return None
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=True,
        collect_ids=False,  # no element is ever looked up by its id
    )
    parser.set_element_class_lookup(_HTML_ELEMENTS)
    try:
        root = etree.fromstring(utf8, parser)
    except (etree.ParseError, ValueError):
        return None
    if root is None or parser.error_log.filter_types([etree.ErrorTypes.ERR_RESOURCE_LIMIT]):
        return None
    return root
