"""Media transcripts: machine captions of a video, pasted above or into the article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..page import Page
from ..report import Decision, Reason
from .base import INF, check_settings, remove_block

# Automatic captions mask words they could not hear (or would not print) as "***".
_MASKED_WORD = re.compile(r"(?<!\S)\*{2,}(?!\S)")
_LABEL = re.compile(
    r"^(transcript|video transcript|transkript|transcripción|transcription|transcrição"
    r"|trascrizione|расшифровка|스크립트|文字起こし)\b\s*[:：-]",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Transcripts:
    """Remove transcript blocks (``transcript``).

    A block is a transcript when it is labelled so ("Transcript: ...") or when it
    runs to at least ``min_words`` words and holds ``min_masked`` or more masked
    words (``***``), the mark automatic captions leave.

    >>> from dechaff import Cleaner
    >>> long = "so today we look at *** new plant " * 8
    >>> [x.reason.value for x in Cleaner([Transcripts()])(long + "\\nReal text.").removals]
    ['transcript']
    """

    name: str = "transcript"
    min_words: int = 30
    min_masked: int = 1

    def __post_init__(self) -> None:
        check_settings(
            self,
            min_words=(0, INF),
            min_masked=(0, INF),
        )

    def __call__(self, page: Page) -> Iterator[Decision]:
        for block in page.kept:
            if _LABEL.match(block.text):
                yield remove_block(self.name, block, Reason.TRANSCRIPT, "labelled as a transcript")
                continue
            if block.words < self.min_words or "**" not in block.text:
                continue
            masked = len(_MASKED_WORD.findall(block.text))
            if masked >= self.min_masked:
                yield remove_block(
                    self.name, block, Reason.TRANSCRIPT,
                    f"{masked} masked word(s) '***', as automatic captions write them",
                    score=float(masked),
                )  # fmt: skip
