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
    from graph.model import PartnershipGraph
    from graph.pipeline import discover, extract_documents, read_documents

    files, _ = discover([SAMPLES])
    docs = read_documents(files, lambda f, m: pytest.fail(f"{f}: {m}"))
    merged = PartnershipGraph()
    for g in extract_documents(docs):
        merged.merge(g)
    return merged
