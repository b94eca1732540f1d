"""Holes at a paragraph's start or end, filled from a glued copy of the article."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dechaff import Cleaner, CleanResult, clean
from dechaff.blocks import segment
from dechaff.filters.base import remove_block
from dechaff.page import Page
from dechaff.repair.alignment import Repairer, Source, tokens
from dechaff.repair.edge_holes import (
    _closes_a_sentence,
    _last_sentence,
    _seam,
    _up_to,
    _with_touching,
)
from dechaff.report import Decision, Reason

P1 = "The council met on Monday to discuss the new bridge over the river and its cost."
P2 = "Residents asked for a footpath on both sides of the new bridge and for lights."
P3 = "The plans and the minutes of the meeting are on the council website at www.example.org"
P4 = "The mayor said the work would start in spring and would take about two years."


def _page(split: list[str], glued: str | None = None) -> str:
    glued = glued if glued is not None else " ".join([P1, P2, P3, P4])
    return "\n".join(["Home", "News", glued, "Advertisement", *split, "Contact us"])


def _third(holed: str, copied: str) -> CleanResult:
    """The page whose third paragraph stands as ``holed``, and as ``copied`` in the
    glued copy, cleaned."""
    return clean(_page([P1, P2, holed, P4], " ".join([P1, P2, copied, P4])))


def test_a_hole_opening_a_paragraph_is_filled_after_a_sentence_end() -> None:
    result = clean(_page([P1, P2.removeprefix("Residents "), P3, P4]))
    assert P2 in result.text
    (repair,) = [r for r in result.repairs if r.inserted.strip() == "Residents"]
    assert result.blocks[repair.block].text.startswith("asked for")


def test_a_hole_closing_a_paragraph_mid_sentence_is_filled() -> None:
    result = clean(_page([P1, P2, P3.removesuffix(" www.example.org"), P4]))
    assert P3 in result.text
    assert [r.inserted for r in result.repairs] == [" www.example.org"]


def test_a_line_between_the_paragraphs_is_not_taken_for_a_hole() -> None:
    heading = "Footpaths"
    glued = " ".join([P1, heading, P2, P3, P4])
    result = clean(_page([P1, heading, P2, P3, P4], glued))
    assert not result.repairs


def test_two_paragraphs_glued_without_a_space_are_not_split_by_guess() -> None:
    heading = "Going forward"
    glued = " ".join([P1, heading + P2, P3, P4])
    result = clean(_page([P1, P2, P3, P4], glued))
    assert not any("forward" in r.inserted for r in result.repairs)


def test_a_hole_opening_the_first_paragraph_is_filled_from_the_copy_s_start() -> None:
    result = clean(_page([P1.removeprefix("The council "), P2, P3, P4]))
    assert P1 in result.text
    assert [r.inserted for r in result.repairs] == ["The council "]


def test_a_hole_after_a_list_item_s_bullet_is_filled() -> None:
    item = "- Footpath lights would be added on both sides of the bridge by the winter."
    result = _third(item.replace("Footpath lights", ""), item)
    assert item in result.text
    assert [r.inserted for r in result.repairs] == ["Footpath lights "]


def test_a_label_cut_from_a_paragraph_is_not_put_back_from_the_copy() -> None:
    labelled = P2.replace(" on both sides", ". Advertisement The path runs on both sides")
    glued = " ".join([P1, labelled, P3, P4])
    result = clean(_page([P1, labelled, P3, P4], glued))
    assert "Advertisement" not in result.text
    assert not result.repairs


class _RemoveLongestLine:
    """A filter that takes the page's longest line for chaff (as a transcript rule
    might take a glued copy)."""

    name = "remove-longest"

    def __call__(self, page: Page) -> Iterator[Decision]:
        longest = max(page.kept, key=lambda b: b.words)
        yield remove_block(self.name, longest, Reason.TRANSCRIPT, "the longest line")


def test_holes_are_filled_from_a_glued_copy_an_earlier_filter_removed() -> None:
    cleaner = Cleaner.default().insert(_RemoveLongestLine(), before="duplicates")
    split = [P1, P2.replace(" footpath", ""), P3, P4]
    result = cleaner(_page(split))
    assert [r.reason.value for r in result.removals if r.filter == "remove-longest"]
    assert P2 in result.text
    assert [r.inserted for r in result.repairs] == ["footpath "]


def test_a_short_line_with_a_hole_is_repaired_by_its_place_between_paragraphs() -> None:
    question = "Was the bridge safe?"
    glued = " ".join([P1, question, P2, P3, P4])
    result = clean(_page([P1, question.replace(" bridge", ""), P2, P3, P4], glued))
    assert question in result.text
    assert [r.inserted for r in result.repairs] == ["bridge "]


def test_a_hole_after_a_paragraph_s_first_word_is_filled() -> None:
    # P3 opens a sentence in the copy too ("… and for lights. The plans and …")
    result = clean(_page([P1, P2, P3.replace("The plans and", "The and"), P4]))
    assert P3 in result.text
    assert [r.inserted for r in result.repairs] == ["plans "]


def _after_glued_heading(heading: str) -> CleanResult:
    """P3, its second word stripped, below ``heading``: a line of its own on the page,
    run into P3 without a space in the glued copy."""
    glued = " ".join([P1, P2, heading + P3, P4])
    split = [P1, P2, heading, P3.replace("The plans and", "The and"), P4]
    return clean(_page(split, glued))


def test_a_first_word_that_also_ends_a_glued_heading_gives_no_fill() -> None:
    # the copy's first "The" opens the heading; P3 starts after "BRIDGEThe"
    result = _after_glued_heading("The new BRIDGE")
    assert not any("BRIDGE" in r.inserted for r in result.repairs)


def test_a_hole_opening_a_paragraph_glued_to_a_heading_is_filled() -> None:
    heading = "Footpaths and lights"
    glued = " ".join([P1, heading + P2, P3, P4])
    result = clean(_page([P1, heading, P2.removeprefix("Residents "), P3, P4], glued))
    assert P2 in result.text and heading in result.text
    assert [r.inserted for r in result.repairs] == ["Residents "]


def test_a_hole_after_the_first_word_of_a_paragraph_glued_to_its_heading_is_filled() -> None:
    result = _after_glued_heading("Footpaths and lights")
    assert P3 in result.text
    assert [r.inserted for r in result.repairs] == ["plans "]


def test_a_short_line_ending_in_a_hole_between_two_paragraphs_is_filled() -> None:
    # too short to share a run of three words with the copy: lined up by its place
    question = "Who pays the bill?"
    glued = " ".join([P1, P2, question, P3, P4])
    result = clean(_page([P1, P2, question.replace(" the bill", " "), P3, P4], glued))
    assert question in result.text
    assert [r.inserted for r in result.repairs] == ["the bill"]


def test_a_hole_after_the_first_word_of_the_copy_s_first_paragraph_is_filled() -> None:
    result = clean(_page([P1.replace("The council met", "The met"), P2, P3, P4]))
    assert P1 in result.text
    assert [r.inserted for r in result.repairs] == ["council "]


def test_a_first_word_is_matched_as_written_past_its_lower_case_in_the_hole() -> None:
    # "The [bridge, the road and] the footpath …": the nearer "the" is the hole's own
    closing = "The bridge, the road and the footpath will all close for a week in May."
    glued = " ".join([P1, P2, closing, P3, P4])
    hole = closing.replace("bridge, the road and ", "")
    result = clean(_page([P1, P2, hole, P3, P4], glued))
    assert closing in result.text
    assert [r.inserted for r in result.repairs] == ["bridge, the road and "]


def test_a_line_the_glued_copy_repaired_counts_as_the_article_s() -> None:
    # a short line closing the article, without a sentence end: body-region alone
    # would take it for page furniture after the body
    links = "More: council website, minutes archive, bridge plans"
    glued = " ".join([P1, P2, P3, P4, links])
    split = [P1, P2, P3, P4, links.replace(" minutes archive,", "")]
    result = clean(_page(split, glued))
    assert links in result.text


def test_a_hole_glued_to_a_hyphen_is_filled_without_a_space() -> None:
    paragraph = "The team will show its new Formel-1-Auto for the season at the end of the month."
    glued = " ".join([P1, paragraph, P2, P4])
    split = paragraph.replace("Formel-1-Auto", "Formel-1-")
    result = clean(_page([P1, split, P2, P4], glued))
    assert paragraph in result.text
    (repair,) = result.repairs
    assert repair.inserted == "Auto"
    assert (
        result.blocks[repair.block]
        .text[: repair.at - result.blocks[repair.block].start]
        .endswith("-")
    )


def test_a_hole_after_a_sentence_mark_keeps_the_paragraph_s_space() -> None:
    # the copy runs its sentences together ("Rep.Ilhan"): the paragraph's space stays
    paragraph = "A man threatened to kill Rep. Ilhan Omar (D-Minn.), the office announced Monday."
    glued = " ".join([P1, paragraph.replace("Rep. Ilhan", "Rep.Ilhan"), P2, P4])
    split = paragraph.replace(" Ilhan Omar", "")
    result = clean(_page([P1, split, P2, P4], glued))
    assert paragraph in result.text


def test_a_credit_cut_after_a_paragraph_s_last_word_leaves_its_hole_fillable() -> None:
    rules = Cleaner.default().without("block-model")  # the repair's rule alone
    result = rules(_page([P1, P2, P3.removesuffix(" www.example.org") + " (Photo: AP)", P4]))
    assert P3 in result.text
    assert "(Photo: AP)" not in result.text
    assert [r.inserted for r in result.repairs] == [" www.example.org"]


def test_a_hole_closing_a_paragraph_the_copy_glues_to_the_next_is_filled() -> None:
    heading = "Fears for the health of Kim Jong Un"
    glued = "".join([P1, " ", heading, P2, " ", P4])
    result = clean(_page([P1, heading.removesuffix(" Kim Jong Un"), P2, P4], glued))
    assert [r.inserted for r in result.repairs] == [" Kim Jong Un"]
    assert heading in result.text


def test_a_paragraph_opening_in_lower_case_takes_the_copy_s_sentence_before_it() -> None:
    caption = "Video above: the new bridge at night."
    glued = " ".join([P1, caption, P2, P3, P4])
    result = clean(_page([P1, P2.removeprefix("Residents "), P3, P4], glued))
    assert P2 in result.text
    assert caption not in result.text
    assert [r.inserted for r in result.repairs] == ["Residents "]


def test_a_paragraph_opening_in_upper_case_takes_no_sentence_of_the_copy() -> None:
    caption = "Video above: the new bridge at night."
    glued = " ".join([P1, caption, P2, P3, P4])
    result = clean(_page([P1, P2.replace("Residents asked", "Asked"), P3, P4], glued))
    assert not result.repairs


def test_a_hole_after_the_first_word_is_filled_when_the_copy_has_the_heading_before_it() -> None:
    heading = "How the bridge will look"
    paragraph = "Every footpath on the new bridge will have lights and a railing of steel."
    glued = " ".join([P1, heading, paragraph, P4])
    split = paragraph.replace(" footpath", "")
    result = clean(_page([P1, heading, split, P4], glued))
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == ["footpath "]


def test_a_hole_closing_the_copy_s_last_paragraph_mid_sentence_is_filled() -> None:
    last = (
        "The council said on Tuesday that the minutes of the meeting, with the plans and"
        " the letters that residents sent about the bridge, can be read in full at"
        " www.example.org"
    )
    glued = " ".join([P1, P2, P4, last])
    result = clean(_page([P1, P2, P4, last.removesuffix(" www.example.org")], glued))
    assert last in result.text
    assert [r.inserted for r in result.repairs] == [" www.example.org"]


def test_the_copy_s_words_after_its_last_sentence_are_not_taken() -> None:
    glued = " ".join([P1, P2, P4, "Share this article"])
    result = clean(_page([P1, P2, P4], glued))
    assert "Share this" not in result.text
    assert not result.repairs


def test_a_hole_closing_a_paragraph_stops_where_a_line_between_starts_in_the_copy() -> None:
    post = "I urge everyone in the city to use the new footpath whenever they can"
    attribution = "November 3, 2019"  # a dateline, which chrome removes
    glued = " ".join([P1, post, "pic.twitter.com/abc123", attribution, P2, P4])
    result = clean(_page([P1, post, attribution, P2, P4], glued))
    assert [r.inserted for r in result.repairs] == [" pic.twitter.com/abc123"]


def test_a_paragraph_opening_with_a_full_stop_takes_the_hole_before_it() -> None:
    name = "Jane Doe"
    intro = "Our guest this week is the city's engineer"
    bio = "Jane Doe. She has built four bridges over the river and one across the bay."
    glued = " ".join([P1, intro, bio, P4])
    result = clean(_page([P1, intro, bio.removeprefix(name), P4], glued))
    assert bio in result.text
    assert [r.inserted for r in result.repairs] == [name]


def test_a_first_word_glued_to_a_number_in_the_copy_opens_a_paragraph() -> None:
    paragraph = "Die Kunsthalle wurde 1986 durch eine Stiftung ins Leben gerufen und oft erweitert."
    glued = "".join([P1, " Latitude: 53.369889", paragraph, " ", P4])
    split = paragraph.replace(" Kunsthalle", "")
    result = clean(_page([P1, split, P4], glued))
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == ["Kunsthalle "]


def test_a_seam_inside_the_copy_s_run_splits_it_between_the_two_paragraphs() -> None:
    heading = "Meditation für innere Zufriedenheit"
    paragraph = (
        "Meditation ist eine wirksame Methode, um innere Ruhe und Zufriedenheit zu erlangen."
    )
    glued = "".join([P1, " ", heading, paragraph, " ", P4])
    split = [heading.removesuffix(" Zufriedenheit"), paragraph.removeprefix("Meditation ")]
    result = clean(_page([P1, *split, P4], glued))
    assert heading in result.text
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == [" Zufriedenheit", "Meditation "]


def test_a_name_the_copy_repeats_is_no_seam() -> None:
    paragraph = "WeWork said on Monday that WeWork would close two of its offices in the city."
    result = _third(paragraph.removeprefix("WeWork "), paragraph)
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == ["WeWork "]


def test_a_web_address_closing_a_sentence_is_filled_whole() -> None:
    paragraph = "Tickets for the opening of the new bridge go on sale Friday at LiveNation.com."
    result = _third(paragraph.replace("LiveNation.com", ""), paragraph)
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == ["LiveNation.com"]


def test_a_full_stop_glued_to_the_copy_s_next_paragraph_is_no_address() -> None:
    # "hier.nur 9,90 €": the copy ran a paragraph in lower case on to the stop
    paragraph = "Welche Strategien beim Bau der neuen Brücke halfen, zeigen wir dir hier."
    glued = " ".join([P1, P2, paragraph]) + "nur 9,90 € im Monat " + P4
    split = paragraph.replace(" hier", "")
    result = clean(_page([P1, P2, split, P4], glued))
    assert not any("nur" in r.inserted for r in result.repairs)


def test_a_hole_the_paragraph_closed_up_over_takes_the_copy_s_space() -> None:
    paragraph = "The mayor showed the plans for the new bridge to the council members here."
    result = _third(paragraph.replace(" here", ""), paragraph)
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == [" here"]


_DATES = [
    (f"{day} March – {city}, {state} @ {venue} Arena", venue)
    for day, city, state, venue in [
        (1, "Boston", "MA", "Garden"), (3, "Albany", "NY", "Union"),
        (5, "Newark", "NJ", "Prudential"), (7, "Hartford", "CT", "Civic"),
        (9, "Buffalo", "NY", "KeyBank"), (11, "Toronto", "ON", "Scotiabank"),
        (13, "Detroit", "MI", "Caesars"), (15, "Chicago", "IL", "United"),
    ]
]  # fmt: skip


def test_a_glued_copy_of_paragraphs_and_list_items_with_holes_goes() -> None:
    dates = [line for line, _ in _DATES]
    glued = " ".join([P1, P2, "The tour dates are below.", *dates, P4])
    # the venues were links: stripped from every date line
    split = [line.replace(f" {venue} ", " ") for line, venue in _DATES]
    result = clean(_page([P1, P2, "The tour dates are below.", *split, P4], glued))
    assert glued not in result.text
    assert [r.reason.value for r in result.removals if r.text == glued] == ["duplicate-contained"]


def test_a_link_text_closing_a_paragraph_s_sentence_is_filled() -> None:
    paragraph = "The plans and the minutes of the meeting are published on the council's page."
    split = paragraph.replace(" on the council's page.", "")
    result = _third(split, paragraph)
    assert paragraph in result.text
    assert [r.inserted for r in result.repairs] == [" on the council's page."]


def test_a_caption_glued_after_a_paragraph_is_no_closing_link_text() -> None:
    paragraph = "So sieht das ganze dann zum Beispiel aus:"
    glued = " ".join([P1, P2, paragraph, "Video above: Katastrophengebiet.", P4])
    result = clean(_page([P1, P2, paragraph, P4], glued))
    assert not result.repairs


def test_a_hole_before_a_paragraph_s_last_word_is_filled_when_the_copy_closes_there() -> None:
    heading = "Eve Door and Window brings automations to your Siri setup"
    glued = " ".join([P1, heading, P2, P4])
    result = clean(_page([P1, heading.replace(" Siri", ""), P2, P4], glued))
    assert heading in result.text
    assert [r.inserted for r in result.repairs] == ["Siri "]


def test_a_last_word_the_copy_glues_a_heading_before_is_no_hole() -> None:
    # the copy: "… goth-assetsRunning the tests…"; the page: "run poe goth-tests"
    lines = [
        "Finally, generate the default assets of the test suite:",
        "poetry run poe goth-assets",
        "Running the tests",
        "Once you have the environment set up, to run all the integration tests, use:",
        "poetry run poe goth-tests",
    ]
    glued = "".join([P1, " ", *lines, " ", P4])
    split = [P1, *lines[:4], "run poe goth-tests", P4]
    result = clean(_page(split, glued))
    assert not any("Running" in r.inserted for r in result.repairs)


def test_words_a_copy_ran_together_split_in_every_latin_script() -> None:
    words = [t[0] for t in tokens(segment("SmektałaBartosz KrakówŁódź aufgelöstDie")[0])]
    assert words == ["smektała", "bartosz", "kraków", "łódź", "aufgelöst", "die"]


def test_a_word_and_a_number_a_copy_ran_together_are_two_tokens() -> None:
    words = [t[0] for t in tokens(segment("Zeitlauf1. 1992LG 16:42La python_version")[0])]
    assert words == ["zeitlauf", "1", ".", "1992", "lg", "16", ":", "42", "la", "python_version"]


def test_a_results_row_glued_to_its_heading_is_repaired() -> None:
    rows = ["1. LG Staufen WÜ 50,88 sec.", "2. TS Göppingen WÜ 51,20 sec."]
    heading = "Zeitlauf"
    glued = "".join([P1, " ", P2, " ", heading, *rows, " ", P4])
    split = [P1, P2, heading, rows[0].replace(" LG Staufen", ""), rows[1], P4]
    result = clean(_page(split, glued))
    assert rows[0] in result.text
    assert [r.inserted for r in result.repairs] == ["LG Staufen "]


def test_a_paragraph_the_copy_holds_word_for_word_takes_nothing_from_a_near_copy() -> None:
    # lined up with the near copy in the report's sentence, the heading would take
    # "Fort Worth"; the copy also holds the heading word for word: it lacks nothing
    heading = "The dramatic rescue of a kidnapped girl"
    report = "Police released a video of the dramatic rescue of a kidnapped Fort Worth girl."
    glued = " ".join([P1, report, heading, P2, P4])
    blocks = segment("\n".join([glued, heading]))
    page = Page(raw="\n".join([glued, heading]), blocks=blocks, kept=blocks)
    source = Source(blocks[0], 3)
    near = source.between(glued.index("the dramatic"), glued.index(" girl.") + 5)
    repairer = Repairer("repair", max_hole_tokens=16, min_alignment=0.85)
    aligned = repairer.align(page, blocks[1], source, within=near)
    assert aligned is not None
    assert list(repairer.fill_inner(page, aligned, source)) == []


def test_a_row_of_holes_closed_by_the_paragraph_s_last_mark_is_filled() -> None:
    paragraph = "For the visitors the riders were Michael Jepsen Jensen and Piotr Protasiewicz."
    split = paragraph.replace("Michael Jepsen Jensen ", "").replace(" Piotr Protasiewicz", "")
    result = _third(split, paragraph)
    assert paragraph in result.text
    assert [r.inserted.strip() for r in result.repairs] == [
        "Michael Jepsen Jensen",
        "Piotr Protasiewicz",
    ]


SENTENCES = [
    "The study appeared in Abgebrochene Forschung. Zur Geschichte der Wissenschaft is its title.",
    "Residents asked for a footpath on both sides of the new bridge. They also asked for lights.",
    "The plans are on the council website. The mayor said the work would start in spring.",
    "Work would take about two years. The council will meet again in March to decide on it.",
]
HOLE = "Abgebrochene Forschung. Zur Geschichte"


def _run_together(paragraphs: list[str]) -> str:
    """The copy as a page that leaves out the space after every sentence shows it."""
    return "".join(p.replace(". ", ".") for p in paragraphs)


def test_a_fill_from_a_copy_that_runs_sentences_together_reads_them_apart() -> None:
    first = SENTENCES[0].replace(HOLE + " ", "")
    result = clean(_page([first, *SENTENCES[1:]], _run_together(SENTENCES)))
    assert SENTENCES[0] in result.text
    pieces = [r.inserted for r in result.repairs]
    assert pieces == ["Abgebrochene Forschung.", "Zur Geschichte "]
    first_piece, second_piece = result.repairs
    assert first_piece.at == second_piece.at
    assert first_piece.source_end == second_piece.source_start


def test_a_copy_that_spaces_its_sentences_is_copied_as_it_stands() -> None:
    glued = " ".join(SENTENCES).replace("Forschung. Zur", "Forschung.Zur")
    first = SENTENCES[0].replace(HOLE + " ", "")
    result = clean(_page([first, *SENTENCES[1:]], glued))
    assert [r.inserted for r in result.repairs] == ["Abgebrochene Forschung.Zur Geschichte "]


def test_a_web_address_in_a_copy_that_runs_sentences_together_stays_whole() -> None:
    address = "Write to www.DearAbby.com for advice on anything at all."
    paragraphs = [SENTENCES[0], address, *SENTENCES[1:]]
    holed = address.replace("www.DearAbby.com ", "")
    result = clean(_page([SENTENCES[0], holed, *SENTENCES[1:]], _run_together(paragraphs)))
    assert address in result.text
    assert [r.inserted for r in result.repairs] == ["www.DearAbby.com "]


def test_a_web_address_closing_a_short_line_is_one_hole() -> None:
    line = "Navy Beach / https://www.navybeach.com/restaurant/montauk-east-end"
    result = _third(line.split(" https")[0], line)
    assert line in result.text.split("\n\n")
    assert [r.inserted.strip() for r in result.repairs] == [line.split(" / ")[1]]


def test_two_addresses_a_copy_glued_together_are_no_one_hole() -> None:
    line = "Navy Beach / https://www.navybeach.com/montauk.htmlhttps://www.example.org/x"
    result = _third("Navy Beach /", line)
    assert not result.repairs


def test_a_fill_ending_a_sentence_a_copy_runs_on_keeps_the_paragraph_s_space() -> None:
    second = 'Everyone should watch my favourite show: "The Affair". The first season is set there.'
    paragraphs = [SENTENCES[0], second, *SENTENCES[1:]]
    holed = second.replace(' "The Affair".', "")
    result = clean(_page([SENTENCES[0], holed, *SENTENCES[1:]], _run_together(paragraphs)))
    assert second in result.text


def test_a_web_address_with_a_digit_closing_a_sentence_is_one_hole() -> None:
    third = "For more on the plans and the minutes of the meeting, please visit www.my6sense.com."
    holed = third.replace(" www.my6sense.com", "")
    result = _third(holed, third)
    assert third in result.text


def test_a_hole_after_the_first_word_is_filled_after_a_bracketed_question() -> None:
    glued = " ".join([P1, P2]) + "[Who Will Win The Vote?]So here are the trends we noticed."
    glued += " " + P4
    split = [P1, P2, "[Who Will Win The Vote?] (Photo: AP)", "So are the trends we noticed.", P4]
    result = clean(_page(split, glued))
    assert "So here are the trends we noticed." in result.text


def test_a_row_of_holes_after_a_paragraph_s_first_word_is_filled() -> None:
    third = "Ein Autokredit ohne Kreditzinsen, das klingt sehr verlockend für viele Familien."
    holed = "Ein ohne , das klingt sehr verlockend für viele Familien."
    result = _third(holed, third)
    assert third in result.text.split("\n\n")
    assert [r.inserted for r in result.repairs] == ["Autokredit ", "Kreditzinsen"]


def test_a_row_after_a_first_word_the_copy_does_not_open_a_sentence_with_stays() -> None:
    third = "The plan, Ein Autokredit ohne Kreditzinsen, das klingt sehr verlockend für viele."
    holed = "Ein ohne , das klingt sehr verlockend für viele."
    result = _third(holed, third)
    assert not result.repairs


def test_a_paragraph_ending_in_a_mark_after_a_hole_has_its_close_filled_too() -> None:
    third = "Alles zur Brücke und zu den Plänen finden Sie hier: https://example.org/bruecke"
    holed = "Alles zur Brücke und zu den Plänen finden Sie :"
    result = _third(holed, third)
    assert third in result.text.split("\n\n")


def test_a_list_item_whose_bullet_comes_before_a_hole_has_its_close_filled_too() -> None:
    # the bullet places the item in the copy, so the hole closing it is known
    item = "- Zinsabzug: die Zinsen eines Kredits für die neue Brücke ziehen Sie ab beim Amt Berlin"
    holed = "- : die Zinsen eines Kredits für die neue Brücke ziehen Sie ab beim"
    result = _third(holed, item)
    assert item in result.text.split("\n\n")
    assert [r.inserted for r in result.repairs] == ["Zinsabzug", " Amt Berlin"]


def test_a_paragraph_is_not_held_verbatim_inside_a_longer_word() -> None:
    # "Die von …" stands in "… aufgezeigt. Die Studie von …" only as "…die von"
    third = "Die Studie von Ebiquity und Scope3 legt nahe, dass viele Websites CO2 verbrauchen."
    holed = third.replace("Studie ", "")
    result = _third(holed, third)
    assert third in result.text.split("\n\n")


def test_a_heading_with_a_credit_cut_from_it_still_vouches_for_the_next_first_word() -> None:
    heading = "Der Kredit von einer Direktbank"
    third = "Ein Autokredit unmittelbar von einer Direktbank kann Ihnen viele Vorteile bieten."
    holed = third.replace("Autokredit ", "")
    glued = " ".join([P1, P2, heading, third, P4])
    result = clean(_page([P1, P2, heading + " (Foto: dpa)", holed, P4], glued))
    assert third in result.text.split("\n\n")


def test_a_run_of_the_copy_that_holds_another_line_of_the_page_is_no_hole() -> None:
    caption = "Photo gallery"  # two words: a line of the page, wherever it stands
    glued = " ".join([P1, caption, P2, P3, P4])
    holed = [P1, P2.removeprefix("Residents "), P3, P4]
    assert not clean(_page([*holed, caption], glued)).repairs
    filled = [r.inserted for r in clean(_page(holed, glued)).repairs]
    assert filled == [f"{caption} Residents "]  # (no line of the page says otherwise)


@pytest.mark.parametrize("apart", [False, True])
def test_every_short_line_between_two_paragraphs_is_lined_up_by_its_place(apart: bool) -> None:
    # two lines in a row between P1 and P2, or one between each pair of paragraphs
    first, second = "Was the bridge safe?", "Who pays the bill?"
    holed = [first.replace(" bridge", ""), second.replace(" the bill", " ")]
    order = [P1, first, P2, second, P3, P4] if apart else [P1, first, second, P2, P3, P4]
    split = [P1, holed[0], P2, holed[1], P3, P4] if apart else [P1, *holed, P2, P3, P4]
    result = clean(_page(split, " ".join(order)))
    assert [r.inserted for r in result.repairs] == ["bridge ", "the bill"]


@pytest.mark.parametrize("lead", [[], ["Rain fell on the town all week, and the river rose."]])
@pytest.mark.parametrize("where", ["before P1", "after P2"])
def test_a_short_line_outside_the_two_paragraphs_is_not_lined_up_between_them(
    lead: list[str], where: str
) -> None:
    # the copy has it between P1 and P2; the page shows it elsewhere: no place to fill from
    question = "Was the bridge safe?"
    glued = " ".join([P1, question, P2, P3, P4])
    holed = question.replace(" bridge", "")
    split = [holed, P1, P2, P3, P4] if where == "before P1" else [P1, P2, holed, P3, P4]
    result = clean(_page([*lead, *split], glued))
    assert "bridge " not in [r.inserted for r in result.repairs]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return tokens(segment(text)[0])


def _run_of(text: str, words: str) -> list[tuple[str, int, int]]:
    """The tokens of ``text`` that make up ``words`` (its first occurrence)."""
    at = text.index(words)
    return [t for t in _tokens(text) if at <= t[1] and t[2] <= at + len(words)]


@pytest.mark.parametrize(
    ("text", "run", "touching"),
    [
        ("Going forwardResidents asked", "Residents", "forwardResidents"),
        ("Going forward Residents asked", "Residents", "Residents"),
        ("xResidents asked", "Residents", "xResidents"),
        ("Residents asked", "Residents", "Residents"),
    ],
)
def test_a_run_brings_the_words_it_touches_without_a_space(
    text: str, run: str, touching: str
) -> None:
    assert _with_touching(text, _run_of(text, run)) == touching
    assert _with_touching(text, _run_of(text, run), left=False, right=False) == run


def test_the_last_sentence_of_a_run_is_what_follows_its_last_sentence_end() -> None:
    text = "One ends here. Two ends here. three runs on"
    assert [t[0] for t in _last_sentence(_tokens(text), text)] == ["three", "runs", "on"]
    assert _last_sentence(_tokens("no end at all"), "no end at all") == _tokens("no end at all")


def test_a_run_stops_where_the_first_line_standing_between_starts_in_it() -> None:
    # a line is found in the run by its first three words in a row
    standing = segment("x\nby the desk team")[1:]
    text = "Credits by the desk and more by the desk team today"
    assert [t[0] for t in _up_to(_tokens(text), standing)] == ["credits"]
    text = "Credits by the way and by the desk team today"
    assert [t[0] for t in _up_to(_tokens(text), standing)] == "credits by the way and".split()
    assert _up_to(_tokens(text), []) == _tokens(text)


@pytest.mark.parametrize(("words", "closes"), [(6, True), (7, False)])
def test_a_link_text_closing_a_sentence_is_six_words_at_most(words: int, closes: bool) -> None:
    text = " ".join(["word"] * words) + "."
    assert _closes_a_sentence(_tokens(text), text) is closes
    labelled = "Video above: a flood."
    assert not _closes_a_sentence(_tokens(labelled), labelled)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("the old ZufriedenheitMeditation ist", 3),  # a word in lower case run on
        ("in the year 2024Der Bericht", 4),  # a number run on
        ("a ZufriedenheitMeditation ist", 2),
    ],
)
def test_a_seam_is_a_capital_run_on_to_a_word(text: str, at: int) -> None:
    run = _tokens(text)
    assert _seam(run, text, Source(segment(text)[0], 3)) == at


def test_a_word_the_copy_holds_twice_is_no_seam() -> None:
    copy = "at the old WeWork here. WeWork again"
    run = _tokens(copy)[:5]  # "at the old WeWork": the copy says "WeWork" twice
    assert _seam(run, copy, Source(segment(copy)[0], 3)) is None


def test_a_hole_after_the_first_word_is_looked_for_within_max_hole_tokens() -> None:
    from dechaff.filters import Repairs

    holed = _page([P1, P2, P3.replace("The plans and", "The and"), P4])
    narrow = Cleaner.default().replace("repair", Repairs(max_hole_tokens=2))
    assert [r.inserted for r in narrow(holed).repairs] == ["plans "]


@pytest.mark.parametrize("narrowest", [1, 2])
def test_a_hole_before_the_last_word_is_looked_for_within_max_hole_tokens(narrowest: int) -> None:
    from dechaff.filters import Repairs

    heading = "Eve Door and Window brings automations to your Siri setup"
    glued = " ".join([P1, heading, P2, P4])
    page = _page([P1, heading.replace(" Siri", ""), P2, P4], glued)
    narrow = Cleaner.default().replace("repair", Repairs(max_hole_tokens=narrowest))
    assert [r.inserted for r in narrow(page).repairs] == ["Siri "]
