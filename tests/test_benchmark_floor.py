"""Accuracy floors on the Article Extraction Benchmark (skipped where the data is absent)."""

from __future__ import annotations

import gzip
import json

import pytest
from helpers import AEB

from dechaff import Cleaner
from dechaff.evaluation import aggregate, score_page

TEXT_FLOOR = 0.943
HTML_FLOOR = 0.978

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (AEB / "ground-truth.json").exists(),
        reason=f"benchmark data not found at {AEB} (it lives in ../shared/data/aeb)",
    ),
]


def truth() -> dict[str, str]:
    data = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    return {page: entry["articleBody"] for page, entry in data.items()}


def test_text_mode_floor() -> None:
    cleaner = Cleaner.default()
    gold = truth()
    scores = [
        score_page(cleaner.clean_text((AEB / "raw" / f"{page}.txt").read_text("utf-8")).text, body)
        for page, body in gold.items()
    ]
    summary = aggregate(scores)
    assert summary.f1 >= TEXT_FLOOR, f"text-mode F1 {summary.f1:.4f} under {TEXT_FLOOR}"
    assert summary.precision >= 0.90


def test_html_mode_floor() -> None:
    cleaner = Cleaner.default()
    gold = truth()
    scores = [
        score_page(
            cleaner.clean_html(
                gzip.decompress((AEB / "html" / f"{page}.html.gz").read_bytes())
            ).text,
            body,
        )
        for page, body in gold.items()
    ]
    summary = aggregate(scores)
    assert summary.f1 >= HTML_FLOOR, f"HTML-mode F1 {summary.f1:.4f} under {HTML_FLOOR}"
