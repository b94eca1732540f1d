"""Every Python example in the README and docs/ runs as written.

A page's examples run in order in one namespace, as a reader would type them, in
a fresh folder. Examples that start Spark need PySpark and a Java runtime.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
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


def test_the_architecture_page_names_every_module_and_only_real_ones() -> None:
    import importlib

    package = ROOT / "src" / "dechaff"
    modules = {
        ".".join(("dechaff", *p.relative_to(package).with_suffix("").parts))
        for p in package.rglob("*.py")
        if p.name not in {"__init__.py", "__main__.py"}
    }
    modules |= {  # the subpackages
        ".".join(("dechaff", *p.parent.relative_to(package).parts))
        for p in package.rglob("__init__.py")
        if p.parent != package
    }
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    named = set(re.findall(r"dechaff(?:\.\w+)+", page))
    for name in named:  # a module, or a name inside one
        module, _, attribute = name.rpartition(".") if name not in modules else (name, "", "")
        assert module in modules or name in modules, name
        if attribute:
            assert hasattr(importlib.import_module(module), attribute), name
    filters = {m for m in modules if m.startswith("dechaff.filters.")}
    listed = {f"dechaff.filters.{w}" for w in re.findall(r"\b(\w+)\b", page)}
    missing = {m for m in modules - filters if m not in named} | (filters - listed)
    assert not missing, sorted(missing)


def _settings_tables(page: str) -> Iterator[tuple[str, str, str]]:
    """Each (class name, setting, documented default) of the ``| setting | default |``
    tables of docs/filters.md, under the section of the filter class they describe."""
    owner = ""
    in_table = False
    for line in page.splitlines():
        if heading := re.match(r"## [\w-]+ \(`(\w+)`", line):
            owner, in_table = heading.group(1), False
        elif line.startswith("| setting | default |"):
            in_table = True
        elif in_table and line.startswith("| `"):
            names, defaults = line.split("|")[1:3]
            found = re.findall(r"`([\w.-]+)`", names)
            values = [v.strip().strip("`") for v in defaults.split(",")]
            if len(found) == len(values):
                yield from ((owner, n, v) for n, v in zip(found, values, strict=True))
        elif not line.startswith("|"):
            in_table = False


def test_the_filters_page_gives_every_setting_its_real_default() -> None:
    import dechaff.filters as filters

    page = (ROOT / "docs" / "filters.md").read_text("utf-8")
    rows = list(_settings_tables(page))
    assert len(rows) >= 40  # the tables are read
    wrong = []
    for owner, name, documented in rows:
        default = getattr(getattr(filters, owner)(), name)
        if isinstance(default, bool | str | None):
            same = documented == str(default)
        elif isinstance(default, int | float):
            try:
                same = float(documented.rstrip("%")) == float(default)
            except ValueError:
                same = False
        else:
            continue  # word lists and the like: named, not valued
        if not same:
            wrong.append(f"{owner}.{name}: docs {documented!r}, code {default!r}")
    assert not wrong, wrong
