"""Turn the caller's input into text, or say clearly why not."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


def to_text(raw: object) -> str:
    """Return ``raw`` as ``str``; decode ``bytes`` with charset detection.

    Undecodable bytes never raise: they become U+FFFD.

    >>> to_text(b"caf\\xc3\\xa9")
    'café'
    >>> to_text("déjà")
    'déjà'
    >>> to_text(None)
    Traceback (most recent call last):
    ...
    TypeError: dechaff cleans str or bytes, not NoneType
    """
    if isinstance(raw, str):
        return raw
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(raw))
    raise TypeError(f"dechaff cleans str or bytes, not {type(raw).__name__}")


def decode_bytes(data: bytes) -> str:
    """Decode bytes: a BOM wins, then UTF-8 (tolerating a few broken bytes, which become
    U+FFFD), then charset detection, then UTF-8 with U+FFFD."""
    return decode_named(data)[0]


def decode_named(data: bytes) -> tuple[str, str]:
    """:func:`decode_bytes`, and the name of the encoding it used."""
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    # Bytes FF FE also open plenty of junk; a UTF-16/32 BOM counts when NULs show the width.
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom) and data.count(0) >= len(data) // 8:
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if damaged <= max(1, len(data) // 1000):
        return lenient, "utf-8"  # UTF-8 with a few broken bytes, not another encoding
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"
