"""The alignment's small parts alone: when a missing run is a hole between two
matching runs, how long a run is, where a copy's word closes a sentence, and
whether a copy runs its sentences together."""

from __future__ import annotations

import pytest

from dechaff.blocks import segment
from dechaff.repair.alignment import (
    Source,
    _closes_a_sentence_at,
    _flanked,
    _Op,
    run_size,
    tokens,
)

PARAGRAPH = "The work starts in spring and lasts two years ."  # 9 words and the stop
MINE = tokens(segment(PARAGRAPH)[0])
RUN = tokens(segment("on the bridge")[0])  # the missing words: no sentence end


def _equal(start: int, end: int) -> _Op:
    return _Op("equal", start, end, start, end)


@pytest.mark.parametrize(
    ("ahead", "behind", "hole"),
    [
        ((0, 2), (2, 4), True),  # two matching tokens each side
        ((3, 5), (5, 6), False),  # two before, one after that does not close the paragraph
        ((5, 8), (8, 9), False),  # three before, one word after: not the paragraph's close
        ((6, 9), (9, 10), True),  # three before, and only the closing stop after
        ((7, 9), (9, 10), False),  # two before and the stop: too little to line up by
    ],
)
def test_a_missing_run_is_a_hole_when_matching_runs_flank_it(
    ahead: tuple[int, int], behind: tuple[int, int], hole: bool
) -> None:
    raw = PARAGRAPH + " on the bridge"
    assert _flanked(_equal(*ahead), _equal(*behind), MINE, RUN, raw) is hole


def test_a_missing_run_holding_a_sentence_end_does_not_close_a_paragraph() -> None:
    raw = "They said so. Then"
    sentence = tokens(segment(raw)[0])
    assert not _flanked(_equal(6, 9), _equal(9, 10), MINE, sentence, raw)


def test_a_web_address_counts_as_one_token_of_a_run() -> None:
    text = "see www.example.org now"
    run = tokens(segment(text)[0])
    assert len(run) == 7 and run_size(run, text) == 3
    assert run_size([], text) == 0


@pytest.mark.parametrize(
    ("raw", "end", "closes"),
    [
        ("ends. More", 4, True),
        ("endsMore", 4, True),
        ("ends more", 4, False),
        ("ENDSMore", 4, False),
    ],
)
def test_a_word_closes_a_sentence_before_a_stop_or_a_capital_run_on(
    raw: str, end: int, closes: bool
) -> None:
    assert _closes_a_sentence_at(raw, end) is closes


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("One ends.Two runs on.Three too. Four", True),
        ("One ends.Two runs on. Three", False),  # as many of each: not together
        ("One ends. Two runs on. Three", False),
    ],
)
def test_a_copy_runs_its_sentences_together_when_most_are_glued(text: str, together: bool) -> None:
    assert Source(segment(text)[0], 3).runs_sentences_together is together
