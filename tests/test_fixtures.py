"""Golden tests: every fixture page against its exact snapshot (the body, title and
report dechaff gives today, reviewed when written), its human gold and its reasons.

The snapshots are written by ``benchmarks/snapshot_fixtures.py``, which prints the
diff to review; a fixture whose body is not yet the gold's is a strict expected
failure, with the difference recorded in its ``meta.json``.
"""

from __future__ import annotations

import gzip
import sys

import pytest
from helpers import FIXTURES as FOLDER
from helpers import Fixture, assert_lossless, fixtures

from dechaff import clean, clean_html
from dechaff.evaluation import aggregate, score_page

sys.path.insert(0, str(FOLDER.parent / "benchmarks"))
from snapshot_fixtures import render

FIXTURES = fixtures()
SNAPSHOTS = [
    (f, mode)
    for f in FIXTURES
    for mode in ("text", "html")
    if mode == "text" or (FOLDER / f.name / "page.html.gz").exists()
]


@pytest.mark.parametrize(("fixture", "mode"), SNAPSHOTS, ids=lambda x: getattr(x, "name", x))
def test_output_equals_its_snapshot(fixture: Fixture, mode: str) -> None:
    folder = FOLDER / fixture.name
    if mode == "text":
        result = clean(fixture.raw)
    else:
        result = clean_html(gzip.decompress((folder / "page.html.gz").read_bytes()))
    snapshot = (folder / f"snapshot.{mode}.txt").read_text("utf-8")
    assert render(result) == snapshot, (
        "output moved: run python benchmarks/snapshot_fixtures.py and review the diff"
    )


def _against_gold(fixture: Fixture) -> object:
    reason = fixture.meta.get("differs_from_gold")
    marks = [pytest.mark.xfail(strict=True, reason=str(reason))] if reason else []
    return pytest.param(fixture, marks=marks, id=fixture.name)


@pytest.mark.parametrize("fixture", [_against_gold(f) for f in FIXTURES])
def test_body_equals_the_gold(fixture: Fixture) -> None:
    assert clean(fixture.raw).text.strip() == fixture.expected.strip()


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
