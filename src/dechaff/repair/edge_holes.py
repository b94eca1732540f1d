"""Holes at a paragraph's edges, its start or its end: filled from the words a
glued copy holds between two paragraphs that stand next to each other on the page
and in the copy, or before the copy's first paragraph and after its last (see
:meth:`EdgeRepairs.fill`). The holes between matching words of a paragraph:
:mod:`dechaff.repair.alignment`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..blocks import Block
from ..marks import CLOSING_MARKS, SENTENCE_ENDS
from ..page import Page
from ..report import Repair
from ..textutil import key
from .alignment import (
    CAMEL,
    LINE_HEAD,
    SOLID,
    Aligned,
    Repairer,
    Source,
    Token,
    ends_sentence,
    marks_sentence_end,
    run_size,
    solid,
    tokens,
)


@dataclass(frozen=True)
class EdgeRepairs:
    """Fills the holes at paragraphs' edges with a :class:`Repairer`'s limits, and
    reports them under its name."""

    repairer: Repairer

    def fill(
        self, page: Page, aligned: Sequence[Aligned], source: Source, lines: Sequence[str]
    ) -> Iterator[Repair]:
        """Fill the holes at the starts and ends of paragraphs that stand next to each
        other both on the page and in the glued copy they line up with. The copy's
        words between two such paragraphs belong to the second when the first ends a
        sentence or when they open with a capital glued to its last word (the copy ran
        a heading and a paragraph together: "Practice mindfulnessMindfulness is …"),
        else to the first (a paragraph does not stop mid-sentence). A run that holds a
        sentence end, the opening of a line standing between the two on the page (a
        heading), another line of two words or more (a caption), or is longer than a
        hole, is nobody's. The copy's words before its first paragraph open it, on
        the same terms; those after its last close it only when it stops
        mid-sentence (a copy often ends with chaff glued on: a share prompt, a
        related story)."""
        anchored = solid(aligned)
        if not anchored:
            return
        if anchored[0].target.index == min(a.target.index for a in aligned):
            yield from self._copy_opening(page, anchored[0], source, lines)
        for before, a in pairwise(anchored):
            yield from self._between(page, before, a, source, lines)
        if anchored[-1].target.index == max(a.target.index for a in aligned):
            yield from self._copy_closing(page, anchored[-1], source, lines)

    def _copy_opening(
        self, page: Page, first: Aligned, source: Source, lines: Sequence[str]
    ) -> Iterator[Repair]:
        """The copy opens with ``first``: the words before it open it (not those of a
        line standing between the copy and ``first`` on the page, a heading of one
        word the copy ran into it: "Installationyapapi is …")."""
        run = source.between(source.block.start, first.first_start())
        standing = page.blocks[source.block.index + 1 : first.target.index]
        lines = [*_ends(standing), *lines]
        yield from self._open(page, first, run, source, lines, glued=False)

    def _copy_closing(
        self, page: Page, last: Aligned, source: Source, lines: Sequence[str]
    ) -> Iterator[Repair]:
        """The copy closes with ``last``: when it stops mid-sentence, the words after
        it close it ("Reinschauen können Sie unter [www.leandralou.com]")."""
        if not ends_sentence(last.mine[-1]):
            run = source.between(last.last_end(), source.block.end)
            yield from self._close(page, last, run, source, lines, glued=False)

    def _between(
        self, page: Page, before: Aligned, a: Aligned, source: Source, lines: Sequence[str]
    ) -> Iterator[Repair]:
        """The copy's words between two paragraphs: the second's opening or the
        first's close (see :meth:`fill`)."""
        raw, lo, hi = page.raw, before.last_end(), a.first_start()
        if lo > hi:
            return  # not in the same order in the copy
        run = source.between(lo, hi)
        # the page's lines between the two (their opening and closing words: a
        # hole may stand inside them, a credit follow), and its lines of two words
        # or more
        standing = page.blocks[before.target.index + 1 : a.target.index]
        lines = [*_ends(standing), *lines]
        if run and run[0][1] == lo and raw[lo - 1] in SENTENCE_ENDS and raw[lo].islower():
            return  # a paragraph in lower case run on to the stop ("hier.nur 9,90 €")
        seam = _seam(run, raw, source)
        if seam is not None:
            # the copy glued the two together inside the run ("für innere
            # ZufriedenheitMeditation ist"): each side takes its part, if it lacks one
            if not ends_sentence(before.mine[-1]):
                closing = _up_to(run[:seam], standing)
                yield from self._close(page, before, closing, source, lines, glued=True)
            if _lost_opening(a, raw):
                yield from self._open(page, a, run[seam:], source, lines, glued=True)
            return
        # a capital run on to the first paragraph's end ("mindfulnessMindfulness")
        # is where the copy glued the second to it
        glued = bool(run) and run[0][1] == lo and raw[lo].isupper() and raw[lo - 1].isalnum()
        if glued or a.mine[0][0] in CLOSING_MARKS or ends_sentence(before.mine[-1]):
            if _lost_opening(a, raw):
                # a paragraph does not open in lower case or with a closing mark: the
                # copy's last sentence before it, cut short, opens it (what comes
                # before that sentence, a caption glued in, is nobody's)
                run = _last_sentence(run, raw)
            yield from self._open(page, a, run, source, lines, glued)
            return
        # the first paragraph's close stops where the first line standing between
        # the two starts in the copy (an embedded post's attribution)
        closing = _up_to(run, standing)
        # what runs straight on to the second paragraph's first word is the seam
        # between the two ("von Kim Jong UnDer US-Sender"); a run that reaches it
        # may close the first's sentence ("Hier der Link zur [Tourist-Information.]")
        reaches = bool(closing) and closing[-1] == run[-1]
        glued = bool(closing) and closing[-1][2] == hi
        yield from self._close(page, before, closing, source, lines, glued, closes=reaches)

    def _open(
        self,
        page: Page,
        a: Aligned,
        run: Sequence[Token],
        source: Source,
        lines: Sequence[str],
        glued: bool,
    ) -> Iterator[Repair]:
        """``run`` opens ``a`` if it fits (``glued``: to what ends a line before it)."""
        raw, hi = page.raw, a.first_start()
        fits = self._edge_fits(raw, source, run, a, lines, glued_before=glued)
        if fits and not a.cut_at_start(raw[run[0][1] : run[-1][2]]):
            yield from self.repairer.repair(
                page, a.target, source, (run[0][1], hi), a.mine[0][1], len(run)
            )

    def _close(
        self,
        page: Page,
        before: Aligned,
        run: Sequence[Token],
        source: Source,
        lines: Sequence[str],
        glued: bool,
        closes: bool = False,
    ) -> Iterator[Repair]:
        """``run`` closes ``before`` if it fits (``glued``: to what opens a line after
        it; ``closes``: the run reaches the next paragraph, see :meth:`_edge_fits`)."""
        raw, lo = page.raw, before.last_end()
        fits = self._edge_fits(raw, source, run, before, lines, glued_after=glued, closes=closes)
        if fits and not before.cut_at_end(raw[run[0][1] : run[-1][2]]):
            at = before.mine[-1][2]
            yield from self.repairer.repair(
                page, before.target, source, (lo, run[-1][2]), at, len(run)
            )

    def _edge_fits(
        self,
        raw: str,
        source: Source,
        run: Sequence[Token],
        owner: Aligned,
        lines: Sequence[str],
        glued_before: bool = False,
        glued_after: bool = False,
        closes: bool = False,
    ) -> bool:
        """Whether ``run`` of the copy can be a hole at a paragraph's edge
        (``glued_before``, ``glued_after``: what touches it from before or after is
        known to end or open a line, so that it is no seam inside a paragraph;
        ``closes``: the run closes a paragraph that stops mid-sentence right before
        the next one, so that its last token may end the sentence, see
        :func:`_closes_a_sentence`)."""
        if not run or run_size(run, raw) > min(self.repairer.max_hole_tokens, owner.matched):
            return False
        original = raw[run[0][1] : run[-1][2]]
        text = key(original)
        touching = _with_touching(raw, run, left=not glued_before, right=not glued_after)
        closing = closes and _closes_a_sentence(run, raw)
        inside = run[:-1] if closing else run
        return (
            any(t[0][0].isalnum() for t in run)
            and not any(marks_sentence_end(t, raw) for t in inside)
            and (closing or run[-1][0] not in SENTENCE_ENDS)  # a link's text ends none
            and not any(source.seam(w) for w in CAMEL.findall(touching))
            and not any(line and line in text for line in lines)
        )


def _ends(lines: Sequence[Block]) -> list[str]:
    """The opening and closing words of ``lines`` (their keys' ends)."""
    return [end for b in lines for end in (b.key[:LINE_HEAD], b.key[-LINE_HEAD:])]


def _with_touching(raw: str, run: Sequence[Token], *, left: bool = True, right: bool = True) -> str:
    """The text of ``run`` with the words that touch it without a space on the
    ``left`` and ``right`` sides ("Going forward" in "Going forwardResidents" brings
    "forwardResidents")."""
    start, end = run[0][1], run[-1][2]
    while left and start > 0 and raw[start - 1].isalnum():
        start -= 1
    while right and end < len(raw) and raw[end].isalnum():
        end += 1
    return raw[start:end]


def _seam(run: Sequence[Token], raw: str, source: Source) -> int | None:
    """Where ``run`` holds the one place a copy glued two paragraphs together: a
    word in lower case or a number run on to a capital ("ZufriedenheitMeditation"),
    which the copy holds once (a name it repeats, "WeWork", is a word)."""
    seams = [
        i
        for i in range(1, len(run))
        if run[i][1] == run[i - 1][2]
        and (raw[run[i][1] - 1].islower() or raw[run[i][1] - 1].isdigit())
        and raw[run[i][1]].isupper()
        and source.seam(raw[run[i - 1][1] : run[i][2]])
    ]
    return seams[0] if len(seams) == 1 else None


def _lost_opening(aligned: Aligned, raw: str) -> bool:
    """Whether a paragraph opens as none does: in lower case or with a closing mark."""
    first = aligned.mine[0]
    return raw[first[1]].islower() or first[0] in CLOSING_MARKS


_CLOSING_WORDS = 6
"""The most words a link's text that ends a sentence has ("Lesen Sie hier mehr.")."""


def _closes_a_sentence(run: Sequence[Token], raw: str) -> bool:
    """Whether ``run`` is a short link text that ends its sentence: a sentence mark
    last, no more than :data:`_CLOSING_WORDS` words before it, and no colon (a
    caption or a label glued into the copy: "Video above: Katastrophengebiet.")."""
    words = sum(t[0][0].isalnum() for t in run)
    return (
        marks_sentence_end(run[-1], raw)
        and words <= _CLOSING_WORDS
        and not any(t[0] == ":" for t in run)
    )


def _up_to(run: Sequence[Token], standing: Sequence[Block]) -> Sequence[Token]:
    """The tokens of ``run`` before the place where the first of the ``standing``
    lines starts in it (its first words in a row; all of ``run`` when they are not
    in it, or no line stands)."""
    if not standing:
        return run
    words, wanted = [t[0] for t in run], [t[0] for t in tokens(standing[0])[: SOLID + 1]]
    for i in range(len(words) - len(wanted) + 1):
        if wanted and words[i : i + len(wanted)] == wanted:
            return run[:i]
    return run


def _last_sentence(run: Sequence[Token], raw: str) -> Sequence[Token]:
    """The tokens of ``run`` after its last sentence end (all of it when it has none)."""
    ends = [i for i, t in enumerate(run) if marks_sentence_end(t, raw)]
    return run[ends[-1] + 1 :] if ends else run
