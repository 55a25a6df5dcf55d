"""Shared fixtures: the bundled sample minutes, read and resolved once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "minutes"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_graph():
    """The five sample minutes, extracted and resolved into one PartnershipGraph (no store)."""
    from app.pipeline import discover, extract_documents, read_documents
    from graph.model import PartnershipGraph

    files, _ = discover([SAMPLES])
    docs = read_documents(files, lambda f, m: pytest.fail(f"{f}: {m}"))
    merged = PartnershipGraph()
    for g in extract_documents(docs):
        merged.merge(g)
    return merged


# -- stores and golden files (tests/test_store.py, tests/test_recipes.py)

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/ from the current output instead of comparing (review the diff).")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def _store_kinds() -> list:
    import os

    return ["embedded", pytest.param("neo4j", marks=[
        pytest.mark.neo4j,
        pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                           reason="NEO4J_URI is not set: no Neo4j server to test against")])]


@pytest.fixture(params=_store_kinds())
def open_test_store(request: pytest.FixtureRequest, tmp_path: Path):
    """A factory for an empty store of each kind: the embedded server started in a tmp folder,
    or the Neo4j at NEO4J_URI, emptied first (use a throwaway database)."""
    from graph.store import open_store

    def factory(folder: Path | None = None):
        if request.param == "neo4j":
            import os

            return open_store(None, os.environ["NEO4J_URI"])
        return open_store(folder or tmp_path / "store")

    if request.param == "neo4j":
        with factory() as store:
            store.run("MATCH (n) DETACH DELETE n")
    factory.kind = request.param
    return factory


@pytest.fixture
def store(open_test_store):
    with open_test_store() as s:
        yield s


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium for the page tests, one per test module."""
    from helpers import CHROMIUM, CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, sample_graph) -> list[str]:
    """The samples written to a store of this module's own: the `--store` arguments that reach it."""
    from graph.store import open_store

    folder = tmp_path_factory.mktemp("loaded") / "store"
    with open_store(folder) as store:
        store.write(sample_graph)
    return ["--store", str(folder)]
