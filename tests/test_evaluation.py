"""The benchmark metric on small cases worked out by hand."""

from __future__ import annotations

import pytest

from dechaff.evaluation import aggregate, bootstrap, score_page, shingles, tokens


def test_tokens_keep_case_and_split_punctuation() -> None:
    assert tokens("Hello, World! it's 2024") == ["Hello", "World", "it", "s", "2024"]


def test_short_text_is_one_shingle() -> None:
    assert shingles("one two") == {("one", "two"): 1}
    assert shingles("") == {}


def test_counts_are_normalised_per_page() -> None:
    s = score_page("a b c d e", "a b c d")
    # pred shingles: abcd, bcde; gold: abcd -> tp 1, fp 1, fn 0
    assert (s.tp, s.fp, s.fn) == (0.5, 0.5, 0.0)


def test_multiset_counts() -> None:
    s = score_page("a b c d a b c d", "a b c d")
    assert s.tp == pytest.approx(1 / 5)


def test_aggregate_means_over_pages() -> None:
    perfect = score_page("a b c d", "a b c d")
    half = score_page("a b c d e", "a b c d")
    summary = aggregate([perfect, half])
    assert summary.precision == pytest.approx(0.75)
    assert summary.recall == 1.0
    assert summary.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert summary.accuracy == 0.5


def test_empty_prediction_counts_against_recall_only() -> None:
    summary = aggregate([score_page("", "a b c d")])
    assert summary.recall == 0.0 and summary.precision == 0.0


def test_bootstrap_spread() -> None:
    pages = [score_page("a b c d", "a b c d"), score_page("x y z w", "a b c d")] * 10
    p, _, f = bootstrap(pages, rounds=200)
    assert 0 < p < 0.5 and 0 < f < 0.5
