"""The body region: where the article stands, judged by the shape of its lines.

Articles are runs of long lines that read as sentences; menus, headers,
footers and link lists are runs of short lines that do not. Each kept block
gets a score (positive for prose, negative for a short line), and every block
is labelled body or not, jointly for the page, so that the body's total score
less what its gaps cost is the largest (:func:`best_runs`, a Viterbi pass over
four states). With gaps that cost nothing less than everything, the body is the
one densest run; with the default costs an article interrupted by a share bar,
a caption block or an ad slot stays whole, and a second run of prose joins the
body when it outweighs the gap. Everything outside the body is removed as
``outside-body``, with its position as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..blocks import Block
from ..language import function_share, page_language
from ..page import Page
from ..report import Decision, Evidence, Reason
from ..textutil import WEB_ADDRESS
from .base import INF, check_settings, remove_block

_WALL = 1e6
_NUMBERED = re.compile(r"(\d{1,3})(?:[.)ºª]|st|nd|rd|th|[ao]\b)?(?:\s+|(?<=[.)])\s*)\S")
_SEPARATORS = (" -- ", " – ", " — ", ": ", " @ ", " | ")


@dataclass(frozen=True, kw_only=True)
class BodyRegion:
    """Keep the densest runs of prose; remove what lies outside them (``outside-body``).

    Scores: a block of ``prose_words`` or more words that holds a sentence mark
    scores its word count; a shorter block that ends like a sentence scores half
    its word count; any other kept block scores ``-short_penalty``. Blocks that
    earlier filters removed score nothing, except as the evidence their reasons
    declare (:class:`~dechaff.report.Evidence`): a short ``section-end`` line (a
    "Related" header) scores ``-wall_penalty``, as the body rarely runs on past one,
    and so does a ``boilerplate`` line (the site's own), whatever its length; an
    ``article-end`` line (a comments header) is a wall, and prose after it weighs
    ``after_comments`` of its score once a body's worth of prose stands before it.
    ``chrome`` lines count in menu-like runs as kept short lines do.
    A run of ``wall_run`` or more lines of at most ``tiny_words`` words (a menu, a
    tag list) is a wall too, unless it is a list inside the text: every line of it
    starts in lower case, is numbered, or is announced by the line before the run
    (one ending in a colon, ``max_announced`` lines at most).

    The body may stand in several runs: a gap between two costs ``gap_cost``
    and ``gap_step`` per line (``gap_cost=None``: one run). A menu-like run is a
    wall no gap crosses, unless ``gap_crosses_menus``.

    When an earlier filter decided on the page's headline by matching the document
    title (:attr:`dechaff.page.Page.headline`, a :class:`~dechaff.report.Title` whose
    score is set), the body is looked for after it first (see :meth:`labels`).
    Other filters' removals weigh only as the evidence their reasons declare.

    >>> from dechaff import Cleaner
    >>> page = "Home\\nNews\\nSport\\n" + "The water board met and agreed to raise rates. " * 3
    >>> r = Cleaner([BodyRegion()])(page + "\\nContact\\nJobs")
    >>> [x.text for x in r.removals]
    ['Home', 'News', 'Sport', 'Contact', 'Jobs']
    """

    name: str = "body-region"
    prose_words: int = 15
    short_penalty: float = 12.0
    wall_penalty: float = 60.0
    wall_max_words: int = 6
    anchor_share: float = 0.3
    anchor_min_score: float = 80.0
    tiny_words: int = 3
    min_blocks_for_no_body: int = 3
    list_run: int = 3
    wall_run: int = 5
    max_announced: int = 20
    """Short lines after a line ending in a colon are that line's list, this many at most."""
    min_function_share: float = 0.15
    main_share: float = 0.05
    """On an HTML page, the filter steps aside when the main content element holds at
    least this share of the page's words (:attr:`dechaff.page.Facts.main_share`)."""
    gap_cost: float | None = 30.0
    """What a gap between two runs of the body costs (``None``: the body is one run)."""
    gap_step: float = 2.0
    """What each line of such a gap costs besides."""
    gap_crosses_menus: bool = False
    """Whether a gap may cross a menu-like run of short lines (else only a gap before
    it, or after it, separates the body from what lies beyond)."""
    dom_gap_cost: float | None = 10.0
    """On an HTML page (which the filter judges only when its main element is too
    small to trust), what a gap costs; it may cross menu-like runs, the markup having
    taken out the menus and link lists already. ``None``: as on text."""
    dom_gap_step: float = 0.5
    """What each line of such a gap costs besides, on an HTML page."""
    start_within: int | None = 20
    """After a matched headline, the body starts within this many kept lines of it
    (``None``: anywhere before the next wall)."""
    after_comments: float = 0.5
    """What prose after a comments header weighs, when at least ``anchor_min_score``
    of prose stands before it: the article comes before its comments, and what
    follows them is comments, a sidebar or the footer."""

    def __post_init__(self) -> None:
        check_settings(
            self,
            prose_words=(1, INF),
            short_penalty=(0, INF),
            wall_penalty=(0, INF),
            wall_max_words=(0, INF),
            anchor_share=(0, 1),
            anchor_min_score=(0, INF),
            tiny_words=(0, INF),
            min_blocks_for_no_body=(0, INF),
            list_run=(1, INF),
            wall_run=(1, INF),
            min_function_share=(0, 1),
            main_share=(0, 1),
            gap_cost=(0, INF),
            dom_gap_cost=(0, INF),
            dom_gap_step=(0, INF),
            gap_step=(0, INF),
            after_comments=(0, 1),
            start_within=(1, INF),
        )

    def score(self, block: Block, language: str | None = None) -> float:
        """How much ``block`` reads like article prose (negative: like page furniture).

        ``language`` is the page's (:func:`dechaff.language.page_language`): a long
        line without sentence marks counts as unpunctuated prose only when function
        words of that language make up ``min_function_share`` of it (an archive
        list, a tag cloud or a row of product names has next to none).
        """
        if block.dom is not None and block.dom.link_density > 0.5:
            return -self.short_penalty  # mostly link text: a menu or a teaser
        if block.words >= self.prose_words and (block.ends_sentence or block.sentence_marks):
            return float(block.words)
        if block.words >= 3 * self.prose_words and (
            language is None or function_share(block.text, language) >= self.min_function_share
        ):
            return block.words / 2  # a long line without sentence marks: prose, unpunctuated
        if block.words >= 4 and block.ends_sentence:
            return block.words / 2
        return -self.short_penalty

    def scores(self, page: Page) -> list[float]:
        """One score per block of the page (removed blocks included, mostly as 0)."""
        return self.evidence(page)[0]

    def evidence(self, page: Page) -> tuple[list[float], list[bool]]:
        """One score per block of the page (removed blocks included, mostly as 0), and
        which blocks are walls: a comments header, or a line of a menu-like run."""
        removed = page.removed_evidence
        kept_set = {b.index for b in page.kept}
        scores = []
        walls = [False] * len(page.blocks)
        score, nothing = self.score, frozenset[Evidence]()
        # the page's language weighs only long lines without a sentence mark
        unpunctuated = any(
            b.words >= 3 * self.prose_words and not (b.ends_sentence or b.sentence_marks)
            for b in page.kept
        )
        lang = page_language(b.text for b in page.kept) if unpunctuated else None
        held = page.facts.held
        # the article's glued copy vouches for the lines it holds and those it repaired
        copies = set(held.values())
        repaired = {r.block for r in page.repairs if r.source_block in copies}
        for b in page.blocks:
            if b.index in kept_set:
                url = b.text.startswith(("http", "www.")) and WEB_ADDRESS.fullmatch(b.text)
                vouched = b.index in held or b.index in repaired  # whatever its shape
                own = float(b.words) if vouched else score(b, lang)
                scores.append(0.0 if url else own)
                continue
            evidence = removed.get(b.index, nothing)
            if Evidence.ARTICLE_END in evidence:
                scores.append(-_WALL)
                walls[b.index] = True
            elif (
                Evidence.SECTION_END in evidence and b.words <= self.wall_max_words
            ) or Evidence.BOILERPLATE in evidence:
                scores.append(-self.wall_penalty)
            else:
                scores.append(0.0)
        # Items of a numbered list ("1) …", "2. …") are the article's, not a menu's.
        numbered = set(_numbered_items(page.kept))
        for i in numbered:
            scores[i] = max(scores[i], float(page.blocks[i].words))
        # Runs of lines built alike ("June 9 -- Venue, City") are a list: neutral.
        for i in _parallel_items(page.kept, self.list_run):
            scores[i] = max(scores[i], 0.0)
        # Short lines after a line that announces them ("Ingredients:") are its list.
        announced = set(_announced_items(page.kept, scores, self.max_announced))
        for i in announced:
            scores[i] = max(scores[i], 0.0)
        first_held, last_held = min(held, default=-1), max(held, default=-1)
        chrome = {i for i, evidence in removed.items() if Evidence.CHROME in evidence}
        # A long run of one-to-three-word lines (a menu, a tag list) ends a section;
        # not when every line starts in lower case: that is a list of things in the
        # text ("cabbage", "peas", …), where menu entries are capitalised; nor when
        # a line of the text announces every line of it ("Topics covered:") or
        # every line of it is numbered.
        run: list[int] = []
        for block in [*page.blocks, None]:
            if (
                block is not None
                and block.words <= self.tiny_words
                and (block.index in kept_set or block.index in chrome)
                and not block.ends_sentence
            ):
                run.append(block.index)
                continue
            if len(run) >= self.wall_run:
                # a list in the text, or a run inside what a glued copy holds
                listed = (
                    all(page.blocks[i].text[:1].islower() for i in run)
                    or all(i in announced or i in numbered for i in run)
                    or first_held < run[0] < run[-1] < last_held
                )
                for i in run:  # a list in the text costs nothing to keep
                    scores[i] = max(scores[i], 0.0) if listed else min(scores[i], -_WALL / len(run))
                    walls[i] = not listed
            run = []
        return _discount_after_comments(scores, self.after_comments, self.anchor_min_score), walls

    def __call__(self, page: Page) -> Iterator[Decision]:
        kept = page.kept
        if not kept:
            return
        share = page.facts.main_share
        if share is not None and share >= self.main_share:
            return  # the page's main content element is better evidence than line shapes
        labels = self.labels(page)
        body = [b.index for b in kept if labels[b.index]]
        if not body:
            if len(kept) >= self.min_blocks_for_no_body:
                for b in kept:
                    yield remove_block(
                        self.name, b, Reason.OUTSIDE_BODY, "no run of prose on the page"
                    )
            return
        first, last = body[0], body[-1]
        span = f"the body (blocks {first}–{last})"
        before, inside, after = (f"{where} {span}" for where in ("before", "inside", "after"))
        for b in kept:
            if not labels[b.index]:
                where = before if b.index < first else after if b.index > last else inside
                yield remove_block(self.name, b, Reason.OUTSIDE_BODY, where)

    def labels(self, page: Page) -> list[bool]:
        """Per block of the page, whether it is body (see :func:`best_runs`).

        When the page's headline was matched (:attr:`dechaff.page.Page.headline`), the
        body is looked for after it, starting before the first wall that follows it
        and within ``start_within`` kept lines of it; that labelling is taken if its
        body scores at least ``anchor_share`` of the best labelling of the whole page
        (or ``anchor_min_score``).
        """
        scores, walls = self.evidence(page)
        gap_cost, gap_step, crosses = self.gap_cost, self.gap_step, self.gap_crosses_menus
        if page.has_dom and self.dom_gap_cost is not None:
            # the markup took out menus and link lists already: what is left between
            # two runs of prose is mostly the page's own
            gap_cost, gap_step, crosses = self.dom_gap_cost, self.dom_gap_step, True
        if crosses:
            # only a comments header is a wall: a gap may cross a menu-like run (a
            # list of pros and cons, a share bar), at its cost
            walls = [s <= -_WALL for s in scores]
        gap = float("inf") if gap_cost is None else gap_cost
        labels = best_runs(scores, gap, walls, gap_step=gap_step)
        headline = page.headline
        anchor = headline.block if headline is not None and headline.matched else None
        if anchor is not None:
            start_by = self._start_by(page, anchor, walls)
            after = best_runs(scores, gap, walls, anchor + 1, start_by, gap_step=gap_step)
            need = min(self.anchor_share * _total(scores, labels), self.anchor_min_score)
            if _total(scores, after) >= need:
                labels = after
        # a body of nothing but blocks that score nothing is no body
        return labels if _total(scores, labels) > 0 else [False] * len(labels)

    def _start_by(self, page: Page, anchor: int, walls: Sequence[bool]) -> int | None:
        """The last block the body may start at after the headline ``anchor``: before
        the first wall after it, and within ``start_within`` kept lines of it."""
        wall = next((i for i in range(anchor + 1, len(walls)) if walls[i]), None)
        if self.start_within is None:
            return wall
        near = [b.index for b in page.kept if b.index > anchor][: self.start_within]
        if not near:
            return wall
        return near[-1] if wall is None else min(wall, near[-1])


def _discount_after_comments(scores: list[float], weight: float, before: float) -> list[float]:
    """``scores`` with each positive score after the first comments header times
    ``weight``, when the positive scores before it add up to ``before`` or more.

    >>> _discount_after_comments([50.0, 40.0, -_WALL, 60.0, -12.0], 0.5, 80.0)
    [50.0, 40.0, -1000000.0, 30.0, -12.0]
    >>> _discount_after_comments([50.0, -_WALL, 60.0], 0.5, 80.0)
    [50.0, -1000000.0, 60.0]
    """
    wall = next((i for i, score in enumerate(scores) if score <= -_WALL), None)
    if wall is None or sum(score for score in scores[:wall] if score > 0) < before:
        return scores
    after = [score * weight if score > 0 else score for score in scores[wall:]]
    return scores[:wall] + after


def _total(scores: Sequence[float], labels: Sequence[bool]) -> float:
    return sum(s for s, body in zip(scores, labels, strict=True) if body)


def _shape(block: Block) -> tuple[bool, ...] | None:
    """The separators a list item is built with, or ``None`` for a line too short or
    too long to be one."""
    if not 4 <= block.words <= 25:
        return None
    text = block.text
    shape = tuple([sep in text for sep in _SEPARATORS])
    return shape if any(shape) else None


def _parallel_items(kept: Sequence[Block], run: int) -> list[int]:
    """Blocks in runs of ``run`` or more consecutive lines with the same separators."""
    shapes = [_shape(b) for b in kept]
    found: list[int] = []
    i = 0
    while i < len(kept):
        j = i + 1
        while shapes[i] is not None and j < len(kept) and shapes[j] == shapes[i]:
            j += 1
        if shapes[i] is not None and j - i >= run:
            found.extend(b.index for b in kept[i:j])
        i = j
    return found


def _announced_items(kept: Sequence[Block], scores: Sequence[float], most: int) -> list[int]:
    """Blocks that follow a kept line ending in a colon, up to the next line of
    prose (a positive score), ``most`` of them at the most."""
    found: list[int] = []
    for at, block in enumerate(kept):
        if not block.text.rstrip().endswith(":"):
            continue
        for item in kept[at + 1 : at + 1 + most]:
            if scores[item.index] > 0 or item.text.rstrip().endswith(":"):
                break
            found.append(item.index)
    return found


def _numbered_items(kept: Sequence[Block], reach: int = 4) -> list[int]:
    """Blocks that start with a number one more or one less than a nearby block's."""
    numbers = []
    for b in kept:
        m = _NUMBERED.match(b.text) if b.text[:1].isdigit() else None
        numbers.append(int(m.group(1)) if m else None)
    found = []
    for i, n in enumerate(numbers):
        if n is None:
            continue
        near = numbers[max(0, i - reach) : i] + numbers[i + 1 : i + 1 + reach]
        if n - 1 in near or n + 1 in near:
            found.append(kept[i].index)
    return found


_PRE, _BODY, _GAP, _POST = range(4)  # back[i][state - 1] for body, gap, post
_NEVER = float("-inf")


def best_runs(
    scores: Sequence[float],
    gap_cost: float,
    walls: Sequence[bool],
    first: int = 0,
    start_by: int | None = None,
    gap_step: float = 0.0,
) -> list[bool]:
    """Which positions are body, chosen jointly for the page (a four-state Viterbi).

    The states are *before the body*, *body*, *a gap inside the body* and *after the
    body*. A labelling scores the sum of its body positions' scores, less
    ``gap_cost`` for every gap; a wall position can only stand before or after the
    body. With an infinite ``gap_cost`` the body is the one run with the largest
    sum (the maximum-subarray problem); a second run joins the body when
    it scores more than the gap costs (``gap_cost``, and ``gap_step`` for each of
    its positions), and a gap opens where bridging it would cost more. The body
    starts at ``first`` or later, and no later than ``start_by`` when that is given.

    >>> best_runs([5, -1, -9, 6, -1], 3.0, [False] * 5)
    [True, False, False, True, False]
    >>> best_runs([5, -1, -1, 6, -1], 3.0, [False] * 5)
    [True, True, True, True, False]
    >>> best_runs([5, -9, 6], 3.0, [False, True, False])
    [False, False, True]
    """
    n = len(scores)
    if len(walls) != n:
        raise ValueError("one wall flag per score")
    pre, body, gap, post = 0.0, _NEVER, _NEVER, _NEVER  # best totals ending in each state
    # before ``first`` only *before the body* can stand: those positions are skipped
    first = min(max(first, 0), n)
    back: list[tuple[int, int, int]] = [(_PRE, _PRE, _PRE)] * first
    for i in range(first, n):
        score, wall = scores[i], walls[i]
        if start_by is not None and i > start_by:
            pre = _NEVER
        # on a tie the body goes on rather than open a gap, and a gap goes on
        body_from, body_best = _BODY, body
        if pre > body_best:
            body_from, body_best = _PRE, pre
        if gap - gap_cost > body_best:
            body_from, body_best = _GAP, gap - gap_cost
        gap_from, gap_best = (_GAP, gap) if gap >= body else (_BODY, body)
        post_from, post_best = _POST, post
        if body > post_best:
            post_from, post_best = _BODY, body
        if gap > post_best:
            post_from, post_best = _GAP, gap
        body = _NEVER if wall else body_best + score
        gap = _NEVER if wall else gap_best - gap_step
        post = post_best
        back.append((body_from, gap_from, post_from))
    # A labelling may not end inside a gap: the body ends with its last body position.
    state = _POST if post >= max(pre, body) else _PRE if pre >= body else _BODY
    labels = [False] * n
    for i in range(n - 1, -1, -1):
        labels[i] = state == _BODY
        state = _PRE if state == _PRE else back[i][state - 1]
    return labels
