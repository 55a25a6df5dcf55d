"""Reading a whole store a slice at a time, for exports and pages that must not hold the archive at once.

`StoredGraph` offers what the exporters read from a `PartnershipGraph` (`nodes`, `of_label`,
`rels_of`, `relationships.values()`), but relationships are fetched from the store a few hundred
source nodes at a time each time they are iterated, so only one slice of them is in memory.
`iter_nodes` does the same for nodes. Every lookup goes through the index on `id`, so a pass over
the store costs what the store holds, once.
"""
from __future__ import annotations

import re
from sys import intern
from typing import Any, Iterable, Iterator

from graph.model import ENDPOINTS, Label, Node, PartnershipGraph, Rel, Relationship
from graph.model import _clean_evidence as clean_evidence  # the one rule for stored evidence
from graph.store import summaries
from graph.store.statements import SIGHTED, SIGHTINGS_OF, with_sightings

# Source nodes per query: a few hundred people, each with up to a few hundred relationships.
NODE_BATCH = 1000
REL_BATCH = 300

NODE_IDS = {label: f"MATCH (n:{label.value}) RETURN n.id AS id" for label in Label}
NODES_BY_ID = {label: f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) RETURN properties(n) AS props"
               for label in Label}
OUT_RELS = {label: (f"UNWIND $ids AS id MATCH (a:{label.value} {{id: id}})-[r]->(b) "
                    f"WHERE NOT type(r) STARTS WITH '{summaries.PREFIX}' "
                    "RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props")
            for label in Label}
OUT_RELS_OF = {(label, rel): (f"UNWIND $ids AS id MATCH (a:{label.value} {{id: id}})-[r:{rel.value}]->(b) "
                              "RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props")
               for rel, (sources, _) in ENDPOINTS.items() for label in sources}


_FIELD = re.compile(r"[a-z_]+\Z")


def _projection(label: Label, fields: tuple[str, ...]) -> str:
    # Field names come from the caller's code (viz.index.READS), never from input; checked anyway.
    names = ("id", "label", "name", *[f for f in fields if f not in ("id", "label", "name")])
    assert all(_FIELD.match(f) for f in names), names
    return (f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) RETURN {{"
            + ", ".join(f"{f}: n.{f}" for f in names) + "} AS props")


def relationship(row: dict[str, Any]) -> Relationship:
    """A store row as the model's relationship, as PartnershipGraph.from_node_link makes it.

    Ids, document names and evidence are interned: each comes back once per relationship that
    holds it (a person's id in hundreds, one attendance line as the evidence of three facts),
    and a reader that keeps the relationships (the visualiser) would hold every copy."""
    stored = row["props"]
    props = {k: v for k, v in stored.items()
             if v is not None and k not in ("source", "target", "type", "document", "evidence", "key")}
    document, evidence = stored.get("document"), clean_evidence(stored.get("evidence"))
    return Relationship(Rel(row["type"]), intern(row["source"]), intern(row["target"]),
                        intern(document) if isinstance(document, str) else document,
                        intern(evidence) if isinstance(evidence, str) else evidence, props)


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Relationships:
    """`graph.relationships` for a stored graph: `.values()` streams them from the store again."""

    def __init__(self, graph: StoredGraph) -> None:
        self._graph = graph

    def values(self) -> Iterator[Relationship]:
        return self._graph.iter_relationships()

    def __len__(self) -> int:
        return self._graph.relationship_count()


class StoredGraph:
    """The stored graph read in slices: nodes on demand (or all at once), relationships streamed."""

    def __init__(self, store: Any, labels: Iterable[Label] | None = None,
                 types: Iterable[Rel] | None = None, fields: dict[Label, tuple[str, ...]] | None = None,
                 documents: bool = True) -> None:
        """`labels`, `types`: only these nodes and relationships; `fields`, `documents`: only these
        properties of the nodes `nodes` reads (see iter_nodes), for a reader that needs a few."""
        self.store = store
        self.labels = tuple(labels) if labels is not None else tuple(Label)
        self.types = tuple(types) if types is not None else None
        self.fields = fields
        self.documents = documents
        self.ids: dict[str, Label] = {}
        for label in self.labels:
            for row in store.run(NODE_IDS[label], read_only=True):
                self.ids[row["id"]] = label
        self.sorted_ids = sorted(self.ids)
        self._nodes: dict[str, Node] | None = None
        self.relationships = _Relationships(self)

    # -- nodes
    def iter_nodes(self, ids: Iterable[str] | None = None, fields: dict[Label, tuple[str, ...]] | None = None,
                   documents: bool = True) -> Iterator[Node]:
        """Nodes in id order (or the order of `ids`), with `documents` as the model has it.

        `fields`: only these properties of each label (and its id, label and name), for a reader
        that needs a few; `documents=False` leaves out which documents state each node.
        """
        wanted = self.sorted_ids if ids is None else list(ids)
        for batch in _batches(wanted, NODE_BATCH):
            yield from self._fetch(batch, fields, documents)

    def _fetch(self, batch: list[str], fields: dict[Label, tuple[str, ...]] | None = None,
               with_documents: bool = True) -> list[Node]:
        by_label: dict[Label, list[str]] = {}
        for node_id in batch:
            label = self.ids.get(node_id)
            if label is not None:
                by_label.setdefault(label, []).append(node_id)
        documents: dict[str, list[str]] = {}
        sighted = [i for label, ids in by_label.items() if label in SIGHTED for i in ids] if with_documents else []
        if sighted:
            for row in self.store.run(SIGHTINGS_OF, {"ids": sighted}, read_only=True):
                documents.setdefault(row["node"], []).append(row["document"])
        found: dict[str, Node] = {}
        for label, ids in by_label.items():
            statement = NODES_BY_ID[label] if fields is None else _projection(label, fields.get(label, ()))
            for row in self.store.run(statement, {"ids": ids}, read_only=True):
                props = row["props"]
                if fields is not None:
                    props = {k: v for k, v in props.items() if v is not None}
                elif with_documents:
                    props = with_sightings(props, documents)
                node = Node.from_properties(props)
                found[node.id] = node
        return [found[i] for i in batch if i in found]

    @property
    def nodes(self) -> dict[str, Node]:
        """Every node, read once and kept (the RDF export looks nodes up by id throughout)."""
        if self._nodes is None:
            self._nodes = {node.id: node for node in self.iter_nodes(fields=self.fields, documents=self.documents)}
        return self._nodes

    def read(self, fields: dict[Label, tuple[str, ...]] | None = None, documents: bool = True) -> PartnershipGraph:
        """The labels and types this view was made for, as a PartnershipGraph (for a reader that
        needs them all at once, such as the visualiser: it asks only for what it draws)."""
        graph = PartnershipGraph()
        for node in self.iter_nodes(fields=fields, documents=documents):
            graph.nodes[node.id] = node
        for rel in self.iter_relationships():
            graph.relationships[rel.key] = rel
        return graph

    def of_label(self, label: Label) -> Iterator[Node]:
        return (n for n in self.nodes.values() if n.label == label)

    # -- relationships
    def iter_relationship_rows(self, types: Iterable[Rel] | None = None) -> Iterator[list[dict[str, Any]]]:
        """Store rows of the relationships, a slice of source nodes at a time (sources in id order)."""
        types = tuple(types) if types is not None else self.types
        for batch in _batches(self.sorted_ids, REL_BATCH):
            by_label: dict[Label, list[str]] = {}
            for node_id in batch:
                by_label.setdefault(self.ids[node_id], []).append(node_id)
            rows: list[dict[str, Any]] = []
            for label, ids in by_label.items():
                if types is None:
                    rows += self.store.run(OUT_RELS[label], {"ids": ids}, read_only=True)
                    continue
                for rel in types:
                    statement = OUT_RELS_OF.get((label, rel))
                    if statement is not None:
                        rows += self.store.run(statement, {"ids": ids}, read_only=True)
            yield rows

    def iter_relationship_batches(self, types: Iterable[Rel] | None = None) -> Iterator[list[Relationship]]:
        for rows in self.iter_relationship_rows(types):
            yield [relationship(row) for row in rows]

    def iter_relationships(self, types: Iterable[Rel] | None = None) -> Iterator[Relationship]:
        for rows in self.iter_relationship_rows(types):
            for row in rows:
                yield relationship(row)

    def rels_of(self, type: Rel) -> Iterator[Relationship]:
        return self.iter_relationships([type])

    def relationship_count(self) -> int:
        counts = self.store.counts()
        return sum(counts.get(rel.value, 0) for rel in (self.types or Rel))

    def node_count(self) -> int:
        return len(self.ids)
