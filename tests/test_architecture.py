"""The shape of the package: no import circles, and MkDocs stays in its adapter.

The import graph is read from the source with :mod:`ast`: every ``import`` and ``from … import``
anywhere in a module (at module level, inside functions, under ``if TYPE_CHECKING:``), because an
import hidden in a function or behind ``TYPE_CHECKING`` is still a circle in the design. The
graph is checked with :class:`graphlib.TopologicalSorter`. Each module is also imported alone in
a fresh interpreter, so a circle that only bites in one import order shows up.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
ARCHITECTURE = PLUGINS.parent / "docs" / "architecture.md"
PACKAGE = "credcat"
ADAPTER = f"{PACKAGE}.mkdocs_plugin"


def module_name(path: Path) -> str:
    """``plugins/credcat/render/pages.py`` → ``credcat.render.pages``; packages by folder."""
    parts = list(path.relative_to(PLUGINS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(path): path for path in sorted((PLUGINS / PACKAGE).rglob("*.py"))}


def imports_of(module: str, source: str, is_package: bool) -> Iterator[tuple[str, list[str]]]:
    """Each import of a module's source, wherever it is: the absolute module and the names taken.

    ``import a.b`` gives ``("a.b", [])``; ``from ..model import Credential`` inside
    ``credcat.render.elm`` gives ``("credcat.model", ["Credential"])``.
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0]
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            yield target, [alias.name for alias in node.names]


def internal_imports(module: str, source: str, is_package: bool, known: set[str]) -> set[str]:
    """The modules of the package that ``module`` imports.

    ``from . import vocab`` imports the module ``credcat.vocab`` when there is one, and
    otherwise a name the package's ``__init__`` defines (an import of ``credcat`` itself).
    """
    found: set[str] = set()
    for target, names in imports_of(module, source, is_package):
        for name in names or [""]:
            if name and f"{target}.{name}" in known:
                found.add(f"{target}.{name}")
            elif target in known:
                found.add(target)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports."""
    modules = package_modules()
    known = set(modules)
    return {
        name: internal_imports(
            name, path.read_text(encoding="utf-8"), path.name == "__init__.py", known
        )
        for name, path in modules.items()
    }


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    """Whether an import chain leads from ``start`` to ``goal``."""
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for other in graph.get(node, set()) - seen:
            seen.add(other)
            todo.append(other)
    return False


def cycle_edges(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Every import that lies on a circle: ``a`` imports ``b`` and ``b`` leads back to ``a``."""
    return {(a, b) for a, targets in graph.items() for b in targets if reaches(graph, b, a)}


# --- the reader of imports ----------------------------------------------------------------


def test_reader_sees_imports_in_functions_and_under_type_checking() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .. import vocab\n"
        "from . import JsonDict\n"
        "from .safe import xml_text\n"
        "import credcat.urls\n"
        "if TYPE_CHECKING:\n"
        "    from .pages import Pages\n"
        "def f():\n"
        "    from .index import catalogue_index\n"
        "    from ..catalogue import Catalogue\n"
    )
    known = {
        "credcat",
        "credcat.vocab",
        "credcat.urls",
        "credcat.catalogue",
        "credcat.render",
        "credcat.render.safe",
        "credcat.render.pages",
        "credcat.render.index",
        "credcat.render.pathways",
    }
    found = internal_imports("credcat.render.pathways", source, False, known)
    assert found == {
        "credcat.vocab",
        "credcat.render",  # JsonDict is a name of the package, not a submodule
        "credcat.render.safe",
        "credcat.urls",
        "credcat.render.pages",
        "credcat.render.index",
        "credcat.catalogue",
    }


def test_reader_resolves_imports_inside_a_package_init() -> None:
    source = "from ..model import duration_iso\nfrom .safe import printable\n"
    known = {"credcat", "credcat.model", "credcat.render", "credcat.render.safe"}
    found = internal_imports("credcat.render", source, True, known)
    assert found == {"credcat.model", "credcat.render.safe"}


def test_cycle_edges_finds_every_import_on_a_circle_and_no_other() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert cycle_edges(graph) == {("a", "b"), ("b", "c"), ("c", "a")}
    with pytest.raises(CycleError):
        TopologicalSorter(graph).prepare()


# --- the package --------------------------------------------------------------------------


def test_the_graph_covers_the_core_modules() -> None:
    graph = import_graph()
    assert {"credcat.catalogue", "credcat.validate", "credcat.rules", "credcat.graph"} <= set(graph)
    assert "credcat.catalogue" in graph["credcat.rules"]
    assert "credcat.rules" in graph["credcat.validate"]


def test_no_import_circle() -> None:
    graph = import_graph()
    assert cycle_edges(graph) == set()
    order = list(TopologicalSorter(graph).static_order())  # CycleError on any circle
    assert set(order) == set(graph)
    # the core never imports what builds on it
    assert order.index("credcat.catalogue") < order.index("credcat.rules")
    assert order.index("credcat.rules") < order.index("credcat.validate")


def test_catalogue_does_not_import_rules_or_validation() -> None:
    graph = import_graph()
    below = {"credcat.rules", "credcat.validate", "credcat.pydantic_problems"}
    assert not any(reaches(graph, "credcat.catalogue", module) for module in below)


def test_only_the_adapter_imports_mkdocs() -> None:
    offenders = []
    for name, path in package_modules().items():
        source = path.read_text(encoding="utf-8")
        for imported, _ in imports_of(name, source, path.name == "__init__.py"):
            if imported.split(".")[0] in {"mkdocs", "material"} and name != ADAPTER:
                offenders.append(f"{name} imports {imported}")
    assert offenders == []
    adapter = package_modules()[ADAPTER].read_text(encoding="utf-8")
    assert "mkdocs" in {t.split(".")[0] for t, _ in imports_of(ADAPTER, adapter, False)}


@pytest.mark.parametrize("module", sorted(package_modules()))
def test_each_module_imports_alone(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", f"import {module}"],
        cwd=PLUGINS,  # this checkout's package, whatever is installed
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_the_architecture_notes_name_every_module_and_what_it_imports() -> None:
    """docs/architecture.md's table of modules stays true: every module of the package is in
    one row (a module, or a folder for a subpackage), and each row's "imports" column names
    exactly the rows its modules import."""
    rows = re.findall(r"^\| `([^`]+)` \| .* \| ([^|]*) \|$", ARCHITECTURE.read_text("utf-8"), re.M)
    graph = import_graph()

    def modules_of(key: str) -> set[str]:
        if key == "__init__.py":
            return {PACKAGE}
        base = f"{PACKAGE}." + key.rstrip("/").replace("/", ".").removesuffix(".py")
        return {m for m in graph if m == base or (key.endswith("/") and m.startswith(base + "."))}

    units = {key: modules_of(key) for key, _ in rows}
    assert all(units.values()), [key for key, found in units.items() if not found]
    listed = [m for found in units.values() for m in found]
    assert sorted(listed) == sorted(set(listed)), "a module in two rows"
    assert set(graph) - set(listed) <= {f"{PACKAGE}.render"}  # render/__init__: a docstring

    def name(module: str) -> str:
        key = next(k for k, found in units.items() if module in found)
        return (
            PACKAGE
            if key == "__init__.py"
            else key.rstrip("/").removesuffix(".py").replace("/", ".")
        )

    for key, column in rows:
        real = {name(m) for own in units[key] for m in graph[own] if m not in units[key]}
        written = {x.strip() for x in column.split(",")} - {"—", ""}
        assert written == real, (key, sorted(written - real), sorted(real - written))
