"""Choosing a store: Neo4j when a URI is given, else the embedded server in a folder."""
from __future__ import annotations

from pathlib import Path

from graph.errors import StoreUnavailable
from graph.store.base import Store, WriteReport

__all__ = ["Store", "WriteReport", "open_store"]


def open_store(store_dir: Path | None, neo4j_uri: str | None = None) -> Store:
    """A store to use in a `with` block; nothing starts or connects until it is entered."""
    if neo4j_uri:
        from graph.store.neo4j import Neo4jStore

        return Neo4jStore(neo4j_uri)
    if store_dir is None:
        raise StoreUnavailable("no store given: pass --store DIR or --neo4j URI")
    from graph.store.embedded import EmbeddedStore

    return EmbeddedStore(store_dir)
