"""The command line is loud on a mistake and does what a user expects: a wrong field
or a combination of options that would be ignored stops the run before any work;
one page and ``-o FILE`` writes that file; standard input is read; a closed pipe
ends quietly; every path skipped is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dechaff.cli import main

TEXT = "The ferry resumed service on Monday after a week of storms, officials said."


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The usage error ``args`` get (exit status 2), before any work."""
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    return capsys.readouterr().err


def corpus(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = f"<html><body><p>{TEXT}</p></body></html>".encode()
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://x.example/a", "response", payload=__import__("io").BytesIO(html),
            http_headers=headers,
        ))  # fmt: skip
    return path


def test_a_mistyped_field_stops_before_any_work_and_lists_the_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = corpus(tmp_path / "in.jsonl", [{"id": i, "body": TEXT} for i in range(300)])
    target = tmp_path / "out.jsonl"
    code = main(["--jsonl", str(source), "--field", "text", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1  # one line, not one per record
    assert "none of the first 100 records has a field 'text'" in err
    assert "fields found: 'id' (100), 'body' (100)); give --field NAME" in err
    assert not target.exists() and not (tmp_path / "out.jsonl.partial").exists()


def test_a_wrong_site_field_stops_a_run_across_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"link": f"https://x.example/{i}", "text": TEXT} for i in range(5)]
    source = corpus(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    code = main(["--jsonl", str(source), "--across-pages", "-o", str(out), "--progress", "never"])
    err = capsys.readouterr().err
    assert code == 2 and "has a field 'url'" in err and "'link' (5)" in err
    assert "--site-field NAME" in err and not out.exists()
    code = main(["learn", "--jsonl", str(source), "-o", str(tmp_path / "p.profile")])
    assert code == 2 and not (tmp_path / "p.profile").exists()


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--to", "json"], "--to json is for pages"),
        (["--report"], "--report is for pages"),
        (["--no-title"], "--no-title is for pages"),
        (["--links"], "--links and --images show in the Markdown"),
        (["--to", "markdown", "--json"], "give --to markdown alone, without --json"),
        (["--site", "x"], "--site names the site of the pages of folders"),
        (["--glob", "*.md"], "--glob chooses the files of folders"),
        (["--site-field", "host"], "--site-field names the site for --profile"),
    ],
)
def test_options_a_json_lines_run_would_ignore_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    source = corpus(tmp_path / "in.jsonl", [{"text": TEXT}])
    assert said in refused(["--jsonl", str(source), *extra], capsys)


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--from", "text"], "--from does not apply to crawl files"),
        (["--across-pages", "-o", "o.jsonl"], "site profiles clean JSON lines and folders"),
        (["--to", "json"], "--to json is for pages"),
        (["--field", "body"], "--field names the page's field in --jsonl records"),
    ],
)
def test_options_a_crawl_run_would_ignore_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    crawl = warc(tmp_path / "crawl.warc.gz")
    assert said in refused([str(crawl), *extra], capsys)


def test_options_for_corpora_are_refused_with_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, "utf-8")
    assert "--no-report is for JSON-lines and crawl runs" in refused(
        [str(page), "--no-report"], capsys
    )
    assert "--field names the page's field" in refused([str(page), "--field", "body"], capsys)
    assert "give one input" in refused([str(page), "--example"], capsys)


def test_learn_writes_no_profile_when_it_learns_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dechaff.errors import ConfigError
    from dechaff.profile import SiteProfile

    crawl = warc(tmp_path / "crawl.warc.gz")
    profile = tmp_path / "p.profile"
    assert "not crawl files" in refused(["learn", str(crawl), "-o", str(profile)], capsys)
    source = corpus(tmp_path / "in.jsonl", [{"url": 5, "text": TEXT}])  # no site in any record
    assert main(["learn", "--jsonl", str(source), "-o", str(profile)]) == 1
    assert "learned no site" in capsys.readouterr().err and not profile.exists()
    SiteProfile().save(profile)  # an empty profile, as an earlier dechaff wrote
    with pytest.raises(ConfigError, match="holds no site"):
        SiteProfile.load(profile)


def test_one_page_and_o_file_writes_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, single = tmp_path / "page.txt", tmp_path / "single.txt"
    page.write_text(f"Advertisement\n{TEXT}", "utf-8")
    assert main([str(page), "-o", str(single), "--report"]) == 0
    assert single.is_file() and single.read_text("utf-8") == TEXT + "\n"
    report = json.loads((tmp_path / "single.report.json").read_text("utf-8"))
    assert report["removals"][0]["reason"] == "ad-marker"
    folder = tmp_path / "clean"
    assert main([str(page), "-o", f"{folder}/"]) == 0  # a name ending in / is a folder
    assert (folder / "page.txt").read_text("utf-8") == TEXT + "\n"


def test_a_folder_names_and_counts_every_path_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(TEXT, "utf-8")
    (pages / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(pages / "pipe.txt")
    code = main([str(pages), "-o", str(tmp_path / "out"), "--progress", "never"])
    err = capsys.readouterr().err
    assert code == 0
    assert f"{pages / 'gone.txt'}: skipped: a dangling link" in err
    assert f"{pages / 'pipe.txt'}: skipped: a FIFO, not a file" in err
    assert "1 page cleaned, 0 failed, 2 skipped" in err


def test_bad_records_are_told_in_plain_words(tmp_path: Path) -> None:
    from dechaff.corpus import parse_record

    assert parse_record(b'{"text": null}', "text")[1] == "field 'text' is null"
    assert parse_record(b'{"id": 1}', "text")[1] == "field 'text' is missing"
    problem = parse_record(b'{"text": "a\x01b"}', "text")[1]
    assert problem == "not JSON (Invalid control character at column 12)"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "dechaff", *args]


def test_standard_input_is_read_when_no_page_is_named(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Skip to content\n{TEXT}", "utf-8")
    with page.open("rb") as stdin:
        done = subprocess.run(_command(), stdin=stdin, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == TEXT + "\n", done.stderr
    empty = subprocess.run(_command(), input="", capture_output=True, text=True, timeout=60)
    assert empty.returncode == 2 and "give pages to clean" in empty.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl", [{"text": TEXT * 20} for _ in range(400)])
    proc = subprocess.Popen(
        _command("--jsonl", str(source), "--progress", "never"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Broken pipe" not in err and "Traceback" not in err, err
