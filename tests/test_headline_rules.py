"""One set of headline rules, shared by the reading stage and the headline filter."""

from __future__ import annotations

import pytest

from dechaff import Cleaner, ConfigError, Settings
from dechaff.headline import CONTAINED_SCORE, HeadlineRules

TEXT = "Storm hits coast - Daily Bugle\nMenu\nStorm hits coast\nRain fell all night on the town."
HTML = (
    "<html><head><title>Storm hits coast - Daily Bugle</title></head><body>"
    "<h1>Storm hits coast</h1><p>Rain fell all night on the town, and the river rose "
    "two metres by the morning, the harbour master said.</p></body></html>"
)


@pytest.mark.parametrize("words", [3, 4])
def test_the_rules_set_in_settings_reach_the_filter(words: int) -> None:
    found = Cleaner.default(settings=Settings(headline=HeadlineRules(min_words=words)))(TEXT)
    assert found.title == ("Storm hits coast" if words <= 3 else None)


def test_the_rules_set_in_settings_reach_the_reading_stage() -> None:
    def evidence(settings: Settings) -> list[str]:
        result = Cleaner.default(settings=settings).clean_html(HTML)
        assert result.title == "Storm hits coast"
        return [r.detail for r in result.removals if r.reason.value == "headline"]

    assert evidence(Settings()) == ["the heading that matches the document title"]
    strict = Settings(headline=HeadlineRules(min_words=4))
    result = Cleaner.default(settings=strict).clean_html(HTML)
    # the title part is too short to be matched: the first <h1> is taken, unmatched
    assert evidence(strict) == ["the page's first <h1>"]
    assert result.title == "Storm hits coast"


def test_a_long_title_part_inside_a_line_scores_as_contained_everywhere() -> None:
    part = "storm hits the coast of maine"
    line = "live updates: storm hits the coast of maine tonight, as officials warn"
    rules = HeadlineRules()
    assert rules.similarity(line, part) == CONTAINED_SCORE
    assert rules.similarities([line], [part]) == [CONTAINED_SCORE]
    assert rules.similarity(line, "short part") < CONTAINED_SCORE


@pytest.mark.parametrize(
    "bad",
    [{"min_words": 0}, {"min_words": 5, "max_words": 4}, {"search_blocks": 0},
     {"min_similarity": 101}],
)  # fmt: skip
def test_bad_rules_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        HeadlineRules(**bad)  # type: ignore[arg-type]
