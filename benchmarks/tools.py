"""The tools the benchmark compares: dechaff and the peers users would pick instead.

Each tool is a name, the input it reads (``raw`` text, or ``html``: the page's
bytes as saved) and a factory that returns a function from that input to the
extracted body. Tools that take only ``str`` decode the bytes the way their users
would (trafilatura's and readability-lxml's own detection where they have one;
charset-normalizer otherwise). Factories import their library lazily, so each
tool is measured in a process of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Extract = Callable[[Any], str]


@dataclass(frozen=True)
class Tool:
    name: str
    reads: str  # "raw" or "html"
    make: Callable[[], Extract]
    package: str | None = None


def _dechaff(
    reads: str, without: tuple[str, ...] = (), favour: str = "balanced"
) -> Callable[[], Extract]:
    return functools.partial(_make_dechaff, reads, without, favour)


def _make_dechaff(reads: str, without: tuple[str, ...], favour: str) -> Extract:
    from dechaff import Cleaner, Settings

    cleaner = Cleaner.default(settings=Settings(favour=favour))
    if without:
        cleaner = cleaner.without(*without)
    if reads == "raw":
        return lambda raw: cleaner.clean_text(raw).text
    return lambda html: cleaner.clean_html(html).text


def _decoded(data: bytes) -> str:
    from charset_normalizer import from_bytes

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def _no_cleaning() -> Extract:
    return lambda raw: raw


_C4_BAD = re.compile(r"javascript|cookie|terms of use|privacy policy", re.IGNORECASE)


def _c4_lines() -> Extract:
    """The C4 line rules: terminal punctuation, at least three words, no boilerplate words."""

    def run(raw: str) -> str:
        keep = []
        for line in raw.splitlines():
            line = line.strip()
            if (
                line.endswith((".", "!", "?", '"', "”"))
                and len(line.split()) >= 3
                and not _C4_BAD.search(line)
            ):
                keep.append(line)
        return "\n".join(keep)

    return run


def _trafilatura() -> Extract:
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False) or ""


def _readability() -> Extract:
    import lxml.html
    from readability import Document

    def run(html: bytes) -> str:
        summary = Document(html).summary(html_partial=True)
        return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""

    return run


def _justext() -> Extract:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(html: bytes) -> str:
        paragraphs = justext.justext(html, stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _resiliparse() -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return lambda html: extract_plain_text(
        bytes_to_str(html, detect_encoding(html)), main_content=True
    )


def _boilerpy3() -> Extract:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor(raise_on_failure=False)
    return lambda html: extractor.get_content(_decoded(html)) or ""


DECHAFF_TEXT = Tool("dechaff (raw text)", "raw", _dechaff("raw"), "dechaff")
DECHAFF_HTML = Tool("dechaff (HTML)", "html", _dechaff("html"), "dechaff")
PEERS = (
    Tool("no cleaning (raw text)", "raw", _no_cleaning),
    Tool("C4 line rules (raw text)", "raw", _c4_lines),
    Tool("trafilatura (HTML)", "html", _trafilatura, "trafilatura"),
    Tool("readability-lxml (HTML)", "html", _readability, "readability-lxml"),
    Tool("jusText (HTML)", "html", _justext, "jusText"),
    Tool("resiliparse (HTML)", "html", _resiliparse, "Resiliparse"),
    Tool("boilerpy3 (HTML)", "html", _boilerpy3, "boilerpy3"),
)


def ablations(filter_names: tuple[str, ...], reads: str = "raw") -> tuple[Tool, ...]:
    """dechaff in text (``raw``) or HTML mode with each filter switched off in turn."""
    return tuple(
        Tool(f"without {name}", reads, _dechaff(reads, (name,)), "dechaff") for name in filter_names
    )


def favours() -> tuple[Tool, ...]:
    """dechaff in both modes with each ``favour`` preset."""
    return tuple(
        Tool(f"favour={favour} ({'raw text' if reads == 'raw' else 'HTML'})", reads,
             _dechaff(reads, favour=favour), "dechaff")
        for favour in ("precision", "balanced", "recall")
        for reads in ("raw", "html")
    )  # fmt: skip
