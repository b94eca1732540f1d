"""The package's shape: short functions, a pipeline that knows no filter, and no
readability-lxml at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dechaff"
MAX_FUNCTION_LINES = 80


def _functions() -> list[tuple[str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                found.append((f"{path.relative_to(PACKAGE)}:{node.name}", length))
    return found


def test_no_function_is_long() -> None:
    functions = _functions()
    assert len(functions) > 100  # the walk found the package
    long = [f"{name} ({n} lines)" for name, n in functions if n > MAX_FUNCTION_LINES]
    assert not long, long


@pytest.mark.parametrize("module", ["pipeline.py", "page.py", "report.py", "result.py"])
def test_core_modules_import_no_filter(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text("utf-8"))
    # at module level: ``Cleaner.default`` loads the built-in filters when called
    imported = [
        node.module or ""
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    imported += [
        alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names
    ]
    assert imported  # the walk found the module's imports
    filters = [m for m in imported if m == "filters" or m.startswith("filters.")]
    assert not filters, f"{module} imports {filters}"


def test_the_pipeline_runs_without_any_filter_module() -> None:
    """Importing the package and the pipeline, and cleaning with filters of one's
    own, loads no module of ``dechaff.filters``: the pipeline knows no filter."""
    code = (
        "import sys\n"
        "import dechaff.pipeline\n"
        "from dechaff import Cleaner, Reason, Removal\n"
        "def drop_ads(page):\n"
        "    for b in page.kept:\n"
        "        if b.text == 'Advertisement':\n"
        "            yield Removal('ads', Reason.AD_MARKER, b.text, b.start, b.end, b.index)\n"
        "drop_ads.name = 'ads'\n"
        "r = Cleaner([drop_ads])('Advertisement\\nThe river rose.')\n"
        "print(r.text)\n"
        "print(sorted(m for m in sys.modules if m.startswith('dechaff.filters')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["The river rose.", "[]"]


def test_cleaning_loads_no_readability() -> None:
    page = "<html><body><p>The river rose two metres overnight.</p></body></html>"
    code = (
        "import sys, dechaff\n"
        "dechaff.clean('Skip to content\\nThe river rose two metres overnight, they said.')\n"
        f"dechaff.clean_html({page!r})\n"
        "unwanted = {'readability', 'lxml_html_clean', 'chardet'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in unwanted))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
