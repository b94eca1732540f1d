"""The repair component: the words a copy of the article holds, put back into the
paragraphs kept.

Scrapers strip link text and leave holes ("dispatched about 10,000-12,000 . But");
a page that holds its article twice (glued into one line, or a paragraph twice
with small differences) often holds the missing words in the other copy. The
component has one entrance, :func:`repairs` (the ``repair`` stage of the
pipeline, :class:`dechaff.filters.Repairs`), and reads only what the page and the
filters before it declare:

- each removal's :attr:`~dechaff.report.Removal.copy_of`: the kept paragraphs a
  removed block is a copy of (the ``duplicates`` filter declares them: a glued
  copy and the paragraphs it runs together, a near or exact copy and its twin);
- :attr:`dechaff.page.Facts.held`: the glued copies the reading stage found
  (:mod:`dechaff.repair.copies`), for a copy that a filter removed without
  declaring what it copies (a long line taken for a transcript, say).

:mod:`dechaff.repair.alignment` lines a paragraph up with its copy and fills the
holes between matching words; :mod:`dechaff.repair.edge_holes` the holes at a
paragraph's start and end. Every repair copies its text from the input and names
the span it came from. A hole nothing fills is flagged by the ``truncation``
filter, which runs next.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from itertools import pairwise

from ..blocks import Block
from ..page import Page
from ..report import CopyOf, Repair
from .alignment import Aligned, Repairer, Source, in_page_order, solid
from .edge_holes import EdgeRepairs

__all__ = ["Repairer", "repairs"]


def repairs(page: Page, repairer: Repairer, shingle_size: int) -> Iterator[Repair]:
    """Every repair the page's copies make, with ``repairer``'s limits; a copy's
    text is searched by runs of ``shingle_size`` words. Copies are taken in the
    order their removals were decided, then the glued copies that were removed
    without a word of what they copy."""
    copies = _Copies(page, repairer, shingle_size)
    declared: set[int] = set()
    for removal in page.removals:  # (a block cut before is removed in pieces: once)
        if removal.copy_of is not None and removal.block not in declared:
            declared.add(removal.block)
            yield from copies.declared(page.blocks[removal.block], removal.copy_of)
    yield from copies.held(declared)


class _Copies:
    """One page's copies and the kept paragraphs they are lined up with."""

    def __init__(self, page: Page, repairer: Repairer, shingle_size: int) -> None:
        self.page = page
        self.repairer = repairer
        self.edges = EdgeRepairs(repairer)
        self.shingle_size = shingle_size
        self.kept = page.kept
        self.kept_indices = page.kept_indices
        self.position = {b.index: i for i, b in enumerate(page.kept)}

    @cached_property
    def line_keys(self) -> tuple[str, ...]:
        """The page's lines of two words or more: a run of a copy that holds one is no
        hole (worked out for the pages that have a copy to repair from)."""
        return tuple({b.key for b in self.page.blocks if b.words >= 2})

    def declared(self, copy: Block, copy_of: CopyOf) -> Iterator[Repair]:
        """The holes of the kept paragraphs ``copy_of`` names that ``copy`` fills."""
        targets = [self.page.blocks[i] for i in copy_of.blocks if i in self.kept_indices]
        if not targets:
            return
        source = Source(copy, self.shingle_size)
        if copy_of.glued:
            yield from self._from_glued(source, targets)
            return
        for target in targets:
            if target.key != copy.key:  # (an exact copy lacks no word its twin has)
                yield from self.repairer.fill_holes(self.page, target, source)

    def held(self, declared: set[int]) -> Iterator[Repair]:
        """The holes that glued copies the reading stage found fill (see
        :attr:`dechaff.page.Facts.held`), for the copies removed without a declared
        :class:`~dechaff.report.CopyOf`: its text is still the page's, and the lines
        it holds are its paragraphs."""
        kept = self.kept_indices
        by_copy: dict[int, list[Block]] = {}
        for line, copy in sorted(self.page.facts.held.items()):
            if copy not in kept and copy not in declared and line in kept:
                by_copy.setdefault(copy, []).append(self.page.blocks[line])
        for copy, parts in sorted(by_copy.items()):
            yield from self._from_glued(Source(self.page.blocks[copy], self.shingle_size), parts)

    def _from_glued(self, source: Source, parts: list[Block]) -> Iterator[Repair]:
        """The holes of ``parts`` that the glued copy ``source`` fills: between
        matching words, and at the paragraphs' edges."""
        aligned = [a for b in parts if (a := self.repairer.align(self.page, b, source))]
        aligned = in_page_order([*aligned, *self._lines_between(source, aligned)])
        for a in aligned:
            yield from self.repairer.fill_inner(self.page, a, source)
        yield from self.edges.fill(self.page, aligned, source, self.line_keys)

    def _lines_between(self, source: Source, aligned: list[Aligned]) -> list[Aligned]:
        """The kept lines standing between two aligned paragraphs on the page, lined
        up with the stretch of the copy between them: a short line with a hole
        shares no run of words with the copy to be found by, but its place is
        known. The stretch left for the lines after it starts past its end, when its
        end matched in a run (else where it started)."""
        have = {a.target.index for a in aligned}
        found: list[Aligned] = []
        for before, after in pairwise(solid(aligned)):
            lo, hi = before.last_end(), after.first_start()
            for line in self.kept[self.position[before.target.index] + 1 :]:
                if line.index >= after.target.index or lo >= hi:
                    break
                if line.index in have:
                    continue
                a = self.repairer.align(self.page, line, source, source.between(lo, hi))
                if a is not None:
                    found.append(a)
                    if a.last() is not None:
                        lo = a.last_end()
        return found
