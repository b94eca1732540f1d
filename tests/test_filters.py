"""Each built-in filter on small pages: what it removes, and for which reason."""

from __future__ import annotations

import pytest
from helpers import PROSE, PROSE2, assert_kept, assert_lossless, assert_removed

from dechaff import Cleaner, Reason, clean
from dechaff.filters import (
    AdMarkers,
    BodyRegion,
    ControlCharacters,
    Duplicates,
    Headline,
    PageChrome,
    Repairs,
    Transcripts,
    Truncation,
)
from dechaff.report import CopyOf


@pytest.mark.parametrize(
    "label", ["Advertisement", "ADVERTISEMENT", "- Advertisement -", "Anzeige", "Publicidad",
              "Publicité", "Pubblicità", "Реклама", "广告", "広告", "광고", "Sponsored",
              "Story continues below advertisement"],
)  # fmt: skip
def test_ad_marker_lines(label: str) -> None:
    result = Cleaner([AdMarkers()])(f"{PROSE}\n{label}\n{PROSE2}")
    assert_removed(result, label, "ad-marker")
    assert_kept(result, PROSE2)


def test_ad_marker_inline_only_at_a_sentence_seam() -> None:
    raw = "The vote passed.AdvertisementThe mayor spoke. Advertisement revenue fell this year."
    result = Cleaner([AdMarkers()])(raw)
    assert [r.reason for r in result.removals] == [Reason.AD_MARKER_INLINE]
    assert result.text == "The vote passed. The mayor spoke. Advertisement revenue fell this year."
    assert_lossless(raw, result)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to content", "skip-link"),
        ("Skip to main navigation", "skip-link"),
        ("Zum Inhalt springen", "skip-link"),
        ("Watch on Demand", "menu"),
        ("Menu", "menu"),
        ("Share this article", "share-prompt"),
        ("Facebook Twitter Email", "share-prompt"),
        ("Sign up for our daily newsletter", "newsletter-prompt"),
        ("We use cookies to improve your experience. By continuing you accept our policy.",
         "cookie-notice"),
        ("© 2024 Example Media. All rights reserved.", "copyright"),
        ("Read more: Council approves new budget", "related-list"),
        ("Related stories", "related-list"),
        ("Читайте также", "related-list"),
        ("Video above: Crews clear debris after the storm", "media-caption"),
        ("Photo: Jane Doe/Reuters", "media-caption"),
        ("Natalie Naccache | Bloomberg | Getty Images", "media-caption"),
        ("Christopher Tays Submitted photo", "media-caption"),
        ("By Jane Doe", "byline-dateline"),
        ("Updated: 19 November 2019, 09:01 AM", "byline-dateline"),
        ("November 19, 2019 at 6:34 am", "byline-dateline"),
        ("34 Comments", "comments"),
        ("janedoe says:", "comments"),
        ("Milan Griffes on September 12, 2018 at 4:47 pm said:", "comments"),
        ("Like this:", "share-prompt"),
        ("Facebook Twitter WhatsApp 1.2k", "share-prompt"),
        ("Compartilhar Facebook Pinterest Baixar", "share-prompt"),
        ("Apple and iPhone are registered trademarks of Apple Inc.", "copyright"),
        ("By using this site you agree to our Terms of Use and Privacy Policy.", "copyright"),
    ],
)  # fmt: skip
def test_chrome_lines(line: str, reason: str) -> None:
    result = Cleaner([PageChrome()])(f"{PROSE}\n{line}\n{PROSE2}")
    assert_removed(result, line, reason)
    assert_kept(result, PROSE)
    assert_kept(result, PROSE2)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company said it would share more details about the newsletter next week when the "
        "results of the review are published and the board has met to discuss them.",
        "Bakers in the town said the price of butter had made cookies far more expensive to "
        "sell this winter than in any year they could remember.",
        "By the end of the day, rescuers had reached all of the stranded villages.",
        "The minister said:",
        "On Monday 3 June the minister said:",
        "Facebook and Twitter fined",
        "Facebook Twitter lawsuits",
    ],
)
def test_chrome_leaves_prose_that_mentions_its_words(sentence: str) -> None:
    assert Cleaner([PageChrome()])(sentence).text == sentence


def test_headline_repeated_is_moved_to_title() -> None:
    raw = f"Site\nTram network to grow\nTram network to grow\n{PROSE}\nTram network to grow"
    result = Cleaner([Headline()])(raw)
    assert result.title == "Tram network to grow"
    heads = [r for r in result.removals if r.reason is Reason.HEADLINE]
    assert len(heads) == 3
    assert [r.related for r in heads].count(None) == 1
    assert_kept(result, PROSE)


def test_headline_from_document_title_and_site_name() -> None:
    raw = f"Tram network to grow | City Gazette\nHome\nTram network to grow\n{PROSE}"
    result = Cleaner([Headline()])(raw)
    assert result.title == "Tram network to grow"
    assert_removed(result, " | City Gazette", "site-name")
    assert_lossless(raw, result)


def test_transcript_with_masked_words() -> None:
    transcript = "so the council *** voted today and we are going to look at what it means " * 3
    result = Cleaner([Transcripts()])(f"{transcript}\n{PROSE}")
    assert_removed(result, transcript.strip(), "transcript")
    assert_kept(result, PROSE)


def test_exact_duplicate_keeps_the_copy_inside_prose() -> None:
    raw = f"{PROSE2}\nMenu\n{PROSE}\n{PROSE2}\n{PROSE}"
    result = Cleaner([Duplicates()])(raw)
    dup = [r for r in result.removals if r.reason is Reason.DUPLICATE_EXACT]
    assert len(dup) == 2
    assert all(r.related is not None and r.score == 1.0 for r in dup)
    assert result.text.count(PROSE) == 1 and result.text.count(PROSE2) == 1


def test_near_duplicate_reports_similarity_and_kept_copy() -> None:
    near = PROSE.replace("Tuesday", "Wednesday")
    result = Cleaner([Duplicates()])(f"{PROSE}\n{PROSE2}\n{near}")
    (dup,) = result.removals
    assert dup.reason is Reason.DUPLICATE_NEAR
    assert dup.related == 0 and dup.score is not None and 0.9 <= dup.score < 1
    assert "similar to block 0" in dup.detail


def test_glued_copy_is_removed_and_holes_repaired() -> None:
    glued = PROSE + PROSE2
    holed = PROSE2.replace("three years", "").replace("  ", " ")
    raw = f"{glued}\n\n{PROSE}\n\n{holed}"
    removed_only = Cleaner([Duplicates()])(raw)  # duplicates removes, and declares the copy
    assert not removed_only.repairs
    (copy,) = removed_only.removals
    assert copy.copy_of == CopyOf((1, 2), glued=True)
    result = Cleaner([Duplicates(), Repairs()])(raw)
    assert_removed(result, glued, "duplicate-contained")
    (repair,) = result.repairs
    assert repair.filter == "repair"
    assert repair.reason is Reason.LINK_HOLE_REPAIRED
    assert repair.inserted.strip() == "three years"
    assert repair.source_block == 0
    assert PROSE2 in result.text
    assert_lossless(raw, result)


def test_fragment_of_a_longer_block_is_removed() -> None:
    long = PROSE + " " + PROSE2 + " The plan also includes new bus lanes and bicycle parking."
    result = Cleaner([Duplicates()])(f"{PROSE}\n{long}")
    (removal,) = result.removals
    assert removal.reason is Reason.DUPLICATE_CONTAINED and removal.text == PROSE
    assert result.text == long


def test_unfillable_hole_is_flagged_not_removed() -> None:
    raw = "Officials said about 10,000 . But the report was not confirmed by the ministry."
    result = Cleaner([Truncation()])(raw)
    (flag,) = result.flags
    assert flag.reason is Reason.LINK_HOLE and raw[flag.start : flag.end] == flag.text
    assert result.text == raw


def test_teasers() -> None:
    teaser = PROSE[:80] + "…"
    run = "First story in the list is here and it goes on…\nSecond story is also here and it…"
    result = Cleaner([Truncation()])(f"{teaser}\n{PROSE}\n{run}")
    assert_removed(result, teaser, "teaser")
    assert_removed(result, "First story in the list", "teaser")
    assert_kept(result, PROSE)


def test_body_region_drops_menus_around_prose() -> None:
    raw = "Home\nNews\nSport\nWeather\n" + f"{PROSE}\nA subheading\n{PROSE2}\n" + "About\nJobs"
    result = Cleaner([BodyRegion()])(raw)
    assert_removed(result, "Home", "outside-body")
    assert_removed(result, "Jobs", "outside-body")
    assert_kept(result, "A subheading")
    assert "before the body" in result.removals[0].detail


def test_default_pipeline_on_a_small_page() -> None:
    raw = "\n".join(
        ["Skip to content", "Tram network to grow | Gazette", "Home", "Tram network to grow",
         "Advertisement", PROSE, "Share this article", PROSE2, "© 2024 Gazette"]
    )  # fmt: skip
    result = clean(raw)
    assert result.title == "Tram network to grow"
    assert result.text == f"{PROSE}\n\n{PROSE2}"
    assert_lossless(raw, result)


def test_body_region_keeps_a_numbered_list_after_the_prose() -> None:
    items = "\n".join(
        f"{i}) Item number {i} on the list\nhttp://example.com/item/{i}" for i in range(1, 7)
    )
    raw = f"Home\nNews\n{PROSE}\n{PROSE2}\n{items}\nAbout\nJobs"
    result = Cleaner([BodyRegion()])(raw)
    assert_kept(result, "6) Item number 6 on the list")
    assert_kept(result, "http://example.com/item/5")
    assert_removed(result, "Jobs", "outside-body")


@pytest.mark.parametrize(
    ("items", "kept"),
    [
        (["cabbage", "courgette", "peas", "tomatoes", "onion"], True),  # a list in the text
        (["Home", "News", "Sport", "Weather", "Jobs"], False),  # a menu: a wall
    ],
)
def test_body_region_walls_are_capitalised_runs(items: list[str], kept: bool) -> None:
    long = f"{PROSE} {PROSE2}"
    before = [f"First, {long}", f"Second, {long}"]
    after = [f"Third, {long}", f"Fourth, {long}", f"Fifth, {long}"]
    raw = "\n".join([*before, "Vegetables allowed in moderation", *items, *after])
    result = Cleaner([BodyRegion()])(raw)
    assert (items[2] in result.text) is kept
    assert (before[0] in result.text) is kept  # the smaller side is cut off by a wall
    assert_kept(result, after[1])


def test_body_region_empties_a_page_without_prose() -> None:
    result = Cleaner([BodyRegion()])("Home\nNews\nSport\nWeather")
    assert result.text == ""
    assert {r.detail for r in result.removals} == {"no run of prose on the page"}
    assert Cleaner([BodyRegion()])("Just a short note").text == "Just a short note"


def test_cut_off_block_is_flagged() -> None:
    cut = "The mayor spoke on Monday. She said the new line would open next year, and the"
    result = Cleaner([Truncation()])(f"{PROSE}\n{cut}\nA new paragraph starts here.")
    (flag,) = [f for f in result.flags if f.reason is Reason.CUT_OFF]
    assert cut.endswith(flag.text) and cut in result.text


def test_body_region_keeps_table_rows_numbered_in_order() -> None:
    rows = "\n".join(f"{i} Driver Name{i} {5000 - i * 7} {i % 3} 1 17" for i in range(1, 9))
    result = Cleaner([BodyRegion()])(
        f"Home\nNews\nSport\nVideo\nShop\n{PROSE}\n{rows}\nAbout\nJobs"
    )
    assert_kept(result, "8 Driver Name8")
    assert_removed(result, "Shop", "outside-body")


def test_body_region_keeps_the_list_a_line_announces() -> None:
    intro = f"{PROSE} The kit holds these parts:"
    items = ["Regulierbarer Hüftgurt", "Elastische Schnur", "Zwei Schlaufen", "Sehr leicht"]
    raw = "\n".join([f"First, {PROSE} {PROSE2}", intro, *items, f"Second, {PROSE} {PROSE2}"])
    result = Cleaner([BodyRegion()])(raw)
    for item in items:
        assert_kept(result, item)
    unannounced = raw.replace(intro, f"{PROSE} The kit holds these parts.")
    result = Cleaner([BodyRegion()])(unannounced)
    assert items[1] not in result.text  # without the colon the short lines are a gap


@pytest.mark.parametrize(
    ("intro", "items", "crossed"),
    [
        ("The five states with an inheritance tax:", ["Kentucky", "Maryland", "Nebraska",
         "New Jersey", "Pennsylvania"], True),  # announced by a colon: the text's list
        ("The five states with an inheritance tax.", ["Kentucky", "Maryland", "Nebraska",
         "New Jersey", "Pennsylvania"], False),  # not announced: a menu-like wall
        ("The ranking of the publishers.", ["1. Penguin", "2. Hachette", "3. Macmillan",
         "4. Scholastic", "5. Wiley"], True),  # every line numbered: the text's list
    ],
)  # fmt: skip
def test_body_region_runs_of_listed_items_are_no_wall(
    intro: str, items: list[str], crossed: bool
) -> None:
    long = f"{PROSE} {PROSE2}"
    before = [f"First, {long}", f"Second, {long}", f"Third, {long} {intro}"]
    after = f"Fourth, {long}"
    raw = "\n".join([*before, *items, after])
    result = Cleaner([BodyRegion()])(raw)
    assert_kept(result, before[0])  # the larger side is the body either way
    assert (items[2] in result.text) is crossed
    assert (after in result.text) is crossed


def test_author_bio_goes_only_at_the_end() -> None:
    from dechaff.filters import AuthorBios

    bio = "Heiko Sauer is a Professor of Public Law at the University of Bonn."
    quoted = "Anna Berg is a professor of law, and she said the ruling was clear."
    result = Cleaner([AuthorBios()])("\n".join([PROSE, quoted, PROSE2, PROSE, bio]))
    assert_removed(result, bio, "author-bio")
    assert_kept(result, quoted)  # not among the last lines
    german = "Moritz Gathmann leitet das Ressort Berliner Republik bei Cicero."
    assert_removed(Cleaner([AuthorBios()])(f"{PROSE}\n{german}"), german, "author-bio")


def test_control_characters_are_cut_from_body_and_title() -> None:
    title = "Big\u00adger bridges for Oslo"
    body = "The council voted on Mon\u00adday\x00 to build two \x1b[1mnew\x1b[0m bridges over the "
    body += "river\u200b, officials said on Tuesday, and work starts in the spring.\x7f"
    raw = f"{title} | The Times\nSkip to content\n{title}\n{body}"
    result = clean(raw)
    assert result.title == "Bigger bridges for Oslo"
    assert result.text == (
        "The council voted on Monday to build two new bridges over the river, officials said "
        "on Tuesday, and work starts in the spring."
    )
    cut = [r.text for r in result.removals if r.reason is Reason.CONTROL_CHARACTER]
    assert cut == ["\xad", "\xad", "\xad", "\x00", "\x1b[1m", "\x1b[0m", "\u200b", "\x7f"]
    assert_lossless(raw, result)


def test_joiners_that_scripts_need_stay() -> None:
    family = "The family emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 was the most used one."
    persian = "The word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 keeps its non-joiner."
    result = Cleaner([ControlCharacters()])(f"{family}\n{persian}")
    assert result.text == f"{family}\n\n{persian}"
    assert not result.removals


def _table_lines() -> list[tuple[str, str, str]]:
    from dechaff.filters.wording import CHROME_TABLES, TABLES

    lines = []
    for table in (*TABLES, *CHROME_TABLES):
        for lang, phrases in table.phrases.items():
            for phrase in phrases:
                words = phrase.replace("*", "a")  # a stem, continued
                line = words[0].upper() + words[1:]
                if table.anywhere:
                    line = f"We use {words} here"  # the phrase inside a short line
                elif table.tail and not table.heading:
                    line += " and so on"  # what may follow the phrase on its line
                lines.append((table.reason.value, lang, line))
    return lines


@pytest.mark.parametrize(("reason", "lang", "line"), _table_lines())
def test_every_phrase_of_every_table_is_caught_by_its_rule(
    reason: str, lang: str, line: str
) -> None:
    from dechaff.blocks import segment

    found = PageChrome().classify(segment(line)[0])
    assert found is not None and found[0].value == reason, f"{lang}: {line!r} -> {found}"


def _rule_examples() -> list[tuple[int, str]]:
    from dechaff.filters.chrome import RULES

    return [(i, line) for i, rule in enumerate(RULES) for line in rule.examples]


@pytest.mark.parametrize(("rule", "line"), _rule_examples())
def test_every_pattern_rule_catches_its_examples_under_its_own_cues(rule: int, line: str) -> None:
    """Each rule alone: its cues must lead to its pattern for every example."""
    from dechaff.blocks import segment
    from dechaff.filters.chrome import RULES

    found = PageChrome(rules=(RULES[rule],)).classify(segment(line)[0])
    assert found is not None and found[0] is RULES[rule].reason, f"{line!r} -> {found}"


def test_every_pattern_rule_has_examples_in_several_languages() -> None:
    from dechaff.filters.chrome import RULES

    pattern_rules = [r for r in RULES if r.examples or (not r.starts and not r.contains)]
    assert len(pattern_rules) >= 9
    assert all(len(r.examples) >= 2 for r in pattern_rules)


def test_phrase_tables_cover_the_languages_of_the_shared_sets() -> None:
    from dechaff.filters.wording import CHROME_TABLES, TABLES

    for table in (*TABLES, *CHROME_TABLES):
        if len(table.phrases) > 1:  # (English skip-link openers stand alone)
            assert {"en", "de", "fr", "es", "it", "pt", "pl", "nl"} <= set(table.phrases), (
                table.reason
            )


def test_a_phrase_does_not_match_inside_a_longer_word() -> None:
    from dechaff.blocks import segment

    assert PageChrome().classify(segment("Related stories")[0]) is not None
    assert PageChrome().classify(segment("Relatedness of the two families")[0]) is None


def test_variants_spell_out_a_compact_phrase() -> None:
    from dechaff.filters.wording import variants

    assert variants("(direkt )?zum inhalt( springen)?") == (
        "direkt zum inhalt springen", "direkt zum inhalt", "zum inhalt springen", "zum inhalt",
    )  # fmt: skip
    with pytest.raises(ValueError, match="unbalanced"):
        variants("zum (inhalt")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("También te puede interesar", "related-list"),
        ("An hour ago", "byline-dateline"),
        ("A day ago", "byline-dateline"),
        ("One week ago", "byline-dateline"),
    ],
)
def test_rules_that_their_cues_once_hid(line: str, reason: str) -> None:
    from dechaff.blocks import segment

    found = PageChrome().classify(segment(line)[0])
    assert found is not None and found[0].value == reason


def test_inline_captions_go_and_the_prose_stays() -> None:
    from dechaff.filters import InlineCaptions

    raw = (
        "Video above: Crews fight the fire. The blaze began at noon (Photo: J. Doe/AP). "
        "Residents said the photo of the tower was everywhere (and so was the smoke)."
    )
    result = Cleaner([InlineCaptions()])(raw)
    assert result.text == (
        "The blaze began at noon. Residents said the photo of the tower was everywhere "
        "(and so was the smoke)."
    )
    assert {r.reason.value for r in result.removals} == {"inline-caption"}
    assert_lossless(raw, result)
    german = "Die Stadt plant neu (Foto: dpa). Der Rat stimmte zu."
    assert Cleaner([InlineCaptions()])(german).text == "Die Stadt plant neu. Der Rat stimmte zu."


def test_a_glued_copy_of_short_paragraphs_goes_and_the_paragraphs_stay() -> None:
    """An article of mostly short paragraphs (under the filter's min_words) glued into
    one block, and the same paragraphs on their own lines: the glued block goes."""
    from dechaff.filters import Duplicates

    paragraphs = [
        "The mayor opened the new bridge on Monday morning, two years after the old one "
        "was closed to all traffic.",
        "Hundreds of people walked across it in the rain.",
        "Traffic will use it from next week, the city said.",
        "The old bridge will be closed for repairs until May.",
    ]
    page = "\n".join([" ".join(paragraphs), *paragraphs])
    result = Cleaner([Duplicates()])(page)
    assert result.text == "\n\n".join(paragraphs)
    assert result.removals[0].reason.value == "duplicate-contained"
    two = "\n".join([" ".join(paragraphs[:2]), *paragraphs[:2]])  # two lines: a repeat
    assert not [r for r in Cleaner([Duplicates()])(two).removals if r.block == 0]


def test_holes_at_a_paragraphs_end_and_beside_a_cut_label_are_filled() -> None:
    first = (
        "The city said on Monday that the first crossing of the season was made early in the "
        "morning by the ferry Nordlicht."
    )
    second = (
        "The mayor thanked the crew and the harbour staff for a long winter of repairs to the "
        "old ferry Nordlicht. The harbour reopened at noon, as planned."
    )
    holed_first = first.replace(" Nordlicht.", " .")  # a hole before the closing full stop
    holed_second = second.replace(" Nordlicht. The", " . Advertisement The")  # and a label
    page = f"{first} {second}\n{holed_first}\n{holed_second}"
    result = Cleaner([AdMarkers(), Duplicates(), Repairs()])(page)
    assert result.text == f"{first}\n\n{second}"
    assert [p.inserted.strip() for p in result.repairs] == ["Nordlicht", "Nordlicht"]


def test_body_region_starts_near_the_headline() -> None:
    """A short story under its headline outweighed by a longer teaser further down:
    the body begins within ``start_within`` kept lines of the headline."""
    story = (
        "The ferry resumed on Monday after a week of storms. Tickets cost less than before, "
        "the operator said."
    )
    teaser = " ".join([PROSE, PROSE2])
    filler = [f"Offer number {i} ends soon" for i in range(25)]
    raw = "\n".join(["Ferry back - Courier", "Ferry back", story, *filler, teaser, "About", "Jobs"])
    cleaner = Cleaner([Headline(), BodyRegion()])
    assert cleaner(raw).text == story
    anywhere = Cleaner([Headline(), BodyRegion(start_within=None)])(raw)
    assert anywhere.text == teaser


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Please understand that comments are moderated and may not appear at once.", "comments"),
        ("Die Kommentarfunktion ist geschlossen.", "comments"),
        ("Les commentaires sont modérés avant publication.", "comments"),
        ("This document is subject to copyright. No part may be reproduced.", "copyright"),
        ("© Gazette 2024. Nachdruck nur mit Genehmigung der Redaktion.", "copyright"),
        ("Riproduzione riservata", "copyright"),
    ],
)
def test_comment_policies_and_copyright_notices(line: str, reason: str) -> None:
    result = Cleaner([PageChrome()])(f"{PROSE}\n{line}")
    assert_removed(result, line, reason)
    assert_kept(result, PROSE)


def test_a_comment_policy_ends_the_body() -> None:
    policy = "We welcome reader comments on the top stories of the day."
    after = "Please keep them civil, on topic and free of hateful material, thank you all."
    raw = "\n".join([PROSE, PROSE2, policy, after])
    result = clean(raw)
    assert result.text == f"{PROSE}\n\n{PROSE2}"
    assert_removed(result, policy, "comments")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Oil pumps at dusk. Photo: J. Doe/Shutterstock.com", " Photo: J. Doe/Shutterstock.com"),
        ("Maskenpflicht im Gottesdienst. Foto: ccnull/Marco Verch/cc by sa 2.0",
         " Foto: ccnull/Marco Verch/cc by sa 2.0"),
        ("Les pompes au crépuscule. Source: AFP", " Source: AFP"),
    ],
)  # fmt: skip
def test_a_credit_ending_a_caption_line_is_cut(line: str, credit: str) -> None:
    from dechaff.filters import InlineCaptions

    result = Cleaner([InlineCaptions()])(line)
    assert result.text == line.removesuffix(credit)
    assert "".join(r.text for r in result.removals).strip() == credit.strip()


def test_a_sentence_with_a_source_label_inside_stays() -> None:
    from dechaff.filters import InlineCaptions

    line = "He agreed. Source: the ministry said it would act. Then the vote came."
    assert Cleaner([InlineCaptions()])(line).text == line


def test_holes_in_a_row_and_a_paragraph_lined_up_as_a_whole_are_filled() -> None:
    """Three link holes with one comma between each; and a hole at a paragraph's
    start whose words ("the", "and") also stand, one by one, in the paragraph before."""
    first = (
        "Follow the harbour office on its own page for the ferry times, and the council "
        "on Facebook, Twitter, and Instagram."
    )
    second = (
        "The Steelers and Browns were in the news again on Monday, as the league moved "
        "their rematch to the early afternoon slot."
    )
    holed_first = first.replace("Facebook, Twitter, and Instagram.", ", , and .")
    holed_second = second.replace(" Browns", "")
    page = f"{first}{second}\n{holed_first}\n{holed_second}"  # glued without a space
    result = Cleaner([Duplicates(), Repairs()])(page)
    assert result.text == f"{first}\n\n{second}"
    assert [r.inserted.strip() for r in result.repairs] == [
        "Facebook", "Twitter", "Instagram", "Browns"
    ]  # fmt: skip


def test_short_paragraphs_of_a_glued_copy_get_their_holes_filled() -> None:
    """The glued copy is recognised by its long paragraphs; a short one beside them
    has its holes filled from it too, but never by a run longer than its own words."""
    long_ = [
        "The city council voted on Tuesday to expand the tram network to the northern "
        "suburbs, a project that has been debated for more than a decade in the city.",
        "Construction is expected to begin next spring and to last three years, according "
        "to the transport department, which will publish a timetable in January.",
        "The mayor said the first trams would run in the autumn of the year after, and that "
        "fares would stay as they are until then, whatever the final cost of the works.",
    ]
    short = "The gray haze led to canceled flights and closed schools."
    deal = "Get it on Amazon for $169.99"
    glued = "".join([long_[0], short, deal, "New Price Drop: a watch for $99.", *long_[1:]])
    holed = short.replace(" canceled flights", "")
    page = "\n".join([glued, long_[0], holed, "Get it on Amazon for $169.99", *long_[1:]])
    result = Cleaner([Duplicates(), Repairs()])(page)
    assert [r.inserted.strip() for r in result.repairs] == ["canceled flights"]
    assert result.text.split("\n\n")[1] == short


def test_a_repeated_headline_with_a_year_is_the_title_a_repeated_date_is_not() -> None:
    headline = "2020 Audi e-tron Sportback revealed as electric 4-door coupe"
    raw = "\n".join(["Home", headline, "2019-11-03 10:32", PROSE, headline, "2019-11-03 10:32"])
    assert Cleaner([Headline()])(raw).title == headline
    dated = "\n".join(["Home", "3 November 2019, 10:32", PROSE, "3 November 2019, 10:32"])
    assert Cleaner([Headline()])(dated).title is None
