"""Telling HTML from text, and decoding HTML bytes."""

from __future__ import annotations

import codecs
import re

from ..decode import decode_named

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document (after a BOM and whitespace).

    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("Skip to content\\nThe river rose.")
    False
    """
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in text[:20000].lower() or "<head" in head)
    )


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: a BOM, then the meta charset, then UTF-8, then detection."""
    return decode_html_named(data)[0]


def decode_html_keeping_utf8(data: bytes) -> tuple[str, bytes | None]:
    """:func:`decode_html`, and ``data`` itself when it is the UTF-8 of that text
    (read as UTF-8 with no byte replaced), else ``None``: what the parser reads."""
    text, encoding = decode_html_named(data)
    untouched = encoding == "utf-8" and text.count("\ufffd") == data.count(b"\xef\xbf\xbd")
    return text, (data if untouched else None)


def decode_html_named(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """:func:`decode_html`, and the name of the encoding it used; ``declared``: a
    charset the page came with (an HTTP header's), tried after a BOM."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_named(data)
    meta = _META_CHARSET.search(data[:4096])
    for name in (declared, meta.group(1).decode("ascii", "replace") if meta else None):
        if not name:
            continue
        try:
            codec = codecs.lookup(name.strip().strip("\"'"))
        except LookupError:
            continue
        return data.decode(codec.name, errors="replace"), codec.name
    return decode_named(data)
