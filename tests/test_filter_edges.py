"""Filters alone, with explicit settings, at the edges of their thresholds; and the
shape every built-in filter shares (frozen, keyword-only settings)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from dechaff import Cleaner, ConfigError, Facts, Page, PluginReason, Reason, SiteProfile, Title
from dechaff.blocks import Block, DomInfo
from dechaff.filters import (
    AcrossPages,
    AdMarkers,
    AuthorBios,
    BodyRegion,
    CommentSections,
    ControlCharacters,
    InlineCaptions,
    LinkDensity,
    Transcripts,
    body_region,
    default_filters,
    remove_block,
)
from dechaff.html import parse
from dechaff.report import Decision, Evidence

PROSE = (
    "<p>The council met on Tuesday and voted to rebuild the old bridge before winter, "
    "the mayor said after the meeting.</p>"
)


def _line(linked: int, plain: int) -> str:
    """A paragraph of ``linked`` linked and ``plain`` plain characters (words of
    four letters and a space each)."""
    link = " ".join(["link"] * (linked // 5))
    rest = " ".join(["text"] * (plain // 5))
    return f"<p><a href='/x'>{link}</a> {rest}</p>" if rest else f"<p><a href='/x'>{link}</a></p>"


def _removed(filter_: object, html: str) -> list[str]:
    result = Cleaner([filter_]).clean_html(f"<html><body>{html}{PROSE}</body></html>")  # type: ignore[list-item]
    return [r.text for r in result.removals]


@pytest.mark.parametrize(("above", "removed"), [(0.0, True), (0.01, False)])
def test_link_density_at_its_threshold(above: float, removed: bool) -> None:
    line = _line(linked=25, plain=25)  # "link link link link link text text …": about half
    (block,) = [b for b in parse(f"<html><body>{line}</body></html>").blocks]
    density = block.dom.link_density  # type: ignore[union-attr]
    assert 0.4 < density < 0.6
    assert bool(_removed(LinkDensity(threshold=density + above), line)) is removed


@pytest.mark.parametrize(("words", "removed"), [(6, True), (7, False)])
def test_link_density_only_judges_short_blocks(words: int, removed: bool) -> None:
    line = "<p><a href='/x'>" + " ".join(["link"] * words) + "</a></p>"
    assert bool(_removed(LinkDensity(max_words=6), line)) is removed


@pytest.mark.parametrize(("words", "removed"), [(30, True), (31, False)])
def test_link_density_judges_lines_of_up_to_thirty_words_by_default(
    words: int, removed: bool
) -> None:
    line = "<p><a href='/x'>" + " ".join(["link"] * words) + "</a></p>"
    assert bool(_removed(LinkDensity(), line)) is removed


def test_link_density_with_no_words_allowed_removes_nothing() -> None:
    assert _removed(LinkDensity(max_words=0), "<p><a href='/x'>Home</a></p>") == []


def test_link_density_keeps_a_pasted_address_and_prose() -> None:
    assert _removed(LinkDensity(), "<p><a href='/x'>Home</a></p>") == ["Home"]  # the filter acts
    address = "<p><a href='https://example.org/report'>https://example.org/report</a></p>"
    assert _removed(LinkDensity(), address) == []


def test_link_density_does_nothing_on_text() -> None:
    assert Cleaner([LinkDensity()]).clean_text("Home\nNews\nSport").removals == ()


@pytest.mark.parametrize("bad", [{"threshold": 1.5}, {"threshold": -0.1}, {"max_words": -1}])
def test_link_density_refuses_settings_out_of_range(bad: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        LinkDensity(**bad)  # type: ignore[arg-type]


def test_comment_sections_remove_the_section_and_say_so() -> None:
    section = "<div id='comments'><p>First! Great read, thanks for sharing this.</p></div>"
    result = Cleaner([CommentSections()]).clean_html(f"<html><body>{PROSE * 3}{section}")
    (removal,) = result.removals
    assert removal.reason is Reason.COMMENTS and removal.text.startswith("First!")
    assert removal.detail == "inside a comment section"
    assert Cleaner([CommentSections()]).clean_text("First! Great read.").removals == ()


@pytest.mark.parametrize("built_in", default_filters(), ids=lambda f: f.name)
def test_every_built_in_filter_is_frozen_with_keyword_settings(built_in: object) -> None:
    assert dataclasses.is_dataclass(built_in)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built_in.name = "renamed"  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        type(built_in)("positional")  # type: ignore[call-arg]


@pytest.mark.parametrize("built_in", default_filters(), ids=lambda f: f.name)
def test_every_built_in_filter_is_its_settings(built_in: object) -> None:
    """Two filters of the same settings are equal, hash alike and print alike, and
    what a filter derives from its settings (compiled patterns, indexes) is no
    setting: not taken by the constructor, not printed, not compared."""
    again = dataclasses.replace(built_in)  # type: ignore[type-var]
    assert again is not built_in and again == built_in and hash(again) == hash(built_in)
    derived = [f.name for f in dataclasses.fields(built_in) if f.name.startswith("_")]  # type: ignore[arg-type]
    for name in derived:
        assert f"{name}=" not in repr(built_in)
        with pytest.raises(TypeError):
            type(built_in)(**{name: None})
    assert repr(again) == repr(built_in)


def _captions(words: int, masked: int) -> str:
    """A caption line of ``words`` words and ``masked`` masks (``***``, no word)."""
    return " ".join(["***"] * masked + ["word"] * words)


@pytest.mark.parametrize(("words", "removed"), [(30, True), (29, False)])
def test_transcripts_judge_lines_of_thirty_words_or_more(words: int, removed: bool) -> None:
    result = Cleaner([Transcripts()])(_captions(words, 1) + "\nReal text.")
    assert bool(result.removals) is removed


@pytest.mark.parametrize(("masked", "removed"), [(2, True), (1, False)])
def test_transcripts_need_min_masked_words(masked: int, removed: bool) -> None:
    result = Cleaner([Transcripts(min_words=5, min_masked=2)])(_captions(8, masked))
    assert bool(result.removals) is removed
    if removed:
        (removal,) = result.removals
        assert removal.score == 2.0 and removal.detail.startswith("2 masked word(s)")


def test_transcripts_count_masks_standing_as_words_only() -> None:
    glued = "word**word " * 10 + "and **emphasis** here " * 5
    assert Cleaner([Transcripts(min_words=5)])(glued).removals == ()
    assert Cleaner([Transcripts(min_words=5)])(glued + " ** ").removals  # a mask of its own


@pytest.mark.parametrize(
    "label", ["Transcript: so today", "Transkript - heute", "TRANSCRIPTION : bonjour"]
)
def test_a_labelled_transcript_goes_whatever_its_length(label: str) -> None:
    (removal,) = Cleaner([Transcripts()])(label + "\nThe article.").removals
    assert removal.detail == "labelled as a transcript" and removal.text == label
    assert Cleaner([Transcripts()])("A transcript of the hearing was released.").removals == ()


@pytest.mark.parametrize("bad", [{"min_words": -1}, {"min_masked": -1}])
def test_transcripts_refuse_settings_out_of_range(bad: dict[str, int]) -> None:
    with pytest.raises(ConfigError):
        Transcripts(**bad)  # type: ignore[arg-type]


def test_transcripts_at_zero_accept_any_masked_line() -> None:
    assert Cleaner([Transcripts(min_words=0, min_masked=0)])("*** x").removals


def test_every_transcript_of_a_page_goes() -> None:
    page = "\n".join(
        ["Transcript: part one", "Short line.", _captions(30, 1), "Transcript: part two"]
    )
    removed = [r.text for r in Cleaner([Transcripts()])(page).removals]
    assert removed == ["Transcript: part one", _captions(30, 1), "Transcript: part two"]


@pytest.mark.parametrize(("length", "removed"), [(60, True), (61, False)])
def test_an_ad_label_line_is_at_most_sixty_characters(length: int, removed: bool) -> None:
    line = "Advertisement".center(length, "-")
    assert len(line) == length
    result = Cleaner([AdMarkers()])(line + "\nThe mayor spoke.")
    assert bool(result.removals) is removed


def test_every_ad_label_line_goes() -> None:
    page = "Advertisement\nThe mayor spoke.\nAnzeige\nShe left."
    assert [r.text for r in Cleaner([AdMarkers()])(page).removals] == ["Advertisement", "Anzeige"]


def test_an_inline_ad_label_is_cut_alone_and_only_when_asked() -> None:
    page = "The debate ran long. Advertisement The mayor spoke at last."
    (removal,) = Cleaner([AdMarkers()])(page).removals
    assert removal.text == "Advertisement" and removal.reason is Reason.AD_MARKER_INLINE
    assert Cleaner([AdMarkers(inline=False)])(page).removals == ()


@pytest.mark.parametrize(
    ("char", "named"),
    [("\x1b[31m", "an escape sequence"), ("\u00ad", "soft hyphens"),
     ("\u200b", "zero-width spaces"), ("\u2060", "word joiners"), ("\ufeff", "byte-order marks"),
     ("\x7f", "DEL"), ("\x00", "control characters")],
)  # fmt: skip
def test_control_characters_are_cut_and_named(char: str, named: str) -> None:
    page = f"The river{char} rose.\nPrinted line.\nThe dam{char} held."
    result = Cleaner([ControlCharacters()])(page)
    assert result.text == "The river rose.\n\nPrinted line.\n\nThe dam held."
    assert [r.detail for r in result.removals] == [named, named]
    assert all(r.text == char for r in result.removals)


def test_a_line_of_nothing_but_controls_goes_whole() -> None:
    page = "The river rose.\n\x00\x01\x02\nThe dam held."
    (removal,) = Cleaner([ControlCharacters()])(page).removals
    assert removal.text == "\x00\x01\x02" and removal.detail == "control characters"
    assert removal.start == page.index("\x00") and removal.end == removal.start + 3
    partial = Cleaner([ControlCharacters()])("a\x00b").removals
    assert [r.text for r in partial] == ["\x00"]


def test_a_line_of_controls_of_two_kinds_goes_whole_and_later_lines_are_still_read() -> None:
    page = "\x1b[0m\x00\nThe river\x00 rose.\nक्\u200dष\nThe dam\x00 held."
    removed = Cleaner([ControlCharacters()])(page).removals
    assert [(r.text, r.detail) for r in removed] == [
        ("\x1b[0m\x00", "an escape sequence"),
        ("\x00", "control characters"),
        ("\x00", "control characters"),
    ]


def test_tabs_and_joiners_stay() -> None:
    page = "col\tcol\nक्\u200dष and 👩\u200d🔬"
    assert Cleaner([ControlCharacters()])(page).removals == ()


def _site(lines: list[str], pages: int = 12) -> object:
    profile = SiteProfile()
    for n in range(pages):
        profile.learn("\n".join([f"Story number {n} is told in full here.", *lines]), "x.org")
    return profile.evidence("x.org")


def test_site_boilerplate_goes_from_every_line_but_the_headline() -> None:
    site = _site(["About us: a paper.", "Storm hits coast", "", "Contact the desk."])
    page = "Storm hits coast\nAbout us: a paper.\nA new story, told in full.\nContact the desk."

    def title_only(page: Page) -> Iterator[Title]:  # decides the title, removes nothing
        yield Title("title-only", 0)

    title_only.name = "title-only"  # type: ignore[attr-defined]
    with_title = Cleaner([title_only, AcrossPages()])  # type: ignore[list-item]
    removed = with_title.clean_text(page, site=site).removals  # type: ignore[arg-type]
    assert [r.text for r in removed] == ["About us: a paper.", "Contact the desk."]
    assert removed[0].detail == "on 12 of 12 pages of x.org"
    alone = Cleaner([AcrossPages()]).clean_text(page, site=site).removals  # type: ignore[arg-type]
    assert alone[0].text == "Storm hits coast"  # no title decided: it goes too


def test_site_boilerplate_spares_the_matched_heading_of_html() -> None:
    site = _site(["Storm hits coast"])
    html = (
        "<html><head><title>Storm hits coast - Bugle</title></head><body>"
        "<h1>Storm hits coast</h1><p>A new story, told in full, with words enough.</p>"
    )
    result = Cleaner([AcrossPages()]).clean_html(html, site=site)  # type: ignore[arg-type]
    assert result.removals == ()
    assert Cleaner([AcrossPages()]).clean_html(html).removals == ()  # no evidence: nothing


def test_inline_captions_are_cut_where_they_stand_on_any_line() -> None:
    page = (
        "A plain first line without marks\n"
        "The fire spread fast. Video above: Crews fight the fire. The blaze began at noon.\n"
        "The roof fell in (Photo: J. Doe/AP) before dawn."
    )
    removed = Cleaner([InlineCaptions()])(page).removals
    assert [(r.text, page[r.start : r.end]) for r in removed] == [
        ("Video above: Crews fight the fire.", "Video above: Crews fight the fire."),
        (" (Photo: J. Doe/AP)", " (Photo: J. Doe/AP)"),
    ]
    assert [r.detail for r in removed] == [
        "a media caption inside the paragraph",
        "a photo credit inside the paragraph",
    ]


def test_a_caption_that_is_the_whole_line_is_left_to_the_line_rules() -> None:
    line = "Video above: Crews fight the fire."
    assert Cleaner([InlineCaptions()])(line + " More").removals
    assert Cleaner([InlineCaptions()])(line).removals == ()
    credit = "(Photo: J. Doe/AP)"  # a credit the pattern takes whole
    assert Cleaner([InlineCaptions()])(f"Crews fight the fire {credit}").removals
    assert Cleaner([InlineCaptions()])(credit).removals == ()


BIO = "Jane Doe is a reporter who covers the city council and its budget for the paper."


def _article(*tail: str) -> str:
    return "\n".join(["The council met on Tuesday and voted on the bridge.", *tail])


@pytest.mark.parametrize(("after", "removed"), [(2, True), (3, False)])
def test_author_bios_are_looked_for_among_the_last_three_lines(after: int, removed: bool) -> None:
    page = _article(BIO, *[f"Closing line number {n}." for n in range(after)])
    assert bool(Cleaner([AuthorBios()])(page).removals) is removed


@pytest.mark.parametrize(("extra", "removed"), [(90, True), (91, False)])
def test_an_author_bio_is_at_most_ninety_words(extra: int, removed: bool) -> None:
    words = BIO.split()
    bio = " ".join(words + ["more"] * (extra - len(words)))
    assert len(bio.split()) == extra
    assert bool(Cleaner([AuthorBios()])(_article(bio)).removals) is removed


@pytest.mark.parametrize(("within", "removed"), [(25, True), (26, False)])
def test_the_occupation_stands_within_twenty_five_words(within: int, removed: bool) -> None:
    opening = "Jane Doe is " + " ".join(["very"] * (within - 4)) + " reporter for the paper."
    assert opening.split()[within - 1] == "reporter"
    assert bool(Cleaner([AuthorBios()])(_article(opening)).removals) is removed


def test_no_last_lines_no_bios() -> None:
    assert Cleaner([AuthorBios(last_blocks=0)])(_article(BIO)).removals == ()
    (removal,) = Cleaner([AuthorBios(last_blocks=1)])(_article(BIO)).removals
    assert removal.detail.startswith("a name, then what the person is ('reporter')")


# --- body-region ------------------------------------------------------------------------


def _words(n: int, end: str = "", word: str = "word") -> str:
    return " ".join([word] * n) + end


def _first(n: int) -> str:
    """The first paragraph of a test page: ``n`` words of one sentence."""
    return _words(n, ".", "alpha")


def _second(n: int) -> str:
    return _words(n, ".", "beta")


def _block(text: str, **dom: object) -> Block:
    return Block(0, 0, len(text), text, dom=DomInfo("p", "/p", **dom) if dom else None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "score"),
    [
        (_words(15, "."), 15.0),  # prose: its words
        (_words(14, "."), 7.0),  # shorter, but a sentence: half its words
        (_words(4, "."), 2.0),
        (_words(3, "."), -12.0),  # too short for a sentence
        (_words(15), -12.0),  # no sentence mark
        (_words(45), 22.5),  # three times prose_words, unpunctuated: half
        (_words(44), -12.0),
    ],
)
def test_body_region_scores_lines_at_the_edges(text: str, score: float) -> None:
    assert BodyRegion().score(_block(text)) == score


def test_body_region_an_unpunctuated_line_is_prose_only_with_function_words() -> None:
    region = BodyRegion()
    plain = _words(45)
    spoken = " ".join(["the council said that it was in the town"] * 5)
    assert region.score(_block(plain), "en") == -12.0
    assert region.score(_block(spoken), "en") == 22.5
    assert region.score(_block(spoken), None) == 22.5
    assert region.score(_block(_second(20), link_density=0.5)) == 20.0
    assert region.score(_block(_second(20), link_density=0.51)) == -12.0


@dataclasses.dataclass(frozen=True)
class _Marks:
    """Removes the lines that start with ``marker``, for a reason that declares
    ``evidence``."""

    evidence: frozenset[Evidence]
    marker: str = "MARK"
    name: str = "marks"

    def __call__(self, page: Page) -> Iterator[Decision]:
        reason = PluginReason("test:mark", self.evidence)
        for b in page.kept:
            if b.text.startswith(self.marker):
                yield remove_block(self.name, b, reason, "marked")


def _body(evidence: frozenset[Evidence], lines: list[str], **settings: object) -> str:
    cleaner = Cleaner([_Marks(evidence), BodyRegion(**settings)])  # type: ignore[arg-type]
    return cleaner("\n".join(lines)).text


@pytest.mark.parametrize(("after", "joined"), [(61, True), (60, False)])
def test_body_region_a_related_header_costs_the_wall_penalty(after: int, joined: bool) -> None:
    lines = [_first(100), "MARK Related stories on this topic", _second(after)]
    text = _body(frozenset({Evidence.SECTION_END}), lines, gap_cost=None)
    assert (_second(after) in text) is joined
    assert _first(100) in text


def test_body_region_a_longer_related_line_and_other_evidence_cost_nothing() -> None:
    header = "MARK Related stories on this topic today"  # seven words: no header
    lines = [_first(100), header, _second(20)]
    assert _second(20) in _body(frozenset({Evidence.SECTION_END}), lines, gap_cost=None)
    assert _second(20) in _body(frozenset({Evidence.CHROME}), lines, gap_cost=None)
    boilerplate = [_first(100), header, _second(60)]  # any length: the wall penalty
    assert _second(60) not in _body(frozenset({Evidence.BOILERPLATE}), boilerplate, gap_cost=None)


def test_body_region_prose_after_a_comments_header_weighs_half() -> None:
    comments = frozenset({Evidence.ARTICLE_END})
    # a wall: the body stands on one side; after 80 words of prose, what follows
    # the comments header weighs half (161 words: 80.5, more than 80)
    assert _body(comments, [_first(80), "MARK Comments", _second(161)]) == _second(161)
    assert _body(comments, [_first(80), "MARK Comments", _second(160)]) == _first(80)
    # under 80 words before it, what follows weighs in full
    assert _body(comments, [_first(79), "MARK Comments", _second(80)]) == _second(80)


@pytest.mark.parametrize(("second", "joined"), [(41, True), (40, False)])
def test_body_region_a_second_run_joins_when_it_outweighs_the_gap(
    second: int, joined: bool
) -> None:
    # five lines of four words (not menu-like): -60 through them, 40 as a gap (30 + 5 × 2)
    gap = [_words(4) for _ in range(5)]
    text = Cleaner([BodyRegion()])("\n".join([_first(100), *gap, _second(second)])).text
    assert (_second(second) in text) is joined


@pytest.mark.parametrize(("items", "listed"), [(3, True), (2, False)])
def test_body_region_lines_built_alike_are_a_list_from_three(items: int, listed: bool) -> None:
    rows = [f"June {day} -- Town Hall, Springfield" for day in range(1, items + 1)]
    raw = "\n".join([_first(100), *rows, _second(20)])
    text = Cleaner([BodyRegion(gap_cost=None)])(raw).text  # two rows: -24, more than 20
    assert (_second(20) in text) is listed


def _at(text: str, index: int) -> Block:
    return Block(index, 0, len(text), text)


@pytest.mark.parametrize(("words", "shaped"), [(3, False), (4, True), (25, True), (26, False)])
def test_body_region_a_list_item_is_four_to_twenty_five_words(words: int, shaped: bool) -> None:
    line = "June 9 -- " + " ".join(["venue"] * (words - 2))  # ("--" is no word)
    assert (body_region._shape(_block(line)) is not None) is shaped


def test_body_region_a_run_of_lines_alike_is_found_at_its_length_and_past_it() -> None:
    rows = [_at(f"June {day} -- Town Hall, Springfield", day) for day in range(5)]
    assert body_region._parallel_items(rows, 5) == [0, 1, 2, 3, 4]
    assert body_region._parallel_items(rows, 4) == [0, 1, 2, 3, 4]
    assert body_region._parallel_items(rows, 6) == []


def test_body_region_a_line_announces_at_most_max_announced_lines() -> None:
    kept = [_at("Ingredients:", 0), *(_at(f"item {n}", n + 1) for n in range(4))]
    scores = [0.0] * 5
    assert body_region._announced_items(kept, scores, 2) == [1, 2]
    assert body_region._announced_items(kept, scores, 4) == [1, 2, 3, 4]
    scores[3] = 5.0  # a line of prose ends the list
    assert body_region._announced_items(kept, scores, 4) == [1, 2]


def test_body_region_comments_discount_from_exactly_the_prose_needed_before() -> None:
    wall = -body_region._WALL
    assert body_region._discount_after_comments([50.0, 30.0, wall, 60.0], 0.5, 80.0)[3] == 30.0
    assert body_region._discount_after_comments([50.0, 29.0, wall, 60.0], 0.5, 80.0)[3] == 60.0


def test_body_region_says_where_each_removed_line_stood_against_the_body() -> None:
    gap = [_words(4) for _ in range(5)]  # joined across: the second run outweighs the gap
    raw = "\n".join(["Home", _first(100), *gap, _second(41), "Share this"])
    details = {r.text: r.detail for r in Cleaner([BodyRegion()])(raw).removals}
    assert details["Home"].startswith("before the body")
    assert details[gap[0]].startswith("inside the body")
    assert details["Share this"].startswith("after the body")


def test_body_region_comments_discount_counts_every_positive_score() -> None:
    wall = -body_region._WALL
    scores = [0.5, 79.5, wall, 0.5]  # 80 before the header, half a point after it
    assert body_region._discount_after_comments(scores, 0.5, 80.0) == [0.5, 79.5, wall, 0.25]


def test_body_region_announced_and_alike_lines_are_found_past_the_page_s_start() -> None:
    kept = [_at("Some prose.", 0), _at("Ingredients:", 1)]
    kept += [_at(f"item {n}", n + 2) for n in range(4)]
    assert body_region._announced_items(kept, [0.0] * 6, 2) == [2, 3]
    rows = [_at("Some prose.", 0)]
    rows += [_at(f"June {day} -- Town Hall, Springfield", day) for day in range(1, 6)]
    assert body_region._parallel_items(rows, 5) == [1, 2, 3, 4, 5]
    assert body_region._parallel_items(rows, 6) == []


@pytest.mark.parametrize(("numbers", "found"), [((1, 2), [0, 1]), ((1, 3), []), ((7, 6), [0, 1])])
def test_body_region_numbered_items_need_a_neighbour_one_apart(
    numbers: tuple[int, int], found: list[int]
) -> None:
    kept = [_at(f"{n}. An item of the list", i) for i, n in enumerate(numbers)]
    assert body_region._numbered_items(kept) == found


def test_body_region_an_unpunctuated_line_needs_exactly_min_function_share() -> None:
    line = _block(" ".join(["the"] * 9 + ["river"] * 36))  # 45 words, a fifth of them "the"
    assert BodyRegion(min_function_share=0.2).score(line, "en") == 22.5
    assert BodyRegion(min_function_share=0.21).score(line, "en") == -BodyRegion().short_penalty


def test_body_region_steps_aside_from_exactly_main_share() -> None:
    raw = "\n".join(["Home", _first(100)])
    blocks = Cleaner([])(raw).blocks
    page = Page(raw, blocks, blocks, facts=Facts(main_share=0.8))
    assert list(BodyRegion(main_share=0.8)(page)) == []
    assert [r.text for r in BodyRegion(main_share=0.81)(page)] == ["Home"]


@pytest.mark.parametrize("walls", [[False], [False] * 3])
def test_body_region_best_runs_wants_one_wall_flag_per_score(walls: list[bool]) -> None:
    with pytest.raises(ValueError, match="one wall flag per score"):
        body_region.best_runs([5.0, -1.0], 3.0, walls)


@pytest.mark.parametrize("extra", [0, 1])
def test_body_region_a_run_of_wall_run_short_lines_or_more_is_a_wall(extra: int) -> None:
    long = " ".join(["The council met and voted on the bridge."] * 8)
    menu = [f"Item {n}" for n in range(5 + extra)]
    raw = "\n".join([long, *menu, long.replace("bridge", "road")])
    blocks = Cleaner([]).clean_text(raw).blocks
    _, walls = BodyRegion().evidence(Page(raw, blocks, blocks))
    assert walls[1 : 6 + extra] == [True] * (5 + extra)
    assert not walls[0] and not walls[-1]


def test_body_region_weighs_a_long_unpunctuated_line_by_the_pages_language() -> None:
    names = " ".join(f"Trail boot model {n} red" for n in range(14))  # 70 words, no stop
    prose = "The council met on Tuesday and voted to rebuild the old bridge before the winter."
    raw = "\n".join([prose, names, prose.replace("bridge", "road")])
    blocks = Cleaner([]).clean_text(raw).blocks
    scores, _ = BodyRegion().evidence(Page(raw, blocks, blocks))
    assert blocks[1].words == 70 and not blocks[1].ends_sentence  # precondition
    assert scores[1] < 0  # no function words of the page's language: no prose
