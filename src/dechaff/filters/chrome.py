"""Navigation and page chrome recognised by what a line says.

Each rule is a (reason, pattern) pair over one line. Most rules are phrase tables
(:mod:`dechaff.filters.wording`), whose patterns and cues are derived from their
phrases; the rest describe a shape rather than a phrase (a dateline, a byline, a
photo credit, a commenter's "says:"), are written as patterns with hand-picked
cues, and carry examples in the languages they know that the tests hold them to.
The patterns are anchored and bounded in length: a sentence of the article that
merely mentions a newsletter or a cookie is long and does not match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

import ahocorasick

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason
from ..words import load
from .base import INF, check_settings, remove_block
from .wording import (
    COMMENT_POLICY,
    COOKIE_WORDS,
    COPYRIGHT_LINES,
    COPYRIGHT_NOTICES,
    LEGAL_LINKS,
    NEWSLETTER_WORDS,
    RELATED_LINES,
    SKIP_LINK_OPENERS,
    SKIP_LINKS,
    TABLES,
    PhraseTable,
    first_word,
)

MENU_WORDS: frozenset[str] = load("menu")
"""Lines that are a menu entry or a button when they stand alone."""
SOCIAL_WORDS: frozenset[str] = load("social")
"""Words of share and tool bars, in the languages dechaff knows."""
SOCIAL_NETWORKS: frozenset[str] = load("social-networks")


@dataclass(frozen=True)
class Rule:
    """One wording rule: a reason, a pattern, how it must match, and a length bound."""

    reason: Reason
    pattern: str
    whole_line: bool = True
    """Match the whole line (after leading bullets and punctuation); else search in it."""
    max_words: int | None = None
    """Longest line the rule applies to; ``None`` means the filter's ``max_words``."""
    starts: frozenset[str] = frozenset()
    """Cue: the line's first word (case-folded) is one of these."""
    contains: tuple[str, ...] = ()
    """Cue: the case-folded line contains one of these."""
    digit: bool = False
    """Cue: the line holds a digit."""
    heading: bool = False
    """Only lines that do not end like a sentence (a heading, a label) match."""
    max_sentence_marks: int | None = None
    """Not on a line with more sentence marks than this (``None``: any number)."""
    requires: str = ""
    """A pattern the case-folded line must also hold somewhere (``""``: none)."""
    unless_held: bool = False
    """Not on a line a glued copy of the article holds (:attr:`dechaff.page.Facts.held`):
    the rule's wording also ends or opens a paragraph of the article."""
    examples: tuple[str, ...] = ()
    """Lines the rule catches, in the languages it knows: a rule written as a pattern
    (not a :class:`~dechaff.filters.wording.PhraseTable`) is held to them by the tests,
    so that its cues cannot drift from its pattern."""

    @classmethod
    def from_table(cls, table: PhraseTable) -> Rule:
        """The rule of a phrase table: its pattern and its cues both come from the table."""
        return cls(
            table.reason, table.pattern(), whole_line=not table.anywhere,
            max_words=table.max_words, starts=table.first_words(),
            contains=table.substrings(), heading=table.heading, requires=table.requires,
        )  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MEDIA_WORDS = (
    r"video|photo|image|picture|pictured|gallery|graphic|illustration|watch|listen|audio"
    r"|foto|bild|фото|видео|사진|写真|图片"
)
_PUBLISHED_WORDS = (
    r"published|updated|posted|last updated|first published|veröffentlicht|aktualisiert"
    r"|publicado|atualizado|publié|mis à jour|pubblicato|aggiornato|опубликовано|обновлено"
    r"|opublikowano|zaktualizowano|gepubliceerd|bijgewerkt"
    r"|입력|수정|更新|公開|diterbitkan"
)
_SAYS_WORDS = r"says|said|wrote|commented|replied|sagt|schreibt|dice|disse|dit|пишет|написал\w*"
_COMMENT_WORDS = (
    r"comments?|leave a (comment|reply)|post (a )?comment|add (a )?comment"
    r"|join the (conversation|discussion)|show comments|view comments|kommentare?|comentarios?"
    r"|leserkommentare|lesermeinungen|commentaires?|commenti|comentários|komentarze?|reacties"
    r"|комментари\w*|댓글|コメント|评论"
)
_REPLY_BUTTONS = (
    r"reply|antworten|zitieren|responder|répondre|rispondi|odpowiedz|beantwoorden|reageren"
    r"|ответить"
)

RULES: tuple[Rule, ...] = (
    *(Rule.from_table(table) for table in TABLES),
    Rule.from_table(SKIP_LINK_OPENERS),
    Rule.from_table(SKIP_LINKS),
    Rule(
        Reason.SHARE_PROMPT,
        r"(share|follow|like)( (this|us|me|him|her|them))?( (article|story|post|page|on|via|with)\b.{0,60})?"
        r"|click to (share|email|print)\b.{0,60}|(teilen|compartir|partager|condividi|compartilhar"
        r"|udostępnij|podziel się|delen|deel)\b.{0,40}|поделиться\b.{0,40}",
        starts=_words(
            "share follow like click teilen compartir partager condividi compartilhar поделиться "
            "udostępnij podziel delen deel"
        ),
        examples=(
            "Share this article",
            "Follow us",
            "Click to share on Facebook",
            "Teilen",
            "Compartir en Twitter",
            "Partager",
            "Condividi",
            "Compartilhar",
            "Udostępnij",
            "Podziel się",
            "Delen",
            "Поделиться",
        ),
    ),
    Rule(
        Reason.SHARE_PROMPT,
        # "Follow The Gleaner on Twitter and Instagram …", "Síguenos en Telegram …"
        r"(follow|folgen|folge|folgt|síguenos|siguenos|suivez|seguici|segui|siga|obserwuj|volg)"
        r"\b.{0,200}\b(twitter|facebook|instagram|linkedin|youtube|tiktok|telegram|whatsapp"
        r"|mastodon|threads|pinterest|x\.com)\w{0,3}\b.{0,200}",  # "na Facebooku"
        max_words=40,
        starts=_words(
            "follow folgen folge folgt síguenos siguenos suivez seguici segui siga obserwuj volg"
        ),
        examples=(
            "Follow The Gazette on Twitter and Instagram for more updates",
            "Folgen Sie uns auf Facebook",
            "Síguenos en Telegram",
            "Suivez-nous sur Twitter",
            "Seguici su Instagram",
            "Siga-nos no Instagram",
            "Obserwuj nas na Facebooku",
            "Volg ons op LinkedIn",
        ),
    ),
    Rule.from_table(NEWSLETTER_WORDS),
    Rule.from_table(COOKIE_WORDS),
    Rule.from_table(COPYRIGHT_LINES),
    Rule.from_table(COPYRIGHT_NOTICES),
    Rule.from_table(COMMENT_POLICY),
    Rule.from_table(LEGAL_LINKS),
    Rule.from_table(RELATED_LINES),
    Rule(
        Reason.MEDIA_CAPTION,
        rf"(({_MEDIA_WORDS})( (above|below|credit|caption|copyright|source|courtesy|by|\d+ of \d+))?\s*[:|].{{0,300}}"
        r"|media playback is unsupported.{0,60}|image (caption|copyright|source).{0,300})",
        starts=_words(_MEDIA_WORDS.replace("|", " ") + " media"),
        examples=(
            "Video above: the storm reaches the coast",
            "Photo: Jane Doe",
            "Watch: the moment the bridge fell",
            "Foto: dpa",
            "Bild: Stadtverwaltung",
            "Image caption: protesters in the square",
            "Media playback is unsupported on your device",
            "Фото: ТАСС",
        ),
    ),
    Rule(
        Reason.MEDIA_CAPTION,
        r"(\((photo|image|foto|credit)\b[^()]{0,80}\)"
        r"|[/|]\s?(getty images|reuters|afp|ap|epa|shutterstock|bloomberg|istock\w*)\)?"
        r"|©\s?(getty images|reuters|afp|ap|epa|dpa|shutterstock|imago|picture.alliance|istock\w*)\b.{0,60}"
        r"|(©|\(c\)|\b(foto|fotos|photo|bild|credit)\s?:)\s?[^.!?:]{1,60}"
        r"|[/|]\s?(getty images|reuters|afp|ap|epa|dpa|shutterstock|imago|istock\w*)(\.com)?\)"
        r"|,\s(photo|foto|bild|image)\s?:.{0,80}"
        r"|\b(submitted|file|handout|courtesy|stock) (photo|image)"
        r"|\b(photo|image|picture) (credit|courtesy)\b.{0,60})\.?$",
        whole_line=False,
        # a paragraph of the article that a scraper ended with its photo's credit
        unless_held=True,
        contains=(
            "photo",
            "image",
            "foto",
            "credit",
            "getty",
            "reuters",
            "afp",
            "bloomberg",
            "istock",
            "/ap",
            "/ ap",
            "/epa",
            "/ epa",
            "shutterstock",
            "©",
            "dpa",
            "imago",
            "picture",
            "bild",
        ),
        examples=(
            "The mayor at the meeting (Photo: City Hall)",
            "Firefighters at the scene / Getty Images",
            "© Reuters",
            "Fotos: Stadt Köln",
            "File photo",
            "Photo courtesy of the family",
        ),
    ),
    Rule(
        Reason.MEDIA_CAPTION,
        # news agencies' caption form: "In this Dec. 12, 2006, file photo, ..."
        r"in this (undated )?(\w+\.?\s\d{1,2},\s\d{4},?\s)?(file |handout |undated |aerial )?"
        r"(photo|image|picture|photograph|frame grab)\b.{0,400}",
        max_words=90,
        starts=_words("in"),
        examples=(
            "In this Dec. 12, 2006, file photo, the ship leaves the harbour.",
            "In this undated photo, the house stands empty.",
        ),
    ),
    Rule(
        Reason.BYLINE_DATELINE,
        rf"(by|von|por|par|di|door|oleh|от|автор)\s+[\w.'’-]+(\s+[\w.'’-]+){{0,4}}"
        rf"|({_PUBLISHED_WORDS})\b.{{0,80}}"
        r"|\d+\s*(min|minute|minutes|mins)\s*(read|de lectura|de leitura|lesezeit|di lettura)"
        r"|reading time.{0,20}"
        r"|([\w-]+,?\s)?(\w+\.?\s)?\d{1,2}(st|nd|rd|th|º)?[,.]?\s((de|del|di|van)\s)?\w+\.?,?\s((de|del)\s)?\d{4}\b.{0,30}"
        r"|(\w+,?\s)?\w+\.?\s\d{1,2}(st|nd|rd|th)?,?\s\d{4}\b.{0,30}"
        r"|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(\s\d{1,2}:\d{2}(:\d{2})?)?"
        r"|(\d+|an?|one)\s(second|minute|hour|day|week|month|year)s?\sago.{0,20}"
        r"|\d{1,2}:\d{2}\s?([ap]\.?m\.?)?(\s[A-Z]{2,4})?",
        max_words=10,
        max_sentence_marks=1,
        starts=_words(
            "by von por par di door oleh от автор reading last first mis an a one "
            + _PUBLISHED_WORDS.replace("|", " ")
        ),
        digit=True,
        examples=(
            "By Jane Doe",
            "Von Max Mustermann",
            "Por María García",
            "Par Jean Dupont",
            "Di Mario Rossi",
            "Door Jan de Vries",
            "Published 3 hours ago",
            "Veröffentlicht am 12.03.2024",
            "Publicado el 5 de mayo de 2023",
            "Publié le 3 mars 2024",
            "Pubblicato il 3 marzo 2024",
            "Opublikowano: 12.03.2024",
            "Gepubliceerd op 12 maart 2024",
            "5 min read",
            "March 3, 2024",
            "12.03.2024 10:15",
            "An hour ago",
            "3 days ago",
            "10:15 PM EST",
        ),
    ),
    Rule(
        Reason.COMMENTS,
        # "janedoe says:", "Jane Doe on May 3, 2019 at 4:47 pm said:": a commenter's name
        # before a present-tense "says:", or a line with a time of day; not "The minister
        # said:".
        rf"[\w.@’'-]+(\s[\w.@’'-]+){{0,2}}\s(says|sagt|schreibt|dice|diz|dit|пишет)\s?:"
        rf"|.{{0,60}}\d{{1,2}}[:.]\d{{2}}.{{0,20}}\s({_SAYS_WORDS})\s?:",
        max_words=16,
        contains=tuple(_SAYS_WORDS.replace(r"\w*", "").split("|")),
        examples=(
            "janedoe says:",
            "Max sagt:",
            "Jane Doe on May 3, 2019 at 4:47 pm said:",
            "Marie dit :",
            "Juan dice:",
        ),
    ),
    Rule(
        Reason.COMMENTS,
        r"\d+\s(responses|replies|comments|thoughts|reactions)\s(to|on)\b.{0,160}"
        r"|(top rated |newest |oldest |all |show all |view all |read all )?comments?\s?(\(\d+\))?"
        rf"|(\d+\s*)?({_COMMENT_WORDS})\b(\s*\(?\d+\)?)?.{{0,20}}",
        starts=_words(
            "comment comments leave post add join show view top newest oldest all read "
            "kommentar kommentare comentario comentarios commentaire commentaires "
            "commenti 댓글 コメント 评论 leserkommentare lesermeinungen comentários komentarze "
            "komentarz reacties"
        ),
        # every branch of the pattern needs one of these words: a cue far rarer than
        # a digit, which most short lines hold
        contains=(
            *"comment response repl thought reaction kommentar comentar comentá lesermeinung"
            " komentarz reacties комментари 댓글 コメント 评论".split(),
            "join the",
        ),
        examples=(
            "12 responses to the storm story",
            "Show comments (4)",
            "Leave a comment",
            "Kommentare",
            "Comentarios (12)",
            "Commentaires",
            "Commenti",
            "Komentarze (3)",
            "Reacties",
            "Комментарии",
            "12 comments",
        ),
    ),
    Rule(
        Reason.COMMENTS,
        # the button under each reader's comment: "Reply", "antworten" ("Report" is also
        # under embedded posts, so it is no sign of comments)
        rf"({_REPLY_BUTTONS})(\s*[|·/]?\s*({_REPLY_BUTTONS}))*",
        max_words=4,
        starts=_words(_REPLY_BUTTONS.replace("|", " ")),
        examples=(
            "Reply",
            "Antworten",
            "Responder",
            "Répondre",
            "Rispondi",
            "Odpowiedz",
            "Reageren",
            "Ответить",
            "Antworten | Zitieren",
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class PageChrome:
    """Remove lines that are page furniture by what they say.

    A line is chrome when it is a menu word (:data:`MENU_WORDS`), when it holds
    only sharing words (:data:`SOCIAL_WORDS`), or when one of :data:`RULES`
    matches it. Rules are tried in order and the first that matches decides the
    reason. No rule applies to a line longer than its ``max_words`` (by default
    the filter's ``max_words``): a menu word inside a real sentence does not count.

    >>> from dechaff import Cleaner
    >>> r = Cleaner([PageChrome()])("Skip to content\\nShare this article\\nThe dam held.")
    >>> [x.reason.value for x in r.removals]
    ['skip-link', 'share-prompt']
    """

    name: str = "chrome"
    max_words: int = 30
    rules: tuple[Rule, ...] = RULES
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _required: tuple[re.Pattern[str] | None, ...] = field(init=False, repr=False, compare=False)
    _by_first: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _by_digit: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_cue: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _longest: int = field(init=False, repr=False, compare=False)
    _digit_limit: int = field(init=False, repr=False, compare=False)
    _cue_finder: ahocorasick.Automaton = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_settings(self, max_words=(1, INF))

        def index(pairs: list[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
            found: dict[str, list[int]] = {}
            for key_, i in pairs:
                found.setdefault(key_, []).append(i)
            return {k: tuple(v) for k, v in found.items()}

        rules = self.rules
        by_cue = index([(c, i) for i, r in enumerate(rules) for c in r.contains])
        settings = {
            "_compiled": tuple(re.compile(f"(?:{r.pattern})", re.IGNORECASE) for r in rules),
            "_required": tuple(
                re.compile(r.requires, re.IGNORECASE) if r.requires else None for r in rules
            ),
            "_by_first": index([(w, i) for i, r in enumerate(rules) for w in r.starts]),
            "_by_digit": tuple(i for i, r in enumerate(rules) if r.digit),
            "_by_cue": by_cue,
            "_cue_finder": _cue_finder(
                {
                    cue: all((rules[i].max_words or self.max_words) <= self.max_words for i in at)
                    for cue, at in by_cue.items()
                }
            ),
            "_longest": max(r.max_words or self.max_words for r in rules),
            "_digit_limit": max(
                (r.max_words or self.max_words for r in rules if r.digit), default=0
            ),
        }
        for name, value in settings.items():
            object.__setattr__(self, name, value)

    def __call__(self, page: Page) -> Iterator[Decision]:
        # No rule applies to a line longer than the longest rule's limit: skip those.
        longest = self._longest
        kept = [b for b in page.kept if b.words <= longest]
        # Case-fold all lines at once.
        folded = "\n".join([b.text for b in kept]).casefold()
        lines = folded.split("\n")
        # Every substring cue of every rule, found in one pass over the page (Aho-
        # Corasick); cues of rules for short lines count in short lines only.
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        cues: dict[int, list[str]] = {}
        found = self._cue_finder.iter(folded) if self._by_cue else ()  # rules may have none
        for end, (cue, only_short) in found:
            i = bisect_right(starts, end) - 1
            if not only_short or kept[i].words <= self.max_words:
                cues.setdefault(i, []).append(cue)
        held, classify = page.facts.held, self._classify
        for i, block in enumerate(kept):
            found = classify(block, lines[i], cues.get(i, ()), held)
            if found is not None:
                reason, detail = found
                yield remove_block(self.name, block, reason, detail)

    def classify(self, block: Block) -> tuple[Reason, str] | None:
        """The reason and evidence when ``block`` is chrome, else ``None``.

        Each rule has cheap cues (a first word, a substring, a digit); its pattern
        is only tried on lines that show one.
        """
        folded = block.text.casefold()
        return self._classify(block, folded, [cue for cue in self._by_cue if cue in folded])

    def _classify(
        self, block: Block, folded: str, cues: Sequence[str], held: Container[int] = frozenset()
    ) -> tuple[Reason, str] | None:
        lowered = block.key
        word = first_word(lowered)
        if len(lowered) <= 80:
            if lowered in MENU_WORDS:
                return Reason.MENU, f"menu word {lowered!r}"
            if word in SOCIAL_WORDS:
                words = _NON_WORD.sub(" ", lowered).split()
                if len(words) <= 8 and _share_bar(words):
                    return Reason.SHARE_PROMPT, "only sharing and social-network words"
        by_first = self._by_first.get(word, ())
        # The rules cued by a digit (datelines, comment counts) are for short lines.
        digit = block.words <= self._digit_limit and _DIGIT.search(folded) is not None
        if not (by_first or digit or cues) or block.words > self._longest:
            return None  # no cue for any rule: the common case, decided cheaply
        cued = set(by_first)
        if digit:
            cued.update(self._by_digit)
        for cue in cues:
            cued.update(self._by_cue[cue])
        text = ""
        for i in sorted(cued):
            rule, pattern = self.rules[i], self._compiled[i]
            if block.words > (rule.max_words or self.max_words):
                continue
            if (
                rule.max_sentence_marks is not None
                and block.sentence_marks > rule.max_sentence_marks
            ):
                continue
            required = self._required[i]
            if required is not None and not required.search(folded):
                continue
            if rule.heading and block.ends_sentence and not block.text.rstrip().endswith(":"):
                continue
            if rule.unless_held and block.index in held:
                continue
            text = text or _LEADING_NON_WORD.sub("", block.text)
            if rule.whole_line:
                hit = pattern.fullmatch(text) or pattern.fullmatch(text.rstrip(_TRAILING))
            else:
                hit = pattern.search(text)
            if hit:
                return rule.reason, f"line matches the {rule.reason.value} wording"
        return None


def _share_bar(words: list[str]) -> bool:
    """Only sharing words and share counts; or a bar of four or more naming two
    networks, with one other token (a network's name cut short, a label) and no
    joining words (a sentence about networks has them).

    >>> _share_bar("facebook twitter whatsapp 1 2k".split())
    True
    >>> _share_bar("facebook and twitter fined".split()), _share_bar("whatsapp facebook pint".split())
    (False, False)
    """
    unknown = [w for w in words if w not in SOCIAL_WORDS and not w[0].isdigit()]
    if not unknown:
        return True
    return (
        len(unknown) == 1
        and len(words) >= 4
        and sum(w in SOCIAL_NETWORKS for w in words) >= 2
        and _JOINING_WORDS.isdisjoint(words)
    )


_JOINING_WORDS = frozenset("and or the on to us via this it".split())
_DIGIT = re.compile(r"\d")


def _cue_finder(cues: dict[str, bool]) -> ahocorasick.Automaton:
    """An automaton that finds every cue in a text: each as ``(cue, only_short)``."""
    finder = ahocorasick.Automaton()
    for cue, only_short in cues.items():
        finder.add_word(cue, (cue, only_short))
    finder.make_automaton()
    return finder


_TRAILING = " :;,!|»›>-–—"
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_NON_WORD = re.compile(r"^[^\w©]+")
