"""Helpers shared by the built-in filters (and the filter protocol, from
:mod:`dechaff.page`, where the pipeline takes it from)."""

from __future__ import annotations

from ..blocks import Block
from ..errors import ConfigError
from ..page import Filter, Page
from ..report import AnyReason, CopyOf, Removal


def remove_block(
    filter_name: str,
    block: Block,
    reason: AnyReason,
    detail: str = "",
    *,
    score: float | None = None,
    related: int | None = None,
    copy_of: CopyOf | None = None,
) -> Removal:
    """A removal of a whole block; ``copy_of``: what the block is a copy of, for the
    repair stage."""
    # Positional, in field order (filter, reason, text, start, end, block, detail, score,
    # related, xpath, copy_of): the hottest constructor of a cleaning run, and faster so.
    xpath = block.dom.xpath if block.dom else None
    return Removal(
        filter_name, reason, block.text, block.start, block.end, block.index,
        detail, score, related, xpath, copy_of,
    )  # fmt: skip


def remove_span(
    filter_name: str, page: Page, block: Block, start: int, end: int, reason: AnyReason, detail: str
) -> Removal:
    """A removal of ``raw[start:end]``, a part of ``block``."""
    return Removal(
        filter=filter_name,
        reason=reason,
        text=page.raw[start:end],
        start=start,
        end=end,
        block=block.index,
        detail=detail,
        xpath=block.dom.xpath if block.dom else None,
    )


__all__ = ["INF", "Filter", "check_settings", "remove_block", "remove_span"]

INF = float("inf")


def check_settings(owner: object, **ranges: tuple[float, float]) -> None:
    """Raise :class:`ConfigError`, naming the setting, when one of ``owner``'s settings
    lies outside its ``(low, high)`` range or is no number; ``None`` passes (the
    settings that take it switch something off with it).

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class F:
    ...     near: float = 90.0
    >>> check_settings(F(near=120.0), near=(0, 100))
    Traceback (most recent call last):
    ...
    dechaff.errors.ConfigError: F: near must be a number from 0 to 100, not 120.0
    """
    for setting, (low, high) in ranges.items():
        value = getattr(owner, setting)
        if value is None:
            continue
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not low <= value <= high:
            span = f"from {low:g}" + (f" to {high:g}" if high != INF else " up")
            raise ConfigError(
                f"{type(owner).__name__}: {setting} must be a number {span}, not {value!r}"
            )
