"""The class, id and style patterns of readability-lxml's scoring.

Written from readability-lxml 0.9 (``readability/readability.py``, its
``REGEXES``; Apache License 2.0), itself after Arc90's readability.js. dechaff
reproduces that library's choice of the main content element
(:mod:`dechaff.html.main_element`), so it uses the same patterns; they are kept here
so that dechaff needs no readability-lxml at run time. The tests compare
dechaff's choice with readability-lxml's own on real pages.
"""

from __future__ import annotations

import re

PATTERNS: dict[str, str] = {
    "unlikelyCandidatesRe": (
        "combx|comment|community|disqus|extra|foot|header|menu|remark|rss|shoutbox|sidebar"
        "|sponsor|ad-break|agegate|pagination|pager|popup|tweet|twitter"
    ),
    "okMaybeItsACandidateRe": "and|article|body|column|content|main|shadow",
    "positiveRe": ("article|body|content|entry|hentry|main|page|pagination|post|text|blog|story"),
    "negativeRe": (
        "combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo"
        "|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget"
    ),
    "divToPElementsRe": "<(blockquote|dl|div|img|ol|p|pre|table|ul)",
    "displayNoneRe": (
        r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)"
    ),
    "callToActionRe": r"^\s*(?:sign up|subscribe|download|get the latest)\b",
    "editorialLeadRe": (
        r"(?:^|[\s_-])(?:subhead|story[\s_-]*lead|standfirst|dek|subtitle)(?:$|[\s_-])"
    ),
}

REGEXES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE) for name, pattern in PATTERNS.items()
}
"""Each pattern compiled as readability-lxml compiles it (case-blind)."""
