"""Telling HTML from text, and decoding HTML bytes."""

from __future__ import annotations

import codecs
import re

from ..decode import decode_named

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
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
    (no BOM, no other charset declared, valid UTF-8), else ``None``: the parser
    reads bytes, and these spare it encoding the text again."""
    if not data.startswith(_BOMS) and _codec_of(_meta_charset(data)) in (None, "utf-8"):
        try:
            return data.decode("utf-8"), data
        except UnicodeDecodeError:
            pass
    return decode_html(data), None


def decode_html_named(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """:func:`decode_html`, and the name of the encoding it used; ``declared``: a
    charset the page came with (an HTTP header's), tried after a BOM."""
    if data.startswith(_BOMS):
        return decode_named(data)
    codec = _codec_of(declared) or _codec_of(_meta_charset(data))
    if codec is not None:
        return data.decode(codec, errors="replace"), codec
    return decode_named(data)


def _meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` near the start of the page declares."""
    meta = _META_CHARSET.search(data[:4096])
    return meta.group(1).decode("ascii", "replace") if meta else None


def _codec_of(name: str | None) -> str | None:
    """The codec a charset name stands for (``None``: no name, or an unknown one)."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
