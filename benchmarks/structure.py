"""Structure and metadata out, with trafilatura beside: the section of
docs/benchmarks.md that ``benchmarks/markdown.py``, ``benchmarks/metadata.py`` and
``benchmarks/languages.py`` measure, written as Markdown.

    python benchmarks/structure.py --out docs     # writes docs/structure.md

``benchmarks/run.py`` appends the page it finds in its output folder to
benchmarks.md, as it does seedlike.md and scaling.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import languages
import markdown
import metadata

KIND_NAMES = {"heading": "headings", "list item": "list items", "table cell": "table cells",
              "emphasis": "emphasis", "link": "links"}  # fmt: skip


def markdown_section() -> list[str]:
    count, golds, scores, words = markdown.measure()
    rows = [
        f"| {KIND_NAMES[kind]} | {golds[kind]:,} | "
        + " | ".join(
            " / ".join(f"{x:.3f}" for x in scores[kind][t]) for t in ("dechaff", "trafilatura")
        )
        + " |"
        for kind in markdown.KINDS
    ]
    return [
        "### Markdown",
        "",
        f"WCXB dev, {count:,} pages with gold Markdown, HTML: the items of dechaff's",
        '`markdown(links=True)` and of trafilatura\'s `extract(output_format="markdown",',
        "include_formatting=True, include_links=True)` against `main_content_markdown`",
        "(an item matches when its lower-cased words are the same; a link by its text;",
        "counted over all pages). See [markdown.md](markdown.md).",
        "",
        "| items | in the gold | dechaff P / R / F1 | trafilatura P / R / F1 |",
        "|---|---|---|---|",
        *rows,
        "",
        "Word F1 of the text output {:.3f}; of the Markdown with its marks stripped {:.3f}.".format(
            words["text output"], words["Markdown, marks stripped"]
        ),
        "",
    ]


def metadata_section() -> list[str]:
    pages = metadata.measure()
    rows = []
    for field in metadata.FIELDS:
        having, good, extra = metadata.tally(field, pages)
        cells = [f"{g:,} ({g / max(1, having):.1%})" for g in good]
        rows.append(f"| {field} | {having:,} | {cells[0]} | {cells[1]} | {extra[0]} / {extra[1]} |")
    return [
        "### Metadata",
        "",
        f"WCXB dev, {len(pages):,} pages, HTML: dechaff's `metadata` and trafilatura's",
        "`extract_metadata` against the gold's title, author and date (a title by its",
        "words, an author by the set of names, a date by its day, or its month where",
        "that is all the gold has). See [metadata.md](metadata.md).",
        "",
        "| field | pages with gold | dechaff right | trafilatura right | given where the gold has "
        "none (dechaff / trafilatura) |",
        "|---|---|---|---|---|",
        *rows,
        "",
    ]


def languages_section() -> list[str]:
    count, per = languages.measure()
    rows = []
    for lang, c in sorted(per.items(), key=lambda kv: -kv[1]["pages"]):
        if c["pages"] >= languages.MIN_PAGES:
            n = c["pages"]
            rows.append(f"| {lang} ({n:,}) | {c['html'] / n:.1%} | {c['text'] / n:.1%} |")
    return [
        "### Language",
        "",
        f"The three shared sets, {count:,} pages of {languages.MIN_WORDS} gold words or more,",
        "labelled by py3langid on their gold bodies (`benchmarks/language-labels.json`):",
        "the share whose metadata language is the label, per language of ten pages or more.",
        "",
        "| language (pages) | HTML mode | text mode |",
        "|---|---|---|",
        *rows,
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs")
    args = parser.parse_args(argv)
    parts = ["## Structure and metadata", "", *markdown_section(), *metadata_section(),
             *languages_section()]  # fmt: skip
    (args.out / "structure.md").write_text("\n".join(parts), "utf-8")
    print("\n".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
