"""Interrupts at random moments, each followed by ``--resume``: does every run end
with the output of a run that was never stopped?

A JSON-lines corpus is made from the fixture pages (HTML and text, cycled, each
record with its own id). For each output kind (``.gz``, ``.zst``, plain) and each
number of workers (1, 2), one uninterrupted run gives the reference. Then each
trial draws a kind, a number of workers, a signal (SIGINT to the process group as
Ctrl-C sends it, SIGTERM or SIGKILL to the command alone) and a moment within the
reference run's time; it stops the run there, and runs ``--resume`` until one ends
(a third of the resumes are themselves stopped first). The trial passes when the
decompressed output equals the reference, byte for byte, and the stopped run ended
as the signal asks: 130 after SIGINT or SIGTERM (the command's own handler), -9
after SIGKILL, or the default -15 for a SIGTERM that came while Python was still
starting up, before any output.

    python benchmarks/interrupts.py                 # 200 trials
    python benchmarks/interrupts.py --trials 20 --records 300 --seed 7

Reported: trials per signal and kind, how many stopped after output had begun,
the exit statuses seen, and every failure. Exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"gz": ".jsonl.gz", "zst": ".jsonl.zst", "plain": ".jsonl"}
SIGNALS = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM, "SIGKILL": signal.SIGKILL}


def make_corpus(path: Path, records: int) -> None:
    """``records`` JSON lines cycling through the fixture pages."""
    pages = sorted(p for p in (ROOT / "fixtures").glob("*/page.*") if p.is_file())
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") if p.suffix == ".gz"
             else p.read_text("utf-8") for p in pages]  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            url = f"https://site{i % 7}.example/{i}"
            record = {"id": i, "url": url, "text": texts[i % len(texts)]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def command(source: Path, target: Path, workers: int, resume: bool = False) -> list[str]:
    args = [sys.executable, "-m", "dechaff", "--jsonl", str(source), "-o", str(target)]
    args += ["--workers", str(workers), "--progress", "never"]
    return [*args, "--resume"] if resume else args


def read_output(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.suffix == ".zst":
        reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
        return reader.read()
    return data


@dataclass(frozen=True)
class Reference:
    output: bytes
    seconds: float


def reference(work: Path, source: Path, kind: str, workers: int) -> Reference:
    target = work / f"reference-{workers}{KINDS[kind]}"
    start = time.monotonic()
    subprocess.run(command(source, target, workers), check=True, capture_output=True)
    return Reference(read_output(target), time.monotonic() - start)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    began: bool
    """Whether output had been written when the run was stopped."""
    status: int | None
    detail: str = ""


def stop_at(args: list[str], delay: float, signum: int, partial: Path) -> tuple[int | None, bool]:
    """Start ``args``, stop it after ``delay`` seconds; its exit status, and whether
    output had begun by then (``None`` status: it had ended before the signal)."""
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(delay)
    began = partial.exists() and partial.stat().st_size > 0
    if proc.poll() is not None:
        proc.communicate()
        return None, began
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # as Ctrl-C: the whole group
    else:
        os.kill(proc.pid, signum)
    try:
        proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return -999, began  # a hang
    if signum == signal.SIGKILL:  # the killed command's workers, if any were left behind
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, began


def trial(
    work: Path, source: Path, refs: dict[tuple[str, int], Reference], rng: random.Random, n: int
) -> tuple[str, str, int, Outcome]:
    kind, workers = rng.choice(list(KINDS)), rng.choice([1, 2])
    name = rng.choice(list(SIGNALS))
    ref = refs[kind, workers]
    target = work / f"trial-{n}{KINDS[kind]}"
    partial = target.with_name(target.name + ".partial")
    delay = rng.uniform(0.1, ref.seconds * 0.95)
    status, began = stop_at(command(source, target, workers), delay, SIGNALS[name], partial)
    expected = {None, 0, 130} if name != "SIGKILL" else {None, 0, -9}
    if name == "SIGTERM" and not began:
        expected.add(-signal.SIGTERM)  # stopped while Python was still starting up
    if status not in expected:
        return kind, name, workers, Outcome(False, began, status, f"exit status {status}")
    for attempt in range(4):  # a resume, itself stopped now and then, until one ends
        args = command(source, target, workers, resume=True)
        if attempt < 2 and rng.random() < 1 / 3:
            again = rng.choice(list(SIGNALS))
            stop_at(args, rng.uniform(0.1, ref.seconds * 0.8), SIGNALS[again], partial)
            continue
        done = subprocess.run(args, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            return kind, name, workers, Outcome(False, began, status, done.stderr[-500:])
        break
    ok = target.exists() and read_output(target) == ref.output
    detail = "" if ok else f"output differs from the reference ({target})"
    if ok:
        target.unlink()
    return kind, name, workers, Outcome(ok, began, status, detail)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "in.jsonl"
        make_corpus(source, args.records)
        refs = {(k, w): reference(work, source, k, w) for k in KINDS for w in (1, 2)}
        for (kind, workers), ref in refs.items():
            print(f"reference {kind}, {workers} worker(s): {ref.seconds:.1f} s", flush=True)
        tally: Counter[tuple[str, str]] = Counter()
        began, statuses, failures = 0, Counter[str](), []
        for n in range(args.trials):
            kind, name, workers, outcome = trial(work, source, refs, rng, n)
            tally[name, kind] += 1
            began += outcome.began
            statuses[str(outcome.status)] += 1
            if not outcome.ok:
                failures.append(f"trial {n} ({name}, {kind}, {workers} workers): {outcome.detail}")
                print(failures[-1], flush=True)
        print(f"\n{args.trials} trials, {args.trials - len(failures)} identical to the reference")
        print(f"output had begun when stopped: {began} of {args.trials}")
        kinds = ", ".join(f"{s} {k} {n}" for (s, k), n in sorted(tally.items()))
        print(f"by signal and kind: {kinds}")
        seen = ", ".join(f"{s}: {n}" for s, n in statuses.most_common())
        print(f"exit statuses of the stopped runs: {seen}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
