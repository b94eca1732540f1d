"""The built-in filters, one module each, and the default pipeline order."""

from __future__ import annotations

from ..page import check_favour
from .across_pages import AcrossPages
from .ad_markers import AdMarkers
from .author_bio import AuthorBios
from .base import Filter, remove_block, remove_span
from .block_model import BlockModel
from .body_region import BodyRegion
from .chrome import PageChrome
from .comment_sections import CommentSections
from .control_characters import ControlCharacters
from .duplicates import Duplicates
from .figures import Figures
from .headline import Headline
from .inline_captions import InlineCaptions
from .link_density import LinkDensity
from .main_content import MainContent
from .repair import Repairs
from .transcript import Transcripts
from .truncation import Truncation

__all__ = [
    "AcrossPages",
    "AdMarkers",
    "AuthorBios",
    "BlockModel",
    "BodyRegion",
    "CommentSections",
    "ControlCharacters",
    "Duplicates",
    "Figures",
    "Filter",
    "Headline",
    "InlineCaptions",
    "LinkDensity",
    "MainContent",
    "PageChrome",
    "Repairs",
    "Transcripts",
    "Truncation",
    "default_filters",
    "remove_block",
    "remove_span",
]


def default_filters(favour: str = "balanced") -> tuple[Filter, ...]:
    """A fresh tuple of the built-in filters, in running order, set for ``favour``
    (see :attr:`dechaff.Settings.favour`)."""
    check_favour(favour)
    main_content = {
        "precision": MainContent(lead_levels=None),
        "balanced": MainContent(after_min_words=80),
        "recall": MainContent(lead_heading_words=0, after_min_words=30),
    }[favour]
    body_region = {
        "precision": BodyRegion(short_penalty=24.0, gap_cost=None, dom_gap_cost=None),
        "balanced": BodyRegion(),
        "recall": BodyRegion(gap_cost=20.0, gap_step=1.0, gap_crosses_menus=True),
    }[favour]
    block_model = {
        "precision": BlockModel(
            remove_below=0.55, remove_on_prose=0.4, keep_at=0.7, keep_on_articles=0.95
        ),
        "balanced": BlockModel(),  # the thresholds each mode's forest was chosen with
        "recall": BlockModel(
            remove_below=0.3, remove_on_prose=0.15, keep_at=0.35, keep_on_articles=0.7
        ),
    }[favour]
    return (
        ControlCharacters(),
        AdMarkers(),
        Figures(),
        CommentSections(),
        main_content,
        PageChrome(),
        Headline(),
        AcrossPages(),
        LinkDensity(),
        Transcripts(),
        InlineCaptions(),
        Duplicates(),
        Repairs(),
        Truncation(),
        body_region,
        AuthorBios(),
        block_model,
    )
