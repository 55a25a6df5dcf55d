"""The store interface both backends (embedded FalkorDB, Neo4j) meet."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol

from graph.model import Label, PartnershipGraph
from graph.store import summaries
from graph.store.statements import (ALL_SIGHTINGS, COUNT_NODES, COUNT_RELS, DOCUMENT_HASHES, EXISTING_IDS,
                                    READ_NODES, READ_RELS, SIGHTED, SIGHTING_UPSERT, STORED_DOCUMENTS, Step,
                                    count_existing, endpoint_candidates, records_to_graph, sighting_key,
                                    write_plan)


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

    def write(self, graph: PartnershipGraph, documents: Iterable[str] = (), *, exact: bool = False,
              extractions: Iterable[dict[str, Any]] = ()) -> WriteReport:
        """Write one document's graph in one transaction.

        Facts previously stated only by `documents` are removed first, so a changed document
        replaces its own facts and nothing else. With `exact`, nodes many documents state are set to
        the properties `graph` gives them rather than merged into the stored ones; `extractions`
        (graph/store/extractions.py) are kept in the same transaction.
        """

    def read_graph(self) -> PartnershipGraph:
        """The whole stored graph, back in the model."""

    def run(self, cypher: str, params: dict[str, Any] | None = None, read_only: bool = False) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows as dicts keyed by column name."""

    def document_hashes(self) -> dict[str, str]:
        """File name -> sha256 of every stored Document."""

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type."""

    def refresh_summaries(self) -> bool:
        """Bring the summaries derived from the facts (graph/store/summaries.py) up to date with
        every write so far; cheap when nothing changed. False when nothing was stale."""


class CypherStore:
    """What both stores share: planning a write and reading back, over `run` and `_execute`."""

    kind = ""
    location = ""

    def run(self, cypher: str, params: dict[str, Any] | None = None, read_only: bool = False) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _execute(self, steps: list[Step]) -> tuple[int, int]:
        """Run the steps as one transaction; the nodes and relationships its counted steps
        (`kind` "nodes" and "rels") created."""
        raise NotImplementedError

    def write(self, graph: PartnershipGraph, documents: Iterable[str] = (), *, exact: bool = False,
              extractions: Iterable[dict[str, Any]] = ()) -> WriteReport:
        documents = sorted(set(documents))
        # Only documents already stored need their old facts removed: that step scans the
        # graph, and skipping it for new documents keeps bulk loads linear.
        replace = [r["name"] for r in self.run(STORED_DOCUMENTS, {"documents": documents}, read_only=True)] \
            if documents else []
        stored_labels: dict[str, Label] = {}
        for label, ids in endpoint_candidates(graph).items():
            for row in self.run(EXISTING_IDS[label], {"ids": sorted(ids)}, read_only=True):
                stored_labels.setdefault(row["id"], label)
        steps = write_plan(graph, replace, stored_labels, documents, exact=exact, extractions=extractions)
        # Created vs merged is decided against the store as it was before this write (one
        # writer at a time: the embedded store's lock; for Neo4j, the user's responsibility).
        report = WriteReport(documents_replaced=replace)
        if not replace:
            # Nothing is removed first, so what the upserts create is what was not stored: the
            # server's own statistics say it, where a counting query looked every row up again
            # (a quarter of a bulk load's write phase).
            nodes, rels = self._execute(steps)
            rows = {kind: sum(len(s.params["rows"]) for s in steps if s.kind == kind) for kind in ("nodes", "rels")}
            report.nodes_created, report.nodes_merged = nodes, rows["nodes"] - nodes
            report.relationships_created, report.relationships_merged = rels, rows["rels"] - rels
            return report
        # A changed document: its old facts are removed and written again, so what is created
        # then is not what was new; counted against the store before the write instead.
        query, params, counted = count_existing(steps)
        if counted:
            found = self.run(query, params, read_only=True)[0]
            for i, step in enumerate(counted):
                rows, stored = len(step.params["rows"]), found[f"found{i}"]
                if step.kind == "nodes":
                    report.nodes_merged += stored
                    report.nodes_created += rows - stored
                else:
                    report.relationships_merged += stored
                    report.relationships_created += rows - stored
        self._execute(steps)
        return report

    def read_graph(self) -> PartnershipGraph:
        return records_to_graph(self.run(READ_NODES, read_only=True), self.run(READ_RELS, read_only=True),
                                self.run(ALL_SIGHTINGS, read_only=True))

    def migrate_documents_lists(self, batch: int = 2000) -> int:
        """Turn `documents` lists that a store written before sightings keeps on sighted nodes into
        sightings; the number of nodes moved (0, after one quick look per label, once done)."""
        moved = 0
        for label in SIGHTED:
            while True:
                rows = self.run(f"MATCH (n:{label.value}) WHERE n.documents IS NOT NULL "
                                f"RETURN n.id AS id, n.documents AS documents LIMIT {batch}", read_only=True)
                if not rows:
                    break
                sightings = [{"key": sighting_key(r["id"], d), "node": r["id"], "document": d}
                             for r in rows for d in (r["documents"] or [])]
                if sightings:
                    self.run(SIGHTING_UPSERT, {"rows": sightings})
                self.run(f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) SET n.documents = null",
                         {"ids": [r["id"] for r in rows]})
                moved += len(rows)
        return moved

    def document_hashes(self) -> dict[str, str]:
        return {r["name"]: r["sha256"] for r in self.run(DOCUMENT_HASHES, read_only=True)
                if r["name"] and r["sha256"]}

    def refresh_summaries(self) -> bool:
        return summaries.refresh(lambda cypher, params=None: self.run(cypher, params))

    def counts(self) -> dict[str, int]:
        counts = {}
        for key, statement in [*COUNT_NODES.items(), *COUNT_RELS.items()]:
            n = self.run(statement, read_only=True)[0]["n"]
            if n:
                counts[key.value] = n
        return counts
