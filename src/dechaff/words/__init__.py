"""Word lists as data: each list is a text file of this package, loaded by name.

One entry per line (a word or a phrase, case-folded); lines starting with ``#``
say what the list is. Filters load their lists here rather than spell them out,
so that a list is read, reviewed and extended in one place.

>>> "advertisement" in load("ad-labels")
True
>>> sorted(names())[:3]
['ad-labels', 'bylines', 'date-cues']
"""

from __future__ import annotations

from importlib.resources import files


def names() -> list[str]:
    """The names of the lists this package holds."""
    folder = files(__package__)
    return sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))


def load(name: str) -> frozenset[str]:
    """The entries of the list ``name`` (``"menu"``, ``"ad-labels"``, …), read from
    its file: a module loads each list once, into a constant."""
    if name not in names():
        raise KeyError(f"no word list {name!r}; lists: {', '.join(names())}")
    text = files(__package__).joinpath(f"{name}.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
