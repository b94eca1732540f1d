"""clean_many: order, failures, transforms in the worker, processes."""

from __future__ import annotations

import pickle

import pytest
from helpers import fixtures

from dechaff import CleanFailure, CleanResult, clean, clean_many


def text_of(result: CleanResult) -> str:
    return result.text


def test_results_in_input_order_equal_clean() -> None:
    pages = [f.raw for f in fixtures()]
    assert list(clean_many(pages)) == [clean(p) for p in pages]


def test_failures_are_returned_or_raised() -> None:
    pages: list[object] = ["The vote passed on Monday, officials said.", None, b"Bytes too."]
    results = list(clean_many(pages, on_error="return"))  # type: ignore[arg-type]
    assert isinstance(results[1], CleanFailure) and results[1].index == 1
    assert "TypeError" in results[1].error
    with pytest.raises(TypeError):
        list(clean_many(pages))  # type: ignore[arg-type]


def test_transform_runs_in_the_workers() -> None:
    pages = [f.raw for f in fixtures()][:6]
    texts = list(clean_many(pages, workers=2, chunksize=1, transform=text_of))
    assert texts == [clean(p).text for p in pages]


def test_results_pickle() -> None:
    result = clean(fixtures()[0].raw)
    assert pickle.loads(pickle.dumps(result)) == result


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(clean_many([], workers=0))
    with pytest.raises(ValueError, match="on_error"):
        list(clean_many([], on_error="ignore"))
