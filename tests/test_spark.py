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
