"""The built-in filters, one module each, and the default pipeline order."""

from __future__ import annotations

from .ad_markers import AdMarkers
from .base import Filter, remove_block, remove_span
from .body_region import BodyRegion
from .chrome import PageChrome
from .comment_sections import CommentSections
from .duplicates import Duplicates
from .figures import Figures
from .headline import Headline
from .link_density import LinkDensity
from .main_content import MainContent
from .transcript import Transcripts
from .truncation import Truncation

__all__ = [
    "AdMarkers",
    "BodyRegion",
    "CommentSections",
    "Duplicates",
    "Figures",
    "Filter",
    "Headline",
    "LinkDensity",
    "MainContent",
    "PageChrome",
    "Transcripts",
    "Truncation",
    "default_filters",
    "remove_block",
    "remove_span",
]


def default_filters() -> tuple[Filter, ...]:
    """A fresh tuple of the built-in filters with their default settings, in running order."""
    return (
        AdMarkers(),
        Figures(),
        CommentSections(),
        MainContent(),
        PageChrome(),
        Headline(),
        LinkDensity(),
        Transcripts(),
        Duplicates(),
        Truncation(),
        BodyRegion(),
    )
