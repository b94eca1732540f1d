"""Mutation testing of the filters: the share of mutants the fast tests kill, per module.

Each module is mutated by cosmic-ray in a copy of the project (the working tree is
never touched), a sample of its mutants is run against the fast tests that cover
it, and the killed share is reported. Mutants judged equivalent (no test could
tell them apart from the code) are listed, with the reason, in
``benchmarks/mutants-equivalent.txt`` as ``module operator line#occurrence:
reason`` (the occurrence: which of the operator's mutations in the module) and
left out of the share.

    pip install -e ".[bench]"                                  # brings cosmic-ray
    python benchmarks/mutation.py                               # every filter module
    python benchmarks/mutation.py filters/link_density.py --sample 50
    python benchmarks/mutation.py --out docs    # docs/mutation.md: the rows of the modules run

Not part of the test suite: a module of 100 mutants takes minutes.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = Path(__file__).resolve().parent / "mutants-equivalent.txt"
FAST_TESTS = (
    "tests/test_filters.py", "tests/test_html.py", "tests/test_evidence.py",
    "tests/test_filter_edges.py", "tests/test_setting_ranges.py", "tests/test_docs.py",
)  # fmt: skip
"""Run against every module's mutants, with the module's own docstring examples."""
MODULE_TESTS = {
    "filters/block_model.py": ("tests/test_block_model.py",),
    "filters/chrome.py": ("tests/test_chrome_edges.py",),
    "filters/main_content.py": ("tests/test_main_content.py",),
    "filters/duplicates.py": (
        "tests/test_copies.py",
        "tests/test_duplicates_prose.py",
        "tests/test_duplicates_parts.py",
    ),
    "repair/alignment.py": (
        "tests/test_alignment_parts.py",
        "tests/test_copies.py",
        "tests/test_edge_holes.py",
        "tests/test_repair.py",
    ),
    "repair/copies.py": ("tests/test_copies.py", "tests/test_repair.py"),
    "repair/edge_holes.py": ("tests/test_edge_holes.py",),
    "filters/headline.py": (
        "tests/test_headline_rules.py",
        "tests/test_headline_edges.py",
        "tests/test_seed.py",
    ),
    "filters/truncation.py": ("tests/test_truncation_edges.py",),
    "filters/repair.py": ("tests/test_repair.py", "tests/test_edge_holes.py"),
    "repair/__init__.py": ("tests/test_repair.py", "tests/test_edge_holes.py"),
}
PYTEST = ("-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "-m", "not slow")
"""How the selected tests run, on the unmutated copy and on each mutant: the fast
ones only (the project's addopts, cleared here, would bring the docs' Spark runs)."""
CONFIG = """[cosmic-ray]
module-path = "{module}"
timeout = 120.0
excluded-modules = []
test-command = "{command}"

[cosmic-ray.distributor]
name = "local"
"""


class BaselineFails(Exception):
    """The selected tests fail on the unmutated copy: the module's share would mean
    nothing."""


@dataclass(frozen=True)
class Outcome:
    module: str
    killed: int
    survived: int
    equivalent: int
    survivors: tuple[str, ...]

    @property
    def share(self) -> float:
        counted = self.killed + self.survived
        return self.killed / counted if counted else 1.0


def equivalent_mutants() -> set[str]:
    """The ``module operator line#occurrence`` keys judged equivalent."""
    if not EQUIVALENT.exists():
        return set()
    lines = EQUIVALENT.read_text("utf-8").splitlines()
    return {line.split(":")[0].strip() for line in lines if line.strip() and line[0] != "#"}


def run_module(module: str, sample: int, seed: int, work: Path) -> Outcome:
    """Mutate ``src/dechaff/<module>`` in ``work`` (a copy of the project) and run a
    sample of its mutants."""
    tests = " ".join((*FAST_TESTS, *MODULE_TESTS.get(module, ())))
    tests += f" --doctest-modules src/dechaff/{module}"  # its examples are specifications too
    config, session = work / "cosmic-ray.toml", work / f"{module.replace('/', '-')}.sqlite"
    command = [sys.executable, *PYTEST, *tests.split()]
    config.write_text(CONFIG.format(module=f"src/dechaff/{module}", command=shlex.join(command)))
    env = {**os.environ, "PYTHONPATH": str(work / "src")}
    baseline = subprocess.run(
        command, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if baseline.returncode != 0:  # every mutant would count as killed
        raise BaselineFails(f"{module}: the tests fail on the code as it is; no mutant was run")
    subprocess.run(["cosmic-ray", "init", str(config), str(session)], cwd=work, env=env, check=True)
    _keep_a_sample(session, sample, seed, (work / "src" / "dechaff" / module).read_text("utf-8"))
    subprocess.run(
        ["cosmic-ray", "exec", str(config), str(session)], cwd=work, env=env, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return _outcome(module, session)


def _keep_a_sample(session: Path, sample: int, seed: int, source: str) -> None:
    with sqlite3.connect(session) as db:
        _drop(db, _in_annotations(db, source))
        # in a stable order (the job ids are new random ones at each init): the same
        # seed draws the same mutants from the same module
        order = "select job_id from mutation_specs order by operator_name, occurrence"
        jobs = [row[0] for row in db.execute(order)]
        if len(jobs) <= sample:
            return
        kept = set(random.Random(seed).sample(jobs, sample))
        _drop(db, [j for j in jobs if j not in kept])


def _drop(db: sqlite3.Connection, jobs: list[str]) -> None:
    db.executemany("delete from work_items where job_id = ?", [(j,) for j in jobs])
    db.executemany("delete from mutation_specs where job_id = ?", [(j,) for j in jobs])


def _in_annotations(db: sqlite3.Connection, source: str) -> list[str]:
    """The mutants inside a type annotation (``int | None`` made ``int + None``):
    under ``from __future__ import annotations`` none is ever evaluated, so no test
    could kill one."""
    if "from __future__ import annotations" not in source:
        return []
    spans = annotation_spans(source)
    query = "select job_id, start_pos_row, start_pos_col from mutation_specs"
    return [
        job
        for job, row, col in db.execute(query)
        if any(start <= (row, col) < end for start, end in spans)
    ]


def annotation_spans(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where each annotation of ``source`` starts and ends, as (line, column) pairs.

    >>> annotation_spans("def f(x: int | None) -> str: ...")
    [((1, 9), (1, 19)), ((1, 24), (1, 27))]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        for part in (getattr(node, "annotation", None), getattr(node, "returns", None)):
            if isinstance(part, ast.expr) and part.end_lineno is not None:
                end = (part.end_lineno, part.end_col_offset or 0)
                found.append(((part.lineno, part.col_offset), end))
    return sorted(found)


def _mutated_line(diff: str) -> str:
    """The line as the mutant has it, from cosmic-ray's diff."""
    added = [
        line[1:].strip() for line in diff.splitlines() if line[:1] == "+" and line[:3] != "+++"
    ]
    return added[0] if added else ""


def _outcome(module: str, session: Path) -> Outcome:
    equivalent = equivalent_mutants()
    killed = survived = skipped = 0
    survivors = []
    query = (
        "select s.operator_name, s.start_pos_row, s.occurrence, r.test_outcome, r.diff"
        " from work_results r join mutation_specs s on s.job_id = r.job_id"
    )
    with sqlite3.connect(session) as db:
        for operator, row, occurrence, outcome, diff in db.execute(query):
            key = f"{module} {operator} {row}#{occurrence}"
            if key in equivalent:
                skipped += 1
            elif (outcome or "").upper() == "SURVIVED":
                survived += 1
                survivors.append(f"{key}  {_mutated_line(diff or '')}")
            else:  # killed, or incompetent (the mutant does not even import)
                killed += 1
    return Outcome(module, killed, survived, skipped, tuple(sorted(survivors)))


def filter_modules() -> list[str]:
    """The filters' modules and the repair component's."""
    skip = {  # no logic of their own to mutate
        "filters": {"__init__.py", "base.py", "wording.py"},
        "repair": set(),
    }
    return [
        f"{folder}/{p.name}"
        for folder, left_out in skip.items()
        for p in sorted((ROOT / "src" / "dechaff" / folder).glob("*.py"))
        if p.name not in left_out
    ]


PROJECT_PARTS = (
    "src", "tests", "fixtures", "benchmarks", "docs", "pyproject.toml", "README.md",
    "CHANGELOG.md", "mkdocs.yml",
)  # fmt: skip
"""What a mutant's copy of the project holds: the code, and what its tests read."""


def measure(module: str, sample: int, seed: int) -> Outcome | None:
    """``module``'s outcome, in a copy of the project; ``None`` when its tests fail
    on the code as it is (said on stderr)."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for part in PROJECT_PARTS:
            source = ROOT / part
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, work / part)
        try:
            return run_module(module, sample, seed, work)
        except BaselineFails as error:
            print(f"{error}", file=sys.stderr, flush=True)
            return None


def page(outcomes: list[Outcome], sample: int, earlier: str = "") -> str:
    """The Markdown page of the outcomes (``--out``), with the rows of ``earlier`` (the
    page as it was) for the modules not measured this time."""
    rows = {line.split("`")[1]: line for line in earlier.splitlines() if line.startswith("| `")}
    rows |= {
        o.module: f"| `{o.module}` | {o.killed} | {o.survived} | {o.equivalent} | {o.share:.0%} |"
        for o in outcomes
    }
    return "\n".join([
        "# Mutation testing",
        "",
        "The share of mutants the fast tests kill, per module of the filters and of the",
        f"repair component: cosmic-ray's mutants, a sample of {sample} a module (all of a",
        "smaller one), each run against the fast tests that cover the module and the",
        "module's own examples. Mutants inside type annotations are left out (never",
        "evaluated); those judged equivalent, which no test could tell from the code,",
        "are listed with the reason in `benchmarks/mutants-equivalent.txt` and left out",
        "of the share. Written by `python benchmarks/mutation.py --out docs`.",
        "",
        "| module | killed | survived | equivalent | share killed |",
        "|---|---|---|---|---|",
        *(rows[module] for module in sorted(rows)),
        "",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "modules", nargs="*", help="paths under src/dechaff (default: filters and repair)"
    )
    parser.add_argument("--sample", type=int, default=100, help="mutants per module (100)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument("--out", type=Path, help="write the table to OUT/mutation.md")
    args = parser.parse_args(argv)
    if shutil.which("cosmic-ray") is None:
        print("cosmic-ray is not installed: pip install cosmic-ray", file=sys.stderr)
        return 2
    outcomes = []
    for module in args.modules or filter_modules():
        outcome = measure(module, args.sample, args.seed)
        if outcome is None:
            continue
        outcomes.append(outcome)
        print(
            f"{module:32s} killed {outcome.killed:3d}  survived {outcome.survived:3d}"
            f"  equivalent {outcome.equivalent:2d}  share {outcome.share:.0%}", flush=True,
        )  # fmt: skip
        if args.survivors:
            print("".join(f"    {key}\n" for key in outcome.survivors), end="")
    if args.out:
        target = args.out / "mutation.md"
        earlier = target.read_text("utf-8") if target.exists() else ""
        target.write_text(page(outcomes, args.sample, earlier), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
