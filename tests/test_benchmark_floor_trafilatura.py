"""Accuracy floors on the trafilatura evaluation pages (skipped where the data is absent)."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import TRAFILATURA_EVAL

from dechaff import Cleaner
from dechaff.evaluation import aggregate_snippets, score_snippets

TEXT_FLOOR = 0.883
HTML_FLOOR = 0.942

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (TRAFILATURA_EVAL / "evaldata.json").exists(),
        reason=f"benchmark data not found at {TRAFILATURA_EVAL} (../shared/data/trafilatura-eval)",
    ),
]


def snippets() -> dict[str, tuple[list[str], list[str]]]:
    data = json.loads((TRAFILATURA_EVAL / "evaldata.json").read_text("utf-8"))
    return {page: (entry["with"], entry["without"]) for page, entry in data.items()}


def test_text_mode_floor() -> None:
    cleaner = Cleaner.default()
    scores = [
        score_snippets(
            cleaner.clean_text((TRAFILATURA_EVAL / "raw" / f"{page}.txt").read_text("utf-8")).text,
            body, chaff,
        )
        for page, (body, chaff) in snippets().items()
    ]  # fmt: skip
    summary = aggregate_snippets(scores)
    assert summary.f1 >= TEXT_FLOOR, f"text-mode F1 {summary.f1:.4f} under {TEXT_FLOOR}"


def test_html_mode_floor() -> None:
    cleaner = Cleaner.default()
    scores = [
        score_snippets(
            cleaner.clean_html(
                gzip.decompress((TRAFILATURA_EVAL / "html" / f"{page}.html.gz").read_bytes())
            ).text,
            body, chaff,
        )
        for page, (body, chaff) in snippets().items()
    ]  # fmt: skip
    summary = aggregate_snippets(scores)
    assert summary.f1 >= HTML_FLOOR, f"HTML-mode F1 {summary.f1:.4f} under {HTML_FLOOR}"
