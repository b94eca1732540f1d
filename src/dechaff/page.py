"""What a filter sees (the page, its blocks, the facts read from it, and what
earlier filters decided) and what a filter is (:class:`Filter`)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from .blocks import Block
from .errors import ConfigError
from .headline import HeadingMatch, HeadlineRules
from .metadata import Metadata
from .page_type import Signs
from .profile import SiteEvidence
from .report import Decision, Evidence, Removal, Repair, Title

FAVOURS = ("precision", "balanced", "recall")


def check_favour(favour: str) -> None:
    """Raise :class:`ConfigError` unless ``favour`` is one of :data:`FAVOURS`."""
    if favour not in FAVOURS:
        raise ConfigError(f"favour is 'precision', 'balanced' or 'recall', not {favour!r}")


@dataclass(frozen=True)
class Settings:
    """Settings that concern the whole pipeline rather than one filter."""

    max_chars: int | None = 50_000_000
    """Longest input accepted, in characters; ``None`` accepts anything."""
    mode: str = "auto"
    """How ``Cleaner.__call__`` reads its input: ``"auto"`` (HTML when it starts like
    an HTML document), ``"text"`` or ``"html"``."""

    site_min_pages: int = 5
    """A line is site boilerplate when it stands on at least this many of the site's
    pages (see :meth:`dechaff.profile.SiteProfile.evidence`) …"""
    site_min_share: float = 0.3
    """… and on at least this share of them …"""
    site_min_site_pages: int = 10
    """… of a site the profile saw at least this many pages of (else too few to tell).
    Their measured effect: docs/across-pages.md."""

    headline: HeadlineRules = field(default_factory=HeadlineRules)
    """What a headline looks like and how closely it must match the document title,
    for the reading stage and the ``headline`` filter alike
    (:class:`dechaff.headline.HeadlineRules`)."""

    favour: str = "balanced"
    """Where the built-in pipeline (:meth:`Cleaner.default`) errs when unsure:
    ``"precision"`` keeps only what is surely the article (no standfirst or lead
    outside the main element, the body as one run), ``"recall"`` keeps all that may
    be (the article's prose after its main element, the body in several runs),
    ``"balanced"`` stands between. Their measured effect: docs/benchmarks.md."""

    def __post_init__(self) -> None:
        if self.mode not in {"auto", "text", "html"}:
            raise ConfigError(f"mode is 'auto', 'text' or 'html', not {self.mode!r}")
        check_favour(self.favour)


@dataclass(frozen=True)
class Facts:
    """What the reading stage (:mod:`dechaff.reading`) found about the page, once,
    before any filter ran: evidence several filters weigh."""

    document_title: str | None = None
    """The HTML document's title (og:title or ``<title>``); ``None`` for text input."""
    heading: HeadingMatch | None = None
    """HTML: the heading that matches the document title, else the first ``<h1>``."""
    main_share: float | None = None
    """HTML: the share of the page's words inside its main content element;
    ``None`` for text input, or when no element was chosen."""
    site: SiteEvidence | None = None
    """The lines the page's site repeats across its pages, when the caller gave a
    site profile's evidence (see :mod:`dechaff.profile`)."""
    held: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))
    """Per line a glued copy of the article holds, that copy's index (see
    :mod:`dechaff.repair.copies`): the article's paragraphs, however short or list-like
    each is alone."""
    declared: frozenset[str] = frozenset()
    """HTML: what the page says it is (its ``og:type`` and JSON-LD ``@type`` values,
    lower-cased); empty for text input."""
    thread: bool = False
    """HTML: the main content element is made, at half its words or more, of comment
    sections: the page is a discussion (a forum thread, a question and its answers),
    whose posts are its content."""
    address: str | None = None
    """HTML: the page's own address as its head gives it (canonical link, og:url)."""
    metadata: Metadata = field(default_factory=Metadata)
    """HTML: what the markup says about the page (author, date, site name, …;
    :mod:`dechaff.metadata`)."""

    @property
    def signs(self) -> Signs:
        """What of these facts tells the page's type, besides its blocks."""
        return Signs(self.declared, self.address, self.thread, self.main_share)


@dataclass(frozen=True)
class Page:
    """The state a filter is called with. Immutable: filters return decisions."""

    raw: str
    """The decoded input."""
    blocks: tuple[Block, ...]
    """Every block of the page, kept or not."""
    kept: tuple[Block, ...]
    """The blocks no earlier filter removed, in page order."""
    removals: tuple[Removal, ...] = ()
    """What earlier filters removed."""
    repairs: tuple[Repair, ...] = ()
    """What earlier filters repaired."""
    settings: Settings = field(default_factory=Settings)
    facts: Facts = field(default_factory=Facts)
    """What the reading stage found, before any filter ran."""
    headline: Title | None = None
    """The headline an earlier filter decided on, if any (the block that holds it; the
    result's :attr:`~dechaff.CleanResult.title` is its text)."""

    @property
    def title(self) -> Title | None:
        """The old name of :attr:`headline`, kept until 0.4."""
        message = "Page.title is Page.headline; the old name goes in 0.4"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return self.headline

    @property
    def document_title(self) -> str | None:
        """The HTML document's title (og:title or ``<title>``); ``None`` for text input."""
        return self.facts.document_title

    @property
    def has_dom(self) -> bool:
        """True for HTML input: its blocks carry DOM evidence."""
        return bool(self.blocks) and self.blocks[0].dom is not None

    @cached_property
    def kept_indices(self) -> frozenset[int]:
        """The indices of :attr:`kept`."""
        return frozenset(b.index for b in self.kept)

    @cached_property
    def cuts(self) -> dict[int, tuple[tuple[int, int], ...]]:
        """Block index -> the spans earlier filters cut from the block (a label, a
        credit), in input order; blocks removed whole are in :attr:`removed_reasons`."""
        found: dict[int, list[tuple[int, int]]] = {}
        for r in self.removals:
            block = self.blocks[r.block]
            if (r.start, r.end) != (block.start, block.end):
                found.setdefault(r.block, []).append((r.start, r.end))
        return {index: tuple(sorted(spans)) for index, spans in found.items()}

    @cached_property
    def removed_evidence(self) -> dict[int, frozenset[Evidence]]:
        """Block index -> what the reason it was removed for declares
        (:class:`~dechaff.report.Evidence`), for blocks removed whole by earlier
        filters for a reason that declares any."""
        whole = {}
        for r in self.removals:
            block = self.blocks[r.block]
            if r.start == block.start and r.end == block.end:
                whole[r.block] = r.reason.evidence
        return {index: evidence for index, evidence in whole.items() if evidence}

    @cached_property
    def removed_reasons(self) -> dict[int, str]:
        """Block index -> reason slug, for blocks removed whole by earlier filters."""
        whole = {}
        for r in self.removals:
            block = self.blocks[r.block]
            if r.start == block.start and r.end == block.end:
                whole[r.block] = r.reason.value
        return whole


@runtime_checkable
class Filter(Protocol):
    """Anything with a ``name`` that maps a :class:`Page` to decisions.

    A filter never changes the page: it returns :class:`~dechaff.report.Removal`,
    :class:`~dechaff.report.Repair` and :class:`~dechaff.report.Flag` records,
    and the pipeline applies them.
    """

    @property
    def name(self) -> str:
        """A unique name: the key for ``Cleaner.without``, ``replace`` and ``insert``."""
        ...

    def __call__(self, page: Page) -> Iterable[Decision]:
        """The decisions about ``page``: removals, repairs, flags and a title, in any
        order. The pipeline applies them; a filter that returns anything else, or
        names a block or span the page lacks, makes it raise :class:`FilterError`."""
        ...
