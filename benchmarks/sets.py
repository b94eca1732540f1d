"""The shared benchmark sets, read in one shape: pages with raw text, HTML bytes,
gold, a language, and a scorer.

- ``aeb``: the Article Extraction Benchmark (a gold body per page; 4-gram shingle
  metric, averaged over pages).
- ``trafilatura-eval``: trafilatura's evaluation pages (snippets the body must and
  must not contain; counts summed over pages).
- ``wcxb-dev``: WCXB's development split, seven page types (a gold body per page;
  bag-of-words F1, averaged over pages; pages with an empty gold left out, as WCXB
  does).

Each page has a ``group``, the rows the tables report: the page type on WCXB, the
language group (German, English, other) elsewhere.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dechaff.evaluation import (
    PageScore,
    SnippetScore,
    Summary,
    WordScore,
    aggregate,
    aggregate_snippets,
    aggregate_words,
    score_page,
    score_snippets,
    score_words,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SET_NAMES = ("aeb", "trafilatura-eval", "wcxb-dev")

FUNCTION_WORDS = {
    "en": "the of and to in a is that for it on with as was by this are be at from",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "pt": "de o a que e do da em um para com não uma os no se na por mais as dos",
    "es": "de la que el en y los del se las por un para con no una su al es lo",
    "it": "di e il la che a per un in non una sono del della si le con da al",
    "fr": "de la le et les des en un du une est que pour dans qui pas au sur",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er ook als",
    "pl": "i w na z że się do nie to jest o jak od po za co ale tak przez dla",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke ada",
}
FUNCTION_SETS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}

Score = PageScore | SnippetScore | WordScore


def language(text: str) -> str:
    """The language whose function words are most frequent in ``text``; ``"other"``
    for text mostly in a non-Latin script or with none of those words."""
    letters = re.findall(r"[^\W\d_]", text)
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    if not letters or latin < 0.5 * len(letters):
        return "other"
    words = re.findall(r"\w+", text.lower())
    hits = {lang: sum(w in s for w in words) for lang, s in FUNCTION_SETS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] else "other"


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    lang: str
    raw_path: Path
    html_path: Path
    gold: str | tuple[tuple[str, ...], tuple[str, ...]]
    kind: str = "article"
    group: str = ""  # the row of the tables this page counts in; see the module's doc

    def __post_init__(self) -> None:
        if not self.group:
            object.__setattr__(self, "group", language_group(self.lang))

    def raw(self) -> str:
        return self.raw_path.read_text("utf-8")

    def html(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())


@dataclass(frozen=True)
class BenchmarkSet:
    name: str
    pages: tuple[Page, ...]
    score: Callable[[str, Page], Score]
    summarise: Callable[[Sequence[Score]], Summary]


def _score_aeb(output: str, page: Page) -> Score:
    assert isinstance(page.gold, str)
    return score_page(output, page.gold)


def _score_snippets(output: str, page: Page) -> Score:
    assert not isinstance(page.gold, str)
    return score_snippets(output, *page.gold)


def load_aeb(data: Path = SHARED / "aeb") -> BenchmarkSet:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    pages = tuple(
        Page(
            k, truth[k].get("url", ""), language(truth[k]["articleBody"]),
            data / "raw" / f"{k}.txt", data / "html" / f"{k}.html.gz", truth[k]["articleBody"],
        )
        for k in sorted(truth)
    )  # fmt: skip
    return BenchmarkSet("aeb", pages, _score_aeb, aggregate)  # type: ignore[arg-type]


def load_trafilatura_eval(data: Path = SHARED / "trafilatura-eval") -> BenchmarkSet:
    truth = json.loads((data / "evaldata.json").read_text("utf-8"))
    pages = []
    for k in sorted(truth):
        gold = (tuple(truth[k]["with"]), tuple(truth[k]["without"]))
        pages.append(
            Page(
                k, truth[k]["url"], language(" ".join(gold[0])),
                data / "raw" / f"{k}.txt", data / "html" / f"{k}.html.gz", gold,
            )
        )  # fmt: skip
    return BenchmarkSet(
        "trafilatura-eval",
        tuple(pages),
        _score_snippets,
        aggregate_snippets,  # type: ignore[arg-type]
    )


def _score_words(output: str, page: Page) -> Score:
    assert isinstance(page.gold, str)
    return score_words(output, page.gold)


def load_wcxb(data: Path = SHARED / "wcxb-dev") -> BenchmarkSet:
    pages = []
    for path in sorted((data / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        gold = record["ground_truth"].get("main_content") or ""
        if not gold.strip():
            continue
        kind = record["_internal"]["page_type"]["primary"]
        k = path.stem
        pages.append(
            Page(
                k, record.get("url", ""), language(gold),
                data / "raw" / f"{k}.txt", data / "html" / f"{k}.html.gz", gold, kind, kind,
            )
        )  # fmt: skip
    return BenchmarkSet("wcxb-dev", tuple(pages), _score_words, aggregate_words)  # type: ignore[arg-type]


def load(name: str, data: Path | None = None) -> BenchmarkSet:
    if name == "aeb":
        return load_aeb(data) if data else load_aeb()
    if name == "trafilatura-eval":
        return load_trafilatura_eval(data) if data else load_trafilatura_eval()
    if name == "wcxb-dev":
        return load_wcxb(data) if data else load_wcxb()
    raise ValueError(f"no benchmark set {name!r}; sets: {', '.join(SET_NAMES)}")


def language_group(lang: str) -> str:
    """German, English, or other: the groups the tables report."""
    return lang if lang in {"de", "en"} else "other"
