"""The acceptance page: every kind of chaff the project names, on one real page."""

from __future__ import annotations

import re

from helpers import FIXTURES, assert_lossless, assert_removed

from dechaff import Reason, clean
from dechaff.evaluation import aggregate, score_page

SEED = FIXTURES / "seed-north-korea-troops"
RAW = (SEED / "page.txt").read_text("utf-8")
EXPECTED = (SEED / "expected.txt").read_text("utf-8")
TITLE = (SEED / "title.txt").read_text("utf-8").strip()


def test_title_and_body() -> None:
    result = clean(RAW)
    assert result.title == TITLE
    assert TITLE not in result.text
    assert aggregate([score_page(result.text, EXPECTED)]).f1 >= 0.98
    assert len(result.text.split("\n\n")) == 7


def test_both_holes_repaired_from_the_glued_copy() -> None:
    result = clean(RAW)
    assert "dispatched about 10,000-12,000 troops to Russia. But" in result.text
    assert (
        "Zelenskyy earlier put the number of killed or wounded North Koreans at 4,000,"
        in result.text
    )
    for repair in result.repairs:
        assert repair.reason is Reason.LINK_HOLE_REPAIRED
        assert RAW[repair.source_start : repair.source_end] == repair.inserted
        assert result.blocks[repair.source_block].start <= repair.source_start
    assert not [f for f in result.flags if f.reason is Reason.LINK_HOLE]


def test_no_duplicate_paragraph_and_no_chaff_line() -> None:
    result = clean(RAW)
    paragraphs = result.text.split("\n\n")
    assert len(set(paragraphs)) == len(paragraphs)
    assert "Advertisement" not in result.text
    assert "Video above" not in result.text
    assert "Skip to content" not in result.text
    assert "***" not in result.text
    assert not re.search(r"\w\.\w", result.text.replace("U.S.", "US"))  # no glued copy


def test_reasons() -> None:
    result = clean(RAW)
    assert_removed(result, "Skip to content", "skip-link")
    assert_removed(result, "Advertisement", "ad-marker")
    assert_removed(result, "Video above: Satellite images", "media-caption")
    assert_removed(result, "Kim Jong Un is expanding *** key weapons", "transcript")
    assert_removed(result, "Watch on Demand", "menu")
    glued = [r for r in result.removals if r.reason is Reason.DUPLICATE_CONTAINED]
    assert len(glued) == 1 and glued[0].related is not None and glued[0].score


def test_lossless() -> None:
    assert_lossless(RAW, clean(RAW))
