"""Phrase tables: how pages in many languages word their furniture, kept as data.

Each :class:`PhraseTable` lists, per language, the phrases a line of one kind
starts with (case-folded); the rule's pattern and its cheap cues (the phrases'
first words) are both derived from the table, so they cannot drift apart. A
table's ``tail`` bounds what may follow the phrase on the line, so that an
article sentence that merely begins the same way, and runs on, does not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..report import Reason
from ..textutil import alternation


@dataclass(frozen=True)
class PhraseTable:
    """Phrases that open a line of one kind of furniture, by language."""

    reason: Reason
    phrases: dict[str, tuple[str, ...]]
    """Language code -> case-folded phrases."""
    tail: int = 0
    """How many characters may follow the phrase on the line (besides punctuation)."""
    max_words: int = 30
    """Longest line the table applies to."""
    heading: bool = False
    """Only lines that do not end like a sentence (headings, labels) match."""

    def all_phrases(self) -> tuple[str, ...]:
        return tuple(p for phrases in self.phrases.values() for p in phrases)

    def pattern(self) -> str:
        """The regex a whole line (leading punctuation stripped) must match."""
        tail = rf"[\s:.!?»›>|*-]*(.{{0,{self.tail}}})" if self.tail else r"[\s:.!?»›>|*-]*"
        return rf"(?:{alternation(self.all_phrases())}){tail}"

    def first_words(self) -> frozenset[str]:
        """The phrases' first words: the cue under which the rule is tried."""
        return frozenset(_first_word(p).casefold() for p in self.all_phrases())


FIRST_WORD = re.compile(r"[^\W_]+(?:'s)?")
"""A line's first word, as the chrome filter reads it to pick the rules to try."""


def _first_word(phrase: str) -> str:
    found = FIRST_WORD.search(phrase)
    return found.group() if found else ""


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
            "meistgelesen",
            "meist gelesen",
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
