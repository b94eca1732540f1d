"""The page's main content element, chosen the way readability-lxml chooses it.

readability-lxml (0.9) picks an article in a page by scoring paragraphs: every
``<p>``, ``<pre>``, ``<td>`` and ``<blockquote>`` of 25 characters or more
(and every ``<div>`` that holds no block of its own, and every run of loose text
inside a ``<div>`` that does) gives its parent ``1 + commas + min(length / 100, 3)``
and its grandparent half of that. Each scored element starts from a weight for
its tag and for its class and id (``article``, ``content``, ``post``… add 25;
``comment``, ``sidebar``, ``related``… take 25 away), and its final score is
scaled by the share of its text that is not link text. Elements whose class or
id say they are unlikely content (comments, footers, menus…) are set aside first;
when that leaves no article, or one under 250 characters, the page is scored
again without setting them aside. The best element, and those of its siblings
that score well or read as prose, make the article; an element marked
``itemprop="articleBody"``, a well-scored ``<article>`` nested inside the winner,
and segments of the same article split across the page (same tag, same content
class) are preferred or merged the way readability-lxml does.

Then readability-lxml cleans the article: link-heavy or negatively named
headings, calls to action and forms go, and so do tables, lists and sections
that look like navigation, galleries or widgets (by their counts of paragraphs,
images, list items, inputs and embeds, their length and their link density).

readability-lxml makes these decisions by changing a copy of the tree (dropping
elements, renaming ``<div>``\\ s, wrapping loose text in new ``<p>``\\ s) and
re-reading it many times. Here the same decisions are made from the measures
one walk over the page's own tree took (:mod:`dechaff.html.walk`); the tree is left
unchanged, and what an element dropped by the clean-up held is taken off its
ancestors' counts, so that later decisions see the article as readability-lxml
sees it at that point. This costs a fraction of the time. One thing differs on
purpose: text is measured on the page's visible text (the elements
:mod:`dechaff.html.walk` skips are not counted).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .patterns import REGEXES
from .walk import Survey, folded

# The class/id patterns are readability-lxml's own.
_POSITIVE = folded("positiveRe")
_NEGATIVE = folded("negativeRe")
_EDITORIAL_LEAD = folded("editorialLeadRe")
_CALL_TO_ACTION = REGEXES["callToActionRe"]

MIN_PARAGRAPH = 25
"""Characters a paragraph needs to count."""
RETRY_LENGTH = 250
"""An article shorter than this (in characters of markup and text) is chosen again
without setting unlikely elements aside."""

_TAG_WEIGHTS = {
    **dict.fromkeys(("div", "article"), 5),
    **dict.fromkeys(("pre", "td", "blockquote"), 3),
    **dict.fromkeys(("address", "ol", "ul", "dl", "dd", "dt", "li", "form", "aside"), -3),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "th", "header", "footer", "nav"), -5),
}
_SENTENCE_END = re.compile(r"\.( |$)")


@dataclass(frozen=True)
class MainElement:
    """Per element of the surveyed page (by index): inside the article, and the
    content score of its nearest scored ancestor-or-self."""

    in_main: tuple[bool, ...] | None
    """``None`` when no article was found."""
    scores: tuple[float | None, ...]

    def evidence(self, i: int) -> tuple[bool | None, float | None]:
        """``(in main content, nearest content score)`` for element ``i``."""
        return (None if self.in_main is None else self.in_main[i]), self.scores[i]


def choose(survey: Survey, lenient: Callable[[], Survey]) -> MainElement:
    """Choose the main content element of a page from its ``survey`` (made with
    unlikely elements set aside); ``lenient()`` surveys it again without, for when
    that leaves no article or a very short one."""
    scores = _score(survey)
    article = _article(survey, scores)
    if (article is None or _markup_length(survey, article) < RETRY_LENGTH) and any(survey.gone):
        survey = lenient()
        scores = _score(survey)
        article = _article(survey, scores)
    nearest: list[float | None] = []
    for i, parent in enumerate(survey.parents):
        own = scores.get(i)
        if own is not None:
            nearest.append(round(own, 2))
        else:
            nearest.append(nearest[parent] if parent >= 0 else None)
    return MainElement(None if article is None else tuple(article), tuple(nearest))


def _class_weight(tree: Survey, i: int) -> float:
    """readability-lxml's weight for an element's class and id."""
    el = tree.elements[i]
    weight = 0.0
    for feature in (el.get("class"), el.get("id")):
        if feature:
            feature = feature.lower()
            weight += 25 * (
                (_POSITIVE.search(feature) is not None) - (_NEGATIVE.search(feature) is not None)
            )
    return weight


def _weight(tree: Survey, i: int) -> float:
    """readability-lxml's starting score: its tag's weight and its class weight."""
    return _TAG_WEIGHTS.get(tree.tags[i], 0) + _class_weight(tree, i)


def _points(length: int, commas: int) -> float:
    """What a paragraph gives its parent: a point, one per comma-separated part,
    and one per hundred characters up to three."""
    return 1 + (commas + 1) + min(length / 100, 3)


def _score(tree: Survey) -> dict[int, float]:
    """Content scores of the parents and grandparents of paragraphs, in the order
    readability-lxml first meets them."""
    scores: dict[int, float] = {}
    parents, tags, gone, lengths, commas = (
        tree.parents,
        tree.tags,
        tree.gone,
        tree.lengths,
        tree.commas,
    )

    def credit(parent: int, length: int, comma_count: int) -> None:
        if length < MIN_PARAGRAPH or parent < 0:
            return
        grand = parents[parent]
        if parent not in scores:
            scores[parent] = _weight(tree, parent)
        if grand >= 0 and grand not in scores:
            scores[grand] = _weight(tree, grand)
        points = _points(length, comma_count)
        scores[parent] += points
        if grand >= 0:
            scores[grand] += points / 2

    kinds: dict[str, list[int]] = {"pre": [], "td": [], "blockquote": []}
    for i, tag in enumerate(tags):
        if gone[i]:
            continue
        if tag == "p" or (tag == "div" and not tree.blocky[i]):  # readability's <p>s
            credit(parents[i], lengths[i], commas[i])
        elif tag == "div":
            for text in tree.loose.get(i, ()):
                credit(i, text.length, text.commas)
        elif tag in kinds:
            kinds[tag].append(i)
    for found in kinds.values():
        for i in found:
            credit(parents[i], lengths[i], commas[i])
    for i in scores:
        scores[i] *= 1 - tree.link_density(i)
    return scores


def _article(tree: Survey, scores: dict[int, float]) -> list[bool] | None:
    """Per element, whether it is part of the article; ``None`` when there is none."""
    if not scores:
        return None
    ranked = sorted(scores, key=lambda i: -scores[i])
    best = ranked[0]
    marked = [
        i for i in ranked
        if "articleBody" in (tree.elements[i].get("itemprop") or "").split()
        and tree.link_density(i) <= 0.1
    ]  # fmt: skip
    if marked:
        best = marked[0]
    nested = [
        i for i in ranked
        if tree.tags[i] == "article" and tree.contains(best, i)
        and tree.length(i) >= 250 and scores[i] >= scores[best] * 0.25
    ]  # fmt: skip
    if nested:
        best = nested[0]
    best = _semantic_article(tree, scores, best)
    best = _semantic_main(tree, scores, best)
    members = _gather(tree, scores, best)
    dropped = _sanitize(tree, scores, members)
    # A quote (an embedded post) stands in the article even when its markup was set
    # aside or cleaned away.
    tags, parents, gone = tree.tags, tree.parents, tree.gone
    inside = [False] * len(tags)
    covered = [False] * len(tags)
    quoted = [False] * len(tags)  # in a <blockquote> inside a member
    cut = [False] * len(tags)  # in a subtree the clean-up dropped
    for m in sorted(members):
        if covered[m]:
            continue  # inside an earlier member
        for i in range(m, tree.ends[m] + 1):
            below = i != m and i not in members
            parent = parents[i]
            quoted[i] = tags[i] == "blockquote" or (below and quoted[parent])
            cut[i] = i in dropped or (below and cut[parent])
            inside[i] = quoted[i] or (not gone[i] and not cut[i])
            covered[i] = True
    return inside


def _semantic_article(tree: Survey, scores: dict[int, float], best: int) -> int:
    """When the winner sits in an aside, nav or form, a prose-holding ``<article>``
    elsewhere that scores higher by its list items wins instead."""
    if not tree.sheltered(best):
        return best
    found: list[tuple[float, int]] = []
    for i, tag in enumerate(tree.tags):
        if tag != "article" or tree.gone[i] or tree.sheltered(i):
            continue
        density = tree.link_density(i)
        if density > 0.25:
            continue
        score, items = _weight(tree, i), 0
        for j in range(i + 1, tree.ends[i] + 1):
            if tree.tags[j] != "li" or tree.gone[j] or tree.holds(j, "li"):
                continue
            if tree.length(j) < MIN_PARAGRAPH or tree.link_density(j) > 0.25:
                continue
            items += 1
            score += _points(tree.lengths[j], tree.commas[j])
        if items:
            found.append((score * (1 - density), i))
    if not found:
        return best
    score, article = max(found, key=lambda f: f[0])
    if score <= scores[best]:
        return best
    scores[article] = score
    return article


def _semantic_main(tree: Survey, scores: dict[int, float], best: int) -> int:
    """A ``<main>`` around a winner that is no article, when it holds much more text
    and few links, wins instead."""
    lineage = [best, *tree.ancestors(best)]
    if any(tree.tags[i] == "article" for i in lineage):
        return best
    main = next((i for i in lineage[1:] if tree.tags[i] == "main"), None)
    if main is None or tree.length(main) < max(500, tree.length(best) * 2):
        return best
    if tree.link_density(main) > 0.15:
        return best
    scores[main] = _weight(tree, main)
    return main


def _gather(tree: Survey, scores: dict[int, float], best: int) -> set[int]:
    """The winner, the segments and leads merged into it, and the siblings that
    score at least a fifth of it or read as prose."""
    threshold = max(10.0, scores[best] * 0.2)
    _heading_preamble(tree, scores, best, threshold)
    members = {best, *_segments(tree, scores, best, threshold), *_editorial_leads(tree, best)}
    parent = tree.parents[best]
    if parent < 0:
        return members
    for sibling in range(parent + 1, tree.ends[parent] + 1):
        if tree.parents[sibling] != parent or sibling == best or tree.gone[sibling]:
            continue
        if scores.get(sibling, -1.0) >= threshold:
            members.add(sibling)
        elif _is_paragraph(tree, sibling):
            text = tree.elements[sibling].text or ""
            density = tree.link_density(sibling)
            if (len(text) > 80 and density < 0.25) or (
                len(text) <= 80 and density == 0 and _SENTENCE_END.search(text)
            ):
                members.add(sibling)
    return members


def _is_paragraph(tree: Survey, i: int) -> bool:
    """A ``<p>``, or a ``<div>`` readability-lxml turns into one."""
    return tree.tags[i] == "p" or (tree.tags[i] == "div" and not tree.blocky[i])


def _heading_preamble(tree: Survey, scores: dict[int, float], best: int, threshold: float) -> None:
    """A sub-heading just before the winner joins it."""
    previous = tree.previous(best)
    if previous < 0 or previous in scores or tree.gone[previous]:
        return
    if tree.tags[previous] != "h2" and not tree.holds(previous, "h2"):
        return
    if tree.length(previous) < MIN_PARAGRAPH or tree.link_density(previous) > 0.2:
        return
    scores[previous] = threshold


def _frame(tree: Survey, best: int) -> int | None:
    return next((i for i in tree.ancestors(best) if tree.tags[i] in ("article", "main")), None)


def _segments(tree: Survey, scores: dict[int, float], best: int, threshold: float) -> list[int]:
    """Other parts of the same article split across the page: elements of the
    winner's tag and content class (readability-lxml's segment merging)."""
    best_classes = tree.classes(best)
    content_classes = {name for name in best_classes if _POSITIVE.search(name.lower())}
    frame = _frame(tree, best)
    neutral = bool(
        not content_classes and tree.tags[best] != "article" and best_classes
        and frame is not None and tree.tags[frame] == "article"
    )  # fmt: skip
    if not content_classes and tree.tags[best] != "article" and not neutral:
        return []
    needed = max(10.0, scores[best] * 0.05) if neutral else threshold
    best_parent = tree.parents[best]
    parent_classes = tree.classes(best_parent) if best_parent >= 0 else set()

    def matches(i: int) -> bool:
        if i == best or i not in scores:
            return False
        classless_article = not content_classes and tree.tags[i] == "article"
        if scores[i] < needed and not classless_article:
            return False
        if tree.parents[i] == best_parent or tree.tags[i] != tree.tags[best]:
            return False
        classes = tree.classes(i)
        if content_classes and not content_classes & classes:
            return False
        if neutral and classes != best_classes:
            return False
        if classless_article and not parent_classes & tree.classes(tree.parents[i]):
            return False
        if tree.link_density(i) > 0.2:
            return False
        return not tree.contains(i, best) and not tree.contains(best, i)

    if frame is None:
        frame = next(
            (
                a for a in tree.ancestors(best)
                if _POSITIVE.search(tree.mark(a))
                and any(matches(c) and tree.contains(a, c) for c in scores)
            ),
            None,
        )  # fmt: skip
    if frame is None:
        return []
    selected: list[int] = []
    for i in range(frame, tree.ends[frame] + 1):
        if i == best or not matches(i) or any(tree.contains(s, i) for s in selected):
            continue
        selected.append(i)
        lead = _quote_lead(tree, i)
        if lead is not None:
            selected.append(lead)
    return selected


def _quote_lead(tree: Survey, i: int) -> int | None:
    """The sentence ending in a colon that introduces a quoted segment."""
    if not tree.holds(i, "blockquote"):
        return None
    for container in (i, tree.parents[i]):
        lead = tree.previous(container) if container >= 0 else -1
        if lead < 0 or tree.gone[lead] or tree.sheltered(lead):
            continue
        if tree.length(lead) >= MIN_PARAGRAPH and tree.text_of(lead).endswith(":"):
            return lead
    return None


def _editorial_leads(tree: Survey, best: int) -> list[int]:
    """Standfirsts and subtitles before the winner in its ``<article>`` or ``<main>``."""
    frame = _frame(tree, best)
    if frame is None:
        return []
    ancestors = set(tree.ancestors(best))
    leads: list[int] = []
    for i in range(frame, best):
        if i in ancestors or tree.gone[i] or not _EDITORIAL_LEAD.search(tree.mark(i)):
            continue
        if tree.link_density(i) > 0.2 or any(tree.contains(lead, i) for lead in leads):
            continue
        leads.append(i)
    return leads


def _markup_length(tree: Survey, inside: list[bool]) -> int:
    """About how long readability-lxml's serialised article would be: its text,
    and some twenty characters of markup per element."""
    parents, lengths = tree.parents, tree.lengths
    return sum(
        20 + (lengths[i] if parents[i] < 0 or not inside[parents[i]] else 0)
        for i, kept in enumerate(inside)
        if kept
    )


_CLEANED_TAGS = ("table", "ul", "div", "aside", "header", "footer", "section")


def _sanitize(tree: Survey, scores: dict[int, float], members: set[int]) -> set[int]:
    """The elements readability-lxml's clean-up drops from the article: link-heavy
    or negatively named headings, calls to action, forms, and tables, lists and
    sections that look like navigation, galleries or widgets rather than prose.

    The tree is not changed; what a dropped element held is taken off the counts
    of its ancestors, so that later decisions see the article as readability-lxml
    sees it at that point.
    """
    cleanup = _Cleanup(tree, members)
    cleanup.drop_headings_and_forms()
    cleanup.drop_widgets(scores)
    return cleanup.dropped


class _Cleanup:
    """The article as readability-lxml's clean-up sees it while it drops elements:
    which elements are in it and alive, their tags, and their counts."""

    def __init__(self, tree: Survey, members: set[int]) -> None:
        self.tree = tree
        tags, gone = tree.tags, tree.gone
        inside = [False] * len(tags)
        for i in sorted(members):
            if not gone[i]:
                for j in range(i, tree.ends[i] + 1):
                    inside[j] = not gone[j]
        self.inside = inside
        self.length = list(tree.lengths)
        self.links = list(tree.links)
        self.commas = list(tree.commas)
        self.article = [i for i, kept in enumerate(inside) if kept]
        # The article's tags as readability-lxml sees them (its <p>s as "p", dropped
        # elements blank), and the paragraphs, embeds and inputs it wraps or skips,
        # per element; counts of descendants are counts over a slice.
        self.shown = [""] * len(tags)
        self.extra = {kind: [0] * len(tags) for kind in ("p", "embed", "input")}
        for i in self.article:
            self.shown[i] = "p" if _is_paragraph(tree, i) else tags[i]
            self.extra["p"][i] = len(tree.loose.get(i, ()))
            self.extra["embed"][i] = tree.embeds.get(i, 0)
            self.extra["input"][i] = tree.inputs.get(i, 0)
        self.dropped: set[int] = set()
        self.dead = [False] * len(tags)  # in a dropped subtree

    def count(self, kind: str, i: int) -> int:
        """How many ``kind`` elements (or wrapped paragraphs, embeds, inputs) ``i`` holds."""
        end = self.tree.ends[i] + 1
        found = self.shown[i + 1 : end].count(kind)
        return found + sum(self.extra[kind][i:end]) if kind in self.extra else found

    def live(self, i: int) -> bool:
        return self.inside[i] and not self.dead[i]

    def density(self, i: int) -> float:
        return self.links[i] / max(self.length[i], 1)

    def drop(self, i: int) -> None:
        """Drop ``i`` and all it holds, and take its counts off its ancestors'."""
        self.dropped.add(i)
        end = self.tree.ends[i] + 1
        self.dead[i:end] = [True] * (end - i)
        self.shown[i:end] = [""] * (end - i)
        for found in self.extra.values():
            found[i:end] = [0] * (end - i)
        for a in self.tree.ancestors(i):
            if not self.inside[a]:
                break
            self.length[a] -= self.length[i]
            self.links[a] -= self.links[i]
            self.commas[a] -= self.commas[i]

    def drop_headings_and_forms(self) -> None:
        """Headings named negatively or mostly links, forms, and calls to action."""
        tree = self.tree
        for i in self.article:
            tag = tree.tags[i]
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                if (_class_weight(tree, i) < 0 or self.density(i) > 0.33) and self.live(i):
                    self.drop(i)
            elif (tag == "form" and self.live(i)) or (
                _is_paragraph(tree, i)
                and self.density(i) > 0.2
                and self.live(i)
                and _CALL_TO_ACTION.search(tree.text_of(i))
            ):
                self.drop(i)

    def drop_widgets(self, scores: dict[int, float]) -> None:
        """Tables, lists, sections and block ``<div>``\\ s, innermost first, one tag
        after another in readability-lxml's order, that read as widgets; an empty one
        beside long text keeps what it holds."""
        tree, tags = self.tree, self.tree.tags
        preserved: set[int] = set()  # kept with a neighbour of over 1,000 characters
        for kind in _CLEANED_TAGS:
            for i in reversed(self.article):
                if tags[i] != kind or (kind == "div" and not tree.blocky[i]) or not self.live(i):
                    continue
                if i in preserved or _is_toc_list(tree, i) or _is_quote_lead(tree, i):
                    continue
                weight = _class_weight(tree, i)
                if weight + scores.get(i, 0.0) < 0:
                    self.drop(i)
                elif self.commas[i] >= 10:
                    continue
                elif self._widget(i, kind, weight):
                    self.drop(i)
                elif not self.length[i]:
                    if _neighbours_length(tree, i, self.length, self.live) > 1000:
                        preserved.update(
                            j for j in range(i + 1, tree.ends[i] + 1)
                            if tags[j] in ("table", "ul", "div", "section")
                        )  # fmt: skip
                    else:
                        self.drop(i)

    def _widget(self, i: int, kind: str, weight: float) -> bool:
        """readability-lxml's tests of a container that is no prose: more images than
        paragraphs, more list items than paragraphs outside a list (its count of
        ``li`` is off by 100, a quirk kept here), many inputs, little text, many
        links, or embedded media."""
        count = self.count
        p, img, li = count("p", i), count("img", i), count("li", i) - 100
        content, ld = self.length[i], self.density(i)
        embeds = count("embed", i)
        link_limit = 0.2
        if kind in ("ul", "section") and any(
            self.tree.tags[a] in ("main", "article") for a in self.tree.ancestors(i)
        ):
            link_limit = 0.25
        return bool(
            (p and img > 1 + p * 1.3)
            or (li > p and kind not in ("ol", "ul"))
            or count("input", i) > p / 3
            or (content < MIN_PARAGRAPH and (img == 0 or img > 2))
            or (weight < 25 and ld > link_limit)
            or (weight >= 25 and ld > 0.5)
            or (embeds == 1 and content < 75)
            or embeds > 1
        )


def _neighbours_length(tree: Survey, i: int, length: list[int], live: Callable[[int], bool]) -> int:
    """Text of the nearest non-empty sibling on each side."""
    total = 0
    for step in (tree.following, tree.previous):
        j = step(i)
        while j >= 0 and not (live(j) and length[j]):
            j = step(j)
        if j >= 0:
            total += length[j]
    return total


def _is_toc_list(tree: Survey, i: int) -> bool:
    """A ``<ul>`` under a "Table of contents" heading."""
    if tree.tags[i] != "ul":
        return False
    for node in (i, *tree.ancestors(i)):
        if tree.tags[node] != "ul":
            continue
        previous = tree.previous(node)
        if (
            previous >= 0
            and tree.tags[previous] in ("h2", "h3", "h4")
            and tree.length(previous) == len("table of contents")
            and tree.text_of(previous).lower() == "table of contents"
        ):
            return True
    return False


def _is_quote_lead(tree: Survey, i: int) -> bool:
    """A ``<div>`` or ``<section>`` ending in a colon, before a quote."""
    if tree.tags[i] not in ("div", "section") or (tree.tags[i] == "div" and not tree.blocky[i]):
        return False
    if "blockquote" not in tree.kinds:
        return False
    for lead in (i, *tree.ancestors(i)):
        following = tree.following(lead)
        if following < 0 or not tree.holds(following, "blockquote"):
            continue
        if tree.length(lead) >= MIN_PARAGRAPH and tree.text_of(lead).endswith(":"):
            return True
    return False
