"""The HTML vocabulary dechaff reads pages with: which elements are blocks, which
hold no visible text, which are landmarks, and which are hidden."""

from __future__ import annotations

from typing import Any

from .patterns import REGEXES

BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section
    table tbody thead tfoot tr td th ul caption summary center menu legend""".split()
)
"""Elements that start a new line of visible text."""
SKIP_TAGS = frozenset(
    """script style noscript template svg math iframe object embed canvas head title select
    option button input textarea video audio source track map area datalist""".split()
)
"""Elements whose text is never visible text."""
CONTROL_TAGS = frozenset({"button", "select", "option", "datalist"})
"""Form controls among them: their text is a label, unless an unclosed tag made the
rest of the page their content."""
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
ARTICLE_TYPES = frozenset(
    """article newsarticle blogposting reportagenewsarticle analysisnewsarticle
    opinionnewsarticle backgroundnewsarticle reviewnewsarticle techarticle scholarlyarticle
    liveblogposting report socialmediaposting""".split()
)
"""The ``og:type`` and schema.org types (lower-cased) by which a page says it is an
article."""
LANDMARK_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
LANDMARK_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
}
"""ARIA roles that make an element a landmark, and the tag they stand for."""

_DISPLAY_NONE = REGEXES["displayNoneRe"]


def is_hidden(el: Any) -> bool:
    """Hidden by the ``hidden`` attribute, ``aria-hidden`` or an inline style."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _DISPLAY_NONE.search(style) is not None
