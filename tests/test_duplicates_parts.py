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
