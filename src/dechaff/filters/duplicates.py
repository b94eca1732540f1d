"""Duplicate paragraphs: exact copies, near copies, and glued blocks that hold later paragraphs.

Cost stays close to linear in the page: exact copies are grouped by a key,
near copies are only compared when they share word shingles (an inverted index
whose very common shingles are skipped), and rapidfuzz scores only those
candidate pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import fuzz

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason, Repair
from ..textutil import word_runs, word_shingles
from .alignment import Aligned, Repairer, Source, in_page_order, solid
from .base import INF, check_settings, remove_block
from .edge_holes import EdgeRepairs

_GLUED_MIN_PARTS = 3
"""A block counts as a glued copy of short lines only when it holds at least this many
lines of the page: a paragraph whose two sentences also stand as two lines is a
repeated paragraph, not a page glued together."""
_SHORT_SEARCHES = 16
"""How many blocks of a page are searched for the short lines inside them: a page has
a glued copy or two, and each search reads the whole page."""
Shingle = tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Duplicates:
    """Remove repeated paragraphs and fill link-text holes from the removed copy.

    - ``duplicate-exact``: the same text (case and spacing aside) as a kept block.
    - ``duplicate-near``: ``rapidfuzz.fuzz.ratio`` of at least ``near`` to a kept block.
    - ``duplicate-contained``: a glued block whose word shingles are covered at
      ``container_coverage`` or more by later paragraphs of the page (the same
      story twice, once run together, once split into paragraphs); or a short
      block whose shingles lie at ``contained`` or more inside a longer one.

    Of two copies, the one inside running prose (more words in long blocks
    around it) is kept; the glued block always yields to the split paragraphs.
    When ``repair`` is on, words that the kept copy lacks but the removed copy
    holds, inside an otherwise matching passage, are inserted back
    (``link-hole-repaired``): this is how "dispatched about 10,000-12,000 ." gets
    its "troops to Russia" back.
    """

    name: str = "duplicates"
    min_words: int = 15
    near: float = 90.0
    contained: float = 0.8
    part_of_glued: float = 0.6
    repair_share: float = 0.3
    """A short line whose three-word runs a glued copy holds at least this share of
    is aligned against it for repairs (each stripped link costs a line up to three
    runs; the alignment then decides what is filled)."""
    container_coverage: float = 0.7
    shingle_size: int = 3
    max_posting: int = 64
    repair: bool = True
    max_hole_tokens: int = 16
    min_alignment: float = 0.85
    max_block_words: int = 20_000

    def __post_init__(self) -> None:
        check_settings(
            self,
            min_words=(1, INF),
            near=(0, 100),
            contained=(0, 1),
            part_of_glued=(0, 1),
            repair_share=(0, 1),
            container_coverage=(0, 1),
            shingle_size=(1, INF),
            max_posting=(1, INF),
            max_hole_tokens=(0, INF),
            min_alignment=(0, 1),
            max_block_words=(1, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        found = _Search(self, page)
        yield from found.exact_copies()
        contained_in, near_pairs = found.pairs()
        yield from found.glued(contained_in)
        yield from found.near_copies(near_pairs)
        yield from found.copies_removed_before()


def _word_coverage(words: list[str], shingles: set[Shingle], size: int) -> float:
    """The share of ``words`` inside one of ``shingles``: measured by words, not by
    shingles, so that the shingles spanning two glued paragraphs (which neither
    paragraph holds) leave no gap of their own."""
    covered = [False] * len(words)
    for i in range(len(words) - size + 1):
        if tuple(words[i : i + size]) in shingles:
            covered[i : i + size] = [True] * size
    return sum(covered) / max(1, len(words))


class _ShortLine(NamedTuple):
    """A short line of the page, with the shingles of its that a longer block holds."""

    block: int
    inside: set[Shingle]
    total: int
    """How many shingles the line has."""

    def holds(self, share: float) -> bool:
        """Whether at least ``share`` of the line's shingles are inside the block."""
        return len(self.inside) >= share * self.total


class _Search:
    """One page's search for copies: the blocks removed so far, and the shingles and
    positions the search needs."""

    def __init__(self, settings: Duplicates, page: Page) -> None:
        self.settings = settings
        self.page = page
        self.kept = page.kept
        self.position = {b.index: i for i, b in enumerate(page.kept)}
        self.candidates = [b for b in page.kept if b.words >= settings.min_words]
        self.repairs = Repairer(settings.name, settings.max_hole_tokens, settings.min_alignment)
        self.edges = EdgeRepairs(self.repairs)
        self.removed: set[int] = set()
        self.short_searches = 0
        self.shingles: dict[int, set[Shingle]] = {}
        self.loosely_in: dict[int, list[int]] = {}
        """Per long block, the blocks with ``repair_share`` of their shingles in it,
        too few to count as its parts but enough to be repaired from it."""
        self.by_index: dict[int, Block] = {}

    @cached_property
    def line_keys(self) -> tuple[str, ...]:
        """The page's lines of two words or more: a run of a copy that holds one is no
        hole (worked out for the pages that have a copy to repair from)."""
        return tuple({b.key for b in self.page.blocks if b.words >= 2})

    def prose(self, block: Block, other: Block | None = None) -> int:
        """Words in long blocks around ``block`` (not counting ``other``, its copy)."""
        i = self.position[block.index]
        around = self.kept[max(0, i - 2) : i] + self.kept[i + 1 : i + 3]
        return sum(b.words for b in around if b.words >= 15 and b is not other)

    def exact_copies(self) -> Iterator[Decision]:
        """1. Blocks with the same key: the copy in the most prose is kept."""
        groups: dict[str, list[Block]] = {}
        for b in self.candidates:
            groups.setdefault(b.key, []).append(b)
        for group in groups.values():
            if len(group) < 2:
                continue
            keeper = max(group, key=lambda b: (self.prose(b), -b.index))
            for b in group:
                if b is not keeper:
                    self.removed.add(b.index)
                    yield remove_block(
                        self.settings.name, b, Reason.DUPLICATE_EXACT,
                        f"same text as block {keeper.index}; kept that copy",
                        score=1.0, related=keeper.index,
                    )  # fmt: skip

    def pairs(self) -> tuple[dict[int, list[int]], list[tuple[float, int, int]]]:
        """2. Candidate pairs through shared shingles: per long block, the shorter
        blocks mostly inside it; and the near copies with their similarity.

        Near copies and containment are looked for among blocks of bounded size, so
        that one enormous line costs no more than its exact-match key.
        """
        s = self.settings
        distinct = [
            b
            for b in self.candidates
            if b.index not in self.removed and b.words <= s.max_block_words
        ]
        self.shingles = shingles = {b.index: word_shingles(b.key, s.shingle_size) for b in distinct}
        self.by_index = {b.index: b for b in distinct}
        postings = _postings(distinct, shingles)
        contained_in: dict[int, list[int]] = {}
        near_pairs: list[tuple[float, int, int]] = []
        for b in distinct:
            own = shingles[b.index]
            for other, count in _shared(b.index, own, postings, s.max_posting).items():
                theirs = shingles[other]
                if len(own) > len(theirs) or (len(own) == len(theirs) and b.index > other):
                    continue  # each pair once, from its smaller side
                share = count / len(own)
                if share < s.part_of_glued:
                    if share >= s.repair_share and len(own) < 0.67 * len(theirs):
                        self.loosely_in.setdefault(other, []).append(b.index)
                    continue
                if len(own) >= 0.67 * len(theirs):
                    if share < s.contained:
                        continue
                    score = fuzz.ratio(b.key, self.by_index[other].key)
                    if score >= s.near:
                        near_pairs.append((score, b.index, other))
                else:
                    contained_in.setdefault(other, []).append(b.index)
        return contained_in, near_pairs

    def glued(self, contained_in: dict[int, list[int]]) -> Iterator[Decision]:
        """3. Glued blocks (covered by the paragraphs inside them), and fragments of
        longer blocks."""
        for big in sorted(contained_in):
            if big in self.removed:
                continue
            parts = [i for i in contained_in[big] if i not in self.removed]
            if not parts:
                continue
            # the paragraphs with many holes (fewer of their shingles inside) cover
            # the block as well as the whole ones
            loose = [i for i in self.loosely_in.get(big, []) if i not in self.removed]
            covered = set().union(*(self.shingles[i] for i in parts + loose)) & self.shingles[big]
            coverage = len(covered) / len(self.shingles[big])
            inside: list[_ShortLine] | None = None
            if coverage < self.settings.container_coverage:
                inside = self._short_lines_inside(big)
                short = [line for line in inside if line.holds(self.settings.part_of_glued)]
                if len(parts) + len(short) >= _GLUED_MIN_PARTS:
                    more = covered.union(*(line.inside for line in short))
                    words = word_runs(self.by_index[big].key)
                    coverage = _word_coverage(words, more, self.settings.shingle_size)
            if coverage >= self.settings.container_coverage:
                # the short paragraphs inside have holes to fill too
                inside = self._short_lines_inside(big) if inside is None else inside
                at_least = self.settings.repair_share
                short_parts = [line.block for line in inside if line.holds(at_least)]
                # and so do the long ones with many holes (fewer shingles inside)
                yield from self._glued_copy(
                    self.by_index[big], sorted(parts + short_parts + loose), coverage
                )
            else:
                yield from self._fragments(self.by_index[big], parts)

    def _short_lines_inside(self, big: int) -> list[_ShortLine]:
        """The kept lines too short to compare on their own (list items, one-sentence
        paragraphs) that share shingles with ``big`` (one search serves both the
        cover, at ``contained``, and the repairs, at ``repair_share``): an article
        of short paragraphs glued into one block is still its copy."""
        own = self.shingles[big]
        size = self.settings.shingle_size
        lines: list[_ShortLine] = []
        self.short_searches += 1
        if self.short_searches > _SHORT_SEARCHES:
            return lines  # (each search reads the page: a few per page at most)
        for block in self.kept:
            if block.index == big or not size <= block.words < self.settings.min_words:
                continue
            theirs = word_shingles(block.key, size)
            inside = theirs & own
            if inside:
                lines.append(_ShortLine(block.index, inside, len(theirs)))
                self.by_index.setdefault(block.index, block)
        return lines

    def _glued_copy(self, block: Block, parts: list[int], coverage: float) -> Iterator[Decision]:
        self.removed.add(block.index)
        listed = ", ".join(str(i) for i in parts[:8]) + (" …" if len(parts) > 8 else "")
        yield remove_block(
            self.settings.name, block, Reason.DUPLICATE_CONTAINED,
            f"run-together copy of blocks {listed} ({coverage:.0%} of it); kept those",
            score=round(coverage, 3), related=parts[0],
        )  # fmt: skip
        if self.settings.repair:
            yield from self._repairs_from(block, [self.by_index[i] for i in parts])

    def _repairs_from(self, copy: Block, parts: list[Block]) -> Iterator[Repair]:
        """The holes of ``parts`` that the glued ``copy`` fills."""
        source = Source(copy, self.settings.shingle_size)
        aligned = [a for b in parts if (a := self.repairs.align(self.page, b, source))]
        aligned = in_page_order([*aligned, *self._lines_between(source, aligned)])
        for a in aligned:
            yield from self.repairs.fill_inner(self.page, a, source)
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
            for line in self.kept[self.position.get(before.target.index, 0) + 1 :]:
                if line.index >= after.target.index or lo >= hi:
                    break
                if line.index in have or line.index in self.removed:
                    continue
                a = self.repairs.align(self.page, line, source, source.between(lo, hi))
                if a is not None:
                    found.append(a)
                    if a.last() is not None:
                        lo = a.last_end()
        return found

    def copies_removed_before(self) -> Iterator[Repair]:
        """5. Repairs from a glued copy an earlier filter removed (a long line taken
        for a transcript, say): its text is still the page's, and the lines it holds
        (:attr:`dechaff.page.Facts.held`) are its paragraphs."""
        if not self.settings.repair:
            return
        kept = self.page.kept_indices
        by_copy: dict[int, list[Block]] = {}
        for line, copy in sorted(self.page.facts.held.items()):
            if copy not in kept and line in kept and line not in self.removed:
                by_copy.setdefault(copy, []).append(self.page.blocks[line])
        for copy, parts in sorted(by_copy.items()):
            yield from self._repairs_from(self.page.blocks[copy], parts)

    def _fragments(self, block: Block, parts: list[int]) -> Iterator[Decision]:
        for i in parts:
            part = self.by_index[i]
            own = self.shingles[i]
            share = len(own & self.shingles[block.index]) / max(1, len(own))
            if share < self.settings.contained or self.prose(part, block) > self.prose(block, part):
                continue  # the fragment sits in the prose: the longer block may go
            self.removed.add(i)
            yield remove_block(
                self.settings.name, part, Reason.DUPLICATE_CONTAINED,
                f"{share:.0%} of it stands inside block {block.index}; kept that one",
                score=round(share, 3), related=block.index,
            )  # fmt: skip

    def near_copies(self, near_pairs: list[tuple[float, int, int]]) -> Iterator[Decision]:
        """4. Near copies, best-matching pairs first: the copy in more prose is kept."""
        for score, left, right in sorted(near_pairs, key=lambda t: (-t[0], t[1], t[2])):
            if left in self.removed or right in self.removed:
                continue
            first, second = self.by_index[left], self.by_index[right]
            keeper, loser = (
                (first, second)
                if (self.prose(first), -first.index) >= (self.prose(second), -second.index)
                else (second, first)
            )
            self.removed.add(loser.index)
            yield remove_block(
                self.settings.name, loser, Reason.DUPLICATE_NEAR,
                f"{score:.0f}% similar to block {keeper.index}; kept that copy",
                score=round(score / 100, 3), related=keeper.index,
            )  # fmt: skip
            if self.settings.repair:
                yield from self.repairs.fill_holes(
                    self.page, keeper, Source(loser, self.settings.shingle_size)
                )


def _postings(
    blocks: Sequence[Block], shingles: dict[int, set[Shingle]]
) -> tuple[dict[Shingle, list[int]], set[Shingle]]:
    """The shingles shared by two or more blocks, and the blocks each occurs in. Most
    shingles occur once: the shared ones are found with set operations first, so
    that only they are indexed."""
    seen: set[Shingle] = set()
    common: set[Shingle] = set()
    for own in shingles.values():
        common |= own & seen
        seen |= own
    postings: defaultdict[Shingle, list[int]] = defaultdict(list)
    for b in blocks:
        for s in shingles[b.index] & common:
            postings[s].append(b.index)
    return postings, common


def _shared(
    index: int,
    own: set[Shingle],
    index_: tuple[dict[Shingle, list[int]], set[Shingle]],
    max_posting: int,
) -> dict[int, int]:
    """Per other block, how many of ``own`` shingles it shares with block ``index``
    (through shingles in at most ``max_posting`` blocks)."""
    postings, common = index_
    shared: dict[int, int] = {}
    for s in own & common:  # (most shingles are the block's own: skipped in C)
        posting = postings[s]
        if 1 < len(posting) <= max_posting:
            for i in posting:
                shared[i] = shared.get(i, 0) + 1
    shared.pop(index, None)
    return shared
