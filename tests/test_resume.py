"""Output that survives any stop: a partial output cut or damaged anywhere, then
``--resume``, ends with the output of a run that never stopped; the summary counts
the whole run; an interrupt or an error stop says where it stopped and how to go on.

The random interrupts of real processes are in ``benchmarks/interrupts.py``; here
the same stops are made on the file itself, at every kind of place."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zstandard

from dechaff import Cleaner, clean
from dechaff.compression import decompress
from dechaff.corpus import Run, run_jsonl
from dechaff.errors import Interrupted
from dechaff.resumable import Checkpoint, checkpoint_path, read_members

TEXT = "The ferry resumed service on Monday after a week of storms, officials said."
KINDS = {"gzip": ".jsonl.gz", "zstd": ".jsonl.zst", None: ".jsonl"}


def corpus(path: Path, records: int = 40) -> None:
    lines = (
        json.dumps({"id": i, "text": f"Advertisement\nRecord {i}. {TEXT}"}) + "\n"
        for i in range(records)
    )
    path.write_text("".join(lines), "utf-8")


def quiet_run(**more: Any) -> Run:
    return Run(more.pop("cleaner", Cleaner.default()), say=lambda _line: None, **more)


@pytest.fixture
def small_members(monkeypatch: pytest.MonkeyPatch) -> None:
    """A member every few records, so that a short corpus makes many."""
    monkeypatch.setattr("dechaff.resumable.FLUSH_BYTES", 300)


def whole_output(tmp_path: Path, suffix: str) -> bytes:
    source, target = tmp_path / "in.jsonl", tmp_path / f"whole{suffix}"
    run_jsonl(quiet_run(), str(source), "text", str(target))
    return decompress(target.read_bytes())


def interrupted_output(tmp_path: Path, suffix: str) -> tuple[Path, Path]:
    """A run stopped by Ctrl-C after 25 of 40 records: its target and its partial."""
    source, target = tmp_path / "in.jsonl", tmp_path / f"out{suffix}"
    with pytest.raises(Interrupted):
        run_jsonl(quiet_run(cleaner=_interrupting(after=25)), str(source), "text", str(target))
    return target, target.with_name(target.name + ".partial")


def _interrupting(after: int) -> Callable[..., Any]:
    """A cleaner that presses Ctrl-C on its page ``after + 1``."""
    seen = [0]

    def cleaner(page: str, site: object = None) -> Any:
        seen[0] += 1
        if seen[0] > after:
            raise KeyboardInterrupt
        return clean(page)

    cleaner.settings = Cleaner.default().settings  # type: ignore[attr-defined]
    return cleaner


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_interrupt_keeps_whole_members_and_a_checkpoint_of_them(
    tmp_path: Path, small_members: None, kind: str | None
) -> None:
    corpus(tmp_path / "in.jsonl")
    _, partial = interrupted_output(tmp_path, KINDS[kind])
    data = partial.read_bytes()
    readable = read_members(data, kind)
    checkpoint = Checkpoint.load(checkpoint_path(partial))
    assert checkpoint is not None and checkpoint.records == 25  # every record cleaned is kept
    assert readable.problem is None and readable.size == len(data) == checkpoint.size
    assert checkpoint.counts["pages"] == 25
    if kind is not None:
        assert len(readable.members) > 3  # written as it went, not at the end


@pytest.mark.parametrize("kind", list(KINDS))
def test_resume_after_a_cut_anywhere_gives_the_whole_output(
    tmp_path: Path, small_members: None, kind: str | None
) -> None:
    """SIGKILL or a power cut can end a write at any byte, and leave the checkpoint
    behind the file or ahead of it: every cut resumes to the same output."""
    corpus(tmp_path / "in.jsonl")
    suffix = KINDS[kind]
    expected = whole_output(tmp_path, suffix)
    target, partial = interrupted_output(tmp_path, suffix)
    data, saved = partial.read_bytes(), checkpoint_path(partial).read_text("utf-8")
    rng = random.Random(7)
    cuts = sorted({0, 1, len(data) - 1, len(data), *rng.sample(range(len(data)), 12)})
    for cut in cuts:
        for stale in (False, True):
            partial.write_bytes(data[:cut])
            checkpoint_path(partial).write_text(saved, "utf-8")
            if stale:  # a checkpoint the file does not hold (written, then the file cut)
                checkpoint_path(partial).write_text(Checkpoint(cut + 5, 3).to_json(), "utf-8")
            tally = run_jsonl(
                quiet_run(resume=True), str(tmp_path / "in.jsonl"), "text", str(target)
            )
            assert decompress(target.read_bytes()) == expected, (cut, stale)
            assert tally.pages == 40 and tally.failures == 0  # the whole run, counted
            assert not partial.exists() and not checkpoint_path(partial).exists()
            target.unlink()


def test_a_damaged_gzip_member_keeps_the_readable_prefix_and_says_so(
    tmp_path: Path, small_members: None
) -> None:
    """A member whose check fails (as an interrupted ``gzip.open`` stream leaves):
    the members before it and its whole JSON lines stay, the rest is done again."""
    corpus(tmp_path / "in.jsonl")
    expected = whole_output(tmp_path, ".jsonl.gz")
    lines = expected.splitlines(keepends=True)
    damaged = bytearray(gzip.compress(b"".join(lines[5:12])))
    damaged[-8] ^= 0xFF  # its CRC
    target = tmp_path / "out.jsonl.gz"
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(gzip.compress(b"".join(lines[:5])) + bytes(damaged) + b"\x1f\x8b junk")
    said: list[str] = []
    run = Run(Cleaner.default(), resume=True, say=said.append)
    tally = run_jsonl(run, str(tmp_path / "in.jsonl"), "text", str(target))
    assert decompress(target.read_bytes()) == expected
    assert any("kept the first 12 records, which read back whole" in s for s in said), said
    assert any("damaged (Error -3" in s for s in said), said
    assert tally.pages == 40


def test_a_resumed_run_of_a_finished_output_does_nothing_and_counts_it_all(
    tmp_path: Path,
) -> None:
    corpus(tmp_path / "in.jsonl", records=6)
    target = tmp_path / "out.jsonl.zst"
    run_jsonl(quiet_run(), str(tmp_path / "in.jsonl"), "text", str(target))
    before = target.read_bytes()
    tally = run_jsonl(quiet_run(resume=True), str(tmp_path / "in.jsonl"), "text", str(target))
    assert target.read_bytes() == before
    assert tally.pages == 6 and tally.chars_in > 0  # counted from the reports the lines hold
    assert zstandard.ZstdDecompressor().decompressobj().decompress(before).count(b"\n") == 6


def test_an_interrupt_says_where_it_stopped_and_how_to_go_on(tmp_path: Path) -> None:
    corpus(tmp_path / "in.jsonl")
    target, partial = interrupted_output(tmp_path, ".jsonl.gz")
    with pytest.raises(Interrupted) as stopped:
        run = quiet_run(cleaner=_interrupting(after=3), resume=True)
        run_jsonl(run, str(tmp_path / "in.jsonl"), "text", str(target))
    assert str(stopped.value) == (
        f"interrupted after 28 records; the output so far is in {partial}: "
        "the same command with --resume goes on"
    )


def test_a_stop_on_error_says_where_and_resumes_after_it(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(f'{{"text": "{TEXT}"}}\n{{broken\n{{"text": "{TEXT}"}}\n', "utf-8")
    tally = run_jsonl(quiet_run(stop_on_error=True), str(source), "text", str(target))
    assert tally.stopped is not None and not target.exists()
    assert tally.render().splitlines()[1] == (
        "dechaff: stopped at line 2, on its error (written as an error record); the output "
        f"so far is in {target}.partial: the same command with --resume goes on"
    )
    tally = run_jsonl(quiet_run(resume=True), str(source), "text", str(target))
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [("dechaff_error" in r) for r in records] == [False, True, False]
    assert (tally.pages, tally.failures, tally.stopped) == (2, 1, None)


def test_a_gzip_output_is_the_same_bytes_each_run(tmp_path: Path) -> None:
    """Members carry no time stamp: one input gives one output, byte for byte."""
    corpus(tmp_path / "in.jsonl", records=5)
    outputs = []
    for name in ("a.jsonl.gz", "b.jsonl.gz"):
        run_jsonl(quiet_run(), str(tmp_path / "in.jsonl"), "text", str(tmp_path / name))
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
