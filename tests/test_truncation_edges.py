"""The truncation filter alone, at the edges of its settings: teasers (a run of
cut-off blocks, a cut-off opening of a later block) and blocks cut off mid-sentence."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from dechaff import Cleaner, Page, Reason
from dechaff.filters import Truncation
from dechaff.report import Decision, Repair

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


def _cut_off(raw: str, **settings: object) -> list[str]:
    result = Cleaner([Truncation(**settings)])(raw)  # type: ignore[arg-type]
    return [f.text for f in result.flags if f.reason is Reason.CUT_OFF]


CUT = "The council met on Tuesday. It voted to reopen the old bridge after the long"


def test_a_cut_off_block_is_flagged_unless_the_next_line_goes_on_in_lower_case() -> None:
    assert _cut_off(f"{PROSE}\n{CUT}") == [CUT[-40:]]  # the last block: nothing goes on
    assert _cut_off(f"{CUT}\nA new paragraph starts here.") == [CUT[-40:]]
    assert _cut_off(f"{CUT}\nwinter, the mayor said.") == []  # the sentence goes on
    assert _cut_off(f"{CUT}\n{PROSE}\nwinter.") == [CUT[-40:]]  # only the next line counts
    unmarked = "Bridge news and views from the council of the town on the river and the"
    assert _cut_off(f"{unmarked}\n{PROSE}") == []  # no sentence in it: a heading, a list
    assert _cut_off(f"{CUT}.\n{PROSE}") == []  # it ends like a sentence


def test_a_cut_off_block_has_fifteen_words_by_default() -> None:
    fifteen = "The council met on Tuesday. It voted to reopen the old bridge after all that"
    assert len(fifteen.split()) == 15
    assert _cut_off(f"{fifteen}\n{PROSE}") == [fifteen[-40:]]
    fourteen = fifteen.removesuffix(" that")
    assert _cut_off(f"{fourteen}\n{PROSE}") == []


def test_a_run_of_teasers_as_long_as_min_run_and_the_ellipsis_forms() -> None:
    three = ["One story opens here and…", "Two stories open there...", "Three open (and so…)"]
    raw = "\n".join([PROSE, *three, PROSE])
    assert teasers(raw, min_run=3) == three
    assert teasers(raw, min_run=4) == []
    inside = ["One story… opens here", "Two stories... open there"]
    assert teasers("\n".join([PROSE, *inside, PROSE])) == []  # the ellipsis is not at the end
    assert teasers(f"{PROSE}\n{three[0]}\n{three[1]}") == three[:2]  # default: two


def test_a_cut_opening_needs_a_stem_of_min_prefix_chars_and_another_block() -> None:
    stem = "The mayor said the bridge would reopen on"  # 41 characters
    full = stem + " Friday after a year of repairs, and the council agreed."
    opening = stem + "…"
    assert teasers(f"{opening}\n{PROSE}\n{full}", min_prefix_chars=41) == [opening]
    assert teasers(f"{opening}\n{PROSE}\n{full}", min_prefix_chars=42) == []
    assert teasers(f"{opening}\n{PROSE}") == []  # only itself opens so
    result = Cleaner([Truncation()])(f"{opening}\n{PROSE}\n{full}")
    (removal,) = result.removals
    assert removal.detail == "cut-off opening of block 2" and removal.related == 2


@dataclasses.dataclass(frozen=True)
class _RepairAt:
    """Repairs the first block at offset ``at`` with the second block's text."""

    at: int
    name: str = "fixer"

    def __call__(self, page: Page) -> Iterator[Decision]:
        source = page.blocks[1]
        yield Repair(
            self.name, Reason.LINK_HOLE_REPAIRED, source.text, self.at, 0,
            source.start, source.end, 1,
        )  # fmt: skip


@pytest.mark.parametrize(("shift", "flagged"), [(-1, True), (0, False), (2, False), (3, True)])
def test_a_hole_a_repair_stands_in_is_not_flagged_again(shift: int, flagged: bool) -> None:
    raw = "The plan costs about $4 million . Critics disagree.\nfour"
    hole = raw.index(" .")  # the hole spans [hole, hole + 2]
    result = Cleaner([_RepairAt(hole + shift), Truncation()])(raw)  # type: ignore[list-item]
    assert len(result.repairs) == 1
    holes = [f for f in result.flags if f.reason is Reason.LINK_HOLE]
    assert bool(holes) is flagged


def test_a_hole_is_flagged_where_it_stands_in_the_input() -> None:
    raw = f"{PROSE}\nThe plan costs about $4 million . Critics disagree."
    (hole,) = [f for f in Cleaner([Truncation()])(raw).flags if f.reason is Reason.LINK_HOLE]
    assert (hole.start, hole.end, hole.block) == (raw.index(" ."), raw.index(" .") + 2, 1)


def test_a_repaired_hole_leaves_the_block_s_other_holes_flagged() -> None:
    raw = "The plan costs about $4 million . Critics disagree , they say.\nfour"
    first = raw.index(" .")
    result = Cleaner([_RepairAt(first), Truncation()])(raw)  # type: ignore[list-item]
    holes = [f.text for f in result.flags if f.reason is Reason.LINK_HOLE]
    assert holes == [" ,"]


def test_a_long_line_without_sentences_does_not_stop_the_search_for_cut_off_blocks() -> None:
    unmarked = "Bridge news and views from the council of the town on the river and the"
    assert _cut_off(f"{unmarked}\n{CUT}\n{PROSE}") == [CUT[-40:]]


def test_the_first_block_cut_off_is_judged_by_the_block_after_it_not_itself() -> None:
    lower = "the council met on Tuesday. It voted to reopen the old bridge after the long"
    assert _cut_off(f"{lower}\n{PROSE}") == [lower[-40:]]


def test_a_run_of_teasers_opening_the_page_goes() -> None:
    cut = ["First story opens here and then…", "Second story opens there and…"]
    assert teasers("\n".join([*cut, PROSE])) == cut


def test_a_block_no_longer_than_the_teaser_is_no_full_version_of_it() -> None:
    opening = "The mayor said the bridge would reopen on Friday…"
    shorter = opening.removesuffix("…")  # opens alike, and is shorter
    assert teasers(f"{opening}\n{PROSE}\n{shorter}") == []
