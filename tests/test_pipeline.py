"""The Cleaner: composition, custom filters, plugins, determinism, threads."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from helpers import assert_lossless, fixtures

import dechaff.pipeline
from dechaff import (
    Cleaner,
    ConfigError,
    FilterError,
    Page,
    Reason,
    Removal,
    Settings,
    Title,
    clean,
    default_filters,
)
from dechaff.filters import remove_block


@dataclass(frozen=True)
class DropShouting:
    """A user filter: drop lines written in capitals."""

    name: str = "shouting"

    def __call__(self, page: Page) -> Iterator[Removal]:
        for block in page.kept:
            if block.text.isupper():
                yield remove_block(self.name, block, Reason.MENU, "all capitals")


def test_names_are_unique() -> None:
    with pytest.raises(ConfigError, match="unique"):
        Cleaner([DropShouting(), DropShouting()])


def test_without_replace_insert_return_new_cleaners() -> None:
    base = Cleaner.default()
    assert base.names == tuple(f.name for f in default_filters())
    smaller = base.without("duplicates", "truncation")
    assert "duplicates" in base.names and "duplicates" not in smaller.names
    added = base.insert(DropShouting(), before="body-region")
    assert added.names.index("shouting") == added.names.index("body-region") - 1
    after = base.insert(DropShouting(), after="headline")
    assert after.names[base.names.index("headline") + 1] == "shouting"
    replaced = base.replace("chrome", DropShouting())
    assert replaced.names[base.names.index("chrome")] == "shouting"
    with pytest.raises(KeyError, match="no filter named"):
        base.without("nope")
    with pytest.raises(ConfigError):
        base.insert(DropShouting(), before="chrome", after="chrome")


def test_custom_filter_decisions_are_reported() -> None:
    raw = "BREAKING NEWS\nThe ferry service resumed on Monday after the storm passed."
    result = Cleaner([DropShouting()])(raw)
    assert result.removals[0].filter == "shouting"
    assert result.text == "The ferry service resumed on Monday after the storm passed."


def test_filter_with_a_bad_span_is_an_error() -> None:
    @dataclass(frozen=True)
    class Broken:
        name: str = "broken"

        def __call__(self, page: Page) -> Iterator[Removal]:
            b = page.kept[0]
            yield Removal(self.name, Reason.MENU, "x", b.start, b.end + 50, b.index)

    with pytest.raises(FilterError, match="not inside block"):
        Cleaner([Broken()])("one line\nanother line")


def test_overlapping_removals_are_recorded_once() -> None:
    @dataclass(frozen=True)
    class Half:
        name: str

        def __call__(self, page: Page) -> Iterator[Removal]:
            for b in page.kept:
                yield Removal(self.name, Reason.MENU, page.raw[b.start : b.start + 4], b.start,
                              b.start + 4, b.index)  # fmt: skip
                yield remove_block(self.name, b, Reason.MENU)

    raw = "abcdefgh ijkl"
    result = Cleaner([Half("a"), Half("b")])(raw)
    assert [(r.start, r.end) for r in result.removals] == [(0, 4), (4, 13)]
    assert result.text == ""
    assert_lossless(raw, result)


def test_plugins_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeEntryPoint:
        name = "shouting"

        def load(self) -> type:
            return DropShouting

    monkeypatch.setattr(dechaff.pipeline, "entry_points", lambda group: [FakeEntryPoint()])
    assert Cleaner.default(plugins=True).names[-1] == "shouting"


def test_deterministic_and_thread_safe() -> None:
    pages = [f.raw for f in fixtures()]
    serial = [clean(p) for p in pages]
    clean("Something else first. " * 50)
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(clean, pages * 2))
    assert threaded == serial * 2


def test_result_serialises() -> None:
    result = clean((fixtures()[0]).raw)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["text"] == result.text
    assert data["removals"][0]["reason"] in {r.value for r in Reason}
    assert pickle.loads(pickle.dumps(result)) == result
    summary = result.summary()
    assert sum(v["count"] for v in summary.values()) == (
        len(result.removals) + len(result.repairs) + len(result.flags)
    )
    assert result.report().count("\n") + 1 >= len(result.removals)


def test_favour_presets_differ_and_are_checked() -> None:
    from dechaff.filters import BodyRegion, MainContent

    precise = Cleaner.default(settings=Settings(favour="precision"))
    generous = Cleaner.default(settings=Settings(favour="recall"))
    assert isinstance(precise["main-content"], MainContent)
    assert precise["main-content"].lead_levels is None  # type: ignore[attr-defined]
    assert isinstance(generous["body-region"], BodyRegion)
    assert generous["body-region"].gap_cost is not None  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match="favour"):
        Settings(favour="most")


def test_recall_keeps_a_second_run_of_prose_that_balanced_drops() -> None:
    first = "The council met on Monday and agreed to rebuild the old bridge by spring. " * 3
    second = "Engineers said the work would close the river road for eleven weeks in all. " * 3
    furniture = ["Weather in Oslo", "Jobs board", "Our partners", "Desk contacts", "Team sheet"]
    page = "\n".join([first, *furniture, second])
    balanced = Cleaner.default().without("block-model").clean_text(page)  # the rules' presets
    generous = Cleaner.default(settings=Settings(favour="recall")).without("block-model")
    assert len(generous.clean_text(page).kept) > len(balanced.kept)


def test_filter_settings_are_keywords_and_checked() -> None:
    from dechaff.filters import BodyRegion, Duplicates, MainContent

    with pytest.raises(TypeError):
        Duplicates(95.0)  # type: ignore[misc]
    assert Duplicates(near=95.0).near == 95.0
    with pytest.raises(ConfigError, match="near"):
        Duplicates(near=120.0)
    with pytest.raises(ConfigError, match="anchor_share"):
        BodyRegion(anchor_share=-0.1)
    with pytest.raises(ConfigError, match="lead_levels"):
        MainContent(lead_levels="3")  # type: ignore[arg-type]
    assert MainContent(lead_levels=None).lead_levels is None  # None switches leads off


def test_title_is_a_decision_later_filters_see() -> None:
    """The headline reaches later filters as ``page.headline``, and the result's title
    comes from the title decision, not from the shape of a removal."""
    from dataclasses import dataclass

    from dechaff import Cleaner
    from dechaff.filters import Headline

    seen: list[Title | None] = []

    @dataclass(frozen=True)
    class Watcher:
        name: str = "watcher"

        def __call__(self, page: Page) -> list[object]:
            seen.append(page.headline)
            return []

    raw = "Storm hits coast - Daily Bugle\nStorm hits coast\nRain fell all night on the town."
    result = Cleaner([Watcher(name="before"), Headline(), Watcher(name="after")])(raw)
    assert seen[0] is None
    assert (
        seen[1] is not None
        and seen[1].matched
        and raw.split("\n")[seen[1].block] == "Storm hits coast"
    )
    assert result.title == "Storm hits coast"


def test_a_filter_can_choose_the_title() -> None:
    from dataclasses import dataclass

    from dechaff import Cleaner, Reason, Title
    from dechaff.filters import remove_block

    @dataclass(frozen=True)
    class LastLineTitle:
        name: str = "last-line"

        def __call__(self, page: Page) -> list[object]:
            last = page.kept[-1]
            return [Title(self.name, last.index), remove_block(self.name, last, Reason.HEADLINE)]

    result = Cleaner([LastLineTitle()])("The town voted on Monday.\nA vote at last")
    assert result.title == "A vote at last"
    assert result.text == "The town voted on Monday."


def test_facts_are_read_once_for_html() -> None:
    from dechaff.reading import read_html, read_text

    html = (
        "<html><head><title>Storm hits coast | Bugle</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Storm hits coast</h1>"
        + "<p>The storm reached the coast at noon, and the town was flooded by evening.</p>" * 4
        + "</article></body></html>"
    )
    reading = read_html(html)
    assert reading.facts.document_title == "Storm hits coast | Bugle"
    assert reading.facts.heading is not None
    assert reading.blocks[reading.facts.heading.block].text == "Storm hits coast"
    assert reading.facts.main_share is not None and 0.8 < reading.facts.main_share <= 1
    assert read_text("Just text.\nMore text.").facts.heading is None


def test_the_old_name_of_the_headline_decision_warns_and_answers() -> None:
    decided = Title("headline", 0, score=1.0)
    page = Page(raw="Storm", blocks=(), kept=(), headline=decided)
    with pytest.warns(DeprecationWarning, match="Page.headline"):
        assert page.title is decided
