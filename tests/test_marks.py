"""The marks and letters sentences are read by have one home, dechaff.marks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dechaff.blocks import segment
from dechaff.marks import SENTENCE_ENDS, UPPER
from dechaff.repair.copies import held_by_glued_copies

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dechaff"


@pytest.mark.parametrize("spelled", ["。！？", "A-ZÀ-Ö", "a-zß-ö", "”’»)"])
def test_no_module_spells_out_the_marks_again(spelled: str) -> None:
    sources = {p.name: p.read_text("utf-8") for p in PACKAGE.rglob("*.py")}
    assert spelled in sources["marks.py"] or spelled == "”’»)"
    again = sorted(name for name, text in sources.items() if spelled in text and name != "marks.py")
    assert not again, f"{spelled!r} spelled out in {again}"


@pytest.mark.parametrize("capital", ["Ё", "Ł", "Ś", "Ž"])
def test_capitals_of_every_known_script_open_sentences(capital: str) -> None:
    assert re.fullmatch(f"[{UPPER}]", capital)
    assert re.fullmatch(f"[{UPPER}]", capital.lower()) is None


def test_a_glued_copy_counts_sentences_run_into_capitals_of_any_known_script() -> None:
    """Sentences glued without a space before "Ё" or "Ł" count as sentences, as
    they do before "E" or "L" (the glued-copy finder once knew only the latter)."""
    paragraphs = [
        f"Paragraph {n} of the story tells what happened in the town on day {n}."
        for n in range(1, 7)
    ]
    for capital in ("E", "Ё", "Ł"):
        glued = "".join(p[:-1] + "." + capital + "x" for p in paragraphs)
        blocks = segment("\n".join([glued, *paragraphs]))
        assert held_by_glued_copies(blocks), capital
    assert set(".。") <= SENTENCE_ENDS
