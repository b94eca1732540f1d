"""Assertions shared by the tests: a drop is checked together with its reason."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dechaff import CleanResult, ConfigError, Page, problems
from dechaff.report import Decision


def reasons_for(result: CleanResult, text: str) -> set[str]:
    """Reason slugs of the removals whose text contains ``text``."""
    return {r.reason.value for r in result.removals if text in r.text}


def assert_removed(result: CleanResult, text: str, reason: str) -> None:
    found = reasons_for(result, text)
    assert reason in found, f"{text!r} removed for {sorted(found) or 'nothing'}, not {reason!r}"
    assert text not in result.text


def assert_kept(result: CleanResult, text: str) -> None:
    assert text in result.text, f"{text!r} was dropped: {sorted(reasons_for(result, text))}"


def assert_range_edge(filter_class: Any, setting: str, good: float, bad: float) -> None:
    """``filter_class`` takes ``good`` for ``setting`` (the edge of its range) and
    refuses ``bad`` (just past it), naming the setting."""
    assert getattr(filter_class(**{setting: good}), setting) == good
    with pytest.raises(ConfigError, match=setting):
        filter_class(**{setting: bad})


class PageSpy:
    """A filter that removes nothing and keeps the last page it was shown, so that a
    test can read what the reading stage or earlier filters gave later ones."""

    name = "page-spy"

    def __init__(self) -> None:
        self.page: Page | None = None

    def __call__(self, page: Page) -> list[Decision]:
        self.page = page
        return []


def assert_lossless(raw: str, result: CleanResult) -> None:
    assert problems(raw, result) == []


PROSE = (
    "The city council voted on Tuesday to expand the tram network to the northern suburbs, "
    "a project that has been debated for more than a decade."
)
PROSE2 = (
    "Construction is expected to begin next spring and to last three years, according to "
    "the transport department, which will publish a detailed timetable in January."
)
"""Two paragraphs of running prose the filters' tests build pages from."""

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
AEB = ROOT.parent / "shared" / "data" / "aeb"
TRAFILATURA_EVAL = ROOT.parent / "shared" / "data" / "trafilatura-eval"


@dataclass(frozen=True)
class Fixture:
    name: str
    raw: str
    expected: str
    meta: dict[str, object]


def fixtures() -> list[Fixture]:
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        found.append(
            Fixture(
                folder.name,
                (folder / "page.txt").read_text("utf-8"),
                (folder / "expected.txt").read_text("utf-8"),
                json.loads((folder / "meta.json").read_text("utf-8")),
            )
        )
    return found
