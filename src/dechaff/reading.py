"""The reading stage: from decoded input to the blocks and the facts every filter
may weigh, computed once before any filter runs.

- :func:`read_text`: raw page text, one block per non-blank line; no facts.
- :func:`read_html`: an HTML document, one block per visible line with its DOM
  evidence (:mod:`dechaff.html`), and the page's :class:`~dechaff.page.Facts`:
  the document title, the heading that matches it, the share of the page's
  words inside the main content element, whether the page is a discussion, and
  its own address.

Both find the lines a glued copy of the article holds (:mod:`dechaff.repair.copies`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import Block, segment
from .headline import HeadlineRules
from .html import parse
from .page import Facts
from .profile import SiteEvidence
from .repair.copies import held_by_glued_copies

HEADLINE_RULES = HeadlineRules()
THREAD_SHARE = 0.5
"""A page whose main content element holds at least this share of its words in
comment sections is a discussion (:attr:`dechaff.page.Facts.thread`)."""


@dataclass(frozen=True)
class Reading:
    """A page as the pipeline starts from it."""

    raw: str
    """The decoded input (for HTML: its visible text); every offset points into it."""
    blocks: tuple[Block, ...]
    facts: Facts


def read_text(raw: str, site: SiteEvidence | None = None) -> Reading:
    """Raw page text: its lines as blocks; ``site``: its site's boilerplate, if known."""
    blocks = segment(raw)
    return Reading(raw, blocks, Facts(site=site, held=held_by_glued_copies(blocks)))


def read_html(
    html: str,
    site: SiteEvidence | None = None,
    utf8: bytes | None = None,
    headline: HeadlineRules = HEADLINE_RULES,
) -> Reading:
    """An HTML document: its visible lines as blocks, and the facts the DOM gives;
    ``utf8``: the document's UTF-8 bytes, if the caller has them; ``headline``: the
    rules its heading is matched to its title by (:attr:`dechaff.Settings.headline`)."""
    page = parse(html, utf8)
    title = page.document_title
    heading = headline.match_heading(page.blocks, title) if title else None
    held = held_by_glued_copies(page.blocks)
    main_share, thread = _main_share(page.blocks), _is_thread(page.blocks)
    facts = Facts(
        title, heading, main_share, site, held, declared=page.declared, thread=thread,
        address=page.address, metadata=page.metadata,
    )  # fmt: skip
    return Reading(page.text, page.blocks, facts)


def _main_share(blocks: Sequence[Block]) -> float | None:
    """The share of words in blocks inside the main content element."""
    if not any(b.dom is not None and b.dom.in_main is not None for b in blocks):
        return None
    inside = sum(b.words for b in blocks if b.dom is not None and b.dom.in_main)
    return inside / max(1, sum(b.words for b in blocks))


def _is_thread(blocks: Sequence[Block]) -> bool:
    """Whether comment sections hold :data:`THREAD_SHARE` of the main element's words."""
    inside = comments = 0
    for b in blocks:
        if b.dom is not None and b.dom.in_main:
            inside += b.words
            comments += b.words if b.dom.in_comments else 0
    return comments > 0 and comments >= THREAD_SHARE * inside
