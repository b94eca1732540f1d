"""Spark Connect: the same functions, on a session that has no RDDs and runs the
UDFs in a server, give the results clean() gives on one machine."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from helpers import fixtures

from dechaff import SiteProfile, clean

pytestmark = pytest.mark.slow

pytest.importorskip("pyspark", reason="pyspark not installed (pip install .[spark])")
pytest.importorskip("grpc", reason="Spark Connect's client is not installed (pyspark[connect])")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

# A session of its own, in a process of its own: a Connect server and a classic
# session do not share one JVM.
SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from dechaff.spark import clean_across_pages, clean_dataframe, learn_sites

    pages, sites = json.load(sys.stdin)
    spark = SparkSession.builder.remote("local[2]").getOrCreate()
    assert type(spark).__module__.startswith("pyspark.sql.connect")
    frame = spark.createDataFrame(pages, "name string, text string")
    rows = clean_dataframe(frame, "text").collect()
    cleaned = {r["name"]: [r["text_clean"], r["text_title"]] for r in rows}
    frame = spark.createDataFrame(sites, "name string, url string, text string")
    learned = learn_sites(frame, "text", "url")
    rows = clean_across_pages(frame, "text", "url", sites=learned).collect()
    across = {r["name"]: r["text_clean"] for r in rows}
    spark.stop()
    print(json.dumps([cleaned, across]))
    """
)


def test_connect_session_cleans_like_clean() -> None:
    from test_profile import _page

    pages = [(f.name, f.raw) for f in fixtures()] + [("none", None)]
    sites = [(f"c{n}", f"https://courier.example/{n}", _page(n)) for n in range(12)]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=json.dumps([pages, sites]),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    cleaned, across = json.loads(done.stdout.strip().splitlines()[-1])
    assert cleaned.pop("none") == [None, None]
    for name, raw in pages[:-1]:
        expected = clean(raw)
        assert cleaned[name] == [expected.text, expected.title], name
    profile = SiteProfile()
    for _, _, text in sites:
        profile.learn(text, "courier.example")
    for name, _, text in sites:
        assert across[name] == clean(text, site=profile.evidence("courier.example")).text
