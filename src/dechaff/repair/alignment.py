"""Repairs by alignment: a paragraph lined up with another copy of it on the page
(a glued copy, a near copy), and the holes the copy fills between matching words
(the holes at a paragraph's edges: :mod:`dechaff.repair.edge_holes`).

Every repair copies its text from the input and names the span it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from ..blocks import Block
from ..marks import CLOSERS, LATIN_SENTENCE_ENDS, LOWER, SENTENCE_ENDS, UPPER, char_class
from ..page import Page
from ..report import Reason, Repair
from ..textutil import key, shingle_places, squash

Token = tuple[str, int, int]
"""A word or a punctuation mark, case-folded, with its place in the input."""
_CLOSERS_TEXT = "".join(sorted(CLOSERS)) + "]"
_LATIN_END = char_class(LATIN_SENTENCE_ENDS)
SOLID = 2
_VERBATIM_WORDS = 4
"""A paragraph of this many words or more that the copy holds word for word has no
hole (a shorter one may stand inside a longer sentence by chance)."""
LINE_HEAD = 24
"""How many characters of a line standing between two paragraphs are looked for in
the copy's words between them."""
CAMEL = re.compile(rf"\w*[{LOWER}][{UPPER}]\w*")
"""A word that looks like two run together without a space ("forwardThis")."""
_TOKEN = re.compile(rf"[^\W\d_]*?[{LOWER}](?=[{UPPER}][{LOWER}])|\d+|[^\W\d]+|[^\w\s]")
"""A word, a number or a punctuation mark; two words a copy ran together without a
space ("aufgelöstDie") are two tokens, and so are a word and a number ("Zeitlauf1.",
"1992LG", "16:42La"), so that each lines up with its own paragraph."""
_GLUED_SENTENCE = re.compile(rf"{_LATIN_END}(?=[{UPPER}][{LOWER}]+(?!\w|\.\w))")
"""A sentence end run into the next sentence: "Forschung.Zur", "am 3.Mai" (not a
web address: "www.DearAbby.com")."""
_ADDRESS = re.compile(r"(?<!\S)(?:https?://|www\.)(?:(?!https?://)[^\s()])+(?!\S)")
"""A web address standing as a word of its own."""
_SPACED_SENTENCE = re.compile(rf"{_LATIN_END} (?=[{UPPER}][{LOWER}])")


@dataclass(frozen=True)
class Repairer:
    """Fills the holes of paragraphs from a copy (see the module's text)."""

    name: str
    """The filter the repairs are reported under."""
    max_hole_tokens: int
    """The longest run a hole is filled with."""
    min_alignment: float
    """The share of a paragraph's tokens that must match the copy to repair it."""

    def align(
        self,
        page: Page,
        target: Block,
        source: Source,
        within: Sequence[Token] | None = None,
    ) -> Aligned | None:
        """``target`` lined up with ``source`` (or with ``within``, a stretch of it),
        when most of its tokens match.

        The words earlier filters cut from ``target`` (an ad label glued between two
        sentences, a credit) are left out of the alignment: they are not the text's.
        """
        cut = page.cuts.get(target.index, ())
        mine = [t for t in tokens(target) if not any(s <= t[1] < e for s, e in cut)]
        theirs = source.window(mine) if within is None else within
        if not mine or not theirs:
            return None
        ops = _alignment([t for t, _, _ in mine], [t for t, _, _ in theirs])
        matched = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
        if matched < self.min_alignment * len(mine):
            return None
        return Aligned(target, mine, theirs, ops, matched, cut)

    def fill_holes(self, page: Page, target: Block, source: Source) -> Iterator[Repair]:
        """Insert into ``target`` the short runs of words that only ``source`` has,
        between matching words (see :mod:`dechaff.repair.edge_holes` for the paragraph's edges)."""
        aligned = self.align(page, target, source)
        if aligned is not None:
            yield from self.fill_inner(page, aligned, source)

    def fill_inner(self, page: Page, aligned: Aligned, source: Source) -> Iterator[Repair]:
        """The holes between matching words of a paragraph lined up with ``source``:
        none when the copy holds the paragraph's text word for word (it lacks
        nothing; a near copy of it, a caption that adds a word, is no fill)."""
        target = aligned.target
        if target.words >= _VERBATIM_WORDS and source.holds_verbatim(target):
            return
        mine, theirs, listed = aligned.mine, aligned.theirs, aligned.ops
        opens = _first_word_opens(aligned, source, page) and _row_after_first_word_fits(
            aligned, page.raw
        )
        for k in range(1, len(listed) - 1):
            op = listed[k]
            before, after = listed[k - 1], listed[k + 1]
            if op.tag != "insert" or before.tag != "equal" or after.tag != "equal":
                continue
            begin, end = op.dest_start, _past_an_address(theirs, op.dest_end, page.raw)
            if end != op.dest_end:
                after = _Op("equal", after.src_start, after.src_end, end, end + 1)
            inserted_tokens = theirs[begin:end]
            if not (
                _flanked(before, after, mine, inserted_tokens, page.raw)
                or _in_a_row(listed, k, mine, inserted_tokens, page.raw, opens)
            ):
                found = self._beside_an_end_word(before, after, aligned, source, page, begin, end)
                if found is None:
                    continue  # a hole needs matching words on both sides
                begin, end = found
                inserted_tokens = theirs[begin:end]
            size = run_size(inserted_tokens, page.raw)
            if size > min(self.max_hole_tokens, aligned.matched) or not any(
                t[0][0].isalnum() for t in inserted_tokens
            ):
                continue  # too long a hole, or longer than the text that vouches for it
            left, right = mine[op.src_start - 1][2], mine[op.src_start][1]
            span, at = _placed(theirs, begin, end, left, right)
            if aligned.cut_between(left, right, page.raw[span[0] : span[1]]):
                continue  # where an earlier filter cut a label, the copy may hold it
            yield from self.repair(page, target, source, span, at, size)

    def _beside_an_end_word(
        self,
        before: _Op,
        after: _Op,
        aligned: Aligned,
        source: Source,
        page: Page,
        begin: int,
        end: int,
    ) -> tuple[int, int] | None:
        """The copy's span ``[begin, end)`` of a hole with only the paragraph's first
        or last word on one side (see :meth:`_after_first_word` and
        :meth:`_before_last_word`), if the copy vouches for it."""
        found = self._after_first_word(before, after, aligned, source, page)
        if found is not None:
            return found, end
        last = self._before_last_word(before, after, aligned, source, page)
        return None if last is None else (begin, last)

    def _after_first_word(
        self, before: _Op, after: _Op, aligned: Aligned, source: Source, page: Page
    ) -> int | None:
        """Where the copy's words start that fill a hole right after the paragraph's
        first word ("The [company shelved its plans] for an initial …"), if they do.

        One matching word is chance, so the word is looked for anew: the nearest
        before the words matched after the hole, written alike, opening the copy or
        a sentence of it (see :func:`_opens_a_sentence`), or following in it the
        line that stands before the paragraph on the page (a heading without a
        sentence mark: "Ich lüfte mein Geheimnis Jede [Luxushandtasche] ist"). The
        hole holds no sentence end, and no word of it ends with the first word: there
        the paragraph starts, glued to a heading ("… Plan & Grow BIGThe Plan Stage …").
        """
        if before.src_start != 0 or before.src_end != 1 or after.src_end - after.src_start < 2:
            return None
        first, theirs, raw = aligned.mine[0], aligned.theirs, page.raw
        word = raw[first[1] : first[2]]
        lowest = max(0, after.dest_start - self.max_hole_tokens - 1)
        at = _written_alike(first, theirs, raw, range(after.dest_start - 1, lowest - 1, -1))
        if at is None:
            return None
        if not _opens_in_copy(page, source, aligned.target, theirs[at][1]):
            return None
        run = theirs[at + 1 : after.dest_start]
        return at + 1 if run and _fits_after_first_word(run, raw, word) else None

    def _before_last_word(
        self, before: _Op, after: _Op, aligned: Aligned, source: Source, page: Page
    ) -> int | None:
        """Where the copy's words end that fill a hole right before the paragraph's
        last word ("automations to your [Siri] setup"), if they do: the mirror of
        :meth:`_after_first_word`. The word is looked for anew, the nearest after the
        words matched before the hole, written alike, closing the copy or a sentence
        of it, or followed in it by the line that stands after the paragraph on the
        page. The hole holds no sentence end, no seam where the copy glued two lines
        ("goth-[assetsRunning the] tests"), and no word of it starts with the last
        word."""
        mine, theirs, raw = aligned.mine, aligned.theirs, page.raw
        if after.src_end != len(mine) or after.src_end - after.src_start != 1:
            return None
        last = mine[-1]
        if before.src_end - before.src_start < SOLID or not last[0][0].isalnum():
            return None
        word = raw[last[1] : last[2]]
        highest = min(len(theirs), before.dest_end + self.max_hole_tokens + 1)
        at = _written_alike(last, theirs, raw, range(before.dest_end, highest))
        if at is None:
            return None
        end = theirs[at][2]
        index = aligned.target.index
        line_after = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
        if not (
            end == source.block.end
            or _closes_a_sentence_at(raw, end)
            or (line_after is not None and _precedes(raw, end, line_after))
        ):
            return None
        run = theirs[before.dest_end : at]
        if not run or _whole_sentence(run, raw):
            return None
        glued = CAMEL.findall(raw[run[0][1] : run[-1][2]])  # a heading run on to a line
        if any(source.seam(w) for w in glued):
            return None
        return None if any(raw[t[1] : t[2]].startswith(word) for t in run) else at

    def repair(
        self, page: Page, target: Block, source: Source, span: tuple[int, int], at: int, size: int
    ) -> Iterator[Repair]:
        """The repair that copies ``span`` of the source to ``at`` in ``target``: one
        piece per sentence when the source runs its sentences together, so that
        they read apart again (pieces at one point are rendered a word apart). None
        when an earlier filter cut part of ``span`` from the source (an ad label):
        that is not the text's."""
        start, end = span
        if any(s < end and start < e for s, e in _cut_from(page, source.block)):
            return
        detail = f"{size} token(s) missing here, taken from the copy in block {source.block.index}"
        for start, end in source.sentence_pieces(span):
            yield Repair(
                filter=self.name,
                reason=Reason.LINK_HOLE_REPAIRED,
                inserted=page.raw[start:end],
                at=at,
                block=target.index,
                source_start=start,
                source_end=end,
                source_block=source.block.index,
                detail=detail,
            )


class Aligned(NamedTuple):
    """A paragraph lined up with the copy it is repaired from."""

    target: Block
    mine: list[Token]
    theirs: Sequence[Token]
    ops: list[_Op]
    matched: int
    cuts: tuple[tuple[int, int], ...]
    """What earlier filters cut from the paragraph (an ad label, a credit)."""

    def cut_between(self, start: int, end: int, copied: str) -> bool:
        """Whether an earlier filter cut text from the paragraph in ``[start, end)``
        that may be what the copy holds there (``copied``): its words stand in
        ``copied``, or it has none to tell by. A cut the copy does not hold (a photo
        credit glued on after the paragraph's last word) leaves the hole a hole."""
        offset, text = self.target.start, self.target.text
        for cut_start, cut_end in self.cuts:
            if start <= cut_start < end:
                words = key(text[cut_start - offset : cut_end - offset])
                if not words or words in key(copied):
                    return True
        return False

    def first(self) -> Token | None:
        """The copy's token that the paragraph's first token matched, in a run of two
        or more (one word alike is chance), or as the opening punctuation before a
        hole that two matching tokens follow ("- [Zinsabzug] Die Schuldzinsen"), if
        it did."""
        k = self.first_match()
        if k is None or self.ops[k].src_start != 0:
            return None
        op = self.ops[k]
        if op.src_end - op.src_start < SOLID and not self._opens_a_hole(k):
            return None
        return self.theirs[op.dest_start]

    def first_match(self) -> int | None:
        """The index in ``ops`` of the first run of matching tokens, if any."""
        return next((i for i, o in enumerate(self.ops) if o.tag == "equal"), None)

    def _opens_a_hole(self, k: int) -> bool:
        """Whether ``ops[k]``, the paragraph's opening punctuation, comes before a hole
        with two or more matching tokens after it."""
        ops = self.ops
        if k + 2 >= len(ops) or not _opens(ops[k], self.mine) or ops[k + 1].tag != "insert":
            return False
        after = ops[k + 2]
        return after.tag == "equal" and after.src_end - after.src_start >= SOLID

    def cut_at_start(self, copied: str) -> bool:
        """Whether an earlier filter cut text before the paragraph's first token that
        may be ``copied`` (see :meth:`cut_between`)."""
        return self.cut_between(self.target.start, self.mine[0][1], copied)

    def cut_at_end(self, copied: str) -> bool:
        """Whether an earlier filter cut text after the paragraph's last token that
        may be ``copied`` (see :meth:`cut_between`)."""
        return self.cut_between(self.mine[-1][2], self.target.end, copied)

    def first_start(self) -> int:
        """Where the copy's token matched by the paragraph's first token starts."""
        first = self.first()
        assert first is not None, "a paragraph whose first token matched"
        return first[1]

    def last_end(self) -> int:
        """Where the copy's token matched by the paragraph's last token ends."""
        last = self.last()
        assert last is not None, "a paragraph whose last token matched"
        return last[2]

    def last(self) -> Token | None:
        """The copy's token that the paragraph's last token matched, in a run of two
        or more, or as the closing punctuation after a hole that three matching
        tokens flank ("finden Sie [hier] :"), if it did."""
        equal = [i for i, o in enumerate(self.ops) if o.tag == "equal"]
        if not equal:
            return None
        op = self.ops[equal[-1]]
        if op.src_end != len(self.mine):
            return None
        if op.src_end - op.src_start < SOLID and not self._closes_a_hole(equal[-1]):
            return None
        return self.theirs[op.dest_end - 1]

    def _closes_a_hole(self, k: int) -> bool:
        """Whether ``ops[k]``, the paragraph's closing punctuation, follows a hole
        with three or more matching tokens before it."""
        ops = self.ops
        if k < 2 or not _closes(ops[k], self.mine) or ops[k - 1].tag != "insert":
            return False
        before = ops[k - 2]
        return before.tag == "equal" and before.src_end - before.src_start >= 3


def _written_alike(token: Token, theirs: Sequence[Token], raw: str, positions: range) -> int | None:
    """The first of ``positions`` where the copy holds ``token`` written alike (case
    and all), if any."""
    word = raw[token[1] : token[2]]
    return next(
        (
            j
            for j in positions
            if theirs[j][0] == token[0] and raw[theirs[j][1] : theirs[j][2]] == word
        ),
        None,
    )


def _past_an_address(theirs: Sequence[Token], end: int, raw: str) -> int:
    """Where a hole ending at ``theirs[end]`` ends when the full stop there stands
    inside a web address of the copy, glued to a word in lower case after it, and
    the address ends with a full stop of its own ("on [LiveNation].com." lines the
    paragraph's closing mark up with ".com"'s stop): past the address, so that the
    hole is "LiveNation.com" and the mark its closing stop."""
    stop = end
    while _glued_stop(theirs, stop) and stop + 1 < len(theirs):
        after = _glued_word(theirs, stop + 1)  # the word after the stop ("my6sense")
        if after == stop + 1 or not raw[theirs[stop + 1][1]].islower():
            break
        stop = after
    closing = _glued_stop(theirs, stop) and not raw[theirs[stop][2] : theirs[stop][2] + 1].isalnum()
    return stop if stop != end and closing else end


def _glued_word(theirs: Sequence[Token], i: int) -> int:
    """Past the word that starts at ``theirs[i]`` glued to the token before it, in as
    many tokens as it is written with ("my6sense", "my-site")."""
    while (
        i < len(theirs)
        and theirs[i][1] == theirs[i - 1][2]
        and (theirs[i][0][0].isalnum() or theirs[i][0] in "-_")
    ):
        i += 1
    return i


def _glued_stop(theirs: Sequence[Token], i: int) -> bool:
    """Whether ``theirs[i]`` is a full stop glued to the token before it."""
    return i < len(theirs) and theirs[i][0] == "." and theirs[i][1] == theirs[i - 1][2]


def _placed(
    theirs: Sequence[Token], begin: int, end: int, left: int, right: int
) -> tuple[tuple[int, int], int]:
    """The copy's span for the hole ``theirs[begin:end]`` between a paragraph's words
    that end at ``left`` and start at ``right``, and where it goes: before ``right``
    with the white space that follows it in the copy; or, when the copy glues it to
    the word before ("Formel-1-Auto für", "„Schule in") and the paragraph kept the
    space after it ("Formel-1- für"), right after ``left``, without that space. Not
    after a sentence mark: a copy that runs its sentences together ("Rep.Ilhan Omar
    (D-Minn.)") drops the space the paragraph keeps. Where the paragraph closed up
    over the hole ("zeigen wir dir."), the copy's space before it goes in too; and
    where the hole ends a sentence that such a copy runs into the next ("Serien: "The
    Affair".Die erste"), the run goes after ``left`` with the space before it.
    """
    start, stop = theirs[begin][1], theirs[end - 1][2]
    previous = theirs[begin - 1]
    if left == right:
        return (previous[2], theirs[end][1]), right
    glued_before = start == previous[2] and previous[0] not in SENTENCE_ENDS
    glued_after = stop == theirs[end][1]
    if glued_before and not glued_after:
        return (start, stop), left
    if glued_after and start > previous[2] and theirs[end - 1][0] in SENTENCE_ENDS:
        return (previous[2], stop), left
    return (start, theirs[end][1]), right


def _cut_from(page: Page, block: Block) -> Iterator[tuple[int, int]]:
    """The spans filters cut from ``block`` for what they hold (an ad label), not
    for the block's being a copy (a copy removed as one still lends its words)."""
    whole = (block.start, block.end)
    for r in page.removals:
        if r.block == block.index and r.copy_of is None and (r.start, r.end) != whole:
            yield r.start, r.end


def run_size(run: Sequence[Token], raw: str) -> int:
    """How long a hole ``run`` makes: its tokens, with a web address counted as one
    ("https://www.navybeach.com" is one link's text; two a copy glued together,
    "…/news.htmlhttps://…", are not one address)."""
    if not run:
        return 0
    text = raw[run[0][1] : run[-1][2]]
    addresses = [m.group() for m in _ADDRESS.finditer(text)]
    return len(run) - sum(len(_TOKEN.findall(a)) - 1 for a in addresses)


def in_page_order(aligned: Iterable[Aligned]) -> list[Aligned]:
    """The aligned paragraphs in the order they stand on the page."""
    return sorted(aligned, key=lambda a: a.target.index)


def solid(aligned: Iterable[Aligned]) -> list[Aligned]:
    """The aligned paragraphs whose first and last tokens both matched the copy (so
    that their place in it is known), in page order."""
    return in_page_order(a for a in aligned if a.first() is not None and a.last() is not None)


def _opens_a_sentence(raw: str, start: int) -> bool:
    """Whether the word at ``start`` of a copy opens a sentence: a sentence mark
    stands just before it (closing marks aside: "Primary?]So"), or it starts with a
    capital run on to a word in lower case or a number (a heading or a date glued to
    its paragraph: "mein GeheimnisJede Luxushandtasche …", "um 16:42La …")."""
    before = raw[max(0, start - 4) : start]
    if before[-1:].islower() or before[-1:].isdigit():
        return raw[start].isupper()
    return before.rstrip().rstrip(_CLOSERS_TEXT)[-1:] in SENTENCE_ENDS


def _follows(page: Page, start: int, line: Block) -> bool:
    """Whether the copy's text just before ``start`` ends with the text of ``line``
    (its last words, compared by key; without what earlier filters cut from it, a
    credit glued on)."""
    tail = _kept_key(page, line)[-LINE_HEAD:]
    return len(tail) >= 8 and key(page.raw[max(0, start - 2 * len(tail)) : start]).endswith(tail)


def _kept_key(page: Page, line: Block) -> str:
    """The key of ``line`` without the spans earlier filters cut from it."""
    cuts = page.cuts.get(line.index, ())
    if not cuts:
        return line.key
    pieces, at = [], line.start
    for cut_start, cut_end in cuts:
        pieces.append(page.raw[at:cut_start])
        at = max(at, cut_end)
    pieces.append(page.raw[at : line.end])
    return key(" ".join(pieces))


def _closes_a_sentence_at(raw: str, end: int) -> bool:
    """Whether the word of a copy that ends at ``end`` closes a sentence: a sentence
    mark follows it, or a capital glued to it (the copy ran the next paragraph on)."""
    after = raw[end : end + 1]
    return after in SENTENCE_ENDS or (after.isupper() and raw[end - 1 : end].islower())


def _precedes(raw: str, end: int, line: Block) -> bool:
    """Whether the copy's text just after ``end`` starts with the text of ``line``
    (its first words, compared by key)."""
    head = line.key[:LINE_HEAD]
    return len(head) >= 8 and key(raw[end : end + 2 * len(head)]).startswith(head)


def ends_sentence(token: Token) -> bool:
    """Whether a paragraph's last token closes a sentence (a mark, or a closing quote
    or bracket after one)."""
    return token[0] in SENTENCE_ENDS or token[0] in CLOSERS


def marks_sentence_end(token: Token, raw: str) -> bool:
    """Whether a token of a copy ends a sentence: a mark not inside a word or a
    number ("ascom.com", "3.5"), which lower case or a digit would follow."""
    after = raw[token[2] : token[2] + 1]
    return token[0] in SENTENCE_ENDS and not (after.islower() or after.isdigit())


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
    mine: Sequence[Token],
    run: Sequence[Token],
    raw: str,
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
        return not _whole_sentence(run, raw) and not any(t[0] in opening for t in run)
    return ahead >= 3 and behind >= 1 and _closes(after, mine) and not _whole_sentence(run, raw)


def _in_a_row(
    ops: Sequence[_Op],
    k: int,
    mine: Sequence[Token],
    run: Sequence[Token],
    raw: str,
    first_opens: bool = False,
) -> bool:
    """Whether the insertion ``ops[k]`` (of ``run``) is one of several holes in a row,
    with one matching token between each ("on [Facebook] , [Twitter] , and
    [Instagram] ."), flanked as a whole by two matching tokens on each side, or by
    the paragraph's closing punctuation at its end ("przyjezdnych [Michael Jepsen
    Jensen] i [Piotr Protasiewicz] ."; then ``run`` holds no sentence end: else it
    is the next sentence of the copy), or by the paragraph's first word at its start
    when that word opens a sentence of the copy (``first_opens``: "Ein [Autokredit]
    ohne [Kreditzinsen], das klingt"; then too ``run`` holds no sentence end)."""

    def reaches(steps: range, closing: bool = False, opening: bool = False) -> bool:
        for j in steps:
            op = ops[j]
            if op.tag == "equal" and (
                op.src_end - op.src_start >= SOLID
                or (closing and _closes(op, mine))
                or (opening and op.src_start == 0)
            ):
                return True
            if op.tag not in ("insert", "equal"):
                return False
        return False

    before, after = range(k - 1, -1, -1), range(k + 1, len(ops))
    whole = _whole_sentence(run, raw)
    if not reaches(before) and (whole or not (first_opens and reaches(before, opening=True))):
        return False
    return reaches(after) or (reaches(after, closing=True) and not whole)


def _first_word_opens(aligned: Aligned, source: Source, page: Page) -> bool:
    """Whether the paragraph's first token matched the copy, written alike, where the
    copy starts, a sentence of it opens, or the line before the paragraph on the page
    ends."""
    k = aligned.first_match()
    if k is None or aligned.ops[k].src_start != 0:
        return False
    raw, at = page.raw, aligned.ops[k].dest_start
    if _written_alike(aligned.mine[0], aligned.theirs, raw, range(at, at + 1)) is None:
        return False
    return _opens_in_copy(page, source, aligned.target, aligned.theirs[at][1])


def _opens_in_copy(page: Page, source: Source, paragraph: Block, start: int) -> bool:
    """Whether the copy's word at ``start`` can open ``paragraph``: the copy starts
    there, a sentence of it opens (see :func:`_opens_a_sentence`), or the line that
    stands before the paragraph on the page ends there in the copy."""
    index = paragraph.index
    line_before = page.blocks[index - 1] if index else None
    return (
        start == source.block.start
        or _opens_a_sentence(page.raw, start)
        or (line_before is not None and _follows(page, start, line_before))
    )


def _row_after_first_word_fits(aligned: Aligned, raw: str) -> bool:
    """Whether the copy's runs missing in the row after the paragraph's first word
    (a word, not a bullet) hold no sentence end and no word that ends with the first
    word: there the paragraph starts, glued to a heading ("… national
    treasuresLVMH’s most significant …")."""
    first = aligned.mine[0]
    word = raw[first[1] : first[2]]
    k = aligned.first_match()
    if k is None or not word[:1].isalnum():
        return False
    for op in aligned.ops[k + 1 :]:
        if op.tag == "equal" and op.src_end - op.src_start >= SOLID:
            break
        run = aligned.theirs[op.dest_start : op.dest_end] if op.tag == "insert" else ()
        if not _fits_after_first_word(run, raw, word):
            return False
    return True


def _fits_after_first_word(run: Sequence[Token], raw: str, word: str) -> bool:
    """Whether ``run`` can be missing after a paragraph's first ``word``: it holds no
    sentence end, and no word of it ends with ``word`` (there the paragraph starts,
    glued to a heading: "… Plan & Grow BIGThe Plan Stage …")."""
    return not _whole_sentence(run, raw) and not any(raw[t[1] : t[2]].endswith(word) for t in run)


def _whole_sentence(run: Sequence[Token], raw: str) -> bool:
    """Whether a missing run holds a sentence end (then it is the copy's next
    sentence, not a hole, when it stands at the paragraph's end); the full stops
    inside a web address or a number ("Wired.com", "3.5") end none."""
    return any(marks_sentence_end(t, raw) for t in run)


def _opens(op: _Op, mine: Sequence[Token]) -> bool:
    """Whether ``op`` matches the paragraph's first tokens, punctuation only (a
    bullet, a dash, an opening quote)."""
    opening = mine[op.src_start : op.src_end]
    return op.tag == "equal" and op.src_start == 0 and not any(t[0][0].isalnum() for t in opening)


def _closes(op: _Op, mine: Sequence[Token]) -> bool:
    """Whether ``op`` matches the paragraph's last tokens, punctuation only."""
    closing = mine[op.src_start : op.src_end]
    return (
        op.tag == "equal"
        and op.src_end == len(mine)
        and not any(t[0][0].isalnum() for t in closing)
    )


def tokens(block: Block) -> list[Token]:
    return [
        (m.group().casefold(), block.start + m.start(), block.start + m.end())
        for m in _TOKEN.finditer(block.text)
    ]


class Source:
    """A block that repairs are copied from: its tokens, indexed by their runs."""

    def __init__(self, block: Block, size: int) -> None:
        self.block = block
        self.size = size
        self.written = squash(block.text)
        self.tokens = tokens(block)
        self.starts = [t[1] for t in self.tokens]
        self.ends = [t[2] for t in self.tokens]
        self.where = shingle_places([t for t, _, _ in self.tokens], size)

    @cached_property
    def runs_sentences_together(self) -> bool:
        """Whether the copy leaves out the space after its sentences ("Forschung.Zur
        Geschichte") more often than it keeps it."""
        text = self.block.text
        return len(_GLUED_SENTENCE.findall(text)) > len(_SPACED_SENTENCE.findall(text))

    def sentence_pieces(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """``span`` of the input cut after each sentence end the copy runs into the
        next sentence (only in a copy that does so throughout)."""
        start, end = span
        if not self.runs_sentences_together:
            return [span]
        offset = self.block.start
        cuts = [
            offset + m.end()
            for m in _GLUED_SENTENCE.finditer(self.block.text, start - offset, end - offset)
        ]
        return list(pairwise([start, *cuts, end]))

    def holds_verbatim(self, block: Block) -> bool:
        """Whether the source holds ``block``'s text word for word, punctuation and
        all (case and spacing aside), from the start of a word ("Die von …" is not in
        "Studie von …"; it is in "…aufgezeigtDie von …", a seam)."""
        text, written = squash(block.text).lower(), self.written
        lowered = written.lower()
        at = lowered.find(text)
        while at >= 0:
            before = written[at - 1 : at]
            if not before.isalnum() or (before.islower() and written[at].isupper()):
                return True
            at = lowered.find(text, at + 1)
        return False

    def seam(self, word: str) -> bool:
        """Whether ``word`` (two words run together, "forwardThis") stands in the copy
        once: a word the copy repeats ("WeWork") is a word, not a seam between two
        paragraphs it glued."""
        return self.block.text.count(word) == 1

    def between(self, start: int, end: int) -> Sequence[Token]:
        """The source's tokens that lie within ``[start, end)`` of the input."""
        return self.tokens[bisect_left(self.starts, start) : bisect_left(self.ends, end + 1)]

    def window(self, mine: Sequence[Token]) -> Sequence[Token]:
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
