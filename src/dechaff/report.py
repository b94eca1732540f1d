"""The report: what was removed, what was repaired, what was only flagged.

Every record points into the input by character offsets, so the report can be
replayed against the page it came from. Built-in reasons are a closed set of slugs
(:class:`Reason`); a plugin names its own in a namespace (:class:`PluginReason`).

A reason also declares what its removals tell the filters after it
(:class:`Evidence`): a filter that weighs earlier decisions reads these categories,
never particular reasons, so a plugin's reason counts as soon as it declares them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any, NamedTuple, TypeAlias

from .errors import ConfigError


class Evidence(str, Enum):
    """What a line removed whole tells the filters after it about the page's shape."""

    CHROME = "chrome"
    """Page furniture (a menu entry, a share bar, a byline): short lines of it in a
    row make a menu-like run that ends a section of the page."""
    SECTION_END = "section-end"
    """A header after which the article rarely goes on ("Related", "Comments"), when
    it stands alone as a short line."""
    ARTICLE_END = "article-end"
    """The article has ended: a comments section begins."""
    BOILERPLATE = "boilerplate"
    """A line the site repeats on its pages: the body rarely runs past one."""


class Reason(str, Enum):
    """Why a span was removed, repaired or flagged. The value is the slug."""

    # ad markers
    AD_MARKER = "ad-marker"
    AD_MARKER_INLINE = "ad-marker-inline"
    # navigation and page chrome
    SKIP_LINK = "skip-link"
    MENU = "menu"
    SHARE_PROMPT = "share-prompt"
    NEWSLETTER_PROMPT = "newsletter-prompt"
    COOKIE_NOTICE = "cookie-notice"
    COPYRIGHT = "copyright"
    RELATED_LIST = "related-list"
    MEDIA_CAPTION = "media-caption"
    INLINE_CAPTION = "inline-caption"
    BYLINE_DATELINE = "byline-dateline"
    COMMENTS = "comments"
    # shape of the page
    OUTSIDE_BODY = "outside-body"
    OUTSIDE_MAIN = "outside-main"
    LINK_LIST = "link-list"
    # duplicates
    DUPLICATE_EXACT = "duplicate-exact"
    DUPLICATE_NEAR = "duplicate-near"
    DUPLICATE_CONTAINED = "duplicate-contained"
    # truncation
    TEASER = "teaser"
    LINK_HOLE = "link-hole"
    LINK_HOLE_REPAIRED = "link-hole-repaired"
    CUT_OFF = "cut-off"
    # headline and media
    HEADLINE = "headline"
    SITE_NAME = "site-name"
    TRANSCRIPT = "transcript"
    # characters no reader sees
    CONTROL_CHARACTER = "control-character"
    # furniture worded alike across sites (the phrase tables of filters/wording.py)
    AUTHOR_BIO = "author-bio"
    CALL_TO_ACTION = "call-to-action"
    FILED_UNDER = "filed-under"
    DISCLOSURE = "disclosure"
    # chaff only other pages of the site show (a site profile, dechaff.profile)
    SITE_BOILERPLATE = "site-boilerplate"
    # the learned block layer (filters/block_model.py) weighing the verdicts above
    LEARNED_CHAFF = "learned-chaff"
    LEARNED_KEEP = "learned-keep"

    def __str__(self) -> str:
        return self.value

    @property
    def evidence(self) -> frozenset[Evidence]:
        """What a block removed for this reason tells the filters after it."""
        return REASON_EVIDENCE.get(self, frozenset())


_CHROME = Evidence.CHROME
REASON_EVIDENCE: Mapping[Reason, frozenset[Evidence]] = MappingProxyType(
    {
        Reason.MENU: frozenset({_CHROME}),
        Reason.SHARE_PROMPT: frozenset({_CHROME}),
        Reason.SKIP_LINK: frozenset({_CHROME}),
        Reason.BYLINE_DATELINE: frozenset({_CHROME}),
        Reason.COPYRIGHT: frozenset({_CHROME}),
        Reason.NEWSLETTER_PROMPT: frozenset({_CHROME}),
        Reason.RELATED_LIST: frozenset({_CHROME, Evidence.SECTION_END}),
        Reason.COMMENTS: frozenset({_CHROME, Evidence.SECTION_END, Evidence.ARTICLE_END}),
        Reason.SITE_BOILERPLATE: frozenset({_CHROME, Evidence.BOILERPLATE}),
    }
)
"""The evidence each built-in reason declares; a reason not named declares none."""


_PLUGIN_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class PluginReason:
    """A reason a plugin filter declares for itself: a slug in its own namespace,
    ``namespace:name`` (``"paywall:soft-wall"``), so that it can never take a
    built-in reason's name. It flows through the report, ``summary()``,
    ``to_dict()`` and the command line like a built-in reason.

    >>> PluginReason("paywall:soft-wall").value
    'paywall:soft-wall'
    >>> PluginReason("menu")
    Traceback (most recent call last):
    ...
    dechaff.errors.ConfigError: a plugin's reason is 'namespace:name' in lower case, not 'menu'
    """

    value: str
    evidence: frozenset[Evidence] = field(default=frozenset(), compare=False)
    """What a block removed for this reason tells the filters after it (none unless
    declared: ``PluginReason("paywall:wall", frozenset({Evidence.ARTICLE_END}))``)."""

    def __post_init__(self) -> None:
        if not _PLUGIN_SLUG.fullmatch(self.value):
            raise ConfigError(
                f"a plugin's reason is 'namespace:name' in lower case, not {self.value!r}"
            )

    def __str__(self) -> str:
        return self.value


AnyReason: TypeAlias = "Reason | PluginReason"
"""A built-in reason or a plugin's."""


class _Record:
    """What the three report records share: a JSON-ready form."""

    reason: AnyReason

    def to_dict(self) -> dict[str, Any]:
        """The record as a dictionary of JSON types (the reason as its slug). Its
        fields are all plain values, so a shallow copy of them is the whole record
        (``dataclasses.asdict`` would deep-copy each: a fifth of a corpus run's time)."""
        out = dict(vars(self))
        out["reason"] = self.reason.value
        return out


class CopyOf(NamedTuple):
    """What a removed block is a copy of, as the filter that removed it declares:
    the repair stage (:mod:`dechaff.repair`) fills the holes of those kept blocks
    from its text.

    >>> CopyOf((4, 5, 7), glued=True).to_dict()
    {'blocks': [4, 5, 7], 'glued': True}
    """

    blocks: tuple[int, ...]
    """The kept blocks whose text the removed block holds."""
    glued: bool
    """The removed block runs the paragraphs ``blocks`` together (the article
    glued into one line); else it is a near copy of one paragraph."""

    def to_dict(self) -> dict[str, Any]:
        """The declaration as JSON types."""
        return {"blocks": list(self.blocks), "glued": self.glued}


@dataclass(frozen=True, init=False)
class Removal(_Record):
    """A span of the input that is not in the clean text.

    ``text == raw[start:end]`` always holds, where ``raw`` is the decoded input.
    """

    filter: str
    """Name of the filter that decided the removal."""
    reason: AnyReason
    """Why: a slug from :class:`Reason`, or a plugin's :class:`PluginReason`."""
    text: str
    """The removed text, exactly as in the input."""
    start: int
    """Offset of the first removed character in the decoded input."""
    end: int
    """Offset just past the last removed character."""
    block: int
    """Index of the block (line) the span belongs to."""
    detail: str = ""
    """A short human explanation: the evidence."""
    score: float | None = None
    """A similarity or confidence score where the rule has one."""
    related: int | None = None
    """Index of another block the decision refers to (the kept copy of a duplicate)."""
    xpath: str | None = None
    """The element the block came from (HTML input only)."""
    copy_of: CopyOf | None = None
    """What the removed block is a copy of, when the filter says (see
    :class:`CopyOf`); in :meth:`to_dict` only when it is set."""

    def __init__(
        self,
        filter: str,
        reason: AnyReason,
        text: str,
        start: int,
        end: int,
        block: int,
        detail: str = "",
        score: float | None = None,
        related: int | None = None,
        xpath: str | None = None,
        copy_of: CopyOf | None = None,
    ) -> None:
        # The record a cleaning run makes most (most lines of a scraped page are
        # chaff): the fields are set in one step rather than one frozen-dataclass
        # __setattr__ bypass per field.
        self.__dict__.update(
            filter=filter,
            reason=reason,
            text=text,
            start=start,
            end=end,
            block=block,
            detail=detail,
            score=score,
            related=related,
            xpath=xpath,
            copy_of=copy_of,
        )

    def to_dict(self) -> dict[str, Any]:
        """The removal as JSON types; ``copy_of`` only where it is set."""
        out = super().to_dict()
        copy_of = out.pop("copy_of")
        if copy_of is not None:
            out["copy_of"] = copy_of.to_dict()
        return out


@dataclass(frozen=True)
class Repair(_Record):
    """Text inserted into a kept block, copied from elsewhere in the same input."""

    filter: str
    reason: AnyReason
    inserted: str
    """The inserted text; equal to ``raw[source_start:source_end]``."""
    at: int
    """Input offset before which the text is inserted; repairs at one offset are
    inserted in report order, a word apart."""
    block: int
    """Index of the block that received the text."""
    source_start: int
    source_end: int
    source_block: int
    """Index of the block the text was copied from."""
    detail: str = ""


@dataclass(frozen=True)
class Flag(_Record):
    """Something suspicious that was kept unchanged (a hole nothing could fill)."""

    filter: str
    reason: AnyReason
    text: str
    start: int
    end: int
    block: int
    detail: str = ""
    xpath: str | None = None


@dataclass(frozen=True)
class Title:
    """The block that holds the page's headline, as a filter decided it.

    The ledger makes the part of that block the filter removed as ``headline`` the
    result's :attr:`~dechaff.CleanResult.title`, and later filters see the decision
    as :attr:`dechaff.page.Page.headline`. The first title decided stands.
    """

    filter: str
    block: int
    detail: str = ""
    score: float | None = None
    """How well the block matched the document title (0–1); ``None`` when it was
    found another way (a line the page repeats, or the document title itself)."""

    @property
    def matched(self) -> bool:
        """Found by matching the document title: evidence of where the article starts."""
        return self.score is not None


@dataclass(frozen=True)
class Reinstatement:
    """A block an earlier filter removed whole, given back to the body.

    The ledger withdraws that removal and keeps the block, with a :class:`Flag`
    (``reason``, ``detail``) that names the removal withdrawn and the evidence, so
    that the report still says what the earlier filter decided and why it was
    overruled. A block removed in parts, or not removed, is left as it is.
    """

    filter: str
    block: int
    reason: AnyReason
    detail: str = ""


Decision = Removal | Repair | Flag | Title | Reinstatement
"""What a filter may return."""
