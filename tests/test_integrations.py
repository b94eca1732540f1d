"""dechaff inside datatrove and Hugging Face datasets, each in a real run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dechaff import clean, clean_html

PAGE = "Skip to content\nAdvertisement\nThe ferry resumed service on Monday after a week of storms."
HTML = (
    "<html><head><title>Ferry back | Courier</title></head><body><nav><a href='/'>Home</a></nav>"
    "<p>The harbour office said the first crossing on Monday was full, and more would follow.</p>"
    "</body></html>"
)


def test_a_datatrove_pipeline_cleans_documents(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from dechaff.integrations.datatrove import DechaffCleaner

    documents = [
        Document(text=PAGE, id="a"),
        Document(text=HTML, id="b"),
        Document(text="Home\nMenu", id="empty"),  # no body: dropped
    ]
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[documents, DechaffCleaner(), JsonlWriter(str(out), compression=None)],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.open()]
    by_id = {d["id"]: d for d in written}
    assert set(by_id) == {"a", "b"}
    assert by_id["a"]["text"] == clean(PAGE).text
    assert (
        by_id["b"]["text"] == clean(HTML).text and by_id["b"]["metadata"]["title"] == "Ferry back"
    )
    reasons = {r["reason"] for r in by_id["a"]["metadata"]["dechaff"]["removals"]}
    assert {"skip-link", "ad-marker"} <= reasons


def test_a_dataset_map_adds_the_clean_columns() -> None:
    datasets = pytest.importorskip("datasets")
    from dechaff.integrations.hf import clean_batch

    ds = datasets.Dataset.from_dict({"id": [1, 2, 3], "text": [PAGE, HTML, None]})
    out = ds.map(clean_batch, batched=True, batch_size=2, fn_kwargs={"column": "text"})
    assert out["text_clean"] == [clean(PAGE).text, clean(HTML).text, None]
    assert out["text_title"][1] == "Ferry back"
    assert json.loads(out["text_report"][0])["summary"]["ad-markers/ad-marker"]["count"] == 1
    assert "error" in json.loads(out["text_report"][2])
    assert "text_markdown" not in out.column_names


def test_a_dataset_map_adds_the_markdown_when_asked() -> None:
    datasets = pytest.importorskip("datasets")
    from dechaff.integrations.hf import clean_batch

    ds = datasets.Dataset.from_dict({"text": [HTML, None]})
    out = ds.map(clean_batch, batched=True, fn_kwargs={"column": "text", "markdown": True})
    assert out["text_markdown"] == [clean(HTML).markdown(), None]
    assert out["text_clean"][0] == clean(HTML).text


def test_a_datatrove_step_writes_markdown_and_the_summary_keeps_the_metadata(
    tmp_path: Path,
) -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from dechaff.integrations.datatrove import DechaffCleaner

    listed = HTML.replace("</p>", "</p><ul><li>First crossing full</li><li>More soon</li></ul>")
    out = tmp_path / "out"
    step = DechaffCleaner(report="summary", markdown=True)
    LocalPipelineExecutor(
        pipeline=[[Document(text=listed, id="b")], step, JsonlWriter(str(out), compression=None)],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    (written,) = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.open()]
    assert written["text"] == clean(listed).markdown() and "- More soon" in written["text"]
    report = written["metadata"]["dechaff"]
    assert set(report) == {"summary", "metadata"}
    assert report["metadata"]["title"]["value"] == "Ferry back"


_STARTS = ["<!DOCTYPE html><html><body>", "<html><body>", "<div>", "<p>Menu</p>\n<article>"]


def _story(i: int) -> str:
    """The HTML of the ``i``-th page of :func:`_crawl_without_payload_types`."""
    return f"{_STARTS[i]}<p>Story {i}: the harbour office said the ferry is back.</p>"


def _crawl_without_payload_types(path: Path) -> list[str]:
    """A WARC whose records carry no WARC-Identified-Payload-Type (as warcio writes
    them, and many crawlers do): HTML pages with and without a doctype, an image and
    a redirect. The URLs of its HTML pages."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    urls = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def add(url: str, payload: bytes, content_type: str, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=http
            )
            writer.write_record(record)

        for i in range(len(_STARTS)):
            urls.append(f"https://news.example/{i}")
            add(urls[-1], _story(i).encode(), "text/html; charset=utf-8")
        add("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        add("https://news.example/old", b"", "text/html", status="301 Moved Permanently")
    return urls


def test_a_datatrove_pipeline_over_a_warc_cleans_every_html_record(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from dechaff.integrations.datatrove import DechaffCleaner, DechaffWarcReader

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    urls = _crawl_without_payload_types(crawl / "a.warc.gz")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            DechaffWarcReader(str(crawl)),
            DechaffCleaner(),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.open()]
    assert [d["metadata"]["url"] for d in written] == urls  # every HTML record, in order
    for i, document in enumerate(written):
        assert f"Story {i}: the harbour office said the ferry is back." in document["text"]
        assert document["text"] == clean_html(_story(i)).text  # what dechaff gives the page
        assert document["id"].startswith("<urn:uuid:") and document["metadata"]["kind"] == "html"


def test_datatrove_s_own_warc_reader_imports_with_the_extra() -> None:
    """The integrations extra brings what datatrove's WarcReader imports (its libmagic
    guess is what passes pages over: see the reader above)."""
    pytest.importorskip("datatrove")
    pytest.importorskip("cchardet")
    try:
        import magic  # noqa: F401
    except ImportError as error:  # python-magic is there; the system lacks libmagic
        pytest.skip(f"no libmagic on this system: {error}")
    from datatrove.pipeline.readers import WarcReader

    WarcReader("unused/")  # raises when a package it requires is missing
