"""What an HTML page says about itself in its markup: JSON-LD, Open Graph,
``<meta>``, ``<link rel>``, ``<time>`` and ``<html lang>``.

Every value comes with its source (:class:`~dechaff.metadata.Found`). JSON-LD
speaks first where it holds the field (it is written for machines, and names the
page's own object), then Open Graph, then ``<meta>`` and the elements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from ..metadata import Found, Metadata, author_of_byline, normalise_date
from ..textutil import squash
from .vocabulary import ARTICLE_TYPES

_LD_TYPE = re.compile(r'"@type"\s*:\s*(?:\[\s*)?"([\w:.-]+)"')
MAX_LD_CHARS = 1_000_000
"""JSON-LD scripts longer than this are not parsed for metadata (their types are
still read)."""
_DATE_META = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
    "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")


def declared_types(root: Any) -> frozenset[str]:
    """The page's ``og:type`` and its JSON-LD ``@type`` values (the first of a list),
    lower-cased."""
    found = {
        (m.get("content") or "").strip().lower()
        for m in root.iter("meta")
        if m.get("property") == "og:type"
    }
    for script in _ld_scripts(root):
        found.update(t.lower() for t in _LD_TYPE.findall(script))
    found.discard("")
    return frozenset(found)


def address(root: Any) -> str | None:
    """``<link rel="canonical">``'s address, else ``og:url``'s."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    for meta in root.iter("meta"):
        if meta.get("property") == "og:url" and meta.get("content"):
            return str(meta.get("content")).strip()
    return None


def document_title(root: Any) -> Found | None:
    """og:title, else ``<title>``, with which it is."""
    metas = (m.get("content") or "" for m in root.iter("meta") if m.get("property") == "og:title")
    if og := squash(" ".join(metas)):
        return Found(og, "og:title")
    title = squash(" ".join(" ".join(t.itertext()) for t in root.iter("title")))
    return Found(title, "<title>") if title else None


def read_metadata(root: Any) -> Metadata:
    """The metadata the markup gives; its title is the document title, whole
    (:func:`dechaff.page_title.choose_title` takes the page's title from it)."""
    ld = _main_ld_object(root)
    metas = _metas(root)
    url = address(root)
    return Metadata(
        title=document_title(root),
        author=_author(ld, metas, root),
        date=_date(ld, metas, root),
        site_name=_first(
            (_ld_name(ld.get("publisher")) if ld else None, "json-ld publisher"),
            (metas.get("og:site_name"), "og:site_name"),
            (metas.get("application-name"), "meta application-name"),
        ),
        url=Found(url, "canonical link or og:url") if url else None,
        description=_first(
            (metas.get("og:description"), "og:description"),
            (metas.get("description"), "meta description"),
        ),
        language=_language(root, metas),
    )


def _ld_scripts(root: Any) -> Iterator[str]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            yield script.text


def _ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, ``@graph`` and lists opened."""
    if isinstance(value, list):
        for item in value:
            yield from _ld_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _ld_objects(value.get("@graph"))
        yield from _ld_objects(value.get("mainEntity"))  # a question page's question


def _types(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    return {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if k}


def _main_ld_object(root: Any) -> dict[str, Any] | None:
    """The JSON-LD object that stands for the page's content: the first article,
    else the first with a date published or an author."""
    objects: list[dict[str, Any]] = []
    for script in _ld_scripts(root):
        if len(script) > MAX_LD_CHARS:
            continue
        try:
            objects.extend(
                _ld_objects(json.loads(script.strip().removeprefix("<!--").removesuffix("-->")))
            )
        except ValueError:
            continue
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return next((o for o in objects if "datePublished" in o or "author" in o), None)


def _metas(root: Any) -> dict[str, str]:
    """``<meta>`` contents by lower-cased ``property``, ``name`` or ``itemprop``: the
    first of each."""
    found: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = squash(m.get("content") or "")
        if key and content and key not in found:
            found[key] = content
    return found


def _ld_name(value: Any) -> str | None:
    """A name from a JSON-LD value: a string, an object's ``name``, or a list's names
    joined by "; "."""
    if isinstance(value, str):
        return squash(value) or None
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return "; ".join(dict.fromkeys(names)) or None
    return None


Source = tuple[Callable[[], str | None], str]
"""A way to read a field, and the name of where it reads it: tried in order, so
that the costly ways run only on pages the cheap ones leave without a value."""


def _author(ld: dict[str, Any] | None, metas: dict[str, str], root: Any) -> Found | None:
    sources: list[Source] = [(lambda: _ld_name(ld.get("author")) if ld else None, "json-ld author")]
    sources += [(lambda key=key: metas.get(key), f"meta {key}") for key in _AUTHOR_META]  # type: ignore[misc]
    sources += [(lambda: _rel_author(root), 'rel="author" link')]
    sources += [(lambda: _marked_author(root), "element marked author or byline")]
    for read, source in sources:
        name = read()
        if name and not _is_address(name):
            return Found(name, source)
    return None


_AUTHOR_MARKS = etree.XPath(
    '//*[@itemprop="author" or contains(@class, "author") or contains(@class, "byline")]'
)
MARKED_AUTHOR_WORDS = 6
"""An element marked author or byline names the author when its text, less a
byline's opening words, is at most this many words."""


def _marked_author(root: Any) -> str | None:
    """The name in the first element whose class says author or byline (or whose
    ``itemprop`` is author), outside comment sections: its text when short, less a
    byline's opening words ("Text by Ann Lee")."""
    marked: list[Any] = _AUTHOR_MARKS(root)  # type: ignore[assignment]
    for el in marked:
        if el.tag in _NOT_NAMES or _in_comments(el):
            continue
        text = squash(" ".join(el.itertext()))
        name = author_of_byline(text) or text
        if name and len(name.split()) <= MARKED_AUTHOR_WORDS and name[:1].isupper():
            return name
    return None


_NOT_NAMES = frozenset({"img", "script", "style", "meta", "link", "time", "figure", "svg"})


def _in_comments(el: Any) -> bool:
    return any("comment" in (a.get("class") or "") for a in el.iterancestors())


def _rel_author(root: Any) -> str | None:
    for a in root.iter("a"):
        if "author" in (a.get("rel") or "").lower().split():
            name = squash(" ".join(a.itertext()))
            if name:
                return name
    return None


def _date(ld: dict[str, Any] | None, metas: dict[str, str], root: Any) -> Found | None:
    sources: list[Source] = [
        (lambda: str(ld.get("datePublished") or "") if ld else None, "json-ld datePublished")
    ]
    sources += [(lambda key=key: metas.get(key), f"meta {key}") for key in _DATE_META]  # type: ignore[misc]
    sources += [(lambda: _first_time(root), "<time datetime>")]
    sources += [(lambda: _script_date(root), "a script's page data")]
    for read, source in sources:
        value = read()
        day = normalise_date(value) if value else None
        if day:
            return Found(day, source)
    return None


_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|date_published|publishedAt|published_at|publishDate|pubDate|date)"'
    r'\s*:\s*"((?:19|20)\d{2}-\d{2}-\d{2})'
)
"""A date published in the data a page's scripts carry (a framework's page state)."""


def _script_date(root: Any) -> str | None:
    for script in root.iter("script"):
        match = _SCRIPT_DATE.search(script.text or "")
        if match:
            return match.group(1)
    return None


def _first_time(root: Any) -> str | None:
    for el in root.iter("time"):
        if el.get("datetime"):
            return str(el.get("datetime"))
    return None


def _language(root: Any, metas: dict[str, str]) -> Found | None:
    lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    source = "<html lang>"
    if not lang:
        lang, source = metas.get("content-language", ""), "meta content-language"
    if not lang:
        lang, source = metas.get("og:locale", "").replace("_", "-"), "og:locale"
    lang = lang.split(",")[0].strip().lower()
    return Found(lang, source) if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", lang) else None


def _first(*candidates: tuple[str | None, str]) -> Found | None:
    for value, source in candidates:
        if value:
            return Found(value, source)
    return None


def _is_address(text: str) -> bool:
    return text.startswith(("http://", "https://", "www.")) or "/" in text
