"""The survey walk and the main-content choice made the way readability-lxml makes it."""

from __future__ import annotations

import gzip

import lxml.html
import pytest
from helpers import FIXTURES, fixtures
from readability import Document

from dechaff.evaluation import aggregate, score_page
from dechaff.html import parse
from dechaff.html.main_element import choose
from dechaff.html.reader import _document
from dechaff.html.walk import read

PAGES = [f for f in fixtures() if (FIXTURES / f.name / "page.html.gz").exists()]

SENTENCE = (
    "The council voted on Tuesday, after a long debate, to extend the tram line to the "
    "northern suburbs, a project first proposed a decade ago."
)


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"


def _in_main(html: str) -> dict[str, bool | None]:
    """Each line of the page's visible text, and whether it lies in the main content."""
    page = parse(html)
    return {b.text: b.dom.in_main for b in page.blocks if b.dom is not None}


@pytest.mark.parametrize("fixture", PAGES, ids=lambda f: f.name)
def test_agrees_with_readability_lxml(fixture: object) -> None:
    """The port keeps what readability-lxml itself keeps, on real pages in 7 languages."""
    html = gzip.decompress((FIXTURES / fixture.name / "page.html.gz").read_bytes()).decode()  # type: ignore[attr-defined]
    summary = Document(html).summary(html_partial=True)
    theirs = lxml.html.fromstring(summary).text_content()
    ours = "\n".join(b.text for b in parse(html).blocks if b.dom is not None and b.dom.in_main)
    assert aggregate([score_page(ours, theirs)]).f1 >= 0.97


def test_survey_measures_text_as_readability_does() -> None:
    root = _document(
        _page("<div><p>  Hello,\n   <b>big</b>   <a href='/'>wide</a> world  </p></div>")
    )
    survey = read(root)
    p = survey.tags.index("p")
    assert survey.lengths[p] == len("Hello, big wide world")
    assert survey.commas[p] == 1
    assert survey.links[p] == len("wide")
    assert survey.blocky[survey.parents[p]]  # the <div> holds a <p>: not a paragraph itself
    assert [line[0] for line in survey.lines] == ["Hello, big wide world"]


def test_survey_leaves_out_hidden_and_skipped_elements() -> None:
    html = _page(
        "<p>Seen text here.</p><div hidden>Never seen.</div>"
        "<script>var x = 'never';</script><p style='display: none'>Nor this.</p>"
    )
    survey = read(_document(html))
    assert [line[0] for line in survey.lines] == ["Seen text here."]
    assert len(survey.hidden) == 2
    assert "script" not in survey.tags


def test_survey_wraps_a_divs_loose_text_into_paragraphs() -> None:
    html = _page(f"<div>{SENTENCE}<br>Short one.<div>inner</div>Tail text after it.</div>")
    survey = read(_document(html))
    outer = survey.tags.index("div")
    assert [t.length for t in survey.loose[outer]] == [
        len(SENTENCE), len("Short one."), len("Tail text after it.")
    ]  # fmt: skip


def test_unlikely_elements_set_aside_only_on_the_first_try() -> None:
    paragraphs = "".join(f"<p>{SENTENCE} {n}.</p>" for n in range(3))
    html = _page(f"<div class='extra'>{paragraphs}</div>")  # "extra": unlikely content
    ruthless, lenient = read(_document(html)), read(_document(html), ruthless=False)
    assert any(ruthless.gone) and not any(lenient.gone)
    # The first try leaves no article, so the page is read again without setting aside.
    main = choose(ruthless, lambda: lenient)
    assert main.in_main is not None and main.in_main[lenient.tags.index("p")]
    assert all(_in_main(html).values())


def test_article_beats_sidebar_and_navigation() -> None:
    html = _page(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='story'><p>{SENTENCE}</p><p>{SENTENCE} Again.</p><p>{SENTENCE} More.</p></div>"
        "<div class='sidebar'><p>Read our other stories, they are good, really.</p></div>"
    )
    lines = _in_main(html)
    assert lines[SENTENCE] is True
    assert lines["Home News"] is False
    assert lines["Read our other stories, they are good, really."] is False


def test_item_marked_article_body_wins() -> None:
    busy = "".join(f"<p>{SENTENCE} {n}.</p>" for n in range(6))
    html = _page(
        f"<div><div class='listing'>{busy}</div></div>"
        f"<div><div itemprop='articleBody'><p>{SENTENCE}</p><p>{SENTENCE} Two.</p></div></div>"
    )
    lines = _in_main(html)
    assert lines[SENTENCE] is True
    assert lines[f"{SENTENCE} 0."] is False


def test_clean_up_drops_a_link_list_inside_the_article() -> None:
    links = "".join(f"<li><a href='/{n}'>Another story number {n}</a></li>" for n in range(8))
    html = _page(
        f"<div class='story'><p>{SENTENCE}</p><div class='more'><ul>{links}</ul></div>"
        f"<p>{SENTENCE} Again.</p></div>"
    )
    lines = _in_main(html)
    assert lines[SENTENCE] is True
    assert lines["Another story number 3"] is False


def test_embedded_post_stays_in_the_article() -> None:
    html = _page(
        f"<div class='story'><p>{SENTENCE}</p>"
        "<blockquote class='twitter-tweet'><p>The line is open now, come and ride it.</p>"
        "<a href='https://t.co/x'>pic.twitter.com/x</a></blockquote>"
        f"<p>{SENTENCE} Again.</p></div>"
    )
    assert _in_main(html)["The line is open now, come and ride it."] is True


def test_no_paragraphs_no_article() -> None:
    survey = read(_document(_page("<ul><li>Home</li><li>News</li></ul>")))
    assert choose(survey, lambda: survey).in_main is None


def test_patterns_are_readability_lxmls_own() -> None:
    from readability.readability import REGEXES as THEIRS

    from dechaff.html.patterns import REGEXES as OURS

    for name, pattern in OURS.items():
        assert pattern.pattern == THEIRS[name].pattern, name
        assert pattern.flags == THEIRS[name].flags, name


def test_cleaning_loads_no_readability_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dechaff\n"
        "dechaff.clean('Skip to content\\nThe dam held.')\n"
        "dechaff.clean_html('<html><body><p>The dam held, they said.</p></body></html>')\n"
        "print([m for m in sys.modules if m.split('.')[0] in "
        "('readability', 'lxml_html_clean', 'chardet', 'cssselect')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
