"""Clean a column of a Hugging Face ``datasets.Dataset`` with ``map``.

    from datasets import load_dataset
    from dechaff.integrations.hf import clean_batch

    ds = load_dataset("json", data_files="crawl.jsonl", split="train")
    ds = ds.map(clean_batch, batched=True, fn_kwargs={"column": "text"}, num_proc=4)

Each batch gains ``<column>_clean`` (the body), ``<column>_title`` and
``<column>_report`` (the report as JSON text: :meth:`~dechaff.CleanResult.to_dict`
without the text), and ``<column>_markdown`` (the body as Markdown) with
``fn_kwargs={"column": "text", "markdown": True}``. A cell that is not a string,
or a page that fails, gives a null body and title and a report ``{"error": …}``:
one bad row never stops the map.
"""

from __future__ import annotations

import json
from typing import Any

from ..batch import Cell, clean_cell
from ..markdown import MarkdownOptions
from ..pipeline import Cleaner


def clean_batch(
    batch: dict[str, list[Any]],
    column: str = "text",
    cleaner: Cleaner | None = None,
    markdown: bool | MarkdownOptions = False,
) -> dict[str, list[Any]]:
    """The new columns for one batch (``datasets`` adds them to the dataset): the
    three, and ``<column>_markdown`` when ``markdown``."""
    chosen = cleaner or Cleaner.default()
    parts = Cell.parts(markdown)
    columns: dict[str, list[Any]] = {f"{column}_{part}": [] for part in parts}
    for page in batch[column]:
        cell = _clean_cell(chosen, page, markdown)
        for part in parts:
            columns[f"{column}_{part}"].append(getattr(cell, part))
    return columns


def _clean_cell(cleaner: Cleaner, page: object, markdown: bool | MarkdownOptions) -> Cell:
    if not isinstance(page, (str, bytes)):  # (a report that says so, in a dataset)
        return Cell(None, None, json.dumps({"error": f"not a page: {type(page).__name__}"}))
    return clean_cell(cleaner, page, markdown=markdown)
