"""Site profiles: which lines a site repeats across its pages, learned from a corpus.

One page cannot tell a site's "About us" paragraph, its standard author bio or a
footer written in full sentences from article text; across a crawl such lines
stand on most of the site's pages. A :class:`SiteProfile` counts, per site, on
how many pages each normalised line stands (a line counts once per page), in
one streaming pass. Profiles learned on shards add up (:meth:`SiteProfile.merge`)
to the profile of the whole, so learning is a map and a reduce.

A line is normalised by :func:`line_key` (case-folded, whitespace folded,
punctuation stripped at the ends, every number made ``0``, so that dates and
counts vary freely) and kept as a 64-bit hash (XXH3, from the xxhash library).
Memory: about 100 bytes per distinct line of a site while learning; a site that reaches
``max_lines_per_site`` distinct lines drops those seen on one page only (they
cannot be its boilerplate yet), and the profile says so (``pruned``); merges of
unpruned profiles are exact.

Saved as gzip-compressed JSON (:data:`FORMAT`, version :data:`VERSION`)::

    {"format": "dechaff-site-profile", "version": 1, "key": "line_key/xxh3-64",
     "sites": {"example.com": {"pages": 240, "pruned": false,
                               "lines": {"<hash>": <pages>, ...}}}}

Learning remembers the hash of each line it has seen verbatim
(:class:`LineHasher`): a site's pages share most of their lines, so only each
page's own are folded and hashed.

For cleaning, :meth:`SiteProfile.evidence` gives one site's boilerplate: the lines
that pass the thresholds of :class:`~dechaff.page.Settings`, which the
``across-pages`` filter removes and the body model treats as chaff.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from xxhash import xxh3_64_intdigest

from .errors import ConfigError
from .textutil import key

FORMAT = "dechaff-site-profile"
VERSION = 1
KEY = "line_key/xxh3-64"
"""How lines are normalised and hashed; a profile made another way is refused."""
MAX_LINES_PER_SITE = 2_000_000

_NUMBERS = re.compile(r"\d+")


def line_key(text: str) -> str:
    """A line as profiles compare it.

    >>> line_key("  Updated: March 13, 2024 — ")
    'updated: march 0, 0'
    """
    return _NUMBERS.sub("0", key(text))


def line_hash(text: str) -> int:
    """The 64-bit hash (signed, as Spark's ``bigint``) of a line's :func:`line_key`."""
    return hash_key(line_key(text))


def hash_of_key(folded: str) -> int:
    """The hash of a line given by its :func:`dechaff.textutil.key` (a block's ``key``)."""
    return hash_key(_NUMBERS.sub("0", folded))


def hash_key(normalised: str) -> int:
    """The 64-bit hash of an already normalised line (signed, as Spark's ``bigint``)."""
    value = xxh3_64_intdigest(normalised.encode("utf-8", "surrogatepass"))
    return value - _WRAP if value >= _HALF else value


_HALF, _WRAP = 1 << 63, 1 << 64


def page_hashes(text: str) -> set[int]:
    """The distinct line hashes of a page's text (its visible text, for HTML)."""
    return {h for line in set(text.splitlines()) if (h := _line_hash(line)) is not None}


class LineHasher:
    """:func:`page_hashes` for page after page of a crawl, remembering the hash of
    each line it has seen verbatim (a site's template repeats on its pages, so most
    lines are found, not folded and hashed again); it remembers at most
    ``capacity`` lines, starting afresh when full."""

    def __init__(self, capacity: int = 200_000) -> None:
        self.capacity = capacity
        self.known: dict[str, int | None] = {}

    def page(self, text: str) -> set[int]:
        """The distinct line hashes of one page, as :func:`page_hashes` gives them."""
        hashes: set[int] = set()
        known = self.known
        for line in set(text.splitlines()):
            if line in known:
                value = known[line]
            else:
                value = _line_hash(line)
                if len(known) >= self.capacity:
                    known.clear()
                known[line] = value
            if value is not None:
                hashes.add(value)
        return hashes


def _line_hash(line: str) -> int | None:
    """One raw line's hash, ``None`` when nothing is left of it."""
    folded = key(line)
    return hash_of_key(folded) if folded else None


def site_of(url: str) -> str:
    """The site a URL belongs to: its host, lower-cased, without ``www.``.

    >>> site_of("https://WWW.Example.com:8080/news/1?x=2")
    'example.com'
    """
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


@dataclass(frozen=True)
class SiteEvidence:
    """One site's boilerplate, as the cleaning of one of its pages weighs it."""

    site: str
    pages: int
    """How many of the site's pages the profile saw."""
    lines: Mapping[int, int] = field(default_factory=dict)
    """Line hash -> on how many of those pages the line stands (boilerplate only;
    read-only)."""

    def seen(self, text: str) -> int:
        """On how many pages the line ``text`` stands (0: not boilerplate)."""
        return self.lines.get(line_hash(text), 0)


@dataclass
class SiteCounts:
    """What the profile knows of one site."""

    pages: int = 0
    lines: Counter[int] = field(default_factory=Counter)
    pruned: bool = False


class SiteProfile:
    """Counts of normalised lines per site, learned page by page; see the module."""

    def __init__(self, *, max_lines_per_site: int = MAX_LINES_PER_SITE) -> None:
        if max_lines_per_site < 1:
            raise ConfigError("max_lines_per_site must be at least 1")
        self.max_lines_per_site = max_lines_per_site
        self.sites: dict[str, SiteCounts] = {}
        self._hasher = LineHasher()

    def learn(self, text: str, site: str) -> None:
        """Count the lines of one page, ``text`` (its text, or an HTML page's visible
        text), as a page of the site called ``site``."""
        self.learn_hashes(self._hasher.page(text), site)

    def learn_hashes(self, hashes: Iterable[int], site: str) -> None:
        """Count one page of the site ``site`` given by its distinct line
        ``hashes`` (:func:`page_hashes`)."""
        counts = self.sites.get(site)
        if counts is None:
            counts = self.sites[site] = SiteCounts()
        counts.pages += 1
        counts.lines.update(hashes)
        if len(counts.lines) > self.max_lines_per_site:
            counts.lines = Counter({h: n for h, n in counts.lines.items() if n > 1})
            counts.pruned = True

    def merge(self, other: SiteProfile) -> SiteProfile:
        """A new profile holding the counts of this one and ``other`` (profiles of
        disjoint sets of pages); neither is changed."""
        merged = SiteProfile(
            max_lines_per_site=max(self.max_lines_per_site, other.max_lines_per_site)
        )
        for source in (self, other):
            for site, counts in source.sites.items():
                mine = merged.sites.setdefault(site, SiteCounts())
                mine.pages += counts.pages
                mine.lines.update(counts.lines)
                mine.pruned = mine.pruned or counts.pruned
        return merged

    def evidence(
        self, site: str, *, min_pages: int = 5, min_share: float = 0.3, min_site_pages: int = 10
    ) -> SiteEvidence | None:
        """The boilerplate of ``site``: lines on at least ``min_pages`` pages and
        ``min_share`` of the site's pages; ``None`` for a site with fewer than
        ``min_site_pages`` pages (too few to tell)."""
        counts = self.sites.get(site)
        if counts is None or counts.pages < min_site_pages:
            return None
        need = max(min_pages, min_share * counts.pages)
        lines = {h: n for h, n in counts.lines.items() if n >= need}
        return SiteEvidence(site, counts.pages, lines)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteProfile):
            return NotImplemented
        return _plain(self) == _plain(other)

    __hash__ = None  # type: ignore[assignment]  # (mutable while learning)

    def save(self, path: str | Path) -> None:
        """Write the profile to ``path`` as gzip-compressed JSON (see the module);
        raises :class:`OSError` when the file cannot be written."""
        data = {
            "format": FORMAT,
            "version": VERSION,
            "key": KEY,
            "max_lines_per_site": self.max_lines_per_site,
            "sites": {
                site: {
                    "pages": c.pages,
                    "pruned": c.pruned,
                    "lines": {str(h): n for h, n in sorted(c.lines.items())},
                }
                for site, c in sorted(self.sites.items())
            },
        }
        with gzip.open(path, "wt", encoding="utf-8") as out:
            json.dump(data, out, separators=(",", ":"))

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """Read the profile :meth:`save` wrote to ``path``; raises
        :class:`ConfigError` for a file that is no such profile, or one of another
        version."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as source:
                data = json.load(source)
        except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ConfigError(f"{path}: not a dechaff site profile ({error})") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ConfigError(f"{path}: not a dechaff site profile")
        if data.get("version") != VERSION or data.get("key") != KEY:
            raise ConfigError(
                f"{path}: a site profile of version {data.get('version')} ({data.get('key')}); "
                f"this dechaff reads version {VERSION} ({KEY})"
            )
        profile = cls(max_lines_per_site=int(data.get("max_lines_per_site", MAX_LINES_PER_SITE)))
        for site, entry in data["sites"].items():
            lines = Counter({int(h): int(n) for h, n in entry["lines"].items()})
            profile.sites[site] = SiteCounts(int(entry["pages"]), lines, bool(entry["pruned"]))
        if not profile.sites:
            raise ConfigError(f"{path}: a site profile that holds no site (learned from no page)")
        return profile


def _plain(profile: SiteProfile) -> dict[str, tuple[int, bool, dict[int, int]]]:
    return {s: (c.pages, c.pruned, dict(c.lines)) for s, c in profile.sites.items()}
