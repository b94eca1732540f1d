"""Function words by language: how much of a line is the glue of running prose.

Prose is full of articles, prepositions, pronouns and auxiliaries; menus, tag
lists, archive lists, product names and headlines have few. The share of a line's
words that are function words of the page's language (jusText's "stopword
density") tells them apart in any language these tables cover. The tables hold
each language's most frequent function words; the page's language is the one
whose table covers most of its words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": """the of and to a in is it that for on was with as he be at by i this had not are
            but from or have an they which you were her all she there would their we him been has
            when who will more no if out so said what up its about than into them can only other
            new some could these may also after our over such should any most very my me do did""",
        "de": """der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als
            auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über
            einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich wir
            ihr kann können diese dieser wenn was wo schon sehr ihre seine uns dann""",
        "fr": """de la le et les des en un du une que est pour qui dans par plus pas au sur ne se
            ce il sont avec ou son aux a été elle nous vous leur mais ses cette comme on tout
            fait ont sa y était entre aussi très lui ils je sans dont être même""",
        "es": """de la que el en y a los del se las por un para con no una su al es lo como más
            pero sus le ha me si sin sobre este ya entre cuando todo esta ser son dos también fue
            había muy hasta desde está mi porque qué sólo solo han yo hay donde nos""",
        "it": """di e il la che in a per un del non è una sono della si le con da al dei i nel
            alla lo anche come più ma gli ha delle ci se questo ad mi o su sua suo degli nella
            loro cui ne era essere fra tra dopo stato molto quando già""",
        "pt": """de a o que e do da em um para é com não uma os no se na por mais as dos como mas
            foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela
            até isso ela entre era depois sem mesmo aos ter seus quem nas""",
        "nl": """de en van het een in is dat op te zijn voor met die niet aan er ook als bij
            door worden om maar dan nog of uit wordt naar ze hij over tot was zich kan wel al
            deze meer heeft hun geen nu wat wij we ik zo haar werd""",
        "pl": """i w na z że się do nie to jest o jak od po za co ale tak przez dla jego są był
            jej lub jako tym może ich tylko już także oraz też być było tego który która które
            czy pod przy gdy więc bardzo będzie mnie""",
        "ru": """и в не на что с по как а это к из то о у за от же для но все так его был она
            бы ты вы мы они он было если уже или ни быть до вот при только ее когда даже
            нет их чтобы этот может""",
        "id": """yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada adalah
            oleh karena bisa atau saat sudah telah mereka kami kita lebih dapat satu""",
    }.items()
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def words_of(text: str) -> list[str]:
    """The line's words, case-folded (apostrophes kept inside a word)."""
    return _WORD.findall(text.casefold())


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, table in FUNCTION_WORDS.items() if word in table)
    for word in frozenset().union(*FUNCTION_WORDS.values())
}


def page_language(lines: Iterable[str], min_hits: int = 1) -> str | None:
    """The language whose function words are most frequent on the page; ``None``
    when fewer than ``min_hits`` of its words are one of that language's (none of
    the tables covers any, as for a script they do not cover).

    >>> page_language(["Der Hund und die Katze sind im Garten."])
    'de'
    """
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    languages_of = _LANGUAGES_OF
    for word, n in Counter(words_of(" ".join(lines))).items():  # each word once
        for lang in languages_of.get(word, ()):
            counts[lang] += n
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= max(1, min_hits) else None


def function_share(text: str, lang: str) -> float:
    """The share of the line's words that are function words of ``lang``.

    >>> round(function_share("The river rose two metres in the night", "en"), 2)
    0.38
    >>> function_share("Home News Sport Weather", "en")
    0.0
    """
    words = words_of(text)
    if not words:
        return 0.0
    table = FUNCTION_WORDS[lang]
    return sum(w in table for w in words) / len(words)
