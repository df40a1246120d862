"""The layout shows the architecture (issue 15): config wires the apps together, core holds what every app
shares and imports no app, foods is the food data everything builds on and imports no app but core, and no
module reaches into another module's _private names. Read from the source with ast: nothing is imported."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "core", "foods", "mealplanner", "clinic", "diary", "recipes")
# Apps that still lean on each other both ways: mealplanner holds the people, plans and entries, and each of
# these shows or stores them while mealplanner shows theirs. No pair may join this list.
KNOWN_MUTUAL = {("clinic", "mealplanner"), ("diary", "mealplanner"), ("mealplanner", "recipes")}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(module: str) -> Iterator[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for every import, those inside functions too."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    yield from _imports_in(path.read_text(), package)


def _imports_in(source: str, package: list[str]) -> Iterator[tuple[str, str | None, int]]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                kept = package[: len(package) - node.level + 1]
                base = ".".join([*kept, base] if base else kept)
            for alias in node.names:
                yield base, alias.name, node.lineno


def _app(module: str) -> str:
    return module.split(".")[0]


def _app_imports() -> dict[str, dict[str, list[str]]]:
    """For each app, the other apps it imports, each with where (module:line)."""
    graph: dict[str, dict[str, list[str]]] = {package: {} for package in PACKAGES}
    for module in MODULES:
        for imported, _name, line in _imports(module):
            other = _app(imported)
            if other in PACKAGES and other != _app(module):
                graph[_app(module)].setdefault(other, []).append(f"{module}:{line}")
    return graph


def test_the_import_reader_sees_imports_inside_functions_and_relative_ones():
    source = "import foods.models\n\ndef f():\n    from mealplanner.models import Plan\n    from .rows import _x\n"
    assert list(_imports_in(source, ["recipes"])) == [
        ("foods.models", None, 1),
        ("mealplanner.models", "Plan", 4),
        ("recipes.rows", "_x", 5),
    ]
    assert "mealplanner" in _app_imports()["config"]


def test_core_imports_no_app():
    graph = _app_imports()
    assert graph["core"] == {}, graph["core"]


def test_foods_imports_no_app_but_core():
    graph = _app_imports()
    assert set(graph["foods"]) <= {"core"}, graph["foods"]


def test_no_app_imports_the_project_configuration():
    graph = _app_imports()
    assert {app: where["config"] for app, where in graph.items() if "config" in where} == {}


def test_no_new_pair_of_apps_imports_each_other():
    graph = _app_imports()
    mutual = {(a, b) for a, b in combinations(sorted(PACKAGES), 2) if b in graph[a] and a in graph[b]}
    assert mutual <= KNOWN_MUTUAL, {
        pair: (graph[pair[0]][pair[1]], graph[pair[1]][pair[0]]) for pair in mutual - KNOWN_MUTUAL
    }


def test_no_module_imports_another_modules_private_names():
    private = []
    for module in MODULES:
        for imported, name, line in _imports(module):
            if (
                name
                and name.startswith("_")
                and not name.startswith("__")
                and _app(imported) in PACKAGES
                and imported != module
                and f"{imported}.{name}" not in MODULES
            ):
                private.append(f"{module}:{line} imports {imported}.{name}")
    assert private == []
