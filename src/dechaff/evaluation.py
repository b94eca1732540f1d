"""The Article Extraction Benchmark's metric: 4-gram shingle precision, recall and F1.

Tokens are ``\\w+`` runs, case kept. Each text is a multiset of 4-token shingles
(a text of fewer than four tokens gives one shorter shingle). Per page, the
true/false positive and false negative counts are divided by their sum, so every
page weighs the same; precision and recall are means over the pages, and F1 is
their harmonic mean.

>>> s = score_page("the cat sat on the mat", "the cat sat on the mat")
>>> (s.tp, s.fp, s.fn)
(1.0, 0.0, 0.0)
>>> summary = aggregate([s, score_page("a b c d e", "x y z w")])
>>> round(summary.precision, 3), round(summary.recall, 3), summary.accuracy
(0.5, 0.5, 0.5)
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .textutil import word_runs


def tokens(text: str) -> list[str]:
    """The metric's tokens: runs of word characters, case kept."""
    return word_runs(text)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text``.

    >>> shingles("a b c")
    Counter({('a', 'b', 'c'): 1})
    >>> sorted(shingles("a b c d e"))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    """
    words = tokens(text)
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class PageScore:
    """One page's normalised counts, and whether its token lists are equal."""

    tp: float
    fp: float
    fn: float
    exact: bool


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def score_page(predicted: str, gold: str) -> PageScore:
    """Score one page: counts normalised by their sum."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    exact = tokens(predicted) == tokens(gold)
    if total == 0:
        return PageScore(0.0, 0.0, 0.0, exact)
    return PageScore(tp / total, fp / total, fn / total, exact)


def aggregate(pages: Sequence[PageScore]) -> Summary:
    """Precision and recall as means over pages, and their F1."""
    precisions = [
        1.0 if p.fp == 0 and p.fn == 0 else p.tp / (p.tp + p.fp) for p in pages if p.tp + p.fp > 0
    ]
    recalls = [
        1.0 if p.fp == 0 and p.fn == 0 else p.tp / (p.tp + p.fn) for p in pages if p.tp + p.fn > 0
    ]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return Summary(precision, recall, f1, accuracy, len(pages))


def bootstrap(
    pages: Sequence[PageScore], rounds: int = 1000, seed: int = 0
) -> tuple[float, float, float]:
    """Standard deviations of precision, recall and F1 over page resamples."""
    rng = random.Random(seed)
    samples = []
    for _ in range(rounds):
        picked = [pages[rng.randrange(len(pages))] for _ in pages]
        s = aggregate(picked)
        samples.append((s.precision, s.recall, s.f1))

    def std(values: list[float]) -> float:
        mean = sum(values) / len(values)
        return float((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5)

    return tuple(std([s[i] for s in samples]) for i in range(3))  # type: ignore[return-value]


@dataclass(frozen=True)
class SnippetScore:
    """One page under the snippet metric: snippets of the body found (``tp``) and
    missed (``fn``), snippets of boilerplate found (``fp``)."""

    tp: int
    fp: int
    fn: int


def fold_space(text: str) -> str:
    """All runs of white space as one space, ends trimmed (the snippet metric's folding)."""
    return " ".join(text.split())


def score_snippets(predicted: str, body: Sequence[str], chaff: Sequence[str]) -> SnippetScore:
    """Score one page by trafilatura's evaluation metric: each snippet counts when
    found as a substring of the output, white space folded.

    >>> score_snippets("The  river\\nrose. Home", ["river rose"], ["Home", "Login"])
    SnippetScore(tp=1, fp=1, fn=0)
    """
    text = fold_space(predicted)
    found = [fold_space(s) in text for s in body]
    return SnippetScore(
        tp=sum(found),
        fp=sum(fold_space(s) in text for s in chaff),
        fn=len(found) - sum(found),
    )


def aggregate_snippets(pages: Sequence[SnippetScore]) -> Summary:
    """Counts summed over all pages, then precision, recall and F1 (``accuracy`` is 0)."""
    tp = sum(p.tp for p in pages)
    fp = sum(p.fp for p in pages)
    fn = sum(p.fn for p in pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(precision, recall, f1, 0.0, len(pages))


@dataclass(frozen=True)
class WordScore:
    """One page under WCXB's metric: precision, recall and F1 of the bag of words."""

    precision: float
    recall: float
    f1: float


def lower_words(text: str) -> Counter[str]:
    """The bag of lower-cased ``\\w+`` words WCXB's metric compares."""
    return Counter(word_runs(text.lower()))


def score_words(predicted: str, gold: str) -> WordScore:
    """Score one page by WCXB's metric: the overlap of the two bags of lower-cased
    words over the output's words (precision) and the gold's (recall).

    >>> score_words("The cat sat", "the cat sat down")
    WordScore(precision=1.0, recall=0.75, f1=0.8571428571428571)
    >>> score_words("", "gold")
    WordScore(precision=0.0, recall=0.0, f1=0.0)
    """
    pred, ref = lower_words(predicted), lower_words(gold)
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return WordScore(precision, recall, f1)


def aggregate_words(pages: Sequence[WordScore]) -> Summary:
    """Means of the per-page figures (WCXB's macro average); ``accuracy`` is the
    share of pages with F1 of at least 0.99."""
    if not pages:
        return Summary(0.0, 0.0, 0.0, 0.0, 0)
    count = len(pages)
    return Summary(
        sum(p.precision for p in pages) / count,
        sum(p.recall for p in pages) / count,
        sum(p.f1 for p in pages) / count,
        sum(p.f1 >= 0.99 for p in pages) / count,
        count,
    )
