"""HTML input: decoding, the one walk over the page's elements, its visible lines,
readability-lxml's main-content choice, and the blocks built from them.

- :mod:`~dechaff.html.decoding`: HTML or text, and the bytes' encoding;
- :mod:`~dechaff.html.reader`: :func:`parse`, from a document to blocks with DOM evidence;
- :mod:`~dechaff.html.walk`: one walk over the tree, feeding
  :mod:`~dechaff.html.lines` (the visible lines) and :mod:`~dechaff.html.measures`
  (readability-lxml's measures);
- :mod:`~dechaff.html.main_element`: the main content element;
- :mod:`~dechaff.html.stream`: pages too deep for a tree;
- :mod:`~dechaff.html.vocabulary` and :mod:`~dechaff.html.patterns`: the tag sets
  and class/id patterns all of them use.
"""

from .decoding import decode_html, looks_like_html
from .reader import HtmlPage, parse

__all__ = ["HtmlPage", "decode_html", "looks_like_html", "parse"]
