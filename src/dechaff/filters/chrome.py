"""Navigation and page chrome recognised by what a line says.

Each rule is a (reason, pattern) pair over one line. The patterns are
deliberately anchored and bounded in length: a sentence of the article that
merely mentions a newsletter or a cookie is long and does not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..blocks import Block
from ..page import Page
from ..report import Decision, Reason
from .base import remove_block

SKIP_LINK = (
    r"(skip|jump) (to|navigation)\b.{0,30}|skip navigation|zum inhalt( springen)?|"
    r"direkt zum inhalt|aller au (contenu|menu)|passer au contenu|saltar (al|a) (contenido|navegaci)\w*|"
    r"ir (para|ao) (o )?conte[uú]do|vai al contenuto|salta al contenuto|"
    r"перейти к (содержанию|основному|контенту)\w*|본문 바로가기|본문으로 바로가기|"
    r"本文へ\w*|メインコンテンツへ\w*|跳到主要内容|跳至主要内容|langsung ke konten|loncat ke konten"
)

MENU_WORDS = frozenset(
    p.strip()
    for p in [
        "menu",
        " main menu",
        " open menu",
        " close menu",
        " toggle navigation",
        " navigation",
        " search",
        " close",
        "\n    home",
        " sign in",
        " log in",
        " login",
        " logout",
        " log out",
        " register",
        " sign up",
        " my account",
        " account",
        " more",
        "\n    less",
        " back",
        " back to top",
        " top",
        " next",
        " previous",
        " prev",
        " show more",
        " load more",
        " view all",
        " see all",
        "\n    watch live",
        " live",
        " live tv",
        " watch on demand",
        " listen",
        " play",
        " pause",
        " expand",
        " collapse",
        " sections",
        "\n    topics",
        " subscribe now",
        " mehr",
        " suche",
        " anmelden",
        " abmelden",
        " startseite",
        " zurück",
        " weiter",
        " accueil",
        "\n    rechercher",
        " connexion",
        " recherche",
        " retour",
        " suivant",
        " précédent",
        " inicio",
        " buscar",
        " búsqueda",
        "\n    iniciar sesión",
        " entrar",
        " volver",
        " siguiente",
        " anterior",
        " início",
        " pesquisar",
        " voltar",
        " próximo",
        "\n    cerca",
        " accedi",
        " indietro",
        " successivo",
        " главная",
        " поиск",
        " войти",
        " меню",
        " назад",
        " далее",
        " ещё",
        " еще",
        "\n    홈",
        " 검색",
        " 로그인",
        " 메뉴",
        " 더보기",
        " 이전",
        " 다음",
        " ホーム",
        " 検索",
        " ログイン",
        " メニュー",
        " 次へ",
        " 前へ",
        "\n    もっと見る",
        " 首页",
        " 搜索",
        " 登录",
        " 菜单",
        " 更多",
        " beranda",
        " cari",
        " masuk",
        " lainnya",
    ]
)

SOCIAL_WORDS = frozenset(
    [
        "share",
        "shares",
        "shared",
        "sharing",
        "tweet",
        "email",
        "e-mail",
        "mail",
        "print",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "telegram",
        "tumblr",
        "flipboard",
        "messenger",
        "copy",
        "link",
        "copied",
        "url",
        "comment",
        "comments",
        "save",
        "saved",
        "bookmark",
        "on",
        "via",
        "this",
        "article",
        "story",
        "post",
        "page",
        "follow",
        "us",
        "teilen",
        "drucken",
        "compartir",
        "imprimir",
        "partager",
        "imprimer",
        "condividi",
        "stampa",
        "compartilhar",
        "поделиться",
        "отправить",
        "печать",
        "공유",
        "공유하기",
        "인쇄",
        "シェア",
        "ツイート",
        "印刷",
        "分享",
        "打印",
        "bagikan",
        "cetak",
        "vk",
        "ok",
        "line",
        "kakao",
        "naver",
        "weibo",
        "wechat",
        "sms",
        "and",
        "or",
        "the",
        "it",
        "to",
    ]
)

RULES: tuple[tuple[Reason, str], ...] = (
    (Reason.SKIP_LINK, SKIP_LINK),
    (
        Reason.SHARE_PROMPT,
        r"(share|follow|like)( (this|us|me|him|her|them))?( (article|story|post|page|on|via|with)\b.{0,60})?"
        r"|click to (share|email|print)\b.{0,60}|(teilen|compartir|partager|condividi|compartilhar|поделиться)\b.{0,40}",
    ),
    (
        Reason.NEWSLETTER_PROMPT,
        r".{0,120}\b(newsletters?|subscribe|subscription|sign up for|signup|unsubscribe|inbox"
        r"|abonnieren|abonnez-vous|s'abonner|suscr[ií]b\w+|iscriviti|assine|inscreva-se"
        r"|подпиш\w+|рассылк\w+|구독|購読|订阅|berlangganan)\b.{0,160}",
    ),
    (
        Reason.COOKIE_NOTICE,
        r".{0,300}\b(cookies?|куки|쿠키|クッキー)\b.{0,300}",
    ),
    (
        Reason.COPYRIGHT,
        r"(©|\(c\)|copyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés"
        r"|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados"
        r"|все права защищены|무단 ?전재|著作権|版权所有|hak cipta).{0,200}",
    ),
    (
        Reason.RELATED_LIST,
        r"(related|related (stories|articles|content|posts|news|links|topics|coverage|reading)"
        r"|read more|read next|read also|also read|see also|more from\b.{0,40}|more on\b.{0,40}"
        r"|more stories|more news|recommended( for you)?|you (may|might) (also )?like.{0,20}"
        r"|most (popular|read|viewed|shared)|trending( now)?|top stories|latest( news| stories)?"
        r"|up next|what to read next|editor'?s picks|popular (now|stories)"
        r"|lesen sie (auch|mehr)|mehr zum thema|das könnte sie auch interessieren|leia (também|mais)"
        r"|veja também|lee también|te puede interesar|lire aussi|à lire aussi|a lire aussi"
        r"|leggi anche|читайте также|по теме|관련 ?기사|関連記事|相关阅读|相关文章|baca juga)\b[:»›>\s-]{0,4}.{0,160}",
    ),
    (
        Reason.MEDIA_CAPTION,
        r"((video|photo|image|picture|pictured|gallery|graphic|illustration|watch|listen|audio|foto|bild|фото|видео|사진|写真|图片)"
        r"( (above|below|credit|caption|copyright|source|courtesy|by|\d+ of \d+))?\s*[:|].{0,300}"
        r"|media playback is unsupported.{0,60}|image (caption|copyright|source).{0,300}"
        r"|.{0,300}\((photo|image|foto|credit)\b[^()]{0,80}\)|.{0,200}/\s?(getty images|reuters|afp|ap|epa|shutterstock)\)?)",
    ),
    (
        Reason.BYLINE_DATELINE,
        r"((by|von|por|par|di|door|oleh|от|автор)\s+[\w.'’-]+(\s+[\w.'’-]+){0,4}"
        r"|(published|updated|posted|last updated|first published|veröffentlicht|aktualisiert|publicado"
        r"|atualizado|publié|mis à jour|pubblicato|aggiornato|опубликовано|обновлено|입력|수정|更新|公開|diterbitkan)\b.{0,80}"
        r"|\d+\s*(min|minute|minutes|mins)\s*(read|de lectura|de leitura|lesezeit|di lettura)"
        r"|reading time.{0,20}"
        r"|[\w.,]{0,12}\s?[\w.,]{0,12}\s?\d{1,2}[,.]?\s\d{4}(,?\s(at\s)?\d{1,2}[:.]\d{2}\s?([ap]\.?m\.?)?)?(\s[A-Z]{2,4})?"
        r"|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(\s\d{1,2}:\d{2}(:\d{2})?)?"
        r"|(\d+|an?|one)\s(second|minute|hour|day|week|month|year)s?\sago"
        r"|\d{1,2}:\d{2}\s?([ap]\.?m\.?)?(\s[A-Z]{2,4})?)",
    ),
    (
        Reason.COMMENTS,
        r"[\w.@-]{1,40}(\s[\w.@-]{1,40}){0,3}\s(says|said|wrote|commented|replied|sagt|schreibt|dice|disse|dit|пишет|написал\w*)\s?:"
        r"|\d+\s(responses|replies|comments|thoughts|reactions)\s(to|on)\b.{0,160}"
        r"|(top rated |newest |oldest |all |show all |view all |read all )?comments?\s?(\(\d+\))?"
        r"|(\d+\s*)?(comments?|leave a (comment|reply)|post (a )?comment|add (a )?comment|join the (conversation|discussion)"
        r"|show comments|view comments|kommentare?|comentarios?|commentaires?|commenti|комментари\w*|댓글|コメント|评论)(\s*\(?\d+\)?)?.{0,20}",
    ),
)


@dataclass(frozen=True)
class PageChrome:
    """Remove lines that are page furniture by what they say.

    Rules are tried in order; the first that matches the whole line decides, and
    its reason is reported. Lines longer than ``max_words`` are never chrome by
    wording alone (a menu word inside a real sentence does not count), except
    cookie notices, which run up to ``max_cookie_words``.

    >>> from dechaff import Cleaner
    >>> r = Cleaner([PageChrome()])("Skip to content\\nShare this article\\nThe dam held.")
    >>> [x.reason.value for x in r.removals]
    ['skip-link', 'share-prompt']
    """

    name: str = "chrome"
    max_words: int = 30
    max_cookie_words: int = 90
    max_prompt_words: int = 20
    rules: tuple[tuple[Reason, str], ...] = RULES
    _combined: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _compiled: tuple[tuple[Reason, re.Pattern[str]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # One alternation, one group per rule: a single regex pass finds the first rule
        # that matches; the rare rule whose side condition fails falls back to the rest.
        combined = "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(self.rules))
        object.__setattr__(self, "_combined", re.compile(combined, re.IGNORECASE))
        compiled = tuple(
            (reason, re.compile(f"(?:{pattern})", re.IGNORECASE)) for reason, pattern in self.rules
        )
        object.__setattr__(self, "_compiled", compiled)

    def __call__(self, page: Page) -> Iterator[Decision]:
        for block in page.kept:
            found = self.classify(block)
            if found is not None:
                reason, detail = found
                yield remove_block(self.name, block, reason, detail)

    def classify(self, block: Block) -> tuple[Reason, str] | None:
        """The reason and evidence when ``block`` is chrome, else ``None``."""
        if block.words > max(self.max_words, self.max_cookie_words):
            return None
        lowered = block.key
        if lowered in MENU_WORDS:
            return Reason.MENU, f"menu word {lowered!r}"
        words = _NON_WORD.sub(" ", lowered).split()
        if words and len(words) <= 8 and all(w in SOCIAL_WORDS for w in words):
            return Reason.SHARE_PROMPT, "only sharing and social-network words"
        text = _LEADING_NON_WORD.sub("", block.text).rstrip()
        match = self._combined.fullmatch(text)
        if match is None or match.lastgroup is None:
            return None
        first = int(match.lastgroup[1:])
        for reason, pattern in self._compiled[first:]:
            if self._applies(reason, block) and pattern.fullmatch(text):
                return reason, f"line matches the {reason.value} wording"
        return None

    def _applies(self, reason: Reason, block: Block) -> bool:
        limit = {
            Reason.COOKIE_NOTICE: self.max_cookie_words,
            Reason.NEWSLETTER_PROMPT: self.max_prompt_words,
        }.get(reason, self.max_words)
        if block.words > limit:
            return False
        if reason is Reason.BYLINE_DATELINE and block.sentence_marks > 1:
            return False
        return not (reason is Reason.COOKIE_NOTICE and not _CONSENT.search(block.text))


_NON_WORD = re.compile(r"[\W_]+")
_LEADING_NON_WORD = re.compile(r"^[^\w©]+")
_CONSENT = re.compile(
    r"\b(use|uses|using|accept|consent|polic|privacy|experience|brows|settings|agree|continu"
    r"|partners|preferences|datenschutz|akzeptier|zustimm|acept|politique|accepter|consentement"
    r"|privacidad|privacidade|aceitar|consenso|accett|согла|использ|동의|同意|使用|setuju|menggunakan)",
    re.IGNORECASE,
)
