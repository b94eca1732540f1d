"""Accuracy floors on the three shared sets, both modes, from benchmarks/floors.json.

The floors are measured and raised by ``benchmarks/floors.py`` and never lowered
without a reason the file keeps; each holds on the data it was measured on (by its
digest). Skipped, saying why, where a set's data is absent or differs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
from floors import FLOORS, MODES, data_digest, measure  # noqa: E402
from sets import SET_NAMES, load  # noqa: E402

pytestmark = pytest.mark.slow
FLOOR_DATA = json.loads(FLOORS.read_text("utf-8"))


def test_every_set_and_mode_has_a_floor() -> None:
    assert sorted(FLOOR_DATA["sets"]) == sorted(SET_NAMES)
    for name in SET_NAMES:
        assert all(0.5 < FLOOR_DATA["sets"][name][mode] <= 1 for mode in MODES)


@pytest.mark.parametrize("name", SET_NAMES)
@pytest.mark.parametrize("mode", MODES)
def test_the_floor_holds(name: str, mode: str) -> None:
    try:
        bench = load(name)
    except FileNotFoundError as missing:
        pytest.skip(f"benchmark data not found ({missing.filename}); it lives in ../shared/data")
    entry = FLOOR_DATA["sets"][name]
    if data_digest(bench) != entry["digest"]:
        pytest.skip(f"{name}: not the data the floors were measured on ({entry['digest']})")
    f1 = measure(bench, mode, workers=1)
    assert f1 >= entry[mode], f"{name}/{mode} F1 {f1:.4f} under its floor {entry[mode]}"
