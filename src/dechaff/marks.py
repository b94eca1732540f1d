"""The marks and letters dechaff reads sentences by, defined once.

Every module that asks "does a sentence end here?", "what may follow that end?" or
"is this an upper-case letter?" builds its patterns from these names, so that the
answers agree across the reading stage, the glued-copy finder and the repairs.

>>> import re
>>> re.findall(f"[{UPPER}]", "Łódź, Ёлка, Straße")
['Ł', 'Ё', 'S']
>>> [c in SENTENCE_ENDS for c in ".。,"]
[True, True, False]
"""

from __future__ import annotations

import re

SENTENCE_ENDS = frozenset(".!?。！？")
"""Marks that end a sentence, in Latin, Cyrillic and CJK text."""
LATIN_SENTENCE_ENDS = frozenset(".!?")
"""The sentence ends of scripts that write a space (or a capital) after them: the
marks a sentence run into the next one without a space shows."""
CLOSERS = frozenset('"”’»)')
"""What may stand between a sentence's end and the next: closing quotes, a bracket."""
LINE_END_MARKS = SENTENCE_ENDS | CLOSERS | frozenset("…:;'’]")
"""Marks a line that reads as finished may end with (a sentence end, an ellipsis, a
colon introducing a list, a closing quote or bracket)."""
CLOSING_MARKS = frozenset(".,;:!?)")
"""Marks no paragraph opens with: a paragraph that does lost the words before them."""

BULLET_LINE = re.compile(r"^\s*(?:[-*•·▪►‣–—]|\d{1,3}[.)])\s+")
"""A line that opens as a list item: a bullet mark or a number up to three digits
with a dot or bracket, then a space."""
PRICE = r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:[$€£¥₹]|eur|usd|gbp|zł|kr)(?!\w)"
"""A price: a currency sign or code before or after a number (a pattern to compile,
for lower-cased text or with ``re.IGNORECASE``)."""

_LATIN_EXTENDED_A = [chr(c) for c in range(0x100, 0x180)]  # "ł", "Ś", "ž"
LOWER = "a-zß-öø-ÿа-яё" + "".join(c for c in _LATIN_EXTENDED_A if c.islower())
"""Lower-case letters (Latin with Latin-1 and Extended-A, Cyrillic), as the body of a
regex character class."""
UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ" + "".join(c for c in _LATIN_EXTENDED_A if c.isupper())
"""Upper-case letters of the same scripts, as the body of a regex character class."""


def char_class(marks: frozenset[str]) -> str:
    """A regex character class of ``marks``, in a fixed order.

    >>> char_class(frozenset("?.]"))
    '[.?\\\\]]'
    """
    return "[" + "".join(re.escape(c) if c in "\\]^-[" else c for c in sorted(marks)) + "]"
