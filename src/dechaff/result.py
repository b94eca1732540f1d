"""The outcome of cleaning one page: the body and the report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .blocks import Block
from .markdown import Inline, to_markdown
from .metadata import Found, Metadata, page_metadata
from .page_title import choose_title
from .page_type import PageType, Signs, of_page
from .report import Flag, Removal, Repair
from .verdict import PageFlag


@dataclass(frozen=True)
class CleanResult:
    """The clean article body and the report of everything taken out or put in."""

    text: str
    """The clean body: one paragraph per kept block, separated by one blank line."""
    title: str | None
    """The headline, when the page has one. It is not repeated in :attr:`text`."""
    removals: tuple[Removal, ...]
    """One record per removed span, in input order."""
    repairs: tuple[Repair, ...]
    """One record per insertion into a kept block, in input order."""
    flags: tuple[Flag, ...]
    """Suspicious spans that were kept unchanged, in input order."""
    blocks: tuple[Block, ...]
    """Every block of the input."""
    kept: tuple[int, ...]
    """Indices of the blocks that make up :attr:`text`."""
    source_length: int
    """Length of the decoded input, in characters."""
    page_flags: tuple[PageFlag, ...] = ()
    """Flags on the whole page: why its body is empty or almost so
    (:mod:`dechaff.verdict`); none for a body of fifty characters or more."""
    paragraphs: tuple[tuple[int, str], ...] = ()
    """The body's paragraphs, each with the index of the block it comes from:
    :attr:`text` is their texts, a blank line apart."""
    signs: Signs = field(default_factory=Signs, repr=False)
    """What the page's type is told by besides its blocks (see :attr:`page_type`)."""
    markup: Metadata = field(default_factory=Metadata, repr=False)
    """What the page's markup says about it (see :attr:`metadata`)."""
    title_block: int | None = None
    """The block the title was decided in, if a filter decided one."""

    @cached_property
    def page_type(self) -> PageType:
        """What kind of page this is (article, forum, documentation, product,
        collection, listing, service), how sure, and the evidence
        (:mod:`dechaff.page_type`). Worked out on first use: a run that reads only
        the text does not pay for it."""
        return of_page(self.blocks, self.signs)

    @cached_property
    def metadata(self) -> Metadata:
        """Title, author, date published, site name, address, description, language
        and page type, each with its source (:mod:`dechaff.metadata`). Worked out
        on first use."""
        headline = None
        if self.title and self.title_block is not None:
            headline = Found(self.title, f"headline (block {self.title_block})")
        headings = [(b.index, b.text) for b in self.blocks if b.dom and b.dom.heading == 1]
        markup = self.markup
        site = markup.site_name.value if markup.site_name else None
        url = markup.url.value if markup.url else None
        title = choose_title(headings, headline, markup.title, site, url)
        if title is None and self.title:  # the document title's headline part
            title = Found(self.title, "document title")
        return page_metadata(
            markup, self.blocks, self.removals, title, self.title_block or 0, self.text,
            self.page_type,
        )  # fmt: skip

    def markdown(self, *, title: bool = False, links: bool = False, images: bool = False) -> str:
        """The body as Markdown: headings, lists, tables, code blocks, quotes, emphasis
        and inline code where the page's elements (or, in text mode, its bulleted and
        numbered lines) show them (:mod:`dechaff.markdown`); with ``title=True``,
        under the title as a level-one heading; ``links`` and ``images``: the page's
        links as ``[text](address)`` and its images as ``![alt](address)`` (an address
        resolved against the page's own, when its markup gives it). Without
        images it holds the words of :attr:`text` (and the title's) and decides
        nothing of its own."""
        base = self.markup.url.value if self.markup.url else None
        inline = Inline(links=links, images=images, base=base)
        return to_markdown(self.paragraphs, self.blocks, self.title if title else None, inline)

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts and removed characters by ``filter/reason``.

        >>> from dechaff import clean
        >>> clean("Advertisement\\nA sentence that makes the whole body of it.").summary()
        {'ad-markers/ad-marker': {'count': 1, 'chars': 13}}
        """
        counts: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        for r in self.removals:
            key = f"{r.filter}/{r.reason.value}"
            counts[key] += 1
            chars[key] += len(r.text)
        for p in self.repairs:
            counts[f"{p.filter}/{p.reason.value}"] += 1
        for f in self.flags:
            counts[f"{f.filter}/{f.reason.value}"] += 1
        return {key: {"count": counts[key], "chars": chars[key]} for key in sorted(counts)}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of the text, the title and the whole report."""
        return {
            "title": self.title,
            "text": self.text,
            "removals": [r.to_dict() for r in self.removals],
            "repairs": [r.to_dict() for r in self.repairs],
            "flags": [f.to_dict() for f in self.flags],
            "summary": self.summary(),
            "source_length": self.source_length,
            "page_flags": [f.to_dict() for f in self.page_flags],
            "page_type": self.page_type.to_dict(),
            "metadata": self.metadata.to_dict(),
        }

    def report_dict(self) -> dict[str, Any]:
        """:meth:`to_dict` without the text: the report alone, to store beside a body."""
        report = self.to_dict()
        report.pop("text")
        return report

    def report(self) -> str:
        """The report as readable lines: the page's type, then one line per page
        flag, removal, repair and flag."""
        kind = self.page_type
        lines = [f"= page type {kind.kind} ({kind.confidence:.2f}; {', '.join(kind.evidence)})"]
        lines += [f"! page {f.reason.value}: {f.detail}" for f in self.page_flags]
        for r in self.removals:
            lines.append(
                f"- [{r.start}:{r.end}] {r.filter}/{r.reason.value}: {_clip(r.text)!r}"
                + (f" ({r.detail})" if r.detail else "")
            )
        for p in self.repairs:
            lines.append(
                f"+ [{p.at}] {p.filter}/{p.reason.value}: inserted {p.inserted!r} "
                f"from [{p.source_start}:{p.source_end}]" + (f" ({p.detail})" if p.detail else "")
            )
        for f in self.flags:
            lines.append(
                f"? [{f.start}:{f.end}] {f.filter}/{f.reason.value}: {_clip(f.text)!r}"
                + (f" ({f.detail})" if f.detail else "")
            )
        return "\n".join(lines)


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
