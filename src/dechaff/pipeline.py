"""The Cleaner: an ordered set of uniquely named filters, and the code that applies them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import replace as dc_replace
from importlib.metadata import entry_points
from itertools import pairwise
from operator import attrgetter

from .blocks import Block
from .decode import to_text
from .errors import ConfigError, FilterError, InputTooLargeError
from .headline import headline_of
from .html.decoding import decode_html_keeping_utf8, looks_like_html
from .page import Facts, Filter, Page, Settings
from .profile import SiteEvidence
from .reading import Reading, read_html, read_text
from .report import Decision, Flag, Reason, Reinstatement, Removal, Repair, Title
from .result import CleanResult
from .textutil import joins_words, squash
from .verdict import MAIN_CONTENT, PageFlag, PageReason, main_element_emptied, page_flags

ENTRY_POINT_GROUP = "dechaff.filters"


class Cleaner:
    """A configured cleaning pipeline. Call it on raw page text.

    >>> from dechaff import Cleaner
    >>> cleaner = Cleaner.default().without("duplicates")
    >>> "duplicates" in cleaner.names
    False
    >>> cleaner("Skip to content\\nThe river rose two metres overnight, officials said.").text
    'The river rose two metres overnight, officials said.'
    """

    def __init__(self, filters: Iterable[Filter], *, settings: Settings | None = None) -> None:
        self.filters: tuple[Filter, ...] = tuple(filters)
        self.settings = settings or Settings()
        names = [_name_of(f) for f in self.filters]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ConfigError(f"filter names must be unique; repeated: {', '.join(duplicates)}")

    @classmethod
    def default(cls, *, settings: Settings | None = None, plugins: bool = False) -> Cleaner:
        """The built-in pipeline, configured by ``settings`` (default
        :class:`~dechaff.Settings`); with ``plugins=True`` also the installed plugin
        filters (:func:`load_plugins`, whose :class:`ConfigError` it raises)."""
        from .filters import default_filters

        filters = list(default_filters((settings or Settings()).favour))
        if plugins:
            filters.extend(load_plugins())
        return cls(filters, settings=settings)

    @property
    def names(self) -> tuple[str, ...]:
        """The filters' names, in the order they run."""
        return tuple(_name_of(f) for f in self.filters)

    def __getitem__(self, name: str) -> Filter:
        return self.filters[self._position(name)]

    def __repr__(self) -> str:
        return f"Cleaner([{', '.join(self.names)}])"

    def without(self, *names: str) -> Cleaner:
        """A new cleaner without the filters called ``names``; raises
        :class:`KeyError` for a name the pipeline does not hold."""
        for name in names:
            self._position(name)
        return Cleaner(
            [f for f in self.filters if _name_of(f) not in names], settings=self.settings
        )

    def replace(self, name: str, new: Filter) -> Cleaner:
        """A new cleaner with ``new`` in the place of the filter called ``name``."""
        at = self._position(name)
        filters = list(self.filters)
        filters[at] = new
        return Cleaner(filters, settings=self.settings)

    def insert(
        self, new: Filter, *, before: str | None = None, after: str | None = None
    ) -> Cleaner:
        """A new cleaner with ``new`` added before or after a named filter (default: last)."""
        if before is not None and after is not None:
            raise ConfigError("give before= or after=, not both")
        filters = list(self.filters)
        if before is not None:
            filters.insert(self._position(before), new)
        elif after is not None:
            filters.insert(self._position(after) + 1, new)
        else:
            filters.append(new)
        return Cleaner(filters, settings=self.settings)

    def with_settings(self, **changes: object) -> Cleaner:
        """A new cleaner whose :class:`~dechaff.Settings` have the fields in
        ``changes`` changed (``with_settings(mode="text")``); raises
        :class:`ConfigError` for a value the settings refuse, and :class:`TypeError`
        for a field they do not have."""
        return Cleaner(self.filters, settings=dc_replace(self.settings, **changes))  # type: ignore[arg-type]

    def _position(self, name: str) -> int:
        for i, f in enumerate(self.filters):
            if _name_of(f) == name:
                return i
        raise KeyError(f"no filter named {name!r}; filters: {', '.join(self.names)}")

    def __call__(self, raw: str | bytes, *, site: SiteEvidence | None = None) -> CleanResult:
        """Clean one page: raw text or an HTML document, recognised by its start.

        ``bytes`` are decoded (BOM, HTML meta charset, UTF-8, then detection).
        ``Settings.mode`` can force text or HTML. ``site``: the lines the page's site
        repeats across its pages (:meth:`dechaff.profile.SiteProfile.evidence`), for
        the ``across-pages`` filter and the body model.
        """
        if self.settings.mode == "text":
            return self.clean_text(raw, site=site)
        if self.settings.mode == "html":
            return self.clean_html(raw, site=site)
        if isinstance(raw, (bytes, bytearray, memoryview)):
            data = bytes(raw)
            if looks_like_html(data[:2048].decode("latin-1")):
                return self.clean_html(data, site=site)
        text = to_text(raw)
        if looks_like_html(text):
            return self.clean_html(text, site=site)
        return self.clean_text(text, site=site)

    def clean_text(self, raw: str | bytes, *, site: SiteEvidence | None = None) -> CleanResult:
        """Clean raw page text, never treating it as HTML: ``raw`` as ``str`` or
        ``bytes`` (decoded with charset detection); ``site``: its site's
        boilerplate, as for :meth:`__call__`. Returns the :class:`CleanResult`;
        raises :class:`TypeError` for other input and :class:`InputTooLargeError`
        past ``Settings.max_chars``."""
        text = to_text(raw)
        self._check_size(text)
        return run(self.filters, read_text(text, site), self.settings)

    def clean_html(self, html: str | bytes, *, site: SiteEvidence | None = None) -> CleanResult:
        """Clean an HTML page, ``html`` as ``str`` or ``bytes`` (decoded by its BOM,
        its declared charset, else what its bytes show); ``site``: its site's
        boilerplate, as for :meth:`__call__`. Spans in the report point into its
        visible text. Returns the :class:`CleanResult`; raises :class:`TypeError`
        for other input and :class:`InputTooLargeError` past ``Settings.max_chars``."""
        utf8 = None
        if isinstance(html, (bytes, bytearray, memoryview)):
            html, utf8 = decode_html_keeping_utf8(bytes(html))
        html = to_text(html)  # raises the usual TypeError for anything but str
        self._check_size(html)
        reading = read_html(html, site, utf8, self.settings.headline)
        return self._without_an_empty_main(run(self.filters, reading, self.settings), reading)

    def _without_an_empty_main(self, result: CleanResult, reading: Reading) -> CleanResult:
        """``result``, or, when its body is under fifty characters and the main
        content element's filter removed most of what went (an element chosen that
        held nothing that stayed: a banner, one card of a listing), the page
        cleaned again without that filter if that keeps more, flagged so."""
        if not main_element_emptied(result) or MAIN_CONTENT not in self.names:
            return result
        second = run(self.without(MAIN_CONTENT).filters, reading, self.settings)
        if len(second.text) <= len(result.text):
            return result
        flag = PageFlag(
            PageReason.MAIN_ELEMENT_SET_ASIDE,
            f"the main content element kept {len(result.text)} characters: cleaned again "
            f"without the {MAIN_CONTENT} filter",
        )
        return dc_replace(second, page_flags=(flag, *second.page_flags))

    def _check_size(self, text: str) -> None:
        limit = self.settings.max_chars
        if limit is not None and len(text) > limit:
            raise InputTooLargeError(
                f"{len(text):,} characters, over the limit of {limit:,} "
                "(Settings.max_chars; --max-chars on the command line)"
            )


def run(filters: Sequence[Filter], reading: Reading, settings: Settings) -> CleanResult:
    """Apply ``filters`` in order to a page as read (:mod:`dechaff.reading`) and
    assemble the result.

    Each filter is called with a :class:`Page`: the reading (input, blocks, facts)
    and what the filters before it decided (what is still kept, the removals and
    repairs so far, the title).
    """
    ledger = _Ledger(reading.raw, reading.blocks, reading.facts)
    for f in filters:
        page = Page(
            raw=reading.raw,
            blocks=reading.blocks,
            kept=ledger.kept_blocks(),
            removals=ledger.standing(),
            repairs=tuple(ledger.repairs),
            settings=settings,
            facts=reading.facts,
            headline=ledger.headline,
        )
        for decision in f(page):
            ledger.apply(decision)
    return ledger.result()


class _Ledger:
    """Applies decisions so that every character ends up in exactly one place."""

    def __init__(self, raw: str, blocks: tuple[Block, ...], facts: Facts) -> None:
        self.raw = raw
        self.document_title = facts.document_title
        self.signs = facts.signs
        self.markup = facts.metadata
        self.blocks = blocks
        self.headline: Title | None = None
        self.removed: set[int] = set()
        self._kept = blocks
        self._kept_stale = False  # a block was removed (or given back) since _kept was made
        self._given_back = False  # a block was given back since _kept was made
        self.whole: dict[int, Removal] = {}  # per block removed whole and untouched, its removal
        self.repaired: set[int] = set()
        self.taken: dict[int, list[tuple[int, int]]] = {}
        self.left: dict[int, int] = {}  # per partly removed block: its characters not yet taken
        self.removals: list[Removal] = []
        self.withdrawn: set[int] = set()  # ids of removals a reinstatement withdrew
        self.repairs: list[Repair] = []
        self.flags: list[Flag] = []

    def kept_blocks(self) -> tuple[Block, ...]:
        if self._kept_stale:  # mostly blocks are only removed: filter the last kept ones
            removed = self.removed
            every = self.blocks if self._given_back else self._kept
            self._kept = tuple([b for b in every if b.index not in removed])
            self._kept_stale = self._given_back = False
        return self._kept

    def standing(self) -> tuple[Removal, ...]:
        """The removals so far, less those a reinstatement withdrew."""
        if not self.withdrawn:
            return tuple(self.removals)
        return tuple(r for r in self.removals if id(r) not in self.withdrawn)

    def _block(self, index: int) -> Block:
        if not 0 <= index < len(self.blocks):
            raise FilterError(f"decision names block {index}, but the page has {len(self.blocks)}")
        return self.blocks[index]

    def apply(self, decision: Decision) -> None:
        if isinstance(decision, Removal):
            self._remove(decision)
        elif isinstance(decision, Repair):
            self._repair(decision)
        elif isinstance(decision, Flag):
            self._block(decision.block)
            if decision.block not in self.removed:
                self.flags.append(decision)
        elif isinstance(decision, Title):
            self._block(decision.block)
            if self.headline is None:
                self.headline = decision
        elif isinstance(decision, Reinstatement):
            self._reinstate(decision)
        else:
            raise FilterError(f"a filter returned {type(decision).__name__}, not a decision")

    def _remove(self, r: Removal) -> None:
        index, start, end = r.block, r.start, r.end
        block = self._block(index)
        if not (block.start <= start < end <= block.end):
            raise FilterError(
                f"{r.filter}: removal [{start}:{end}] is not inside block {index} "
                f"[{block.start}:{block.end}]"
            )
        if index in self.removed:
            return
        if start == block.start and end == block.end and index not in self.taken:
            self.removals.append(r)  # the common case: a whole, untouched block
            self.whole[index] = r
            self._drop_block(index)
        else:
            self._remove_part(r, block)

    def _remove_part(self, r: Removal, block: Block) -> None:
        """Apply a removal of part of ``block``, or of a block already cut into: only
        the characters no earlier removal took are reported."""
        taken = self.taken.setdefault(r.block, [])
        if r.block not in self.left:
            self.left[r.block] = len(block.text) - _spaces(block.text)
        pieces = []
        for start, end in _subtract((r.start, r.end), taken):
            text = self.raw[start:end]
            if not text.strip():
                continue
            same = start == r.start and end == r.end
            self.removals.append(r if same else dc_replace(r, start=start, end=end, text=text))
            pieces.append((start, end))
            self.left[r.block] -= len(text) - _spaces(text)
        if len(pieces) == 1:
            bisect.insort(taken, pieces[0])
        elif pieces:  # the gaps between earlier cuts: merge two sorted runs at once
            taken.extend(pieces)
            taken.sort()
        if self.left[r.block] <= 0:  # nothing but white space is left of the block
            self._drop_block(r.block)

    def _drop_block(self, index: int) -> None:
        """Mark a block removed; repairs made to it no longer stand."""
        self.removed.add(index)
        self._kept_stale = True
        if index in self.repaired:
            self.repairs = [p for p in self.repairs if p.block != index]

    def _reinstate(self, d: Reinstatement) -> None:
        """Give back a block removed whole by one removal: that removal is withdrawn
        and the block kept under a flag that names it."""
        block = self._block(d.block)
        withdrawn = self.whole.pop(d.block, None)
        if withdrawn is None:
            return
        self.withdrawn.add(id(withdrawn))
        self.removed.discard(d.block)
        self._kept_stale = self._given_back = True
        detail = f"removed as {withdrawn.reason.value} by {withdrawn.filter}; {d.detail}"
        self.flags.append(
            Flag(d.filter, d.reason, block.text, block.start, block.end, block.index,
                 detail.rstrip("; "), withdrawn.xpath)
        )  # fmt: skip

    def _repair(self, p: Repair) -> None:
        block = self._block(p.block)
        if p.block in self.removed:
            return
        if self.raw[p.source_start : p.source_end] != p.inserted:
            raise FilterError(
                f"{p.filter}: repair text is not raw[{p.source_start}:{p.source_end}]"
            )
        if not block.start <= p.at <= block.end:
            raise FilterError(f"{p.filter}: repair point {p.at} is outside block {p.block}")
        if any(s < p.at < e for s, e in self.taken.get(p.block, [])):
            return
        self.repairs.append(p)
        self.repaired.add(p.block)

    def result(self) -> CleanResult:
        kept = [b for b in self.blocks if b.index not in self.removed]
        inserts: dict[int, list[Repair]] = {}
        for p in self.repairs:
            inserts.setdefault(p.block, []).append(p)
        paragraphs = []
        for b in kept:
            paragraph = self._render(b, self.taken.get(b.index, []), inserts.get(b.index, []))
            if paragraph:
                paragraphs.append((b.index, paragraph))
        removals = sorted(self.standing(), key=attrgetter("start"))
        title = self._title(removals)
        text = "\n\n".join(paragraph for _, paragraph in paragraphs)
        return CleanResult(
            text=text,
            title=squash(title) if title else None,
            removals=tuple(removals),
            repairs=tuple(sorted(self.repairs, key=lambda p: p.at)),
            flags=tuple(sorted(self.flags, key=lambda f: f.start)),
            blocks=self.blocks,
            kept=tuple(b.index for b in kept),
            source_length=len(self.raw),
            page_flags=page_flags(text, self.blocks, removals),
            paragraphs=tuple(paragraphs),
            signs=self.signs,
            markup=self.markup,
            title_block=self.headline.block if self.headline is not None else None,
        )

    def _title(self, removals: list[Removal]) -> str | None:
        """The headline of the title decision (what its filter removed of its block
        as ``headline``, closed up over cuts of invisible characters), else the
        document title's headline part."""
        chosen = self.headline
        parts = [] if chosen is None else [
            r for r in removals
            if r.block == chosen.block and r.reason is Reason.HEADLINE and r.related is None
        ]  # fmt: skip
        if not parts:
            return headline_of(self.document_title) if self.document_title else None
        pieces = [parts[0].text]
        for before, after in pairwise(parts):
            gap = self.raw[before.end : after.start]
            pieces.append(("" if joins_words(gap) else " ") + after.text)
        return "".join(pieces)

    def _render(self, block: Block, taken: list[tuple[int, int]], repairs: list[Repair]) -> str:
        if not taken and not repairs:
            return squash(block.text)  # the common case: the block as it stands
        pieces: list[str] = []
        cuts = sorted({p.at for p in repairs} | {e for _, e in taken} | {s for s, _ in taken})
        points = [block.start, *[c for c in cuts if block.start < c < block.end], block.end]
        by_point: dict[int, list[str]] = {}
        for p in repairs:
            by_point.setdefault(p.at, []).append(p.inserted)
        at = 0  # the first taken span that may still cover a piece
        gap = False  # words were cut here: the next piece starts a new word

        def add(piece: str) -> None:
            nonlocal gap
            if gap and pieces and not pieces[-1][-1:].isspace() and _opens_word(piece):
                pieces.append(" ")
            gap = False
            pieces.append(piece)

        def insert_at(point: int) -> None:
            nonlocal gap
            for n, inserted in enumerate(by_point.get(point, [])):
                gap = gap or n > 0  # pieces copied to one point are a word apart
                add(inserted)

        for left, right in pairwise(points):
            insert_at(left)
            while at < len(taken) and taken[at][1] <= left:
                at += 1
            if at < len(taken) and taken[at][0] <= left and right <= taken[at][1]:
                # words cut from between words leave a word break; invisible
                # characters cut from inside a word ("Fens\u00adter") leave none
                gap = gap or not joins_words(self.raw[left:right])
                continue
            add(self.raw[left:right])
        insert_at(block.end)
        return squash("".join(pieces))


def _opens_word(piece: str) -> bool:
    """Whether ``piece`` needs a space before it after a cut (not before white space
    or closing punctuation: "at noon (Photo: …)." closes up to "at noon.")."""
    return bool(piece) and not piece[0].isspace() and piece[0] not in ".,;:!?)]}»”’"


def _subtract(span: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of ``span`` not covered by the sorted, disjoint spans in ``taken``."""
    start, end = span
    parts = []
    # the spans that can overlap: from the last one starting at or before ``start``
    for s, e in taken[max(0, bisect.bisect_right(taken, (start, end)) - 1) :]:
        if s >= end:
            break
        if e <= start:
            continue
        if s > start:
            parts.append((start, s))
        start = max(start, e)
    if start < end:
        parts.append((start, end))
    return parts


def _spaces(text: str) -> int:
    """How many of ``text``'s characters are white space."""
    return len(text) - len("".join(text.split()))


def _name_of(f: object) -> str:
    name = getattr(f, "name", None)
    if not isinstance(name, str) or not name:
        raise ConfigError(f"filter {f!r} has no name")
    return name


def load_plugins() -> list[Filter]:
    """Filters that installed packages register under the ``dechaff.filters`` entry points.

    An entry point may name a filter object, or a class or factory called with no arguments.
    """
    found: list[Filter] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        obj = ep.load()
        candidate = obj() if isinstance(obj, type) or not hasattr(obj, "name") else obj
        if not isinstance(candidate, Filter):
            raise ConfigError(f"entry point {ep.name!r} does not give a filter")
        found.append(candidate)
    return found
