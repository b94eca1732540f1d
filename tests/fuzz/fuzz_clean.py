"""Coverage-guided fuzzing of clean() and clean_html() with atheris (not part of CI).

    pip install atheris
    mkdir -p /tmp/corpus && cp tests/fuzz/seeds/* /tmp/corpus/
    python tests/fuzz/fuzz_clean.py /tmp/corpus -max_total_time=1800

Every input is cleaned as text and as HTML; the harness fails on any exception
that is not a documented dechaff error, and on any break of the lossless
invariant. Crashes it finds are kept as regression tests in tests/test_hostile.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from dechaff import Cleaner, DechaffError, problems
    from dechaff.html import parse

CLEANER = Cleaner.default().with_settings(max_chars=200_000)


def check(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, 2)
    raw = provider.ConsumeUnicodeNoSurrogates(len(data))
    try:
        if choice == 0:
            result = CLEANER.clean_text(raw)
            source = raw
        elif choice == 1:
            result = CLEANER.clean_html(raw)
            source = parse(raw).text
        else:
            result = CLEANER(data)
            return
    except DechaffError:
        return
    found = problems(source, result)
    if found:
        raise AssertionError(f"invariant broken: {found} for {raw!r}")


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
