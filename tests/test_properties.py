"""Property tests: for any input, cleaning never raises and never loses a character."""

from __future__ import annotations

import re

import pytest
from helpers import fixtures
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dechaff import DechaffError, Reason, clean, clean_html, problems
from dechaff.filters.wording import FIRST_WORD, first_word
from dechaff.html import parse
from dechaff.textutil import key

REAL_LINES = sorted(
    {line.strip() for f in fixtures()[:6] for line in f.raw.splitlines() if line.strip()}
)[:400]
CHAFF = [
    "Advertisement", "ADVERTISEMENT", "Skip to content", "Share this article", "Menu",
    "Sign up for our newsletter", "© 2024 Example Media. All rights reserved.", "Read more:",
    "Video above: the storm", "By Jane Doe", "34 Comments", "Related stories", "Реклама",
]  # fmt: skip
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pages = st.lists(st.sampled_from(REAL_LINES + CHAFF), min_size=0, max_size=60).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n"]).map(lambda sep: sep.join(lines))
)


@PROFILE
@given(st.text(max_size=3000))
def test_any_text_is_cleaned_losslessly(raw: str) -> None:
    result = clean(raw) if not raw.lstrip().startswith("<") else clean_html(raw)
    source = parse(raw).text if raw.lstrip().startswith("<") else raw
    assert problems(source, result) == []


@PROFILE
@given(pages)
def test_real_lines_and_chaff_are_cleaned_losslessly(raw: str) -> None:
    result = clean(raw)
    assert problems(raw, result) == []
    paragraphs = set(result.text.split("\n\n"))
    assert not paragraphs & {"Advertisement", "ADVERTISEMENT", "Skip to content", "Реклама"}
    for removal in result.removals:
        assert isinstance(removal.reason, Reason)
        assert raw[removal.start : removal.end] == removal.text


@PROFILE
@given(st.lists(st.sampled_from(REAL_LINES + CHAFF), max_size=40), st.sampled_from(
    ["p", "div", "li", "h2", "td", "span", "figcaption", "nav", "a"]))  # fmt: skip
def test_html_built_from_lines_is_cleaned_losslessly(lines: list[str], tag: str) -> None:
    body = "".join(f"<{tag}>{line.replace('<', '&lt;')}</{tag}>" for line in lines)
    html = f"<html><head><title>T</title></head><body>{body}</body></html>"
    result = clean_html(html)
    assert problems(parse(html).text, result) == []


@PROFILE
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_result_or_a_documented_error(data: bytes) -> None:
    try:
        result = clean(data)
    except DechaffError:
        return
    assert isinstance(result.text, str)


@PROFILE
@given(pages)
def test_same_input_same_output(raw: str) -> None:
    assert clean(raw) == clean(raw)


@pytest.mark.parametrize("workers", [2])
def test_processes_match_serial(workers: int) -> None:
    from dechaff.batch import clean_many

    raws = [f.raw for f in fixtures()]
    assert list(clean_many(raws, workers=workers, chunksize=2)) == [clean(r) for r in raws]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZß- .,\t\n\u00a0\u2028\u3000\u0085xǅ"), max_size=40))
def test_comparison_key_folds_white_space_as_its_definition_does(text: str) -> None:
    # key() skips folding white space on text that holds none to fold: same result
    folded = " ".join(text.casefold().split())
    assert key(text) == re.sub(r"^[\W_]+|[\W_]+$", "", folded)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1_'s -:\t\u00e9\u00b2"), max_size=12))
def test_first_word_is_the_pattern_match(line: str) -> None:
    # first_word() skips the pattern when the first token is all letters and digits
    found = FIRST_WORD.match(line)
    assert first_word(line) == (found.group() if found else "")
