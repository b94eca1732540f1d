"""The truncation filter alone, at the edges of its settings: teasers (a run of
cut-off blocks, a cut-off opening of a later block) and blocks cut off mid-sentence."""

from __future__ import annotations

from dechaff import Cleaner, Reason
from dechaff.filters import Truncation

PROSE = "The council met on Tuesday. It voted to reopen the bridge after a long year."


def words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n))


def teasers(raw: str, **settings: object) -> list[str]:
    result = Cleaner([Truncation(**settings)])(raw)  # type: ignore[arg-type]
    return [r.text for r in result.removals if r.reason is Reason.TEASER]


def test_a_run_of_cut_blocks_is_min_run_long_or_none() -> None:
    cut = ["First story opens here and then…", "Second story opens there and…"]
    raw = f"{PROSE}\n{cut[0]}\n{cut[1]}\n{PROSE}"
    assert teasers(raw, min_run=2) == cut
    assert teasers(raw, min_run=3) == []
    lone = f"{PROSE}\n{cut[0]}\n{PROSE}\n{cut[1]}\n{PROSE}"
    assert teasers(lone, min_run=2) == []  # two cut blocks apart are no run
    assert teasers(lone, min_run=1) == cut


def test_a_teaser_has_at_most_teaser_max_words() -> None:
    cut = [words(9) + "…", words(9) + " and…"]
    raw = f"{PROSE}\n{cut[0]}\n{cut[1]}"
    assert teasers(raw, teaser_max_words=10) == cut
    assert teasers(raw, teaser_max_words=9) == [cut[0]]  # the second has ten words, alone


def test_the_ellipsis_stands_at_the_very_end_or_before_one_closing_mark() -> None:
    closed = ["A story that ends in quotes…”", "Another story that ends so.. »"]
    assert teasers(f"{PROSE}\n{closed[0]}\n{closed[1]}") == closed
    late = ["A story with marks after it… ))", "Another story with marks after.. ))"]
    assert teasers(f"{PROSE}\n{late[0]}\n{late[1]}") == []


def test_a_cut_opening_goes_only_when_a_longer_block_opens_alike() -> None:
    full = "The mayor said the bridge would reopen on Friday after a year of repairs."
    opening = "The mayor said the bridge would reopen on Friday…"
    assert teasers(f"{opening}\n{PROSE}\n{full}") == [opening]
    assert teasers(f"{opening}\n{PROSE}\n{full}", min_prefix_chars=60) == []  # too short a stem
    same_length = "The mayor said the bridge would reopen on Fridayxx"
    assert len(same_length) == len(opening) + 1
    assert teasers(f"{opening}\n{PROSE}\n{same_length[:-1]}") == []  # not longer: no full version


def test_a_cut_off_block_has_cut_off_min_words_and_its_flag_is_its_last_forty_characters() -> None:
    text = "The council met on Tuesday. " + words(13) + " and then the"
    n = len(text.split())
    raw = f"{text}\nA new paragraph starts here."
    flagged = Cleaner([Truncation(cut_off_min_words=n)])(raw).flags
    (flag,) = [f for f in flagged if f.reason is Reason.CUT_OFF]
    assert flag.text == text[-40:]
    assert (flag.start, flag.end) == (len(text) - 40, len(text))
    shorter = Cleaner([Truncation(cut_off_min_words=n + 1)])(raw).flags
    assert not [f for f in shorter if f.reason is Reason.CUT_OFF]


def test_the_default_opening_stem_is_forty_characters() -> None:
    assert Truncation().min_prefix_chars == 40
    full = "A" * 39 + " tail that goes on and on well past the opening."
    opening = "A" * 39 + "…"
    assert teasers(f"{opening}\n{PROSE}\n{full}") == []  # a 39-character stem is too short
