"""Page-level flags: what the result says about the page as a whole when its body
is empty or almost so, and why.

A span flag (:class:`~dechaff.report.Flag`) marks a line that was kept; a page flag
marks the outcome of the whole page, so that a corpus run can tell a page with
nothing to read from one whose every line was judged chaff.

>>> from dechaff import clean
>>> [f.reason.value for f in clean("Advertisement\\nShare").page_flags]
['all-removed']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from .blocks import Block
from .report import Removal

if TYPE_CHECKING:
    from .result import CleanResult

SHORT_BODY_CHARS = 50
"""A body of fewer characters than this is flagged when the page read more."""
NAMED_REASONS = 3
"""How many of the reasons that removed most a flag's detail names."""


class PageReason(str, Enum):
    """Why the page as a whole is flagged. The value is the slug."""

    NOTHING_READ = "nothing-read"
    """The input holds no visible text: an empty file, or HTML that shows none."""
    ALL_REMOVED = "all-removed"
    """The page read text, and every line of it was removed."""
    SHORT_BODY = "short-body"
    """The body is shorter than :data:`SHORT_BODY_CHARS` though the page read more."""
    MAIN_ELEMENT_SET_ASIDE = "main-element-set-aside"
    """The main content element kept almost nothing, and the page was cleaned
    again without it (:meth:`dechaff.Cleaner.clean_html`)."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class PageFlag:
    """A flag on the whole page: its reason and the evidence, in words."""

    reason: PageReason
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """The flag as a dictionary of JSON types."""
        return {"reason": self.reason.value, "detail": self.detail}


def page_flags(
    text: str, blocks: Sequence[Block], removals: Sequence[Removal]
) -> tuple[PageFlag, ...]:
    """The page flags a result with body ``text`` carries: none for a body of
    :data:`SHORT_BODY_CHARS` or more."""
    if len(text) >= SHORT_BODY_CHARS:
        return ()
    read = sum(len(b.text) for b in blocks)
    if read == 0:
        return (PageFlag(PageReason.NOTHING_READ, "the input shows no text"),)
    taken = _largest_removers(removals)
    if not text:
        return (PageFlag(PageReason.ALL_REMOVED, f"{read:,} characters read; {taken}"),)
    if read < SHORT_BODY_CHARS:
        return ()  # the page is short itself: its body is all it had to give
    detail = f"{len(text)} of {read:,} characters kept; {taken}"
    return (PageFlag(PageReason.SHORT_BODY, detail),)


MAIN_CONTENT = "main-content"
"""The name of the filter that keeps an HTML page's main content element."""
MAIN_SHARE_OF_REMOVED = 0.5
"""A short body's main element is set aside when its filter removed at least this
share of the characters that went."""


def main_element_emptied(result: CleanResult) -> bool:
    """Whether ``result``'s body is under :data:`SHORT_BODY_CHARS` and the main
    content filter removed at least :data:`MAIN_SHARE_OF_REMOVED` of what went."""
    if len(result.text) >= SHORT_BODY_CHARS:
        return False
    removed = sum(len(r.text) for r in result.removals)
    by_main = sum(len(r.text) for r in result.removals if r.filter == MAIN_CONTENT)
    return removed > 0 and by_main >= MAIN_SHARE_OF_REMOVED * removed


def _largest_removers(removals: Sequence[Removal]) -> str:
    """The reasons that removed most characters, largest first: "removed as
    outside-main 4,210, link-list 833"."""
    chars: Counter[str] = Counter()
    for r in removals:
        chars[f"{r.filter}/{r.reason.value}"] += len(r.text)
    named = ", ".join(f"{key} {count:,}" for key, count in chars.most_common(NAMED_REASONS))
    return f"removed as {named}" if named else "nothing removed"
