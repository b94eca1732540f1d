"""Spark: a real local session cleans a DataFrame column page for page like clean()."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import fixtures

from dechaff import clean

pytestmark = pytest.mark.slow

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (pip install .[spark])")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # Spark's workers start PYSPARK_PYTHON (else the first python3 on PATH, which
    # need not have dechaff): run them on this interpreter.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dechaff-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_clean_dataframe_matches_clean(spark: Any, tmp_path: Any) -> None:
    from dechaff.spark import clean_dataframe

    pages = [(f.name, f.raw) for f in fixtures()] + [("none", None)]
    frame = spark.createDataFrame(pages, "name string, text string").repartition(2)
    cleaned = clean_dataframe(frame, "text")
    path = str(tmp_path / "out.parquet")
    cleaned.write.parquet(path)
    rows = {r["name"]: r for r in spark.read.parquet(path).collect()}
    assert len(rows) == len(pages)
    for name, raw in pages:
        row = rows[name]
        if raw is None:
            assert row["text_clean"] is None and row["text_report"] is None
            continue
        expected = clean(raw)
        assert row["text_clean"] == expected.text
        assert row["text_title"] == expected.title
        report = json.loads(row["text_report"])
        assert [r["reason"] for r in report["removals"]] == [
            r.reason.value for r in expected.removals
        ]


def test_clean_dataframe_adds_the_markdown_when_asked(spark: Any) -> None:
    from dechaff.spark import clean_dataframe

    html = "<html><body><article><h2>Ferry back</h2><ul><li>First crossing full</li>"
    html += "<li>More to follow on Tuesday</li></ul></article></body></html>"
    frame = spark.createDataFrame([(html,), (None,)], "text string")
    plain = clean_dataframe(frame, "text")
    assert "text_markdown" not in plain.columns
    rows = clean_dataframe(frame, "text", markdown=True).collect()
    assert [r["text_markdown"] for r in rows] == [clean(html).markdown(), None]
    assert "## Ferry back" in rows[0]["text_markdown"]


def test_the_two_stages_equal_the_single_machine_path(spark: Any) -> None:
    """Site profiles on Spark (group-by, join back) clean every page as a SiteProfile
    learned on one machine does."""
    from test_profile import FOOTER, _page

    from dechaff import SiteProfile
    from dechaff.spark import clean_across_pages, learn_sites

    rows = [(f"c{n}", f"https://courier.example/{n}", _page(n)) for n in range(14)]
    rows += [(f"o{n}", f"https://other.example/{n}", _page(n)) for n in range(4)]  # too few
    rows += [
        ("none", None, "A page without a site, and its lines are its own."),
        ("x", "a.b", None),
    ]
    frame = spark.createDataFrame(rows, "id string, url string, text string").repartition(3)
    sites = learn_sites(frame, "text", "url")
    pages = {r["site"]: r["pages"] for r in sites.pages.collect()}
    assert pages == {"courier.example": 14, "other.example": 4}  # no page, no count
    out = {r["id"]: r for r in clean_across_pages(frame, "text", "url", sites=sites).collect()}
    assert len(out) == len(rows)
    profile = SiteProfile()
    for _, url, text in rows:
        if url and text:
            profile.learn(text, site_of_url(url))
    for name, url, text in rows:
        if text is None:
            assert out[name]["text_clean"] is None
            continue
        site = profile.evidence(site_of_url(url)) if url else None
        assert out[name]["text_clean"] == clean(text, site=site).text, name
    assert FOOTER not in out["c3"]["text_clean"] and FOOTER in out["o1"]["text_clean"]


def site_of_url(url: str) -> str:
    from dechaff.corpus import site_key

    return site_key(url) or ""
