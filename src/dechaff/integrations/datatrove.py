"""datatrove pipeline steps: a reader of crawl files by dechaff's own WARC reader,
and a step that cleans each document's text with dechaff.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from dechaff.integrations.datatrove import DechaffCleaner, DechaffWarcReader

    LocalPipelineExecutor(pipeline=[
        DechaffWarcReader("crawl/"),     # documents whose text is each page's HTML
        DechaffCleaner(),                # the clean body, the report in the metadata
        JsonlWriter("clean/"),
    ], tasks=4).run()

:class:`DechaffWarcReader` reads every HTML ``response`` record and every WET
``conversion`` record as :mod:`dechaff.warc` does: by the record's HTTP content
type, decoded by the header's charset, the page's own, or detection. datatrove's
``WarcReader`` also works before :class:`DechaffCleaner`, but where a record
carries no ``WARC-Identified-Payload-Type`` it guesses the type from the bytes
with libmagic, and passes over many HTML pages whose start it does not take for
HTML.

A document's text becomes its clean body (read as HTML or text as its metadata's
``kind`` says, where :class:`DechaffWarcReader` put it; else HTML recognised by
its start, as :func:`dechaff.clean` does), or its body as Markdown with
``markdown=True``; its metadata gains ``dechaff`` (the report:
:meth:`~dechaff.CleanResult.to_dict` without the text, or only its ``summary`` and
``metadata`` with ``report="summary"``) and ``title``. A document that cannot be cleaned is
passed on unchanged with ``dechaff_error`` in its metadata; one whose body is
empty is dropped unless ``keep_empty``. The step's stats count both, and the
characters removed by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader

from ..markdown import MarkdownOptions
from ..pipeline import Cleaner
from ..warc import read_warc

REPORTS = ("full", "summary", "none")


class DechaffCleaner(PipelineStep):  # type: ignore[misc]  # (datatrove has no type hints)
    """Clean ``doc.text``; put the report in ``doc.metadata["dechaff"]``."""

    name = "🧹 dechaff"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        cleaner: Cleaner | None = None,
        report: str = "full",
        keep_empty: bool = False,
        markdown: bool | MarkdownOptions = False,
    ) -> None:
        super().__init__()
        if report not in REPORTS:
            raise ValueError(f"report is 'full', 'summary' or 'none', not {report!r}")
        self.cleaner = cleaner or Cleaner.default()
        self.report = report
        self.keep_empty = keep_empty
        self.markdown = MarkdownOptions.of(markdown)

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
        kind = doc.metadata.get("kind")  # (a crawl record's, as DechaffWarcReader gives)
        clean = self.cleaner.clean_html if kind == "html" else self.cleaner.clean_text
        try:
            result = clean(doc.text) if kind in ("html", "text") else self.cleaner(doc.text)
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
        doc.text = self.markdown.render(result) if self.markdown else result.text
        doc.metadata["title"] = result.title
        if self.report != "none":
            doc.metadata["dechaff"] = _report(result.report_dict(), self.report)
        return doc


def _report(report: dict[str, Any], kind: str) -> dict[str, Any]:
    if kind == "summary":
        return {"summary": report["summary"], "metadata": report["metadata"]}
    return report


class DechaffWarcReader(BaseDiskReader):  # type: ignore[misc]  # (datatrove has no type hints)
    """Documents from the WARC and WET files of a folder (as datatrove's readers take
    one: a path, a URL, or a ``DataFolder``): the text is the page (HTML, or a WET
    record's text), the id the record's id, and the metadata ``url``, ``date``,
    ``charset`` and ``kind`` (``"html"`` or ``"text"``). Records that are no page
    are counted in the step's stats by what they are. Takes every option of
    datatrove's ``BaseDiskReader`` (``glob_pattern``, ``limit``, ``paths_file``…)."""

    name = "🕷 dechaff WARC"

    def read_file(self, filepath: str) -> DocumentsPipeline:
        skipped: Counter[str] = Counter()
        with self.data_folder.open(filepath, "rb", compression=None) as stream:
            for index, page in enumerate(read_warc(stream, skipped)):
                record = {
                    "text": page.text, "id": page.record_id, "url": page.url,
                    "date": page.date, "charset": page.charset, "kind": page.kind,
                }  # fmt: skip
                with self.track_time():
                    document = self.get_document_from_dict(record, filepath, index)
                if document:
                    yield document
        for what, count in skipped.items():
            self.stat_update(f"skipped {what}", value=count)
