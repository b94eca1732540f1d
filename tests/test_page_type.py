"""The page's type: its features, the model that weighs them, and the decision in
the result and its report."""

from __future__ import annotations

import json
import math

import pytest

from dechaff import clean, clean_html
from dechaff.blocks import segment
from dechaff.page_type import (
    PAGE_KINDS,
    PageType,
    TypeModel,
    classify,
    default_model,
    features,
)

PRODUCT = """<html><head><title>Trail Shoe X2</title><meta property="og:type" content="product">
<link rel="canonical" href="https://shop.example/products/trail-shoe-x2"></head>
<body><nav><a href="/">Home</a> <a href="/shoes">Shoes</a></nav><main><h1>Trail Shoe X2</h1>
<p>$129.00</p><p>In stock</p><button>Add to cart</button>
<p>A light trail shoe with a grippy sole and a roomy toe box for long days out.</p>
<table><tr><th>Weight</th><td>280 g</td></tr><tr><th>Drop</th><td>6 mm</td></tr></table>
<h2>Reviews</h2><p>Great shoe, it fits well and lasted two seasons of hard use.</p>
</main></body></html>"""

POST = """<div class="comment"><div>user{0}</div><div>Joined: 2019</div><div>Posts: {0}7</div>
<p>I had the same problem with my chain last week and replaced the cassette, which fixed it
for good.</p><div>Reply</div><div>Quote</div></div>"""
FORUM = (
    """<html><head><title>Bike chain keeps slipping - Forum</title>
<link rel="canonical" href="https://forum.example/t/bike-chain-keeps-slipping/123"></head>
<body><main><h1>Bike chain keeps slipping</h1>"""
    + "".join(POST.format(i) for i in range(6))
    + "</main></body></html>"
)

DOCS = """<html><head><title>parse() - Library docs</title>
<link rel="canonical" href="https://lib.example/docs/api/parse"></head>
<body><nav><ul><li><a href="/docs/">Intro</a></li><li><a href="/docs/api">API reference</a></li>
</ul></nav><main><h1>parse()</h1><p>Parse a document and return its tree.</p>
<h2>Parameters</h2><ul><li>text: the document</li></ul><h2>Returns</h2><p>The tree.</p>
<pre>tree = parse(text)
print(tree.root)</pre><h2>Example</h2><pre>def main():
    return parse("a")</pre><p>Edit this page</p><p>Was this page helpful?</p>
</main></body></html>"""

ARTICLE = (
    "The council voted on Tuesday to reopen the bridge. It had been closed for a year. "
    "Engineers said the repairs came in under budget, and traffic will resume on Friday.\n"
) * 6


def test_the_markup_says_what_the_page_is_and_where() -> None:
    found = features(
        segment("x"),
        declared=frozenset({"product"}),
        address="https://a.example/docs/intro?x=1",
    )
    assert found["declared product"] == 1.0
    assert found["declared article"] == 0.0
    assert found["address documentation"] == 1.0
    assert found["address product"] == 0.0
    assert found["address depth"] == 2.0
    assert found["html"] == 0.0  # blocks of text carry no markup


def test_short_lines_are_searched_for_cues_in_several_languages() -> None:
    found = features(segment("In den Warenkorb\n19,99 €\nAntworten\nZitieren\nA long line."))
    assert found["shop cues"] == pytest.approx(1 / 5)
    assert found["price cues"] == pytest.approx(1 / 5)
    assert found["forum cues"] == pytest.approx(2 / 5)
    assert found["docs cues"] == 0.0
    many = "reply " * 20  # a long line is prose, not a post's chrome
    assert features(segment(many))["forum cues"] == 0.0


def test_code_is_counted_by_its_lines() -> None:
    code = features(segment("def main():\n    return parse(text)\nx = {\n}"))
    prose = features(segment("He said it would rain (it did not), and left."))
    assert code["code cues"] >= 3 / 4
    assert prose["code cues"] == 0.0  # a bracket after a space is no call
    assert features(segment("He left early; nobody knew why."))["code cues"] == 0.0


def test_the_model_picks_the_type_with_the_highest_score_and_names_what_pushed_it() -> None:
    model = TypeModel(
        kinds=("article", "product"),
        names=("declared product", "price cues"),
        means=(0.0, 0.0),
        scales=(1.0, 0.5),
        weights=((0.0, 0.0), (2.0, 1.0)),
        biases=(1.0, 0.0),
    )
    product = model.classify({"declared product": 1.0, "price cues": 0.5})
    assert product.kind == "product"
    assert product.confidence == pytest.approx(1 / (1 + math.exp(1 - 3)))
    assert product.evidence == ("declared product", "price cues 0.5")
    plain = model.classify({})
    assert plain == PageType("article", pytest.approx(1 / (1 + math.exp(-1))), ())


def test_the_shipped_model_weighs_exactly_the_features_the_reader_measures() -> None:
    model = default_model()
    assert set(model.kinds) == set(PAGE_KINDS)
    assert set(model.names) == set(features(segment("x")))
    numbers = [*model.means, *model.scales, *model.biases, *(w for r in model.weights for w in r)]
    assert all(math.isfinite(n) for n in numbers)
    assert all(s > 0 for s in model.scales)
    assert all(len(row) == len(model.names) for row in model.weights)


@pytest.mark.parametrize(
    ("html", "kind"), [(PRODUCT, "product"), (FORUM, "forum"), (DOCS, "documentation")]
)
def test_pages_of_each_kind_are_told_apart(html: str, kind: str) -> None:
    result = clean_html(html)
    assert result.page_type is not None
    assert result.page_type.kind == kind
    assert result.page_type.evidence  # the decision says why


def test_prose_in_plain_text_is_an_article() -> None:
    kind = clean(ARTICLE).page_type
    assert kind is not None and kind.kind == "article"
    assert classify(features(segment(ARTICLE))) == kind


def test_the_type_is_in_the_report_and_its_json() -> None:
    result = clean_html(PRODUCT)
    assert result.report().startswith("= page type product (")
    out = json.loads(json.dumps(result.to_dict()))
    assert out["page_type"]["kind"] == "product"
    assert 0 < out["page_type"]["confidence"] <= 1
    assert out["page_type"]["evidence"] == list(result.page_type.evidence)  # type: ignore[union-attr]


def test_type_and_metadata_are_worked_out_on_first_use_and_survive_pickling() -> None:
    import pickle

    result = clean_html(PRODUCT)
    assert "page_type" not in vars(result) and "metadata" not in vars(result)
    copy = pickle.loads(pickle.dumps(result))
    assert copy.page_type == result.page_type
    assert copy.metadata == result.metadata
    assert "page_type" in vars(result)  # computed once, then kept
