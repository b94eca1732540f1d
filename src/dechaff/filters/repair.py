"""The repair stage: the holes of kept paragraphs, filled from the page's copies of
them (:mod:`dechaff.repair`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..repair import Repairer, repairs
from ..report import Decision
from .base import INF, check_settings


@dataclass(frozen=True, kw_only=True)
class Repairs:
    """Put back into kept paragraphs the words a copy of them holds
    (``link-hole-repaired``): this is how "dispatched about 10,000-12,000 ." gets its
    "troops to Russia" back.

    The copies are those the filters before it declared
    (:attr:`dechaff.report.Removal.copy_of`: ``duplicates`` declares its glued,
    near and exact copies) and the glued copies the reading stage found that a
    filter removed for another reason (:attr:`dechaff.page.Facts.held`). Words
    that the kept paragraph lacks but the copy holds, inside an otherwise matching
    passage (``min_alignment`` of the paragraph's tokens match) and at most
    ``max_hole_tokens`` long, are inserted; so are a glued copy's words at a
    paragraph's edges. Every repair names the span it copied.
    ``Cleaner.default().without("repair")`` keeps the holes.
    """

    name: str = "repair"
    max_hole_tokens: int = 16
    min_alignment: float = 0.85
    shingle_size: int = 3
    """Runs of this many words find a paragraph in its copy."""

    def __post_init__(self) -> None:
        check_settings(self, max_hole_tokens=(0, INF), min_alignment=(0, 1), shingle_size=(1, INF))

    def __call__(self, page: Page) -> Iterator[Decision]:
        repairer = Repairer(self.name, self.max_hole_tokens, self.min_alignment)
        yield from repairs(page, repairer, self.shingle_size)
