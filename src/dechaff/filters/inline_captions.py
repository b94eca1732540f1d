"""Captions and photo credits inside a paragraph: cut as spans, the prose kept.

Scraped text glues media furniture into the text it stood beside: a credit in
brackets ("(Photo: Jane Doe/AP)", "(Foto: dpa)") or at the end of a caption's
line ("… Foto: Timur | flickr"), or a caption that opens a paragraph
("Video above: Firefighters battle the blaze. The fire started …").
Only the caption's own words go; a sentence that merely mentions a photo stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from .base import remove_span

_MEDIA = r"photo|image|picture|video|foto|bild|fotografía|imagen|immagine|zdjęcie|fot\.|beeld"
_CREDIT = re.compile(
    rf"\s?\((?:(?:ap|afp|reuters|dpa|epa|getty)\s)?(?:{_MEDIA})(?:\s?(?:credit|by|von|de|di))?"
    r"\s?[:/][^()]{1,80}\)",
    re.IGNORECASE,
)
"""A bracketed credit: "(Photo: …)", "(AP Photo/…)", "(Foto: …)"."""
_LEAD = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:{_MEDIA}|watch|listen|pictured)(?:\s(?:above|below|oben|unten))?:"
    r"\s[^.!?]{1,200}[.!?](?=\s+\S)",
    re.IGNORECASE,
)
"""A caption that opens a paragraph or follows a sentence and ends before more text:
"Video above: Firefighters battle the blaze."."""
_TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?])\s(?:{_MEDIA}|credit|quelle|source|fuente|fonte|źródło)(?:\s?(?:credit|by|von))?"
    r"\s?:\s(?:(?<=\b[A-Z])\.\s|(?!\.\s)[^!?:]){1,80}$",  # no sentence; initials may stand
    re.IGNORECASE,
)
"""A credit that ends the line after the caption's sentence: "… im Abendrot. Bild:
TebNad/Shutterstock.com", "… zu tun. Foto: Timur | flickr | CC BY 2.0"."""
_KINDS = (
    (_LEAD, ":", "a media caption"),
    (_CREDIT, "(", "a photo credit"),
    (_TRAILING_CREDIT, ":", "a photo credit"),
)
"""Each pattern, a character every match of it holds (lines without it are passed
over untried), and what a match is."""


@dataclass(frozen=True, kw_only=True)
class InlineCaptions:
    """Cut bracketed photo credits and media captions glued into a paragraph
    (``inline-caption``).

    >>> from dechaff import Cleaner
    >>> r = Cleaner([InlineCaptions()])(
    ...     "Video above: Crews fight the fire. The blaze began at noon (Photo: J. Doe/AP)."
    ... )
    >>> r.text, [x.text for x in r.removals]
    ('The blaze began at noon.', ['Video above: Crews fight the fire.', ' (Photo: J. Doe/AP)'])
    """

    name: str = "inline-captions"

    def __call__(self, page: Page) -> Iterator[Decision]:
        for block in page.kept:
            text = block.text
            if ":" not in text and "/" not in text:
                continue  # every caption and credit has one
            for pattern, holds, what in _KINDS:
                if holds not in text:
                    continue
                for m in pattern.finditer(text):
                    if m.end() - m.start() >= len(text.strip()):
                        continue  # the whole line: the line rules judge it
                    yield remove_span(
                        self.name, page, block, block.start + m.start(), block.start + m.end(),
                        Reason.INLINE_CAPTION, f"{what} inside the paragraph",
                    )  # fmt: skip
