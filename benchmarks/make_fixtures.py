"""Copy chosen benchmark pages into fixtures/, with their gold body and measured floors.

    python benchmarks/make_fixtures.py [--data ../shared/data/aeb]

Each fixture folder holds ``page.txt`` (raw text), ``page.html.gz`` (the page's
HTML), ``expected.txt`` (the gold body) and ``meta.json``: source URL, language,
the F1 floors the golden tests enforce (the F1 measured when the fixture was made,
less a small margin) and the reason slugs its reports are expected to contain.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from pathlib import Path

from dechaff import clean, clean_html
from dechaff.evaluation import aggregate, score_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "wsj-gaming": ("042bb7b5feda", "en"),
    "nytimes-opinion": ("04a6711caa7c", "en"),
    "venturebeat-wework": ("06e5123e4ef7", "en"),
    "newsnation-factcheck": ("076f4f33bf75", "en"),
    "cbssports-nfl": ("08f793762792", "en"),
    "latimes-business": ("098bb3e96c0a", "en"),
    "profootballtalk-comments": ("8e3efab59f48", "en"),
    "entermedia-ko": ("0ec95c7261d1", "ko"),
    "note100yen-ja": ("f105de6e63ca", "ja"),
    "lhpat-ja": ("85439e26c41c", "ja"),
    "wday-ru": ("c82b3d1d540b", "ru"),
    "jaraguadosul-pt": ("f6ac15a4d985", "pt"),
    "comoeducar-pt": ("3252222e61fe", "pt"),
    "remember8090-it": ("b6fb53e9fb04", "it"),
    "kabarislamia-id": ("21486419bb10", "id"),
}
MARGIN = 0.03


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "aeb")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    for name, (prefix, language) in PAGES.items():
        (page,) = [k for k in truth if k.startswith(prefix)]
        raw = (args.data / "raw" / f"{page}.txt").read_text("utf-8")
        gold = truth[page]["articleBody"]
        result = clean(raw)
        f1 = aggregate([score_page(result.text, gold)]).f1
        html = (args.data / "html" / f"{page}.html.gz").read_bytes()
        html_result = clean_html(gzip.decompress(html))
        html_f1 = aggregate([score_page(html_result.text, gold)]).f1
        folder = ROOT / "fixtures" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.txt").write_text(raw, "utf-8")
        (folder / "expected.txt").write_text(gold, "utf-8")
        (folder / "page.html.gz").write_bytes(html)
        meta = {
            "source": truth[page]["url"],
            "benchmark_id": page,
            "language": language,
            "min_f1": math.floor((f1 - MARGIN) * 100) / 100,
            "reasons": sorted({r.reason.value for r in result.removals}),
            "html_min_f1": math.floor((html_f1 - MARGIN) * 100) / 100,
            "html_reasons": sorted({r.reason.value for r in html_result.removals}),
        }
        (folder / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        print(f"{name:28s} {language} F1={f1:.3f} HTML F1={html_f1:.3f}")


if __name__ == "__main__":
    main()
