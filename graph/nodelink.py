"""Node-link JSON export, streamed: the same bytes as `json.dumps(graph.to_node_link(), indent=1, ...)`.

`PartnershipGraph.to_node_link` builds a networkx graph of the whole archive first. This writer
takes the nodes and each node's outgoing relationships a slice at a time (a `StoredGraph`, or
anything with `sorted_ids`, `iter_nodes()` and `iter_relationship_rows()`) and writes each
element as it comes, in the order networkx would give: nodes by id; edges by source id, then
target in order of first insertion (smallest relationship type, then id), then type and key.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Protocol, TextIO

from graph.model import Node, Relationship


class Source(Protocol):
    def iter_nodes(self) -> Iterator[Node]: ...

    def iter_relationship_batches(self) -> Iterator[list[Relationship]]:
        """Every relationship of a range of source nodes per batch; the ranges in id order."""


def _element(value: dict[str, Any]) -> str:
    # An element of a top-level list in json.dumps(doc, indent=1): its own dump, indented two levels.
    return "  " + json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True).replace("\n", "\n  ")


def _write_list(out: TextIO, items: Iterable[dict[str, Any]]) -> int:
    n = 0
    for item in items:
        out.write(("[\n" if n == 0 else ",\n") + _element(item))
        n += 1
    out.write("\n ]" if n else "[]")
    return n


def edge_order(rels: list[Relationship]) -> list[Relationship]:
    """One source node's relationships in networkx's order (see the module docstring)."""
    first: dict[str, tuple[str, str]] = {}
    for rel in rels:
        seen = first.get(rel.target)
        if seen is None or rel.type.value < seen[0]:
            first[rel.target] = (rel.type.value, rel.target)
    return sorted(rels, key=lambda r: (first[r.target], r.type.value, r.key))


def _edges(source: Source) -> Iterator[dict[str, Any]]:
    for batch in source.iter_relationship_batches():
        by_source: dict[str, list[Relationship]] = {}
        for rel in batch:
            by_source.setdefault(rel.source, []).append(rel)
        for node_id in sorted(by_source):
            for rel in edge_order(by_source[node_id]):
                yield {**rel.properties(), "source": rel.source, "target": rel.target}


def write_node_link(source: Source, out: TextIO, **graph_attrs: Any) -> tuple[int, int]:
    """Write the node-link document to `out`; (nodes, edges) written. Ends with a newline."""
    out.write('{\n "directed": true,\n "edges": ')
    edges = _write_list(out, _edges(source))
    graph = json.dumps(graph_attrs, indent=1, ensure_ascii=False, sort_keys=True).replace("\n", "\n ")
    out.write(f',\n "graph": {graph},\n "multigraph": true,\n "nodes": ')
    nodes = _write_list(out, (node.properties() for node in source.iter_nodes()))
    out.write("\n}\n")
    return nodes, edges
