"""Evidence between filters: a reason declares what its removals tell the filters
after it, and the body model reads those categories, never particular reasons."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from dechaff import Cleaner, Page, PluginReason, Reason, Removal
from dechaff.filters import BodyRegion, PageChrome
from dechaff.filters.chrome import Rule
from dechaff.report import REASON_EVIDENCE, Evidence

PROSE = "The council met on Tuesday and voted to rebuild the old bridge before winter. " * 2
REPLY = "Great article, I agree with everything the council said about the bridge today. " * 2
PAGE = "\n".join([PROSE, PROSE, PROSE, "MARK", REPLY, REPLY])


def _marker(reason: PluginReason) -> object:
    """A plugin filter that removes the line ``MARK`` for ``reason``."""

    def mark(page: Page) -> Iterator[Removal]:
        for b in page.kept:
            if b.text == "MARK":
                yield Removal("mark", reason, b.text, b.start, b.end, b.index)

    mark.name = "mark"  # type: ignore[attr-defined]
    return mark


def _removed(evidence: frozenset[Evidence]) -> list[str]:
    marker = _marker(PluginReason("forum:mark", evidence))
    result = Cleaner([marker, BodyRegion()])(PAGE)  # type: ignore[list-item]
    return [r.reason.value for r in result.removals]


def test_a_reason_that_declares_the_article_ended_ends_the_body() -> None:
    assert _removed(frozenset()) == ["forum:mark"]  # no evidence: the replies stay
    ended = _removed(frozenset({Evidence.ARTICLE_END}))
    assert ended == ["forum:mark", "outside-body", "outside-body"]


def test_a_plugin_reason_declares_no_evidence_unless_told() -> None:
    assert PluginReason("forum:mark").evidence == frozenset()
    declared = PluginReason("forum:mark", frozenset({Evidence.CHROME}))
    assert declared == PluginReason("forum:mark")  # the slug alone names the reason
    assert declared.evidence == {Evidence.CHROME}


def test_built_in_reasons_declare_their_evidence() -> None:
    assert Evidence.ARTICLE_END in Reason.COMMENTS.evidence
    assert Evidence.SECTION_END in Reason.RELATED_LIST.evidence
    assert Evidence.BOILERPLATE in Reason.SITE_BOILERPLATE.evidence
    assert Reason.AD_MARKER.evidence == frozenset()  # an ad slot says nothing of the shape
    assert all(Evidence.CHROME in e for e in REASON_EVIDENCE.values())


def test_menu_like_runs_count_lines_removed_as_chrome() -> None:
    """Five one-word lines in a row are a wall between two runs of prose, whether
    kept or removed for a reason that declares them chrome; lines removed for a
    reason that declares nothing break the run."""
    words = ["Home", "News", "Sport", "Weather", "Contact"]
    page = "\n".join([PROSE, *words, PROSE])

    def drop(evidence: frozenset[Evidence]) -> object:
        reason = PluginReason("site:nav", evidence)

        def nav(page: Page) -> Iterator[Removal]:
            for b in page.kept:
                if b.text in ("News", "Weather"):
                    yield Removal("nav", reason, b.text, b.start, b.end, b.index)

        nav.name = "nav"  # type: ignore[attr-defined]
        return nav

    region = BodyRegion(gap_cost=1.0)
    chrome = Cleaner([drop(frozenset({Evidence.CHROME})), region])(page)  # type: ignore[list-item]
    other = Cleaner([drop(frozenset()), region])(page)  # type: ignore[list-item]
    assert chrome.text.count("council") == 2 and other.text.count("council") == 4
    assert PROSE.strip() == chrome.text


def test_the_body_model_names_no_reason_but_its_own() -> None:
    source = Path(BodyRegion.__module__.replace(".", "/") + ".py")
    tree = ast.parse((Path(__file__).parent.parent / "src" / source).read_text("utf-8"))
    named = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Reason"
    }
    assert named == {"OUTSIDE_BODY"}


@pytest.mark.parametrize(
    ("line", "caught"),
    [("By Jane Doe", True), ("By Jane Doe. She writes. On rivers.", False)],
)
def test_a_rule_bounds_its_sentence_marks(line: str, caught: bool) -> None:
    assert (
        Rule(Reason.BYLINE_DATELINE, r"by .*", starts=frozenset({"by"})).max_sentence_marks is None
    )
    rule = Rule(Reason.BYLINE_DATELINE, r"by .*", starts=frozenset({"by"}), max_sentence_marks=1)
    result = Cleaner([PageChrome(rules=(rule,))])(line)
    assert bool(result.removals) is caught


@pytest.mark.parametrize(
    ("line", "caught"),
    [("This site uses cookies.", True), ("Cookies for sale at the bake stall.", False)],
)
def test_a_rule_can_require_a_second_pattern(line: str, caught: bool) -> None:
    rule = Rule(Reason.COOKIE_NOTICE, r"(?<!\w)cookies?", whole_line=False,
                contains=("cookie",), requires=r"\buses?\b")  # fmt: skip
    loose = Rule(Reason.COOKIE_NOTICE, r"(?<!\w)cookies?", whole_line=False, contains=("cookie",))
    assert Cleaner([PageChrome(rules=(loose,))])(line).removals  # the pattern alone catches it
    assert bool(Cleaner([PageChrome(rules=(rule,))])(line).removals) is caught
