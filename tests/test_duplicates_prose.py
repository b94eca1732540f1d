"""Of two copies of a paragraph, the one inside running prose is kept: the
``prose_words`` setting at its edge."""

from __future__ import annotations

import pytest

from dechaff import Cleaner
from dechaff.filters import Duplicates

COPY = "The harbour master said on Monday the ferry would sail again once the storm had passed."


def _words(n: int, word: str) -> str:
    return " ".join([word] * (n - 1) + [word + "."])


def _page(neighbour_words: int) -> str:
    """The copy first among short lines, then again between two blocks of
    ``neighbour_words`` words each."""
    before, after = _words(neighbour_words, "tide"), _words(neighbour_words, "wave")
    return "\n".join(["Home", COPY, "Weather", before, COPY, after])


@pytest.mark.parametrize(("neighbours", "kept_second"), [(30, True), (15, True), (14, False)])
def test_the_copy_inside_prose_is_kept(neighbours: int, kept_second: bool) -> None:
    page = _page(neighbours)
    result = Cleaner([Duplicates(prose_words=15)])(page)
    (removal,) = [r for r in result.removals if r.text == COPY]
    second = page.rindex(COPY)
    assert (removal.start != second) is kept_second  # the other copy was removed
    assert removal.reason.value == "duplicate-exact"


def test_prose_words_moves_the_edge() -> None:
    page = _page(10)
    result = Cleaner([Duplicates(prose_words=10)])(page)
    (removal,) = [r for r in result.removals if r.text == COPY]
    assert removal.start == page.index(COPY)  # the first copy, among short lines
