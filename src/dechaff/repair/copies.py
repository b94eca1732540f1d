"""Glued copies: a long line of the page that is its article glued into one block,
and the lines of the page it holds.

Scrapers often emit an article twice: once with its paragraphs run together
into one line, once split into paragraphs (and with link texts stripped, ad
labels and credits glued in). The glued line vouches for the lines it holds:
they are the article's paragraphs, however short or list-like each is alone.

Only the page's longest lines are looked at (a copy of the article is about as
long as the article). Such a line is a glued copy when the page's other lines it
holds (half or more of each line's three-word runs stand in it: each stripped
link text costs a line up to three) together make up at least half of it: a long
paragraph that merely quotes a line of the page (a pull quote) is not one. A line
the page shows more than once (a teaser, a series' label) is never held.

>>> glued = "The dam held overnight. Crews worked until dawn to shore it up. " * 6
>>> lines = ["The dam held overnight.", "Crews worked until dawn to shore it up."]
>>> from dechaff.blocks import segment
>>> dict(held_by_glued_copies(segment("\\n".join([glued.strip(), *lines]))))
{1: 0, 2: 0}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..blocks import Block
from ..marks import CLOSERS, SENTENCE_ENDS, UPPER, char_class
from ..textutil import word_shingles

GLUED_MIN_WORDS = 60
"""A glued copy holds an article's paragraphs: at least this many words."""
GLUED_MIN_SENTENCES = 1
"""…and holds at least this many sentence marks (followed by a space, a closing
quote or a capital: a copy glued without spaces runs "Monday.Video"). One: an
article of list items and headings (steps, a recipe, a tour's dates) has few, and
its glued copy vouches for those lines most."""
HELD_SHARE = 0.5
"""A line is held when this share of its three-word runs stands in the glued copy."""
MIN_COVER = 0.5
"""The lines a glued copy holds make up at least this share of its three-word runs."""
_RUN = 3
_EDGE_CHARS = 30
LONGEST_SHARE = 0.5
"""A glued copy has at least this share of the words of the page's longest line."""
MAX_COPIES = 4
"""How many of the page's longest lines are tried as glued copies (a page holds a
copy or two: the rest of its long lines are paragraphs)."""
NEAR_LINES = 12
"""How many lines either side of a long line are probed for being inside it."""
_NONE: Mapping[int, int] = MappingProxyType({})
_SENTENCE_END = re.compile(f"{char_class(SENTENCE_ENDS)}(?=\\s|$|{char_class(CLOSERS)}|[{UPPER}])")


def _holds_lines_near(copy: Block, blocks: Sequence[Block]) -> bool:
    """Whether two or more of the lines near ``copy`` open or close inside it."""
    near = blocks[max(0, copy.index - NEAR_LINES) : copy.index + NEAR_LINES + 1]
    inside = copy.key
    found = 0
    for b in near:
        if b is not copy and len(b.key) >= _EDGE_CHARS:
            found += b.key[:_EDGE_CHARS] in inside or b.key[-_EDGE_CHARS:] in inside
            if found >= 2:
                return True
    return False


def held_by_glued_copies(blocks: Sequence[Block]) -> Mapping[int, int]:
    """Per line a glued copy holds, the index of that copy (see the module's text)."""
    # A glued copy holds the article: it is the page's longest line, or close to it.
    least = max(GLUED_MIN_WORDS, LONGEST_SHARE * max((b.words for b in blocks), default=0))
    longest = sorted((b for b in blocks if b.words >= least), key=lambda b: -b.words)
    long = [
        b for b in longest[:MAX_COPIES] if len(_SENTENCE_END.findall(b.text)) >= GLUED_MIN_SENTENCES
    ]
    if not long:
        return _NONE
    # It opens like its first paragraph or closes like its last, or holds the lines
    # around it: cheap tests that spare most pages the full one.
    edged = [b.key for b in blocks if len(b.key) >= _EDGE_CHARS]
    heads = Counter([k[:_EDGE_CHARS] for k in edged])
    tails = Counter([k[-_EDGE_CHARS:] for k in edged])
    copies = [
        b
        for b in long
        if heads[b.key[:_EDGE_CHARS]] > 1
        or tails[b.key[-_EDGE_CHARS:]] > 1
        or _holds_lines_near(b, blocks)
    ]
    if not copies:
        return _NONE
    seen = Counter([b.key for b in blocks])
    copies = [b for b in copies if seen[b.key] == 1]  # a paragraph shown twice is no copy
    if not copies:
        return _NONE
    # a line the page repeats is a teaser or a label, whatever the copy holds
    runs = {
        b.index: word_shingles(b.key, _RUN) for b in blocks if b.words >= _RUN and seen[b.key] == 1
    }
    held: dict[int, int] = {}
    for copy in copies:
        theirs = runs.get(copy.index) or word_shingles(copy.key, _RUN)
        inside = [
            (i, own)
            for i, own in runs.items()
            if i != copy.index
            and 2 * len(own) <= len(theirs)
            and len(own & theirs) >= HELD_SHARE * len(own)
        ]
        covered = set().union(*(own & theirs for _, own in inside)) if inside else set()
        if len(inside) >= 2 and len(covered) >= MIN_COVER * len(theirs):
            held.update({i: copy.index for i, _ in inside if i not in held})
    return MappingProxyType(held)
