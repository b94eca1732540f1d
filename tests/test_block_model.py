"""The learned block layer: its trees (dechaff.forest), its features
(dechaff.learned) and the filter that overrules the rules with them."""

from __future__ import annotations

import math

import pytest
from helpers import assert_lossless

from dechaff import Cleaner, CleanResult, Reason, Removal
from dechaff.blocks import segment
from dechaff.filters import BlockModel
from dechaff.filters.block_model import NEVER_GIVEN_BACK, shipped_forest
from dechaff.forest import Forest
from dechaff.learned import FEATURE_NAMES, block_features, kept_shares, main_reasons
from dechaff.page_type import PageType
from dechaff.reading import read_html


def _tree(feature: str, threshold: float, low: float, high: float) -> dict[str, list[object]]:
    """One tree: ``low`` for a row whose ``feature`` is at most ``threshold``, else
    ``high`` (NaN goes left)."""
    return {
        "feature": [FEATURE_NAMES.index(feature), 0, 0],
        "threshold": [threshold, 0.0, 0.0],
        "missing_left": [True, False, False],
        "left": [1, -1, -1],
        "right": [2, -1, -1],
        "value": [0.0, low, high],
    }


def _stump(feature: str, threshold: float, low: float, high: float, **thresholds: float) -> Forest:
    """A forest of one tree (:func:`_tree`); ``thresholds``: the forest's own (every
    page weighed unless they say otherwise)."""
    thresholds = {"sure_article": 1.01} | thresholds
    tree = _tree(feature, threshold, low, high)
    return Forest.from_dict({"names": FEATURE_NAMES, "baseline": 0.0, "depth": 1,
                             "trees": [tree], "thresholds": thresholds})  # fmt: skip


def _sigmoid(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_a_forest_sums_its_leaves_and_takes_the_logistic() -> None:
    forest = _stump("kept_share", 0.5, -2.0, 3.0)
    rows = [[0.0] * len(FEATURE_NAMES) for _ in range(3)]
    rows[1][0] = 1.0  # kept_share, the first feature
    rows[2][0] = float("nan")
    got = forest.probabilities(rows).tolist()
    assert got == pytest.approx([_sigmoid(-2.0), _sigmoid(3.0), _sigmoid(-2.0)])


def test_two_trees_add_and_a_leaf_stays_where_it_is() -> None:
    one = _stump("kept_share", 0.5, -2.0, 3.0)
    data = {"names": FEATURE_NAMES, "baseline": 0.5, "depth": 4, "trees": [
        {k: list(getattr(one, k)[:3]) for k in ("threshold", "missing_left", "value")}
        | {"feature": [0, 0, 0], "left": [1, -1, -1], "right": [2, -1, -1]}
    ] * 2}  # fmt: skip
    forest = Forest.from_dict(data)  # deeper than the trees: leaves point at themselves
    row = [1.0] + [0.0] * (len(FEATURE_NAMES) - 1)
    assert forest.probabilities([row]).tolist() == pytest.approx([_sigmoid(0.5 + 3.0 + 3.0)])


def test_a_forest_refuses_rows_of_the_wrong_width_and_takes_no_rows() -> None:
    forest = _stump("kept_share", 0.5, -2.0, 3.0)
    with pytest.raises(ValueError, match=f"{len(FEATURE_NAMES)} columns"):
        forest.probabilities([[0.0, 1.0]])
    assert forest.probabilities([]).size == 0


def test_kept_shares_and_main_reasons_count_what_each_removal_took() -> None:
    blocks = segment("alpha beta gamma\nkeep this line\ngone")
    a, _, c = blocks
    removals = [
        Removal("x", Reason.MENU, "alpha ", a.start, a.start + 6, a.index),
        Removal("x", Reason.SHARE_PROMPT, "beta gamma", a.start + 6, a.end, a.index),
        Removal("x", Reason.COPYRIGHT, "gone", c.start, c.end, c.index),
    ]
    assert kept_shares(blocks, removals) == [0.0, 1.0, 0.0]
    assert main_reasons(blocks, removals) == ["share-prompt", None, "copyright"]
    assert kept_shares(blocks, removals[:1]) == pytest.approx([1 - 6 / 16, 1.0, 1.0])


def test_every_block_has_one_row_of_every_feature() -> None:
    reading = read_html("<html><body><h1>Head</h1><p>One line.</p><ul><li>a</li></ul></body>")
    rows = block_features(reading.blocks, (), PageType("forum", 0.7, ()))
    assert len(rows) == len(reading.blocks) == 3
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)
    named = dict(zip(FEATURE_NAMES, rows[2], strict=True))
    assert named["list_item"] == 1.0 and named["tag_li"] == 1.0 and named["type_forum"] == 1.0
    assert named["type_confidence"] == pytest.approx(0.7) and named["prev_heading"] == 0.0
    assert dict(zip(FEATURE_NAMES, rows[1], strict=True))["prev_heading"] == 1.0


PROSE = (
    "The council voted on Tuesday to reopen the bridge after a year of repairs, and "
    "engineers said the work came in under budget."
)
PAGE = (
    "<html><head><title>Bridge reopens</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Bridge reopens</h1>"
    f"<p>{PROSE}</p><p>{PROSE.replace('Tuesday', 'Monday')}</p>"
    "<p>Tickets 2024: 12 13 14 15 16 17 18</p></article></body></html>"
)


def _rules() -> Cleaner:
    return Cleaner.default().without("block-model")


def test_a_sure_score_gives_back_a_block_removed_whole_under_a_flag() -> None:
    before = _rules().clean_html(PAGE)
    menu = [r for r in before.removals if r.text == "Home News"]
    assert menu and "Home News" not in before.text  # precondition: the rules removed it
    everything = _stump("kept_share", 0.5, 5.0, 5.0)
    cleaner = Cleaner.default().replace("block-model", BlockModel(forest=everything))
    result = cleaner.clean_html(PAGE)
    assert "Home News" in result.text
    assert not any(r.text == "Home News" for r in result.removals)
    flag = next(f for f in result.flags if f.text == "Home News")
    assert flag.reason is Reason.LEARNED_KEEP and flag.filter == "block-model"
    assert flag.detail.startswith(f"removed as {menu[0].reason.value} by {menu[0].filter};")
    assert "keeps it at 0.99" in flag.detail
    assert result.title == "Bridge reopens"  # the headline is never given back
    assert Reason.HEADLINE in NEVER_GIVEN_BACK
    assert_lossless(read_html(PAGE).raw, result)


def test_a_sure_low_score_removes_a_kept_block_as_learned_chaff() -> None:
    before = _rules().clean_html(PAGE)
    assert "Tickets 2024" in before.text  # precondition: the rules kept it
    digits = _stump("digit_share", 0.2, 5.0, -5.0)
    result = Cleaner.default().replace("block-model", BlockModel(forest=digits)).clean_html(PAGE)
    assert "Tickets 2024" not in result.text and PROSE in result.text
    removal = next(r for r in result.removals if r.text.startswith("Tickets 2024"))
    assert removal.reason is Reason.LEARNED_CHAFF and removal.score == pytest.approx(_sigmoid(-5))
    assert_lossless(read_html(PAGE).raw, result)


def test_the_layer_never_removes_every_kept_block() -> None:
    nothing = _stump("kept_share", 0.5, -5.0, -5.0)
    rules = _rules().clean_html(PAGE)
    assert rules.text  # precondition: the rules kept a body
    result = Cleaner.default().replace("block-model", BlockModel(forest=nothing)).clean_html(PAGE)
    assert result.text == rules.text
    assert not any(r.reason is Reason.LEARNED_CHAFF for r in result.removals)


def test_on_an_article_it_gives_back_only_at_the_article_threshold() -> None:
    middling = _stump("kept_share", 0.5, 0.5, 0.5)  # scores 0.62 everywhere
    layer = BlockModel(forest=middling, keep_at=0.6, keep_on_articles=0.7)
    cleaner = Cleaner.default().replace("block-model", layer)
    result = cleaner.clean_html(PAGE)
    assert result.page_type.kind == "article"  # precondition
    assert "Home News" not in result.text
    lower = BlockModel(forest=middling, keep_at=0.6, keep_on_articles=0.6)
    assert "Home News" in Cleaner.default().replace("block-model", lower).clean_html(PAGE).text


def test_on_an_article_it_removes_only_under_the_article_threshold() -> None:
    digits = _stump("digit_share", 0.2, 0.0, -0.5)  # 0.38 for the digits line, 0.5 elsewhere
    assert PROSE in _rules().clean_html(PAGE).text  # precondition
    lenient = BlockModel(forest=digits, remove_below=0.45, remove_on_prose=0.3)
    result = Cleaner.default().replace("block-model", lenient).clean_html(PAGE)
    assert result.page_type.kind == "article"  # precondition
    assert "Tickets 2024" in result.text
    strict = BlockModel(forest=digits, remove_below=0.3, remove_on_prose=0.45)
    result = Cleaner.default().replace("block-model", strict).clean_html(PAGE)
    assert "Tickets 2024" not in result.text and PROSE in result.text


def test_a_threshold_left_unset_is_the_forests_own_and_a_set_one_wins() -> None:
    middling = _stump("kept_share", 0.5, 0.5, 0.5, keep_at=0.6, keep_on_articles=0.6)
    given_back = Cleaner.default().replace("block-model", BlockModel(forest=middling))
    assert "Home News" in given_back.clean_html(PAGE).text  # 0.62 >= the forest's 0.6
    stricter = BlockModel(forest=middling, keep_on_articles=0.7)
    assert (
        "Home News" not in Cleaner.default().replace("block-model", stricter).clean_html(PAGE).text
    )
    bare = _stump("kept_share", 0.5, 0.5, 0.5)  # no thresholds in its file: the defaults
    assert (
        "Home News"
        not in Cleaner.default()
        .replace("block-model", BlockModel(forest=bare))
        .clean_html(PAGE)
        .text
    )


def test_a_page_sure_to_be_an_article_is_left_to_the_rules() -> None:
    everything = _stump("kept_share", 0.5, 5.0, 5.0)
    kind = Cleaner.default().clean_html(PAGE).page_type
    assert kind.kind == "article" and kind.confidence > 0.5  # precondition
    weighed = Cleaner.default().replace("block-model", BlockModel(forest=everything))
    assert "Home News" in weighed.clean_html(PAGE).text
    sure = BlockModel(forest=everything, sure_article=0.5)
    result = Cleaner.default().replace("block-model", sure).clean_html(PAGE)
    assert "Home News" not in result.text
    assert not any(f.filter == "block-model" for f in result.flags)


def test_the_shipped_forests_read_the_features_the_package_makes() -> None:
    for mode in ("html", "text"):
        forest = shipped_forest(mode)
        assert forest is not None and forest.names == FEATURE_NAMES
        assert len(forest.roots) >= 50 and forest.depth >= 3
        names = {
            "remove_below",
            "remove_on_prose",
            "keep_at",
            "keep_on_articles",
            "sure_article",
        }
        assert dict(forest.thresholds).keys() == names
    assert Cleaner.default().names[-1] == "block-model"


def test_settings_outside_their_range_are_refused() -> None:
    from dechaff.errors import ConfigError

    with pytest.raises(ConfigError, match="remove_below"):
        BlockModel(remove_below=1.5)


ITEMS = "".join(
    f"<li><h3><a href='/p{n}'>Walking boot model {n}</a></h3><p>Price {n}9 euros, in stock</p></li>"
    for n in range(12)
)
SHOP = (
    "<html><head><title>Boots</title><meta property='og:type' content='product'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><h1>Boots</h1>"
    f"<ul>{ITEMS}</ul><p>Tickets 2024: 12 13 14 15 16 17 18</p></main></body></html>"
)
"""A product page (not an article): the layer's own thresholds apply there."""


def _with(layer: BlockModel, html: str = PAGE) -> CleanResult:
    return Cleaner.default().replace("block-model", layer).clean_html(html)


def _bare(feature: str, threshold: float, low: float, high: float) -> Forest:
    """A stump whose file gives no thresholds at all: the layer's defaults apply."""
    tree = _tree(feature, threshold, low, high)
    return Forest.from_dict({"names": FEATURE_NAMES, "baseline": 0.0, "depth": 1, "trees": [tree]})


def test_a_forest_is_no_setting_shown_or_compared() -> None:
    one, other = _stump("kept_share", 0.5, 1.0, 1.0), _stump("kept_share", 0.5, 2.0, 2.0)
    assert BlockModel(forest=one) == BlockModel(forest=other)
    assert "forest" not in repr(BlockModel(forest=one))


def test_a_forest_with_no_thresholds_weighs_pages_not_sure_to_be_articles() -> None:
    # the default sure_article is 0.9: this article page (about 0.75) is weighed
    assert 0.5 < _rules().clean_html(PAGE).page_type.confidence < 0.9  # precondition
    assert "Home News" in _with(BlockModel(forest=_bare("kept_share", 0.5, 5.0, 5.0))).text


def test_off_articles_the_default_thresholds_remove_under_045_and_give_back_at_it() -> None:
    rules = _rules().clean_html(SHOP)
    assert rules.page_type.kind == "product" and "Tickets 2024" in rules.text  # precondition
    digits = _bare("digit_share", 0.2, 0.0, -0.5)  # 0.38 for the digits line, 0.5 elsewhere
    result = _with(BlockModel(forest=digits), SHOP)
    assert "Tickets 2024" not in result.text and "Home News" in result.text
    low = _bare("kept_share", 0.5, -0.5, -0.5)  # 0.38 everywhere: nothing given back or taken
    assert _with(BlockModel(forest=low), SHOP).text == rules.text


def test_off_articles_the_article_thresholds_do_not_apply() -> None:
    middling = _stump("kept_share", 0.5, 0.5, 0.5)  # 0.62 everywhere
    layer = BlockModel(forest=middling, keep_at=0.6, keep_on_articles=0.7)
    assert "Home News" in _with(layer, SHOP).text


def test_a_page_exactly_as_sure_as_sure_article_is_left_to_the_rules() -> None:
    confidence = _rules().clean_html(PAGE).page_type.confidence
    everything = _stump("kept_share", 0.5, 5.0, 5.0)
    assert "Home News" not in _with(BlockModel(forest=everything, sure_article=confidence)).text
    above = min(1.01, confidence + 1e-9)
    assert "Home News" in _with(BlockModel(forest=everything, sure_article=above)).text


def test_a_score_exactly_at_keep_at_gives_back() -> None:
    middling = _stump("kept_share", 0.5, 0.5, 0.5)
    exactly = BlockModel(forest=middling, keep_on_articles=_sigmoid(0.5))
    assert "Home News" in _with(exactly).text


def test_a_score_exactly_at_remove_below_stays() -> None:
    digits = _stump("digit_share", 0.2, 0.0, -0.5)
    exactly = BlockModel(forest=digits, remove_on_prose=_sigmoid(-0.5))
    assert "Tickets 2024" in _with(exactly).text


def test_a_sure_score_of_one_gives_back_at_keep_at_one() -> None:
    certain = _stump("kept_share", 0.5, 50.0, 50.0)  # the logistic rounds to 1.0
    assert "Home News" in _with(BlockModel(forest=certain, keep_on_articles=1.0)).text


def test_on_a_page_the_rules_left_whole_the_layer_still_removes() -> None:
    digits = _stump("digit_share", 0.2, 0.0, -0.5)
    alone = Cleaner([BlockModel(forest=digits, remove_on_prose=0.45)]).clean_html(PAGE)
    assert [r.reason for r in alone.removals] == [Reason.LEARNED_CHAFF]
    assert "Tickets 2024" not in alone.text


def test_only_a_removal_of_a_whole_block_for_a_reason_it_may_withdraw_is_given_back() -> None:
    everything = _stump("kept_share", 0.5, 5.0, 5.0)
    raw = "Rain fell all night on the town (Photo: J. Doe/AP).\nRain fell all night on the town."
    from dechaff.filters import Duplicates, InlineCaptions

    result = Cleaner([InlineCaptions(), Duplicates(min_words=3), BlockModel(forest=everything)])(
        raw
    )
    assert [r.reason for r in result.removals] == [
        Reason.INLINE_CAPTION,
        Reason.DUPLICATE_CONTAINED,
    ]
    assert not result.flags  # a span is not a block; a copy is never given back


def test_blocks_scoring_exactly_remove_below_do_not_count_as_all_removed() -> None:
    digits = _stump("digit_share", 0.2, 0.0, -0.5)  # 0.5 exactly, 0.38 for the digits line
    result = _with(BlockModel(forest=digits, remove_on_prose=0.5))
    assert "Tickets 2024" not in result.text and PROSE in result.text
