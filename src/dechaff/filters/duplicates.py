"""Duplicate paragraphs: exact copies, near copies, and glued blocks that hold later paragraphs.

Cost stays close to linear in the page: exact copies are grouped by a key,
near copies are only compared when they share word shingles (an inverted index
whose very common shingles are skipped), and rapidfuzz scores only those
candidate pairs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import fuzz

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason, Repair
from ..textutil import key, word_runs
from .base import INF, check_settings, remove_block

_GLUED_MIN_PARTS = 3
"""A block counts as a glued copy of short lines only when it holds at least this many
lines of the page: a paragraph whose two sentences also stand as two lines is a
repeated paragraph, not a page glued together."""
_SHORT_SEARCHES = 16
"""How many blocks of a page are searched for the short lines inside them: a page has
a glued copy or two, and each search reads the whole page."""
_SENTENCE_ENDS = frozenset(".!?。！？")
_LOWER, _UPPER = "a-zß-öø-ÿа-яё", "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CLOSERS = frozenset('"”’»)')
_SOLID = 2
_CAMEL = re.compile(rf"\w*[{_LOWER}][{_UPPER}]\w*")
"""A word that looks like two run together without a space ("forwardThis")."""
_TOKEN = re.compile(rf"[^\W\d_]*?[{_LOWER}](?=[{_UPPER}][{_LOWER}])|\w+|[^\w\s]")
"""A word, or a punctuation mark; two words a copy ran together without a space
("aufgelöstDie") are two tokens, so that each lines up with its own paragraph."""
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

    def align(
        self,
        page: Page,
        target: Block,
        source: _Source,
        within: Sequence[Token] | None = None,
    ) -> _Aligned | None:
        """``target`` lined up with ``source`` (or with ``within``, a stretch of it),
        when most of its tokens match.

        The words earlier filters cut from ``target`` (an ad label glued between two
        sentences, a credit) are left out of the alignment: they are not the text's.
        """
        cut = [(r.start, r.end) for r in page.removals if r.block == target.index]
        mine = [t for t in _tokens(target) if not any(s <= t[1] < e for s, e in cut)]
        theirs = source.window(mine) if within is None else within
        if not mine or not theirs:
            return None
        ops = _alignment([t for t, _, _ in mine], [t for t, _, _ in theirs])
        matched = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
        if matched < self.min_alignment * len(mine):
            return None
        return _Aligned(target, mine, theirs, ops, matched, tuple(cut))

    def fill_holes(self, page: Page, target: Block, source: _Source) -> Iterator[Repair]:
        """Insert into ``target`` the short runs of words that only ``source`` has,
        between matching words (see :meth:`fill_edges` for the paragraph's edges)."""
        aligned = self.align(page, target, source)
        if aligned is not None:
            yield from self.fill_inner(page, aligned, source)

    def fill_inner(self, page: Page, aligned: _Aligned, source: _Source) -> Iterator[Repair]:
        """The holes between matching words of a paragraph lined up with ``source``."""
        target = aligned.target
        mine, theirs, listed = aligned.mine, aligned.theirs, aligned.ops
        for k in range(1, len(listed) - 1):
            op = listed[k]
            before, after = listed[k - 1], listed[k + 1]
            if op.tag != "insert" or before.tag != "equal" or after.tag != "equal":
                continue
            size = op.dest_end - op.dest_start
            inserted_tokens = theirs[op.dest_start : op.dest_end]
            if not (
                _flanked(before, after, mine, inserted_tokens)
                or _in_a_row(listed, k, mine, inserted_tokens)
            ):
                continue  # a hole needs matching words on both sides
            if size > min(self.max_hole_tokens, aligned.matched) or not any(
                t[0][0].isalnum() for t in inserted_tokens
            ):
                continue  # too long a hole, or longer than the text that vouches for it
            at = mine[op.src_start][1]
            if aligned.cut_between(mine[op.src_start - 1][2], at):
                continue  # where an earlier filter cut a label, the copy may hold it
            start, end = theirs[op.dest_start][1], theirs[op.dest_end][1]
            yield self._repair(page, target, source, (start, end), at, size)

    def fill_edges(
        self, page: Page, aligned: Sequence[_Aligned], source: _Source, lines: Sequence[str]
    ) -> Iterator[Repair]:
        """Fill the holes at the starts and ends of paragraphs that stand next to each
        other both on the page and in the glued copy they line up with. The copy's
        words between two such paragraphs belong to the second when the first ends a
        sentence, else to the first (a paragraph does not stop mid-sentence). A run
        that holds a sentence end, a line standing between the two on the page (a
        heading), another line of two words or more (a caption), or is longer than a
        hole, is nobody's. The copy's words before its first paragraph open it, on
        the same terms; those after its last are never taken (a copy often ends with
        chaff glued on: a share prompt, a related story)."""
        solid = sorted(
            (a for a in aligned if a.first() is not None and a.last() is not None),
            key=lambda a: a.target.index,
        )
        raw = page.raw
        if solid and solid[0].target.index == min(a.target.index for a in aligned):
            # the copy opens with its first paragraph: the words before it open it
            first = solid[0]
            run = source.between(source.block.start, _start(first.first()))
            opening = (first.target.start, first.mine[0][1])
            if self._edge_fits(raw, source, run, first, lines) and not first.cut_between(*opening):
                span = (run[0][1], _start(first.first()))
                yield self._repair(page, first.target, source, span, first.mine[0][1], len(run))
        for before, a in pairwise(solid):
            lo, hi = _end(before.last()), _start(a.first())
            if lo > hi:
                continue  # not in the same order in the copy
            run = source.between(lo, hi)
            owner = a if _ends_sentence(before.mine[-1]) else before
            # the page's lines between the two, and its lines of two words or more
            between = [b.key for b in page.blocks[before.target.index + 1 : a.target.index]]
            if not self._edge_fits(raw, source, run, owner, [*between, *lines]):
                continue
            if owner is a and not a.cut_between(a.target.start, a.mine[0][1]):
                yield self._repair(page, a.target, source, (run[0][1], hi), a.mine[0][1], len(run))
            elif owner is before and not before.cut_between(before.mine[-1][2], before.target.end):
                at = before.mine[-1][2]
                yield self._repair(page, before.target, source, (lo, run[-1][2]), at, len(run))

    def _edge_fits(
        self,
        raw: str,
        source: _Source,
        run: Sequence[Token],
        owner: _Aligned,
        lines: Sequence[str],
    ) -> bool:
        """Whether ``run`` of the copy can be a hole at a paragraph's edge."""
        if not run or len(run) > min(self.max_hole_tokens, owner.matched):
            return False
        original = raw[run[0][1] : run[-1][2]]
        text = key(original)
        return (
            any(t[0][0].isalnum() for t in run)
            and not any(_marks_sentence_end(t, raw) for t in run)
            and run[-1][0] not in _SENTENCE_ENDS  # a link's text does not end a sentence
            and not any(source.seam(w) for w in _CAMEL.findall(_with_touching(raw, run)))
            and not any(line and line in text for line in lines)
        )

    def _repair(
        self, page: Page, target: Block, source: _Source, span: tuple[int, int], at: int, size: int
    ) -> Repair:
        start, end = span
        return Repair(
            filter=self.name,
            reason=Reason.LINK_HOLE_REPAIRED,
            inserted=page.raw[start:end],
            at=at,
            block=target.index,
            source_start=start,
            source_end=end,
            source_block=source.block.index,
            detail=(
                f"{size} token(s) missing here, taken from the copy in block {source.block.index}"
            ),
        )


Token = tuple[str, int, int]
"""A word or a punctuation mark, case-folded, with its place in the input."""


class _Aligned(NamedTuple):
    """A paragraph lined up with the copy it is repaired from."""

    target: Block
    mine: list[Token]
    theirs: Sequence[Token]
    ops: list[_Op]
    matched: int
    cuts: tuple[tuple[int, int], ...]
    """What earlier filters cut from the paragraph (an ad label, a credit)."""

    def cut_between(self, start: int, end: int) -> bool:
        """Whether an earlier filter cut text from the paragraph in ``[start, end)``:
        the copy's words there may be that text, not a hole."""
        return any(start <= cut_start < end for cut_start, _ in self.cuts)

    def first(self) -> Token | None:
        """The copy's token that the paragraph's first token matched, in a run of two
        or more (one word alike is chance), if it did."""
        op = next((o for o in self.ops if o.tag == "equal"), None)
        if op is None or op.src_start != 0 or op.src_end - op.src_start < _SOLID:
            return None
        return self.theirs[op.dest_start]

    def last(self) -> Token | None:
        """The copy's token that the paragraph's last token matched, in a run of two
        or more, if it did."""
        op = next((o for o in reversed(self.ops) if o.tag == "equal"), None)
        if op is None or op.src_end != len(self.mine) or op.src_end - op.src_start < _SOLID:
            return None
        return self.theirs[op.dest_end - 1]


def _with_touching(raw: str, run: Sequence[Token]) -> str:
    """The text of ``run`` with the words that touch it on either side without a
    space ("Going forward" in "Going forwardResidents" brings "forwardResidents")."""
    start, end = run[0][1], run[-1][2]
    while start > 0 and raw[start - 1].isalnum():
        start -= 1
    while end < len(raw) and raw[end].isalnum():
        end += 1
    return raw[start:end]


def _index(block: Block) -> int:
    return block.index


def _target_index(aligned: _Aligned) -> int:
    return aligned.target.index


def _start(token: Token | None) -> int:
    assert token is not None
    return token[1]


def _end(token: Token | None) -> int:
    assert token is not None
    return token[2]


def _ends_sentence(token: Token) -> bool:
    """Whether a paragraph's last token closes a sentence (a mark, or a closing quote
    or bracket after one)."""
    return token[0] in _SENTENCE_ENDS or token[0] in _CLOSERS


def _marks_sentence_end(token: Token, raw: str) -> bool:
    """Whether a token of a copy ends a sentence: a mark not inside a word or a
    number ("ascom.com", "3.5"), which lower case or a digit would follow."""
    after = raw[token[2] : token[2] + 1]
    return token[0] in _SENTENCE_ENDS and not (after.islower() or after.isdigit())


class _Op(NamedTuple):
    tag: str
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _alignment(mine: list[str], theirs: list[str]) -> list[_Op]:
    """How ``mine`` lines up with ``theirs``: runs of equal, inserted, deleted and
    replaced tokens. The longest common runs are matched first (difflib's matcher),
    so a paragraph lines up with its own copy as a whole, not word by word with
    whatever words stand nearest."""
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    return [_Op(*op) for op in matcher.get_opcodes()]


def _flanked(
    before: _Op,
    after: _Op,
    mine: Sequence[tuple[str, int, int]],
    run: Sequence[tuple[str, int, int]],
) -> bool:
    """Whether ``run``, missing between two matching runs, is a hole: two matching
    tokens on each side; or, at the start of the paragraph, only its opening
    punctuation (a bullet) before it and two after; or, at the end, three before it
    and only the closing punctuation after it ("… the entertainment giant [launched
    Disney+]."); in those two cases when the run holds no sentence end (else it is
    another sentence of the copy)."""
    ahead, behind = before.src_end - before.src_start, after.src_end - after.src_start
    if min(ahead, behind) >= 2:
        return True
    if behind >= 2 and _opens(before, mine):
        # "- [Eigentum] Das Auto gehört …"; a run holding the bullet again holds items
        opening = {t[0] for t in mine[: before.src_end]}
        return not _whole_sentence(run) and not any(t[0] in opening for t in run)
    return ahead >= 3 and behind >= 1 and _closes(after, mine) and not _whole_sentence(run)


def _in_a_row(
    ops: Sequence[_Op],
    k: int,
    mine: Sequence[tuple[str, int, int]],
    run: Sequence[tuple[str, int, int]],
) -> bool:
    """Whether the insertion ``ops[k]`` (of ``run``) is one of several holes in a row,
    with one matching token between each ("on [Facebook] , [Twitter] , and
    [Instagram] ."), flanked as a whole by two matching tokens on each side, or by
    the paragraph's closing punctuation at its end (then ``run`` holds no sentence
    end: else it is the next sentence of the copy)."""

    def reaches_solid(steps: range) -> bool:
        for j in steps:
            op = ops[j]
            if op.tag == "equal" and op.src_end - op.src_start >= 2:
                return True
            if op.tag not in ("insert", "equal"):
                return False
        return False

    return reaches_solid(range(k - 1, -1, -1)) and (
        reaches_solid(range(k + 1, len(ops)))
        or (_closes(ops[k + 1], mine) and not _whole_sentence(run))
    )


def _whole_sentence(run: Sequence[tuple[str, int, int]]) -> bool:
    """Whether a missing run holds a sentence end (then it is the copy's next
    sentence, not a hole, when it stands at the paragraph's end)."""
    return any(t[0] in _SENTENCE_ENDS for t in run)


def _opens(op: _Op, mine: Sequence[tuple[str, int, int]]) -> bool:
    """Whether ``op`` matches the paragraph's first tokens, punctuation only (a
    bullet, a dash, an opening quote)."""
    opening = mine[op.src_start : op.src_end]
    return op.tag == "equal" and op.src_start == 0 and not any(t[0][0].isalnum() for t in opening)


def _closes(op: _Op, mine: Sequence[tuple[str, int, int]]) -> bool:
    """Whether ``op`` matches the paragraph's last tokens, punctuation only."""
    closing = mine[op.src_start : op.src_end]
    return (
        op.tag == "equal"
        and op.src_end == len(mine)
        and not any(t[0][0].isalnum() for t in closing)
    )


def _tokens(block: Block) -> list[tuple[str, int, int]]:
    return [
        (m.group().casefold(), block.start + m.start(), block.start + m.end())
        for m in _TOKEN.finditer(block.text)
    ]


def _word_coverage(words: list[str], shingles: set[Shingle], size: int) -> float:
    """The share of ``words`` inside one of ``shingles``: measured by words, not by
    shingles, so that the shingles spanning two glued paragraphs (which neither
    paragraph holds) leave no gap of their own."""
    covered = [False] * len(words)
    for i in range(len(words) - size + 1):
        if tuple(words[i : i + size]) in shingles:
            covered[i : i + size] = [True] * size
    return sum(covered) / max(1, len(words))


def _shingles(folded: str, size: int) -> set[Shingle]:
    """The set of ``size``-word runs of an already case-folded text."""
    words = word_runs(folded)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(size)), strict=False))


class _ShortLine(NamedTuple):
    """A short line of the page, with the shingles of its that a longer block holds."""

    block: int
    inside: set[Shingle]
    total: int
    """How many shingles the line has."""

    def holds(self, share: float) -> bool:
        """Whether at least ``share`` of the line's shingles are inside the block."""
        return len(self.inside) >= share * self.total


class _Source:
    """A block that repairs are copied from: its tokens, indexed by their runs."""

    def __init__(self, block: Block, size: int) -> None:
        self.block = block
        self.size = size
        self.tokens = _tokens(block)
        self.starts = [t[1] for t in self.tokens]
        self.ends = [t[2] for t in self.tokens]
        self.where: dict[tuple[str, ...], int] = {}
        words = [t for t, _, _ in self.tokens]
        for i in range(len(words) - size + 1):
            self.where.setdefault(tuple(words[i : i + size]), i)

    def seam(self, word: str) -> bool:
        """Whether ``word`` (two words run together, "forwardThis") stands in the copy
        once: a word the copy repeats ("WeWork") is a word, not a seam between two
        paragraphs it glued."""
        return self.block.text.count(word) == 1

    def between(self, start: int, end: int) -> Sequence[Token]:
        """The source's tokens that lie within ``[start, end)`` of the input."""
        return self.tokens[bisect_left(self.starts, start) : bisect_left(self.ends, end + 1)]

    def window(self, mine: Sequence[tuple[str, int, int]]) -> Sequence[tuple[str, int, int]]:
        """The part of the source that lines up with ``mine``: where the shared runs
        say it starts (the median of their offsets, so that a run the source also
        holds elsewhere does not widen it), as long as ``mine`` twice over (the copy
        holds the words of its holes besides), with a margin either side."""
        size, words = self.size, [t for t, _, _ in mine]
        offsets = sorted(
            self.where[run] - i
            for i in range(len(words) - size + 1)
            if (run := tuple(words[i : i + size])) in self.where
        )
        if not offsets:
            return ()
        start, margin = offsets[len(offsets) // 2], 4 * size
        return self.tokens[max(0, start - margin) : start + 2 * len(mine) + margin]


class _Search:
    """One page's search for copies: the blocks removed so far, and the shingles and
    positions the search needs."""

    def __init__(self, settings: Duplicates, page: Page) -> None:
        self.settings = settings
        self.page = page
        self.kept = page.kept
        self.position = {b.index: i for i, b in enumerate(page.kept)}
        self.candidates = [b for b in page.kept if b.words >= settings.min_words]
        # lines of two words or more: a run of a copy that holds one is no hole
        self.line_keys = tuple({b.key for b in page.blocks if b.words >= 2})
        self.removed: set[int] = set()
        self.short_searches = 0
        self.shingles: dict[int, set[Shingle]] = {}
        self.loosely_in: dict[int, list[int]] = {}
        """Per long block, the blocks with ``repair_share`` of their shingles in it,
        too few to count as its parts but enough to be repaired from it."""
        self.by_index: dict[int, Block] = {}

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
        self.shingles = shingles = {b.index: _shingles(b.key, s.shingle_size) for b in distinct}
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
            covered = set().union(*(self.shingles[i] for i in parts)) & self.shingles[big]
            coverage = len(covered) / len(self.shingles[big])
            inside: list[_ShortLine] | None = None
            if coverage < self.settings.container_coverage:
                inside = self._short_lines_inside(big)
                short = [line for line in inside if line.holds(self.settings.contained)]
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
                loose = [i for i in self.loosely_in.get(big, []) if i not in self.removed]
                yield from self._glued_copy(
                    self.by_index[big], sorted(parts + short_parts + loose), coverage
                )
            else:
                yield from self._fragments(self.by_index[big], parts)

    def _short_lines_inside(self, big: int) -> list[_ShortLine]:
        """The kept lines too short to compare on their own (list items, one-sentence
        paragraphs) that share shingles with ``big`` (one search serves both the
        cover, at ``contained``, and the repairs, at ``part_of_glued``): an article
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
            theirs = _shingles(block.key, size)
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
        source = _Source(copy, self.settings.shingle_size)
        aligned = [a for b in parts if (a := self.settings.align(self.page, b, source))]
        aligned = sorted([*aligned, *self._lines_between(source, aligned)], key=_target_index)
        for a in aligned:
            yield from self.settings.fill_inner(self.page, a, source)
        yield from self.settings.fill_edges(self.page, aligned, source, self.line_keys)

    def _lines_between(self, source: _Source, aligned: list[_Aligned]) -> list[_Aligned]:
        """The kept lines standing between two aligned paragraphs on the page, lined
        up with the stretch of the copy between them: a short line with a hole
        shares no run of words with the copy to be found by, but its place is
        known."""
        solid = sorted((a for a in aligned if a.first() and a.last()), key=_target_index)
        have = {a.target.index for a in aligned}
        found: list[_Aligned] = []
        for before, after in pairwise(solid):
            lo, hi = _end(before.last()), _start(after.first())
            for line in self.kept[self.position.get(before.target.index, 0) + 1 :]:
                if line.index >= after.target.index or lo >= hi:
                    break
                if line.index in have or line.index in self.removed:
                    continue
                a = self.settings.align(self.page, line, source, source.between(lo, hi))
                if a is not None and a.last() is not None:
                    found.append(a)
                    lo = _end(a.last())
        return found

    def copies_removed_before(self) -> Iterator[Repair]:
        """5. Repairs from a glued copy an earlier filter removed (a long line taken
        for a transcript, say): its text is still the page's, and the lines it holds
        (:attr:`dechaff.page.Facts.held`) are its paragraphs."""
        kept = self.page.kept_indices
        by_copy: dict[int, list[Block]] = {}
        for line, copy in self.page.facts.held.items():
            if copy not in kept and line in kept and line not in self.removed:
                by_copy.setdefault(copy, []).append(self.page.blocks[line])
        if self.settings.repair:
            for copy, parts in sorted(by_copy.items()):
                yield from self._repairs_from(self.page.blocks[copy], sorted(parts, key=_index))

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
                yield from self.settings.fill_holes(
                    self.page, keeper, _Source(loser, self.settings.shingle_size)
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
