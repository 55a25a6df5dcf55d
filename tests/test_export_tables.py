"""GraphML, GEXF and CSV exports, each read back by another reader (networkx, the csv module) and
compared with the graph they were written from."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import networkx as nx
from click.testing import CliRunner

from graph.export_tables import LIST_SEPARATOR, write_csv, write_gexf, write_graphml


def facts(graph) -> tuple[dict, set]:
    nodes = {i: n.properties() for i, n in graph.nodes.items()}
    edges = {(r.source, r.target, r.type.value, r.key) for r in graph.relationships.values()}
    return nodes, edges


def test_graphml_reads_back_with_every_node_edge_and_property(tmp_path, sample_graph):
    path = write_graphml(sample_graph, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    nodes, edges = facts(sample_graph)
    assert set(back.nodes) == set(nodes)
    assert {(u, v, d["type"], k) for u, v, k, d in back.edges(keys=True, data=True)} == edges
    for node_id, props in nodes.items():
        data = back.nodes[node_id]
        assert data["label"] == props["label"] and data["name"] == props["name"]
        assert data["documents"].split(LIST_SEPARATOR) == props["documents"]
    order = [d["order"] for _, _, d in back.edges(data=True) if d["type"] == "HAS_ITEM"]
    assert order and all(isinstance(o, int) for o in order)     # numbers stay numbers


def test_gexf_reads_back_with_names_as_labels_and_kinds(tmp_path, sample_graph):
    path = write_gexf(sample_graph, tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    nodes, edges = facts(sample_graph)
    assert set(back.nodes) == set(nodes)
    assert back.number_of_edges() == len(edges)
    for node_id, props in nodes.items():
        assert back.nodes[node_id]["label"] == props["name"]     # what Gephi shows
        assert back.nodes[node_id]["kind"] == props["label"]
    assert {d["relationship"] for _, _, d in back.edges(data=True)} == {e[2] for e in edges}
    root = ET.parse(path).getroot()             # the GEXF 1.2 schema's namespace, as Gephi expects
    assert root.tag.endswith("gexf") and "gexf.net" in root.tag


def test_csv_nodes_and_edges_in_neo4j_admin_import_form(tmp_path, sample_graph):
    nodes_path, edges_path = write_csv(sample_graph, tmp_path / "csv")
    with nodes_path.open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with edges_path.open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    expected_nodes, expected_edges = facts(sample_graph)
    assert list(nodes[0])[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in nodes[0]
    assert list(edges[0])[:3] == [":START_ID", ":END_ID", ":TYPE"] and "order:int" in edges[0]
    assert {n["id:ID"]: n[":LABEL"] for n in nodes} == {i: p["label"] for i, p in expected_nodes.items()}
    assert {(e[":START_ID"], e[":END_ID"], e[":TYPE"], e["key"]) for e in edges} == expected_edges
    ids = {n["id:ID"] for n in nodes}
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)   # the import's own check
    person = next(n for n in nodes if n["aliases:string[]"])
    assert LIST_SEPARATOR in person["aliases:string[]"] or person["aliases:string[]"] in \
        expected_nodes[person["id:ID"]]["aliases"]
    evidence = [e["evidence"] for e in edges if "," in e["evidence"] or '"' in e["evidence"]]
    assert evidence     # quoting survives the round trip


def test_export_command_writes_each_format(tmp_path, sample_graph):
    from app.cli import cli
    from graph.store import open_store

    with open_store(tmp_path / "s") as store:
        store.write(sample_graph)
    runner = CliRunner()
    base = ["--store", str(tmp_path / "s")]
    for fmt, out in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("csv", "tables")):
        result = runner.invoke(cli, base + ["export", "--format", fmt, "-o", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == len(sample_graph.nodes)
    assert (tmp_path / "tables" / "nodes.csv").exists() and (tmp_path / "tables" / "edges.csv").exists()
    result = runner.invoke(cli, base + ["export", "--format", "csv"])
    assert result.exit_code == 2 and "needs -o" in result.output
