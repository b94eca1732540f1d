"""The learned block layer: a small forest of decision trees that weighs, for each
block, what the filters before it decided about the block and its neighbours,
with what the block's markup and words show and what kind of page it stands on
(:mod:`dechaff.learned`).

Where it is sure, it overrules the rules: a kept block it scores under
``remove_below`` is removed as ``learned-chaff``; a block an earlier filter removed
whole that it scores at ``keep_at`` or more is given back under a
``learned-keep`` flag naming the removal withdrawn. The title, copies, repairs
and invisible characters stay as the rules decided (:data:`NEVER_GIVEN_BACK`).

The forest ships as plain data (``models/blocks-html.json``), fitted by
``benchmarks/block_model.py`` on the shared benchmark sets; text input has no
model yet and passes through unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from ..forest import Forest
from ..learned import FEATURE_NAMES, block_features
from ..page import Page
from ..page_type import Signs, of_page
from ..report import Decision, Reason, Reinstatement, Removal
from .base import check_settings, remove_block

NEVER_GIVEN_BACK = frozenset({
    Reason.HEADLINE, Reason.SITE_NAME, Reason.DUPLICATE_EXACT, Reason.DUPLICATE_NEAR,
    Reason.DUPLICATE_CONTAINED, Reason.CONTROL_CHARACTER, Reason.LINK_HOLE,
    Reason.LINK_HOLE_REPAIRED,
})  # fmt: skip
"""Reasons whose removals the layer never withdraws."""


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
    doc): remove kept blocks it scores under ``remove_below``, unless that would
    remove every kept block (the rules' body then stands); give back blocks
    removed whole that it scores at ``keep_at`` or more (``keep_on_articles`` on a
    page whose type is article, where the rules are surer)."""

    name: str = "block-model"
    remove_below: float = 0.3
    keep_at: float = 0.5
    keep_on_articles: float = 0.85
    forest: Forest | None = field(default=None, repr=False, compare=False)
    """The trees to score with; ``None``: the ones this package ships for the mode."""

    def __post_init__(self) -> None:
        check_settings(self, remove_below=(0, 1), keep_at=(0, 1.01), keep_on_articles=(0, 1.01))

    def __call__(self, page: Page) -> Iterator[Decision]:
        forest = self.forest or shipped_forest("html" if page.has_dom else "text")
        if forest is None or not page.blocks:
            return
        facts = page.facts
        signs = Signs(facts.declared, facts.address, facts.thread, facts.main_share)
        kind = of_page(page.blocks, signs)
        rows = block_features(page.blocks, page.removals, kind)
        scores = forest.probabilities(rows)
        keep_at = self.keep_on_articles if kind.kind == "article" else self.keep_at
        kept = page.kept_indices
        whole = _removed_whole(page)
        listed = scores.tolist()
        emptying = all(listed[i] < self.remove_below for i in kept)
        for block, score in zip(page.blocks, listed, strict=True):
            if block.index in kept:
                if score < self.remove_below and not emptying:
                    yield remove_block(
                        self.name, block, Reason.LEARNED_CHAFF,
                        f"the block model keeps it at {score:.2f}", score=score,
                    )  # fmt: skip
            elif score >= keep_at and block.index in whole:
                yield Reinstatement(
                    self.name, block.index, Reason.LEARNED_KEEP,
                    f"the block model keeps it at {score:.2f}",
                )  # fmt: skip


def _removed_whole(page: Page) -> frozenset[int]:
    """The blocks one removal took whole, for a reason the layer may withdraw."""
    count: dict[int, int] = {}
    whole: set[int] = set()
    for r in page.removals:
        count[r.block] = count.get(r.block, 0) + 1
        b = page.blocks[r.block]
        if r.start == b.start and r.end == b.end and _may_withdraw(r):
            whole.add(r.block)
    return frozenset(i for i in whole if count[i] == 1)


def _may_withdraw(r: Removal) -> bool:
    return r.reason not in NEVER_GIVEN_BACK
