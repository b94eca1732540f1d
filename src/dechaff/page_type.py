"""The page's type — article, forum, documentation, product, collection, listing or
service — as a decision with its evidence.

The reading stage measures a few dozen features of the page (:func:`features`):
what its markup declares (Open Graph and schema.org types), the shape of its
address, the structure its blocks show (headings, list items, links, comment
sections, code, table cells) and cues its short lines hold in many languages
(prices and basket words, a post's chrome, a documentation page's furniture).
A small multinomial logistic model (``models/page-type.json``: plain numbers,
reproduced by ``benchmarks/page_types.py``) weighs them; :func:`classify` returns
the most likely type, its probability and the features that pushed it most.
Text input has no markup: only the line features speak, and the model says so
by a lower confidence.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import ahocorasick

from .blocks import Block
from .marks import PRICE
from .words import load

PAGE_KINDS = ("article", "forum", "documentation", "product", "collection", "listing", "service")
"""The page types, as WCXB names them."""
SHORT_LINE_WORDS = 8
"""A line of at most this many words may be a cue line (a price, a post's chrome)."""
EVIDENCE_FEATURES = 3
"""How many of the features that pushed the decision most its evidence names."""

DECLARED_GROUPS: Mapping[str, frozenset[str]] = {
    "article": frozenset(
        """article newsarticle blogposting reportagenewsarticle analysisnewsarticle
        opinionnewsarticle reviewnewsarticle scholarlyarticle liveblogposting report""".split()
    ),
    "product": frozenset("product productgroup offer aggregateoffer individualproduct".split()),
    "discussion": frozenset(
        "discussionforumposting qapage question answer comment socialmediaposting".split()
    ),
    "documentation": frozenset("techarticle apireference howto softwaresourcecode".split()),
    "collection": frozenset(
        "collectionpage itemlist searchresultspage offercatalog productcollection".split()
    ),
    "organization": frozenset(
        """organization localbusiness corporation service professionalservice website
        aboutpage contactpage faqpage softwareapplication webapplication""".split()
    ),
}
"""Declared types (``og:type`` and JSON-LD ``@type``, lower-cased) by the feature
they raise."""

ADDRESS_GROUPS: Mapping[str, frozenset[str]] = {
    "article": frozenset("blog news article articles post posts story stories".split()),
    "product": frozenset("product products p item dp shop produkt produit producto".split()),
    "forum": frozenset("forum forums thread threads t topic topics questions community".split()),
    "documentation": frozenset(
        "docs doc documentation api reference guide guides manual wiki kb help learn".split()
    ),
    "collection": frozenset(
        "category categories collections collection c tag tags search catalog browse".split()
    ),
}
"""Words of an address's path (``/docs/``, ``/category/``) by the feature they raise."""

_DATE = r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})\b"
_CODE = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (
        r"[{};][ \t]*$",  # a line that ends a statement or opens a block
        r"^[ \t]*(?:def|class|import|return|function|const|var|let)\b",
        r"\((?<=\w\()[^()\n]*\)",  # a call: the bracket first, so the search is fast
    )
)
"""What marks a line of code; three patterns, not one alternation, which would
lose the fast scan for each one's first character."""
_PATH_WORD = re.compile(r"[a-z]+")
CUE_LISTS = ("shop", "forum", "docs")
"""The word lists (:mod:`dechaff.words`) whose phrases the short lines are searched for."""


_NUMBER_CUES = re.compile(rf"(?P<price>{PRICE})|(?P<date>{_DATE})")


@cache
def _phrase_finder() -> ahocorasick.Automaton:
    """One automaton for the phrases of every list of :data:`CUE_LISTS`, each
    phrase's value its list and length, built once: a page's short lines are
    searched in one pass."""
    finder = ahocorasick.Automaton()
    for name in CUE_LISTS:
        for phrase in load(name):
            finder.add_word(phrase, (name, len(phrase)))
    finder.make_automaton()
    return finder


def _cue_counts(text: str) -> Counter[str]:
    """How many cues of each kind the case-folded ``text`` holds: phrases of the
    cue lists standing as whole words (the longest where they overlap), prices
    and dates."""
    found = []
    for last, (name, length) in _phrase_finder().iter(text):
        start, end = last - length + 1, last + 1
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            found.append((start, -end, name))
    counts: Counter[str] = Counter()
    reached = 0
    for start, negative_end, name in sorted(found):
        if start >= reached:
            counts[name] += 1
            reached = -negative_end
    counts.update(m.lastgroup for m in _NUMBER_CUES.finditer(text) if m.lastgroup)
    return counts


@dataclass(frozen=True)
class PageType:
    """The page's type: one of :data:`PAGE_KINDS`, how sure the model is, and the
    features that pushed it most (``"declared product"``, ``"price lines 0.08"``)."""

    kind: str
    confidence: float
    """The model's probability of :attr:`kind` (0–1)."""
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The decision as a dictionary of JSON types."""
        return {
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Signs:
    """What the reading stage found that the type is told by, besides the blocks:
    kept with a result so that its type is worked out only when asked for."""

    declared: frozenset[str] = frozenset()
    address: str | None = None
    thread: bool = False
    main_share: float | None = None


def of_page(blocks: Sequence[Block], signs: Signs) -> PageType:
    """The type the shipped model gives a page of ``blocks`` with ``signs``."""
    found = features(blocks, signs.declared, signs.address, signs.thread, signs.main_share)
    return classify(found)


def features(
    blocks: Sequence[Block],
    declared: frozenset[str] = frozenset(),
    address: str | None = None,
    thread: bool = False,
    main_share: float | None = None,
) -> dict[str, float]:
    """The page's features, by name: what :func:`classify` weighs."""
    found = {
        f"declared {group}": float(bool(declared & types))
        for group, types in DECLARED_GROUPS.items()
    }
    found |= _address_features(address)
    found |= _line_features(blocks)
    found |= _dom_features(blocks)
    found["thread"] = float(thread)
    found["main share"] = main_share if main_share is not None else 0.0
    return found


def _address_features(address: str | None) -> dict[str, float]:
    path = urlsplit(address).path.lower() if address else ""
    words = set(_PATH_WORD.findall(path))
    found = {
        f"address {group}": float(bool(words & names)) for group, names in ADDRESS_GROUPS.items()
    }
    found["address depth"] = float(len([p for p in path.split("/") if p]))
    found["address dated"] = float(bool(re.search(r"/(?:19|20)\d{2}/", path)))
    found["address root"] = float(address is not None and path.strip("/") == "")
    return found


def _line_features(blocks: Sequence[Block]) -> dict[str, float]:
    """Features of the lines alone (the same in both modes); cues are counted per
    line of the page."""
    words = sum(b.words for b in blocks) or 1
    lines = len(blocks) or 1
    short = [b.text for b in blocks if b.words <= SHORT_LINE_WORDS]
    cues = _cue_counts("\n".join(short).casefold())
    prose = [b for b in blocks if b.ends_sentence and b.words > SHORT_LINE_WORDS]
    text = "\n".join(b.text for b in blocks)
    found = {
        "lines (log)": math.log1p(len(blocks)),
        "words (log)": math.log1p(words),
        "words per line (log)": math.log1p(words / lines),
        "short lines": len(short) / lines,
        "prose words": sum(b.words for b in prose) / words,
        "code cues": sum(len(p.findall(text)) for p in _CODE) / lines,
    }
    return found | {f"{kind} cues": cues[kind] / lines for kind in (*CUE_LISTS, "price", "date")}


def _dom_features(blocks: Sequence[Block]) -> dict[str, float]:
    if not blocks or blocks[0].dom is None:  # text input: no markup
        return dict.fromkeys(_DOM_FEATURES, 0.0)
    doms = [b.dom for b in blocks if b.dom is not None]
    lines = len(doms) or 1
    words = sum(b.words for b in blocks if b.dom is not None) or 1

    def share(test: Any) -> float:
        return sum(b.words for b in blocks if b.dom is not None and test(b.dom)) / words

    return {
        "html": float(bool(doms)),
        "heading lines": sum(d.heading > 0 for d in doms) / lines,
        "list item lines": sum(d.list_item for d in doms) / lines,
        "link words": share(lambda d: d.link_density > 0.5),
        "comment words": share(lambda d: d.in_comments),
        "landmark words": share(lambda d: d.landmark is not None),
        "code blocks": sum(d.tag in {"pre", "code"} for d in doms) / lines,
        "table cells": sum(d.tag in {"td", "th"} for d in doms) / lines,
    }


_DOM_FEATURES = (
    "html", "heading lines", "list item lines", "link words", "comment words",
    "landmark words", "code blocks", "table cells",
)  # fmt: skip


@dataclass(frozen=True)
class TypeModel:
    """A multinomial logistic model over :func:`features`: each feature scaled by
    its mean and spread, then one weight per feature and type and one bias per type."""

    kinds: tuple[str, ...]
    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]
    """Per type, one weight per feature."""
    biases: tuple[float, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TypeModel:
        """The model from its JSON form (what ``benchmarks/page_types.py`` writes)."""
        return cls(
            tuple(data["kinds"]), tuple(data["names"]), tuple(data["means"]),
            tuple(data["scales"]), tuple(tuple(row) for row in data["weights"]),
            tuple(data["biases"]),
        )  # fmt: skip

    def classify(self, found: Mapping[str, float]) -> PageType:
        """The most likely type of a page with features ``found``."""
        scaled = [
            (found.get(name, 0.0) - mean) / scale
            for name, mean, scale in zip(self.names, self.means, self.scales, strict=True)
        ]
        scores = [
            bias + sum(w * x for w, x in zip(row, scaled, strict=True))
            for row, bias in zip(self.weights, self.biases, strict=True)
        ]
        top = max(range(len(scores)), key=scores.__getitem__)
        peak = scores[top]
        confidence = 1.0 / sum(math.exp(s - peak) for s in scores)
        pushes = sorted(
            (
                (w * x, name)
                for w, x, name in zip(self.weights[top], scaled, self.names, strict=True)
            ),
            reverse=True,
        )
        evidence = tuple(
            _describe(name, found.get(name, 0.0))
            for push, name in pushes[:EVIDENCE_FEATURES]
            if push > 0
        )
        return PageType(self.kinds[top], confidence, evidence)


def _describe(name: str, value: float) -> str:
    """A feature as evidence: "declared product", "no html", "price cues 0.12"."""
    if value == 0:
        return f"no {name}"
    if value == 1 and name in _YES_OR_NO:
        return name
    return f"{name} {value:.2g}"


_YES_OR_NO = frozenset(
    [f"declared {group}" for group in DECLARED_GROUPS]
    + [f"address {group}" for group in ADDRESS_GROUPS]
    + ["address dated", "address root", "html", "thread"]
)


@cache
def default_model() -> TypeModel:
    """The model this package ships (``models/page-type.json``), read once."""
    text = files("dechaff").joinpath("models/page-type.json").read_text("utf-8")
    return TypeModel.from_dict(json.loads(text))


def classify(found: Mapping[str, float], model: TypeModel | None = None) -> PageType:
    """The page type the shipped model (or ``model``) gives features ``found``."""
    return (model or default_model()).classify(found)
