"""Glued copies: the lines a copy of the article glued into one line vouches for."""

from __future__ import annotations

import pytest

from dechaff import Cleaner, CleanResult, clean
from dechaff.blocks import segment
from dechaff.repair.copies import held_by_glued_copies
from dechaff.report import Reason

PARAGRAPHS = [
    "The council met on Monday to discuss the new bridge over the river.",
    "Residents asked for a footpath on both sides.",
    "The mayor said the work would start in spring and take two years.",
    "A second meeting is planned for March.",
]
GLUED = " ".join(PARAGRAPHS * 2)
ARTICLE = [
    "The council met on Monday to discuss the new bridge over the river and the roads to it.",
    "Residents asked for a footpath on both sides, for lights and for a crossing by the school.",
    "The mayor said the work would start in spring and take two years; the road stays open.",
    "Traders in the high street asked how deliveries would reach them while it is built.",
    "A second meeting is planned for March.",
]
"""An article whose glued copy is long enough to vouch for its lines."""


def _page(*lines: str) -> str:
    return "\n".join(lines)


def test_the_lines_a_glued_copy_holds_are_found() -> None:
    blocks = segment(_page("Home", GLUED, *PARAGRAPHS, "Contact us"))
    assert held_by_glued_copies(blocks) == {2: 1, 3: 1, 4: 1, 5: 1}


def test_a_long_paragraph_quoting_one_line_is_no_glued_copy() -> None:
    quote = "Residents asked for a footpath on both sides."
    long = (
        "Residents asked for a footpath on both sides. The council heard from many "
        "speakers who came to the meeting and listened for hours. Nobody objected to "
        "the plan for the bridge and its approach roads. The vote was unanimous in the "
        "end and the clerk recorded it."
    )
    assert held_by_glued_copies(segment(_page(long, quote))) == {}


def test_a_line_the_page_repeats_is_not_held() -> None:
    teaser = PARAGRAPHS[1]
    held = held_by_glued_copies(segment(_page(GLUED, *PARAGRAPHS, teaser)))
    assert 2 not in held and 5 not in held
    assert {1, 3, 4} <= held.keys()


def _copy_removed(result: CleanResult, copy: str) -> bool:
    return any(r.reason == Reason.DUPLICATE_CONTAINED and r.text == copy for r in result.removals)


def test_a_short_held_line_stays_in_the_body() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Jobs"]
    listed = ["Bring a pen and paper.", "Bring your questions."]
    body = [*ARTICLE, *listed]
    page = _page(*menu, " ".join(body), "Advertisement", *body, *menu)
    result = clean(page)
    assert _copy_removed(result, " ".join(body))
    assert all(line in result.text.split("\n\n") for line in listed)
    assert "Weather" not in result.text


def test_a_credit_ends_a_held_paragraph_and_is_cut_as_a_span() -> None:
    split = [*ARTICLE[:-1], ARTICLE[-1] + " (Photo: AP)"]
    rules = Cleaner.default().without("block-model")  # the copy's rule alone
    result = rules(_page("Home", " ".join(ARTICLE), *split))
    assert _copy_removed(result, " ".join(ARTICLE))
    assert ARTICLE[-1] in result.text.split("\n\n")
    assert "(Photo: AP)" not in result.text
    assert [r.text for r in result.removals if "(Photo: AP)" in r.text] == [" (Photo: AP)"]


def test_an_article_of_short_paragraphs_glued_together_is_a_copy() -> None:
    short = [
        "The bridge will close on Monday for repairs to its deck.",
        "Drivers should use the ring road until the end of the month.",
        "Buses will run every ten minutes on the diversion route.",
        "The footpath stays open for walkers and for cyclists.",
        "The council will post updates on its website every Friday.",
        "Questions can be sent to the roads office by post or by email.",
    ]
    glued = " ".join(short)
    result = clean(_page("Home", glued, "Advertisement", *short, "Contact us"))
    assert _copy_removed(result, glued)
    assert result.text.split("\n\n") == short


def test_lines_a_page_repeats_do_not_make_a_glued_copy() -> None:
    # a longer version of one line, and a line the page repeats, glue nothing
    shake = "1 scoop Shakeology, 1 cup strawberries, 8 oz. unsweetened almond milk"
    water = "(or 1 tsp. nut butter and 8 oz. water)"
    longer = f"1 scoop Shakeology, 1 cup spinach, 1 cup baby carrots, {shake[19:]} {water}"
    recharge = "Beachbody Performance Recharge, 1 tsp. nut butter"
    lines = ["Breakfast", f"{shake} {water}", recharge, "Lunch", longer, recharge, recharge]
    result = clean(_page(*lines, "Dinner"))
    assert not any(r.reason == Reason.DUPLICATE_CONTAINED for r in result.removals)


def test_a_run_of_short_lines_inside_what_a_glued_copy_holds_is_no_wall() -> None:
    items = ["Eggs", "Milk", "Bread", "Butter", "Jam"]
    more = [
        "The market opens at eight on Saturday mornings in the square by the old church.",
        "Stall holders asked the council for more shade and for water taps near the gate.",
    ]
    body = [*PARAGRAPHS[:2], more[0], *items, more[1], *PARAGRAPHS[2:]]
    menu = ["Home", "News", "Sport", "Weather", "Jobs"]
    page = _page(*menu, " ".join(body), "Advertisement", *body, *menu)
    paragraphs = clean(page).text.split("\n\n")
    assert [p for p in paragraphs if p in body] == body  # the split lines, not the glued one
    assert "Weather" not in paragraphs


def test_a_glued_copy_of_list_items_vouches_for_an_item_ending_in_a_credit() -> None:
    items = [
        "- the leader turns to the right and lifts the left hand over her head",
        "- the follower passes under the arm and steps back into the circle",
        "- both change hands behind the back and face the centre again",
        "- the leader leads a half turn and takes her right hand in his left",
        "- the couple walks three steps forward and closes with a small bow",
        "- the leader lets go of the right hand and turns her twice to the left",
        "- the follower steps to the side and the leader catches her left hand",
        "- both walk back to the circle and wait for the next call of the caller",
    ]
    title = "How to dance the Enchufla in eight steps"
    lead = "The figure is danced in eight steps."
    glued = " ".join([lead, *items])  # one sentence mark: the rest are list items
    split = [lead, *items[:2], items[2] + " (Foto: dpa)", *items[3:]]
    page = ["Home", title, glued, "Advertisement", title, *split, "Contact us"]
    result = clean("\n".join(page))
    assert items[2] in result.text
    assert [r.reason.value for r in result.removals if "Foto" in r.text] == ["inline-caption"]


def test_a_glued_copy_whose_paragraphs_lost_many_words_still_goes_and_they_stay() -> None:
    # stripped links leave the paragraphs covering less of the copy than a copy
    # needs; they are still its paragraphs, not fragments of it to remove
    article = [
        "Seit zwei Jahren gehört der grüne Kühlschrank von Smeg aus Italien zu meiner "
        "kleinen Küche in Berlin Mitte, und ich mag ihn sehr.",
        "Dreiundsiebzig Zimmerpflanzen aus dem Gartencenter Ikea sind in meiner Wohnung "
        "verteilt, die meisten stehen auf den Fensterbänken am alten Kanal.",
        "Der Barschrank aus den fünfziger Jahren vom Flohmarkt am Boxhagener Platz ist das "
        "Highlight im Zimmer, er steht neben dem alten Sofa.",
        "Am alten Küchentisch mit seinen Stühlen aus dem Kaffeehaus Einstein sitze ich am "
        "liebsten mit Freunden aus der Nachbarschaft.",
    ]
    links = ["von Smeg aus Italien", "in Berlin Mitte", "aus dem Gartencenter Ikea",
             "am alten Kanal", "vom Flohmarkt am Boxhagener Platz", "neben dem alten Sofa",
             "aus dem Kaffeehaus Einstein"]  # fmt: skip
    split = []
    for paragraph in article:
        for link in links:
            paragraph = paragraph.replace(" " + link, "")
        split.append(paragraph)
    glued = " ".join(article)
    result = clean(_page("Home", glued, "Advertisement", *split, "Contact us"))
    assert _copy_removed(result, glued)
    assert not any(r.reason == Reason.DUPLICATE_CONTAINED and r.text != glued
                   for r in result.removals)  # fmt: skip
    kept = result.text.split("\n\n")
    assert all(any(p.startswith(line[:20]) for p in kept) for line in split)


def _paragraph(n: int, words: int = 20) -> str:
    """A paragraph of ``words`` words, none shared with another ``n``'s, one sentence."""
    return " ".join(f"w{n}x{k}" for k in range(words)) + "."


def _held(lines: list[str]) -> dict[int, int]:
    return dict(held_by_glued_copies(segment("\n".join(lines))))


@pytest.mark.parametrize(("words", "held"), [(20, True), (19, False)])
def test_a_glued_copy_is_sixty_words_at_least(words: int, held: bool) -> None:
    paragraphs = [_paragraph(n, words) for n in range(3)]  # 60 or 57 words glued
    found = _held([" ".join(paragraphs), *paragraphs])
    assert found == ({1: 0, 2: 0, 3: 0} if held else {})


def test_a_glued_copy_holds_one_sentence_at_least() -> None:
    paragraphs = [_paragraph(n)[:-1] for n in range(3)]  # no full stops
    assert _held([" ".join(paragraphs), *paragraphs]) == {}
    paragraphs[0] += "."  # one sentence mark, followed by a space in the copy
    assert _held([" ".join(paragraphs), *paragraphs]) == {1: 0, 2: 0, 3: 0}


@pytest.mark.parametrize(("longest", "held"), [(120, True), (122, False)])
def test_a_glued_copy_has_half_the_words_of_the_longest_line(longest: int, held: bool) -> None:
    paragraphs = [_paragraph(n) for n in range(3)]  # a copy of 60 words
    lines = [" ".join(paragraphs), *paragraphs, _paragraph(9, longest)]
    assert bool(_held(lines)) is held


@pytest.mark.parametrize(("longer", "held"), [(3, True), (4, False)])
def test_only_the_four_longest_lines_are_tried_as_copies(longer: int, held: bool) -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    lines = [" ".join(paragraphs), *paragraphs, *(_paragraph(10 + n, 70) for n in range(longer))]
    assert bool(_held(lines)) is held


def test_a_copy_holding_one_line_only_is_no_glued_copy() -> None:
    paragraph = _paragraph(0, 40)
    copy = paragraph + " " + _paragraph(1, 30)  # the second paragraph is not on the page
    assert _held([copy, paragraph]) == {}


@pytest.mark.parametrize(("between", "held"), [(10, True), (11, False)])
def test_a_copy_framed_otherwise_holds_lines_within_twelve_of_it(between: int, held: bool) -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    # opening and closing with words of its own, the copy is known by the lines it holds
    copy = "Opening words of the copy alone here. " + " ".join(paragraphs) + " Closing words alone."
    fillers = [f"Short line {n}." for n in range(between)]
    lines = [copy, *fillers, *paragraphs]  # the second paragraph stands between + 2 lines down
    assert bool(_held(lines)) is held


def _words_of(n: int, count: int, start: int = 0) -> str:
    return " ".join(f"w{n}x{k}" for k in range(start, start + count))


def test_a_line_over_half_as_long_as_the_copy_is_not_held_by_it() -> None:
    long, short = _paragraph(0, 40), [_paragraph(1, 10), _paragraph(2, 10)]
    # the long paragraph alone is most of the copy: without it the short ones cover too little
    assert _held([" ".join([long, *short]), long, *short]) == {}


@pytest.mark.parametrize(("alone", "held"), [(34, True), (36, False)])
def test_the_lines_held_cover_half_the_copy_at_least(alone: int, held: bool) -> None:
    first, second = _paragraph(0), _paragraph(1)  # 18 runs each
    copy = " ".join([first, second, _words_of(9, alone) + "."])  # 72 runs with 34 words alone
    assert _held([copy, first, second]) == ({1: 0, 2: 0} if held else {})


@pytest.mark.parametrize(("shared", "held"), [(12, True), (11, False)])
def test_a_line_is_held_with_half_its_runs_in_the_copy(shared: int, held: bool) -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    copy = " ".join([*paragraphs, _words_of(7, 20) + "."])
    line = _words_of(7, shared) + " " + _words_of(8, 10) + "."  # half its runs, or fewer
    found = _held([copy, *paragraphs, line])
    assert (4 in found) is held and {1, 2, 3} <= found.keys()


def test_a_glued_line_the_page_shows_twice_is_no_copy() -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    copy = " ".join(paragraphs)
    assert _held([copy, *paragraphs, copy]) == {}


def _framed(before: int, gap: int) -> dict[int, int]:
    """A copy opening and closing with words of its own, standing after ``before``
    short lines, ``gap`` short lines after its paragraphs."""
    paragraphs = [_paragraph(n) for n in range(3)]
    copy = "Opening words of the copy alone here. " + " ".join(paragraphs) + " Closing alone."
    short = [f"Short line {n}." for n in range(before + gap)]
    return _held([*short[:before], *paragraphs, *short[before:], copy])


@pytest.mark.parametrize(("before", "held"), [(9, False), (13, True)])
def test_a_copy_holds_the_lines_within_twelve_before_it(before: int, held: bool) -> None:
    # the copy stands at line 25 (before + 3 + gap): its paragraphs at 9..11 are 14 lines up
    assert bool(_framed(before, 22 - before)) is held


def test_a_copy_known_by_its_opening_alone_is_a_copy() -> None:
    paragraphs = [_paragraph(n) for n in range(3)]
    copy = " ".join(paragraphs) + " Closing words of the copy alone."  # only its head is a line's
    short = [f"Short line {n}." for n in range(20)]
    assert _held([*paragraphs, *short, copy]) == {0: 23, 1: 23, 2: 23}
