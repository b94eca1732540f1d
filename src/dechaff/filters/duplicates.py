"""Duplicate paragraphs: exact copies, near copies, and glued blocks that hold later paragraphs.

Cost stays close to linear in the page: exact copies are grouped by a key,
near copies are only compared when they share word shingles (an inverted index
whose very common shingles are skipped), and rapidfuzz scores only those
candidate pairs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from rapidfuzz import fuzz

from ..blocks import Block
from ..page import Page
from ..repair.copies import MIN_COVER
from ..report import CopyOf, Decision, Reason
from ..textutil import shingle_places, word_runs, word_shingles
from .base import INF, check_settings, remove_block

_GLUED_MIN_PARTS = 3
"""A block counts as a glued copy of short lines only when it holds at least this many
lines of the page: a paragraph whose two sentences also stand as two lines is a
repeated paragraph, not a page glued together."""
Shingle = tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Duplicates:
    """Remove repeated paragraphs, and declare what each removed one is a copy of.

    - ``duplicate-exact``: the same text (case and spacing aside) as a kept block.
    - ``duplicate-near``: ``rapidfuzz.fuzz.ratio`` of at least ``near`` to a kept block.
    - ``duplicate-contained``: a glued block whose word shingles are covered at
      ``container_coverage`` or more by later paragraphs of the page (the same
      story twice, once run together, once split into paragraphs); or a short
      block whose shingles lie at ``contained`` or more inside a longer one.

    Of two copies, the one inside running prose (more words in long blocks
    around it) is kept; the glued block always yields to the split paragraphs.
    Each removal of a copy declares the kept paragraphs it copies
    (:attr:`~dechaff.report.Removal.copy_of`): a glued copy the paragraphs it runs
    together and the short lines with ``repair_share`` of their runs in it, a
    near or exact copy its twin. The repair stage that follows
    (:class:`dechaff.filters.Repairs`) fills their holes from it.
    """

    name: str = "duplicates"
    min_words: int = 15
    prose_words: int = 15
    """A kept block this long, within two lines of a copy, is running prose around
    it: of two copies, the one with more words of such blocks around it is kept."""
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
    max_block_words: int = 20_000

    def __post_init__(self) -> None:
        check_settings(
            self,
            min_words=(1, INF),
            prose_words=(1, INF),
            near=(0, 100),
            contained=(0, 1),
            part_of_glued=(0, 1),
            repair_share=(0, 1),
            container_coverage=(0, 1),
            shingle_size=(1, INF),
            max_posting=(1, INF),
            max_block_words=(1, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        found = _Search(self, page)
        yield from found.exact_copies()
        contained_in, near_pairs = found.pairs()
        yield from found.glued(contained_in)
        yield from found.near_copies(near_pairs)


def _in_order(lines: list[_ShortLine], places: list[int]) -> list[_ShortLine]:
    """The longest run of ``lines`` (in page order) whose ``places`` in a block rise:
    the lines a copy holds in the order the page shows them."""
    ends: list[int] = []  # per length, the place where the best chain of it ends
    last: list[int] = []  # per length, the index of that chain's last line
    before: list[int] = [-1] * len(lines)
    for i, place in enumerate(places):
        n = bisect_left(ends, place)
        before[i] = last[n - 1] if n else -1
        if n == len(ends):
            ends.append(place)
            last.append(i)
        else:
            ends[n], last[n] = place, i
    chain, i = [], last[-1] if last else -1
    while i >= 0:
        chain.append(lines[i])
        i = before[i]
    return chain[::-1]


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
        self.removed: set[int] = set()
        self.shingles: dict[int, set[Shingle]] = {}
        self.mostly_in: dict[int, list[int]] = {}
        """Per long block, the blocks nearly as long with ``contained`` of their
        shingles in it: parts of it only if it is a glued copy."""
        self.loosely_in: dict[int, list[int]] = {}
        """Per long block, the blocks with ``repair_share`` of their shingles in it,
        too few to count as its parts but enough to be repaired from it."""
        self.by_index: dict[int, Block] = {}
        self.inside: dict[int, list[_ShortLine]] = {}
        """Per block searched, the short lines inside it (see :meth:`_short_lines_inside`)."""

    @cached_property
    def glued_copies(self) -> frozenset[int]:
        """The blocks the reading stage found glued copies of the article in (see
        :mod:`dechaff.repair.copies`): the only ones searched for the short lines of an
        article glued together when they hold no longer paragraph."""
        return frozenset(self.page.facts.held.values())

    def prose(self, block: Block, other: Block | None = None) -> int:
        """Words in long blocks around ``block`` (not counting ``other``, its copy)."""
        i = self.position[block.index]
        around = self.kept[max(0, i - 2) : i] + self.kept[i + 1 : i + 3]
        least = self.settings.prose_words
        return sum(b.words for b in around if b.words >= least and b is not other)

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
                        copy_of=CopyOf((keeper.index,), glued=False),
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
                    elif len(own) < len(theirs):
                        # most of a longer block that is no near copy of it: the
                        # longest paragraph of a glued copy, say
                        self.mostly_in.setdefault(other, []).append(b.index)
                else:
                    contained_in.setdefault(other, []).append(b.index)
        return contained_in, near_pairs

    def glued(self, contained_in: dict[int, list[int]]) -> Iterator[Decision]:
        """3. Glued blocks (covered by the paragraphs inside them), and fragments of
        longer blocks."""
        for big in sorted(set(contained_in).union(self.shingles)):
            if big in self.removed:
                continue
            parts = [i for i in contained_in.get(big, ()) if i not in self.removed]
            whole = [i for i in self.mostly_in.get(big, ()) if i not in self.removed]
            if not parts and not whole:
                if big not in contained_in and big in self.glued_copies:
                    yield from self._glued_short_lines(big)
                continue
            # the paragraphs with many holes (fewer of their shingles inside) cover
            # the block as well as the whole ones
            loose = [i for i in self.loosely_in.get(big, []) if i not in self.removed]
            if len(parts) + len(loose) + len(whole) < 2 or self._overlapping(big, parts + whole):
                whole = []  # a longer version of one paragraph, or lines alike
            loose += whole
            coverage, many = self._cover(big, parts, loose)
            if coverage >= self._cover_needed(big, many):
                # the short paragraphs inside have holes to fill too
                inside = self._short_lines_inside(big)
                short = [line.block for line in inside if line.holds(self.settings.repair_share)]
                # and so do the long ones with many holes (fewer shingles inside)
                yield from self._glued_copy(
                    self.by_index[big], sorted(parts + short + loose), coverage
                )
            elif not many:  # (the lines of a page glued together are no fragments)
                yield from self._fragments(self.by_index[big], parts)

    def _cover(self, big: int, parts: list[int], loose: list[int]) -> tuple[float, bool]:
        """How much of ``big`` the paragraphs inside it cover, and whether it holds
        several of the page's lines (a page glued together): when its paragraphs
        cover too little, its short lines count too, and the cover in words."""
        covered = set().union(*(self.shingles[i] for i in parts + loose)) & self.shingles[big]
        coverage = len(covered) / len(self.shingles[big])
        if coverage >= self.settings.container_coverage:
            return coverage, False
        short = self._parts_among_short_lines(big)
        if len(parts) + self._distinct(short) < _GLUED_MIN_PARTS:
            return coverage, False
        more = covered.union(*(line.inside for line in short))
        words = word_runs(self.by_index[big].key)
        return _word_coverage(words, more, self.settings.shingle_size), True

    def _cover_needed(self, big: int, many: bool) -> float:
        """How much of ``big`` its parts must cover for it to go as a glued copy:
        ``container_coverage``; or, for a copy the reading stage found or a block
        that holds several of the page's lines (``many``), :data:`MIN_COVER` (its
        paragraphs lost words to holes; they are not fragments of it)."""
        if many or big in self.glued_copies:
            return min(self.settings.container_coverage, MIN_COVER)
        return self.settings.container_coverage

    def _distinct(self, lines: list[_ShortLine]) -> int:
        """How many different lines ``lines`` are (a line the page repeats is one)."""
        return len({self.by_index[line.block].key for line in lines})

    def _overlapping(self, big: int, parts: list[int]) -> bool:
        """Whether ``parts`` hold more words together than ``big`` (with a fifth to
        spare): the paragraphs of a glued copy each stand in a stretch of their own."""
        words = sum(self.by_index[i].words for i in parts)
        return words > 1.2 * self.by_index[big].words

    def _glued_short_lines(self, big: int) -> Iterator[Decision]:
        """A block that holds no paragraph long enough to compare, but the short
        lines of an article glued together (one-sentence paragraphs, list items): a
        copy when at least :data:`_GLUED_MIN_PARTS` distinct lines stand in it in
        the order they stand on the page and cover ``container_coverage`` of its
        words (a line a page repeats, "Portion Fix Containers: 1 Green", stands in
        it once, not in order)."""
        short = self._parts_among_short_lines(big)
        if len(short) < _GLUED_MIN_PARTS:
            return
        words = word_runs(self.by_index[big].key)
        size = self.settings.shingle_size
        first = shingle_places(words, size)
        in_order = _in_order(short, [min(first[s] for s in line.inside) for line in short])
        if len(in_order) < _GLUED_MIN_PARTS:
            return
        coverage = _word_coverage(words, set().union(*(line.inside for line in in_order)), size)
        if coverage >= self.settings.container_coverage:
            inside = self._short_lines_inside(big)
            parts = [line.block for line in inside if line.holds(self.settings.repair_share)]
            yield from self._glued_copy(self.by_index[big], parts, coverage)

    def _short_lines_inside(self, big: int) -> list[_ShortLine]:
        """The kept lines too short to compare on their own (list items, one-sentence
        paragraphs) that share shingles with ``big`` (one search serves both the
        cover, at ``contained``, and the repairs, at ``repair_share``): an article
        of short paragraphs glued into one block is still its copy."""
        found = self.inside.get(big)
        if found is not None:
            return found
        lines, postings = self.short_lines
        shared: dict[int, set[Shingle]] = {}
        for shingle in self.shingles[big]:
            for line in postings.get(shingle, ()):
                if line != big:
                    shared.setdefault(line, set()).add(shingle)
        found = self.inside[big] = [
            _ShortLine(line, inside, len(lines[line])) for line, inside in sorted(shared.items())
        ]
        return found

    def _parts_among_short_lines(self, big: int) -> list[_ShortLine]:
        """The short lines with ``part_of_glued`` of their shingles inside ``big``."""
        share = self.settings.part_of_glued
        return [line for line in self._short_lines_inside(big) if line.holds(share)]

    @cached_property
    def short_lines(self) -> tuple[dict[int, set[Shingle]], dict[Shingle, list[int]]]:
        """The shingles of the kept lines too short to compare on their own, and the
        lines each shingle stands in (indexed once, when a block is first searched
        for the short lines inside it)."""
        size = self.settings.shingle_size
        lines = {
            b.index: word_shingles(b.key, size)
            for b in self.kept
            if size <= b.words < self.settings.min_words
        }
        postings: dict[Shingle, list[int]] = {}
        for index, own in lines.items():
            for shingle in own:
                postings.setdefault(shingle, []).append(index)
        for index in lines:
            self.by_index.setdefault(index, self.page.blocks[index])
        return lines, postings

    def _glued_copy(self, block: Block, parts: list[int], coverage: float) -> Iterator[Decision]:
        self.removed.add(block.index)
        listed = ", ".join(str(i) for i in parts[:8]) + (" …" if len(parts) > 8 else "")
        yield remove_block(
            self.settings.name, block, Reason.DUPLICATE_CONTAINED,
            f"run-together copy of blocks {listed} ({coverage:.0%} of it); kept those",
            score=round(coverage, 3), related=parts[0], copy_of=CopyOf(tuple(parts), glued=True),
        )  # fmt: skip

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
                copy_of=CopyOf((keeper.index,), glued=False),
            )  # fmt: skip


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
