"""Cleaning with a site profile, measured on generated sites built from real pages.

No public gold set here has many pages per site, so sites are built from the
shared sets: a real page's raw lines outside its gold body, above and below it,
are a site's template, wrapped around the bodies of other pages of the same
language. Each page varies as a site's pages do: its own title line first, a
dateline with its own date, a list of five related-story titles taken from other
pages after the body, and each template line dropped with probability 0.1.

- English sites: template and bodies from AEB (its gold is the whole body; AEB's
  metric).
- German sites: template and bodies from trafilatura-eval (its gold is snippets:
  a body page's own snippets must be kept, and the template's lines of five
  words or more must go; trafilatura's metric).

For each set of sites the profile is learned from all the generated pages (as a
corpus run learns it from the crawl it cleans), and every page is cleaned in text
mode twice: alone, and with its site's evidence. Reported: F1 both ways, and the
share of gold words each way loses: the words of the gold units (AEB's body
paragraphs, trafilatura-eval's snippets to keep) that are not in the output
whole. The profile must not lose more than cleaning alone.

    python benchmarks/sites.py [--sites 6] [--pages 25] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sets import BenchmarkSet, Page, load

from dechaff import SiteProfile, clean
from dechaff.evaluation import SnippetScore, aggregate, aggregate_snippets, score_page
from dechaff.headline import headline_of
from dechaff.textutil import squash

DROP = 0.1
RELATED = 5
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Generated:
    site: str
    text: str
    gold: str | tuple[tuple[str, ...], tuple[str, ...]]


def _lines(page: Page) -> list[str]:
    return [line.strip() for line in page.raw().splitlines() if line.strip()]


def _in_body(line: str, page: Page) -> bool:
    """Whether a raw line belongs to the page's gold body."""
    if isinstance(page.gold, str):
        return squash(line).lower() in squash(page.gold).lower()
    return any(snippet in line for snippet in page.gold[0])


def _template(page: Page) -> tuple[list[str], list[str]] | None:
    """The page's lines above and below its gold body (its title line left out)."""
    lines = _lines(page)[1:]
    body = [i for i, line in enumerate(lines) if _in_body(line, page)]
    if not body:
        return None
    header, footer = lines[: body[0]], lines[body[-1] + 1 :]
    return (header, footer) if len(header) + len(footer) >= 8 else None


def _body(page: Page) -> list[str]:
    if isinstance(page.gold, str):
        return [p.strip() for p in page.gold.split("\n") if p.strip()]
    lines = _lines(page)
    body = [i for i, line in enumerate(lines) if _in_body(line, page)]
    return lines[body[0] : body[-1] + 1] if body else []


def generate(
    bench: BenchmarkSet, lang: str, sites: int, pages: int, rng: random.Random
) -> list[Generated]:
    """``sites`` sites of ``pages`` pages each, from ``bench``'s pages in ``lang``."""
    pool = [p for p in bench.pages if p.lang == lang and _body(p)]
    templates = [(p, t) for p in pool if (t := _template(p)) is not None]
    rng.shuffle(templates)
    titles = [headline_of(_lines(p)[0]) for p in pool]
    out = []
    for page, (header, footer) in templates[:sites]:
        site = f"site-{page.id[:12]}"
        others = [p for p in pool if p is not page]
        for body_page in rng.sample(others, min(pages, len(others))):
            out.append(_page(site, header, footer, body_page, titles, rng))
    return out


def _page(
    site: str, header: list[str], footer: list[str], body: Page, titles: list[str],
    rng: random.Random,
) -> Generated:  # fmt: skip
    date = f"{rng.choice(MONTHS.split())} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}"
    related = ["Related stories", *rng.sample(titles, RELATED)]
    lines = [
        _lines(body)[0],
        *[line for line in header if rng.random() >= DROP],
        f"Published {date}",
        *_body(body),
        *related,
        *[line for line in footer if rng.random() >= DROP],
    ]
    if isinstance(body.gold, str):
        gold: str | tuple[tuple[str, ...], tuple[str, ...]] = body.gold
    else:
        text = " ".join(_body(body))
        chaff = [
            line for line in [*header, *footer]
            if len(line.split()) >= 5 and line not in text
        ]  # fmt: skip
        gold = (body.gold[0], tuple(dict.fromkeys(chaff)))
    return Generated(site, "\n".join(lines), gold)


def _units(gold: str | tuple[tuple[str, ...], tuple[str, ...]]) -> list[str]:
    """The gold's units: AEB's body paragraphs, or trafilatura-eval's snippets to keep."""
    return (
        [p.strip() for p in gold.split("\n") if p.strip()]
        if isinstance(gold, str)
        else list(gold[0])
    )


def _lost_words(output: str, gold: str | tuple[tuple[str, ...], tuple[str, ...]]) -> int:
    """Words of the gold units that are not in ``output`` (spacing aside)."""
    text = squash(output)
    return sum(len(unit.split()) for unit in _units(gold) if squash(unit) not in text)


def measure(generated: Sequence[Generated]) -> dict[str, Any]:
    profile = SiteProfile()
    for page in generated:
        profile.learn(page.text, page.site)
    alone, profiled, lost_alone, lost_profiled, gold_words = [], [], 0, 0, 0
    for page in generated:
        plain = clean(page.text).text
        with_site = clean(page.text, site=profile.evidence(page.site)).text
        if isinstance(page.gold, str):
            alone.append(score_page(plain, page.gold))
            profiled.append(score_page(with_site, page.gold))
        else:
            alone.append(_snippets(plain, page.gold))
            profiled.append(_snippets(with_site, page.gold))
        lost_alone += _lost_words(plain, page.gold)
        lost_profiled += _lost_words(with_site, page.gold)
        gold_words += sum(len(unit.split()) for unit in _units(page.gold))
    summarise = aggregate if isinstance(generated[0].gold, str) else aggregate_snippets
    return {
        "pages": len(generated),
        "page_f1_alone": [_page_f1(s) for s in alone],
        "page_f1_profiled": [_page_f1(s) for s in profiled],
        "f1_alone": summarise(alone).f1,  # type: ignore[arg-type]
        "f1_profiled": summarise(profiled).f1,  # type: ignore[arg-type]
        "lost_alone": lost_alone / gold_words if gold_words else float("nan"),
        "lost_profiled": lost_profiled / gold_words if gold_words else float("nan"),
    }


SWEEP = (
    {}, {"site_min_share": 0.1}, {"site_min_share": 0.5}, {"site_min_share": 0.8},
    {"site_min_pages": 2}, {"site_min_pages": 20}, {"site_min_site_pages": 30},
)  # fmt: skip


def sweep(generated: Sequence[Generated]) -> None:
    """The whole benchmark's mean page F1 and gold words lost, by the thresholds in
    ``Settings`` (the defaults first)."""
    from dechaff import Cleaner, Settings

    profile = SiteProfile()
    for page in generated:
        profile.learn(page.text, page.site)
    print("\n| settings | mean page F1 | gold words lost |\n|---|---|---|")
    for change in SWEEP:
        settings = Settings(**change)  # type: ignore[arg-type]
        cleaner = Cleaner.default(settings=settings)
        f1s, lost, words = [], 0, 0
        for page in generated:
            site = profile.evidence(
                page.site, min_pages=settings.site_min_pages, min_share=settings.site_min_share,
                min_site_pages=settings.site_min_site_pages,
            )  # fmt: skip
            text = cleaner.clean_text(page.text, site=site).text
            score = (
                score_page(text, page.gold)
                if isinstance(page.gold, str)
                else _snippets(text, page.gold)
            )
            f1s.append(_page_f1(score))
            lost += _lost_words(text, page.gold)
            words += sum(len(unit.split()) for unit in _units(page.gold))
        name = ", ".join(f"{k}={v}" for k, v in change.items()) or "defaults"
        print(f"| {name} | {sum(f1s) / len(f1s):.3f} | {lost / words:.2%} |")


def _page_f1(score: Any) -> float:
    """One page's F1 under its own set's metric."""
    tp, fp, fn = score.tp, score.fp, score.fn
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _snippets(output: str, gold: tuple[tuple[str, ...], tuple[str, ...]]) -> SnippetScore:
    from dechaff.evaluation import score_snippets

    return score_snippets(output, *gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=6)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--speed-pages", type=int, default=3000)
    args = parser.parse_args(argv)
    print(
        "| sites (language, source) | pages | F1 alone | F1 with profile "
        "| gold words lost alone | with profile |"
    )
    print("|---|---|---|---|---|---|")
    all_pages: list[Generated] = []
    per_page: tuple[list[float], list[float]] = ([], [])
    for name, lang in (("aeb", "en"), ("trafilatura-eval", "de")):
        rng = random.Random(args.seed)
        generated = generate(load(name), lang, args.sites, args.pages, rng)
        got = measure(generated)
        print(
            f"| {lang}, {name} | {got['pages']} | {got['f1_alone']:.3f} | "
            f"{got['f1_profiled']:.3f} | {got['lost_alone']:.2%} | {got['lost_profiled']:.2%} |"
        )
        all_pages.extend(generated)
        per_page[0].extend(got["page_f1_alone"])
        per_page[1].extend(got["page_f1_profiled"])
    n = len(per_page[0])
    print(
        f"\nthe whole benchmark ({n} pages): mean page F1 {sum(per_page[0]) / n:.3f} alone, "
        f"{sum(per_page[1]) / n:.3f} with the profile"
    )
    sweep(all_pages)
    if args.speed_pages:
        speed(all_pages, args.speed_pages)
    return 0


def speed(generated: Sequence[Generated], pages: int) -> None:
    """The two-pass command (``--across-pages``) against cleaning alone, as commands
    on a JSON-lines corpus of ``pages`` generated pages (one process each; the runs
    take turns, best of three), and learning alone, from memory."""
    import json
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for i in range(pages):
                page = generated[i % len(generated)]
                out.write(json.dumps({"url": f"https://{page.site}/{i}", "text": page.text}) + "\n")
        command = [sys.executable, "-m", "dechaff", "--jsonl", str(corpus), "--progress", "never"]
        runs = {"alone": [*command, "-o", f"{folder}/a.jsonl"]}
        runs["two passes"] = [*command, "-o", f"{folder}/b.jsonl", "--across-pages"]
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(3):
            for name, args in runs.items():
                start = time.perf_counter()
                subprocess.run(args, check=False, capture_output=True)
                times[name].append(time.perf_counter() - start)
    alone, both = min(times["alone"]), min(times["two passes"])
    real = [p.raw() for name in ("aeb", "trafilatura-eval") for p in load(name).pages]
    memory = min(_timed(lambda: _learn_in_memory(generated)) for _ in range(3))
    typical = min(_timed(lambda: _learn_texts(real)) for _ in range(3))
    crawl_pages, crawl = _learn_crawl()
    print(
        f"\nspeed: cleaning {pages:,} pages alone {pages / alone:,.0f} pages/s; with "
        f"--across-pages (learning, then cleaning) {both / alone:.2f}x the time. Learning alone, "
        f"one core: {crawl_pages / crawl:,.0f} pages/s on a generated crawl of 200 sites of 100 "
        f"pages, JSON lines parsed; from memory, {len(generated) / memory:,.0f} pages/s on these "
        f"pages (25 a site), {len(real) / typical:,.0f} pages/s on the shared sets' raw pages "
        f"(no two of one site)"
    )


def _learn_crawl() -> tuple[int, float]:
    """Pages, and the best of three times to learn them from JSON lines, of a crawl
    built as benchmarks/spark_sites.py builds it."""
    import json
    import tempfile

    from spark_sites import generate as crawl

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.jsonl"
        crawl(path, 200, 100, seed=1)

        def learn() -> SiteProfile:
            profile = SiteProfile()
            with path.open(encoding="utf-8") as records:
                for line in records:
                    record = json.loads(line)
                    profile.learn(record["text"], record["url"].split("/")[2])
            return profile

        return 200 * 100, min(_timed(learn) for _ in range(3))


def _timed(work: Callable[[], object]) -> float:
    import time

    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _learn_texts(texts: Sequence[str]) -> SiteProfile:
    profile = SiteProfile()
    for i, text in enumerate(texts):
        profile.learn(text, f"site-{i % 20}")
    return profile


def _learn_in_memory(generated: Sequence[Generated]) -> SiteProfile:
    profile = SiteProfile()
    for page in generated:
        profile.learn(page.text, page.site)
    return profile


if __name__ == "__main__":
    sys.exit(main())
