"""What a store keeps of each document besides its facts: the document's reading before resolution.

Resolution (loaders/resolve.py) decides across every document at once: a surname alone is the only full
name with it anywhere in the archive, an organisation keeps the spelling most documents use, a post
stated without its organisation is the one its holder holds elsewhere. So that loading an archive in
pieces stores what loading it whole would, each document's unresolved extraction is kept in the store,
on an `(:Extraction {document, sha256, data, names, resolved, decisions, shared, format})` node written in the same transaction as
the document's facts: `data` is the extraction, packed here (JSON, compressed, base64: plain text both
stores hold), `names` what resolution reads of it (packed by app/pipeline.py), `resolved` the fingerprint
of the document's own facts as last written (`fingerprint`), `decisions` a digest of the plan decisions it
was resolved with and `shared` its shared nodes as then resolved: a later load whose plan makes the same
decisions for it knows its facts and shared nodes without rewriting it.
A load resolves the stored extractions together with the new ones and writes only what changed.

Nodes many documents state (people, organisations, posts, strategies: `SHARED`) are written with their
properties as the whole archive has them (`SET n = ...`), not merged into what was stored, so a
spelling or alias a replaced document brought does not linger. `(:LoadState {pending})` is set before
a load writes anything and cleared after its last write: a load that finds it set was interrupted and
resolves the archive again even when no file changed.

This module is the store's side only (statements, the packed form, reading and writing them over `run`, so
both stores share it); app/pipeline.py does the rest.
"""
from __future__ import annotations

import base64
import hashlib
import json
import zlib
from typing import Any, Iterable, Iterator, Protocol

from graph.model import Label, Node, PartnershipGraph, Rel, Relationship
from graph.store.statements import (EXTRACTION, EXTRACTION_INDEXED, EXTRACTION_UPSERT, LOAD_STATE, NODE_SET,
                                    SIGHTED, SIGHTING, batched)

__all__ = ["EXTRACTION", "EXTRACTION_INDEXED", "EXTRACTION_UPSERT", "LOAD_STATE", "NODE_SET", "SHARED", "pack",
           "unpack", "fingerprint", "with_shared", "shared_props", "rows"]

SHARED: tuple[Label, ...] = SIGHTED
# Packed extractions read per query: a few megabytes a reply.
READ_BATCH = 500
FORMAT = 2          # the kept form's version; another is read as missing (the document is extracted again)

EXTRACTION_STATE = (f"MATCH (e:{EXTRACTION}) RETURN e.document AS document, e.sha256 AS sha256, "
                    "e.resolved AS resolved, e.format AS format, "
                    "e.data IS NOT NULL AND e.names IS NOT NULL AS whole")
EXTRACTION_DATA = f"UNWIND $documents AS d MATCH (e:{EXTRACTION} {{document: d}}) RETURN e.document AS document, e.data AS data"
EXTRACTION_NAMES = (f"UNWIND $documents AS d MATCH (e:{EXTRACTION} {{document: d}}) "
                    "RETURN e.document AS document, e.names AS names, e.decisions AS decisions, e.shared AS shared")
# A document not written again whose plan decisions changed without changing its facts: what it now resolves with.
REMEMBER = (f"UNWIND $rows AS row MATCH (e:{EXTRACTION} {{document: row.document}}) "
            "SET e.decisions = row.decisions, e.shared = row.shared")
DELETE_EXTRACTIONS = f"UNWIND $documents AS d MATCH (e:{EXTRACTION} {{document: d}}) DELETE e"
PENDING = f"MATCH (s:{LOAD_STATE}) RETURN s.pending AS pending"
SET_PENDING = f"MERGE (s:{LOAD_STATE} {{id: 'state'}}) SET s.pending = true"
CLEAR_PENDING = f"MATCH (s:{LOAD_STATE}) SET s.pending = false"
# Shared nodes as the store holds them, to compare with what the archive resolves to.
STORED_SHARED = {label: f"MATCH (n:{label.value}) RETURN properties(n) AS props" for label in SHARED}
DELETE_SHARED = {label: f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) DETACH DELETE n" for label in SHARED}
DELETE_SHARED_SIGHTINGS = f"UNWIND $ids AS id MATCH (s:{SIGHTING} {{node: id}}) DELETE s"


# ----------------------------------------------------------------------------------------- the packed form

def pack(graph: PartnershipGraph) -> str:
    """One document's extraction as text: every node's properties, every relationship, every warning."""
    data = {"v": FORMAT,
            "n": [node.properties() for node in graph.nodes.values()],
            "r": [[r.type.value, r.source, r.target, r.document, r.evidence, r.props]
                  for r in graph.relationships.values()],
            "w": [[w.document, w.line, w.message] for w in graph.warnings]}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def unpack(packed: str) -> PartnershipGraph:
    """The graph `pack` was given. Built directly, not through `add` and `relate`: the packed graph's nodes and
    relationships are already one per id and key, its evidence already cleaned."""
    data = json.loads(zlib.decompress(base64.b64decode(packed)))
    graph = PartnershipGraph()
    nodes, relationships = graph.nodes, graph.relationships
    for props in data["n"]:
        node = Node.from_properties(props)
        nodes[node.id] = node
    for kind, source, target, document, evidence, props in data["r"]:
        rel = Relationship(Rel(kind), source, target, document, evidence, props)
        relationships[rel.key] = rel
    for document, line, message in data["w"]:
        graph.warn(document, line, message)
    return graph


# ----------------------------------------------------------------------------------------- a resolved document

def shared_props(node: Node) -> dict[str, Any]:
    """A shared node's properties as stored: everything but `documents` (its sightings say those)."""
    props = node.properties()
    props.pop("documents", None)
    return props


def fingerprint(graph: PartnershipGraph) -> str:
    """The resolved document's own facts: its other nodes whole, the shared nodes it states by id only (their
    properties are the whole archive's, written apart), every relationship. Equal fingerprints, equal writes.

    Hashed from `repr` of plain values (strings, numbers, lists and dicts whose keys keep the order the model
    builds them in), a third faster than JSON with sorted keys, and as stable."""
    nodes = sorted((n.id, n.label.value) if n.label in SHARED else (n.id, n.properties()) for n in graph.nodes.values())
    rels = sorted((r.key, r.type.value, r.source, r.target, r.document, r.evidence, r.props)
                  for r in graph.relationships.values())
    return hashlib.sha256(repr((nodes, rels)).encode("utf-8", "surrogatepass")).hexdigest()


def with_shared(graph: PartnershipGraph, shared: dict[str, Node]) -> PartnershipGraph:
    """The document's graph with each shared node as the whole archive has it (its own `documents` kept)."""
    for node_id, node in list(graph.nodes.items()):
        whole = shared.get(node_id)
        if node.label in SHARED and whole is not None:
            graph.nodes[node_id] = Node.from_properties({**shared_props(whole), "documents": list(node.documents)})
    return graph


def rows(nodes: Iterable[Node]) -> dict[Label, list[dict[str, Any]]]:
    """NODE_SET rows per label."""
    out: dict[Label, list[dict[str, Any]]] = {}
    for node in nodes:
        out.setdefault(node.label, []).append({"id": node.id, "props": shared_props(node)})
    return out


# ----------------------------------------------------------------------------------------- reading and writing

class _Runs(Protocol):
    def run(self, cypher: str, params: dict[str, Any] | None = None,
            read_only: bool = False) -> list[dict[str, Any]]: ...


def kept(store: _Runs) -> dict[str, tuple[str | None, str | None]]:
    """Document name -> (sha256, fingerprint of its facts as written) of every kept extraction in this form."""
    return {r["document"]: (r["sha256"], r["resolved"]) for r in store.run(EXTRACTION_STATE, read_only=True)
            if r["document"] and r["format"] == FORMAT and r["whole"]}


def read(store: _Runs, documents: list[str]) -> Iterator[tuple[str, str]]:
    """(document, packed extraction) of each named document that has one, a batch per query, in the order named."""
    for start in range(0, len(documents), READ_BATCH):
        part = documents[start:start + READ_BATCH]
        found = {row["document"]: row["data"] for row in store.run(EXTRACTION_DATA, {"documents": part}, read_only=True)}
        for name in part:
            if found.get(name):
                yield name, found[name]


def read_names(store: _Runs, documents: list[str]) -> Iterator[dict[str, Any]]:
    """Per named document with a kept extraction: its `names` (packed by the caller), the digest of the plan
    decisions it was last resolved with (`decisions`) and its shared nodes as then resolved (`shared`, JSON)."""
    for start in range(0, len(documents), READ_BATCH * 4):
        for row in store.run(EXTRACTION_NAMES, {"documents": documents[start:start + READ_BATCH * 4]}, read_only=True):
            if row["names"]:
                yield row


def remember(store: _Runs, rows: list[dict[str, Any]]) -> None:
    """The plan decisions and shared nodes of documents whose facts they leave as they are (REMEMBER rows)."""
    for part in batched(rows, READ_BATCH):
        store.run(REMEMBER, {"rows": part})


def pending(store: _Runs) -> bool:
    return any(r["pending"] for r in store.run(PENDING, read_only=True))


def set_pending(store: _Runs, value: bool) -> None:
    store.run(SET_PENDING if value else CLEAR_PENDING)


def forget(store: _Runs, documents: list[str]) -> None:
    """The kept extractions of removed documents go; the next load resolves the rest again."""
    store.run(DELETE_EXTRACTIONS, {"documents": documents})
    set_pending(store, True)


def stored_shared(store: _Runs) -> dict[str, dict[str, Any]]:
    """Id -> properties (without `documents`) of every shared node stored."""
    out: dict[str, dict[str, Any]] = {}
    for statement in STORED_SHARED.values():
        for row in store.run(statement, read_only=True):
            props = row["props"]
            props.pop("documents", None)
            out[props["id"]] = props
    return out


def set_shared(store: _Runs, nodes: Iterable[Node]) -> int:
    """Set shared nodes to exactly these properties (created if missing); how many."""
    count = 0
    for label, found in rows(nodes).items():
        for part in batched(found):
            store.run(NODE_SET[label], {"rows": part})
            count += len(part)
    return count


def delete_shared(store: _Runs, ids: dict[str, Label]) -> None:
    """Shared nodes no document states any longer, with their sightings."""
    by_label: dict[Label, list[str]] = {}
    for node_id, label in ids.items():
        by_label.setdefault(label, []).append(node_id)
    for label, found in by_label.items():
        for start in range(0, len(found), 5000):
            part = found[start:start + 5000]
            store.run(DELETE_SHARED[label], {"ids": part})
            store.run(DELETE_SHARED_SIGHTINGS, {"ids": part})


DOCUMENT_NAMES = "MATCH (d:Document) RETURN d.name AS name"


def stored_documents(store: _Runs) -> set[str]:
    """The name of every Document node, whether or not its hash is set (a failed replacement clears it)."""
    return {r["name"] for r in store.run(DOCUMENT_NAMES, read_only=True) if r["name"]}
