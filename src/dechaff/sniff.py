"""What a file of bytes is, before it is cleaned as a page.

A page may come compressed (``page.html.gz``, ``page.txt.zst``): it is
decompressed (:mod:`dechaff.compression`). A file that is
no page at all (an image, a PDF, an executable, an archive, a WARC crawl file)
is refused with a message that says what it is, instead of being cleaned into
junk.
"""

from __future__ import annotations

import zlib

import zstandard

from .compression import decompress, kind_of

_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"WARC/", "a WARC crawl file (clean it alone: dechaff CRAWL.warc.gz -o OUT.jsonl)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"PK\x03\x04", "a ZIP archive"),
)


class NotAPage(ValueError):
    """The bytes are no page: the message says what they are."""


def page_bytes(data: bytes) -> bytes:
    """The page in ``data``, decompressed when it is gzip or zstd; :class:`NotAPage`
    when it is something else.

    >>> import gzip
    >>> page_bytes(gzip.compress(b"The dam held."))
    b'The dam held.'
    >>> page_bytes(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    dechaff.sniff.NotAPage: a PDF document, not a page
    """
    kind = kind_of(data)
    if kind is not None:
        try:
            data = decompress(data)
        except (zlib.error, zstandard.ZstdError) as error:
            raise NotAPage(f"a broken {kind} file ({error})") from error
    for magic, kind in _KINDS:
        if data.startswith(magic):
            raise NotAPage(f"{kind}, not a page")
    if b"\x00" in data[:4096] and not _utf16(data):
        raise NotAPage("binary data (NUL bytes), not a page")
    return data


def _utf16(data: bytes) -> bool:
    """UTF-16 text (with its byte-order mark) has NUL bytes too."""
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")
