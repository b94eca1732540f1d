"""The learned block layer: a small forest of decision trees that weighs, for each
block, what the filters before it decided about the block and its neighbours,
with what the block's markup and words show and what kind of page it stands on
(:mod:`dechaff.learned`).

Where it is sure, it overrules the rules: a kept block it scores under
``remove_below`` (``remove_on_prose`` on a page of prose: an article, a forum,
documentation) is removed as ``learned-chaff``; a block an earlier filter removed
whole that it scores at ``keep_at`` or more is given back under a
``learned-keep`` flag naming the removal withdrawn. The title, copies, repairs
and invisible characters stay as the rules decided (:data:`NEVER_GIVEN_BACK`).

Each mode has its forest, shipped as plain data (``models/blocks-html.json``,
``models/blocks-text.json``), fitted by ``benchmarks/block_model.py`` on the
shared benchmark sets, with the thresholds chosen with it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from ..forest import Forest
from ..learned import FEATURE_NAMES, block_features
from ..page import Page
from ..page_type import of_page
from ..report import Decision, Reason, Reinstatement
from .base import check_settings, remove_block

NEVER_GIVEN_BACK = frozenset({
    Reason.HEADLINE, Reason.SITE_NAME, Reason.DUPLICATE_EXACT, Reason.DUPLICATE_NEAR,
    Reason.DUPLICATE_CONTAINED, Reason.CONTROL_CHARACTER, Reason.LINK_HOLE,
    Reason.LINK_HOLE_REPAIRED,
})  # fmt: skip
"""Reasons whose removals the layer never withdraws."""

DEFAULTS: Mapping[str, float] = MappingProxyType(
    {
        "remove_below": 0.45,
        "remove_on_prose": 0.3,
        "keep_at": 0.45,
        "keep_on_articles": 0.85,
        "sure_article": 0.9,
    }
)
"""The thresholds of a forest whose file gives none."""

PROSE_KINDS = frozenset({"article", "forum", "documentation"})
"""Page types whose body is prose, which the rules were made to keep: there the
layer removes a kept block only when surer (``remove_on_prose``)."""


@cache
def shipped_forest(mode: str) -> Forest | None:
    """The forest this package ships for ``mode`` (``"html"`` or ``"text"``), read
    once; ``None`` when there is none."""
    path = files("dechaff").joinpath(f"models/blocks-{mode}.json")
    if not path.is_file():
        return None
    forest = Forest.from_dict(json.loads(path.read_text("utf-8")))
    if forest.names != FEATURE_NAMES:
        raise RuntimeError(f"models/blocks-{mode}.json was fitted on other features")
    return forest


@dataclass(frozen=True, kw_only=True)
class BlockModel:
    """Overrule the rules where the learned block layer is sure (see the module's
    doc): remove kept blocks it scores under ``remove_below`` (``remove_on_prose``
    on a page whose type is one of :data:`PROSE_KINDS`, where the rules are surer),
    unless that would remove every kept block (the rules' body then stands); give
    back blocks removed whole that it scores at ``keep_at`` or more
    (``keep_on_articles`` on an article; over 1: never).

    A threshold left at ``None`` is the forest's own: the one chosen with it, out
    of fold, and kept in its file (:attr:`dechaff.forest.Forest.thresholds`)."""

    name: str = "block-model"
    remove_below: float | None = None
    remove_on_prose: float | None = None
    keep_at: float | None = None
    keep_on_articles: float | None = None
    sure_article: float | None = None
    """A page the type model calls an article with at least this confidence is
    left to the rules, which were made for articles (over 1: every page is
    weighed). On such pages the layer adds little and would cost a third of the
    cleaning time."""
    forest: Forest | None = field(default=None, repr=False, compare=False)
    """The trees to score with; ``None``: the ones this package ships for the mode."""

    def __post_init__(self) -> None:
        check_settings(
            self, remove_below=(0, 1), remove_on_prose=(0, 1), keep_at=(0, 1.01),
            keep_on_articles=(0, 1.01), sure_article=(0, 1.01),
        )  # fmt: skip

    def _threshold(self, forest: Forest, name: str) -> float:
        own: float | None = getattr(self, name)
        return own if own is not None else dict(forest.thresholds).get(name, DEFAULTS[name])

    def __call__(self, page: Page) -> Iterator[Decision]:
        forest = self.forest or shipped_forest("html" if page.has_dom else "text")
        if forest is None or not page.blocks:
            return
        kind = of_page(page.blocks, page.facts.signs)
        on_article = kind.kind == "article"
        if on_article and kind.confidence >= self._threshold(forest, "sure_article"):
            return
        keep_at = self._threshold(forest, "keep_on_articles" if on_article else "keep_at")
        prose = kind.kind in PROSE_KINDS
        remove_below = self._threshold(forest, "remove_on_prose" if prose else "remove_below")
        kept = sorted(page.kept_indices)
        whole = _removed_whole(page) if keep_at <= 1.0 else []
        if not kept and not whole:
            return
        rows = block_features(page.blocks, page.removals, kind, [*kept, *whole])
        scores = forest.probabilities(rows).tolist()
        kept_scores, whole_scores = scores[: len(kept)], scores[len(kept) :]
        if not all(score < remove_below for score in kept_scores):  # never every kept block
            for i, score in zip(kept, kept_scores, strict=True):
                if score < remove_below:
                    yield remove_block(
                        self.name, page.blocks[i], Reason.LEARNED_CHAFF,
                        f"the block model keeps it at {score:.2f}", score=score,
                    )  # fmt: skip
        for i, score in zip(whole, whole_scores, strict=True):
            if score >= keep_at:
                yield Reinstatement(
                    self.name, i, Reason.LEARNED_KEEP, f"the block model keeps it at {score:.2f}"
                )


def _removed_whole(page: Page) -> list[int]:
    """The blocks one removal took whole, for a reason the layer may withdraw, in
    order."""
    count = Counter(r.block for r in page.removals)
    return sorted(
        r.block for r in page.removals
        if count[r.block] == 1 and r.reason not in NEVER_GIVEN_BACK
        and (r.start, r.end) == (page.blocks[r.block].start, page.blocks[r.block].end)
    )  # fmt: skip
