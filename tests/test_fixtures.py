"""Golden tests: every fixture page against its expected body and expected reasons."""

from __future__ import annotations

import pytest
from helpers import Fixture, assert_lossless, fixtures

from dechaff import clean
from dechaff.evaluation import aggregate, score_page

FIXTURES = fixtures()


def test_fixture_set_is_varied() -> None:
    languages = {f.meta["language"] for f in FIXTURES}
    assert len(FIXTURES) >= 15
    assert len(languages) >= 4


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_body_matches_expected(fixture: Fixture) -> None:
    result = clean(fixture.raw)
    f1 = aggregate([score_page(result.text, fixture.expected)]).f1
    assert f1 >= fixture.meta["min_f1"], f"F1 {f1:.3f} under the floor {fixture.meta['min_f1']}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_expected_reasons_reported(fixture: Fixture) -> None:
    found = {r.reason.value for r in clean(fixture.raw).removals}
    missing = set(fixture.meta["reasons"]) - found  # type: ignore[arg-type]
    assert not missing, f"expected reasons not in the report: {sorted(missing)}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_lossless(fixture: Fixture) -> None:
    assert_lossless(fixture.raw, clean(fixture.raw))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_bytes_in_gives_the_same_result(fixture: Fixture) -> None:
    assert clean(fixture.raw.encode("utf-8")) == clean(fixture.raw)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
def test_cleaning_a_clean_body_removes_nothing_more(fixture: Fixture) -> None:
    body = clean(fixture.raw).text
    again = clean(body)
    assert again.text == body
    assert again.removals == ()
