"""A datatrove pipeline step that cleans each document's text with dechaff.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from dechaff.integrations.datatrove import DechaffCleaner

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),            # documents whose text is each page's HTML
        DechaffCleaner(),                # the clean body, the report in the metadata
        JsonlWriter("clean/"),
    ], tasks=4).run()

A document's text becomes its clean body (HTML recognised by its start, as
:func:`dechaff.clean` does); its metadata gains ``dechaff`` (the report:
:meth:`~dechaff.CleanResult.to_dict` without the text, or only its ``summary``
with ``report="summary"``) and ``title``. A document that cannot be cleaned is
passed on unchanged with ``dechaff_error`` in its metadata; one whose body is
empty is dropped unless ``keep_empty``. The step's stats count both, and the
characters removed by reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..pipeline import Cleaner

REPORTS = ("full", "summary", "none")


class DechaffCleaner(PipelineStep):  # type: ignore[misc]  # (datatrove has no type hints)
    """Clean ``doc.text``; put the report in ``doc.metadata["dechaff"]``."""

    name = "🧹 dechaff"
    type = "✂️ - FORMAT"

    def __init__(
        self, cleaner: Cleaner | None = None, report: str = "full", keep_empty: bool = False
    ) -> None:
        super().__init__()
        if report not in REPORTS:
            raise ValueError(f"report is 'full', 'summary' or 'none', not {report!r}")
        self.cleaner = cleaner or Cleaner.default()
        self.report = report
        self.keep_empty = keep_empty

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        for doc in data:
            self.stat_update("documents")
            with self.track_time():
                cleaned = self._clean(doc)
            if cleaned is not None:
                yield cleaned

    def _clean(self, doc: Document) -> Document | None:
        try:
            result = self.cleaner(doc.text)
        except Exception as error:  # one bad document never stops the pipeline
            self.stat_update("failed")
            doc.metadata["dechaff_error"] = f"{type(error).__name__}: {error}"
            return doc
        for removal in result.removals:
            self.stat_update(
                f"removed_{removal.reason.value}", value=len(removal.text), unit="chars"
            )
        if not result.text and not self.keep_empty:
            self.stat_update("dropped_empty")
            return None
        doc.text = result.text
        doc.metadata["title"] = result.title
        if self.report != "none":
            doc.metadata["dechaff"] = _report(result.report_dict(), self.report)
        return doc


def _report(report: dict[str, Any], kind: str) -> dict[str, Any]:
    return {"summary": report["summary"]} if kind == "summary" else report
