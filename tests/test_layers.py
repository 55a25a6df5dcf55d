"""Layers point down: app/ over loaders/, queries/ and viz/, over graph/.

graph/ holds the model, ids, stores and exports and imports none of the packages above it;
loaders/ reads minutes into the model and imports neither the recipes, the pictures nor the
application; nothing but app/ imports app/. Every import counts, including one inside a function
and `importlib.import_module("...")` with a literal name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> the top-level packages it must never import
FORBIDDEN = {
    "graph": {"loaders", "queries", "viz", "app"},
    "loaders": {"queries", "viz", "app"},
    "queries": {"app"},
    "viz": {"app"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`, relative ones resolved."""
    found: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]      # `.` is this package, `..` its parent
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))       # `from pkg import sub`: the package decides the layer
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def violations_in(source: str, module: str, is_package: bool, forbidden: set[str]) -> list[tuple[int, str]]:
    return [(line, target) for line, target in imported(source, module, is_package)
            if target.split(".")[0] in forbidden]


def violations(package: str) -> list[str]:
    out = []
    for path in sorted((ROOT / package).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, target in violations_in(source, module_name(path), path.name == "__init__.py", FORBIDDEN[package]):
            out.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_down(package):
    assert (ROOT / package / "__init__.py").is_file(), f"{package}/ is not a package any more"
    assert len(list((ROOT / package).rglob("*.py"))) >= 1
    assert violations(package) == []


def test_graph_holds_only_the_model_ids_stores_and_exports():
    assert not (ROOT / "graph" / "cli.py").exists() and not (ROOT / "graph" / "pipeline.py").exists()
    assert (ROOT / "app" / "cli.py").is_file() and (ROOT / "app" / "pipeline.py").is_file()


@pytest.mark.parametrize("source", [
    "import loaders.extract",
    "import os, viz",
    "from loaders.resolve import Curation",
    "def f():\n    from viz import render\n",
    "class C:\n    def m(self):\n        import app.pipeline\n",
    "import importlib\nimportlib.import_module('queries')",
    "__import__('app.cli')",
])
def test_the_checker_sees_every_kind_of_import(source):
    # As if written in graph/store/x.py.
    assert violations_in(source, "graph.store.x", False, FORBIDDEN["graph"])


@pytest.mark.parametrize("source", [
    "from graph.model import PartnershipGraph",
    "from . import statements",             # graph.store.statements
    "from ..model import Label",            # graph.model
    "import graph.store.base as base",
    "from graph import ids",
])
def test_the_checker_passes_imports_that_stay_down(source):
    assert violations_in(source, "graph.store.x", False, FORBIDDEN["graph"]) == []


def test_relative_imports_resolve_inside_their_package():
    assert imported("from ..model import Label", "graph.store.x", False) == [(1, "graph.model")]
    assert imported("from . import base", "graph.store", True) == [(1, "graph.store")]
    assert imported("from .errors import NotFound", "graph.ids", False) == [(1, "graph.errors")]
