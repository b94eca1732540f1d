"""What a corpus run did, for the summary line at its end: counted as it goes, kept
in each checkpoint of its output, and so whole across an interrupt and a resume."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless one (``counted(2, "page")``: ``"2 pages"``)."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


@dataclass
class Tally:
    """Pages cleaned and failed, characters in and out, characters removed by reason."""

    pages: int = 0
    failures: int = 0
    chars_in: int = 0
    chars_out: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    uncounted: int = 0
    """Pages an earlier, interrupted run wrote whose characters are not known (their
    lines carry no report, and no checkpoint counted them)."""
    skipped: int = 0
    """Paths named like pages that are no file (each told as it was skipped)."""
    stopped: str | None = None
    """Where the run stopped on an error, and how to go on (``None``: it ran to the end)."""

    def add(self, source_length: int, chars_out: int, removed: dict[str, int]) -> None:
        """Count one cleaned page."""
        self.pages += 1
        self.chars_in += source_length
        self.chars_out += chars_out
        self.removed.update(removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages, "failures": self.failures, "chars_in": self.chars_in,
            "chars_out": self.chars_out, "removed": dict(self.removed),
            "uncounted": self.uncounted, "skipped": self.skipped,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tally:
        return cls(
            int(data.get("pages", 0)), int(data.get("failures", 0)),
            int(data.get("chars_in", 0)), int(data.get("chars_out", 0)),
            Counter(data.get("removed", {})), int(data.get("uncounted", 0)),
            int(data.get("skipped", 0)),
        )  # fmt: skip

    def count_lines(self, lines: bytes, text_key: str) -> None:
        """Count output lines an earlier run wrote, from what each holds: an error
        record is a failure; a page's characters come from its report (``dechaff``),
        else it is counted among :attr:`uncounted`."""
        for line in lines.splitlines():
            record = json.loads(line)
            if "dechaff_error" in record:
                self.failures += 1
                continue
            report = record.get("dechaff")
            if not isinstance(report, dict) or "source_length" not in report:
                self.pages += 1
                self.uncounted += 1
                continue
            removed: Counter[str] = Counter()
            for key, entry in report.get("summary", {}).items():
                removed[key.partition("/")[2]] += entry.get("chars", 0)
            self.add(report["source_length"], len(record.get(text_key) or ""), removed)

    def render(self) -> str:
        """The summary line (and, for a run stopped on an error, where and how to go on)."""
        parts = [
            f"dechaff: {counted(self.pages, 'page')} cleaned, "
            f"{self.failures:,} failed" + (f", {self.skipped:,} skipped" if self.skipped else ""),
            f"{self.chars_in:,} chars in, {self.chars_out:,} out"
            + (
                f" (not counting {counted(self.uncounted, 'page')} of an earlier run)"
                if self.uncounted
                else ""
            ),
        ]
        top = ", ".join(f"{reason} {chars:,}" for reason, chars in self.removed.most_common(8))
        if top:
            parts.append(f"removed by reason: {top}")
        line = "; ".join(parts)
        return line if self.stopped is None else f"{line}\ndechaff: stopped {self.stopped}"
