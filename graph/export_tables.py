"""Exports for the tools officers already have: GraphML (yEd, Cytoscape), GEXF (Gephi) and CSV
(a nodes file and an edges file that spreadsheets and `neo4j-admin database import` read).

`write_graphml`, `write_gexf` and `write_csv` are streamed (graph/table_stream.py): they take a
`StoredGraph` (read from the store a slice at a time) or a `PartnershipGraph`. The `*_in_memory`
writers below build the whole networkx graph first; they are kept as the reference the tests compare
the streamed output with, not for the command line."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from graph.model import PartnershipGraph
from graph.table_stream import INTEGER_PROPERTIES, LIST_SEPARATOR, write_csv, write_gexf, write_graphml

FORMATS = ("graphml", "gexf", "csv")
__all__ = ["FORMATS", "INTEGER_PROPERTIES", "LIST_SEPARATOR", "write_csv", "write_gexf", "write_graphml",
           "flat_graph", "write_csv_in_memory", "write_gexf_in_memory", "write_graphml_in_memory"]


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def flat_graph(graph: PartnershipGraph, *, gexf: bool = False) -> Any:
    """The model as a networkx graph whose attributes GraphML and GEXF can hold: lists joined, nulls left
    out. For GEXF the node's `label` is its name (what Gephi shows), its kind goes in `kind`, and a
    relationship's type in `relationship` (GEXF keeps `type` for the edge's direction)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node_id in sorted(graph.nodes):
        props = {k: _flat(v) for k, v in graph.nodes[node_id].properties().items() if v is not None and k != "id"}
        if gexf:
            props["kind"] = props.pop("label")
            props["label"] = props.get("name", node_id)
        g.add_node(node_id, **props)
    for rel in sorted(graph.relationships.values(), key=lambda r: (r.type.value, r.source, r.target, r.key)):
        props = {k: _flat(v) for k, v in rel.properties().items() if v is not None}
        key = props.pop("key")
        if gexf:
            props["relationship"] = props.pop("type")
            props["id"] = key
        g.add_edge(rel.source, rel.target, key=key, **props)
    return g


def write_graphml_in_memory(graph: PartnershipGraph, path: Path) -> Path:
    import networkx as nx

    nx.write_graphml(flat_graph(graph), path, encoding="utf-8")
    return path


def write_gexf_in_memory(graph: PartnershipGraph, path: Path) -> Path:
    import networkx as nx

    nx.write_gexf(flat_graph(graph, gexf=True), path, encoding="utf-8")
    return path


def _header(name: str, values: list[Any]) -> str:
    if any(isinstance(v, (list, tuple)) for v in values):
        return f"{name}:string[]"
    if name in INTEGER_PROPERTIES:
        return f"{name}:int"
    return name


def write_csv_in_memory(graph: PartnershipGraph, folder: Path) -> tuple[Path, Path]:
    """`nodes.csv` (`id:ID`, `:LABEL`, then every property) and `edges.csv` (`:START_ID`, `:END_ID`,
    `:TYPE`, then every property), as `neo4j-admin database import full --nodes nodes.csv
    --relationships edges.csv` reads them; lists are joined with ';', its default array delimiter."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes = [graph.nodes[i].properties() for i in sorted(graph.nodes)]
    node_keys = sorted({k for n in nodes for k in n} - {"id", "label"})
    rels = [r.properties() | {"source": r.source, "target": r.target}
            for r in sorted(graph.relationships.values(), key=lambda r: (r.type.value, r.source, r.target, r.key))]
    rel_keys = sorted({k for r in rels for k in r} - {"source", "target", "type"})
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    with nodes_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id:ID", ":LABEL", *(_header(k, [n.get(k) for n in nodes]) for k in node_keys)])
        for n in nodes:
            writer.writerow([n["id"], n["label"], *(_cell(n.get(k)) for k in node_keys)])
    with edges_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", *(_header(k, [r.get(k) for r in rels]) for k in rel_keys)])
        for r in rels:
            writer.writerow([r["source"], r["target"], r["type"], *(_cell(r.get(k)) for k in rel_keys)])
    return nodes_path, edges_path


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return _flat(value) if isinstance(value, (list, tuple)) else str(value)
