"""What a file of bytes is, before it is cleaned as a page.

A page may come gzipped (``page.html.gz``): it is decompressed. A file that is
no page at all (an image, a PDF, an executable, an archive, a WARC crawl file)
is refused with a message that says what it is, instead of being cleaned into
junk.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"

_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"WARC/", "a WARC crawl file (clean its records: extract them to JSON lines first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)


class NotAPage(ValueError):
    """The bytes are no page: the message says what they are."""


def page_bytes(data: bytes) -> bytes:
    """The page in ``data``, decompressed when gzipped; :class:`NotAPage` when it is
    something else.

    >>> import gzip
    >>> page_bytes(gzip.compress(b"The dam held."))
    b'The dam held.'
    >>> page_bytes(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    dechaff.sniff.NotAPage: a PDF document, not a page
    """
    if data[:2] == GZIP_MAGIC:
        try:
            data = gunzip(data)
        except zlib.error as error:
            raise NotAPage(f"a broken gzip file ({error})") from error
    for magic, kind in _KINDS:
        if data.startswith(magic):
            raise NotAPage(f"{kind}, not a page")
    if b"\x00" in data[:4096] and not _utf16(data):
        raise NotAPage("binary data (NUL bytes), not a page")
    return data


def gunzip(data: bytes) -> bytes:
    """All that the gzip members in ``data`` decompress to, the last one possibly cut
    off (an interrupted write): what it holds so far."""
    out = []
    while data[:2] == GZIP_MAGIC:
        member = zlib.decompressobj(wbits=31)
        out.append(member.decompress(data))
        data = member.unused_data
    return b"".join(out)


def _utf16(data: bytes) -> bool:
    """UTF-16 text (with its byte-order mark) has NUL bytes too."""
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")
