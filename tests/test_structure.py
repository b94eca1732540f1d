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
    imported = [
        node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    imported += [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    # the package itself (its ``default_filters``, the built-in composition) is fine
    filters = [m for m in imported if m.startswith("filters.") and m != "filters.base"]
    assert not filters, f"{module} imports {filters}"


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
