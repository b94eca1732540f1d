"""The main content element (HTML input): what lies outside it is not the article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..blocks import Block, DomInfo
from ..html.vocabulary import ARTICLE_TYPES
from ..page import Page
from ..report import Decision, Reason
from .base import INF, check_settings, remove_block


@dataclass(frozen=True, kw_only=True)
class MainContent:
    """Remove blocks outside the page's main content element (``outside-main``).

    The element is chosen by readability-lxml's paragraph scoring (see
    :mod:`dechaff.html.main_element`): each paragraph of 25 characters or more scores
    its parent and, half, its grandparent; scores are weighted by class and id
    hints and by link density. The best element, and the siblings readability-lxml
    would add to it, make the main content. Text input has no DOM, so this
    filter does nothing there; nor does it act when no element was chosen, or
    when the chosen one holds fewer than ``min_share`` of the page's words.

    The evidence names the landmark a removed block stands in (``<nav>``,
    ``<header>``, ``<footer>``, ``<aside>``, ``<form>``, or the ARIA role that
    stands for one) and the score of its own container.

    The headline (the heading matched to the document title, the page's
    :attr:`~dechaff.page.Facts.heading`) is left for the headline
    filter, which runs later and makes it the title. It also outranks the scoring:
    when it stands in an ``<article>`` element that holds ``min_article_words`` or
    more words, and the scoring chose text wholly outside it, the article is the
    main content.

    Prose that stands before the element and its end, under an ancestor at most
    ``lead_levels`` above it, is kept too (see :meth:`_leads`); so are paragraphs
    between the headline and the element, under the element that holds both (see
    :meth:`_after_headline`). ``lead_levels=None`` keeps neither. On a discussion
    (:attr:`~dechaff.page.Facts.thread`), the posts outside the element are kept.
    """

    name: str = "main-content"
    min_share: float = 0.05
    min_article_words: int = 40
    lead_levels: int | None = 3
    """How far above the main element prose before it is still taken in (``None``: never)."""
    lead_min_words: int = 10
    lead_link_density: float = 0.3
    lead_heading_words: int | None = 30
    """A heading before the element of at least this many words that reads as prose
    is a lead (a standfirst set as a heading); ``None``: no heading is."""
    prose_words: int | None = 20
    """On a page that does not say it is an article (no ``og:type`` or JSON-LD type
    of :data:`~dechaff.html.vocabulary.ARTICLE_TYPES`) and whose element holds less
    than ``beside_max_share`` of its words, keep paragraphs outside the element and
    any landmark of at least this many words that end like a sentence (``None``:
    never): a product, a service or a listing spreads its text over sections."""
    beside_max_share: float = 0.3
    after_min_words: int | None = None
    """Also keep paragraphs after the element, beside it in its parent's parent, of at
    least this many words and two sentences (``None``: never; see :meth:`_leads`)."""

    def __post_init__(self) -> None:
        check_settings(
            self,
            min_share=(0, 1),
            beside_max_share=(0, 1),
            min_article_words=(0, INF),
            lead_levels=(0, INF),
            lead_min_words=(0, INF),
            lead_heading_words=(0, INF),
            lead_link_density=(0, 1),
            after_min_words=(0, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        if not page.has_dom:
            return
        kept = [b for b in page.kept if b.dom is not None and b.dom.in_main is not None]
        if not kept:
            return
        heading = page.facts.heading
        headline = page.blocks[heading.block] if heading is not None else None
        # The headline often stands above the main content element; it is left for
        # the headline filter, which makes it the title.
        kept = [b for b in kept if b is not headline]
        article = self._headline_article(headline, kept)
        if article is not None:
            for b in kept:
                if not _under(b, article):
                    yield remove_block(
                        self.name, b, Reason.OUTSIDE_MAIN,
                        f"outside the <article> that holds the headline ({article})",
                    )  # fmt: skip
            return
        share = page.facts.main_share
        if share is None or share < self.min_share:
            return
        details: dict[tuple[str | None, float | None], str] = {}
        container = _main_container(kept)
        widened = self._leads(kept, container) | self._after_headline(kept, headline, container)
        if page.facts.thread:  # a discussion's posts beside the main element are its own
            widened |= {b.index for b in kept if b.dom is not None and b.dom.in_comments}
        if (
            self.prose_words is not None
            and share < self.beside_max_share
            and ARTICLE_TYPES.isdisjoint(page.facts.declared)
        ):
            widened |= self._prose_beside(kept)
        for b in kept:
            if b.dom is not None and not b.dom.in_main and b.index not in widened:
                where = (b.dom.landmark, b.dom.content_score)
                detail = details.get(where)
                if detail is None:  # blocks of one container share their evidence
                    detail = details[where] = _evidence(b.dom)
                yield remove_block(self.name, b, Reason.OUTSIDE_MAIN, detail)

    def _prose_beside(self, kept: Sequence[Block]) -> set[int]:
        """Paragraphs outside the element and any landmark: a page that does not
        say it is an article (a product, a service, a listing) spreads its text
        over sections the element is one of."""
        need = self.prose_words or 0
        return {
            b.index
            for b in kept
            if b.dom is not None
            and not (b.dom.in_main or b.dom.landmark or b.dom.in_comments)
            and b.words >= need
            and b.ends_sentence
        }

    def _leads(self, kept: Sequence[Block], container: list[str] | None) -> set[int]:
        """Blocks outside the main element that belong to the article all the same;
        ``container``: the steps of the XPath of the element that holds the main
        content (:func:`_main_container`).

        - Prose before the element's end, under an ancestor at most ``lead_levels``
          above it: a lead paragraph, a standfirst, or the first part of an article
          split across sibling containers, which the scoring passes over when a
          later part scores higher. (After the element, such prose is far more
          often a bio, a teaser or an appeal.)
        - Anything between the element's first and last block inside the element
          (a table row, a list item, a code line) that the clean-up of the
          scoring set aside but that is no link list.
        - With ``after_min_words`` set, long paragraphs after the element beside it
          (:meth:`_continues`).
        - Prose in the ``<article>`` elements beside the one that holds the element
          (:meth:`_in_sibling_article`).

        Neither in a comment section, nor in a landmark other than the article's
        own ``<header>``.
        """
        if self.lead_levels is None or container is None:
            return set()
        inner = "/" + "/".join(container) + "/"
        semantic = _semantic_frame(container)
        frame = semantic or container[: len(container) - self.lead_levels]
        outer = "/" + "/".join(frame) + "/" if len(frame) > 2 else None  # not /html/body
        in_main = [b.index for b in kept if b.dom is not None and b.dom.in_main]
        first, last = in_main[0], in_main[-1]
        found = set()
        after = "/" + "/".join(container[:-1]) + "/"
        siblings = _sibling_articles(container)
        for b in kept:
            dom = b.dom
            if siblings and self._in_sibling_article(b, siblings):
                found.add(b.index)
                continue
            if b.index > last:
                if self._continues(b, after):
                    found.add(b.index)
                continue
            if dom is None or dom.in_main or dom.in_comments:
                continue
            if dom.link_density > self.lead_link_density:
                continue
            if first < b.index and dom.xpath.startswith(inner) and _own_landmark(dom, inner):
                # rows, items and lines inside the article; not its <div>s and
                # headings, which are gallery counters and widget titles as often
                if dom.tag not in _WIDGET_TAGS:
                    found.add(b.index)
            elif outer and dom.xpath.startswith(outer) and _own_landmark(dom, outer):
                # a <div> of one or two sentences before an article is mostly a
                # teaser or a caption; a lead in a <div> runs on longer
                if dom.tag == "div" and b.sentence_marks < (1 if semantic else 3):
                    continue
                if dom.heading and not self._long_heading(b):
                    continue
                if _reads_as_prose(b, self.lead_min_words):
                    found.add(b.index)
        return found

    def _after_headline(
        self, kept: Sequence[Block], headline: Block | None, container: list[str] | None
    ) -> set[int]:
        """Paragraphs of prose between the headline and the main element, under the
        element that holds both: the first parts of an article whose sections stand
        in containers of their own, of which the scoring chose a later one."""
        if self.lead_levels is None or headline is None or container is None:
            return set()
        frame = _holding_both(headline, container)
        if frame is None:
            return set()
        first = next(b.index for b in kept if b.dom is not None and b.dom.in_main)
        return {
            b.index for b in kept
            if headline.index < b.index < first and b.dom is not None
            and b.dom.tag in _PARAGRAPH_TAGS and not (b.dom.landmark or b.dom.in_comments)
            and b.dom.link_density <= self.lead_link_density
            and b.dom.xpath.startswith(frame) and _reads_as_prose(b, self.lead_min_words)
        }  # fmt: skip

    def _long_heading(self, block: Block) -> bool:
        """A heading long enough to be a standfirst (``lead_heading_words``)."""
        need = self.lead_heading_words
        return need is not None and block.words >= need

    def _in_sibling_article(self, block: Block, siblings: str) -> bool:
        """Prose in an ``<article>`` beside the one that holds the element: a listicle
        or a live ticker in several articles, the posts of a forum thread."""
        dom = block.dom
        if dom is None or dom.in_main or dom.in_comments or dom.landmark:
            return False
        return (
            dom.xpath.startswith(siblings)
            and dom.link_density <= self.lead_link_density
            and _reads_as_prose(block, self.lead_min_words)
        )

    def _continues(self, block: Block, prefix: str) -> bool:
        """A long paragraph after the element, beside it: the article going on."""
        dom, need = block.dom, self.after_min_words
        if need is None or dom is None or dom.in_main or dom.in_comments or dom.tag != "p":
            return False
        return (
            block.words >= need
            and block.sentence_marks >= 2
            and dom.link_density <= 0.1
            and dom.xpath.startswith(prefix)
            and _own_landmark(dom, prefix)
        )

    def _headline_article(self, headline: Block | None, kept: list[Block]) -> str | None:
        """The ``<article>`` holding the headline, when the main content element lies
        wholly outside it although it holds an article's worth of words."""
        if headline is None or headline.dom is None:
            return None
        at = headline.dom.xpath.rfind("/article")
        if at < 0:
            return None
        end = headline.dom.xpath.find("/", at + 1)
        article = headline.dom.xpath if end < 0 else headline.dom.xpath[:end]
        if any(b.dom is not None and b.dom.in_main and _under(b, article) for b in kept):
            return None  # readability's choice overlaps the article: trust it
        words = sum(b.words for b in kept if _under(b, article))
        return article if words >= self.min_article_words else None


def _under(block: Block, path: str) -> bool:
    xpath = block.dom.xpath if block.dom is not None else ""
    return xpath == path or xpath.startswith(path + "/")


def _evidence(dom: DomInfo) -> str:
    """Where the block stands: its landmark, and its container's score."""
    where = f" (in a <{dom.landmark}>)" if dom.landmark else ""
    score = dom.content_score
    scored = f"; its own container scores {score:.0f}" if score is not None else ""
    return f"outside the main content element{where}{scored}"


def _holding_both(headline: Block, container: list[str]) -> str | None:
    """The XPath prefix of the element that holds the headline and the main element
    (``None`` when that is the page's body, or the headline has no element)."""
    if headline.dom is None:
        return None
    common = _shared_steps([_steps(headline.dom.xpath)[:-1], container])
    return "/" + "/".join(common) + "/" if len(common) > 2 else None


def _shared_steps(paths: Sequence[list[str]]) -> list[str]:
    """The steps XPaths share from the root: those their lexically first and last
    share (found by two comparisons in C instead of one per path and step)."""
    first, last = min(paths), max(paths)
    for i, step in enumerate(first):
        if step != last[i]:
            return first[:i]
    return first


def _steps(xpath: str) -> list[str]:
    return xpath.split("/")[1:]


def _main_container(kept: Sequence[Block]) -> list[str] | None:
    """The steps of the XPath of the element that holds every in-main block."""
    paths = [_steps(b.dom.xpath) for b in kept if b.dom is not None and b.dom.in_main]
    if not paths:
        return None
    common = _shared_steps(paths)
    # A block's own element is not a container of it: step up from a shared leaf.
    return common[:-1] if any(len(p) == len(common) for p in paths) else common


_WIDGET_TAGS = frozenset({"div", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_TAGS = frozenset({"p", "blockquote", "li"})


def _semantic_frame(container: list[str]) -> list[str] | None:
    """The innermost ``<article>`` (else ``<main>``) that holds the main element."""
    for tag in ("article", "main"):
        at = [i for i, step in enumerate(container) if step.split("[")[0] == tag]
        if at:
            return container[: at[-1] + 1]
    return None


def _sibling_articles(container: list[str]) -> str | None:
    """The XPath prefix of the ``<article>`` elements beside the innermost numbered
    one (``article[3]``) that holds the main element, if any."""
    for at in range(len(container) - 1, 1, -1):
        if container[at].startswith("article["):
            return "/" + "/".join(container[:at]) + "/article["
    return None


def _own_landmark(dom: DomInfo, prefix: str) -> bool:
    """In no landmark, or in a ``<header>`` inside ``prefix`` (the article's own)."""
    return dom.landmark is None or (
        dom.landmark == "header" and "/header" in dom.xpath[len(prefix) - 1 :]
    )


def _reads_as_prose(block: Block, min_words: int) -> bool:
    return block.words >= min_words and (block.ends_sentence or block.sentence_marks > 0)
