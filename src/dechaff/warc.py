"""Crawl files: the HTML pages of a WARC file, and the text of a WET file.

A WARC file (gzip-compressed per record, or plain) is recognised by its content.
Its ``response`` records whose HTTP status is 2xx and whose content type is
HTML become pages, decoded by the charset of the HTTP header, else the page's
own (``<meta charset>``), else detection; its ``conversion`` records (a WET file's
extracted text) become text pages. Every other record is skipped and counted by
what it is (a redirect, an image, a PDF, robots.txt, a request, metadata…); so is
a page whose bytes do not match the record's digest (a file cut off mid-record).
Records are read by warcio.

>>> import io
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> buffer = io.BytesIO()
>>> writer = WARCWriter(buffer, gzip=True)
>>> http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
...                         protocol="HTTP/1.1")
>>> body = b"<html><body><p>The ferry resumed on Monday.</p></body></html>"
>>> writer.write_record(writer.create_warc_record("https://example.com/a", "response",
...                     payload=io.BytesIO(body), http_headers=http))
>>> skipped = Counter()
>>> [(p.url, p.kind, p.charset) for p in read_warc(io.BytesIO(buffer.getvalue()), skipped)]
[('https://example.com/a', 'html', 'utf-8')]
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from .html.decoding import decode_html_named

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Cleaner
    from .result import CleanResult

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
DAMAGED = "damaged records (their digest does not match: cut off or corrupt)"
WARC_MAGIC = b"WARC/"


@dataclass(frozen=True)
class CrawlPage:
    """One page of a crawl file, decoded."""

    url: str
    record_id: str
    date: str
    kind: str
    """``"html"`` (a response record) or ``"text"`` (a WET conversion record)."""
    charset: str
    """The encoding its bytes were decoded with."""
    text: str


def is_warc(head: bytes) -> bool:
    """Whether a file that starts with ``head`` is a WARC file (plain or gzipped).

    >>> is_warc(b"WARC/1.0\\r\\nWARC-Type: warcinfo"), is_warc(b"<html>")
    (True, False)
    """
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def read_warc(stream: BinaryIO, skipped: Counter[str]) -> Iterator[CrawlPage]:
    """The pages of the WARC (or WET) file ``stream``, in order; each record that is no
    page is counted in ``skipped`` under what it is."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream, check_digests=True):
        kind = record.rec_type
        if kind == "response":
            page = _response(record, skipped)
        elif kind == "conversion":
            text = record.content_stream().read().decode("utf-8", errors="replace")
            page = _page(record, "text", "utf-8", text)
        else:
            skipped[f"{kind} records"] += 1
            continue
        if page is not None and _damaged(record):
            skipped[DAMAGED] += 1
            continue
        if page is not None:
            yield page


def _damaged(record: Any) -> bool:
    """The record's bytes, read to their end, are not what its digest says: cut off
    (the digest is never checked) or corrupt (it does not match). A record without
    a digest cannot tell."""
    checked = record.digest_checker.passed
    has_digest = record.rec_headers.get_header("WARC-Block-Digest") is not None
    return checked is False or (has_digest and checked is None)


def _response(record: Any, skipped: Counter[str]) -> CrawlPage | None:
    http = record.http_headers
    if http is None:
        skipped["responses without HTTP headers"] += 1
        return None
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        what = "redirects" if status.startswith("3") else f"HTTP {status or '?'} responses"
        skipped[what] += 1
        return None
    content_type = http.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    if mime not in HTML_TYPES:
        skipped[f"{mime or 'untyped'} responses"] += 1
        return None
    declared = _charset(params)
    text, charset = decode_html_named(record.content_stream().read(), declared)
    return _page(record, "html", charset, text)


def _page(record: Any, kind: str, charset: str, text: str) -> CrawlPage:
    headers = record.rec_headers
    return CrawlPage(
        url=headers.get_header("WARC-Target-URI") or "",
        record_id=headers.get_header("WARC-Record-ID") or "",
        date=headers.get_header("WARC-Date") or "",
        kind=kind,
        charset=charset,
        text=text,
    )


def _charset(params: str) -> str | None:
    """The ``charset`` parameter of a Content-Type header's parameters."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def clean_warc(
    source: str | BinaryIO, cleaner: Cleaner | None = None, skipped: Counter[str] | None = None
) -> Iterator[tuple[CrawlPage, CleanResult]]:
    """Each page of a WARC (or WET) file, with its result: HTML pages cleaned as HTML,
    WET text as text. ``source``: a path or a binary stream; ``skipped`` counts the
    records that are no page. A page that fails to clean raises, like
    :func:`dechaff.clean` (the command line's crawl mode writes it as an error
    record instead).

    >>> from pathlib import Path
    >>> for page, result in clean_warc(Path("crawl.warc.gz").as_posix()):  # doctest: +SKIP
    ...     print(page.url, result.title, len(result.removals))
    """
    from .pipeline import Cleaner

    chosen = cleaner or Cleaner.default()
    counts = skipped if skipped is not None else Counter()
    if isinstance(source, str):
        with open(source, "rb") as stream:
            yield from clean_warc(stream, chosen, counts)
        return
    for page in read_warc(source, counts):
        clean = chosen.clean_html if page.kind == "html" else chosen.clean_text
        yield page, clean(page.text)
