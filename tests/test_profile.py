"""Site profiles and the across-pages filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff import Cleaner, ConfigError, SiteProfile, clean, segment
from dechaff.profile import hash_of_key, line_hash, page_hashes, site_of

FOOTER = "About us: the Valley Courier has served the valley since 1901, and still does."
NAV = "Home | News | Sport | Weather"


def _name(n: int) -> str:
    """A word of its own for each page (numbers are all alike to a profile)."""
    return "".join(chr(97 + n // 26**k % 26) for k in range(3))


def _page(n: int) -> str:
    return "\n".join(
        [
            NAV,
            f"Story number {n} about the valley",
            f"The council met on day {_name(n)} and discussed the item at length, they said.",
            f"Residents said item {_name(n)} mattered to them, and asked for a vote soon.",
            FOOTER,
        ]
    )


def _profile(pages: int = 20) -> SiteProfile:
    profile = SiteProfile()
    for n in range(pages):
        profile.learn(_page(n), "courier.example")
    return profile


lines = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    max_size=12,
)


@given(lines)
@settings(max_examples=200, deadline=None)
def test_a_page_hashes_as_its_blocks_do(page_lines: list[str]) -> None:
    text = "\n".join(page_lines)
    assert page_hashes(text) == {hash_of_key(b.key) for b in segment(text) if b.key}


@given(st.lists(st.tuples(st.sampled_from(["a.org", "b.org", "c.org"]), lines), max_size=20))
@settings(max_examples=100, deadline=None)
def test_profiles_of_two_halves_merged_are_the_profile_of_the_whole(
    pages: list[tuple[str, list[str]]],
) -> None:
    whole, first, second = SiteProfile(), SiteProfile(), SiteProfile()
    for i, (site, page_lines) in enumerate(pages):
        text = "\n".join(page_lines)
        whole.learn(text, site)
        (first if i % 2 else second).learn(text, site)
    assert first.merge(second) == whole
    assert second.merge(first) == whole


def test_lines_count_once_per_page_and_digits_do_not_matter() -> None:
    profile = SiteProfile()
    profile.learn("Updated 3 March 2024\nUpdated 3 March 2024\nA line.", "x.org")
    profile.learn("Updated 14 March 2023\nAnother line.", "x.org")
    counts = profile.sites["x.org"]
    assert counts.pages == 2
    assert counts.lines[line_hash("UPDATED 9 march 1999.")] == 2


def test_save_and_load(tmp_path: Path) -> None:
    profile = _profile()
    path = tmp_path / "site.profile"
    profile.save(path)
    assert SiteProfile.load(path) == profile
    (tmp_path / "other").write_text("{}")
    with pytest.raises(ConfigError, match="not a dechaff site profile"):
        SiteProfile.load(tmp_path / "other")


def test_a_site_over_its_line_budget_keeps_its_repeated_lines() -> None:
    profile = SiteProfile(max_lines_per_site=10)
    for n in range(20):
        profile.learn(_page(n), "courier.example")
    counts = profile.sites["courier.example"]
    assert counts.pruned and len(counts.lines) <= 10 + 4
    assert counts.lines[line_hash(FOOTER)] == 20


def test_evidence_follows_the_thresholds() -> None:
    profile = _profile(20)
    site = profile.evidence("courier.example")
    assert site is not None and site.pages == 20
    assert site.seen(FOOTER) == 20 and site.seen(NAV) == 20
    assert site.seen(_page(7).splitlines()[2]) == 0  # on one page only: no boilerplate
    assert profile.evidence("courier.example", min_site_pages=21) is None
    assert profile.evidence("elsewhere.example") is None
    # digits vary freely: the story lines all normalise alike, and so count as template
    assert site.seen("Story number 3 about the valley") == 20


def test_boilerplate_goes_with_its_evidence_and_the_article_stays() -> None:
    site = _profile().evidence("courier.example")
    page = _page(99).replace("Story number 99 about the valley", "Flood closes the valley road")
    rules = Cleaner.default().without("block-model")  # the block model may take it alone
    alone, profiled = rules(page), clean(page, site=site)
    assert FOOTER in alone.text  # one page alone cannot tell the rules
    assert FOOTER not in profiled.text
    assert f"The council met on day {_name(99)}" in profiled.text
    reasons = {r.text: (r.reason.value, r.detail) for r in profiled.removals}
    assert reasons[FOOTER] == ("site-boilerplate", "on 20 of 20 pages of courier.example")


def test_the_headline_and_partial_matches_stay() -> None:
    site = _profile().evidence("courier.example")
    page = "\n".join(
        [
            "Story number 5 about the valley - Valley Courier",  # the document title
            "Story number 5 about the valley",  # the headline: on every page, yet its own
            "The council met on Monday and discussed the budget of the valley at length.",
            FOOTER[:40],  # part of a repeated line is not that line
            "Residents said the budget mattered to them, and they asked for a vote soon.",
        ]
    )
    result = clean(page, site=site)
    assert result.title == "Story number 5 about the valley"
    assert not [r for r in result.removals if r.reason.value == "site-boilerplate"]


def test_site_of() -> None:
    assert site_of("https://www.example.com/a") == "example.com"
    assert site_of("example.org/path") == "example.org"
    assert site_of("") == ""


def test_without_evidence_the_filter_does_nothing() -> None:
    page = _page(3)
    assert Cleaner.default()(page) == Cleaner.default().without("across-pages")(page)


def _corpus(path: Path, pages: int = 30) -> Path:
    import json

    with path.open("w", encoding="utf-8") as out:
        for n in range(pages):
            out.write(json.dumps({"url": f"https://courier.example/{n}", "text": _page(n)}) + "\n")
            other = (
                f"Weather report {_name(n)}: rain all day, and more rain again tomorrow, they said."
            )
            out.write(json.dumps({"url": f"https://other.example/{n}", "text": other}) + "\n")
        out.write('{"url": "https://courier.example/bad", "text": 5}\n')
    return path


def test_learn_then_clean_with_the_profile(tmp_path: Path) -> None:
    import json

    from dechaff.cli import main

    corpus = _corpus(tmp_path / "in.jsonl")
    profile = tmp_path / "site.profile"
    assert main(["learn", "--jsonl", str(corpus), "-o", str(profile), "--progress", "never"]) == 1
    learned = SiteProfile.load(profile)
    assert learned.sites["courier.example"].pages == 30
    assert learned.sites["other.example"].pages == 30
    out = tmp_path / "out.jsonl"
    args = ["--jsonl", str(corpus), "-o", str(out), "--progress", "never"]
    assert main([*args, "--profile", str(profile)]) == 1  # the bad record fails alone
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    courier = [r for r in records if r["url"].startswith("https://courier") and "text_clean" in r]
    assert len(courier) == 30 and all(FOOTER not in r["text_clean"] for r in courier)
    removed = [x for r in courier for x in r["dechaff"]["removals"]]
    assert any(x["reason"] == "site-boilerplate" for x in removed)
    both = tmp_path / "both.jsonl"
    assert (
        main(["--jsonl", str(corpus), "-o", str(both), "--across-pages", "--progress", "never"])
        == 1
    )
    assert both.read_text("utf-8") == out.read_text("utf-8")  # two passes in one command


def test_learn_and_clean_folders_by_their_folder(tmp_path: Path) -> None:
    from dechaff.cli import main

    site = tmp_path / "pages" / "courier.example"
    site.mkdir(parents=True)
    for n in range(15):
        (site / f"{n}.txt").write_text(_page(n), "utf-8")
    out = tmp_path / "clean"
    assert (
        main([str(tmp_path / "pages"), "-o", str(out), "--across-pages", "--progress", "never"])
        == 0
    )
    body = (out / "courier.example" / "3.txt").read_text("utf-8")
    assert FOOTER not in body and f"day {_name(3)}" in body


def test_site_profiles_need_a_corpus_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dechaff.cli import main

    page = tmp_path / "page.txt"
    page.write_text("The vote passed on Monday.", "utf-8")
    with pytest.raises(SystemExit):
        main([str(page), "--across-pages"])
    assert "give --jsonl IN or -o DIR" in capsys.readouterr().err


@given(st.lists(lines, max_size=6))
@settings(max_examples=100, deadline=None)
def test_the_remembering_hasher_gives_what_page_hashes_gives(pages: list[list[str]]) -> None:
    from dechaff.profile import LineHasher

    hasher = LineHasher(capacity=5)  # small: it also starts afresh along the way
    for page_lines in [*pages, *pages]:
        text = "\n".join(page_lines)
        assert hasher.page(text) == page_hashes(text)
