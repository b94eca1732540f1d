"""Every built-in filter's numeric settings at the edges of their ranges: the edge
is taken, a step past it is refused with an error naming the setting."""

from __future__ import annotations

import pytest
from helpers import assert_range_edge

from dechaff.filters import (
    AuthorBios,
    BlockModel,
    BodyRegion,
    Duplicates,
    MainContent,
    PageChrome,
    Repairs,
    Truncation,
)

EDGES = [
    (AuthorBios, "last_blocks", 0, -1), (AuthorBios, "max_words", 1, 0),
    (AuthorBios, "occupation_within", 1, 0),
    (BlockModel, "remove_below", 0, -0.01), (BlockModel, "remove_below", 1, 1.01),
    (BlockModel, "remove_on_prose", 0, -0.01), (BlockModel, "remove_on_prose", 1, 1.01),
    (BlockModel, "keep_at", 0, -0.01), (BlockModel, "keep_at", 1.01, 1.02),
    (BlockModel, "keep_on_articles", 0, -0.01), (BlockModel, "keep_on_articles", 1.01, 1.02),
    (BlockModel, "sure_article", 0, -0.01), (BlockModel, "sure_article", 1.01, 1.02),
    (BodyRegion, "prose_words", 1, 0), (BodyRegion, "short_penalty", 0, -1),
    (BodyRegion, "anchor_share", 1.0, 1.01), (BodyRegion, "anchor_min_score", 0, -1),
    (BodyRegion, "min_blocks_for_no_body", 0, -1), (BodyRegion, "main_share", 1.0, 1.01),
    (BodyRegion, "main_share", 0.0, -0.01),
    (BodyRegion, "gap_cost", 0, -1), (BodyRegion, "dom_gap_cost", 0, -1),
    (BodyRegion, "dom_gap_step", 0, -1), (BodyRegion, "wall_penalty", 0, -1),
    (BodyRegion, "wall_max_words", 0, -1), (BodyRegion, "tiny_words", 0, -1),
    (BodyRegion, "min_function_share", 1.0, 1.01), (BodyRegion, "min_function_share", 0.0, -0.01),
    (BodyRegion, "gap_step", 0, -1), (BodyRegion, "list_run", 1, 0), (BodyRegion, "wall_run", 1, 0),
    (BodyRegion, "start_within", 1, 0), (BodyRegion, "after_comments", 1.0, 1.5),
    (Duplicates, "min_words", 1, 0), (Duplicates, "prose_words", 1, 0),
    (Duplicates, "shingle_size", 1, 0), (Duplicates, "max_posting", 1, 0),
    (Duplicates, "max_block_words", 1, 0), (Duplicates, "near", 0, -0.01),
    (Duplicates, "near", 100, 100.01), (Duplicates, "contained", 0, -0.01),
    (Duplicates, "contained", 1, 1.01), (Duplicates, "part_of_glued", 1, 1.01),
    (Duplicates, "repair_share", 0, -0.01), (Duplicates, "container_coverage", 1, 1.01),
    (MainContent, "min_share", 0, -0.01), (MainContent, "min_share", 1, 1.01),
    (MainContent, "beside_max_share", 1, 1.01), (MainContent, "min_article_words", 0, -1),
    (MainContent, "lead_levels", 0, -1), (MainContent, "lead_min_words", 0, -1),
    (MainContent, "lead_heading_words", 0, -1), (MainContent, "lead_link_density", 1, 1.01),
    (MainContent, "after_min_words", 0, -1),
    (PageChrome, "max_words", 1, 0),
    (Repairs, "max_hole_tokens", 0, -1), (Repairs, "min_alignment", 1.0, 1.01),
    (Repairs, "min_alignment", 0.0, -0.01), (Repairs, "shingle_size", 1, 0),
    (Truncation, "teaser_max_words", 1, 0), (Truncation, "min_run", 1, 0),
    (Truncation, "min_prefix_chars", 1, 0), (Truncation, "cut_off_min_words", 1, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("filter_class", "setting", "good", "bad"),
    EDGES,
    ids=[f"{c.__name__}.{s}={g}" for c, s, g, _ in EDGES],
)
def test_a_setting_takes_its_ranges_edge_and_refuses_a_step_past_it(
    filter_class: type, setting: str, good: float, bad: float
) -> None:
    assert_range_edge(filter_class, setting, good, bad)
