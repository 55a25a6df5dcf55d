"""GraphML, GEXF and CSV written a node and a relationship at a time (issue 14, finding 10).

The writers take a source with `iter_nodes()` (nodes in id order) and `iter_relationships()`, and
`property_names()`: which properties nodes and relationships hold, so that GraphML's <key>s, GEXF's
<attributes> and the CSV headers are written before the data. A `StoredGraph` is read from the store
a slice at a time and its property names come from one pass over the stored keys only (`StoreSource`);
a `PartnershipGraph` is wrapped by `InMemorySource`. Nothing holds the whole graph.

The output is what networkx wrote from `export_tables.flat_graph` (the same nodes, edges and
attributes; the order of keys may differ): lists joined with ';', nulls left out, `order` a number.
Characters XML 1.0 cannot hold at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, so the file
always parses; `\\r`, `\\n` and `\\t` are written as character references where XML would change them.
"""
from __future__ import annotations

import csv
import re
import time
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any, Iterator, Protocol, TextIO

from graph.model import LIST_PROPERTIES, NODE_CLASSES, Label, Node, PartnershipGraph, Rel, Relationship
from graph.store.statements import SIGHTED

LIST_SEPARATOR = ";"           # lists in GraphML, GEXF and CSV cells (neo4j-admin's array delimiter)
INTEGER_PROPERTIES = {"order"}  # whole numbers in the model; everything else is text or a list of text

_REL_STORED_ONLY = {"source", "target"}            # in the stored row, not in Relationship.properties()


class Source(Protocol):
    def iter_nodes(self) -> Iterator[Node]: ...

    def iter_relationships(self) -> Iterator[Relationship]: ...


def _always_present(label: Label) -> set[str]:
    """The properties every node of a label has in `Node.properties()`: required fields and those
    whose default is not null (an action's `status`, an item's `order`)."""
    names = {"label"}
    for f in fields(NODE_CLASSES[label]):
        if f.name == "extra":
            continue
        if (f.default is MISSING and f.default_factory is MISSING) or f.default is not None \
                or f.default_factory is not MISSING:
            names.add(f.name)
    return names


class StoreSource:
    """A `StoredGraph` with the names of its properties read from the store's keys (no values)."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def iter_nodes(self) -> Iterator[Node]:
        return self.graph.iter_nodes()

    def iter_relationships(self) -> Iterator[Relationship]:
        return self.graph.iter_relationships()

    def property_names(self) -> tuple[set[str], set[str]]:
        store, present = self.graph.store, set(self.graph.ids.values())
        nodes: set[str] = set()
        for label in present:
            nodes |= _always_present(label)
            if label in SIGHTED:
                nodes.add("documents")       # from the node's sightings, as StoredGraph reads it
            for row in store.run(f"MATCH (n:{label.value}) UNWIND keys(n) AS k RETURN DISTINCT k AS k",
                                 read_only=True):
                nodes.add(row["k"])
        rels: set[str] = set()
        if self.graph.relationship_count():
            rels = {"type", "key"}
            types = [t.value for t in (self.graph.types or Rel)]     # the model's types, not derived ones
            for row in store.run("MATCH ()-[r]->() WHERE type(r) IN $types UNWIND keys(r) AS k RETURN DISTINCT k AS k",
                                 {"types": types}, read_only=True):
                rels.add(row["k"])
            rels -= _REL_STORED_ONLY
        return nodes - {"id"}, rels


class InMemorySource:
    """A `PartnershipGraph` as a source: nodes by id, relationships by type, source, target and key."""

    def __init__(self, graph: PartnershipGraph) -> None:
        self.graph = graph

    def iter_nodes(self) -> Iterator[Node]:
        return (self.graph.nodes[i] for i in sorted(self.graph.nodes))

    def iter_relationships(self) -> Iterator[Relationship]:
        return iter(sorted(self.graph.relationships.values(), key=lambda r: (r.type.value, r.source, r.target, r.key)))

    def property_names(self) -> tuple[set[str], set[str]]:
        nodes = {k for n in self.graph.nodes.values() for k in n.properties()} - {"id"}
        rels = {k for r in self.graph.relationships.values() for k in r.properties()}
        return nodes, rels


def source_of(graph: Any) -> Any:
    if isinstance(graph, PartnershipGraph):
        return InMemorySource(graph)
    if hasattr(graph, "property_names"):
        return graph
    return StoreSource(graph)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


# -- XML
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile("[&<>\r\"\n\t]")


def _valid(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    return _INVALID_XML.sub("\ufffd", text)


def xml_text(value: Any) -> str:
    """Element content that parses back to `value` (XML-invalid characters as U+FFFD)."""
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], _valid(value))


def xml_attr(value: Any) -> str:
    """A double-quoted attribute's value that parses back to `value` (XML-invalid characters as U+FFFD)."""
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m.group()], _valid(value))


def _xml_type(name: str) -> str:
    return "long" if name in INTEGER_PROPERTIES else "string"   # what networkx wrote for int and str


# -- GraphML
GRAPHML_HEAD = ('<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
                'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


def stream_graphml(graph: Any, out: TextIO) -> tuple[int, int]:
    """Write GraphML to `out`; (nodes, edges) written."""
    source = source_of(graph)
    node_names, rel_names = source.property_names()
    node_keys = {name: f"n{i}" for i, name in enumerate(sorted(node_names))}
    edge_keys = {name: f"e{i}" for i, name in enumerate(sorted(rel_names - {"key"}))}
    out.write(GRAPHML_HEAD)
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, key in keys.items():
            out.write(f'  <key id="{key}" for="{scope}" attr.name="{xml_attr(name)}" attr.type="{_xml_type(name)}" />\n')
    out.write('  <graph edgedefault="directed">\n')
    n = 0
    for node in source.iter_nodes():
        parts = [f'    <node id="{xml_attr(node.id)}">\n']
        for name, value in node.properties().items():
            if name != "id" and value is not None:
                parts.append(f'      <data key="{node_keys[name]}">{xml_text(_flat(value))}</data>\n')
        parts.append("    </node>\n")
        out.write("".join(parts))
        n += 1
    e = 0
    for rel in source.iter_relationships():
        props = rel.properties()
        key = props.pop("key")
        parts = [f'    <edge source="{xml_attr(rel.source)}" target="{xml_attr(rel.target)}" id="{xml_attr(key)}">\n']
        for name, value in props.items():
            parts.append(f'      <data key="{edge_keys[name]}">{xml_text(_flat(value))}</data>\n')
        parts.append("    </edge>\n")
        out.write("".join(parts))
        e += 1
    out.write("  </graph>\n</graphml>\n")
    return n, e


# -- GEXF
GEXF_HEAD = ('<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<gexf xmlns="http://www.gexf.net/1.2draft" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft '
             'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n')


def stream_gexf(graph: Any, out: TextIO) -> tuple[int, int]:
    """Write GEXF 1.2 to `out`; (nodes, edges) written. A node's label is its name (what Gephi shows),
    its kind is in `kind`; a relationship's type is in `relationship` (GEXF keeps `type` for the
    edge's direction) and its key is the edge's id and its `networkx_key`, as networkx wrote them."""
    source = source_of(graph)
    node_names, rel_names = source.property_names()
    node_attrs = sorted((node_names - {"label"}) | {"kind"})
    edge_attrs = sorted((rel_names - {"type", "key"}) | {"relationship", "networkx_key"})
    node_ids = {name: str(i) for i, name in enumerate(node_attrs)}
    edge_ids = {name: str(i + len(node_attrs)) for i, name in enumerate(edge_attrs)}
    out.write(GEXF_HEAD)
    out.write(f'  <meta lastmodifieddate="{time.strftime("%Y-%m-%d")}">\n    <creator>pgraph</creator>\n  </meta>\n')
    out.write('  <graph defaultedgetype="directed" mode="static" name="">\n')
    for cls, ids in (("edge", edge_ids), ("node", node_ids)):
        out.write(f'    <attributes mode="static" class="{cls}">\n')
        for name, i in ids.items():
            out.write(f'      <attribute id="{i}" title="{xml_attr(name)}" type="{_xml_type(name)}" />\n')
        out.write("    </attributes>\n")
    out.write("    <nodes>\n")
    n = 0
    for node in source.iter_nodes():
        props = {k: _flat(v) for k, v in node.properties().items() if v is not None and k != "id"}
        props["kind"] = props.pop("label")
        label = props.get("name", node.id)
        parts = [f'      <node id="{xml_attr(node.id)}" label="{xml_attr(label)}">\n        <attvalues>\n']
        for name, value in props.items():
            parts.append(f'          <attvalue for="{node_ids[name]}" value="{xml_attr(value)}" />\n')
        parts.append("        </attvalues>\n      </node>\n")
        out.write("".join(parts))
        n += 1
    out.write("    </nodes>\n    <edges>\n")
    e = 0
    for rel in source.iter_relationships():
        props = {k: _flat(v) for k, v in rel.properties().items()}
        key = props.pop("key")
        props["relationship"] = props.pop("type")
        props["networkx_key"] = key
        parts = [f'      <edge source="{xml_attr(rel.source)}" target="{xml_attr(rel.target)}" id="{xml_attr(key)}">\n'
                 "        <attvalues>\n"]
        for name, value in props.items():
            parts.append(f'          <attvalue for="{edge_ids[name]}" value="{xml_attr(value)}" />\n')
        parts.append("        </attvalues>\n      </edge>\n")
        out.write("".join(parts))
        e += 1
    out.write("    </edges>\n  </graph>\n</gexf>\n")
    return n, e


# -- CSV
def _header(name: str) -> str:
    if name in LIST_PROPERTIES:
        return f"{name}:string[]"
    if name in INTEGER_PROPERTIES:
        return f"{name}:int"
    return name


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return _flat(value) if isinstance(value, (list, tuple)) else str(value)


def stream_csv(graph: Any, folder: Path) -> tuple[Path, Path, int, int]:
    """`nodes.csv` (`id:ID`, `:LABEL`, then every property) and `edges.csv` (`:START_ID`, `:END_ID`,
    `:TYPE`, then every property), as `neo4j-admin database import full --nodes nodes.csv
    --relationships edges.csv` reads them; lists are joined with ';', its default array delimiter.
    Each file is written beside and renamed into place when complete. Returns the paths and counts."""
    source = source_of(graph)
    node_names, rel_names = source.property_names()
    node_keys = sorted(node_names - {"id", "label"})
    rel_keys = sorted(rel_names - {"type"})
    folder.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    n = e = 0
    with _partial(nodes_path) as out:
        writer = csv.writer(out)
        writer.writerow(["id:ID", ":LABEL", *(_header(k) for k in node_keys)])
        for node in source.iter_nodes():
            props = node.properties()
            writer.writerow([node.id, props["label"], *(_cell(props.get(k)) for k in node_keys)])
            n += 1
    with _partial(edges_path) as out:
        writer = csv.writer(out)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", *(_header(k) for k in rel_keys)])
        for rel in source.iter_relationships():
            props = rel.properties()
            writer.writerow([rel.source, rel.target, props["type"], *(_cell(props.get(k)) for k in rel_keys)])
            e += 1
    return nodes_path, edges_path, n, e


class _partial:
    """A file written beside its path and renamed into place when complete."""

    def __init__(self, path: Path) -> None:
        self.path, self.tmp = path, path.with_name(f".{path.name}.partial")

    def __enter__(self) -> TextIO:
        self.out = self.tmp.open("w", encoding="utf-8", newline="")
        return self.out

    def __exit__(self, kind: Any, *_: Any) -> None:
        self.out.close()
        if kind is None:
            self.tmp.replace(self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def write_graphml(graph: Any, path: Path) -> Path:
    with _partial(path) as out:
        stream_graphml(graph, out)
    return path


def write_gexf(graph: Any, path: Path) -> Path:
    with _partial(path) as out:
        stream_gexf(graph, out)
    return path


def write_csv(graph: Any, folder: Path) -> tuple[Path, Path]:
    nodes_path, edges_path, _, _ = stream_csv(graph, folder)
    return nodes_path, edges_path
