"""Clean a text column of a Spark DataFrame (PySpark; see docs/corpora.md).

Example (a crawl stored as Parquet or JSON lines)::

    from pyspark.sql import SparkSession
    from dechaff.spark import clean_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    crawl = spark.read.parquet("crawl/")        # or spark.read.json("crawl.jsonl")
    clean = clean_dataframe(crawl, "text")      # adds text_clean, text_title, text_report
    clean.write.parquet("clean/")

Pages are cleaned by a Python UDF (DataFrame operations only, no RDDs, so the
same code runs on a classic session and on Spark Connect); results are the same
as :func:`dechaff.clean` page for page. The report is a JSON string (the output
of :meth:`~dechaff.CleanResult.to_dict` without the text), so the columns store
in Parquet or JSON lines as they are.

With site profiles (:func:`learn_sites`, :func:`clean_across_pages`) the work is
two stages: each page's distinct line hashes are counted per site by a group-by
(stage one: a shuffle of one 8-byte hash per distinct line of each page), the
lines that pass the thresholds of :class:`~dechaff.Settings` are gathered per
site and joined back to the pages, and each page is cleaned with its site's
boilerplate (stage two). The result equals the single-machine path
(:class:`~dechaff.profile.SiteProfile`) page for page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .batch import Cell, clean_cell
from .markdown import MarkdownOptions
from .page import Settings
from .pipeline import Cleaner
from .profile import SiteEvidence

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import Column, DataFrame


def clean_dataframe(
    frame: DataFrame,
    column: str = "text",
    *,
    cleaner: Cleaner | None = None,
    html: bool | None = None,
    markdown: bool | MarkdownOptions = False,
) -> DataFrame:
    """``frame`` with three more columns: ``<column>_clean``, ``<column>_title`` and
    ``<column>_report`` (JSON), and ``<column>_markdown`` (the body as Markdown) when
    ``markdown``. ``html=None`` recognises HTML per row; ``True`` or ``False`` forces
    the mode. A null or non-string cell gives nulls; a row whose page cannot be
    cleaned gives a null text and a report ``{"error": ...}``.
    """
    from pyspark.sql import functions as F

    chosen = cleaner or Cleaner.default()

    def clean(page: object) -> Any:
        return clean_cell(chosen, page, html, None, markdown)

    udf = F.udf(clean, _result_type(), useArrow=False)
    return _with_result(frame, column, udf(F.col(column)), markdown)


@dataclass(frozen=True)
class SiteLines:
    """Stage one's result: per site, how many pages it has, and per line on how many
    of them it stands (the DataFrame form of a :class:`~dechaff.profile.SiteProfile`)."""

    pages: DataFrame
    """Columns ``site`` (string), ``pages`` (long)."""
    lines: DataFrame
    """Columns ``site`` (string), ``line`` (long: the line's hash), ``seen`` (long)."""


def learn_sites(frame: DataFrame, column: str = "text", site_column: str = "url") -> SiteLines:
    """Stage one: count each page's distinct lines per site. ``site_column`` names a
    page's site; a web address stands for its host (see
    :func:`dechaff.corpus.site_key`). Rows without a site or a page are left out."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, LongType, StringType

    site = F.udf(_site_key, StringType(), useArrow=False)
    hashes = F.udf(_hashes, ArrayType(LongType()), useArrow=False)
    pages = frame.select(
        site(F.col(site_column)).alias("site"), hashes(F.col(column)).alias("lines")
    ).where(F.col("site").isNotNull() & F.col("lines").isNotNull())
    per_site = pages.groupBy("site").agg(F.count(F.lit(1)).alias("pages"))
    lines = (
        pages.select("site", F.explode("lines").alias("line"))
        .groupBy("site", "line")
        .agg(F.count(F.lit(1)).alias("seen"))
    )
    return SiteLines(per_site, lines)


def clean_across_pages(
    frame: DataFrame,
    column: str = "text",
    site_column: str = "url",
    *,
    cleaner: Cleaner | None = None,
    html: bool | None = None,
    sites: SiteLines | None = None,
    markdown: bool | MarkdownOptions = False,
) -> DataFrame:
    """Stage two: ``frame`` cleaned as :func:`clean_dataframe` cleans it, each page
    with its site's boilerplate, from ``sites`` (learned from ``frame`` itself when
    ``None``). The thresholds are the cleaner's settings (``site_min_pages``,
    ``site_min_share``, ``site_min_site_pages``)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    chosen = cleaner or Cleaner.default()
    learned = sites or learn_sites(frame, column, site_column)
    boilerplate = _boilerplate(learned, chosen.settings)
    site = F.udf(_site_key, StringType(), useArrow=False)
    keyed = frame.withColumn("__site", site(F.col(site_column)))
    joined = keyed.join(boilerplate, on="__site", how="left")

    def clean(page: object, name: str | None, pages: int | None, lines: Any) -> Any:
        evidence = SiteEvidence(name, pages, dict(lines)) if name and pages and lines else None
        return clean_cell(chosen, page, html, evidence, markdown)

    udf = F.udf(clean, _result_type(), useArrow=False)
    result = udf(F.col(column), F.col("__site"), F.col("__pages"), F.col("__lines"))
    return _with_result(joined, column, result, markdown).drop("__site", "__pages", "__lines")


def _boilerplate(sites: SiteLines, settings: Settings) -> DataFrame:
    """Per site with enough pages, the map of its boilerplate lines to their counts."""
    from pyspark.sql import functions as F

    enough = sites.pages.where(F.col("pages") >= settings.site_min_site_pages)
    need = F.greatest(
        F.lit(float(settings.site_min_pages)), settings.site_min_share * F.col("pages")
    )
    return (
        sites.lines.join(enough, on="site")
        .where(F.col("seen") >= need)
        .groupBy("site", "pages")
        .agg(F.map_from_entries(F.collect_list(F.struct("line", "seen"))).alias("__lines"))
        .withColumnRenamed("site", "__site")
        .withColumnRenamed("pages", "__pages")
    )


def _with_result(
    frame: DataFrame, column: str, result: Column, markdown: bool | MarkdownOptions
) -> DataFrame:
    from pyspark.sql import functions as F

    out = frame.withColumn("__result", result)
    for part in Cell.parts(markdown):
        out = out.withColumn(f"{column}_{part}", F.col(f"__result.{part}"))
    return out.drop("__result")


def _result_type() -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(part, StringType(), True) for part in Cell._fields])


def _site_key(value: object) -> str | None:
    from .corpus import site_key

    return site_key(value)


def _hashes(page: object) -> list[int] | None:
    from .corpus import page_text_hashes

    return sorted(page_text_hashes(page)) if isinstance(page, str) else None
