"""The language dechaff's metadata gives, against labels of the gold bodies.

    python benchmarks/languages.py [--relabel]

Labels: py3langid (a maintained identifier, its model inside the package) run on
each page's gold body (trafilatura-eval's gold is a few snippets: its raw text),
kept in ``benchmarks/language-labels.json`` (``--relabel`` makes them again).
Pages whose gold has fewer than 50 words are left out. For each
language with at least 10 pages: the share of pages whose metadata language (its
primary subtag: ``en`` of ``en-us``) is the label, per mode; and the share for the
function-word tables alone (``dechaff.language.page_language``) on the same text.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, Page, load

from dechaff import Cleaner
from dechaff.language import page_language

LABELS = Path(__file__).resolve().parent / "language-labels.json"
MIN_WORDS = 50
MIN_PAGES = 10


def gold_text(page: Page) -> str:
    """The page's gold body; for trafilatura-eval, whose gold is a few snippets, the
    page's raw text."""
    gold = page.gold
    if isinstance(gold, tuple):
        return page.raw()
    return gold


def label_all() -> dict[str, str]:
    import py3langid

    labels = {}
    for name in SET_NAMES:
        for page in load(name).pages:
            text = gold_text(page)
            if len(re.findall(r"\w+", text)) >= MIN_WORDS:
                labels[f"{name}/{page.id}"] = py3langid.classify(text)[0]
    return labels


def _guess(job: tuple[str, Page]) -> tuple[str, str | None, str | None, str | None]:
    name, page = job
    cleaner = Cleaner.default()
    guesses = []
    for result in (cleaner.clean_html(page.html()), cleaner.clean_text(page.raw())):
        lang = result.metadata.language
        guesses.append(lang.value.split("-")[0] if lang else None)
    tables = page_language(gold_text(page).splitlines())
    return f"{name}/{page.id}", guesses[0], guesses[1], tables


def measure(relabel: bool = False) -> tuple[int, dict[str, Counter[str]]]:
    """The pages labelled, and per language: its pages, and how many of them the
    metadata tells right in each mode, and the function-word tables on the gold."""
    if relabel or not LABELS.exists():
        LABELS.write_text(json.dumps(label_all(), indent=0, sort_keys=True) + "\n")
    labels = json.loads(LABELS.read_text())
    jobs = [(n, p) for n in SET_NAMES for p in load(n).pages if f"{n}/{p.id}" in labels]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        guessed = pool.map(_guess, jobs, chunksize=8)
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for key, html, text, tables in guessed:
        label = labels[key]
        per[label]["pages"] += 1
        per[label]["html"] += html == label
        per[label]["text"] += text == label
        per[label]["tables"] += tables == label
    return len(guessed), per


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relabel", action="store_true")
    args = parser.parse_args(argv)
    count, per = measure(args.relabel)
    print(f"{count} pages of {MIN_WORDS}+ gold words; labels: py3langid on the gold body")
    print("language  pages   HTML metadata   text metadata   function words on the gold body")
    for lang, c in sorted(per.items(), key=lambda kv: -kv[1]["pages"]):
        if c["pages"] < MIN_PAGES:
            continue
        n = c["pages"]
        shares = [f"{c[k] / n:13.1%}" for k in ("html", "text", "tables")]
        print(f"{lang:8s} {n:6d}   " + "   ".join(shares))
    rest = sum(c["pages"] for c in per.values() if c["pages"] < MIN_PAGES)
    print(f"(languages with fewer than {MIN_PAGES} pages: {rest} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
