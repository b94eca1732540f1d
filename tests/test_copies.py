"""Glued copies: the lines a copy of the article glued into one line vouches for."""

from __future__ import annotations

from dechaff import clean
from dechaff.blocks import segment
from dechaff.copies import held_by_glued_copies

PARAGRAPHS = [
    "The council met on Monday to discuss the new bridge over the river.",
    "Residents asked for a footpath on both sides.",
    "The mayor said the work would start in spring and take two years.",
    "A second meeting is planned for March.",
]
GLUED = " ".join(PARAGRAPHS * 2)


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


def test_a_short_held_line_stays_in_the_body() -> None:
    menu = ["Home", "News", "Sport", "Weather", "Jobs"]
    listed = ["Bring a pen and paper.", "Bring your questions."]
    body = [*PARAGRAPHS, *listed]
    page = _page(*menu, " ".join(body), "Advertisement", *body, *menu)
    text = clean(page).text
    assert all(line in text for line in listed)
    assert "Weather" not in text


def test_a_credit_ends_a_held_paragraph_and_is_cut_as_a_span() -> None:
    body = [*PARAGRAPHS[:3], "A second meeting is planned for March."]
    split = [*body[:3], body[3] + " (Photo: AP)"]
    result = clean(_page("Home", " ".join(body), *split))
    assert "A second meeting is planned for March." in result.text
    assert "(Photo: AP)" not in result.text
    assert any("(Photo: AP)" in r.text for r in result.removals)


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
