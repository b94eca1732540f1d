"""Phrase tables: how pages in many languages word their furniture, kept as data.

Each :class:`PhraseTable` lists, per language, the phrases of one kind of
furniture (case-folded; a word ending in ``*`` is a stem). A table's phrases
either open the line (``tail`` bounds what may follow, so that an article
sentence that merely begins the same way, and runs on, does not match) or stand
anywhere in it as whole words (``anywhere``). The rule's pattern and its cheap
cues (the phrases' first words, or the phrases themselves) are both derived from
the table, so they cannot drift apart; the tests try every phrase of every table.

:data:`TABLES` are the specific tables the chrome filter tries first;
:data:`CHROME_TABLES` hold the phrases of its general rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..report import Reason


@dataclass(frozen=True)
class PhraseTable:
    """Phrases that make a line one kind of furniture, by language.

    A phrase is literal, case-folded text; a word ending in ``*`` is a stem that
    any word characters may continue (``"prenumerat*"``). :func:`variants` writes
    many spellings of one phrase compactly.
    """

    reason: Reason
    phrases: dict[str, tuple[str, ...]]
    """Language code -> case-folded phrases."""
    tail: int = 0
    """How many characters may follow the phrase on the line (besides punctuation)."""
    max_words: int = 30
    """Longest line the table applies to."""
    heading: bool = False
    """Only lines that do not end like a sentence (headings, labels) match."""
    anywhere: bool = False
    """The phrase may stand anywhere in the line, as whole words; else it opens it."""
    requires: str = ""
    """A pattern the case-folded line must also hold somewhere (``""``: none)."""

    def all_phrases(self) -> tuple[str, ...]:
        return tuple(p for phrases in self.phrases.values() for p in phrases)

    def pattern(self) -> str:
        """The regex a line must match: searched in it when the table's phrases stand
        anywhere, else matching the whole line (leading punctuation stripped)."""
        phrases = sorted(set(self.all_phrases()), key=len, reverse=True)  # longest wins
        either = "|".join(_phrase_regex(p) for p in phrases)
        if self.anywhere:
            return rf"(?<!\w)(?:{either})"
        tail = rf"[\s:.!?»›>|*-]*(.{{0,{self.tail}}})" if self.tail else r"[\s:.!?»›>|*-]*"
        return rf"(?:{either}){tail}"

    def first_words(self) -> frozenset[str]:
        """Cues of a table of line openers: the first words of its phrases (those that
        open with a whole word)."""
        if self.anywhere:
            return frozenset()
        return frozenset(w.casefold() for w in map(_opening_word, self.all_phrases()) if w)

    def substrings(self) -> tuple[str, ...]:
        """Cues the line must contain: for a table of phrases that stand anywhere, the
        longest word of each phrase's literal part (every phrase is looked for by
        one word, and phrases share words); for a table of openers, the phrases that
        open with a stem or with no word. As few as cover them all."""
        cues = {
            _cue_word(p) if self.anywhere else _literal(p).casefold()
            for p in self.all_phrases()
            if self.anywhere or not _opening_word(p)
        }
        return tuple(sorted(c for c in cues if not any(o != c and o in c for o in cues)))


FIRST_WORD = re.compile(r"[^\W_]+(?:'s)?")
"""A line's first word, as the chrome filter reads it to pick the rules to try."""


def first_word(key: str) -> str:
    """The first word of a line's key (:data:`FIRST_WORD`'s match, else ``""``); when
    the key's first token is all letters and digits (most lines), that token.

    >>> first_word("today's news"), first_word("breaking-news"), first_word("— x")
    ("today's", 'breaking', '')
    """
    head = key.partition(" ")[0]
    if head.isalnum():
        return head
    found = FIRST_WORD.match(key)
    return found.group() if found else ""


def _opening_word(phrase: str) -> str:
    """The whole word ``phrase`` opens with, or ``""`` (it opens with a stem, or with
    no word character)."""
    found = FIRST_WORD.match(phrase)
    if found is None or phrase[found.end() : found.end() + 1] == "*":
        return ""
    return found.group()


def _cue_word(phrase: str) -> str:
    """The longest whole word of ``phrase``'s literal part (else that part itself).

    >>> _cue_word("comments are (moderated|closed)".replace("(moderated|closed)", "moderated"))
    'moderated'
    >>> _cue_word("prenumerat* teraz"), _cue_word("©")
    ('prenumerat', '©')
    """
    literal = _literal(phrase).casefold()
    words = FIRST_WORD.findall(literal)
    return max(words, key=len) if words else literal


def _literal(phrase: str) -> str:
    """The literal text ``phrase`` opens with (up to its first stem's end)."""
    return phrase.split("*", 1)[0]


def _phrase_regex(phrase: str) -> str:
    """``phrase`` as a regex: literal, stems continued by word characters, and not
    run on into a longer word."""
    regex = r"\w*".join(re.escape(part) for part in phrase.split("*"))
    return regex + r"(?!\w)" if phrase[-1:].isalnum() or phrase.endswith("*") else regex


def variants(spec: str) -> tuple[str, ...]:
    """Every phrase ``spec`` writes: ``(a|b)`` is either, ``(a)?`` is optional.

    >>> variants("ir (para|ao) (o )?conteúdo")
    ('ir para o conteúdo', 'ir para conteúdo', 'ir ao o conteúdo', 'ir ao conteúdo')
    """
    found, rest = _sequence(spec, 0)
    if rest != len(spec):
        raise ValueError(f"unbalanced parentheses in {spec!r}")
    return tuple(dict.fromkeys(found))


def _sequence(spec: str, at: int) -> tuple[list[str], int]:
    """The phrases of the sequence that starts at ``at``, and where it ends (at a
    ``|``, a ``)`` or the end)."""
    found = [""]
    while at < len(spec) and spec[at] not in "|)":
        if spec[at] != "(":
            found = [f + spec[at] for f in found]
            at += 1
            continue
        options, at = _alternatives(spec, at + 1)
        if spec[at : at + 1] == "?":
            options, at = [*options, ""], at + 1
        found = [f + o for f in found for o in options]
    return found, at


def _alternatives(spec: str, at: int) -> tuple[list[str], int]:
    """The phrases of a group whose ``(`` stood before ``at``, and the place after its ``)``."""
    options: list[str] = []
    while True:
        found, at = _sequence(spec, at)
        options.extend(found)
        if at >= len(spec):
            raise ValueError(f"unbalanced parentheses in {spec!r}")
        at += 1
        if spec[at - 1] == ")":
            return options, at


def phrases_of(*specs: str) -> tuple[str, ...]:
    """The phrases of several :func:`variants` specs, in order."""
    return tuple(p for spec in specs for p in variants(spec))


RELATED_HEADINGS = PhraseTable(
    Reason.RELATED_LIST,
    {
        "en": (
            "similar posts",
            "similar articles",
            "related posts",
            "you may also like",
            "more in this category",
            "recommended posts",
            "recommended articles",
            "preview of the next article",
            "further reading",
            "more articles",
            "most discussed",
            "most commented",
        ),
        "de": (
            "ähnliche beiträge",
            "ähnliche artikel",
            "ähnliche themen",
            "ähnliche rezepte",
            "ähnliche produkte",
            "verwandte artikel",
            "verwandte beiträge",
            "empfohlene beiträge",
            "empfohlene artikel",
            "weitere beiträge",
            "weitere artikel",
            "weitere nachrichten",
            "weitere meldungen",
            "weitere themen",
            "weitere rezepte",
            "weitere tipps",
            "weitere informationen zum thema",
            "mehr zum thema",
            "mehr aus dem ressort",
            "mehr aus der rubrik",
            "mehr artikel",
            "mehr news",
            "das könnte sie auch interessieren",
            "das könnte dich auch interessieren",
            "das thema könnte dich auch interessieren",
            "das könnte ihnen auch gefallen",
            "das könnte dir auch gefallen",
            "dies könnte sie auch interessieren",
            "auch interessant",
            "ebenfalls interessant",
            "passend dazu",
            "passend zum thema",
            "zum weiterlesen",
            "weiterlesen",
            "lesen sie auch",
            "lies auch",
            "lesetipp",
            "lesetipps",
            "vorschau auf den nächsten artikel",
            "nächster artikel",
            "vorheriger artikel",
            "meistgelesen*",
            "meist gelesen*",
            "meistgelesene artikel",
            "meist-diskutiert",
            "meistdiskutiert",
            "meist kommentiert",
            "top-artikel",
            "beliebte beiträge",
            "beliebte artikel",
            "neueste beiträge",
            "neueste artikel",
            "aktuelle beiträge",
            "letzte beiträge",
            "auch lesen",
            "weitere informationen",
        ),
        "fr": (
            "articles similaires",
            "articles liés",
            "articles connexes",
            "à lire également",
            "a lire également",
            "à lire aussi",
            "sur le même sujet",
            "dans la même rubrique",
            "les plus lus",
            "vous aimerez aussi",
            "vous aimerez peut-être aussi",
            "vous pourriez aussi aimer",
            "nos autres articles",
            "plus d'articles",
        ),
        "es": (
            "artículos relacionados",
            "noticias relacionadas",
            "entradas relacionadas",
            "publicaciones relacionadas",
            "también te puede interesar",
            "te puede interesar",
            "te podría interesar",
            "lo más leído",
            "más leídas",
            "más noticias",
            "más artículos",
            "quizás te interese",
            "otras noticias",
        ),
        "it": (
            "articoli correlati",
            "notizie correlate",
            "post correlati",
            "potrebbe interessarti",
            "ti potrebbe interessare",
            "leggi anche",
            "i più letti",
            "più letti",
            "altri articoli",
            "potrebbero interessarti anche",
        ),
        "pt": (
            "artigos relacionados",
            "notícias relacionadas",
            "posts relacionados",
            "leia também",
            "leia mais",
            "veja também",
            "mais lidas",
            "mais lidos",
            "você também pode gostar",
            "outras notícias",
        ),
        "pl": (
            "podobne artykuły",
            "powiązane artykuły",
            "podobne wpisy",
            "czytaj także",
            "czytaj więcej",
            "czytaj też",
            "zobacz także",
            "zobacz też",
            "polecane artykuły",
            "polecamy",
            "najczęściej czytane",
            "najpopularniejsze",
            "przeczytaj również",
            "przeczytaj też",
        ),
        "nl": (
            "gerelateerde artikelen",
            "gerelateerde berichten",
            "lees ook",
            "lees meer",
            "meer nieuws",
            "meest gelezen",
            "bekijk ook",
            "ook interessant",
            "misschien ook interessant",
        ),
    },
    tail=40,
    max_words=9,
    heading=True,
)

AUTHOR_BIO = PhraseTable(
    Reason.AUTHOR_BIO,
    {
        "en": ("about the author", "about the authors", "author bio", "more from this author"),
        "de": ("über den autor", "über die autorin", "über die autoren", "zum autor",
               "zur autorin", "der autor", "die autorin", "mehr vom autor", "alle artikel von"),
        "fr": ("à propos de l'auteur", "a propos de l'auteur", "l'auteur", "sur l'auteur"),
        "es": ("sobre el autor", "acerca del autor", "sobre la autora", "el autor", "la autora"),
        "it": ("sull'autore", "l'autore", "chi è l'autore", "informazioni sull'autore"),
        "pt": ("sobre o autor", "sobre a autora", "o autor", "a autora"),
        "pl": ("o autorze", "o autorce", "autor"),
        "nl": ("over de auteur", "over de schrijver", "de auteur"),
    },
    max_words=5,
)  # fmt: skip

CALLS_TO_ACTION = PhraseTable(
    Reason.CALL_TO_ACTION,
    {
        "en": (
            "follow us on",
            "download the app",
            "download our app",
            "get the latest news",
            "for the latest stories",
            "for the latest news",
            "get breaking news",
            "sign up to get",
            "if you enjoyed reading",
            "if you enjoyed this",
            "would you consider supporting",
            "support our work",
            "support our journalism",
            "submit your letter",
            "you are not logged in",
            "log in to comment",
            "was this article helpful",
            "was this helpful",
            "did you find this helpful",
            "rate this article",
            "rate this recipe",
            "print this article",
            "print recipe",
            "no comments yet",
            "be the first to comment",
            "no ratings yet",
            "click the button below to load",
            "click here to load",
            "chat with us",
            "this site uses akismet",
            "share this post",
            "did you enjoy this article",
        ),
        "de": (
            "folgen sie uns",
            "teile diesen beitrag",
            "teilen sie diesen beitrag",
            "dieser artikel gefällt ihnen",
            "hat ihnen der artikel gefallen",
            "sie wollen mehr von uns",
            "diese website verwendet akismet",
            "diese seite verwendet akismet",
            "wir respektieren deine privatsphäre",
            "wir respektieren ihre privatsphäre",
            "folge uns",
            "folgt uns",
            "sie sind aktuell nicht eingeloggt",
            "sie sind nicht angemeldet",
            "sie müssen angemeldet sein",
            "bitte melden sie sich an",
            "jetzt anmelden",
            "jetzt registrieren",
            "jetzt abonnieren",
            "jetzt kostenlos",
            "jetzt testen",
            "keine kommentare",
            "noch keine kommentare",
            "noch keine bewertungen",
            "noch keine bewertung",
            "bewerten sie diesen artikel",
            "war dieser artikel hilfreich",
            "war dieser beitrag hilfreich",
            "war diese seite hilfreich",
            "hat ihnen dieser artikel gefallen",
            "hat dir dieser artikel gefallen",
            "artikel drucken",
            "seite drucken",
            "rezept drucken",
            "als pdf herunterladen",
            "dieses skript als pdf herunterladen",
            "pdf herunterladen",
            "klicken sie auf den unteren button",
            "klicken sie auf den button",
            "unterstützen sie unsere arbeit",
            "unterstützen sie uns",
            "unterstütze uns",
            "wählen sie ihren zugang",
            "weiterlesen mit",
            "diesen artikel teilen",
            "artikel teilen",
            "beitrag teilen",
            "jetzt teilen",
            "kommentar schreiben",
            "kommentar verfassen",
            "schreibe einen kommentar",
            "hinterlasse einen kommentar",
            "mehr infos unter",
            "weitere infos unter",
            "weitere informationen unter",
        ),
        "fr": (
            "suivez-nous",
            "suivez nous",
            "abonnez-vous",
            "téléchargez l'application",
            "cet article vous a-t-il été utile",
            "imprimer l'article",
            "aucun commentaire",
            "laisser un commentaire",
            "soutenez-nous",
            "vous n'êtes pas connecté",
        ),
        "es": (
            "síguenos en",
            "siguenos en",
            "hazte miembro",
            "suscríbete",
            "descarga la app",
            "¿te ha sido útil",
            "te ha sido útil",
            "imprimir artículo",
            "sin comentarios",
            "deja un comentario",
            "apóyanos",
            "no has iniciado sesión",
        ),
        "it": (
            "seguici su",
            "scarica l'app",
            "iscriviti",
            "stampa l'articolo",
            "nessun commento",
            "lascia un commento",
            "sostienici",
            "questo articolo ti è stato utile",
        ),
        "pt": (
            "siga-nos",
            "siga nos",
            "baixe o app",
            "baixe o aplicativo",
            "assine já",
            "imprimir artigo",
            "sem comentários",
            "deixe um comentário",
            "apoie",
        ),
        "pl": (
            "obserwuj nas",
            "śledź nas",
            "pobierz aplikację",
            "zapisz się",
            "brak komentarzy",
            "dodaj komentarz",
            "wesprzyj nas",
            "czy ten artykuł był pomocny",
            "drukuj",
        ),
        "nl": (
            "volg ons",
            "download de app",
            "schrijf je in",
            "geen reacties",
            "plaats een reactie",
            "steun ons",
            "was dit artikel nuttig",
            "artikel printen",
        ),
    },
    tail=120,
    max_words=30,
)

FILED_UNDER = PhraseTable(
    Reason.FILED_UNDER,
    {
        "en": ("posted in", "filed under", "tagged with", "tagged:", "categories:", "category:",
               "this entry was posted", "topics:", "tags:"),
        "de": ("veröffentlicht in", "veröffentlicht unter", "abgelegt unter", "kategorie:",
               "kategorien:", "schlagwörter:", "schlagworte:", "stichwörter:", "stichworte:",
               "themen:", "dieser eintrag wurde", "dieser beitrag wurde", "der beitrag wurde am",
               "dieser artikel wurde", "getaggt mit", "verschlagwortet mit", "rubrik:",
               "aufrufe:", "hinzugefügt von"),
        "fr": ("publié dans", "classé dans", "catégorie:", "catégories:", "mots-clés:",
               "étiquettes:", "cet article a été publié"),
        "es": ("publicado en", "archivado en", "categoría:", "categorías:", "etiquetas:",
               "temas:", "esta entrada fue publicada"),
        "it": ("pubblicato in", "archiviato in", "categoria:", "categorie:", "tag:",
               "argomenti:", "questo articolo è stato pubblicato"),
        "pt": ("publicado em", "arquivado em", "categoria:", "categorias:", "marcadores:",
               "tags:", "este post foi publicado"),
        "pl": ("opublikowano w", "kategoria:", "kategorie:", "tagi:", "tematy:"),
        "nl": ("geplaatst in", "gepubliceerd in", "categorie:", "categorieën:", "tags:",
               "trefwoorden:", "onderwerpen:"),
    },
    tail=400,
    max_words=60,
)  # fmt: skip

DISCLOSURES = PhraseTable(
    Reason.DISCLOSURE,
    {
        "en": ("suggested citation", "cite this article", "how to cite this", "citation:",
           "advertiser disclosure", "affiliate disclosure", "disclosure:",
               "this post contains affiliate links", "this article contains affiliate links",
               "we may earn a commission", "we recommend the best products",
               "this post may contain affiliate", "this content is created",
               "this copy is for your personal, non-commercial use"),
        "de": ("werbung.", "werbung:", "anzeige:", "enthält werbung", "dieser beitrag enthält",
               "dieser artikel enthält", "affiliate-links", "bei den verlinkungen handelt es sich",
               "für links auf dieser seite erhält", "transparenzhinweis",
               "letzte aktualisierung am", "werbehinweis", "unbezahlte werbung", "bezahlte werbung",
               "dieser text wurde veröffentlicht unter der lizenz", "dieser artikel erschien zuerst",
               "zitiervorschlag", "originalpublikation", "originalveröffentlichung", "zitierweise", "zitiervorschlag für diesen beitrag"),
        "fr": ("cet article contient des liens affiliés", "lien affilié", "liens affiliés",
               "publicité:"),
        "es": ("este artículo contiene enlaces de afiliado", "enlaces de afiliado",
               "contenido patrocinado"),
        "it": ("questo articolo contiene link affiliati", "link affiliati"),
        "pt": ("este artigo contém links de afiliados", "links de afiliados"),
        "pl": ("artykuł sponsorowany", "linki afiliacyjne", "materiał partnera", "materiał chroniony prawem autorskim"),
        "nl": ("dit artikel bevat affiliate links", "gesponsorde inhoud"),
    },
    tail=400,
    max_words=80,
)  # fmt: skip

CAPTION_LABELS = PhraseTable(
    Reason.MEDIA_CAPTION,
    {
        "en": ("photo by", "image by", "photo credit", "image credit", "cover image",
               "featured image", "header image", "photos:", "pictured:"),
        "de": ("titelbild", "beitragsbild", "titelfoto", "bildquelle", "bildnachweis",
               "bildrechte", "fotos:", "foto:", "bild:", "quelle:", "abbildung", "vergrößern"),
        "fr": ("crédits photos", "crédit photo", "crédits photo", "photo :", "illustration :"),
        "es": ("foto de", "fotografía:", "imagen:", "crédito:", "fuente de la imagen"),
        "it": ("foto di", "credit foto", "immagine:", "fonte immagine"),
        "pt": ("foto de", "crédito da foto", "imagem:", "créditos:"),
        "pl": ("fot.", "zdjęcie:", "źródło zdjęcia", "foto:"),
        "nl": ("foto:", "beeld:", "afbeelding:", "fotografie:"),
    },
    tail=160,
    max_words=30,
)  # fmt: skip

TABLES: tuple[PhraseTable, ...] = (
    CALLS_TO_ACTION, DISCLOSURES, FILED_UNDER, AUTHOR_BIO, CAPTION_LABELS, RELATED_HEADINGS,
)  # fmt: skip
"""The phrase tables the chrome filter turns into rules, in the order they are tried
(before its general rules: a table's phrase is the more specific evidence)."""


SKIP_LINK_OPENERS = PhraseTable(
    Reason.SKIP_LINK,
    {"en": ("skip to", "jump to", "skip navigation", "jump navigation")},
    tail=30,
)
"""Skip links in English: "Skip to content", "Jump to main navigation"."""

SKIP_LINKS = PhraseTable(
    Reason.SKIP_LINK,
    {
        "en": ("skip navigation", "skip to content", "skip to main content"),
        "de": phrases_of("(direkt )?zum inhalt( springen)?"),
        "fr": phrases_of("aller au (contenu|menu)", "passer au contenu"),
        "es": phrases_of("saltar (al|a) (contenido|navegaci*)"),
        "pt": phrases_of("ir (para|ao) (o )?(conteúdo|conteudo)"),
        "it": ("vai al contenuto", "salta al contenuto"),
        "pl": phrases_of("przejdź do (treści|zawartości|menu)", "przejdz do tresci"),
        "nl": phrases_of(
            "(naar|ga naar) (de )?(inhoud|hoofdinhoud)( springen| gaan)?",
            "direct naar (de )?inhoud",
        ),
        "ru": phrases_of("перейти к (содержанию|основному|контенту)*"),
        "ko": ("본문 바로가기", "본문으로 바로가기"),
        "ja": ("本文へ*", "メインコンテンツへ*"),
        "zh": ("跳到主要内容", "跳至主要内容"),
        "id": ("langsung ke konten", "loncat ke konten"),
    },
)

NEWSLETTER_WORDS = PhraseTable(
    Reason.NEWSLETTER_PROMPT,
    {
        "en": ("newsletter", "newsletters", "subscribe", "subscription", "sign up for", "signup",
               "unsubscribe", "inbox"),
        "de": ("newsletter", "abonnieren"),
        "fr": ("abonnez-vous", "s'abonner"),
        "es": ("suscrib*", "suscríb*"),
        "it": ("iscriviti",),
        "pt": ("assine", "inscreva-se"),
        "pl": ("zapisz się", "subskrybuj", "prenumerat*"),
        "nl": ("nieuwsbrief", "aanmelden voor", "abonneer"),
        "ru": ("подпиш*", "рассылк*"),
        "ko": ("구독",),
        "ja": ("購読",),
        "zh": ("订阅",),
        "id": ("berlangganan",),
    },
    max_words=25,
    anywhere=True,
)  # fmt: skip
"""Words of a newsletter or subscription prompt, anywhere in a short line."""

CONSENT_STEMS = (
    r"\b(use|uses|using|accept|consent|polic|privacy|experience|brows|settings|agree|continu"
    r"|partners|preferences|datenschutz|akzeptier|zustimm|acept|politique|accepter|consentement"
    r"|privacidad|privacidade|aceitar|consenso|accett|согла|использ|동의|同意|使用|setuju|menggunakan"
    r"|verwend|verbesser|einverst|korzyst|zgod)"
)
"""Stems of the words a cookie notice asks for consent with, in the languages known."""

COOKIE_WORDS = PhraseTable(
    Reason.COOKIE_NOTICE,
    {lang: ("cookie", "cookies") for lang in ("en", "de", "fr", "es", "it", "pt", "pl", "nl")}
    | {"ru": ("куки",), "ko": ("쿠키",), "ja": ("クッキー",)},
    max_words=90,
    anywhere=True,
    requires=CONSENT_STEMS,
)
"""The word "cookie", anywhere in a line that also speaks of consent."""

COPYRIGHT_LINES = PhraseTable(
    Reason.COPYRIGHT,
    {
        "en": ("©", "copyright", "all rights reserved"),
        "de": ("alle rechte vorbehalten",),
        "fr": ("tous droits réservés",),
        "es": ("todos los derechos reservados",),
        "it": ("tutti i diritti riservati",),
        "pt": ("todos os direitos reservados",),
        "pl": ("wszelkie prawa zastrzeżone",),
        "nl": ("alle rechten voorbehouden",),
        "ru": ("все права защищены",),
        "ko": ("무단 전재", "무단전재"),
        "ja": ("著作権",),
        "zh": ("版权所有",),
        "id": ("hak cipta",),
    },
    tail=200,
)
"""Copyright lines: "© 2024 Example Media", "All rights reserved."."""

COPYRIGHT_NOTICES = PhraseTable(
    Reason.COPYRIGHT,
    {
        "en": (*phrases_of(
            "is subject to copyright", "(is|are) the copyrighted property of",
            "may not be (reproduced|republished|redistributed)",
            "without (the )?(prior )?written permission",
        ),),
        "de": ("urheberrechtlich geschützt", *phrases_of(
            "ohne (vorherige )?(schriftliche )?(genehmigung|zustimmung) (des|der) (verlag|verlags|redaktion)",
            "nachdruck (nur )?mit genehmigung", "nachdruck verboten",
        )),
        "fr": ("reproduction interdite", "toute reproduction", *phrases_of(
            "sans (l')?autorisation (écrite|préalable)",
        )),
        "es": ("prohibida su reproducción", "queda prohibida la reproducción",
               "prohibida la reproducción"),
        "it": ("riproduzione riservata", "vietata la riproduzione"),
        "pt": ("proibida a reprodução", "é proibida a reprodução"),
        "pl": ("kopiowanie zabronione", "przedruk zabroniony", "przedruk wyłącznie za zgodą"),
        "nl": ("niets uit deze uitgave", "overname zonder toestemming"),
    },
    max_words=40,
    anywhere=True,
)  # fmt: skip
"""Copyright notices inside a line: "This document is subject to copyright …",
"Nachdruck nur mit Genehmigung", "Riproduzione riservata"."""

COMMENT_POLICY = PhraseTable(
    Reason.COMMENTS,
    {
        "en": (*phrases_of(
            "comments are (moderated|reviewed|closed)", "comment(ing)? (policy|guidelines)",
            "(we|the editors) welcome (reader )?comments", "commenting (is|has been) (closed|disabled)",
            "comments (have been|are) (disabled|turned off)",
        ),),
        "de": (*phrases_of(
            "kommentare werden (moderiert|geprüft|freigeschaltet)",
            "(die )?kommentarfunktion (ist|wurde) (geschlossen|deaktiviert|abgeschaltet)",
            "kommentar(richtlinien|regeln)", "kommentare sind geschlossen",
        ),),
        "fr": (*phrases_of(
            "les commentaires sont (modérés|fermés)", "charte de (modération|commentaires)",
        ),),
        "es": (*phrases_of(
            "los comentarios (son moderados|están cerrados)", "normas de (participación|comentarios)",
        ),),
        "it": (*phrases_of("i commenti sono (moderati|chiusi)", "regole (dei|per i) commenti"),),
        "pt": (*phrases_of("os comentários (são moderados|estão fechados)",),),
        "pl": (*phrases_of(
            "komentarze (są moderowane|zostały wyłączone)", "regulamin (komentarzy|komentowania)",
        ),),
        "nl": (*phrases_of("reacties (worden gemodereerd|zijn gesloten)", "reactiebeleid"),),
    },
    max_words=40,
    anywhere=True,
)  # fmt: skip
"""A site's rules for its comments, or word that they are closed: "Comments are
moderated …", "Die Kommentarfunktion ist geschlossen"."""

LEGAL_LINKS = PhraseTable(
    Reason.COPYRIGHT,
    {
        "en": ("registered trademark", "registered trademarks", "are trademarks of",
               "terms of use", "terms of service", "privacy policy"),
        "de": ("nutzungsbedingungen", "datenschutzerklärung"),
        "fr": ("conditions d'utilisation", "politique de confidentialité"),
        "es": ("términos de uso", "política de privacidad"),
        "it": ("termini di utilizzo", "informativa sulla privacy"),
        "pt": ("termos de uso", "política de privacidade"),
        "pl": ("polityka prywatności", "regulamin serwisu"),
        "nl": ("gebruiksvoorwaarden", "privacybeleid"),
        "ru": ("пользовательское соглашение",),
    },
    max_words=60,
    anywhere=True,
)  # fmt: skip
"""Legal links and trademark notices, anywhere in a line of the footer."""

RELATED_LINES = PhraseTable(
    Reason.RELATED_LIST,
    {
        "en": (
            *phrases_of(
                "related( (stories|articles|content|posts|news|links|topics|coverage|reading))?",
                "read (more|next|also)", "also read", "see also", "more from", "more on",
                "more (stories|news)", "recommended( for you)?",
                "you (may|might) (also )?like", "most (popular|read|viewed|shared)",
                "trending( now)?", "top stories", "latest( news| stories)?", "up next",
                "what to read next", "(editor's|editors) picks", "popular (now|stories)",
            ),
        ),
        "de": phrases_of(
            "lesen sie (auch|mehr)", "mehr zum thema", "das könnte (sie|dich) auch interessieren",
            "weitere artikel",
        ),
        "fr": phrases_of("vous aimerez aussi", "à voir aussi", "(à |a )?lire aussi"),
        "es": phrases_of("lee también", "(también )?te puede (interesar|gustar)"),
        "it": phrases_of("potrebbe interessarti", "ti potrebbe interessare", "leggi anche"),
        "pt": phrases_of(
            "leia (também|mais)", "veja (também|mais)", "você (também )?pode gostar",
            "você também vai gostar", "saiba mais",
        ),
        "pl": ("czytaj także", "czytaj też", "zobacz też", "zobacz także"),
        "nl": ("lees ook", "meer over dit onderwerp", "gerelateerde artikelen"),
        "ru": ("вам также может быть интересно", "похожие статьи", "смотрите также",
               "читайте также", "по теме"),
        "ko": ("관련 기사", "관련기사"),
        "ja": ("関連記事",),
        "zh": ("相关阅读", "相关文章"),
        "id": ("baca juga",),
    },
    tail=160,
)  # fmt: skip
"""Lines that open a list of other stories: "Related stories", "Lesen Sie auch: …"."""

CHROME_TABLES: tuple[PhraseTable, ...] = (
    SKIP_LINK_OPENERS, SKIP_LINKS, NEWSLETTER_WORDS, COOKIE_WORDS, COPYRIGHT_LINES,
    COPYRIGHT_NOTICES, COMMENT_POLICY, LEGAL_LINKS, RELATED_LINES,
)  # fmt: skip
"""The tables of the chrome filter's general rules (tried after :data:`TABLES`, each
in its place among the rules of :mod:`dechaff.filters.chrome`)."""
