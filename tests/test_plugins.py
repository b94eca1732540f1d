"""A plugin filter installed through the entry point, with a reason of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dechaff import Cleaner, ConfigError, PluginReason
from dechaff.cli import main

PLUGIN = """
from dataclasses import dataclass

from dechaff import PluginReason
from dechaff.filters import remove_block

SOFT_WALL = PluginReason("paywall:soft-wall")


@dataclass(frozen=True)
class SoftWall:
    name: str = "paywall"

    def __call__(self, page):
        for block in page.kept:
            if block.text.startswith("Subscribers read on"):
                yield remove_block(self.name, block, SOFT_WALL, "the paywall's teaser line")
"""

PAGE = (
    "The council approved the tram plan on Tuesday, and work starts in the spring.\n"
    "Subscribers read on: the full plan, with maps and costs.\n"
    "The buses keep running on the old routes until the new line opens next year."
)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A distribution with the plugin, on the path as pip would leave it."""
    (tmp_path / "paywall_plugin.py").write_text(PLUGIN, "utf-8")
    info = tmp_path / "paywall_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: paywall-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[dechaff.filters]\npaywall = paywall_plugin:SoftWall\n")
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_plugin_reason_flows_through_the_report(installed: None) -> None:
    result = Cleaner.default(plugins=True)(PAGE)
    (removal,) = [r for r in result.removals if r.filter == "paywall"]
    assert removal.reason == PluginReason("paywall:soft-wall")
    assert "paywall/paywall:soft-wall" in result.summary()
    assert "paywall/paywall:soft-wall" in result.report()
    assert result.to_dict()["removals"][0]["reason"] == "paywall:soft-wall"
    assert "Subscribers" not in result.text


def test_the_command_line_runs_plugins(
    installed: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    assert main(["--plugins", "--to", "json", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "paywall/paywall:soft-wall" in record["summary"]


def test_a_plugin_reason_is_namespaced() -> None:
    with pytest.raises(ConfigError):
        PluginReason("menu")  # a built-in's name without a namespace
