"""The Cypher both stores send: batched upserts, document replacement and whole-graph reads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import fields as dc_fields
from typing import Any, Iterable, Iterator

from graph.model import ENDPOINTS, LIST_PROPERTIES, NODE_CLASSES, Label, PartnershipGraph, Rel
from graph.store import summaries

# Looked up by value: every id (MERGE), and what recipes and document replacement match on
# (a meeting by its date, the actions and decisions of a meeting, a person by exact name).
INDEXED: list[tuple[Label, str]] = [(label, "id") for label in Label] + [
    (Label.MEETING, "document"), (Label.DOCUMENT, "name"), (Label.MEETING, "date"),
    (Label.ACTION, "meeting"), (Label.DECISION, "meeting"), (Label.PERSON, "name")]
# Document replacement finds a document's facts through these, so it costs what the document
# states rather than what the store holds: relationships by `document`, nodes by one element of
# their `documents` list (FalkorDB indexes list elements; Neo4j cannot, and scans each label).
# (Also the meeting a substitution was for, which meeting-attendance looks up.)
REL_INDEXED: list[tuple[str, str]] = [(rel.value, "document") for rel in Rel] + [
    (Rel.SUBSTITUTED_FOR.value, "meeting")] + summaries.REL_INDEXED
# Nodes that many documents state (a council, a chair, a post, a strategy) do not keep a list of
# those documents: a list that grows with the archive made every upsert of such a node slower (a
# council's reached 8,000 names, 3-4 ms an upsert). Each (node, document) is a small `Sighting`
# node of its own instead, found through indexes, so a write costs the same however large the
# archive. The other kinds belong to one meeting, whose few documents stay in `documents`.
SIGHTING = "Sighting"
SIGHTED: tuple[Label, ...] = (Label.PERSON, Label.ORGANISATION, Label.ROLE, Label.STRATEGY)
LISTED: tuple[Label, ...] = tuple(label for label in Label if label not in SIGHTED)
LIST_INDEXED: list[tuple[Label, str]] = [(label, "documents") for label in LISTED]
SIGHTING_INDEXED: list[str] = ["key", "node", "document"]

# Rows per UNWIND: large batches are 3-4 times faster than small ones (NOTES-stack.md).
BATCH = 5000


def _union(prop: str) -> str:
    # List properties are unioned with what is stored, so a person seen in document A and
    # later in document B keeps both; duplicates already stored are not added again.
    return (f"n.{prop} = coalesce(n.{prop}, []) + "
            f"[x IN row.{prop} WHERE NOT x IN coalesce(n.{prop}, [])]")


def _node_upsert(label: Label) -> str:
    known = {f.name for f in dc_fields(NODE_CLASSES[label])}
    if label in SIGHTED:
        known.discard("documents")
    sets = ["n += row.props"] + [_union(p) for p in LIST_PROPERTIES if p in known]
    return (f"UNWIND $rows AS row MERGE (n:{label.value} {{id: row.id}}) "
            f"SET {', '.join(sets)}")


def _rel_upsert(rel: Rel, source: Label, target: Label) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{source.value} {{id: row.source}}) MATCH (b:{target.value} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel.value} {{key: row.key}}]->(b) SET r += row.props")


def _strategy_upsert() -> str:
    """A strategy's name is the spelling graph.model.preferred_spelling chooses among every spelling written,
    the others its aliases: which document was loaded first, or in which batch, changes nothing."""
    def shouting(name: str) -> str:
        return f"({name} = toUpper({name}))"

    new, old = "row.props.name", "old"
    wins = (f"({old} IS NULL OR (NOT {shouting(new)} AND {shouting(old)}) "
            f"OR ({shouting(new)} = {shouting(old)} AND {new} < {old}))")
    spellings = f"coalesce(row.aliases, []) + [{old}, {new}]"
    return ("UNWIND $rows AS row MERGE (n:Strategy {id: row.id}) "
            f"WITH n, row, n.name AS old, n.kind AS old_kind, n.aliases AS old_aliases "
            f"WITH n, row, old, old_aliases, CASE WHEN {wins} THEN {new} ELSE old END AS name, "
            f"CASE WHEN {wins} THEN row.props.kind ELSE old_kind END AS kind "
            f"SET n += row.props, n.name = name, n.kind = kind, "
            f"n.aliases = [x IN reduce(acc = coalesce(old_aliases, []), x IN {spellings} | "
            f"CASE WHEN x IS NULL OR x IN acc THEN acc ELSE acc + x END) WHERE x <> name]")


def _rel_create(rel: Rel, source: Label, target: Label) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{source.value} {{id: row.source}}) MATCH (b:{target.value} {{id: row.target}}) "
            f"CREATE (a)-[r:{rel.value} {{key: row.key}}]->(b) SET r += row.props")


# Labels and types are interpolated only from the model's enums, never from input.
NODE_UPSERT: dict[Label, str] = {label: _node_upsert(label) for label in Label}
NODE_UPSERT[Label.STRATEGY] = _strategy_upsert()
REL_UPSERT: dict[tuple[Rel, Label, Label], str] = {
    (rel, s, t): _rel_upsert(rel, s, t)
    for rel, (sources, targets) in ENDPOINTS.items() for s in sources for t in targets
}
# A relationship a document states carries the document in its key, and is removed with it (replaced,
# forgotten): one stated by a document the store does not hold cannot be stored, so it is created
# without looking for it first (MERGE looked each one up: a third of a bulk load's write phase).
REL_CREATE: dict[tuple[Rel, Label, Label], str] = {key: _rel_create(*key) for key in REL_UPSERT}
# One row per (node, document); `key` joins the two (node ids hold no newline).
SIGHTING_UPSERT = (f"UNWIND $rows AS row MERGE (s:{SIGHTING} {{key: row.key}}) "
                   "SET s.node = row.node, s.document = row.document")
# The same within a write: a sighting is created where none has its key (key, node and document go
# together, so one found is already right), and how many were created is returned (`found`), so that
# the write's statistics tell the model's nodes it created from its sightings.
SIGHTING_INSERT = (f"UNWIND $rows AS row OPTIONAL MATCH (s:{SIGHTING} {{key: row.key}}) WITH row, s WHERE s IS NULL "
                   f"CREATE (:{SIGHTING} {{key: row.key, node: row.node, document: row.document}}) "
                   "RETURN count(*) AS found")
# A sighting of a document the store does not hold cannot be stored either (removed with it): created.
SIGHTING_CREATE = (f"UNWIND $rows AS row CREATE (:{SIGHTING} {{key: row.key, node: row.node, document: row.document}}) "
                   "RETURN count(*) AS found")
# The documents that state each node: its list, or its sightings (read_graph, stream.py).
SIGHTINGS_OF = f"UNWIND $ids AS id MATCH (s:{SIGHTING} {{node: id}}) RETURN s.node AS node, s.document AS document"
ALL_SIGHTINGS = f"MATCH (s:{SIGHTING}) RETURN s.node AS node, s.document AS document"


def sighting_key(node_id: str, document: str) -> str:
    return f"{node_id}\n{document}"


EXISTING_IDS: dict[Label, str] = {
    label: f"MATCH (n:{label.value}) WHERE n.id IN $ids RETURN n.id AS id" for label in Label
}
# Counting what a write will merge rather than create (found from indexed ids, no scans).
COUNT_IDS: dict[Label, str] = {
    label: f"UNWIND $ids AS id MATCH (n:{label.value} {{id: id}}) RETURN count(n) AS found" for label in Label
}
COUNT_KEYS: dict[tuple[Rel, Label, Label], str] = {
    (rel, s, t): (f"UNWIND $rows AS row MATCH (:{s.value} {{id: row.source}})-[r:{rel.value} {{key: row.key}}]->"
                  f"(:{t.value} {{id: row.target}}) RETURN count(r) AS found")
    for rel, s, t in REL_UPSERT
}

STORED_DOCUMENTS = "MATCH (d:Document) WHERE d.name IN $documents RETURN d.name AS name"
# Replacing documents: drop the facts they stated, delete nodes no other document mentions,
# and take the documents off every remaining node's list (Document nodes are rewritten). One
# statement per type and label, each served by an index (REL_INDEXED, LIST_INDEXED).
# (Deleting and unlisting are separate statements on purpose: FalkorDB 4.16 silently drops a
# SET followed by `WITH n WHERE ...` in the same query.)
REMOVE_DOCUMENT_RELS = [f"MATCH ()-[r:{rel.value}]->() WHERE r.document IN $documents DELETE r" for rel in Rel]
REMOVE_DOCUMENT_NODES = [
    f"UNWIND $documents AS d MATCH (n:{label.value}) WHERE d IN n.documents "
    f"WITH DISTINCT n WHERE all(x IN n.documents WHERE x IN $documents) DETACH DELETE n"
    for label in LISTED if label is not Label.DOCUMENT
] + [
    # A sighted node goes when every document that states it is being replaced.
    f"UNWIND $documents AS d MATCH (s:{SIGHTING} {{document: d}}) WITH DISTINCT s.node AS id "
    f"MATCH (n:{label.value} {{id: id}}) "
    f"OPTIONAL MATCH (o:{SIGHTING} {{node: id}}) WHERE NOT o.document IN $documents "
    f"WITH n, count(o) AS others WHERE others = 0 DETACH DELETE n"
    for label in SIGHTED
]
# After the nodes: their sightings told which nodes the documents stated.
REMOVE_SIGHTINGS = f"UNWIND $documents AS d MATCH (s:{SIGHTING} {{document: d}}) DELETE s"
UNLIST_DOCUMENTS = [
    f"UNWIND $documents AS d MATCH (n:{label.value}) WHERE d IN n.documents "
    f"WITH DISTINCT n SET n.documents = [x IN n.documents WHERE NOT x IN $documents]"
    for label in LISTED
]
# Until the new version is written, the document counts as not loaded.
FORGET_HASHES = "MATCH (d:Document) WHERE d.name IN $documents SET d.sha256 = null"

# Each document's reading before resolution, and whether a load was interrupted (graph/store/extractions.py).
EXTRACTION = "Extraction"
LOAD_STATE = "LoadState"
EXTRACTION_INDEXED = ["document"]
# Written with the document's facts; `data` and `names` left as stored when a row has none (a document written
# again only because resolution across the archive changed its facts). Set where one is stored, then created
# where none is, returning how many (`found`, as sightings do) so that a write's statistics still count the
# model's nodes only.
EXTRACTION_UPSERT = (f"UNWIND $rows AS row MATCH (e:{EXTRACTION} {{document: row.document}}) "
                     "SET e.sha256 = row.sha256, e.data = coalesce(row.data, e.data), "
                     "e.names = coalesce(row.names, e.names), e.resolved = row.resolved, e.format = row.format, "
                     "e.decisions = row.decisions, e.shared = row.shared")
EXTRACTION_INSERT = (f"UNWIND $rows AS row OPTIONAL MATCH (e:{EXTRACTION} {{document: row.document}}) "
                     f"WITH row, e WHERE e IS NULL CREATE (:{EXTRACTION} {{document: row.document, "
                     "sha256: row.sha256, data: row.data, names: row.names, resolved: row.resolved, "
                     "format: row.format, decisions: row.decisions, shared: row.shared}) RETURN count(*) AS found")
# A node many documents state, with its properties exactly as the whole archive has them (not merged into
# what was stored): what a replaced document alone brought does not linger.
NODE_SET: dict[Label, str] = {label: f"UNWIND $rows AS row MERGE (n:{label.value} {{id: row.id}}) SET n = row.props"
                              for label in Label}

# The model only: summaries (graph/store/summaries.py), sightings, kept extractions and the load state are
# the store's own, not facts to export.
READ_NODES = (f"MATCH (n) WHERE NOT n:{summaries.STATE} AND NOT n:{SIGHTING} AND NOT n:{EXTRACTION} "
              f"AND NOT n:{LOAD_STATE} RETURN properties(n) AS props")
READ_RELS = (f"MATCH (a)-[r]->(b) WHERE NOT type(r) STARTS WITH '{summaries.PREFIX}' "
             "RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props")
DOCUMENT_HASHES = "MATCH (d:Document) RETURN d.name AS name, d.sha256 AS sha256"
# One count per label and per type: both stores answer a typed count from their statistics,
# where an untyped scan of every relationship took seconds on a whole archive.
COUNT_NODES = {label: f"MATCH (n:{label.value}) RETURN count(n) AS n" for label in Label}
COUNT_RELS = {rel: f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n" for rel in Rel}


@dataclass
class Step:
    """One statement of a document's write, with what it counts and the phase it belongs to."""

    cypher: str
    params: dict[str, Any]
    kind: str = ""          # "nodes", "rels" or "" (not counted)
    count: str = ""         # read query counting this step's rows that are already stored
    phase: str = "upsert"   # "remove" (deletes only) or "upsert" (merges only)


def batched(rows: list[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def node_row(node: Any) -> dict[str, Any]:
    props = node.properties()
    row = {"id": props.pop("id")}
    for prop in LIST_PROPERTIES:
        if prop in props:
            row[prop] = list(props.pop(prop))
    row["props"] = props
    return row


def endpoint_candidates(graph: PartnershipGraph) -> dict[Label, set[str]]:
    """Relationship endpoints not in `graph`, by the labels they may have: look them up in the store."""
    out: dict[Label, set[str]] = {}
    for rel in graph.relationships.values():
        sources, targets = ENDPOINTS[rel.type]
        for node_id, labels in ((rel.source, sources), (rel.target, targets)):
            if node_id not in graph.nodes:
                for label in labels:
                    out.setdefault(label, set()).add(node_id)
    return out


def write_plan(graph: PartnershipGraph, replace: Iterable[str],
               stored_labels: dict[str, Label], documents: Iterable[str] = (), *, exact: bool = False,
               extractions: Iterable[dict[str, Any]] = ()) -> list[Step]:
    """Every statement of one write, in order.

    `replace` are documents already stored, whose facts are removed first; `stored_labels`
    gives the labels of relationship endpoints that are in the store but not in `graph`.
    Relationships whose endpoints exist in neither are skipped. The summaries that `documents`
    (and the documents the relationships cite) bear on are marked stale in the same transaction.
    The relationships and sightings of `documents` not in `replace` (not stored) are created
    rather than merged: none of them can be stored. With `exact`, the nodes many documents state (SIGHTED)
    are set to their properties in `graph` rather than merged into the stored ones; `extractions` are the
    documents' kept readings (EXTRACTION_UPSERT rows), written in the same transaction.
    """
    steps: list[Step] = []
    replace = sorted(set(replace))
    new = set(documents) - set(replace)
    if replace:
        steps += [Step(statement, {"documents": replace}, phase="remove")
                  for statement in [summaries.MARK_STALE_BEFORE_REMOVAL, *REMOVE_DOCUMENT_RELS,
                                    *REMOVE_DOCUMENT_NODES, REMOVE_SIGHTINGS, *UNLIST_DOCUMENTS,
                                    FORGET_HASHES]]
    by_label: dict[Label, list[dict[str, Any]]] = {}
    sightings: dict[str, dict[str, Any]] = {}
    for node_id in sorted(graph.nodes):
        node = graph.nodes[node_id]
        row = node_row(node)
        if node.label in SIGHTED:
            for document in row.pop("documents", []):
                key = sighting_key(node_id, document)
                sightings[key] = {"key": key, "node": node_id, "document": document}
        by_label.setdefault(node.label, []).append(row)
    for label in Label:
        statement = NODE_SET[label] if exact and label in SIGHTED else NODE_UPSERT[label]
        for rows in batched(by_label.get(label, [])):
            if statement is NODE_SET[label]:
                rows = [{"id": r["id"], "props": {**r["props"], "id": r["id"],
                                                  **{p: r[p] for p in LIST_PROPERTIES if p in r}}} for r in rows]
            steps.append(Step(statement, {"rows": rows}, "nodes", COUNT_IDS[label]))
    for rows in batched(sorted(extractions, key=lambda r: r["document"])):
        steps += [Step(EXTRACTION_UPSERT, {"rows": rows}), Step(EXTRACTION_INSERT, {"rows": rows})]
    for fresh, statement in ((True, SIGHTING_CREATE), (False, SIGHTING_INSERT)):
        for rows in batched([sightings[k] for k in sorted(sightings) if (sightings[k]["document"] in new) is fresh]):
            steps.append(Step(statement, {"rows": rows}))
    labels = {node_id: node.label for node_id, node in graph.nodes.items()}
    labels.update({k: v for k, v in stored_labels.items() if k not in labels})
    by_key: dict[tuple[Rel, Label, Label], list[dict[str, Any]]] = {}
    for rel in sorted(graph.relationships.values(), key=lambda r: r.key):
        source, target = labels.get(rel.source), labels.get(rel.target)
        if source is None or target is None:
            continue
        props = rel.properties()
        by_key.setdefault((rel.type, source, target, rel.document in new), []).append(
            {"source": rel.source, "target": rel.target, "key": props.pop("key"), "props": props})
    for key in sorted(by_key, key=lambda k: (k[0].value, k[1].value, k[2].value, k[3])):
        rel_type, source, target, fresh = key
        statement = (REL_CREATE if fresh else REL_UPSERT).get((rel_type, source, target))
        if statement is None:     # endpoints the schema does not allow: not written
            continue
        for rows in batched(by_key[key]):
            steps.append(Step(statement, {"rows": rows}, "rels", COUNT_KEYS[(rel_type, source, target)]))
    written = set(documents) | {rel.document for rel in graph.relationships.values() if rel.document}
    if written:
        steps.append(Step(summaries.MARK_STALE, {"documents": sorted(written)}))
    return steps


def combine(statements: list[tuple[str, dict[str, Any]]]) -> tuple[str, dict[str, Any]]:
    """Several statements as one query of `CALL { ... }` subqueries, run in order.

    Each statement's parameters are renamed apart ($rows -> $s3_rows); a statement that
    returns `found` (a count: exactly one row) has it returned as `found3`.
    """
    parts, params, found = [], {}, []
    for i, (cypher, values) in enumerate(statements):
        text = re.sub(r"\$(\w+)", lambda m: f"$s{i}_{m.group(1)}", cypher)
        if text.endswith(" AS found"):
            text = text[: -len("found")] + f"found{i}"
            found.append(f"found{i}")
        parts.append("CALL { " + text + " }")
        params.update({f"s{i}_{name}": value for name, value in values.items()})
    if found:
        parts.append("RETURN " + ", ".join(found))
    return "\n".join(parts), params


def count_existing(steps: list[Step]) -> tuple[str, dict[str, Any], list[Step]]:
    """One read query counting, for every counted step, how many of its rows are stored."""
    counted = [s for s in steps if s.kind]
    statements = []
    for step in counted:
        rows = step.params["rows"]
        if step.kind == "nodes":
            statements.append((step.count, {"ids": [r["id"] for r in rows]}))
        else:
            statements.append((step.count, {"rows": [{k: r[k] for k in ("source", "target", "key")} for r in rows]}))
    query, params = combine(statements)
    return query, params, counted


def with_sightings(props: dict[str, Any], documents: dict[str, list[str]]) -> dict[str, Any]:
    """A stored node's properties with `documents` as the model has it (from its sightings, sorted)."""
    if props.get("label") in _SIGHTED_VALUES:
        props["documents"] = sorted(set(documents.get(props.get("id"), ())) | set(props.get("documents") or ()))
    return props


_SIGHTED_VALUES = {label.value for label in SIGHTED}


def records_to_graph(nodes: Iterable[dict[str, Any]], rels: Iterable[dict[str, Any]],
                     sightings: Iterable[dict[str, Any]] = ()) -> PartnershipGraph:
    """Store rows (READ_NODES, READ_RELS, ALL_SIGHTINGS) back into the model."""
    documents: dict[str, list[str]] = {}
    for row in sightings:
        documents.setdefault(row["node"], []).append(row["document"])
    edges = [{**row["props"], "source": row["source"], "target": row["target"], "type": row["type"]}
             for row in rels]
    return PartnershipGraph.from_records((with_sightings(row["props"], documents) for row in nodes), edges)
