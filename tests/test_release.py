"""What a release promises beyond the code: every public name documented and in
the API reference, the changelog at this version, the docs site's pages all in
its navigation. (Building the packages and the site runs in CI: .ci/package and
``mkdocs build --strict``.)"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dechaff

ROOT = Path(__file__).resolve().parent.parent
API_PAGE = ROOT / "docs" / "api.md"
ELSEWHERE = {"default_filters": "dechaff.filters.default_filters"}
"""Public names the package makes on first use, documented where they are defined."""


def public_callables() -> Iterator[tuple[str, Any]]:
    """Each public function, and each public method of each public class."""
    for name in dechaff.__all__:
        obj = getattr(dechaff, name)
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj):
            for member, value in vars(obj).items():
                function = getattr(value, "__func__", value)
                if (not member.startswith("_") or member == "__call__") and inspect.isfunction(
                    function
                ):
                    yield f"{name}.{member}", function


def test_every_public_name_has_an_entry_in_the_api_reference() -> None:
    entries = set(re.findall(r"^::: ([\w.]+)$", API_PAGE.read_text("utf-8"), re.MULTILINE))
    expected = {ELSEWHERE.get(name, f"dechaff.{name}") for name in dechaff.__all__}
    assert expected - entries == set(), "missing from docs/api.md"
    assert entries - expected == set(), "docs/api.md names what dechaff does not export"


@pytest.mark.parametrize("name", dechaff.__all__)
def test_every_public_name_has_a_docstring(name: str) -> None:
    assert (inspect.getdoc(getattr(dechaff, name)) or "").strip()


@pytest.mark.parametrize(("name", "function"), list(public_callables()))
def test_a_docstring_names_each_parameter_it_takes(name: str, function: Any) -> None:
    doc = inspect.getdoc(function) or ""
    assert doc.strip(), f"{name} has no docstring"
    parameters = [p for p in inspect.signature(function).parameters if p not in {"self", "cls"}]
    unnamed = [p for p in parameters if not re.search(rf"\b{p}\b", doc)]
    assert not unnamed, f"{name}'s docstring does not say what {unnamed} are"


def test_the_changelog_is_at_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.MULTILINE)
    assert versions[0] == ("Unreleased", "")
    released = [(v, day) for v, day in versions[1:]]
    assert released[0][0] == dechaff.__version__
    assert all(day for _, day in released), "every released version has its date"
    assert released[-1][0] == "0.1.0"
    days = [day for _, day in released]
    assert days == sorted(days, reverse=True), "newest first"
    for section in re.findall(r"^### (\w+)$", text, re.MULTILINE):
        assert section in {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_site_navigation_holds_every_page_and_only_real_ones() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    listed = set(re.findall(r":\s*([\w-]+\.md)\s*$", config, re.MULTILINE))
    pages = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert listed == pages
