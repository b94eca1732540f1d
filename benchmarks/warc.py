"""Crawl files, measured: the AEB pages as a gzipped WARC, cleaned by the command
line's crawl mode and by ``clean_html`` on the same bytes.

The WARC holds each AEB page's HTML as a ``response`` record (its charset in the
page only, as saved), one page re-encoded to windows-1252 with its charset only in
the HTTP header, an image and a redirect. Reported: lines out, F1 of both ways on
AEB's metric, the header charset honoured, pages/s of both (one process, best of
three, taking turns), and how fast warcio and FastWARC only read the records
(the reader the crawl mode uses is chosen by this).

    python benchmarks/warc.py
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import load
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dechaff import Cleaner
from dechaff.corpus import Run, run_warc
from dechaff.evaluation import aggregate, score_page

_META = re.compile(rb"<meta[^>]+charset[^>]*>", re.IGNORECASE)


def build(path: Path) -> tuple[dict[str, str], str]:
    """Write the WARC; the gold body per URL, and the URL of the header-charset page."""
    bench = load("aeb")
    gold: dict[str, str] = {}
    header_only = ""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in bench.pages:
            url = f"https://aeb.example/{page.id}"
            body, content_type = page.html(), "text/html"
            if not header_only and "é" in page.gold:
                text = body.decode("utf-8", errors="replace")
                body = _META.sub(b"", text.encode("cp1252", errors="xmlcharrefreplace"))
                content_type, header_only = "text/html; charset=windows-1252", url
            _write(writer, url, "200 OK", content_type, body)
            gold[url] = str(page.gold)
        _write(writer, "https://aeb.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        _write(writer, "https://aeb.example/old", "301 Moved Permanently", "text/html", b"")
    return gold, header_only


def _write(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def _read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        return sum(len(r.content_stream().read()) for r in ArchiveIterator(stream))


def _read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator  # (it recognises gzip itself)

    with path.open("rb") as stream:
        return sum(len(r.reader.read()) for r in ArchiveIterator(stream))


def _best(work: Callable[[], object], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    cleaner = Cleaner.default()
    with tempfile.TemporaryDirectory() as folder:
        crawl = Path(folder) / "aeb.warc.gz"
        gold, header_only = build(crawl)
        out = Path(folder) / "out.jsonl"
        run = Run(cleaner, say=lambda line: None)
        from warcio.archiveiterator import ArchiveIterator

        with crawl.open("rb") as stream:
            records = [
                (r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
                for r in ArchiveIterator(stream)
                if r.rec_headers.get_header("WARC-Target-URI") in gold
            ]
        times: dict[str, list[float]] = {"crawl mode": [], "clean_html": []}
        for _ in range(3):
            times["crawl mode"].append(_best(lambda: run_warc(run, [str(crawl)], str(out)), 1))
            times["clean_html"].append(
                _best(lambda: [cleaner.clean_html(body) for _, body in records], 1)
            )
        lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        direct = {url: cleaner.clean_html(body).text for url, body in records}
        reading = {"warcio": _best(lambda: _read_warcio(crawl))}
        with contextlib.suppress(ImportError):  # (FastWARC comes with the bench extras)
            reading["FastWARC"] = _best(lambda: _read_fastwarc(crawl))
    crawl_f1 = aggregate([score_page(r["text"], gold[r["url"]]) for r in lines]).f1
    direct_f1 = aggregate([score_page(direct[u], gold[u]) for u in gold]).f1
    charset = next(r["charset"] for r in lines if r["url"] == header_only)
    pages = len(records)
    crawl_rate, direct_rate = pages / min(times["crawl mode"]), pages / min(times["clean_html"])
    print(f"{len(lines)} lines out for {pages} HTML records (and an image and a redirect skipped)")
    print(f"F1: crawl mode {crawl_f1:.4f}, clean_html on the same bytes {direct_f1:.4f}")
    print(f"the page whose charset is only in the HTTP header was decoded as {charset}")
    print(
        f"pages/s: crawl mode {crawl_rate:.0f}, clean_html {direct_rate:.0f} "
        f"({crawl_rate / direct_rate:.0%})"
    )
    print(
        "reading the records only: "
        + ", ".join(f"{name} {pages / t:,.0f} records/s" for name, t in reading.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
