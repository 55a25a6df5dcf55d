"""GraphML, GEXF and CSV streamed from the store (issue 14, finding 10): the same nodes, edges and
attributes as the in-memory networkx writers they replace, read back by networkx and the csv module;
valid XML whatever the text."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import cli
from app.pipeline import load_into
from graph import table_stream
from graph.export_tables import (write_csv, write_csv_in_memory, write_gexf, write_gexf_in_memory, write_graphml,
                                 write_graphml_in_memory)
from graph.model import Organisation, PartnershipGraph, Person, Rel
from graph.store import stream
from graph.store.embedded import EmbeddedStore
from graph.store.stream import StoredGraph

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "minutes"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The samples loaded by the pipeline, one server for the module (each start costs seconds)."""
    with EmbeddedStore(tmp_path_factory.mktemp("tables") / "store") as store:
        assert not load_into(store, [SAMPLES], workers=1).failed
        yield store


@pytest.fixture
def store(loaded, monkeypatch):
    # Small slices, so that every export crosses many of them.
    monkeypatch.setattr(stream, "REL_BATCH", 7)
    monkeypatch.setattr(stream, "NODE_BATCH", 11)
    return loaded


def contents(g: nx.MultiDiGraph) -> tuple[dict, set]:
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = {(u, v, k, frozenset(d.items())) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def test_graphml_streamed_from_the_store_equals_the_in_memory_writer(store, tmp_path):
    old = write_graphml_in_memory(store.read_graph(), tmp_path / "old.graphml")
    new = write_graphml(StoredGraph(store), tmp_path / "new.graphml")
    a, b = nx.read_graphml(old, force_multigraph=True), nx.read_graphml(new, force_multigraph=True)
    assert a.number_of_edges() > 100
    assert contents(a) == contents(b)
    assert any(isinstance(d.get("order"), int) for _, _, d in b.edges(data=True))   # numbers stay numbers


def test_gexf_streamed_from_the_store_equals_the_in_memory_writer(store, tmp_path):
    old = write_gexf_in_memory(store.read_graph(), tmp_path / "old.gexf")
    new = write_gexf(StoredGraph(store), tmp_path / "new.gexf")
    a, b = nx.read_gexf(old), nx.read_gexf(new)
    assert a.number_of_edges() > 100 and a.is_multigraph() and b.is_multigraph()
    assert contents(a) == contents(b)


def read_csv(path: Path) -> tuple[set, set]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return set(rows[0]), {frozenset(r.items()) for r in rows}


def test_csv_streamed_from_the_store_equals_the_in_memory_writer(store, tmp_path):
    old = write_csv_in_memory(store.read_graph(), tmp_path / "old")
    new = write_csv(StoredGraph(store), tmp_path / "new")
    assert [p.name for p in new] == ["nodes.csv", "edges.csv"]
    for a, b in zip(old, new):
        assert read_csv(a) == read_csv(b)              # the same headers and rows, in any order
    assert not list((tmp_path / "new").glob(".*partial"))


def test_in_memory_graph_through_the_streamed_writers_equals_the_networkx_writers(sample_graph, tmp_path):
    pairs = ((write_graphml_in_memory, write_graphml, lambda p: nx.read_graphml(p, force_multigraph=True)),
             (write_gexf_in_memory, write_gexf, nx.read_gexf))
    for old, new, read in pairs:
        a = read(old(sample_graph, tmp_path / "old.xml"))
        b = read(new(sample_graph, tmp_path / "new.xml"))
        assert contents(a) == contents(b)
    for a, b in zip(write_csv_in_memory(sample_graph, tmp_path / "a"), write_csv(sample_graph, tmp_path / "b")):
        assert read_csv(a) == read_csv(b)


def test_cli_exports_tables_streamed(sample_graph, tmp_path):
    with EmbeddedStore(tmp_path / "s") as s:
        s.write(sample_graph)
        whole = s.read_graph()
    runner = CliRunner()
    base = ["--store", str(tmp_path / "s"), "export"]
    for fmt, out in (("graphml", "g.graphml"), ("gexf", "g.gexf"), ("csv", "tables")):
        result = runner.invoke(cli, base + ["--format", fmt, "-o", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
        assert f"({len(whole.nodes)} nodes, {len(whole.relationships)} relationships)" in result.output
    assert contents(nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)) == \
        contents(nx.read_graphml(write_graphml_in_memory(whole, tmp_path / "old.graphml"), force_multigraph=True))
    assert not list(tmp_path.glob(".*partial"))


XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def awkward_graph(name: str, alias: str, evidence: str) -> PartnershipGraph:
    g = PartnershipGraph()
    g.add(Person(id="person:p1", name=name, aliases=[alias], documents=["a.txt"]))
    g.add(Organisation(id="org:o1", name=alias, documents=["a.txt"]))
    g.relate(Rel.AFFILIATED_WITH, "person:p1", "org:o1", "a.txt", evidence, first_seen="2024-01-02")
    return g


ANY = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
TRICKY = st.sampled_from(["\x00", "\x01", "\x0b", "\x1f", "\r", "\r\n", "\n", "\t", "\ufffe", "\uffff", "]]>",
                          '"', "'", "<&>", "\u2028", "\x85", "\U0010FFFD", " "])
TEXT = st.lists(st.one_of(ANY, TRICKY), min_size=1, max_size=4).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, TEXT)
def test_any_text_gives_xml_that_parses_back_to_the_text(name, alias, evidence):
    """Characters XML 1.0 can hold come back exactly (\\r, \\t and newlines included); the few it cannot
    hold at all (C0 controls, U+FFFE, U+FFFF) come back as U+FFFD."""
    g = awkward_graph(name, alias, evidence)
    [rel] = g.relationships.values()          # evidence as the model keeps it (trimmed; None if blank)
    valid = {v: XML_INVALID.sub("\ufffd", v) for v in (name, alias)}
    for write, read in ((table_stream.stream_graphml, lambda f: nx.read_graphml(f, force_multigraph=True)),
                        (table_stream.stream_gexf, nx.read_gexf)):
        out = io.StringIO()
        assert write(g, out) == (2, 1)
        back = read(io.BytesIO(out.getvalue().encode("utf-8")))
        assert back.nodes["person:p1"]["name"] == valid[name]
        assert back.nodes["org:o1"]["name"] == valid[alias]
        assert back.nodes["person:p1"]["aliases"] == valid[alias]
        [(_, _, data)] = back.edges(data=True)
        assert data.get("evidence") == (XML_INVALID.sub("\ufffd", rel.evidence) if rel.evidence else None)
