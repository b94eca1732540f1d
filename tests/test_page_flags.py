"""Page flags: a body under fifty characters always says why, for the whole page."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dechaff import Cleaner, Page, Reason, Removal, clean, clean_html
from dechaff.verdict import SHORT_BODY_CHARS, PageReason


def reasons(result: object) -> list[str]:
    return [f.reason.value for f in result.page_flags]  # type: ignore[attr-defined]


def test_an_empty_input_reads_nothing() -> None:
    assert reasons(clean("")) == ["nothing-read"]
    assert reasons(clean("   \n\n\t")) == ["nothing-read"]


def test_html_that_shows_nothing_reads_nothing() -> None:
    result = clean_html("<html><head><title>x</title></head><body><script>a()</script></body>")
    assert result.text == ""
    assert reasons(result) == ["nothing-read"]


def test_a_page_whose_every_line_went_names_the_reasons_that_took_most() -> None:
    result = clean("Skip to content\n" + "Advertisement\n" * 3)
    assert result.text == ""
    (flag,) = result.page_flags
    assert flag.reason is PageReason.ALL_REMOVED
    assert flag.detail.startswith("54 characters read; removed as ad-markers/ad-marker 39")
    assert "chrome/skip-link 15" in flag.detail


def test_a_few_characters_kept_of_a_long_page_is_a_short_body() -> None:
    raw = "Advertisement\n" * 10 + "Closed today."
    result = clean(raw)
    assert result.text == "Closed today."
    (flag,) = result.page_flags
    assert flag.reason is PageReason.SHORT_BODY
    assert flag.detail.startswith("13 of 143 characters kept")


def test_a_body_of_fifty_characters_or_a_short_page_kept_whole_has_none() -> None:
    long_enough = "The bridge reopened on Friday after a year of work."
    assert len(long_enough) >= SHORT_BODY_CHARS
    assert clean(long_enough).text == long_enough
    assert clean(long_enough).page_flags == ()
    short = "Closed today."
    assert clean(short).text == short
    assert clean(short).page_flags == ()


def test_page_flags_are_in_the_report_and_its_json() -> None:
    result = clean("Advertisement\nShare")
    assert result.report().splitlines()[1].startswith("! page all-removed: ")  # after the type
    out = json.loads(json.dumps(result.to_dict()))
    assert out["page_flags"] == [{"reason": "all-removed", "detail": result.page_flags[0].detail}]
    assert "page_flags" in result.report_dict()


class _EmptyingMain:
    """A stand-in for the main-content filter that chose an element holding
    nothing that stays: it removes every line."""

    name = "main-content"

    def __call__(self, page: Page) -> Iterator[Removal]:
        for b in page.kept:
            yield Removal(self.name, Reason.OUTSIDE_MAIN, b.text, b.start, b.end, b.index)


class _EmptyingChrome(_EmptyingMain):
    name = "chrome"


PAGE = (
    "<html><body><p>The council voted on Tuesday to reopen the bridge after a year.</p>"
    "<p>Engineers said the repairs came in under budget, and traffic resumes Friday.</p>"
    "</body></html>"
)


def test_an_emptied_main_element_is_set_aside_and_the_page_cleaned_again() -> None:
    cleaner = Cleaner.default().without("block-model").replace("main-content", _EmptyingMain())
    result = cleaner.clean_html(PAGE)
    assert "reopen the bridge" in result.text and "traffic resumes Friday" in result.text
    assert [f.reason for f in result.page_flags] == [PageReason.MAIN_ELEMENT_SET_ASIDE]
    assert "kept 0 characters" in result.page_flags[0].detail
    assert not any(r.filter == "main-content" for r in result.removals)


def test_a_main_element_that_kept_a_body_stands() -> None:
    result = Cleaner.default().clean_html(PAGE)
    assert result.page_flags == ()
    emptying = Cleaner.default().without("block-model").replace("chrome", _EmptyingChrome())
    emptied = emptying.clean_html(PAGE)  # every line removed, not by the main element
    assert emptied.text == ""
    assert [f.reason for f in emptied.page_flags] == [PageReason.ALL_REMOVED]
