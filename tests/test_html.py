"""HTML input: visible text, DOM evidence, the report's XPaths, golden pages, broken markup."""

from __future__ import annotations

import gzip

import pytest
from helpers import FIXTURES, Fixture, assert_lossless, fixtures

from dechaff import Cleaner, Reason, clean, clean_html
from dechaff.evaluation import aggregate, score_page
from dechaff.html import looks_like_html, parse

PAGES = [f for f in fixtures() if (FIXTURES / f.name / "page.html.gz").exists()]

PROSE = (
    "The city council voted on Tuesday to expand the tram network to the northern suburbs, "
    "a project that has been debated for more than a decade, officials said."
)
PAGE = f"""<!DOCTYPE html>
<html><head><title>Tram network to grow | City Gazette</title>
<meta property="og:title" content="Tram network to grow">
<script>var ads = "Advertisement text that must never show";</script>
<style>p {{ color: red }}</style></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<!-- a comment that must never show -->
<div class="article">
  <h1>Tram network to grow</h1>
  <p>{PROSE}</p>
  <figure><img src="x.jpg"><figcaption>The tram depot in winter. Photo: J. Doe</figcaption></figure>
  <p>Construction is expected to begin next spring and to last three years, according to the
  transport department, which will publish a detailed <a href="/t">timetable</a> in January.</p>
  <div style="display:none">Hidden text that must never show</div>
  <ul><li><a href="/a">Related: buses</a></li><li><a href="/b">Related: bikes</a></li></ul>
</div>
<footer>© 2024 City Gazette. All rights reserved.</footer>
</body></html>"""


def html_of(fixture: Fixture) -> bytes:
    return gzip.decompress((FIXTURES / fixture.name / "page.html.gz").read_bytes())


def test_recognises_html() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html><body><p>x</p></body></html>")
    assert not looks_like_html("Skip to content\nThe river rose.")
    assert not looks_like_html("<3 this article about the river")


def test_visible_text_leaves_out_scripts_styles_comments_hidden() -> None:
    text = parse(PAGE).text
    for never in ("Advertisement text", "color: red", "a comment", "Hidden text"):
        assert never not in text
    assert PROSE in text


def test_blocks_carry_dom_evidence() -> None:
    page = parse(PAGE)
    by_text = {b.text: b for b in page.blocks}
    heading = by_text["Tram network to grow"]
    assert heading.dom is not None and heading.dom.heading == 1 and heading.dom.tag == "h1"
    home = next(b for b in page.blocks if b.text.startswith("Home"))
    assert home.dom is not None and home.dom.landmark == "nav" and home.dom.link_density > 0.8
    caption = next(b for b in page.blocks if b.text.startswith("The tram depot"))
    assert caption.dom is not None and caption.dom.in_figure
    body = by_text[PROSE]
    assert body.dom is not None and body.dom.in_main and body.dom.content_score
    assert page.document_title == "Tram network to grow"
    for b in page.blocks:
        assert page.text[b.start : b.end] == b.text


def test_a_table_or_code_a_figure_wraps_is_content_and_its_caption_a_caption() -> None:
    html = (
        "<html><body><article><figure class='wp-block-table'><table><tr><td>Flour</td>"
        "<td>500 g</td></tr></table><figcaption>Table 1: what goes in</figcaption></figure>"
        "<figure class='highlight'><pre><code>bake(40)</code></pre></figure>"
        "<figure><img src='a.jpg'><figcaption>The bakery at dawn</figcaption></figure>"
        "<figure><table><tr><td><span class='caption'>A caption in a table</span></td></tr>"
        "</table></figure></article></body></html>"
    )
    in_figure = {b.text: b.dom.in_figure for b in parse(html).blocks if b.dom is not None}
    assert in_figure == {
        "Flour": False, "500 g": False, "Table 1: what goes in": True, "bake(40)": False,
        "The bakery at dawn": True, "A caption in a table": True,
    }  # fmt: skip


def test_clean_html_small_page() -> None:
    result = clean_html(PAGE)
    assert result.title == "Tram network to grow"
    assert result.text.startswith(PROSE)
    assert "timetable in January." in result.text
    for chaff in ("Home", "depot", "Related", "©"):
        assert chaff not in result.text
    caption = next(r for r in result.removals if r.text.startswith("The tram depot"))
    assert caption.reason is Reason.MEDIA_CAPTION
    assert caption.xpath and caption.xpath.endswith("figcaption")
    assert all(r.xpath for r in result.removals)
    assert_lossless(parse(PAGE).text, result)


def test_clean_recognises_html_and_bytes() -> None:
    assert clean(PAGE) == clean_html(PAGE)
    encoded = PAGE.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252")
    assert PROSE in clean(encoded).text


@pytest.mark.parametrize(
    "broken",
    [
        PAGE[: len(PAGE) // 2],  # cut off mid-document
        PAGE.replace("</p>", "").replace("</div>", ""),  # unclosed elements
        PAGE.replace("<p>", "<p><b><i>", 1),  # misnested inline tags
        "<html><body><p>" + PROSE + "</body>",
        "<html><body>" + "<div>" * 5000 + PROSE + "</div>" * 10 + "</body></html>",
    ],
    ids=["truncated", "unclosed", "misnested", "no-head", "deep-unbalanced"],
)
def test_broken_markup(broken: str) -> None:
    result = clean_html(broken)
    assert_lossless(parse(broken).text, result)
    assert "tram network" in result.text


@pytest.mark.parametrize("fixture", PAGES, ids=lambda f: f.name)
def test_golden_html(fixture: Fixture) -> None:
    html = html_of(fixture)
    result = clean_html(html)
    f1 = aggregate([score_page(result.text, fixture.expected)]).f1
    assert f1 >= fixture.meta["html_min_f1"], f"F1 {f1:.3f} under {fixture.meta['html_min_f1']}"
    missing = set(fixture.meta["html_reasons"]) - {r.reason.value for r in result.removals}  # type: ignore[arg-type]
    assert not missing, f"expected reasons not in the report: {sorted(missing)}"
    assert_lossless(parse(html.decode("utf-8")).text, result)


def test_html_fixtures_span_languages() -> None:
    assert len(PAGES) >= 15
    assert len({f.meta["language"] for f in PAGES}) >= 4


@pytest.mark.parametrize("fixture", PAGES[:4], ids=lambda f: f.name)
def test_broken_real_pages(fixture: Fixture) -> None:
    html = html_of(fixture).decode("utf-8")
    mangled = html.replace("</p>", "").replace("</li>", "").replace("</span>", "")
    result = clean_html(mangled)
    assert_lossless(parse(mangled).text, result)
    assert len(result.text) > 200


def test_caption_by_class_and_quoted_posts() -> None:
    html = f"""<html><body><div class="story">
    <p>{PROSE}</p>
    <div class="photo-caption">The depot at dawn, with the new trams lined up.</div>
    <p>The first line will open in 2027, the department said in a statement on Monday.</p>
    <blockquote class="post"><p>We are thrilled to see the plan approved at last!</p>
    <a href="https://x.example/1">— Tram Fans (@trams) November 19, 2019</a></blockquote>
    <p>Critics said the cost estimate of two billion euros was far too optimistic.</p>
    </div></body></html>"""
    result = clean_html(html)
    caption = next(r for r in result.removals if r.text.startswith("The depot at dawn"))
    assert caption.reason is Reason.MEDIA_CAPTION
    assert "We are thrilled" in result.text
    assert_lossless(parse(html).text, result)


def test_comment_sections_by_class_or_id() -> None:
    html = f"""<html><body class="single comments-open"><article>
    <p>{PROSE}</p>
    <p>The first line will open in 2027, the department said in a statement on Monday.</p>
    </article>
    <section id="comments"><h2>3 thoughts on this</h2>
    <ol class="comment-list"><li><p>Great news for the northern suburbs, finally!</p></li></ol>
    </section></body></html>"""
    result = clean_html(html)
    assert "finally" not in result.text and PROSE in result.text
    removal = next(r for r in result.removals if "finally" in r.text)
    assert removal.reason is Reason.COMMENTS


def test_article_holding_the_headline_outranks_a_busier_container() -> None:
    body = (
        "The council approved the tram plan on Tuesday and work will start in the spring "
        "while the buses keep running on the old routes until the new line opens in the "
        "autumn of next year according to the transport department"
    )
    related = "".join(
        f"<p>Another story, number {i}, tells of things that happened elsewhere, and at length, "
        f"with commas, clauses, and more commas, so that it scores well.</p>"
        for i in range(8)
    )
    html = f"""<html><head><title>Tram network to grow | Gazette</title></head><body>
    <article><h1>Tram network to grow</h1><p>{body}</p></article>
    <div class="content"><div>{related}</div></div></body></html>"""
    page = parse(html)
    chosen = {b.text[:14] for b in page.blocks if b.dom is not None and b.dom.in_main}
    assert chosen == {"Another story,"}  # readability-lxml picks the busier container
    result = clean_html(html)
    assert result.title == "Tram network to grow"
    assert result.text == body
    assert any("holds the headline" in r.detail for r in result.removals)


def test_link_lists_go_but_pasted_addresses_stay() -> None:
    html = f"""<html><body><div class="story"><p>{PROSE}</p>
    <p><a href="http://amzn.to/x1">http://amzn.to/x1</a></p>
    <p><a href="/a">Sports</a> <a href="/b">Weather</a></p></div></body></html>"""
    result = clean_html(html)
    assert "http://amzn.to/x1" in result.text
    links = next(r for r in result.removals if r.text.startswith("Sports"))
    assert links.reason is Reason.LINK_LIST and links.score is not None


def test_article_sections_between_headline_and_main_element_are_kept() -> None:
    """An article in section containers of their own: the scoring chooses a deep later
    one, and the sections between the headline and it are the article's too."""
    first = (
        "The new government met for the first time on Monday, and the prime minister, "
        "the first woman in the office, set out her plans for the coming year."
    )
    later = "".join(
        f"<p>Part {i} of the interview, with its commas, clauses, and more commas, runs on "
        f"at length, as interviews do, and answers every question put to it.</p>"
        for i in range(8)
    )
    html = f"""<html><head><title>Big tasks for the new government</title></head><body>
    <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Economy</a></li></ul></nav>
    <div class="page"><div class="story"><h1>Big tasks for the new government</h1>
    <div class="part"><p>{first}</p></div>
    <div class="accordion"><div><div><div><div>{later}</div></div></div></div></div>
    </div></div></body></html>"""
    page = parse(html)
    assert not any(b.dom.in_main for b in page.blocks if b.text == first and b.dom)
    result = clean_html(html)
    assert result.title == "Big tasks for the new government"
    assert result.text.startswith(first)
    assert "Politics" not in result.text


def _script_rendered(words: int) -> str:
    post = " ".join(["The thread's first post explains the problem in plain words."] * 10)
    post = " ".join(post.split()[:words])
    return (
        "<html><head><title>Thread</title></head><body><div id='app'></div>"
        f"<noscript><div role='main'><h1>Thread</h1><p>{post}</p></div></noscript>"
        "</body></html>"
    )


def test_a_page_rendered_by_scripts_shows_its_noscript_content() -> None:
    from dechaff.html.reader import NOSCRIPT_MIN_WORDS

    shown = parse(_script_rendered(NOSCRIPT_MIN_WORDS)).text
    assert "explains the problem" in shown
    assert "explains" not in parse(_script_rendered(NOSCRIPT_MIN_WORDS - 1)).text


def test_noscript_stays_out_of_a_page_that_shows_its_text() -> None:
    notice = " ".join(["Please enable JavaScript to use every feature of this site."] * 6)
    article = f"<p>{PROSE}</p>" * 4
    assert len(notice.split()) >= 50 and len(PROSE.split()) * 4 > len(notice.split())
    page = f"<html><body><article>{article}</article><noscript><p>{notice}</p></noscript>"
    text = parse(page).text
    assert "tram network" in text and "enable JavaScript" not in text


def _thread(posts: int) -> str:
    """A forum thread: each post in an element named a comment, the first one
    inside the main column, the others beside it."""
    said = [
        "My router dropped the connection again after an hour, so I reset it twice today.",
        "Have you tried another channel? Mine stopped dropping once I moved off channel six.",
        "Firmware was the culprit here: the update from March fixed the same dropouts for me.",
        "Check the power supply as well, a failing adapter gave me exactly these symptoms.",
    ][:posts]
    first, *others = (f"<div class='comment-body'><p>{text}</p></div>" for text in said)
    return (
        "<html><head><title>Router keeps dropping</title></head><body>"
        "<nav><a href='/'>Forum</a> <a href='/new'>New</a></nav>"
        f"<main><h1>Router keeps dropping</h1>{first}</main><section>{''.join(others)}</section>"
        "</body></html>"
    )


def test_a_discussion_keeps_its_posts() -> None:
    from dechaff.reading import read_html

    html = _thread(4)
    assert read_html(html).facts.thread
    result = clean_html(html)
    assert all(word in result.text for word in ("dropped", "channel six", "Firmware", "adapter"))
    assert not [r for r in result.removals if r.reason is Reason.COMMENTS]


def test_an_article_with_comments_is_no_discussion() -> None:
    from dechaff.reading import read_html

    html = f"""<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article>
    <section id="comments"><div class="comment-body"><p>Great news, finally!</p></div>
    </section></body></html>"""
    assert not read_html(html).facts.thread
    assert "finally" not in clean_html(html).text


def _service_page(og_type: str) -> str:
    """A service page: one section scored as the main element, three more beside it."""
    section = (
        "<section><h2>{head}</h2><p>Our team {verb} every installation with care, from the "
        "first visit to the final inspection, and we stand behind the work for ten years.</p>"
        "</section>"
    )
    verbs = ["plans", "insures", "documents", "schedules"]
    heads = ["Planning", "Insurance", "Paperwork", "Scheduling"]
    main = (
        "<div class='content'>"
        + "".join(
            f"<p>Solar panels cut the bill of a family home by a third, and {n} of our clients "
            "saw the savings in their first year, long before the loan was paid back.</p>"
            for n in ("most", "many", "nearly all", "almost every one", "the majority")
        )
        + "</div>"
    )
    beside = "".join(section.format(head=h, verb=v) for h, v in zip(heads, verbs, strict=True))
    filler = (
        "<div>" + " ".join(f"<a href='/p{n}'>Panel model {n}</a>" for n in range(300)) + "</div>"
    )
    return (
        f"<html><head><title>Solar installation</title><meta property='og:type' "
        f"content='{og_type}'></head><body>{filler}{beside}{main}</body></html>"
    )


def test_a_page_that_is_no_article_keeps_its_sections_beside_the_main_element() -> None:
    from dechaff.reading import read_html

    facts = read_html(_service_page("website")).facts
    assert facts.declared == {"website"} and facts.main_share is not None
    assert facts.main_share < 0.3
    kept = clean_html(_service_page("website")).text
    assert "stand behind the work" in kept and "Solar panels cut" in kept
    rules = Cleaner.default().without("block-model")  # the main element's rule alone
    article = rules.clean_html(_service_page("article")).text  # said to be an article: the element
    assert "stand behind the work" not in article and "Solar panels cut" in article


def test_declared_types_come_from_og_type_and_json_ld() -> None:
    page = (
        "<html><head><meta property='og:type' content='Product'>"
        '<script type="application/ld+json">{"@type": ["Offer", "Thing"]}</script>'
        "</head><body><p>x</p></body></html>"
    )
    from dechaff.reading import read_html

    assert read_html(page).facts.declared == {"product", "offer"}


def test_an_unclosed_button_does_not_hide_the_page() -> None:
    """libxml2 nests the rest of the page in a <button> left open; its text is the page."""
    page = f"<html><body><header><button class='menu'>Menu<main><p>{PROSE}</p></main></body></html>"
    assert "tram network" in parse(page).text
    closed = f"<html><body><button>Menu</button><main><p>{PROSE}</p></main></body></html>"
    assert "Menu" not in parse(closed).text and "tram network" in parse(closed).text


def test_a_page_its_scripts_reveal_shows_its_hidden_text() -> None:
    """A page streamed into <div hidden> by a script framework shows nothing until
    its scripts run: its hidden text is its text. A page that shows a body of its
    own keeps its hidden elements out."""
    parts = "".join(f"<div hidden id='S:{n}'><p>{PROSE}</p></div>" for n in range(3))
    streamed = f"<html><body><p>Loading</p>{parts}</body></html>"
    assert parse(streamed).text.count("tram network") == 3
    menu = "<div hidden><ul>" + "<li>Hidden menu entry</li>" * 20 + "</ul></div>"
    shown = f"<html><body>{menu}<main><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></main>"
    assert "Hidden menu" not in parse(shown).text
