"""Control and invisible characters inside lines: reported and cut, never kept.

Scraped text carries characters no reader sees: NUL and the other C0 and C1
controls, DEL, ANSI colour codes from terminal captures (``ESC[31m``), zero-width
spaces, word joiners and byte-order marks inside the text, and soft hyphens
(U+00AD) that a page puts in long words. They break matching and search and
should not reach a corpus. Tab and line breaks stay; so do the zero-width
joiner and non-joiner, which some scripts and emoji need.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from ..textutil import CONTROL
from .base import remove_block, remove_span

_NAMES = {"\x1b": "an escape sequence", "\u00ad": "soft hyphens", "\u200b": "zero-width spaces",
          "\u2060": "word joiners", "\ufeff": "byte-order marks", "\x7f": "DEL"}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ControlCharacters:
    """Cut control and invisible characters from every line (``control-character``).

    >>> from dechaff import Cleaner
    >>> page = "Fens\\u00adter und T\\u00fcren\\x00 \\x1b[31mrot\\x1b[0m"
    >>> r = Cleaner([ControlCharacters()])(page)
    >>> r.text, [x.text for x in r.removals]
    ('Fenster und Türen rot', ['\\xad', '\\x00', '\\x1b[31m', '\\x1b[0m'])
    """

    name: str = "control-characters"

    def __call__(self, page: Page) -> Iterator[Decision]:
        for block in page.kept:
            text = block.text
            if text.isprintable():  # the common case: nothing to cut
                continue
            cuts = [(m.start(), m.end()) for m in CONTROL.finditer(text)]
            if not cuts:
                continue
            if sum(end - start for start, end in cuts) == len(text.strip()):
                yield remove_block(self.name, block, Reason.CONTROL_CHARACTER, _what(text))
                continue
            for start, end in cuts:
                yield remove_span(
                    self.name, page, block, block.start + start, block.start + end,
                    Reason.CONTROL_CHARACTER, _what(text[start:end]),
                )  # fmt: skip


def _what(text: str) -> str:
    """Names the kind of characters cut."""
    for char, name in _NAMES.items():
        if char in text:
            return name
    return "control characters"
