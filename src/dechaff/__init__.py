"""dechaff: separate a scraped article from its chaff, and say what was removed and why.

>>> from dechaff import clean
>>> r = clean("Skip to content\\nAdvertisement\\nThe bridge reopened on Friday after a year.")
>>> r.text
'The bridge reopened on Friday after a year.'
>>> [(x.reason.value, x.text) for x in r.removals]
[('skip-link', 'Skip to content'), ('ad-marker', 'Advertisement')]
"""

from __future__ import annotations

import functools

from .batch import CleanFailure, clean_many
from .blocks import Block, DomInfo, InlineMark, segment
from .errors import ConfigError, DechaffError, FilterError, InputTooLargeError, WorkerError
from .invariant import problems
from .markdown import MarkdownOptions
from .page import Facts, Filter, Page, Settings
from .page_type import PageType
from .pipeline import Cleaner, load_plugins
from .profile import SiteEvidence, SiteProfile
from .report import CopyOf, Flag, PluginReason, Reason, Reinstatement, Removal, Repair, Title
from .result import CleanResult
from .verdict import PageFlag, PageReason

__version__ = "0.2.0"
"""This version of dechaff; its changes are in CHANGELOG.md."""

__all__ = [
    "Block",
    "CleanFailure",
    "CleanResult",
    "Cleaner",
    "ConfigError",
    "CopyOf",
    "DechaffError",
    "DomInfo",
    "Facts",
    "Filter",
    "FilterError",
    "Flag",
    "InlineMark",
    "InputTooLargeError",
    "MarkdownOptions",
    "Page",
    "PageFlag",
    "PageReason",
    "PageType",
    "PluginReason",
    "Reason",
    "Reinstatement",
    "Removal",
    "Repair",
    "Settings",
    "SiteEvidence",
    "SiteProfile",
    "Title",
    "WorkerError",
    "clean",
    "clean_html",
    "clean_many",
    "default_filters",
    "load_plugins",
    "problems",
    "segment",
]


def __getattr__(name: str) -> object:
    """The built-in filters load on first use, not with the package."""
    if name == "default_filters":
        from .filters import default_filters

        return default_filters
    raise AttributeError(f"module 'dechaff' has no attribute {name!r}")


@functools.cache
def _default_cleaner() -> Cleaner:
    """The default pipeline, built once: its filters are frozen, so sharing it is safe."""
    return Cleaner.default()


def clean_html(html: str | bytes, *, site: SiteEvidence | None = None) -> CleanResult:
    """Clean one HTML page, ``html`` as ``str`` or ``bytes``, with the default
    pipeline; ``site``: its site's boilerplate, from a site profile. Returns the
    :class:`CleanResult`; raises as :meth:`Cleaner.clean_html` does."""
    return _default_cleaner().clean_html(html, site=site)


def clean(raw: str | bytes, *, site: SiteEvidence | None = None) -> CleanResult:
    """Clean one page of raw text with the default pipeline.

    ``raw`` is ``str`` or ``bytes`` (decoded with charset detection); an HTML
    document is recognised by its start and cleaned as HTML. Raises
    :class:`TypeError` for anything else and :class:`InputTooLargeError` past the
    default size limit. ``site``: the page's site boilerplate, from a site profile
    (:mod:`dechaff.profile`).
    """
    return _default_cleaner()(raw, site=site)
