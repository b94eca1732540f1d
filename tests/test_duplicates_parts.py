"""The duplicates filter's parts and settings, each at its edge."""

from __future__ import annotations

from itertools import combinations, pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from dechaff import Cleaner
from dechaff.filters import Duplicates
from dechaff.filters.duplicates import _in_order, _ShortLine, _word_coverage


def _longest_rising(places: list[int]) -> int:
    """The length of the longest strictly rising subsequence, by brute force."""
    for size in range(len(places), 0, -1):
        for picked in combinations(places, size):
            if all(a < b for a, b in pairwise(picked)):
                return size
    return 0


@given(st.lists(st.integers(0, 20), max_size=9))
def test_in_order_finds_a_longest_rising_run(places: list[int]) -> None:
    lines = [_ShortLine(i, set(), 1) for i in range(len(places))]
    chain = _in_order(lines, places)
    picked = [places[line.block] for line in chain]
    assert all(a < b for a, b in pairwise(picked))
    assert [line.block for line in chain] == sorted(line.block for line in chain)
    assert len(chain) == _longest_rising(places)


def test_word_coverage_counts_words_not_shingles() -> None:
    words = "a b c d e f".split()
    assert _word_coverage(words, {("a", "b", "c")}, 3) == 0.5
    assert _word_coverage(words, {("a", "b", "c"), ("d", "e", "f")}, 3) == 1.0
    assert _word_coverage(words, {("b", "c", "d")}, 3) == 0.5
    assert _word_coverage(words, set(), 3) == 0.0
    assert _word_coverage([], set(), 3) == 0.0
    assert _word_coverage(["a", "b"], {("a", "b")}, 3) == 0.0  # only whole runs count


LINE = "The harbour master said on Monday the ferry would sail again once the storm had passed."


@pytest.mark.parametrize(("min_words", "removed"), [(16, True), (17, False)])
def test_only_lines_of_min_words_are_compared(min_words: int, removed: bool) -> None:
    assert len(LINE.split()) == 16
    result = Cleaner([Duplicates(min_words=min_words)])(f"{LINE}\n{LINE}")
    assert bool(result.removals) is removed


def test_near_copies_at_the_near_threshold() -> None:
    other = LINE.replace("passed", "ended")
    score = fuzz.ratio(LINE.casefold().rstrip("."), other.casefold().rstrip("."))
    page = f"{LINE}\n{other}"
    near = Cleaner([Duplicates(near=score - 0.5)])(page).removals
    assert [r.reason.value for r in near] == ["duplicate-near"]
    assert Cleaner([Duplicates(near=score + 0.5)])(page).removals == ()


def test_near_copies_in_as_much_prose_keep_the_first() -> None:
    other = LINE.replace("passed", "ended")
    (removal,) = Cleaner([Duplicates()])(f"{LINE}\n{other}").removals
    assert removal.text == other and removal.related == 0


def _paragraph(n: int) -> str:
    """A paragraph of 20 words, none shared with another ``n``'s."""
    return " ".join(f"w{n}x{k}" for k in range(20)) + "."


def test_a_glued_copy_of_many_paragraphs_names_eight_of_them() -> None:
    paragraphs = [_paragraph(n) for n in range(10)]
    (removal,) = Cleaner([Duplicates()])("\n".join([" ".join(paragraphs), *paragraphs])).removals
    assert removal.block == 0
    share = f"{removal.score:.0%}"  # the shingles across two paragraphs are in neither
    listed = "1, 2, 3, 4, 5, 6, 7, 8 …"
    assert removal.detail == f"run-together copy of blocks {listed} ({share} of it); kept those"
    assert removal.copy_of is not None and removal.copy_of.blocks == tuple(range(1, 11))


def test_a_glued_copy_names_the_paragraphs_it_holds_not_one_that_shares_a_phrase() -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    echo = "w0x0 w0x1 w0x2 " + " ".join(f"echo{k}" for k in range(20)) + "."  # one shingle
    page = "\n".join([" ".join(paragraphs), *paragraphs, echo])
    (removal,) = Cleaner([Duplicates()])(page).removals
    assert removal.copy_of is not None and removal.copy_of.blocks == (1, 2, 3)


def test_a_fragment_scores_the_share_of_it_inside_the_longer_block_to_three_places() -> None:
    long = " ".join(f"w{k}" for k in range(60)) + "."
    fragment = " ".join(f"w{k}" for k in range(8)) + " x y z."  # 9 shingles, 6 of them inside
    result = Cleaner([Duplicates(contained=0.6, min_words=5)])(f"{long}\n{fragment}")
    (removal,) = result.removals
    assert removal.text == fragment and removal.score == round(6 / 9, 3)


@pytest.mark.parametrize(("max_posting", "removed"), [(3, True), (2, False)])
def test_a_shingle_counts_when_at_most_max_posting_blocks_share_it(
    max_posting: int, removed: bool
) -> None:
    copies = [LINE, LINE.replace("passed", "ended"), LINE.replace("passed", "cleared")]
    result = Cleaner([Duplicates(max_posting=max_posting)])("\n".join(copies))
    assert bool(result.removals) is removed


def test_every_exact_copy_but_the_one_kept_goes() -> None:
    result = Cleaner([Duplicates()])("\n".join([LINE, "Home", LINE, "News", LINE]))
    assert len(result.removals) == 2 and result.text.count(LINE) == 1
    assert {(r.reason.value, r.related) for r in result.removals} == {("duplicate-exact", 2)}


@pytest.mark.parametrize(("largest", "removed"), [(16, True), (15, False)])
def test_near_copies_are_looked_for_among_blocks_of_max_block_words(
    largest: int, removed: bool
) -> None:
    page = f"{LINE}\n{LINE.replace('passed', 'ended')}"
    assert bool(Cleaner([Duplicates(max_block_words=largest)])(page).removals) is removed


def test_a_near_copy_of_a_copy_already_gone_leaves_the_next_pair_to_judge() -> None:
    middle = LINE.replace("passed", "ended")
    last = middle.replace("harbour master", "harbor chief")
    # the pairs, best first: first and middle, middle and last (middle gone), first and last
    result = Cleaner([Duplicates(near=80, contained=0.6)])("\n".join([LINE, middle, last]))
    assert [(r.text, r.related) for r in result.removals] == [(middle, 0), (last, 0)]
