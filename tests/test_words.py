"""Word lists are data files of dechaff.words, loaded by name."""

from __future__ import annotations

import pytest

from dechaff import words
from dechaff.filters.ad_markers import AD_LABELS
from dechaff.filters.chrome import MENU_WORDS, SOCIAL_NETWORKS, SOCIAL_WORDS
from dechaff.page_type import CUE_LISTS, _phrase_finder


def test_every_list_loads_and_is_clean() -> None:
    assert words.names() == [
        "ad-labels", "bylines", "date-cues", "docs", "forum", "menu", "months", "shop",
        "social", "social-networks",
    ]  # fmt: skip
    for name in words.names():
        entries = words.load(name)
        assert len(entries) >= 10, name
        assert all(e == e.strip() and e == e.casefold() and not e.startswith("#") for e in entries)


def test_the_filters_read_their_lists_from_the_files() -> None:
    assert words.load("menu") == MENU_WORDS and "watch on demand" in MENU_WORDS
    assert words.load("social") == SOCIAL_WORDS and words.load("ad-labels") == AD_LABELS
    assert SOCIAL_NETWORKS <= SOCIAL_WORDS  # a network's name is a share-bar word too
    finder = _phrase_finder()
    assert all(phrase in finder for name in CUE_LISTS for phrase in words.load(name))


def test_an_unknown_list_is_named_as_such() -> None:
    with pytest.raises(
        KeyError, match="no word list 'menus'; lists: ad-labels, bylines, date-cues, docs"
    ):
        words.load("menus")
