"""The features of each block that the learned layer weighs: what the filters
decided about it and its neighbours, what its markup and its words show, and what
kind of page it stands on.

The filters' verdicts are features like any other: a block the rules removed as
``outside-main`` between two kept paragraphs of prose reads differently from one
removed among menus. :func:`block_features` gives one row per block, in the order
of :data:`FEATURE_NAMES`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from .blocks import Block
from .marks import BULLET_LINE, LINE_END_MARKS, PRICE
from .page_type import PAGE_KINDS, PageType
from .report import Reason, Removal

Floats = npt.NDArray[np.float64]

WINDOW = 3
"""How many blocks on each side the neighbourhood features look at."""
GAP_CAP = 10
"""Distances to the nearest kept block are counted up to this many blocks."""

_TAGS = ("p", "li", "td", "pre", "div", "span", "a", "blockquote", "dd")
_LANDMARKS = ("nav", "header", "footer", "aside", "main", "article", "form")
_REASONS = tuple(r.value for r in Reason)
_ASCII_DIGITS = b"0123456789"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = _ASCII_UPPER.lower()
SAMPLE_CHARS = 256
"""Characters of a non-ASCII block whose digits, capitals and letters are counted."""
_PRICE = re.compile(PRICE, re.IGNORECASE)


_OWN = (
    "kept_share", "partly", "words_log", "chars_log", "ends_sentence",
    "sentence_marks", "digit_share", "upper_share", "bullet", "price", "comma_share",
    "position", "heading", "list_item", "link_density", "in_figure", "in_comments",
    "content_score", "in_main", "main_unknown", "html",
)  # fmt: skip
_AROUND = (
    "prev_kept", "next_kept", "window_kept", "window_words_log", "gap_before",
    "gap_after", "between_kept", "prev_heading", "next_heading", "same_tag_run",
)  # fmt: skip
_PAGE = ("page_kept_share", "page_blocks_log", "type_confidence")
_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"tag_": _TAGS, "landmark_": _LANDMARKS, "reason_": _REASONS, "type_": PAGE_KINDS}
)

FEATURE_NAMES: tuple[str, ...] = (
    _OWN + _AROUND + _PAGE
    + tuple(prefix + name for prefix, names in _GROUPS.items() for name in names)
)  # fmt: skip
"""The features of a block, in the order :func:`block_features` gives them."""

_AT: Mapping[str, int] = MappingProxyType({name: i for i, name in enumerate(FEATURE_NAMES)})
_COLUMNS: Mapping[str, Mapping[str, int]] = MappingProxyType(
    {
        prefix: MappingProxyType({name: _AT[prefix + name] for name in names})
        for prefix, names in _GROUPS.items()
    }
)
"""Per one-hot group, the column of each of its names."""


def kept_shares(blocks: Sequence[Block], removals: Sequence[Removal]) -> list[float]:
    """Per block, the share of its characters no removal took (1 for a block kept
    whole, 0 for one removed whole)."""
    taken = [0] * len(blocks)
    for r in removals:
        if 0 <= r.block < len(blocks):
            taken[r.block] += r.end - r.start
    return [max(0.0, 1.0 - taken[b.index] / max(1, b.end - b.start)) for b in blocks]


def main_reasons(blocks: Sequence[Block], removals: Sequence[Removal]) -> list[str | None]:
    """Per block, the slug of the reason that took most of its characters, if any."""
    best: list[tuple[int, str] | None] = [None] * len(blocks)
    for r in removals:
        if not 0 <= r.block < len(blocks):
            continue
        size = r.end - r.start
        held = best[r.block]
        if held is None or size > held[0]:
            best[r.block] = (size, r.reason.value)
    return [None if b is None else b[1] for b in best]


def block_features(
    blocks: Sequence[Block],
    removals: Sequence[Removal],
    page_type: PageType,
    rows: Sequence[int] | None = None,
) -> Floats:
    """One row of :data:`FEATURE_NAMES` per block of a page cleaned by the rules
    (an array of blocks × features); with ``rows``, only the rows of those blocks,
    in that order (the others' words are not read)."""
    n = len(blocks)
    x = np.zeros((n, len(FEATURE_NAMES)))
    chosen = range(n) if rows is None else rows
    if not n or not chosen:
        return x[list(chosen)]
    shares = np.asarray(kept_shares(blocks, removals))
    words = np.fromiter((b.words for b in blocks), float, n)
    x[list(chosen), : len(_OWN)] = [_own(blocks[i]) for i in chosen]
    x[:, _AT["kept_share"]] = shares
    x[:, _AT["partly"]] = (shares > 0.0) & (shares < 1.0)
    x[:, _AT["position"]] = np.arange(n) / max(1, n - 1)
    heading = np.fromiter((bool(b.dom and b.dom.heading) for b in blocks), bool, n)
    names = [_tag(b) for b in blocks]
    ids: dict[str, int] = {}
    same = np.asarray([ids.setdefault(t, len(ids)) for t in names], dtype=np.intp)
    _fill_around(x, shares, words, heading, same)
    x[:, _AT["page_kept_share"]] = np.count_nonzero(shares > 0.5) / n
    x[:, _AT["page_blocks_log"]] = math.log1p(n)
    x[:, _AT["type_confidence"]] = page_type.confidence
    x[:, _AT[f"type_{page_type.kind}"]] = 1.0
    _one_hot(x, "tag_", names)
    _one_hot(x, "landmark_", [b.dom.landmark if b.dom else None for b in blocks])
    _one_hot(x, "reason_", main_reasons(blocks, removals))
    return x if rows is None else x[list(rows)]


def _one_hot(x: Floats, group: str, values: Sequence[str | None]) -> None:
    """Set, in each row, the column of ``group`` that the row's value names (none
    for a value the group does not name)."""
    columns = _COLUMNS[group]
    at = [(row, columns[v]) for row, v in enumerate(values) if v is not None and v in columns]
    if at:
        x[[row for row, _ in at], [column for _, column in at]] = 1.0


def _own(b: Block) -> tuple[float, ...]:
    """The block's own columns (those of :data:`_OWN`), the kept share and the
    position left at 0 for the caller."""
    text = b.text
    size = max(1, len(text))
    digits, upper, letters = _char_counts(text)
    dom = b.dom
    in_main = None if dom is None else dom.in_main
    return (
        0.0, 0.0,
        math.log1p(b.words),
        math.log1p(len(text)),
        float(text.rstrip()[-1:] in LINE_END_MARKS),
        float(min(b.sentence_marks, 20)),
        digits / size,
        upper / max(1, letters),
        float(bool(BULLET_LINE.match(text))),
        float(bool(_PRICE.search(text))),
        text.count(",") / max(1, b.words),
        0.0,
        float(dom.heading if dom else 0),
        float(bool(dom and dom.list_item)),
        dom.link_density if dom else 0.0,
        float(bool(dom and dom.in_figure)),
        float(bool(dom and dom.in_comments)),
        (dom.content_score or 0.0) if dom else 0.0,
        float(in_main is True),
        float(in_main is None),
        float(dom is not None),
    )  # fmt: skip


def _char_counts(text: str) -> tuple[int, int, int]:
    """Digits, capitals and letters in ``text``: ASCII text counted in C, other text
    on its first :data:`SAMPLE_CHARS` characters scaled to its length."""
    if text.isascii():
        data = text.encode("ascii")
        size = len(data)
        upper = size - len(data.translate(None, _ASCII_UPPER))
        letters = upper + size - len(data.translate(None, _ASCII_LOWER))
        return size - len(data.translate(None, _ASCII_DIGITS)), upper, letters
    sample = text[:SAMPLE_CHARS]
    scale = len(text) / max(1, len(sample))
    return (
        round(sum(map(str.isdecimal, sample)) * scale),
        round(sum(map(str.isupper, sample)) * scale),
        round(sum(map(str.isalpha, sample)) * scale),
    )


def _shifted(values: Floats, by: int, fill: float = 0.0) -> Floats:
    """``values`` moved ``by`` places (positive: each row sees the row ``by`` before it)."""
    out = np.full_like(values, fill)
    if by > 0:
        out[by:] = values[:-by]
    elif by < 0:
        out[:by] = values[-by:]
    return out


def _fill_around(
    x: Floats, shares: Floats, words: Floats, heading: npt.NDArray[np.bool_],
    tags: npt.NDArray[np.intp],
) -> None:  # fmt: skip
    """The neighbourhood columns: the blocks up to :data:`WINDOW` places away."""
    n = len(shares)
    offsets = [d for d in range(-WINDOW, WINDOW + 1) if d]
    present = np.zeros(n)
    share_sum, words_sum, same_tag = np.zeros(n), np.zeros(n), np.zeros(n)
    ones = np.ones(n)
    for d in offsets:
        there = _shifted(ones, d)
        present += there
        share_sum += _shifted(shares, d)
        words_sum += _shifted(words, d)
        same_tag += there * (_shifted(tags.astype(float), d, -2.0) == tags)
    others = np.maximum(1.0, present)
    x[:, _AT["prev_kept"]] = _shifted(shares, 1)
    x[:, _AT["next_kept"]] = _shifted(shares, -1)
    x[:, _AT["window_kept"]] = share_sum / others
    x[:, _AT["window_words_log"]] = np.log1p(words_sum / others)
    before, after = _gaps(shares > 0.5)
    x[:, _AT["gap_before"]] = before
    x[:, _AT["gap_after"]] = after
    x[:, _AT["between_kept"]] = (before < GAP_CAP) & (after < GAP_CAP)
    x[:, _AT["prev_heading"]] = _shifted(heading.astype(float), 1)
    x[:, _AT["next_heading"]] = _shifted(heading.astype(float), -1)
    x[:, _AT["same_tag_run"]] = same_tag / others


def _tag(b: Block) -> str:
    return b.dom.tag if b.dom else ""


def _gaps(kept: npt.NDArray[np.bool_]) -> tuple[Floats, Floats]:
    """Per block, how many blocks back and ahead the nearest other kept block is
    (capped at :data:`GAP_CAP`)."""
    n = len(kept)
    at = np.flatnonzero(kept)
    index = np.arange(n)
    if not len(at):
        return np.full(n, float(GAP_CAP)), np.full(n, float(GAP_CAP))
    back = np.searchsorted(at, index, side="left") - 1  # the last kept block before
    ahead = np.searchsorted(at, index, side="right")  # the first kept block after
    before = np.where(back >= 0, index - at[np.maximum(back, 0)], GAP_CAP)
    after = np.where(ahead < len(at), at[np.minimum(ahead, len(at) - 1)] - index, GAP_CAP)
    return np.minimum(before, GAP_CAP).astype(float), np.minimum(after, GAP_CAP).astype(float)
