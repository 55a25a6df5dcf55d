"""The store interface both backends (embedded FalkorDB, Neo4j) meet."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from graph.model import PartnershipGraph


@dataclass
class WriteReport:
    nodes_created: int = 0
    nodes_merged: int = 0
    relationships_created: int = 0
    relationships_merged: int = 0
    documents_replaced: list[str] = field(default_factory=list)

    def add(self, other: WriteReport) -> WriteReport:
        self.nodes_created += other.nodes_created
        self.nodes_merged += other.nodes_merged
        self.relationships_created += other.relationships_created
        self.relationships_merged += other.relationships_merged
        self.documents_replaced += other.documents_replaced
        return self


class Store(Protocol):
    """A graph database holding the partnership graph.

    Implementations are context managers: entering starts or connects, leaving stops or closes.
    """

    kind: str          # "embedded" or "neo4j"
    location: str      # folder or URI, for `pgraph status`

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: Any) -> None: ...

    def write(self, graph: PartnershipGraph, documents: Iterable[str] = ()) -> WriteReport:
        """Write one document's graph in one transaction.

        Facts previously stated only by `documents` are removed first, so a changed document
        replaces its own facts and nothing else.
        """

    def read_graph(self) -> PartnershipGraph:
        """The whole stored graph, back in the model."""

    def run(self, cypher: str, params: dict[str, Any] | None = None, read_only: bool = False) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows as dicts keyed by column name."""

    def document_hashes(self) -> dict[str, str]:
        """File name -> sha256 of every stored Document."""

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type."""
