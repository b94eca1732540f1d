"""Markdown: a view of the kept paragraphs, shaped by their elements."""

from __future__ import annotations

import random
import re

from dechaff import clean, clean_html
from dechaff.blocks import Block, DomInfo, InlineMark, segment
from dechaff.html.lines import spaced_marks, squashed_marks
from dechaff.markdown import marked, to_markdown


def block(index: int, text: str, tag: str, xpath: str, **dom: object) -> Block:
    return Block(index, 0, len(text), text, dom=DomInfo(tag, xpath, **dom))  # type: ignore[arg-type]


def test_each_element_gives_its_shape() -> None:
    blocks = [
        block(0, "Steps", "h2", "/html/body/article/h2", heading=2),
        block(1, "Mix", "li", "/html/body/article/ol/li[1]", list_item=True),
        block(2, "Stir", "li", "/html/body/article/ol/li[1]/ul/li", list_item=True),
        block(3, "Knead", "li", "/html/body/article/ol/li[2]", list_item=True),
        block(4, "Flour", "th", "/html/body/article/table/tr[1]/th"),
        block(5, "500 g | sifted", "td", "/html/body/article/table/tr[1]/td"),
        block(6, "Water", "th", "/html/body/article/table/tr[2]/th"),
        block(7, "350 ml", "td", "/html/body/article/table/tr[2]/td"),
        block(8, "bake(40)", "pre", "/html/body/article/pre"),
        block(9, "Well said.", "p", "/html/body/article/blockquote/p"),
        block(10, "The end.", "p", "/html/body/article/p"),
    ]
    paragraphs = [(b.index, b.text) for b in blocks]
    assert to_markdown(paragraphs, blocks, "Bread") == "\n".join(
        [
            "# Bread", "", "## Steps", "",
            "1. Mix", "   - Stir", "1. Knead", "",
            "| Flour | 500 g \\| sifted |", "| --- | --- |", "| Water | 350 ml |", "",
            "```", "bake(40)", "```", "",
            "> Well said.", "", "The end.",
        ]
    )  # fmt: skip


def test_text_mode_lists_from_bullets_and_numbers() -> None:
    raw = (
        "Baking bread at home takes little more than flour, water, salt and time.\n"
        "• Mix the flour and the water in a large bowl.\n"
        "2) Knead the dough for ten minutes until it is smooth."
    )
    assert clean(raw).markdown() == (
        "Baking bread at home takes little more than flour, water, salt and time.\n\n"
        "- Mix the flour and the water in a large bowl.\n"
        "1. Knead the dough for ten minutes until it is smooth."
    )


def test_the_markdown_holds_the_words_of_the_text_and_the_title_and_no_others() -> None:
    html = (
        "<html><head><title>Plain bread</title></head><body><nav>Home</nav><article>"
        "<h1>Plain bread</h1><p>A loaf for every day, with four things you have at home.</p>"
        "<h2>What you do</h2><ol><li>Mix the flour and the water.</li><li>Knead it.</li></ol>"
        "<p>Bake it for forty minutes, and let it cool.</p></article></body></html>"
    )
    result = clean_html(html)

    def words(text: str) -> list[str]:
        return sorted(re.findall(r"[^\W\d_]+", text))

    assert words(result.markdown()) == words(result.text)
    assert words(result.markdown(title=True)) == words(f"{result.title} {result.text}")
    assert "Home" not in result.markdown()


def test_a_code_block_keeps_its_lines_and_indents_while_the_text_reads_one_line() -> None:
    prose = "Call the function as the example shows, and read what it gives back. " * 2
    code = "def f(x):\n    if x:\n        return 1\n\n    return 2\n"
    html = f"<html><body><article><p>{prose}</p><pre><code>{code}</code></pre><p>{prose}</p>"
    result = clean_html(html + "</article></body></html>")
    assert "def f(x): if x: return 1 return 2" in result.text  # decisions read one line
    fenced = "```\ndef f(x):\n    if x:\n        return 1\n    return 2\n```"
    assert fenced in result.markdown()


def test_a_code_block_a_removal_cut_into_stays_as_the_body_holds_it() -> None:
    pre = block(0, "a = 1 b = 2", "pre", "/html/body/pre", breaks=((5, 0),))
    assert to_markdown([(0, pre.text)], [pre]) == "```\na = 1\nb = 2\n```"
    assert to_markdown([(0, "a = 1 b")], [pre]) == "```\na = 1 b\n```"  # offsets moved


def page(body: str, head: str = "<title>Rye</title>") -> str:
    return f"<html><head>{head}</head><body><article><h1>Rye</h1>{body}</article></body></html>"


PROSE = " It wants a longer rest than wheat before it goes into a hot oven."


def test_emphasis_and_inline_code_are_written_always_links_and_images_when_asked() -> None:
    html = page(
        "<p>Rye needs <b>less</b> kneading, <i>far</i> less, and "
        f"<a href='https://x.example/g'>the guide</a> says <code>rest = 2h</code>.{PROSE}</p>"
        "<p><img src='https://x.example/rye.jpg' alt='A rye loaf'></p>"
        f"<p>Bake it for an hour.{PROSE}</p>"
    )
    result = clean_html(html)
    assert result.markdown().startswith(
        "Rye needs **less** kneading, *far* less, and the guide says `rest = 2h`."
    )
    linked = result.markdown(links=True, images=True)
    assert "and [the guide](https://x.example/g) says" in linked
    assert "\n\n![A rye loaf](https://x.example/rye.jpg) Bake it for an hour." in linked
    assert "![" not in result.markdown(links=True) and "](" not in result.markdown(images=False)


def test_a_mark_keeps_to_its_words_across_white_space_and_line_breaks() -> None:
    html = page(f"<p>Rye  <strong>\n needs  less \n</strong>  kneading.{PROSE}</p>")
    assert clean_html(html).markdown().startswith("Rye **needs less** kneading.")
    broken = page(f"<p><em>First line of it<br>second line of it</em> and more.{PROSE}</p>")
    assert "*First line of it*\n\n*second line of it* and more." in clean_html(broken).markdown()


def test_addresses_are_made_absolute_against_the_pages_own_and_anchors_left_out() -> None:
    head = "<title>Rye</title><link rel='canonical' href='https://bakery.example/bread/rye'>"
    html = page(
        f"<p>See <a href='../flour'>flour</a>, <a href='#top'>the top</a> and "
        f"<a href='javascript:void(0)'>more</a>.{PROSE}</p>",
        head,
    )
    linked = clean_html(html).markdown(links=True)
    assert "See [flour](https://bakery.example/flour), the top and more." in linked
    assert "[flour](../flour)" in clean_html(
        page(f"<p>See <a href='../flour'>flour</a>.{PROSE}</p>")
    ).markdown(links=True)


def test_crossing_repeated_and_coded_marks_are_left_out_and_headings_keep_no_emphasis() -> None:
    marks = (
        InlineMark(0, 9, "strong"), InlineMark(0, 9, "strong"),  # <b><strong>…
        InlineMark(4, 11, "em"),  # crosses the first
        InlineMark(13, 17, "code"), InlineMark(14, 16, "strong"),  # inside code
    )  # fmt: skip
    assert marked("rye bread is good today", marks) == "**rye bread** is `good` today"
    title = block(0, "Rye bread", "h2", "/html/body/h2", heading=2,
                  marks=(InlineMark(0, 3, "strong"), InlineMark(4, 9, "code")))  # fmt: skip
    assert to_markdown([(0, title.text)], [title]) == "## Rye `bread`"


def test_marks_follow_the_part_of_a_block_a_removal_left() -> None:
    text = "Advertisement Rye needs less kneading."
    cut = block(0, text, "p", "/html/body/p",
                marks=(InlineMark(0, 13, "strong"), InlineMark(24, 28, "em")))  # fmt: skip
    assert to_markdown([(0, "Rye needs less kneading.")], [cut]) == "Rye needs *less* kneading."
    assert to_markdown([(0, "Rye needs more kneading.")], [cut]) == "Rye needs more kneading."


def test_the_paragraphs_of_one_list_item_make_one_item() -> None:
    card = "/html/body/main/ol/li[{}]/div[{}]"
    blocks = [
        block(0, "Clifton 10 running shoes", "div", card.format(1, 1), list_item=True),
        block(1, "$124.93", "div", card.format(1, 2), list_item=True),
        block(2, "Launch 11 running shoes", "div", card.format(2, 1), list_item=True),
        block(3, "Rated 4.8 of 5", "div", card.format(2, 2) + "/ul/li", list_item=True),
        block(4, "$94.73", "div", card.format(2, 3), list_item=True),
    ]
    assert to_markdown([(b.index, b.text) for b in blocks], blocks) == "\n".join(
        [
            "1. Clifton 10 running shoes", "   $124.93",
            "1. Launch 11 running shoes", "   - Rated 4.8 of 5", "   $94.73",
        ]
    )  # fmt: skip


def test_the_lines_of_one_cell_make_one_cell_and_a_layout_cell_stays_prose() -> None:
    row = "/html/body/table/tr[{}]/td[{}]"
    blocks = [
        block(0, "Flour", "td", row.format(1, 1)),
        block(1, "500 g", "p", row.format(1, 2) + "/p[1]"),
        block(2, "sifted", "p", row.format(1, 2) + "/p[2]"),
        block(3, "Water", "td", row.format(2, 1)),
        block(4, "350 ml", "td", row.format(2, 2)),
    ]
    assert to_markdown([(b.index, b.text) for b in blocks], blocks) == "\n".join(
        ["| Flour | 500 g sifted |", "| --- | --- |", "| Water | 350 ml |"]
    )
    words = ("The loaf rose well in the warm kitchen overnight. " * 8).strip()  # 72 words
    layout = [block(n, words, "p", f"/html/body/table/tr/td/p[{n + 1}]") for n in range(4)]
    assert to_markdown([(b.index, b.text) for b in layout], layout) == "\n\n".join(
        b.text for b in layout
    )


def test_text_mode_headings_are_short_lines_framed_by_prose() -> None:
    raw = "\n".join(
        [
            "Baking bread at home takes little more than flour, water, salt and time.",
            "What you need",
            "A large bowl, a tea towel and an oven that keeps its heat are all it takes.",
            "3. Shaping the loaf",
            "Fold the dough over itself and let it rest, seam down, for an hour.",
            "Flour",
            "Water",
            "Salt",
            "Bake it for forty minutes.",
        ]
    )
    blocks = segment(raw)
    paragraphs = [(b.index, b.text) for b in blocks]
    lines = to_markdown(paragraphs, blocks).split("\n\n")
    assert lines[1] == "## What you need"
    assert lines[3] == "## 3. Shaping the loaf"  # a numbered heading keeps its number
    assert lines[5:8] == ["Flour", "Water", "Salt"]  # short lines, but not framed by prose
    assert not lines[0].startswith("#") and not lines[-1].startswith("#")


def test_marks_move_alike_whether_or_not_the_line_needed_squashing() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(["a", "bb", "ccc"]) for _ in range(rng.randint(1, 5)))
        marks = []
        for _ in range(rng.randint(1, 3)):
            start = rng.randint(0, len(text))
            end = start if rng.random() < 0.3 else rng.randint(start, len(text))
            marks.append((start, end, "image" if end == start else "em", None, None))
        assert spaced_marks(text, marks) == squashed_marks(text, marks), (text, marks)
    # a mark over white space alone holds nothing; an image keeps its place in a word
    assert squashed_marks("a  b", [(1, 3, "em", None, None)]) == ()
    assert squashed_marks("ab  cd", [(1, 1, "image", "i", "")])[0].start == 1
