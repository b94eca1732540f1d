"""dechaff inside datatrove and Hugging Face datasets, each in a real run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dechaff import clean

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
