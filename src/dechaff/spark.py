"""Clean a text column of a Spark DataFrame (``pip install "dechaff[spark]"``).

Example (a crawl stored as Parquet or JSON lines)::

    from pyspark.sql import SparkSession
    from dechaff.spark import clean_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    crawl = spark.read.parquet("crawl/")        # or spark.read.json("crawl.jsonl")
    clean = clean_dataframe(crawl, "text")      # adds text_clean, text_title, text_report
    clean.write.parquet("clean/")

Each partition is cleaned by one :class:`~dechaff.Cleaner` built in the executor;
results are the same as :func:`dechaff.clean` page for page. The report is a JSON
string (the output of :meth:`~dechaff.CleanResult.to_dict` without the text), so
the columns store in Parquet or JSON lines as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .pipeline import Cleaner

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame


def clean_dataframe(
    frame: DataFrame,
    column: str = "text",
    *,
    cleaner: Cleaner | None = None,
    html: bool | None = None,
) -> DataFrame:
    """``frame`` with three more columns: ``<column>_clean``, ``<column>_title`` and
    ``<column>_report`` (JSON). ``html=None`` recognises HTML per row; ``True`` or
    ``False`` forces the mode. A null or non-string cell gives nulls; a row whose
    page cannot be cleaned gives a null text and a report ``{"error": ...}``.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    chosen = cleaner or Cleaner.default()
    schema = StructType(
        [
            *frame.schema.fields,
            StructField(f"{column}_clean", StringType(), True),
            StructField(f"{column}_title", StringType(), True),
            StructField(f"{column}_report", StringType(), True),
        ]
    )
    position = frame.columns.index(column)

    def clean_partition(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        for row in rows:
            yield (*row, *_clean_cell(chosen, row[position], html))

    return frame.sparkSession.createDataFrame(frame.rdd.mapPartitions(clean_partition), schema)


def _clean_cell(
    cleaner: Cleaner, value: object, html: bool | None
) -> tuple[str | None, str | None, str | None]:
    if not isinstance(value, (str, bytes)):
        return None, None, None
    try:
        if html is None:
            result = cleaner(value)
        elif html:
            result = cleaner.clean_html(value)
        else:
            result = cleaner.clean_text(value)
    except Exception as error:  # one bad page must not fail the job
        return None, None, json.dumps({"error": f"{type(error).__name__}: {error}"})
    report = result.to_dict()
    report.pop("text")
    return result.text, result.title, json.dumps(report, ensure_ascii=False)
