"""Clean a column of a Hugging Face ``datasets.Dataset`` with ``map``.

    from datasets import load_dataset
    from dechaff.integrations.hf import clean_batch

    ds = load_dataset("json", data_files="crawl.jsonl", split="train")
    ds = ds.map(clean_batch, batched=True, fn_kwargs={"column": "text"}, num_proc=4)

Each batch gains ``<column>_clean`` (the body), ``<column>_title`` and
``<column>_report`` (the report as JSON text: :meth:`~dechaff.CleanResult.to_dict`
without the text). A cell that is not a string, or a page that fails, gives a null
body and title and a report ``{"error": …}``: one bad row never stops the map.
"""

from __future__ import annotations

import json
from typing import Any

from ..batch import clean_cell
from ..pipeline import Cleaner


def clean_batch(
    batch: dict[str, list[Any]], column: str = "text", cleaner: Cleaner | None = None
) -> dict[str, list[Any]]:
    """The three new columns for one batch (``datasets`` adds them to the dataset)."""
    chosen = cleaner or Cleaner.default()
    bodies: list[str | None] = []
    titles: list[str | None] = []
    reports: list[str | None] = []
    for page in batch[column]:
        body, title, report = _clean_cell(chosen, page)
        bodies.append(body)
        titles.append(title)
        reports.append(report)
    return {f"{column}_clean": bodies, f"{column}_title": titles, f"{column}_report": reports}


def _clean_cell(cleaner: Cleaner, page: object) -> tuple[str | None, str | None, str | None]:
    if not isinstance(page, (str, bytes)):  # (a report that says so, in a dataset)
        return None, None, json.dumps({"error": f"not a page: {type(page).__name__}"})
    return clean_cell(cleaner, page)
