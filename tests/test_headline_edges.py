"""The headline filter alone: each way it finds the headline, the spans and evidence
it reports, and how it chooses between candidates."""

from __future__ import annotations

import pytest
from helpers import PROSE, PageSpy

from dechaff import Cleaner, Settings
from dechaff.filters import Headline, PageChrome
from dechaff.filters.headline import _prefer
from dechaff.headline import HeadlineRules


def _clean(raw: str, **rules: object) -> tuple[str | None, list[tuple[str, str, str, object]]]:
    settings = Settings(headline=HeadlineRules(**rules))  # type: ignore[arg-type]
    result = Cleaner([Headline()], settings=settings)(raw)
    return result.title, [(r.reason.value, r.text, r.detail, r.related) for r in result.removals]


def test_a_document_title_splits_into_headline_and_site_name_at_their_places() -> None:
    raw = "Storm hits coast - Daily Bugle\nHome\nStorm hits coast\nRain fell."
    result = Cleaner([Headline()])(raw)
    spans = [(r.reason.value, r.start, raw[r.start : r.end], r.detail) for r in result.removals]
    assert spans == [
        ("headline", 0, "Storm hits coast", "document title; copy of the headline (block 2)"),
        ("site-name", 16, " - Daily Bugle", "site name beside the document title"),
        ("headline", 36, "Storm hits coast", "matches the document title"),
    ]
    assert result.removals[2].score == 1.0 and result.removals[0].related == 2


def test_a_site_name_before_the_headline_is_reported_where_it_stands() -> None:
    raw = "Daily Bugle | Storm hits the coast\nStorm hits the coast\nRain fell."
    result = Cleaner([Headline()])(raw)
    spans = [(r.reason.value, r.start, raw[r.start : r.end]) for r in result.removals]
    assert spans == [
        ("site-name", 0, "Daily Bugle | "),
        ("headline", 14, "Storm hits the coast"),
        ("headline", 35, "Storm hits the coast"),
    ]
    assert result.title == "Storm hits the coast"


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Storm hits coast - Daily Bugle", ["Storm hits coast", " - Daily Bugle"]),
        ("Daily Bugle | Storm hits the coast", ["Daily Bugle | ", "Storm hits the coast"]),
        (
            "Daily Bugle | Storm hits the coast | News",
            ["Daily Bugle | ", "Storm hits the coast", " | News"],
        ),
    ],
)
def test_a_document_title_after_a_removed_line_splits_where_it_stands(
    title: str, parts: list[str]
) -> None:
    raw = f"Skip to content\n{title}\nRain fell all night."
    result = Cleaner([PageChrome(), Headline()])(raw)
    spans = [raw[r.start : r.end] for r in result.removals if r.filter == "headline"]
    assert spans == parts and "".join(spans) == title


def test_a_near_match_of_the_document_title_scores_its_similarity() -> None:
    raw = "Storm hits the coast - Daily Bugle\nStorm hit the coast\nRain fell."
    settings = Settings(headline=HeadlineRules(min_similarity=80))
    spy = PageSpy()
    result = Cleaner([Headline(), spy], settings=settings)(raw)
    (found,) = [r for r in result.removals if r.detail == "matches the document title"]
    similarity = HeadlineRules.similarity("storm hit the coast", "storm hits the coast")
    assert result.title == "Storm hit the coast" and found.score == similarity / 100 < 1
    headline = spy.page.headline if spy.page is not None else None
    assert headline is not None and headline.score == found.score


@pytest.mark.parametrize(
    ("raw", "title", "removals"),
    [
        (  # a "Headline - Site" line with no copy further down: the document title alone
            "Storm hits coast - Daily Bugle\nRain fell all night.",
            "Storm hits coast",
            [("headline", "Storm hits coast", "document title, kept as the title", None),
             ("site-name", " - Daily Bugle", "site name beside the document title", None)],
        ),
        (  # a first line without a site name, which the page repeats
            f"Storm hits coast\n{PROSE}\nStorm hits coast\n{PROSE}",
            "Storm hits coast",
            [("headline", "Storm hits coast", "document title; copy of the headline (block 2)", 2),
             ("headline", "Storm hits coast", "matches the document title", None)],
        ),
        (  # its copy ends in a full stop: no headline's shape, only its key matches
            f"Storm hits coast\n{PROSE}\nStorm hits coast.\n{PROSE}",
            "Storm hits coast.",
            [("headline", "Storm hits coast", "document title; copy of the headline (block 2)", 2),
             ("headline", "Storm hits coast.", "repeats the document title", None)],
        ),
    ],
    ids=["title alone", "first line repeated", "copy with a full stop"],
)  # fmt: skip
def test_the_first_line_as_the_document_title(
    raw: str, title: str, removals: list[tuple[str, str, str, int | None]]
) -> None:
    assert _clean(raw) == (title, removals)


def test_the_first_copy_with_a_full_stop_is_named_within_search_blocks() -> None:
    twice = f"Storm hits coast\n{PROSE}\nStorm hits coast.\nStorm hits coast."
    assert _clean(twice)[1][0][2] == "document title; copy of the headline (block 2)"
    assert _clean(f"Storm hits coast\n{PROSE}\nStorm hits coast.", search_blocks=2) == (None, [])


def test_a_first_line_alone_and_unrepeated_is_no_title() -> None:
    assert _clean(f"Storm hits coast\n{PROSE}") == (None, [])


def test_a_line_too_long_for_a_headline_is_no_document_title() -> None:
    long = " ".join(["word"] * 41) + " - Daily Bugle"
    assert _clean(f"{long}\n{PROSE}") == (None, [])


def test_the_longest_repeated_line_is_the_headline_the_earliest_on_a_tie() -> None:
    raw = "\n".join(["Home", "Big news", "Storm hits coast", "Big news", "Storm hits coast", PROSE])
    title, removals = _clean(raw)
    assert title == "Storm hits coast"
    assert removals == [
        ("headline", "Storm hits coast", "repeated line kept as the title", None),
        ("headline", "Storm hits coast", "copy of the headline (block 2)", 2),
    ]
    tie = "\n".join(["Home", "Rain falls", "Wind blows", "Wind blows", "Rain falls", PROSE])
    assert _clean(tie)[0] == "Rain falls"


def test_a_line_said_once_is_no_headline() -> None:
    assert _clean("\n".join(["Home", "Storm hits coast", PROSE])) == (None, [])


@pytest.mark.parametrize(("search", "found"), [(3, True), (2, False)])
def test_copies_are_looked_for_within_search_blocks(search: int, found: bool) -> None:
    raw = "Storm hits coast - Daily Bugle\nHome\nStorm hits coast\nRain fell."
    title, _ = _clean(raw, search_blocks=search)
    # without a copy in the window the document title stands alone, and is still the title
    assert title == "Storm hits coast"
    assert any("block 2" in r[2] for r in _clean(raw, search_blocks=search)[1]) is found


def test_the_longer_title_part_is_preferred_then_the_better_match_then_the_earlier() -> None:
    parts = ["Storm hits the coast", "Daily Bugle"]
    best_so_far = (95.0, 1, None, parts[1])
    assert _prefer(parts, 0, 91.0, best_so_far)  # longer, though a worse match
    assert not _prefer(parts, 1, 99.0, (95.0, 0, None, parts[0]))  # shorter
    same = ["Rain falls", "Wind blows"]
    assert _prefer(same, 1, 96.0, (95.0, 0, None, same[0]))  # as long, a better match
    assert _prefer(same, 0, 95.0, (95.0, 1, None, same[1]))  # as long and good: earlier
    assert not _prefer(same, 1, 95.0, (95.0, 0, None, same[0]))


def test_the_site_name_repeated_in_the_footer_is_not_the_headline() -> None:
    raw = "Storm hits the coast | Daily Bugle\nDaily Bugle\nStorm hits the coast\nRain fell."
    assert _clean(raw)[0] == "Storm hits the coast"


def test_html_copies_of_the_headline_point_to_it() -> None:
    html = (
        "<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1>"
        f"<p>{PROSE}</p><p>Storm hits coast</p><p>Storm hits the coast</p></body></html>"
    )
    result = Cleaner([Headline()]).clean_html(html)
    assert [(r.text, r.related) for r in result.removals] == [
        ("Storm hits coast", None),
        ("Storm hits coast", 0),
    ]
    assert result.removals[0].score == 1.0
