"""Site profiles on Spark, measured: a generated crawl of many sites, learned and
cleaned in two stages on a local session.

The crawl: ``--sites`` sites of ``--pages`` pages each. A site's template is the
raw lines above and below the gold body of a real page of the shared sets; each
page of it holds six paragraphs drawn from the gold bodies of all the shared
sets' pages (so no two pages share a body), a dateline, and its template with
each line dropped with probability 0.1.

    python benchmarks/spark_sites.py [--sites 1000] [--pages 100] [--cores 2]

Reported: pages/s of each stage and of the whole, the peak resident memory of
the driver, Spark's JVM and its Python workers together (sampled), the size of
the boilerplate table Spark gathers, and the size of the same corpus's
single-machine profile file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peak import PeakMemory
from sets import load
from sites import _template

from dechaff import SiteProfile

MONTHS = "January February March April May June July August September October November December"


def generate(path: Path, sites: int, pages: int, seed: int) -> int:
    """Write the crawl as JSON lines; its size in bytes."""
    rng = random.Random(seed)
    bench = [p for name in ("aeb", "trafilatura-eval") for p in load(name).pages]
    templates = [t for p in bench if (t := _template(p)) is not None]
    paragraphs = [
        line.strip()
        for p in bench
        if isinstance(p.gold, str)
        for line in p.gold.split("\n")
        if len(line.split()) >= 12
    ]
    with path.open("w", encoding="utf-8") as out:
        for s in range(sites):
            header, footer = templates[s % len(templates)]
            for n in range(pages):
                date = (
                    f"{rng.choice(MONTHS.split())} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}"
                )
                lines = [
                    *[line for line in header if rng.random() >= 0.1],
                    f"Published {date}",
                    *rng.sample(paragraphs, 6),
                    *[line for line in footer if rng.random() >= 0.1],
                ]
                url = f"https://site{s}.example/{n}"
                out.write(json.dumps({"url": url, "text": "\n".join(lines)}) + "\n")
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    from dechaff.spark import clean_across_pages, learn_sites

    os.environ["PYSPARK_PYTHON"] = sys.executable
    total = args.sites * args.pages
    with tempfile.TemporaryDirectory() as folder:
        crawl = Path(folder) / "crawl.jsonl"
        size = generate(crawl, args.sites, args.pages, args.seed)
        start = time.perf_counter()
        profile = SiteProfile()
        with crawl.open(encoding="utf-8") as records:
            for line in records:
                record = json.loads(line)
                profile.learn(record["text"], record["url"].split("/")[2])
        single = time.perf_counter() - start
        profile.save(Path(folder) / "site.profile")
        profile_bytes = (Path(folder) / "site.profile").stat().st_size
        with PeakMemory() as memory:
            spark = (
                SparkSession.builder.master(f"local[{args.cores}]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", str(args.cores * 8))
                .config("spark.driver.memory", "2g")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            frame = spark.read.json(str(crawl)).repartition(args.cores * 8)
            start = time.perf_counter()
            sites = learn_sites(frame, "text", "url")
            sites.lines.cache().count()
            learned = time.perf_counter() - start
            start = time.perf_counter()
            cleaned = clean_across_pages(frame, "text", "url", sites=sites)
            cleaned.write.parquet(str(Path(folder) / "clean.parquet"))
            cleaning = time.perf_counter() - start
            boilerplate = sites.lines.join(sites.pages, "site").where(
                "seen >= greatest(5, 0.3 * pages)"
            )
            kept_lines = boilerplate.count()
            line_rows = sites.lines.count()
            spark.stop()
    print(
        f"{total:,} pages ({size / 1e6:,.0f} MB of JSON lines), {args.sites:,} sites, "
        f"Spark local[{args.cores}]:\n"
        f"- stage one (line hashes counted per site): {learned:,.0f} s, "
        f"{total / learned:,.0f} pages/s; {line_rows:,} (site, line) rows, of which "
        f"{kept_lines:,} boilerplate\n"
        f"- stage two (boilerplate joined back, pages cleaned, Parquet written): "
        f"{cleaning:,.0f} s, {total / cleaning:,.0f} pages/s\n"
        f"- both: {total / (learned + cleaning):,.0f} pages/s; peak resident memory of the driver, "
        f"the JVM and the Python workers together: {memory.peak / 2**30:.1f} GiB\n"
        f"- the same crawl learned on one machine, one core: {total / single:,.0f} pages/s; "
        f"its profile file {profile_bytes / 1e6:,.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
