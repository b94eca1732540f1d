"""Author biographies at the end of an article: "Jane Doe is a senior writer for …".

An article often ends with a paragraph about its author: a name, then what that
person is or does, with an occupation ("Moritz Gathmann leitet das Ressort …",
"Heiko Sauer is a Professor of Public Law …"). Only the last lines of the body
are looked at, so that a sentence about a person inside the article stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..marks import UPPER
from ..page import Page
from ..report import Decision, Reason
from ..textutil import alternation
from .base import INF, check_settings, remove_block

OCCUPATIONS: dict[str, tuple[str, ...]] = {
    "en": ("writer", "editor", "journalist", "reporter", "correspondent", "columnist",
           "professor", "author", "founder", "co-founder", "expert", "contributor",
           "freelance", "researcher", "lecturer", "consultant", "producer", "analyst",
           "photographer", "blogger"),
    "de": ("redakteur", "redakteurin", "autor", "autorin", "journalist", "journalistin",
           "korrespondent", "korrespondentin", "kolumnist", "kolumnistin", "professor",
           "professorin", "gründer", "gründerin", "experte", "expertin", "ressort",
           "chefredakteur", "chefredakteurin", "fachanwalt", "fachanwältin", "studierte",
           "wissenschaftler", "wissenschaftlerin", "bloggerin", "gründungspartner"),
    "fr": ("journaliste", "rédacteur", "rédactrice", "auteur", "autrice", "professeur",
           "professeure", "fondateur", "fondatrice", "correspondant", "correspondante"),
    "es": ("periodista", "redactor", "redactora", "autor", "autora", "profesor", "profesora",
           "fundador", "fundadora", "corresponsal", "columnista"),
    "it": ("giornalista", "redattore", "redattrice", "autore", "autrice", "professore",
           "professoressa", "fondatore", "fondatrice", "corrispondente"),
    "pt": ("jornalista", "redator", "redatora", "autor", "autora", "professor", "professora",
           "fundador", "fundadora", "correspondente", "colunista"),
    "pl": ("dziennikarz", "dziennikarka", "redaktor", "redaktorka", "autor", "autorka",
           "profesor", "założyciel", "założycielka"),
    "nl": ("journalist", "redacteur", "auteur", "hoogleraar", "oprichter", "correspondent",
           "columnist"),
}  # fmt: skip
"""Words that name what an author is, by language (case-folded)."""

# A name (one to four capitalised words), then what the person is or does.
_NAME_THEN_VERB = re.compile(
    rf"(?:[{UPPER}][\w.'’-]*\s){{1,4}}"
    r"(?:is|was|has|writes|covers|leitet|ist|war|schreibt|arbeitet|est|es|fue|è|é|foi"
    r"|jest|był|była|pisze|werkt)\b"
)
_OCCUPATION = re.compile(
    r"\b(?:" + alternation(w for ws in OCCUPATIONS.values() for w in ws) + r")\w*",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class AuthorBios:
    """Remove an author's biography among the last ``last_blocks`` kept blocks
    (``author-bio``): a block of at most ``max_words`` words that starts with a
    name followed by what the person is or does, and names an occupation
    (:data:`OCCUPATIONS`) within its first ``occupation_within`` words."""

    name: str = "author-bio"
    last_blocks: int = 3
    max_words: int = 90
    occupation_within: int = 25

    def __post_init__(self) -> None:
        check_settings(self, last_blocks=(0, INF), max_words=(1, INF), occupation_within=(1, INF))

    def __call__(self, page: Page) -> Iterator[Decision]:
        for block in page.kept[-self.last_blocks :] if self.last_blocks else ():
            if block.words > self.max_words or not _NAME_THEN_VERB.match(block.text):
                continue
            opening = " ".join(block.text.split()[: self.occupation_within])
            found = _OCCUPATION.search(opening)
            if found:
                yield remove_block(
                    self.name, block, Reason.AUTHOR_BIO,
                    f"a name, then what the person is ({found.group()!r}), at the article's end",
                )  # fmt: skip
