"""Small text helpers shared by the filters."""

from __future__ import annotations

import re
from collections.abc import Iterable

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_COMMON_EDGE = " .,:;!?-–—\"'“”‘’«»()[]{}…·•|/*#>_"


def squash(text: str) -> str:
    """Fold runs of whitespace to one space and strip the ends.

    >>> squash("  a \\t b\\n")
    'a b'
    """
    return " ".join(text.split())


def key(text: str) -> str:
    """A comparison key: case-folded, whitespace folded, punctuation stripped at the ends.

    >>> key("  — ADVERTISEMENT: ")
    'advertisement'
    """
    folded = " ".join(text.casefold().split()).strip(_COMMON_EDGE)
    if folded[:1].isalnum() and folded[-1:].isalnum():
        return folded  # the common case: at most common punctuation to strip
    return _EDGE.sub("", folded)


WEB_ADDRESS = re.compile(r"(https?://|www\.)\S+")
"""A line that is only a web address (``WEB_ADDRESS.fullmatch(line)``)."""


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first (so the longest wins)."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
