"""Crawl files: WARC and WET records in, one JSON line per page out."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dechaff.cli import main

PROSE = "The ferry resumed service on Monday after a week of storms, the harbour office said."


def _response(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def _crawl(path: Path) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        head = "<html><head><title>Ferry back | Courier</title></head>"
        page = f"{head}<body><nav>Home</nav><p>{PROSE}</p></body></html>"
        _response(
            writer, "https://example.com/a", "200 OK", "text/html; charset=utf-8", page.encode()
        )
        latin = f"<html><body><p>Grüße aus Köln. {PROSE}</p></body></html>".encode("latin-1")
        _response(writer, "https://example.com/b", "200 OK", "text/html; charset=ISO-8859-1", latin)
        head = '<html><head><meta charset="windows-1252"></head>'
        meta = f"{head}<body><p>Café. {PROSE}</p></body></html>"
        _response(writer, "https://example.com/c", "200 OK", "text/html", meta.encode("cp1252"))
        _response(writer, "https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG....")
        _response(writer, "https://example.com/old", "301 Moved Permanently", "text/html", b"")
        _response(
            writer, "https://example.com/robots.txt", "200 OK", "text/plain", b"User-agent: *"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/wet",
                "conversion",
                payload=io.BytesIO(f"Skip to content\n{PROSE}".encode()),
            )
        )
    return path


def test_a_crawl_file_becomes_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl = _crawl(tmp_path / "crawl.warc.gz")
    out = tmp_path / "out.jsonl"
    assert main([str(crawl), "-o", str(out), "--progress", "never"]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["url"] for r in records] == [
        "https://example.com/a", "https://example.com/b", "https://example.com/c",
        "https://example.com/wet",
    ]  # fmt: skip
    assert all(PROSE in r["text"] for r in records)
    assert records[0]["title"] == "Ferry back" and records[0]["warc_record_id"].startswith("<urn:")
    assert records[1]["charset"] == "iso8859-1" and "Grüße aus Köln" in records[1]["text"]
    assert records[2]["charset"] == "cp1252" and "Café" in records[2]["text"]
    assert "Skip to content" not in records[3]["text"]
    assert all("dechaff" in r for r in records)
    err = capsys.readouterr().err
    assert (
        "1 image/png responses" in err and "1 redirects" in err and "1 text/plain responses" in err
    )
    assert "4 pages cleaned, 0 failed" in err


def test_the_report_can_be_left_out(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl.warc")
    out = tmp_path / "out.jsonl.gz"
    assert main([str(crawl), "-o", str(out), "--no-report", "--progress", "never"]) == 0
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert len(records) == 4 and not any("dechaff" in r for r in records)


def test_a_crawl_file_cut_off_keeps_what_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crawl = _crawl(tmp_path / "crawl.warc.gz")
    data = crawl.read_bytes()
    crawl.write_bytes(data[: len(data) - 40])  # the last record cut off
    out = tmp_path / "out.jsonl"
    assert main([str(crawl), "-o", str(out), "--progress", "never"]) == 1
    assert len(out.read_text("utf-8").splitlines()) == 3
    err = capsys.readouterr().err
    assert "1 damaged records" in err and "3 pages cleaned, 1 failed" in err


def test_garbage_in_a_crawl_file_ends_it_with_what_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _crawl(tmp_path / "a.warc"), _crawl(tmp_path / "b.warc")
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(first.read_bytes() + b"this is no WARC record\r\n" * 3 + second.read_bytes())
    out = tmp_path / "out.jsonl"
    assert main([str(crawl), "-o", str(out), "--progress", "never"]) == 1
    assert len(out.read_text("utf-8").splitlines()) == 4
    assert "stopped after record 4" in capsys.readouterr().err


def test_crawl_files_go_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crawl = _crawl(tmp_path / "crawl.warc.gz")
    page = tmp_path / "page.txt"
    page.write_text(PROSE, "utf-8")
    with pytest.raises(SystemExit):
        main([str(crawl), str(page), "-o", str(tmp_path / "out")])
    assert "crawl files" in capsys.readouterr().err


def test_clean_warc_gives_each_page_with_its_result(tmp_path: Path) -> None:
    from collections import Counter

    from dechaff.warc import clean_warc

    skipped: Counter[str] = Counter()
    found = list(clean_warc(str(_crawl(tmp_path / "crawl.warc.gz")), skipped=skipped))
    assert [page.kind for page, _ in found] == ["html", "html", "html", "text"]
    assert all(PROSE in result.text for _, result in found)
    assert sum(skipped.values()) == 3
