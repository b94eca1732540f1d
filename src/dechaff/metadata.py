"""The page's metadata — title, author, date published, site name, address,
description, language and type — each as a value with where it came from.

The markup speaks first (JSON-LD, Open Graph, ``<meta>``, ``<time>``, ``<html
lang>``: :func:`dechaff.html.head.read_metadata`); where it is silent, the report
does: a line the ``chrome`` filter removed as a byline or a dateline names the
author and the date it held, and that removal is the evidence. The title is
chosen among the page's headings and its document title
(:func:`dechaff.page_title.choose_title`); the language, when the markup gives
none, is the body's (by its function words,
:func:`dechaff.language.page_language`).

>>> normalise_date("2025-09-04T10:30:00+02:00")
'2025-09-04'
>>> normalise_date("4. September 2025"), normalise_date("March 2024")
('2025-09-04', '2024-03')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from .blocks import Block
from .language import FUNCTION_WORDS, page_language
from .report import Reason, Removal
from .textutil import alternation
from .words import load

if TYPE_CHECKING:
    from .page_type import PageType

FIELDS = ("title", "author", "date", "site_name", "url", "description", "language", "page_type")
"""The metadata's fields, in the order :meth:`Metadata.to_dict` gives them."""


@dataclass(frozen=True)
class Found:
    """One metadata value and where it came from (``"json-ld"``, ``"og:site_name"``,
    ``"meta author"``, ``"byline [120:151]"``, …)."""

    value: str
    source: str


@dataclass(frozen=True)
class Metadata:
    """What the page says about itself; a field the page does not give is ``None``."""

    title: Found | None = None
    author: Found | None = None
    """One name, or several joined by ``"; "``."""
    date: Found | None = None
    """The date published, ISO 8601: ``YYYY-MM-DD``, or ``YYYY-MM`` when the page
    gives no day."""
    site_name: Found | None = None
    url: Found | None = None
    """The page's own address (its canonical link, ``og:url``)."""
    description: Found | None = None
    language: Found | None = None
    """A language code (``"en"``, ``"de"``, ``"pt-br"``), lower-cased."""
    page_type: Found | None = None
    """The page's type (:mod:`dechaff.page_type`)."""

    def to_dict(self) -> dict[str, Any]:
        """Each field as ``{"value": …, "source": …}``, or ``None``."""
        out: dict[str, Any] = {}
        for name in FIELDS:
            found = getattr(self, name)
            out[name] = None if found is None else {"value": found.value, "source": found.source}
        return out

    def or_else(self, other: Metadata) -> Metadata:
        """These fields, each one this lacks taken from ``other``."""
        lacking = [f.name for f in fields(self) if getattr(self, f.name) is None]
        return replace(self, **{name: getattr(other, name) for name in lacking})


_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
_DAY_FIRST = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b")
_YEAR = r"((?:19|20)\d{2})(?!\d)"
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_NAME_END = re.compile(
    r"\s*(?:[|•·,;–—]\s*|\s-\s|\bupdated\b|\bpublished\b|\bon\b\s+\w+day|\d).*$", re.IGNORECASE
)
"""Where a byline's name ends: a separator, a date, "updated"."""


@dataclass(frozen=True)
class _Wording:
    """The patterns built from the word lists ``months``, ``bylines`` and
    ``date-cues``: read and compiled on first use (:func:`_wording`), not when the
    package is imported."""

    months: dict[str, int]
    """Month names (and their abbreviations), each with its number."""
    day_month: re.Pattern[str]
    """"4 September 2025", "4. September 2025", "4 de septiembre de 2025"."""
    month_day: re.Pattern[str]
    """"September 4, 2025"."""
    month_year: re.Pattern[str]
    byline: re.Pattern[str]
    date_cues: re.Pattern[str]


@cache
def _wording() -> _Wording:
    months = {}
    for entry in load("months"):
        name, number = entry.rsplit(" ", 1)
        months[name] = int(number)
    month = alternation(months)
    return _Wording(
        months,
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?({month})\.?,?\s+(?:de\s+)?{_YEAR}",
            re.IGNORECASE,
        ),
        re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.IGNORECASE),
        re.compile(rf"\b({month})\.?,?\s+{_YEAR}", re.IGNORECASE),
        re.compile(rf"^\s*(?:{alternation(load('bylines'))})\s*:?\s+(.+)$", re.IGNORECASE),
        re.compile(rf"\b(?:{alternation(load('date-cues'))})\b", re.IGNORECASE),
    )


def normalise_date(text: str) -> str | None:
    """The first date ``text`` holds, as ``YYYY-MM-DD`` (``YYYY-MM`` without a day);
    ``None`` when it holds none. Reads ISO dates, day.month.year, and dates with
    month names in the languages of the ``months`` word list."""
    if not _A_YEAR.search(text):  # every form holds a year: most lines are settled here
        return None
    w = _wording()
    for pattern, order in ((_ISO, "ymd"), (w.day_month, "dmy"), (w.month_day, "mdy"),
                           (_DAY_FIRST, "dmy"), (w.month_year, "my")):  # fmt: skip
        match = pattern.search(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        year, month = int(parts["y"]), _month_number(parts["m"])
        day = int(parts["d"]) if parts.get("d") else None
        if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            continue
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return None


def _month_number(text: str) -> int | None:
    return int(text) if text.isdigit() else _wording().months.get(text.casefold().rstrip("."))


def author_of_byline(line: str) -> str | None:
    """The name a byline gives ("By Ann Lee | May 2, 2025" -> "Ann Lee"), in the
    languages of the ``bylines`` word list; ``None`` for a line that is no byline."""
    match = _wording().byline.match(line)
    if match is None:
        return None
    name = _NAME_END.sub("", match.group(1)).strip()
    words = name.split()
    if not 1 <= len(words) <= 8 or not any(w[:1].isupper() for w in words):
        return None
    return name


def from_report(removals: Sequence[Removal]) -> Metadata:
    """The author and the date the first byline and dateline lines the report holds
    give, each with that removal as its source."""
    author = date = None
    for r in removals:
        if r.reason is not Reason.BYLINE_DATELINE:
            continue
        where = f"byline [{r.start}:{r.end}]"
        if author is None and (name := author_of_byline(r.text)):
            author = Found(name, where)
        if date is None and (day := normalise_date(r.text)):
            date = Found(day, where)
    return Metadata(author=author, date=date)


DATE_LINE_WORDS = 12
"""A line of at most this many words that holds a date may give the page's."""
LINES_BEFORE_TITLE = 4
LINES_AFTER_TITLE = 12
"""The lines looked at for a date or a byline: from this many before the headline
(or the page's start) to this many after it."""


def from_lines(
    lines: Sequence[tuple[int, str]], address: str | None, page: Sequence[tuple[int, str]] = ()
) -> Metadata:
    """The date and author the page shows near its headline, where neither the
    markup nor the report gave them: ``lines``, the page's lines around the
    headline (:data:`LINES_BEFORE_TITLE` before it to :data:`LINES_AFTER_TITLE`
    after it), each with its offset; ``address``: the page's address, whose path
    may hold the date ("/2025/12/17/", "/2025-12-17-title"); ``page``: all its
    lines, where a short line that says "published" or "updated" (the
    ``date-cues`` word list) may hold the date further away."""
    author = date = None
    for start, line in lines:
        if len(line.split()) > DATE_LINE_WORDS:
            continue
        where = f"line at [{start}:{start + len(line)}]"
        if author is None and (name := author_of_byline(line)):
            author = Found(name, where)
        if date is None and (day := normalise_date(line)) and len(day) == 10:
            date = Found(day, where)
    if date is None and address and (day := _address_date(address)):
        date = Found(day, "the page's address")
    if date is None:
        date = _cued_date(page)
    return Metadata(author=author, date=date)


def _cued_date(page: Sequence[tuple[int, str]]) -> Found | None:
    for start, line in page:
        if (
            _A_YEAR.search(line)
            and len(line.split()) <= DATE_LINE_WORDS
            and _wording().date_cues.search(line)
        ):
            day = normalise_date(line)
            if day and len(day) == 10:
                return Found(day, f"line at [{start}:{start + len(line)}]")
    return None


_ADDRESS_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/-]|$)")


def _address_date(address: str) -> str | None:
    match = _ADDRESS_DATE.search(address)
    return "-".join(match.groups()) if match else None


LANGUAGE_SAMPLE_CHARS = 2_000
"""How much of the body its language is told from."""


BODY_MIN_FUNCTION_WORDS = 5
"""The body tells its language with at least this many function words; a body
with fewer (a results table, a list of names) leaves it to the whole page's text."""
PAGE_SAMPLE_CHARS = 20_000
"""How much of the whole page's text its language is told from, when the body
cannot tell it."""


def language_of(text: str, min_hits: int = 1, of: str = "the body") -> Found | None:
    """The language of ``text`` by its function words, when at least ``min_hits``
    of them tell it."""
    lang = page_language(text.splitlines(), min_hits)
    return Found(lang, f"function words of {of}") if lang else None


def page_metadata(
    markup: Metadata,
    blocks: Sequence[Block],
    removals: Sequence[Removal],
    title: Found | None,
    title_block: int,
    body: str,
    page_type: PageType | None,
) -> Metadata:
    """A result's metadata: the ``title`` decided (its headline in block
    ``title_block``) and the ``page_type``, then what the ``markup`` gives, then
    what the report's ``removals`` give, then what the lines near the headline
    show (read only for a field still missing); the language, when none gives
    one, that of the ``body``."""
    kind = None
    if page_type is not None:
        kind = Found(page_type.kind, f"page-type model ({page_type.confidence:.2f})")
    merged = Metadata(title=title, page_type=kind).or_else(markup).or_else(from_report(removals))
    if merged.author is None or merged.date is None:
        first, last = title_block - LINES_BEFORE_TITLE, title_block + LINES_AFTER_TITLE
        near = blocks[max(0, first) : last + 1]
        address = markup.url.value if markup.url else None
        merged = merged.or_else(from_lines(_lines(near), address, _lines(blocks)))
    if body:
        merged = replace(merged, language=_checked_language(merged.language, body))
    if merged.language is None and blocks:
        page = "\n".join(_page_sample(blocks))
        merged = replace(merged, language=language_of(page, BODY_MIN_FUNCTION_WORDS, "the page"))
    return merged


def _page_sample(blocks: Sequence[Block]) -> Iterator[str]:
    """The page's lines, up to :data:`PAGE_SAMPLE_CHARS` characters."""
    chars = 0
    for block in blocks:
        if chars >= PAGE_SAMPLE_CHARS:
            return
        chars += len(block.text) + 1
        yield block.text


OVERRIDE_WORDS = 50
"""The body overrules the markup's language with at least this many words."""


def _checked_language(declared: Found | None, body: str) -> Found | None:
    """The ``declared`` language, unless the body's function words say another of
    the languages the tables cover (a template's ``<html lang="en">`` over a German
    page); with none declared, the body's."""
    sample = body[:LANGUAGE_SAMPLE_CHARS]
    told = language_of(sample, BODY_MIN_FUNCTION_WORDS)
    if declared is None or told is None:
        return declared or told
    primary = declared.value.split("-")[0]
    if told.value == primary or primary not in FUNCTION_WORDS:
        return declared
    if len(sample.split()) < OVERRIDE_WORDS:
        return declared
    return Found(told.value, f"{told.source}, over {declared.source} '{declared.value}'")


def _lines(blocks: Sequence[Block]) -> list[tuple[int, str]]:
    return [(b.start, b.text) for b in blocks]
