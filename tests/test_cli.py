"""The command line: pages, reports, JSON, corpora, folders, errors and resuming."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES

from dechaff import clean, clean_html
from dechaff.cli import main

SEED = FIXTURES / "seed-north-korea-troops" / "page.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_page_prints_the_title_and_the_body(capsys: pytest.CaptureFixture[str]) -> None:
    expected = clean(SEED.read_text("utf-8"))
    code, out, _ = run([str(SEED)], capsys)
    assert code == 0
    assert out == f"# {expected.title}\n\n{expected.text}\n"
    code, out, _ = run(["--no-title", str(SEED)], capsys)
    assert out.strip() == expected.text


def test_several_pages_each_under_a_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Skip to content\nThe river rose two metres overnight, officials said.")
    second.write_text("Advertisement\nThe bridge reopened on Friday after a year of repairs.")
    code, out, _ = run(["--no-title", str(first), str(second)], capsys)
    assert code == 0
    assert out == (
        f"== {first}\nThe river rose two metres overnight, officials said.\n\n"
        f"== {second}\nThe bridge reopened on Friday after a year of repairs.\n"
    )


def test_report_lists_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--report", str(SEED)], capsys)
    assert code == 0
    assert "ad-markers/ad-marker: 'Advertisement'" in out
    assert "link-hole-repaired: inserted 'troops to Russia'" in out
    assert out.startswith("== ")


def test_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--example", "--report"], capsys)
    assert code == 0 and "Zelenskyy earlier put the number" in out


def test_json_one_object_per_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "page.html"
    other.write_text("<html><body><p>The ferry resumed service on Monday, officials said.</p>"
                     "<p>Advertisement</p></body></html>")  # fmt: skip
    code, out, _ = run(["--to", "json", str(SEED), str(other)], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 2
    assert lines[1]["text"] == "The ferry resumed service on Monday, officials said."
    assert lines[1]["removals"][0]["xpath"].endswith("p[2]")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"Skip to content\nThe river rose two metres overnight, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(["-"], capsys)
    assert code == 0 and out.strip() == "The river rose two metres overnight, officials said."


def write_jsonl(path: Path, records: list[object]) -> None:
    path.write_text("".join(
        (r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), "utf-8")  # fmt: skip


def test_jsonl_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [
        {"id": 1, "body": SEED.read_text("utf-8")},
        "not json at all",
        {"id": 3, "body": 42},
        {"id": 4, "body": "Advertisement\nThe bridge reopened on Friday after a year of repairs."},
    ])  # fmt: skip
    code, _, err = run(["--jsonl", str(source), "--field", "body", "-o", str(target)], capsys)
    assert code == 1  # two bad records, reported and skipped
    assert "line 2: not JSON" in err and "line 3: field 'body' is an int, not a string" in err
    assert "2 pages cleaned, 2 failed" in err
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert [r.get("id") for r in records] == [1, None, 3, 4]  # error records keep the record
    assert records[1]["record"] == "not json at all" and records[1]["line"] == 2
    assert records[2]["body"] == 42 and "dechaff_error" in records[2]
    assert records[3]["body_clean"] == "The bridge reopened on Friday after a year of repairs."
    assert records[3]["dechaff"]["removals"][0]["reason"] == "ad-marker"
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_jsonl_stop_on_error_leaves_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"text": "The vote passed on Monday."}, "{broken", {"text": "More."}])
    code, _, _ = run(["--jsonl", str(source), "-o", str(target), "--on-error", "stop"], capsys)
    assert code == 1
    assert not target.exists()  # never a half-written output


def test_jsonl_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"text": f"Record {i} says the vote passed on Monday."} for i in range(5)])
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text('{"text": "Record 0", "text_clean": "kept from before"}\n{"text": "Rec')
    code, _, err = run(["--jsonl", str(source), "-o", str(target), "--resume"], capsys)
    lines = target.read_text("utf-8").splitlines()
    assert code == 0 and len(lines) == 5
    assert json.loads(lines[0])["text_clean"] == "kept from before"
    assert json.loads(lines[1])["text_clean"].startswith("Record 1")
    assert "kept the first 1 record, which read back whole" in err  # and the cut line redone
    assert "5 pages cleaned" in err  # the whole run: the kept record counted from its line
    assert "(not counting 1 page of an earlier run)" in err  # (it has no report to count)


def test_folder_in_folder_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a.txt").write_text(SEED.read_text("utf-8"))
    (pages / "sub" / "b.html").write_text(
        "<html><body><p>The ferry resumed on Monday.</p></body></html>"
    )
    out = tmp_path / "clean"
    code, _, err = run([str(pages), "-o", str(out), "--workers", "2"], capsys)
    assert code == 0, err
    assert (out / "a.txt").read_text("utf-8").startswith("North Korea on Monday confirmed")
    assert (out / "sub" / "b.txt").read_text("utf-8").strip() == "The ferry resumed on Monday."
    code, _, err = run([str(pages), "-o", str(out), "--resume"], capsys)
    # the summary counts the whole run: both pages, written before the resume
    assert "2 pages cleaned" in err and "(not counting 2 pages of an earlier run)" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([])
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:  # a mistyped path: before any work
        main(["/no/such/file.txt"])
    assert stop.value.code == 2
    assert "/no/such/file.txt: no such file or folder" in capsys.readouterr().err


def test_console_script_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dechaff", "--help"], capture_output=True, text=True, check=True
    )
    assert "--jsonl" in done.stdout and "exit status" in done.stdout


def test_mode_forces_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>The ferry resumed service on Monday, officials said.</p></body></html>"
    )
    code, out, _ = run(["--from", "text", str(page)], capsys)
    assert code == 0 and "<p>" in out
    code, out, _ = run(["--from", "html", str(page)], capsys)
    assert out.strip() == "The ferry resumed service on Monday, officials said."


def test_jsonl_bad_bytes_and_keys_already_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    good = {"id": "a", "text": "The bridge reopened on Friday.", "text_clean": "old", "dechaff": 1}
    lines = [
        json.dumps(good).encode(),
        b'{"id": "b", "text": "Caf\xe9 au lait"}',  # latin-1, not UTF-8
        json.dumps({"id": "c", "text": "The vote passed on Monday."}).encode(),
    ]
    source.write_bytes(b"\n".join(lines) + b"\n")
    code, _, err = run(["--jsonl", str(source), "-o", str(target)], capsys)
    assert code == 1 and "line 2: not UTF-8 (byte 0xe9" in err
    out = target.read_bytes().splitlines()
    records = [json.loads(line) for line in out]
    assert [r.get("id") for r in records] == ["a", "b", "c"]  # every record out, in order
    # the bad record keeps its keys (its bad byte replaced), with the error added
    assert records[1]["text"] == "Caf\ufffd au lait" and "record" not in records[1]
    assert records[1]["dechaff_error"].startswith("not UTF-8 (byte 0xe9 at offset 24)")
    assert records[0]["text_clean"] == "The bridge reopened on Friday."  # replaced, once
    assert out[0].count(b'"text_clean"') == 1 and out[0].count(b'"dechaff"') == 1
    assert isinstance(records[0]["dechaff"], dict)


def test_jsonl_gzipped_in_and_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl.gz"  # input: gzip by content
    records = [{"id": i, "text": f"Advertisement\nRecord {i}: the vote passed."} for i in range(3)]
    source.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    code, _, _ = run(["--jsonl", str(source), "-o", str(target)], capsys)
    assert code == 0
    out = [json.loads(line) for line in gzip.decompress(target.read_bytes()).splitlines()]
    assert [r["id"] for r in out] == [0, 1, 2]
    assert out[2]["text_clean"] == "Record 2: the vote passed."
    # an interrupted compressed run resumes: cut the output inside its last record
    whole = gzip.decompress(target.read_bytes())
    cut = whole[: whole.index(b'"id":2')]
    (tmp_path / "out.jsonl.gz.partial").write_bytes(gzip.compress(cut))
    target.unlink()
    code, _, _ = run(["--jsonl", str(source), "-o", str(target), "--resume"], capsys)
    again = [json.loads(line) for line in gzip.decompress(target.read_bytes()).splitlines()]
    assert code == 0 and [r["id"] for r in again] == [0, 1, 2]


def test_files_that_are_no_pages_are_refused_and_gzip_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip

    page = tmp_path / "page.html.gz"
    html = (
        b"<html><body><p>Advertisement</p><p>The bridge reopened on Friday after a year "
        b"of repairs, the city said.</p></body></html>"
    )
    page.write_bytes(gzip.compress(html))
    image, pdf = tmp_path / "photo.png", tmp_path / "paper.pdf"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(200))
    code, out, err = run([str(page), str(image), str(pdf)], capsys)
    assert code == 1
    assert "The bridge reopened on Friday" in out and "Advertisement" not in out
    assert f"{image}: a PNG image, not a page" in err
    assert f"{pdf}: a PDF document, not a page" in err
    code, _, err = run([str(image), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "a PNG image, not a page" in err and "0 pages cleaned, 1 failed" in err


def test_folder_reports_beside_and_resume_needs_an_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    pages.mkdir()
    (pages / "a.txt").write_text("Advertisement\nThe bridge reopened on Friday after a year.")
    code, _, _ = run([str(pages), "-o", str(out), "--report"], capsys)
    assert code == 0
    assert (out / "a.txt").read_text().strip() == "The bridge reopened on Friday after a year."
    report = json.loads((out / "a.report.json").read_text())
    assert report["removals"][0]["reason"] == "ad-marker"
    with pytest.raises(SystemExit):
        main(["--resume", str(pages)])
    assert "--resume continues a run into -o OUT" in capsys.readouterr().err


@pytest.mark.slow
def test_ctrl_c_with_workers_stops_quietly_and_resumes_exactly(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group: the workers leave it to the parent, which
    says one line and exits 130; --resume then finishes to the same bytes as one run."""
    import os
    import signal
    import time

    page = "Skip to content\n" + "The council met on Monday and agreed to raise the rates. " * 40
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": i, "text": page}) + "\n" for i in range(20_000)), "utf-8"
    )
    target, whole = tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    command = [sys.executable, "-m", "dechaff", "--jsonl", str(source), "--progress", "never"]
    args = [*command, "-o", str(target), "--workers", "2"]
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, start_new_session=True)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while (not partial.exists() or partial.stat().st_size < 100_000) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the run ended before it could be interrupted")
    os.killpg(proc.pid, signal.SIGINT)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130
    said = err.strip()  # one line: where the run stopped, and how to go on
    assert said.startswith("dechaff: interrupted after ") and "\n" not in said, err
    assert said.endswith(f"so far is in {partial}: the same command with --resume goes on")
    assert not target.exists()  # the output appears only when the run is over
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    subprocess.run([*command, "-o", str(whole)], check=True, capture_output=True, timeout=300)
    assert target.read_bytes() == whole.read_bytes()


def test_folder_outputs_never_collide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    pages = tmp_path / "pages"
    pages.mkdir()
    text = "The ferry resumed service on Monday after a week of storms, officials said."
    (pages / "x.txt").write_text(text, "utf-8")
    (pages / "x.html").write_text(f"<html><body><p>{text}</p></body></html>", "utf-8")
    (pages / "y.txt").write_text(text, "utf-8")
    out = tmp_path / "out"
    code, _, err = run([str(pages), "-o", str(out), "--progress", "never"], capsys)
    assert code == 0 and "3 pages cleaned" in err
    assert sorted(p.name for p in out.iterdir()) == ["x.html.txt", "x.txt.txt", "y.txt"]
    other = tmp_path / "more"
    other.mkdir()
    (other / "y.txt").write_text(text, "utf-8")  # the same path under a second input folder
    (other / "x.txt.gz").write_bytes(gzip.compress(text.encode()))  # x.txt, compressed
    (other / "x.txt").write_text(text, "utf-8")
    out = tmp_path / "out2"
    code, _, err = run([str(pages), str(other), "-o", str(out), "--progress", "never"], capsys)
    assert code == 0 and "6 pages cleaned" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "x.html.txt", "x.txt.2.txt", "x.txt.gz.txt", "x.txt.txt", "y.2.txt", "y.txt"
    ]  # fmt: skip
    assert f"{other / 'y.txt'} would meet {pages / 'y.txt'} at one name" in err


def test_zstd_in_and_out_and_compressed_pages_in_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip

    import zstandard

    text = "The ferry resumed service on Monday after a week of storms, officials said."
    records = "".join(
        json.dumps({"id": i, "text": f"Skip to content\n{text}"}) + "\n" for i in range(5)
    )
    source = tmp_path / "in.jsonl"  # zstd by content, whatever the name
    source.write_bytes(zstandard.ZstdCompressor().compress(records.encode()))
    target = tmp_path / "out.jsonl.zst"
    code, _, _ = run(["--jsonl", str(source), "-o", str(target), "--progress", "never"], capsys)
    assert code == 0
    lines = (
        zstandard.ZstdDecompressor().decompressobj().decompress(target.read_bytes()).splitlines()
    )
    assert [json.loads(line)["text_clean"] for line in lines] == [text] * 5
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html.gz").write_bytes(
        gzip.compress(f"<html><body><p>{text}</p></body></html>".encode())
    )
    (pages / "b.txt.zst").write_bytes(zstandard.ZstdCompressor().compress(text.encode()))
    (pages / "c.gz").write_bytes(gzip.compress(b"no page suffix under the compression"))
    out = tmp_path / "out"
    code, _, err = run([str(pages), "-o", str(out), "--progress", "never"], capsys)
    assert code == 0 and "2 pages cleaned" in err
    assert (out / "a.txt").read_text("utf-8").strip() == text
    assert (out / "b.txt").read_text("utf-8").strip() == text


def test_json_values_orjson_refuses_pass_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Integers past 64 bits and NaN are JSON the standard library reads: they stay."""
    text = "The ferry resumed service on Monday after a week of storms, officials said."
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": 123456789012345678901234567890, "score": NaN, "text": "' + text + '"}\n', "utf-8"
    )
    target = tmp_path / "out.jsonl"
    code, _, _ = run(["--jsonl", str(source), "-o", str(target), "--progress", "never"], capsys)
    assert code == 0
    record = json.loads(target.read_text("utf-8"))
    assert record["id"] == 123456789012345678901234567890 and record["text_clean"] == text


def test_json_lines_progress_counts_bytes_to_a_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The ferry resumed service on Monday after a week of storms, officials said."
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": text}) + "\n" for _ in range(20)), "utf-8")
    size = source.stat().st_size
    code, _, err = run(
        ["--jsonl", str(source), "-o", str(tmp_path / "o"), "--progress", "always"], capsys
    )
    assert code == 0
    assert f"{size}/{size}" in err.replace("\r", "\n") or "100%" in err


def test_glob_chooses_the_files_a_folder_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The ferry resumed service on Monday after a week of storms, officials said."
    pages = tmp_path / "pages"
    (pages / "deep").mkdir(parents=True)
    (pages / "a.md").write_text(text, "utf-8")
    (pages / "deep" / "b.md").write_text(text, "utf-8")
    (pages / "c.txt").write_text(text, "utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        [str(pages), "-o", str(out), "--glob", "**/*.md", "--progress", "never"], capsys
    )
    assert code == 0 and "2 pages cleaned" in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "a.txt",
        "deep/b.txt",
    ]


def test_reports_can_go_to_a_file_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The ferry resumed service on Monday after a week of storms, officials said."
    source = tmp_path / "in.jsonl"
    records = [{"id": "a", "url": "https://x.example/a", "text": f"Advertisement\n{text}"},
               {"id": "b", "text": 5}]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    out, reports = tmp_path / "out.jsonl", tmp_path / "reports.jsonl.gz"
    args = ["--jsonl", str(source), "-o", str(out), "--reports", str(reports)]
    code, _, _ = run([*args, "--progress", "never"], capsys)
    assert code == 1  # the second record fails, and says so in both files
    written = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert written[0]["text_clean"] == text and "dechaff" not in written[0]
    import gzip

    apart = [json.loads(line) for line in gzip.decompress(reports.read_bytes()).splitlines()]
    assert [r["line"] for r in apart] == [1, 2] and apart[0]["id"] == "a"
    assert apart[0]["url"] == "https://x.example/a"
    assert apart[0]["dechaff"]["removals"][0]["reason"] == "ad-marker"
    assert "dechaff_error" in apart[1] and apart[1]["id"] == "b"
    with pytest.raises(SystemExit):
        main([*args, "--resume"])


def test_a_dead_worker_ends_the_command_with_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    from dechaff import WorkerError
    from dechaff.cli import _guarded

    def dies() -> int:
        raise WorkerError("a worker process died")

    assert _guarded(dies) == 1
    assert capsys.readouterr().err == "dechaff: a worker process died\n"


BREAD = (
    "<html><head><title>Plain bread</title></head><body><article><h1>Plain bread</h1>"
    "<p>A loaf for every day, with four things you have at home.</p><h2>What you do</h2>"
    "<ul><li>Mix the flour and the water.</li><li>Knead the dough.</li></ul>"
    "<p>Bake it for forty minutes, and let it cool.</p></article></body></html>"
)


def saved(tmp_path: Path, html: str) -> Path:
    page = tmp_path / "bread.html"
    page.write_text(html, "utf-8")
    return page


def test_markdown_prints_the_pages_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = saved(tmp_path, BREAD)
    assert main([str(page), "--to", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Plain bread\n\nA loaf for every day")
    assert "\n## What you do\n\n- Mix the flour and the water.\n- Knead the dough.\n\n" in out
    assert main([str(page), "--to", "markdown", "--no-title"]) == 0
    assert capsys.readouterr().out.startswith("A loaf for every day")


def test_markdown_files_for_a_folder_and_a_field_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bread.html").write_text(BREAD, "utf-8")
    expected = clean_html(BREAD)
    assert main([str(pages), "-o", str(tmp_path / "md"), "--to", "markdown"]) == 0
    written = (tmp_path / "md" / "bread.md").read_text("utf-8")
    assert written == expected.markdown(title=True) + "\n"
    assert not (tmp_path / "md" / "bread.txt").exists()
    assert main([str(pages), "-o", str(tmp_path / "bare"), "--to", "markdown", "--no-title"]) == 0
    assert (tmp_path / "bare" / "bread.md").read_text("utf-8") == expected.markdown() + "\n"
    assert main([str(pages), "-o", str(tmp_path / "js"), "--to", "json"]) == 0
    page = json.loads((tmp_path / "js" / "bread.json").read_text("utf-8"))
    assert page["text"] == expected.text and page["markdown"] == expected.markdown()
    assert main([str(pages / "bread.html"), "--to", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["markdown"] == expected.markdown() and printed["text"] == expected.text


def test_markdown_adds_a_field_to_json_lines_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    text = (
        "Advertisement\nThe council voted on Monday, and the motion passed by a wide margin.\n"
        "• The bridge reopens on Friday after a year of repairs.\n"
        "• Traffic will be limited to cars and bicycles until the spring."
    )
    source.write_text(json.dumps({"id": 1, "text": text}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["--jsonl", str(source), "-o", str(out), "--to", "markdown"]) == 0
    record = json.loads(out.read_text("utf-8"))
    assert record["text_clean"] == clean(text).text
    assert record["text_markdown"] == clean(text).markdown()
    assert "\n\n- The bridge reopens on Friday" in record["text_markdown"]
    assert main(["--jsonl", str(source), "-o", str(tmp_path / "plain.jsonl")]) == 0
    assert "text_markdown" not in json.loads((tmp_path / "plain.jsonl").read_text("utf-8"))


LINKED = (
    "<html><head><title>Plain bread</title>"
    "<link rel='canonical' href='https://bakery.example/bread/'></head><body><article>"
    "<h1>Plain bread</h1><p>A <strong>loaf</strong> for every day, as "
    "<a href='flour.html'>our flour guide</a> says, with four things you have at home."
    "<img src='/loaf.jpg' alt='A loaf'> Bake it for forty minutes, and let it cool.</p>"
    "</article></body></html>"
)


def test_links_and_images_come_out_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = saved(tmp_path, LINKED)
    assert main([str(page), "--to", "markdown", "--no-title"]) == 0
    plain = capsys.readouterr().out
    assert plain.startswith("A **loaf** for every day, as our flour guide says")
    assert "](" not in plain
    assert main([str(page), "--to", "markdown", "--no-title", "--links", "--images"]) == 0
    out = capsys.readouterr().out
    assert "as [our flour guide](https://bakery.example/bread/flour.html) says" in out
    assert "![A loaf](https://bakery.example/loaf.jpg) Bake it" in out
    assert main([str(page), "--to", "json", "--links"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert "[our flour guide](https://bakery.example/bread/flour.html)" in printed["markdown"]
    assert "![" not in printed["markdown"]


def test_the_old_names_of_the_output_flags_still_work_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = saved(tmp_path, BREAD)
    assert main([str(page), "--to", "json"]) == 0
    new = capsys.readouterr()
    assert main([str(page), "--json", "--markdown"]) == 0
    old = capsys.readouterr()
    assert old.out == new.out and json.loads(old.out)["markdown"]
    assert "--json is an old name of --to json" in old.err and not new.err
    assert main([str(page), "--mode", "html", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Plain bread\n\nA loaf")
