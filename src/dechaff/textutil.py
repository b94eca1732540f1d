"""Small text helpers shared by the filters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
"""Punctuation and spaces at either end of a text."""
_COMMON_EDGE = " .,:;!?-–—\"'“”‘’«»()[]{}…·•|/*#>_"
"""The characters :func:`key` strips from the ends without a regex (the common case)."""


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
    folded = text.casefold()
    if "  " in folded or not folded.isprintable():  # else no white space but single spaces
        folded = " ".join(folded.split())
    folded = folded.strip(_COMMON_EDGE)
    if folded[:1].isalnum() and folded[-1:].isalnum():
        return folded  # the common case: at most common punctuation to strip
    return _EDGE.sub("", folded)


_WORD_RUN = re.compile(r"\w+")
ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes(128)
"""ASCII bytes: word characters ([A-Za-z0-9_], what \\w matches in ASCII) kept, the rest
made spaces, so that splitting gives the runs of word characters."""


def word_runs(text: str) -> list[str]:
    """The runs of word characters (``\\w+``) of ``text``; ASCII text is split in C.

    >>> word_runs("It was 10,000-12,000 people."), word_runs("Straße über")
    (['It', 'was', '10', '000', '12', '000', 'people'], ['Straße', 'über'])
    """
    if text.isascii():
        return text.encode("ascii").translate(ASCII_WORD_BYTES).decode("ascii").split()
    return _WORD_RUN.findall(text)


def word_shingles(folded: str, size: int) -> set[tuple[str, ...]]:
    """The set of ``size``-word runs of an already case-folded text (a text of fewer
    words is one run of them all).

    >>> sorted(word_shingles("the dam held fast", 3)), word_shingles("dam held", 3)
    ([('dam', 'held', 'fast'), ('the', 'dam', 'held')], {('dam', 'held')})
    """
    words = word_runs(folded)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return set(zip(*[words[i:] for i in range(size)], strict=False))


def shingle_places(words: Sequence[str], size: int) -> dict[tuple[str, ...], int]:
    """Per ``size``-word run of ``words``, where it first stands.

    >>> shingle_places(["a", "b", "a", "b"], 2)
    {('a', 'b'): 0, ('b', 'a'): 1}
    """
    places: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - size + 1):
        places.setdefault(tuple(words[i : i + size]), i)
    return places


WEB_ADDRESS = re.compile(r"(https?://|www\.)\S+")
"""A line that is only a web address (``WEB_ADDRESS.fullmatch(line)``)."""


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first (so the longest wins)."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # an ANSI escape sequence (colour, cursor)
    r"|\x1b[@-Z\\-_]"  # a two-character escape
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff]+"
)
"""Characters no reader sees: escape sequences, C0 and C1 controls (not tab or line
breaks), DEL, soft hyphens, zero-width spaces, word joiners and byte-order marks."""

_NO_WORD = re.compile(r"(?:\x1b\[[0-?]*[ -/]*[@-~]|[^\w\s])*")


def joins_words(cut: str) -> bool:
    """Whether the text on both sides of ``cut`` closes up once it is cut: true for
    invisible characters and punctuation ("Fens\u00adter"), false for words (an ad
    label between two sentences leaves a word break).

    >>> joins_words("\u00ad"), joins_words("\x1b[31m"), joins_words("Advertisement")
    (True, True, False)
    """
    return _NO_WORD.fullmatch(cut) is not None


SITE_SEPARATOR = re.compile(r"\s+(?:[-–—|·•:»]|::)\s+")
"""What stands between a headline and a site's name in a document title."""
