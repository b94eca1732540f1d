"""Telling HTML from text, and decoding HTML bytes."""

from __future__ import annotations

import codecs
import re

from ..decode import decode_bytes

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
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            return data.decode(codec.name, errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)
