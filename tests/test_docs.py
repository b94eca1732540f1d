"""Every Python example in the README and docs/ runs as written.

A page's examples run in order in one namespace, as a reader would type them, in
a fresh folder. Examples that start Spark need PySpark and a Java runtime.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_EXAMPLE = re.compile(r"```python\n(.*?)```", re.DOTALL)


def examples(page: Path) -> list[str]:
    return _EXAMPLE.findall(page.read_text("utf-8"))


def _param(page: Path) -> object:
    spark = any("pyspark" in code for code in examples(page))
    return pytest.param(page, id=page.name, marks=[pytest.mark.slow] if spark else [])


@pytest.mark.parametrize("page", [_param(p) for p in PAGES if examples(p)])
def test_examples_run_as_written(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if any("pyspark" in code for code in examples(page)):
        pytest.importorskip("pyspark", reason="pyspark not installed (pip install -e .[spark])")
        if shutil.which("java") is None:
            pytest.skip("no Java runtime for Spark")
    namespace: dict[str, object] = {"__name__": "__example__"}
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        for number, code in enumerate(examples(page), 1):
            source = f"{page.name}, example {number}"
            exec(compile(code, source, "exec", dont_inherit=True), namespace)
    finally:
        os.chdir(here)
    assert capsys.readouterr().out  # the examples print what they show
