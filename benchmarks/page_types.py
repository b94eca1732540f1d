"""Fit the page-type model (``src/dechaff/models/page-type.json``) and report its
accuracy out of fold.

    python benchmarks/page_types.py [--write] [--refresh]

Labels: WCXB dev's page types; every page of AEB and trafilatura-eval counts as an
article (both are article-extraction sets). Each page gives two rows, its HTML and
its raw text read as dechaff reads them (features: :func:`dechaff.page_type.features`).

Reported, never on the rows a model was fitted on:

- grouped 5-fold by site (the address's host): accuracy per set and mode, and per
  WCXB type its recall and precision, with the confusion table;
- leaving one whole set out: fitted on the two others, scored on it.

``--write`` fits on every row and writes the model as plain JSON. Features are
kept under ``benchmarks/.runs/page-type-features.json`` (``--refresh`` remakes them).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import SET_NAMES, Page, load

from dechaff.html.decoding import decode_html_keeping_utf8
from dechaff.page_type import PAGE_KINDS, TypeModel, features
from dechaff.reading import read_html, read_text

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".runs" / "page-type-features.json"
MODEL = HERE.parent / "src" / "dechaff" / "models" / "page-type.json"
C = 0.3
"""The model's inverse regularisation strength, chosen by the grouped folds (0.03,
0.3 and 3 tried; weighting the types by their rarity, tried too, cost articles a
quarter of their recall for no gain overall)."""
FOLDS = 5


def _rows(job: tuple[str, Page]) -> list[dict[str, object]]:
    name, page = job
    label = page.group if name == "wcxb-dev" else "article"
    site = urlsplit(page.url).hostname or page.id
    out = []
    html, utf8 = decode_html_keeping_utf8(page.html())
    for mode, reading in (("html", read_html(html, None, utf8)), ("text", read_text(page.raw()))):
        f = reading.facts
        found = features(reading.blocks, f.declared, f.address, f.thread, f.main_share)
        out.append({"set": name, "id": page.id, "mode": mode, "site": site, "label": label,
                    "features": found})  # fmt: skip
    return out


def collect(refresh: bool) -> list[dict[str, object]]:
    if CACHE.exists() and not refresh:
        return json.loads(CACHE.read_text())  # type: ignore[no-any-return]
    jobs = [(name, page) for name in SET_NAMES for page in load(name).pages]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        rows = [row for rows in pool.map(_rows, jobs, chunksize=8) for row in rows]
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(rows))
    return rows


def fit(x: np.ndarray, y: np.ndarray, names: list[str]) -> TypeModel:
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit((x - means) / scales, y)
    kinds = [str(k) for k in model.classes_]
    return TypeModel(
        tuple(kinds), tuple(names),
        tuple(round(float(v), 6) for v in means), tuple(round(float(v), 6) for v in scales),
        tuple(tuple(round(float(w), 6) for w in row) for row in model.coef_),
        tuple(round(float(b), 6) for b in model.intercept_),
    )  # fmt: skip


def predict(model: TypeModel, rows: list[dict[str, object]]) -> list[str]:
    return [model.classify(r["features"]).kind for r in rows]  # type: ignore[arg-type]


def matrix(rows: list[dict[str, object]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["features"][n] for n in names] for r in rows])  # type: ignore[index]
    return x, np.array([r["label"] for r in rows])


def report(rows: list[dict[str, object]], guessed: list[str], title: str) -> None:
    print(f"\n## {title}")
    cells: Counter[tuple[str, str]] = Counter()
    for key in sorted({(r["set"], r["mode"]) for r in rows}):  # type: ignore[type-var]
        picked = [
            (r, g) for r, g in zip(rows, guessed, strict=True) if (r["set"], r["mode"]) == key
        ]
        right = sum(r["label"] == g for r, g in picked)
        print(
            f"{key[0]:17s} {key[1]:4s} accuracy {right / len(picked):.3f} ({right}/{len(picked)})"
        )
    for mode in ("html", "text"):
        pairs = [(r["label"], g) for r, g in zip(rows, guessed, strict=True)
                 if r["set"] == "wcxb-dev" and r["mode"] == mode]  # fmt: skip
        if not pairs:
            continue
        cells = Counter(pairs)  # type: ignore[arg-type]
        print(f"\nWCXB dev, {mode}: recall and precision per type; rows: label, columns: guess")
        print(f"{'':14s}" + "".join(f"{k[:6]:>7s}" for k in PAGE_KINDS) + "  recall precision")
        for label in PAGE_KINDS:
            row = [cells[(label, g)] for g in PAGE_KINDS]
            told = sum(cells[(x, label)] for x in PAGE_KINDS)
            recall = cells[(label, label)] / max(1, sum(row))
            precision = cells[(label, label)] / max(1, told)
            print(
                f"{label:14s}"
                + "".join(f"{n:7d}" for n in row)
                + f"  {recall:.3f}  {precision:.3f}"
            )


def grouped_folds(rows: list[dict[str, object]], names: list[str]) -> list[str]:
    x, y = matrix(rows, names)
    sites = [r["site"] for r in rows]
    guessed = [""] * len(rows)
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, sites):
        model = fit(x[train], y[train], names)
        for i, kind in zip(test, predict(model, [rows[i] for i in test]), strict=True):
            guessed[i] = kind
    return guessed


def one_set_out(rows: list[dict[str, object]], names: list[str]) -> list[str]:
    guessed = ["(not fitted)"] * len(rows)
    for held in SET_NAMES:
        train = [r for r in rows if r["set"] != held]
        if len({r["label"] for r in train}) < 2:
            print(f"\n(leaving {held} out leaves one type to fit: not scored)")
            continue
        model = fit(*matrix(train, names), names)
        for i, r in enumerate(rows):
            if r["set"] == held:
                guessed[i] = model.classify(r["features"]).kind  # type: ignore[arg-type]
    return guessed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="fit on all rows; write the model")
    parser.add_argument("--refresh", action="store_true", help="remake the features")
    args = parser.parse_args(argv)
    rows = collect(args.refresh)
    names = sorted(rows[0]["features"])  # type: ignore[call-overload]
    report(rows, grouped_folds(rows, names), f"Grouped {FOLDS}-fold by site (out of fold)")
    held = one_set_out(rows, names)
    scored = [(r, g) for r, g in zip(rows, held, strict=True) if g != "(not fitted)"]
    report(
        [r for r, _ in scored],
        [g for _, g in scored],
        "Leaving one set out (fitted on the other two)",
    )
    if args.write:
        model = fit(*matrix(rows, names), names)
        data = {
            k: getattr(model, k) for k in ("kinds", "names", "means", "scales", "weights", "biases")
        }
        MODEL.write_text(json.dumps(data, indent=1) + "\n")
        where = MODEL.relative_to(HERE.parent)
        print(f"\nwrote {where}: {len(names)} features, {len(model.kinds)} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
