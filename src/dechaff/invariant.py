"""Check the central invariant: every input character is accounted for exactly once.

Precisely: for the decoded input ``raw`` and its :class:`~dechaff.result.CleanResult`,

1. every removal satisfies ``raw[r.start:r.end] == r.text``, and no two removals overlap;
2. every repair satisfies ``raw[p.source_start:p.source_end] == p.inserted``;
3. taking ``raw``, deleting every removed span and inserting every repair's text at its
   ``at`` offset gives ``result.text`` up to whitespace: the two have the same
   sequence of non-whitespace characters.

Whitespace is layout, not content: the clean text joins kept blocks with one blank
line and folds each run of spaces inside a block into one space.
"""

from __future__ import annotations

from itertools import pairwise

from .result import CleanResult


def problems(raw: str, result: CleanResult) -> list[str]:
    """Every way ``result`` breaks the invariant for ``raw``; empty when it holds.

    >>> from dechaff import clean
    >>> raw = "Advertisement\\nThe council approved the budget on Monday."
    >>> problems(raw, clean(raw))
    []
    """
    found: list[str] = []
    spans = sorted((r.start, r.end) for r in result.removals)
    for r in result.removals:
        if raw[r.start : r.end] != r.text:
            found.append(f"removal [{r.start}:{r.end}] text differs from the input")
    for (_, end), (start, _) in pairwise(spans):
        if start < end:
            found.append(f"removals overlap at offset {start}")
    for p in result.repairs:
        if raw[p.source_start : p.source_end] != p.inserted:
            found.append(f"repair at {p.at} does not copy raw[{p.source_start}:{p.source_end}]")
    rebuilt: list[str] = []
    inserts = sorted(((p.at, i, p.inserted) for i, p in enumerate(result.repairs)), reverse=True)
    position = 0
    for start, end in [*spans, (len(raw), len(raw))]:
        while inserts and inserts[-1][0] <= start:
            at, _, text = inserts.pop()
            rebuilt.append(raw[position:at] if at >= position else "")
            position = max(position, at)
            rebuilt.append(text)
        rebuilt.append(raw[position:start])
        position = max(position, end)
    if _ink("".join(rebuilt)) != _ink(result.text):
        found.append("the clean text is not the input minus removals plus repairs")
    return found


def _ink(text: str) -> str:
    return "".join(text.split())
