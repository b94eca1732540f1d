"""Compressed files, recognised by content: gzip and zstd, read and written.

Input is decompressed whatever its name says; output is compressed when its name
ends in ``.gz`` or ``.zst``. A file cut off inside its last gzip member or zstd
frame (an interrupted write) gives what it holds so far, so that an interrupted
run can resume.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO, TextIO, cast

import zstandard

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
SUFFIXES = {".gz": "gzip", ".zst": "zstd"}
"""Output names that ask for compression, and the kind they ask for."""


def kind_of(head: bytes) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None``, by the first bytes of a file.

    >>> kind_of(gzip.compress(b"x")), kind_of(b"plain text")
    ('gzip', None)
    """
    if head[:2] == GZIP_MAGIC:
        return "gzip"
    if head[:4] == ZSTD_MAGIC:
        return "zstd"
    return None


def decompress(data: bytes) -> bytes:
    """All that ``data`` decompresses to (gzip members or zstd frames, one after
    another; the last possibly cut off); ``data`` itself when it is not compressed.

    >>> decompress(gzip.compress(b"one ") + gzip.compress(b"two"))
    b'one two'
    """
    kind = kind_of(data)
    if kind == "gzip":
        return _gunzip(data)
    if kind == "zstd":
        return _unzstd(data)
    return data


def _gunzip(data: bytes) -> bytes:
    out = []
    while data[:2] == GZIP_MAGIC:
        member = zlib.decompressobj(wbits=31)
        out.append(member.decompress(data))
        data = member.unused_data
    return b"".join(out)


def _unzstd(data: bytes) -> bytes:
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
    out = []
    try:
        while chunk := reader.read(1 << 16):
            out.append(chunk)
    except zstandard.ZstdError:
        pass  # a frame cut off: what came before it stands
    return b"".join(out)


def open_reader(stream: io.BufferedReader) -> BinaryIO:
    """``stream`` decompressed as it is read, when its content is compressed."""
    kind = kind_of(stream.peek(4)[:4])
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream))
    if kind == "zstd":
        reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        return cast(BinaryIO, io.BufferedReader(cast(io.RawIOBase, reader)))
    return stream


def kind_for(path: Path) -> str | None:
    """The compression an output named ``path`` asks for."""
    return SUFFIXES.get(path.suffix.lower())


def open_writer(path: Path, append: bool, kind: str | None) -> TextIO:
    """A text stream into ``path``, compressed as ``kind`` asks (appended gzip
    members and zstd frames read back as one stream)."""
    mode = "ab" if append else "wb"
    if kind == "gzip":
        return cast(TextIO, gzip.open(path, mode.replace("b", "t"), encoding="utf-8"))
    if kind == "zstd":
        raw = open(path, mode)  # noqa: SIM115 (closed with the writer)
        writer = zstandard.ZstdCompressor().stream_writer(raw, closefd=True)
        return io.TextIOWrapper(cast(BinaryIO, writer), encoding="utf-8")
    return cast(TextIO, open(path, mode.replace("b", "t"), encoding="utf-8"))


def compress(data: bytes, kind: str | None, level: int = 9) -> bytes:
    """``data`` compressed as ``kind`` asks (gzip at ``level``, with no time stamp:
    the same data gives the same bytes)."""
    if kind == "gzip":
        return gzip.compress(data, compresslevel=level, mtime=0)
    if kind == "zstd":
        return zstandard.ZstdCompressor().compress(data)
    return data
