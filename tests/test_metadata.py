"""Metadata: each field with its source, from the markup first, then the report,
then the lines near the headline."""

from __future__ import annotations

import json

import pytest

from dechaff import clean, clean_html
from dechaff.blocks import Block, segment
from dechaff.metadata import Found, Metadata, author_of_byline, normalise_date, page_metadata

BODY = "<p>The council voted on Tuesday to reopen the bridge after a year of repairs.</p>"


def page(head: str, body: str = BODY, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body><article>{body}</article></body></html>'


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-09-04T10:30:00+02:00", "2025-09-04"),
        ("Published 4 September 2025", "2025-09-04"),
        ("September 4, 2025", "2025-09-04"),
        ("Sept. 4th, 2025", "2025-09-04"),
        ("4. September 2025", "2025-09-04"),
        ("4 de septiembre de 2025", "2025-09-04"),
        ("4 settembre 2025", "2025-09-04"),
        ("4 września 2025", "2025-09-04"),
        ("04.09.2025", "2025-09-04"),
        ("Dec 17, 2025Julian", "2025-12-17"),
        ("March 2024", "2024-03"),
        ("2025-13-40", None),
        ("no date, 12345", None),
        ("", None),
    ],
)
def test_dates_in_many_forms_and_languages_become_iso(text: str, day: str | None) -> None:
    assert normalise_date(text) == day


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Ann Lee | May 2, 2025", "Ann Lee"),
        ("Von Hans Müller, 3. Mai 2024", "Hans Müller"),
        ("Por María García", "María García"),
        ("Text by Hunter Dukes", "Hunter Dukes"),
        ("written by Ann Lee and Bob Stone", "Ann Lee and Bob Stone"),
        ("by the way it works", None),  # no capitalised name
        ("Bylines are hard", None),
    ],
)
def test_a_bylines_name_is_read_in_several_languages(line: str, name: str | None) -> None:
    assert author_of_byline(line) == name


def test_json_ld_speaks_first_and_says_so() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Bob Stone"}],
                "datePublished": "2025-03-02T08:00:00Z",
                "publisher": {"@type": "Organization", "name": "The Daily"},
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta name="author" content="Someone Else">'
        '<meta property="article:published_time" content="2024-01-01">'
        '<meta property="og:description" content="A bridge reopens.">'
        '<link rel="canonical" href="https://daily.example/2025/03/02/bridge">'
    )
    meta = clean_html(page(head)).metadata
    assert meta.author == Found("Ann Lee; Bob Stone", "json-ld author")
    assert meta.date == Found("2025-03-02", "json-ld datePublished")
    assert meta.site_name == Found("The Daily", "json-ld publisher")
    assert meta.description == Found("A bridge reopens.", "og:description")
    assert meta.url == Found("https://daily.example/2025/03/02/bridge", "canonical link or og:url")
    assert meta.language == Found("en", "<html lang>")


def test_meta_tags_where_there_is_no_json_ld() -> None:
    head = (
        '<meta name="author" content="https://example.com/ann">'  # an address is no name
        '<meta property="article:author" content="Ann Lee">'
        '<meta property="article:published_time" content="2024-01-05T10:00">'
        '<meta property="og:site_name" content="The Daily">'
    )
    meta = clean_html(page(head, lang="")).metadata
    assert meta.author == Found("Ann Lee", "meta article:author")
    assert meta.date == Found("2024-01-05", "meta article:published_time")
    assert meta.site_name == Found("The Daily", "og:site_name")
    assert meta.language == Found("en", "function words of the body")


def test_an_element_marked_author_and_a_time_element() -> None:
    body = '<div class="post-byline">Text by Hunter Dukes</div>'
    body += '<time datetime="2023-02-02">Feb 2</time>' + BODY
    meta = clean_html(page("", body)).metadata
    assert meta.author == Found("Hunter Dukes", "element marked author or byline")
    assert meta.date == Found("2023-02-02", "<time datetime>")


def test_the_report_names_the_author_and_the_date_of_a_removed_byline() -> None:
    raw = (
        "Bridge reopens after a year\nBy Ann Lee\nMay 2, 2025\n"
        "The council voted on Tuesday to reopen the bridge after a year of repairs."
    )
    result = clean(raw)
    byline, dateline = [r for r in result.removals if r.reason.value == "byline-dateline"]
    assert (byline.text, dateline.text) == ("By Ann Lee", "May 2, 2025")
    assert result.metadata.author == Found("Ann Lee", f"byline [{byline.start}:{byline.end}]")
    assert result.metadata.date == Found("2025-05-02", f"byline [{dateline.start}:{dateline.end}]")


def test_a_date_near_the_headline_or_in_the_address() -> None:
    body = (
        "<h1>Bridge reopens</h1><p>The crew finished its repairs on 17 December 2025 as planned</p>"
    )
    meta = clean_html(page("<title>Bridge reopens</title>", body + BODY)).metadata
    assert meta.date is not None and meta.date.value == "2025-12-17"
    assert meta.date.source.startswith("line at [")
    dated = '<link rel="canonical" href="https://x.example/blog/2025-12-17-bridge">'
    meta = clean_html(page(dated)).metadata
    assert meta.date == Found("2025-12-17", "the page's address")


def test_title_is_the_heading_the_document_title_holds_and_type_the_results() -> None:
    html = page("<title>Bridge reopens - The Daily</title>", "<h1>Bridge reopens</h1>" + BODY)
    result = clean_html(html)
    assert result.metadata.title is not None
    assert result.metadata.title.value == result.title == "Bridge reopens"
    assert result.metadata.title.source == "<h1> (block 0), which the document title holds"
    assert result.page_type is not None and result.metadata.page_type is not None
    assert result.metadata.page_type.value == result.page_type.kind


def test_fields_the_page_lacks_are_none_and_all_are_in_the_json() -> None:
    result = clean("Just a line of plain text with nothing about itself in it.")
    meta = result.metadata
    assert meta.author is None and meta.date is None and meta.url is None
    out = json.loads(json.dumps(result.to_dict()))["metadata"]
    assert list(out) == [
        "title", "author", "date", "site_name", "url", "description", "language", "page_type"
    ]  # fmt: skip
    assert out["author"] is None
    assert out["language"] == {"value": "en", "source": "function words of the body"}


def test_or_else_fills_only_what_is_missing() -> None:
    first = Metadata(author=Found("A", "one"))
    second = Metadata(author=Found("B", "two"), date=Found("2025-01-01", "two"))
    merged = first.or_else(second)
    assert merged.author == Found("A", "one") and merged.date == Found("2025-01-01", "two")


GERMAN = (
    "<p>Der Verein hat am Dienstag beschlossen, dass die Brücke nach einem Jahr wieder "
    "geöffnet wird. Die Arbeiten sind mit dem Geld fertig geworden, und der Verkehr soll "
    "ab Freitag wieder über die Brücke fließen, wie die Stadt mitteilte. Es ist nicht "
    "die erste Sanierung, aber sie war die teuerste, sagte der Bürgermeister, der sich "
    "bei den Arbeitern und bei den Anwohnern für ihre Geduld bedankte.</p>"
)


def test_the_body_overrules_a_markup_language_it_plainly_contradicts() -> None:
    meta = clean_html(page("", GERMAN, lang="en")).metadata
    assert meta.language == Found("de", "function words of the body, over <html lang> 'en'")
    assert clean_html(page("", GERMAN, lang="de-AT")).metadata.language == Found(
        "de-at", "<html lang>"
    )
    short = "<p>Der Verein hat am Dienstag beschlossen, die Brücke zu öffnen.</p>"
    assert clean_html(page("", short, lang="en")).metadata.language == Found("en", "<html lang>")
    japanese = clean_html(page("", GERMAN, lang="ja")).metadata.language  # beyond the tables
    assert japanese == Found("ja", "<html lang>")


def test_a_body_too_bare_to_tell_its_language_leaves_it_to_the_whole_page() -> None:
    table = "\n".join(f"{n} Jan Kowalski {n} 3 2 1 d {n + 5}" for n in range(1, 9))
    around = (
        "Wyniki meczu i tabela ligowa, które w niedzielę opublikował klub na swojej stronie.\n"
        "To nie jest pierwszy raz, kiedy drużyna wygrywa na wyjeździe, ale jest to dla niej "
        "ważne zwycięstwo w tym sezonie, jak mówi trener."
    )
    blocks = segment(f"{around}\n{table}")

    def language(body: str, lines: tuple[Block, ...] = blocks) -> Found | None:
        return page_metadata(Metadata(), lines, (), None, 0, body, None).language

    assert language(around) == Found("pl", "function words of the body")
    assert language(table) == Found("pl", "function words of the page")  # not 'it' for 'd'
    assert language(table, segment(table)) is None  # nothing on the page tells it


@pytest.mark.parametrize(
    ("head", "heading", "title", "source"),
    [
        # the <h1> is the site's name (the document title's last part): the head's first part
        ("<title>Flexbox - Learn web development | MDN</title>", "<h1>MDN</h1>",
         "Flexbox", "<title>: its first part that is not the site's name"),
        # the <h1> and the head disagree: the page's own heading
        ("<title>Cheap flights to Rome | Fly</title>", "<h1>Flights to Rome</h1>",
         "Flights to Rome", "the first <h1> (block 0)"),
        # several <h1>s, none the head's: the head's first part (a blog's name and its post)
        ("<title>Rye or wheat? | Crumbs</title>", "<h1>Crumbs, a baking blog</h1><h1>Rye</h1>",
         "Rye or wheat?", "<title>: its first part that is not the site's name"),
        # no <h1>: the head's first part, og:title first
        ('<meta property="og:title" content="Rome in spring — Fly"><title>x</title>', "",
         "Rome in spring", "og:title: its first part that is not the site's name"),
        # the site's name from its host: "example" is not the title
        ('<link rel="canonical" href="https://www.example.com/a">'
         "<title>Example | Rome | Travel</title>",
         "", "Rome", "<title>: its first part that is not the site's name"),
    ],
)  # fmt: skip
def test_title_chosen_among_headings_and_the_document_title(
    head: str, heading: str, title: str, source: str
) -> None:
    meta = clean_html(page(head, heading + BODY)).metadata
    assert meta.title == Found(title, source)


def test_title_in_text_mode_is_the_headline() -> None:
    raw = "Bridge reopens | The Daily\nHome\nBridge reopens\nThe council voted on Tuesday to reopen"
    result = clean(raw + " the bridge after a year of repairs and many delays.")
    assert result.metadata.title is not None and result.title is not None
    assert result.metadata.title.value == result.title
