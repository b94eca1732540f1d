"""The chrome filter alone: its rules at the edges of their limits, its cues, and
the share bar's shape."""

from __future__ import annotations

import pytest
from helpers import PROSE

from dechaff import Cleaner, Facts, Page, Reason
from dechaff.filters import PageChrome
from dechaff.filters.chrome import Rule, _share_bar

CHROME = PageChrome()


def _removed(raw: str, chrome: PageChrome = CHROME) -> list[tuple[str, str]]:
    return [(r.text, r.reason.value) for r in Cleaner([chrome])(raw).removals]


def _words(count: int) -> str:
    return " ".join(["word"] * count)


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Published on the third of March in the year 2024", True),  # 10 words
        ("Published on the third of March in the year of 2024", False),  # 11
    ],
)
def test_a_dateline_is_ten_words_at_most(line: str, removed: bool) -> None:
    assert _removed(line) == ([(line, "byline-dateline")] if removed else [])


def test_a_digit_cues_the_dateline_rule_up_to_its_ten_words() -> None:
    line = "Monday, March 3, 2024 at noon in New York City"  # no first-word cue
    assert Cleaner([]).clean_text(line).blocks[0].words == 10
    assert _removed(line) == [(line, "byline-dateline")]


@pytest.mark.parametrize(
    ("line", "removed"),
    [("Published 3 hours ago.", True), ("Published 3 hours ago. Updated 1 hour ago.", False)],
)
def test_a_dateline_holds_one_sentence_mark_at_most(line: str, removed: bool) -> None:
    assert bool(_removed(line)) is removed


def test_a_rule_passed_over_for_its_word_limit_leaves_the_later_rules_to_try() -> None:
    # "A" cues the dateline rule, which is for ten words at most; the commenter's
    # "said:" rule, later in the list, takes the line
    line = "A reader from the north side on May 3, 2019 at 4:47 pm said:"
    assert _removed(line) == [(line, "comments")]


def test_a_rule_passed_over_for_its_sentence_marks_leaves_the_later_rules_to_try() -> None:
    line = "12 comments. Read them. Now."  # the digit cues the dateline rule first
    assert _removed(line) == [(line, "comments")]


@pytest.mark.parametrize(("extra", "removed"), [(0, True), (1, False)])
def test_a_commenters_said_line_is_sixteen_words_at_most(extra: int, removed: bool) -> None:
    line = " ".join(["Jo"] * (11 + extra)) + " at 4:47 pm said:"  # the time is two words
    assert Cleaner([]).clean_text(line).blocks[0].words == 16 + extra
    assert bool(_removed(line)) is removed


@pytest.mark.parametrize(("count", "removed"), [(4, True), (5, False)])
def test_a_row_of_reply_buttons_is_four_words_at_most(count: int, removed: bool) -> None:
    assert bool(_removed(" ".join(["Reply"] * count))) is removed


@pytest.mark.parametrize(
    ("line", "removed"), [("More stories", True), ("More stories:", True), ("More stories.", False)]
)
def test_a_heading_rule_takes_a_label_not_a_sentence(line: str, removed: bool) -> None:
    rule = Rule(Reason.RELATED_LIST, "more stories", starts=frozenset({"more"}), heading=True)
    assert bool(_removed(line, PageChrome(rules=(rule,)))) is removed


@pytest.mark.parametrize(("extra", "removed"), [(0, True), (1, False)])
def test_a_caption_in_the_agencies_form_is_ninety_words_at_most(extra: int, removed: bool) -> None:
    line = "In this undated photo, " + " ".join(["go"] * (86 + extra))
    assert Cleaner([]).clean_text(line).blocks[0].words == 90 + extra
    assert bool(_removed(line)) is removed


@pytest.mark.parametrize(("shares", "removed"), [(5, True), (6, False)])
def test_a_share_bar_is_eight_words_at_most(shares: int, removed: bool) -> None:
    line = "facebook twitter whatsapp " + " ".join(str(n) for n in range(shares))
    assert bool(_removed(line)) is removed


@pytest.mark.parametrize(
    ("line", "bar"),
    [
        ("facebook twitter whatsapp pint", True),  # two networks or more, one other word
        ("facebook twitter share pint", True),  # exactly two networks
        ("facebook twitter whatsapp email pint", True),  # more than four words
        ("facebook share email pint", False),  # one network
        ("facebook twitter pint", False),  # under four words
        ("facebook twitter pint pant", False),  # two other words
        ("facebook and twitter pint", False),  # a joining word
    ],
)
def test_a_share_bar_names_two_networks_in_four_words_or_more(line: str, bar: bool) -> None:
    assert _share_bar(line.split()) is bar


def test_a_cue_is_found_in_its_own_line_however_far_down_the_page() -> None:
    lines = [f"Line {n} of the page" for n in range(40)]
    credit = "Firefighters at the scene / Getty Images"  # cued by "getty" alone
    raw = "\n".join([*lines, credit, *lines])
    assert _removed(raw) == [(credit, "media-caption")]


CLOSED = Rule(Reason.COMMENTS, r"comments closed", whole_line=False, contains=("comments closed",))


@pytest.mark.parametrize(("words", "removed"), [(30, True), (31, False)])
def test_a_substring_cue_counts_in_lines_of_max_words_at_most(words: int, removed: bool) -> None:
    line = _words(words - 2) + " comments closed"
    assert bool(_removed(line, PageChrome(rules=(CLOSED,)))) is removed


def test_a_substring_cue_of_a_rule_for_longer_lines_counts_in_them() -> None:
    rule = Rule(
        Reason.COMMENTS, r"comments closed", whole_line=False, max_words=50,
        contains=("comments closed",),
    )  # fmt: skip
    line = _words(38) + " comments closed"
    assert _removed(line, PageChrome(rules=(rule,))) == [(line, "comments")]


def test_a_rule_matches_the_whole_line_unless_told_to_search_it() -> None:
    whole = PageChrome(rules=(Rule(Reason.SHARE_PROMPT, "share", starts=frozenset({"share"})),))
    assert _removed("Share", whole) == [("Share", "share-prompt")]
    assert _removed("Share the road with cyclists", whole) == []


def test_a_rule_is_tried_only_on_a_line_that_shows_one_of_its_cues() -> None:
    uncued = PageChrome(rules=(Rule(Reason.COMMENTS, r"\d+ likes"),))
    cued = PageChrome(rules=(Rule(Reason.COMMENTS, r"\d+ likes", digit=True),))
    assert _removed("12 likes", uncued) == []
    assert _removed("12 likes", cued) == [("12 likes", "comments")]


def _held(lines: list[str], held: int, chrome: PageChrome) -> list[str]:
    """What ``chrome`` removes of ``lines`` when a glued copy of the article holds
    line ``held``."""
    raw = "\n".join(lines)
    blocks = Cleaner([]).clean_text(raw).blocks
    page = Page(raw, blocks, blocks, facts=Facts(held={held: 0}))
    return [d.text for d in chrome(page)]  # type: ignore[attr-defined]


def test_a_photo_credit_ending_a_paragraph_the_article_holds_stays() -> None:
    paragraph = f"{PROSE} (Photo: City Hall)"
    assert _held([paragraph, "Rain fell all night."], held=0, chrome=CHROME) == []
    assert _held([paragraph, "Rain fell all night."], held=1, chrome=CHROME) == [paragraph]


def test_a_rule_removes_a_held_line_unless_it_says_otherwise() -> None:
    rule = Rule(Reason.MENU, "storm desk", starts=frozenset({"storm"}))
    assert _held(["Storm desk", PROSE], held=0, chrome=PageChrome(rules=(rule,))) == ["Storm desk"]


@pytest.mark.parametrize(("length", "removed"), [(80, True), (81, False)])
def test_a_share_bar_is_eighty_characters_at_most(length: int, removed: bool) -> None:
    line = "facebook twitter whatsapp linkedin "
    line += "1" * (length - len(line))
    assert bool(_removed(line)) is removed


@pytest.mark.parametrize(("words", "removed"), [(40, True), (41, False)])
def test_a_follow_us_line_is_forty_words_at_most(words: int, removed: bool) -> None:
    line = "Follow us on Twitter " + " ".join(["now"] * (words - 4))
    assert Cleaner([]).clean_text(line).blocks[0].words == words
    assert bool(_removed(line)) is removed


def test_a_rule_whose_required_wording_is_missing_leaves_the_later_rules_to_try() -> None:
    needs = Rule(Reason.MENU, "storm desk", starts=frozenset({"storm"}), requires="weather")
    other = Rule(Reason.RELATED_LIST, "storm desk", starts=frozenset({"storm"}))
    assert _removed("Storm desk", PageChrome(rules=(needs,))) == []
    assert _removed("Storm desk weather", PageChrome(rules=(needs,))) == []  # not whole
    both = PageChrome(rules=(needs, other))
    assert _removed("Storm desk", both) == [("Storm desk", "related-list")]
