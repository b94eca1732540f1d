"""Markdown structure against WCXB dev's ``main_content_markdown``: the F1 of
heading lines, list items, table cells, emphasis and links, dechaff's
``CleanResult.markdown(links=True)`` and trafilatura's
``extract(output_format="markdown", include_formatting=True, include_links=True)``
in the same run (HTML).

    python benchmarks/markdown.py [--limit N] [--mode text]

An item matches when its lower-cased words are the same; items are counted over
all pages together (a multiset per page). Also: the word F1 (WCXB's metric) of the
Markdown with its marks stripped, beside that of the text output.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gzip
import json
import multiprocessing
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SHARED

from dechaff import clean, clean_html
from dechaff.evaluation import score_words

WCXB = SHARED / "wcxb-dev"
KINDS = ("heading", "list item", "table cell", "emphasis", "link")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"  # strong
    r"|(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\3(?![*\w])"  # emphasis
)
_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|^\s*(?:[-*+]|\d+[.)])\s+|^```.*$|^\|?\s*:?-{3,}.*$|\|")


def key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def items(markdown: str) -> dict[str, Counter[str]]:
    """The headings, list items, table cells, emphasised spans and links' texts of
    ``markdown``, by kind (a link counts by its text; images are left out)."""
    found: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for line in markdown.splitlines():
        for link in _LINK.finditer(line):
            if not link.group(1):
                found["link"][key(link.group(2))] += 1
        line = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), line)
        for mark in _EMPHASIS.finditer(line):
            found["emphasis"][key(mark.group(2) or mark.group(4))] += 1
        if heading := _HEADING.match(line):
            found["heading"][key(heading.group(1))] += 1
        elif item := _ITEM.match(line):
            found["list item"][key(item.group(1))] += 1
        elif line.lstrip().startswith("|") and not _RULE.match(line):
            found["table cell"].update(key(cell) for cell in line.strip().strip("|").split("|"))
    for counter in found.values():
        del counter[""]
    return found


def strip_marks(markdown: str) -> str:
    """The words of ``markdown`` without its marks (a link's address, an image)."""
    lines = (_LINK.sub(lambda m: "" if m.group(1) else m.group(2), line)
             for line in markdown.splitlines())  # fmt: skip
    return "\n".join(_MARKS.sub(" ", line) for line in lines)


def _page(path: Path, mode: str = "html") -> dict[str, object]:
    record = json.loads(path.read_text("utf-8"))
    truth = record["ground_truth"]
    truth = ast.literal_eval(truth) if isinstance(truth, str) else truth
    html = gzip.decompress((WCXB / "html" / f"{path.stem}.html.gz").read_bytes())
    if mode == "text":
        result = clean((WCXB / "raw" / f"{path.stem}.txt").read_text("utf-8"))
    else:
        result = clean_html(html)
    try:
        import trafilatura

        theirs = trafilatura.extract(html.decode("utf-8", "replace"), output_format="markdown",
                                     include_tables=True, include_comments=False,
                                     include_formatting=True, include_links=True) or ""  # fmt: skip
    except Exception:  # a peer's failure counts as no output
        theirs = ""
    gold, body = truth.get("main_content_markdown") or "", truth.get("main_content") or ""
    return {"gold": gold, "body": body, "dechaff": result.markdown(links=True), "text": result.text,
            "trafilatura": theirs}  # fmt: skip


def f1(got: Counter[str], gold: Counter[str]) -> tuple[int, int, int]:
    return sum((got & gold).values()), sum(got.values()), sum(gold.values())


Scores = dict[str, dict[str, tuple[float, float, float]]]
"""Per kind of item, per tool: precision, recall and F1."""


def measure(
    limit: int | None = None, mode: str = "html"
) -> tuple[int, dict[str, int], Scores, dict[str, float]]:
    """The pages scored, the gold's items per kind, the scores per kind and tool, and
    the word F1 of the text output and of the Markdown with its marks stripped;
    ``mode="text"``: dechaff reads each page's raw text (trafilatura its HTML)."""
    paths = sorted((WCXB / "ground-truth").glob("*.json"))[:limit]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        found = pool.map(functools.partial(_page, mode=mode), paths, chunksize=8)
    pages = [p for p in found if p["body"]]
    golds: dict[str, int] = {}
    scores: Scores = {}
    for kind in KINDS:
        scores[kind] = {}
        for tool in ("dechaff", "trafilatura"):
            both = got = gold = 0
            for p in pages:
                counts = f1(items(p[tool])[kind], items(p["gold"])[kind])  # type: ignore[arg-type]
                both, got, gold = both + counts[0], got + counts[1], gold + counts[2]
            precision, recall = both / max(1, got), both / max(1, gold)
            score = 2 * precision * recall / max(1e-9, precision + recall)
            scores[kind][tool], golds[kind] = (precision, recall, score), gold
    words = {}
    for name, field in (("text output", "text"), ("Markdown, marks stripped", "dechaff")):
        found = [score_words(strip_marks(p[field]), p["body"]).f1 for p in pages]  # type: ignore[arg-type]
        words[name] = sum(found) / len(found)
    return len(pages), golds, scores, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--mode", choices=("html", "text"), default="html")
    args = parser.parse_args(argv)
    count, golds, scores, words = measure(args.limit, args.mode)
    print(f"WCXB dev, {count} pages with gold, dechaff on {args.mode}; items over all pages")
    print(f"{'kind':11s} {'gold':>6s}   dechaff P / R / F1      trafilatura P / R / F1")
    for kind in KINDS:
        cells = [
            "{:.3f} / {:.3f} / {:.3f}".format(*scores[kind][t]) for t in ("dechaff", "trafilatura")
        ]
        print(f"{kind:11s} {golds[kind]:6d}    {cells[0]}     {cells[1]}")
    for name, score in words.items():
        print(f"word F1, {name}: {score:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
