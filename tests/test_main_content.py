"""The main-content filter alone, on pages built for each of its rules: what stands
outside the main element goes, with the landmark as evidence, unless it is the
headline, a lead, the article going on, a sibling article, or a non-article page's
prose; each rule at its setting's edge."""

from __future__ import annotations

import re

import pytest
from helpers import PageSpy

from dechaff import Cleaner, Facts
from dechaff.filters import MainContent

SENTENCE = (
    "The council voted on Tuesday, after a long debate, to extend the tram line to the "
    "northern suburbs, a project first proposed a decade ago."
)
BODY = f"<p>{SENTENCE}</p>" * 5
LATER = (
    "The work will start in spring, the council said. It will last three years and cost "
    "a great deal of money."
)  # 21 words, two sentences


def _page(body: str, title: str = "T", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


def _removed(html: str, **settings: object) -> list[str]:
    result = Cleaner([MainContent(**settings)]).clean_html(html)  # type: ignore[arg-type]
    return [r.text for r in result.removals]


def _facts(html: str) -> Facts:
    spy = PageSpy()
    Cleaner([spy]).clean_html(html)
    assert spy.page is not None
    return spy.page.facts


def test_text_has_no_main_element_and_loses_nothing() -> None:
    assert Cleaner([MainContent()]).clean_text(f"Home\n{SENTENCE}").removals == ()


def test_a_removal_names_its_landmark_and_its_containers_score() -> None:
    html = _page(
        f"<nav><a href='/'>Home</a> <a href='/n'>News</a></nav><div id='side'>"
        f"<p>A note beside the story, short.</p><p>Another note beside it.</p></div>"
        f"<div id='content'>{BODY}</div><footer>Copyright Example News.</footer>"
    )
    removals = Cleaner([MainContent()]).clean_html(html).removals
    details = {r.text: r.detail for r in removals}
    assert details["Home News"].startswith("outside the main content element (in a <nav>)")
    assert re.fullmatch(
        r"outside the main content element; its own container scores \d+",
        details["A note beside the story, short."],
    )
    # blocks of one container share their evidence
    assert details["Another note beside it."] == details["A note beside the story, short."]
    assert details["Copyright Example News."].startswith(
        "outside the main content element (in a <footer>)"
    )


def test_the_main_element_must_hold_min_share_of_the_page() -> None:
    html = _page(f"<nav><a href='/'>Home</a></nav><div id='content'>{BODY}</div>")
    share = _facts(html).main_share
    assert share is not None
    assert _removed(html, min_share=share) == ["Home"]
    assert _removed(html, min_share=share + 0.001) == []


def test_the_headline_outside_the_element_is_left_for_the_headline_filter() -> None:
    html = _page(
        f"<h1>Storm hits coast</h1><h2>Other news</h2><div id='content'>{BODY}</div>",
        title="Storm hits coast",
    )
    assert _removed(html) == ["Other news"]


def _article_beside(words: int) -> str:
    return _page(
        f"<article><h1>Storm hits coast</h1><p>{' '.join(['word'] * words)}</p></article>"
        f"<div id='content'>{BODY * 2}</div>",
        title="Storm hits coast",
    )


@pytest.mark.parametrize(("min_words", "article"), [(45, True), (46, False)])
def test_the_article_that_holds_the_headline_outranks_the_scoring(
    min_words: int, article: bool
) -> None:
    result = Cleaner([MainContent(min_article_words=min_words)]).clean_html(_article_beside(45))
    if article:  # everything outside the <article> goes, whatever the scoring chose
        assert len(result.removals) == 10
        assert {r.detail for r in result.removals} == {
            "outside the <article> that holds the headline (/html/body/article)"
        }
    else:
        assert [r.text for r in result.removals] == [" ".join(["word"] * 45)]


def _with_standfirst(standfirst: str) -> str:
    return _page(
        f"<nav><a href='/'>Home</a></nav><div id='page'><div class='wrap'>"
        f"<div class='standfirst'>{standfirst}</div>"
        f"<div class='story'><div id='content'>{BODY}</div></div></div></div>"
    )


STANDFIRST = "<p>A standfirst of the story, long enough to read as prose.</p>"  # 11 words


@pytest.mark.parametrize(("levels", "kept"), [(3, True), (4, False), (None, False)])
def test_a_lead_stands_at_most_lead_levels_above_the_element(
    levels: int | None, kept: bool
) -> None:
    # the element is /html/body/div/div/div[2]/div; three levels up is /html/body/div
    removed = _removed(_with_standfirst(STANDFIRST), lead_levels=levels)
    assert removed == (["Home"] if kept else ["Home", STANDFIRST[3:-4]])


@pytest.mark.parametrize(("least", "kept"), [(11, True), (12, False)])
def test_a_lead_holds_lead_min_words(least: int, kept: bool) -> None:
    removed = _removed(_with_standfirst(STANDFIRST), lead_min_words=least)
    assert (STANDFIRST[3:-4] in removed) is not kept


def test_a_lead_reads_as_prose() -> None:
    label = "<p>A label of eleven words with no mark of a sentence here</p>"
    assert "A label of eleven words with no mark of a sentence here" in _removed(
        _with_standfirst(label)
    )


@pytest.mark.parametrize(("allowed", "kept"), [(0.0, False), (1.0, True)])
def test_a_lead_is_no_link_list(allowed: float, kept: bool) -> None:
    linked = "<p><a href='/x'>A standfirst of the story, long enough to read as prose.</a></p>"
    removed = _removed(_with_standfirst(linked), lead_link_density=allowed)
    assert ("A standfirst of the story, long enough to read as prose." in removed) is not kept


@pytest.mark.parametrize(
    ("sentences", "kept"), [("One. Two. Three and more words here.", True), ("One. Two.", False)]
)
def test_a_lead_in_a_div_runs_on_for_three_sentences(sentences: str, kept: bool) -> None:
    text = f"A lead set in a div of its own, {sentences}"
    removed = _removed(_with_standfirst(f"<div>{text}</div>"), lead_min_words=5)
    assert (text in removed) is not kept


@pytest.mark.parametrize(("least", "kept"), [(13, True), (14, False), (None, False)])
def test_a_heading_before_the_element_is_a_lead_when_long(least: int | None, kept: bool) -> None:
    text = "A standfirst set as a heading, long enough to read as prose here."  # 13 words
    removed = _removed(_with_standfirst(f"<h2>{text}</h2>"), lead_heading_words=least)
    assert (text in removed) is not kept


def test_prose_between_the_headline_and_the_element_is_the_articles_start() -> None:
    html = _page(
        f"<div id='page'><h1>Storm hits coast</h1><div class='a'><p>{LATER}</p></div>"
        f"<div class='b'><div id='content'>{BODY}</div></div></div>",
        title="Storm hits coast",
    )
    assert _removed(html) == []
    assert _removed(html, lead_levels=None) == [LATER]


def _continued() -> str:
    return _page(
        f"<div id='page'><div class='story'><div id='content'>{BODY}</div>"
        f"<div class='more'><p>{LATER}</p></div></div><footer>Copyright.</footer></div>"
    )


@pytest.mark.parametrize(("least", "kept"), [(21, True), (22, False), (None, False)])
def test_a_long_paragraph_after_the_element_goes_on_with_after_min_words(
    least: int | None, kept: bool
) -> None:
    assert (LATER in _removed(_continued(), after_min_words=least)) is not kept


def test_prose_in_a_sibling_article_is_kept() -> None:
    html = _page(
        f"<nav><a href='/'>Home</a></nav><div id='page'><div class='list'>"
        f"<article>{BODY}</article><article><p>{LATER}</p></article></div></div>"
    )
    assert _removed(html) == ["Home"]


def _shop(head: str = "") -> str:
    items = "".join(f"<li><a href='/p{n}'>Product {n}</a> costs {n} euros</li>" for n in range(80))
    return _page(
        f"<div id='page'><ul class='grid'>{items}</ul><div class='desc'><p>{LATER}</p></div>"
        f"<div id='content'><p>{SENTENCE}</p><p>{SENTENCE}</p></div></div>",
        head=head,
    )


def test_a_page_that_is_no_article_keeps_its_prose_beside_a_small_element() -> None:
    share = _facts(_shop()).main_share
    assert share is not None and share < 0.3
    assert LATER not in _removed(_shop())
    assert LATER in _removed(_shop(), prose_words=None)
    assert LATER in _removed(_shop(), beside_max_share=share)
    assert LATER in _removed(_shop(), prose_words=22)
    article = "<meta property='og:type' content='article'>"
    assert LATER in _removed(_shop(head=article))


def test_a_blockquote_lead_needs_no_three_sentences() -> None:
    quote = "A standfirst set as a quotation, long enough to read as prose."
    assert quote not in _removed(_with_standfirst(f"<blockquote>{quote}</blockquote>"))


def test_a_lead_in_a_div_of_more_than_three_sentences_is_kept() -> None:
    text = "A lead set in a div of its own. It runs on. And on. And on for a while."
    assert text not in _removed(_with_standfirst(f"<div>{text}</div>"), lead_min_words=5)


def _in_article(before: str, articles: str = "<article><p>Elsewhere.</p></article>") -> str:
    """A page whose element stands in its first ``<article>``, after ``before``."""
    return _page(
        f"<nav><a href='/'>Home</a></nav><div class='list'><article><div class='a'>"
        f"<div class='b'>{before}</div></div><div class='c'><div class='d'>"
        f"<div id='content'>{BODY}</div></div></div></article>{articles}</div>"
    )


ONE_SENTENCE = "A lead set in a div of its own, of one sentence only."


def test_in_an_article_a_lead_in_a_div_of_one_sentence_is_kept() -> None:
    assert ONE_SENTENCE not in _removed(_in_article(f"<div>{ONE_SENTENCE}</div>"))
    assert ONE_SENTENCE not in _removed(_in_article(f"<div>{ONE_SENTENCE}</div>", articles=""))


def test_in_an_article_a_lead_in_a_div_has_a_sentence_mark() -> None:
    trailing = "A lead set in a div of its own, that trails off into an ellipsis…"
    assert trailing in _removed(_in_article(f"<div>{trailing}</div>", articles=""))


def test_a_lead_beside_the_article_that_holds_the_element_is_none() -> None:
    html = _page(
        f"<div id='page'><div>{ONE_SENTENCE}</div>"
        f"<article><div id='content'>{BODY}</div></article></div>"
    )
    assert ONE_SENTENCE in _removed(html)


def test_the_innermost_article_frames_the_leads() -> None:
    html = _page(
        f"<article><div>{ONE_SENTENCE}</div>"
        f"<article><div id='content'>{BODY}</div></article></article>"
    )
    assert ONE_SENTENCE in _removed(html)


def test_a_lead_in_the_articles_own_header_is_kept() -> None:
    html = _page(
        f"<nav><a href='/'>Home</a></nav><div id='page'><article><header><p>{ONE_SENTENCE}</p>"
        f"</header><div class='story'><div id='content'>{BODY}</div></div></article></div>"
    )
    assert _removed(html) == ["Home"]


def test_prose_between_a_headline_and_an_element_that_only_the_body_holds_is_no_start() -> None:
    html = _page(
        f"<h1>Storm hits coast</h1><div class='a'><p>{LATER}</p></div>"
        f"<div class='b'><div id='content'>{BODY}</div></div>",
        title="Storm hits coast",
    )
    assert _removed(html) == [LATER]


def test_an_item_inside_the_element_before_its_first_paragraph_goes() -> None:
    html = _page(f"<div id='page'><div id='content'><ul><li>Item one</li></ul>{BODY}</div></div>")
    assert _removed(html) == ["Item one"]


def test_every_paragraph_of_a_sibling_article_is_kept() -> None:
    html = _in_article("", articles=f"<article><p>{LATER}</p><p>{SENTENCE}</p></article>")
    assert _removed(html) == ["Home"]


def test_a_comment_in_a_sibling_article_is_not_its_prose() -> None:
    comments = f"<div class='comments'><div class='comment'><p>{LATER}</p></div></div>"
    html = _in_article("", articles=f"<article><p>{SENTENCE}</p>{comments}</article>")
    assert LATER in _removed(html)


def _after(tail: str) -> str:
    return _page(
        f"<div id='page'><div class='story'><div id='content'>{BODY}</div>{tail}</div>"
        f"<footer>Copyright.</footer></div>"
    )


def test_only_a_paragraph_goes_on_after_the_element() -> None:
    assert LATER in _removed(
        _after(f"<div class='more'><div>{LATER}</div></div>"), after_min_words=5
    )
    comments = f"<div class='comments'><div class='comment'><p>{LATER}</p></div></div>"
    assert LATER in _removed(_after(comments), after_min_words=5)


def test_a_paragraph_far_from_the_element_does_not_go_on_from_it() -> None:
    html = _page(
        f"<div id='page'><div class='story'><div id='content'>{BODY}</div></div></div>"
        f"<div class='other'><p>{LATER}</p></div>"
    )
    assert LATER in _removed(html, after_min_words=5)


def _linked_after(link_chars: int, length: int) -> str:
    text = "The work will start in spring, the council said. It will last three years"
    filler = "x" * (length - len(text) - link_chars - 3)  # a text of ``length`` characters
    return _after(
        f"<div class='more'><p>{text} <a href='/x'>{'y' * link_chars}</a> {filler}.</p></div>"
    )


@pytest.mark.parametrize(("link_chars", "kept"), [(11, True), (12, False)])
def test_a_paragraph_going_on_has_a_tenth_of_its_text_in_links_at_most(
    link_chars: int, kept: bool
) -> None:
    html = _linked_after(link_chars, 110)
    (line,) = [b for b in Cleaner([]).clean_html(html).blocks if b.text.startswith("The work")]
    assert len(line.text) == 110 and line.dom is not None
    assert line.dom.link_density == round(link_chars / 110, 3)
    assert (line.text in _removed(html, after_min_words=5)) is not kept


def test_a_paragraph_in_a_landmark_is_no_prose_beside_the_element() -> None:
    html = _shop().replace(
        f"<div class='desc'><p>{LATER}</p></div>", f"<aside><p>{LATER}</p></aside>"
    )
    assert LATER in _removed(html)
