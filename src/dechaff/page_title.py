"""The page's title, as its metadata gives it: chosen among the page's first-level
headings, the headline the pipeline decided (:attr:`dechaff.CleanResult.title`)
and the document title (``og:title``, else ``<title>``), without the site's name.

Sites write the title twice: once in the document's head, where it carries the
site's name and often a section or a slogan ("Flexbox - Learn web development |
MDN"), and once on the page, as its ``<h1>``. Where the two agree, that is the
title; where they do not, the page's own ``<h1>`` is (the head is often a search
engine's version of it), and a page without one, or with several (a forum's
board and thread, a blog's name and post), takes the head's first part that is
not the site's name.

>>> headline = Found("Learn web development", "headline (block 3)")
>>> document = Found("Flexbox - Learn web development | MDN", "<title>")
>>> choose_title([(2, "Flexbox")], headline, document, "MDN Web Docs", None)
Found(value='Flexbox', source='<h1> (block 2), which the document title holds')
>>> choose_title([], None, document, "MDN", None)
Found(value='Flexbox', source="<title>: its first part that is not the site's name")
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from .metadata import Found
from .textutil import SITE_SEPARATOR

_WORD = re.compile(r"\w+")


def words_key(text: str) -> str:
    """The text's words, case-folded, one space apart: what two titles must share
    to be the same title ("Beginner's Guide" and "Beginner’s guide" are)."""
    return " ".join(_WORD.findall(text.casefold()))


def title_parts(document: str) -> list[str]:
    """The parts of a document title between site separators (``"Headline | Site"``)."""
    return [part.strip() for part in SITE_SEPARATOR.split(document) if part.strip()]


def _site_names(site: str | None, address: str | None) -> set[str]:
    """What a title part that is only the site's name reads as, spaces taken out:
    the site's name, and each label of the page's host name but ``www``."""
    names = {words_key(site).replace(" ", "")} if site else set()
    host = urlsplit(address).hostname if address else None
    names.update(label for label in (host or "").split(".") if label != "www")
    names.discard("")
    return names


def choose_title(
    headings: Sequence[tuple[int, str]],
    headline: Found | None,
    document: Found | None,
    site: str | None,
    address: str | None,
) -> Found | None:
    """The page's title: the first of its ``headings`` (first-level headings, each
    with its block) or the ``headline`` that the ``document`` title holds, whole or
    as a part that is not the site's name (``site``, the host of ``address``);
    else the page's one heading; else the document title's first part that is not
    the site's name (a page of several first-level headings, none of them the
    document title's, shows no one of them as its title); else the first heading;
    else the headline (``None`` when the page gives none of them)."""
    names = _site_names(site, address)
    every = title_parts(document.value) if document else []
    if len(every) >= 2:
        names.add(words_key(every[-1]).replace(" ", ""))

    def own(key: str) -> bool:
        return bool(key) and key.replace(" ", "") not in names

    parts = [p for p in every if own(words_key(p))]
    held = {words_key(p) for p in parts} | ({words_key(document.value)} if document else set())
    candidates = [(text, f"<h1> (block {block})") for block, text in headings]
    if headline is not None:
        candidates.append((headline.value, headline.source))
    for text, source in candidates:
        key = words_key(text)
        if own(key) and key in held:
            return Found(text, f"{source}, which the document title holds")
    mine = [(block, text) for block, text in headings if own(words_key(text))]
    if mine and (len(mine) == 1 or not parts):
        block, text = mine[0]
        return Found(text, f"the first <h1> (block {block})")
    if parts and document is not None:
        return Found(parts[0], f"{document.source}: its first part that is not the site's name")
    return headline
