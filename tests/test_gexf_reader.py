"""The GEXF export opened by a real GEXF reader that is not networkx: graphology-gexf, the parser of
Gephi Lite and sigma.js, run under Node (tests/gexf_reader). Skipped, saying why, where Node or the
reader is not installed (`npm ci --prefix tests/gexf_reader`; .ci/run does it where npm exists)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.export_tables import LIST_SEPARATOR, write_gexf

READER = Path(__file__).resolve().parent / "gexf_reader"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="Node.js is not installed: no JavaScript GEXF reader to try"),
    pytest.mark.skipif(not (READER / "node_modules" / "graphology-gexf").is_dir(),
                       reason="graphology-gexf is not installed: run `npm ci --prefix tests/gexf_reader`"),
]


def read_with_graphology(path: Path) -> dict:
    done = subprocess.run([NODE, str(READER / "read.mjs"), str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_graphology_reads_every_node_and_edge_of_the_gexf_export(tmp_path, sample_graph):
    read = read_with_graphology(write_gexf(sample_graph, tmp_path / "g.gexf"))
    assert read["type"] == "directed" and read["multi"]
    nodes = {n["key"]: n["attributes"] for n in read["nodes"]}
    assert set(nodes) == set(sample_graph.nodes)
    for node_id, node in sample_graph.nodes.items():
        props = node.properties()
        assert nodes[node_id]["label"] == props["name"]          # what Gephi shows
        assert nodes[node_id]["kind"] == props["label"]
        assert nodes[node_id]["documents"].split(LIST_SEPARATOR) == props["documents"]
    edges = {e["key"]: e for e in read["edges"]}
    assert len(edges) == len(read["edges"]) == len(sample_graph.relationships)
    for rel in sample_graph.relationships.values():
        edge = edges[rel.key]
        assert (edge["source"], edge["target"], edge["undirected"]) == (rel.source, rel.target, False)
        assert edge["attributes"]["relationship"] == rel.type.value
        assert edge["attributes"]["document"] == rel.document
        assert edge["attributes"].get("evidence") == rel.evidence
    orders = [e["attributes"]["order"] for e in read["edges"] if e["attributes"]["relationship"] == "HAS_ITEM"]
    assert orders and all(type(o) is int for o in orders)        # declared as numbers, read as numbers


def test_graphology_reads_names_with_markup_and_accents(tmp_path):
    """Text that XML must escape, and non-ASCII names, come back as written."""
    from graph.ids import organisation_id, person_id
    from graph.model import Organisation, PartnershipGraph, Person, Rel

    g = PartnershipGraph()
    awkward = 'Siân O\'Brien-Ó Dálaigh <"chair"> & co'
    g.add(Person(id=person_id("Sian OBrien"), name=awkward, aliases=["S. O'B", "Sian"], documents=["a.txt"]))
    g.add(Organisation(id=organisation_id("Tŷ Hafan"), name="Tŷ Hafan & Partners", documents=["a.txt"]))
    g.relate(Rel.AFFILIATED_WITH, person_id("Sian OBrien"), organisation_id("Tŷ Hafan"), "a.txt",
             "Siân (Tŷ Hafan) said “thanks” <sic>", first_seen="2024-01-02")
    read = read_with_graphology(write_gexf(g, tmp_path / "g.gexf"))
    nodes = {n["key"]: n["attributes"] for n in read["nodes"]}
    assert nodes[person_id("Sian OBrien")]["label"] == awkward
    assert nodes[person_id("Sian OBrien")]["aliases"].split(LIST_SEPARATOR) == ["S. O'B", "Sian"]
    assert nodes[organisation_id("Tŷ Hafan")]["name"] == "Tŷ Hafan & Partners"
    [edge] = read["edges"]
    assert edge["attributes"]["evidence"] == "Siân (Tŷ Hafan) said “thanks” <sic>"
    assert edge["attributes"]["first_seen"] == "2024-01-02"
