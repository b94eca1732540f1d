"""The repair stage on its own: what it reads (declared copies, glued copies the
reading found), and its settings at their edges."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import PROSE, PROSE2

from dechaff import Cleaner, Page
from dechaff.filters import Duplicates, Repairs, remove_block
from dechaff.reading import read_text
from dechaff.repair.alignment import tokens
from dechaff.report import CopyOf, Decision, PluginReason

HOLED = PROSE2.replace("three years", "").replace("  ", " ")
PAGE = f"{PROSE}{PROSE2}\n\n{PROSE}\n\n{HOLED}"


def inserted(cleaner: Cleaner, page: str = PAGE) -> list[str]:
    return [r.inserted.strip() for r in cleaner(page).repairs]


@pytest.mark.parametrize(("most", "filled"), [(2, ["three years"]), (1, [])])
def test_a_hole_is_filled_up_to_max_hole_tokens_and_not_past_it(
    most: int, filled: list[str]
) -> None:
    assert inserted(Cleaner([Duplicates(), Repairs(max_hole_tokens=most)])) == filled


def test_a_paragraph_is_repaired_when_min_alignment_of_its_tokens_match_its_copy() -> None:
    changed = HOLED.replace("detailed", "full")  # one token the copy lacks
    page = f"{PROSE}{PROSE2}\n\n{PROSE}\n\n{changed}"
    mine = tokens(Cleaner([])(changed).blocks[0])
    share = (len(mine) - 1) / len(mine)
    assert inserted(Cleaner([Duplicates(), Repairs(min_alignment=share)]), page) == ["three years"]
    assert inserted(Cleaner([Duplicates(), Repairs(min_alignment=share + 0.01)]), page) == []


def test_without_the_stage_the_holes_stay_and_duplicates_still_declares_the_copy() -> None:
    result = Cleaner.default().without("repair")(PAGE)
    assert not result.repairs
    assert any(r.copy_of == CopyOf((1, 2), glued=True) for r in result.removals)
    assert [r.inserted.strip() for r in Cleaner.default()(PAGE).repairs] == ["three years"]


class _Twin:
    """A plugin that removes the first line as a near copy of the last, and says so."""

    name = "twin"

    def __call__(self, page: Page) -> Iterator[Decision]:
        first = page.kept[0]
        reason = PluginReason("test:twin")
        yield remove_block(self.name, first, reason, copy_of=CopyOf((page.kept[-1].index,), False))


def test_a_copy_any_filter_declares_lends_its_words() -> None:
    page = f"{PROSE2}\n\n{PROSE}\n\n{HOLED}"
    assert inserted(Cleaner([_Twin(), Repairs()]), page) == ["three years"]
    assert inserted(Cleaner([Repairs()]), page) == []  # nothing declared, nothing read


class _TakesTheLongLine:
    """A plugin that removes the page's longest line and declares nothing."""

    name = "long-line"

    def __call__(self, page: Page) -> Iterator[Decision]:
        longest = max(page.kept, key=lambda b: b.words)
        yield remove_block(self.name, longest, PluginReason("test:long-line"))


def test_a_glued_copy_the_reading_found_lends_its_words_however_it_was_removed() -> None:
    paragraphs = [PROSE, PROSE2, PROSE.replace("city council", "town board")]
    glued = " ".join(paragraphs)
    holed = [paragraphs[0], HOLED, paragraphs[2]]
    page = "\n".join([glued, *holed])
    assert set(read_text(page).facts.held.values()) == {0}  # the reading found the copy
    result = Cleaner([_TakesTheLongLine(), Repairs()])(page)
    assert [r.inserted.strip() for r in result.repairs] == ["three years"]
    assert {r.source_block for r in result.repairs} == {0}


def test_a_near_copy_fills_its_twin_s_hole_whichever_way_their_texts_sort() -> None:
    copy = (
        "The council said on Monday that the plan costs about $4 million in grants and "
        "loans this year, more than expected."
    )
    twin = copy.replace("$4 million ", "")  # sorts after the copy: "in" > "$4"
    for page in (f"{twin}\n{copy}", f"{copy}\n{twin}"):
        result = Cleaner([Duplicates(), Repairs()])(page)
        assert [r.reason.value for r in result.removals] == ["duplicate-near"]
        assert [r.inserted for r in result.repairs] == ["$4 million "]
