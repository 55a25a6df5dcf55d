"""Streamed exports and pages (issue 14, finding 10): read from the store a slice at a time, the same
output as the in-memory path (node-link JSON byte for byte, RDF isomorphic), on the samples and on a
synthetic archive loaded by the pipeline."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph

from app.cli import cli
from app.pipeline import load_into
from graph import rdf_stream
from graph.model import PartnershipGraph
from graph.nodelink import write_node_link
from graph.rdf import serialize
from graph.rdf_stream import ExternalSort, write_rdf
from graph.store import stream
from graph.store.embedded import EmbeddedStore
from graph.store.stream import StoredGraph
from viz import READS_FIELDS, READS_TYPES, render

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "minutes"
PARSE = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt"}


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """Two stores loaded by the pipeline: the samples, and a synthetic archive of 12 meetings."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    base = tmp_path_factory.mktemp("streaming")
    generate(12, base / "synthetic")
    stores = {}
    for name, source in (("samples", SAMPLES), ("synthetic", base / "synthetic")):
        folder = base / f"store-{name}"
        with EmbeddedStore(folder) as store:
            report = load_into(store, [source], workers=1)
            assert not report.failed
        stores[name] = folder
    return stores


@pytest.fixture(params=["samples", "synthetic"])
def store(request, archives, monkeypatch):
    # Small slices, so that every export crosses many of them (and the sort spills to disk).
    monkeypatch.setattr(stream, "REL_BATCH", 7)
    monkeypatch.setattr(stream, "NODE_BATCH", 11)
    monkeypatch.setattr(rdf_stream, "RUN_LINES", 2000)
    with EmbeddedStore(archives[request.param]) as s:
        yield s


def isomorphic(a: Graph, b: Graph) -> bool:
    # The export mints an IRI for everything (no blank nodes), so isomorphic means the same triples;
    # comparing sets is what rdflib.compare.isomorphic does then, without its canonical labelling.
    assert not any(isinstance(t, BNode) for triple in (*a, *b) for t in triple)
    return set(a) == set(b)


def in_memory_node_link(graph: PartnershipGraph) -> str:
    return json.dumps(graph.to_node_link(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def test_node_link_json_streamed_from_the_store_is_byte_identical(store):
    out = io.StringIO()
    nodes, edges = write_node_link(StoredGraph(store), out)
    expected = in_memory_node_link(store.read_graph())
    assert out.getvalue() == expected
    data = json.loads(expected)
    assert (nodes, edges) == (len(data["nodes"]), len(data["edges"])) and edges > 100


@pytest.mark.parametrize("fmt, public_only", [("ntriples", False), ("turtle", False), ("jsonld", False),
                                               ("ntriples", True)])   # one path writes every format
def test_rdf_streamed_from_the_store_is_isomorphic_to_the_in_memory_export(store, fmt, public_only):
    options = {"publisher": "Example Council", "issued": "2024-01-31"}
    expected = serialize(store.read_graph(), fmt, public_only=public_only, **options)
    out = io.StringIO()
    write_rdf(StoredGraph(store), fmt, out, public_only=public_only, **options)
    streamed = Graph().parse(data=out.getvalue(), format=PARSE[fmt])
    assert len(streamed) > 1000
    assert isomorphic(streamed, Graph().parse(data=expected, format=PARSE[fmt]))
    if fmt != "turtle":   # N-Triples and JSON-LD are sorted: the same bytes
        assert out.getvalue() == expected


def test_the_page_drawn_from_what_it_reads_equals_the_page_from_the_whole_graph(store, tmp_path):
    whole = store.read_graph()
    ordered = PartnershipGraph()          # the same graph, nodes in id order as the stream gives them
    for node_id in sorted(whole.nodes):
        ordered.nodes[node_id] = whole.nodes[node_id]
    ordered.relationships = whole.relationships
    part = StoredGraph(store, labels=READS_FIELDS, types=READS_TYPES).read(READS_FIELDS, documents=False)
    assert len(part.relationships) < len(whole.relationships)       # less is read ...
    # ... and, as `pgraph viz` reads it, streamed from the store (the page's index sorts each slice).
    streamed = StoredGraph(store, labels=READS_FIELDS, types=READS_TYPES, fields=READS_FIELDS, documents=False)
    for view in ("people", "organisations"):
        a = render(ordered, tmp_path / f"whole-{view}.html", view=view).read_text(encoding="utf-8")
        b = render(part, tmp_path / f"part-{view}.html", view=view).read_text(encoding="utf-8")
        c = render(streamed, tmp_path / f"streamed-{view}.html", view=view).read_text(encoding="utf-8")
        assert a == b == c                                            # ... and the page is the same


def test_cli_export_writes_the_streamed_formats(archives, tmp_path):
    runner = CliRunner()
    with EmbeddedStore(archives["samples"]) as s:
        whole = s.read_graph()
    for fmt in ("json", "ntriples", "turtle"):
        out = tmp_path / f"g.{fmt}"
        result = runner.invoke(cli, ["-q", "--store", str(archives["samples"]), "export", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        if fmt == "json":
            assert text == in_memory_node_link(whole)
        elif fmt == "ntriples":
            assert text == serialize(whole, fmt)
        else:
            assert isomorphic(Graph().parse(data=text, format="turtle"),
                              Graph().parse(data=serialize(whole, "ntriples"), format="nt"))
        assert not list(tmp_path.glob(".*.partial"))


def test_external_sort_spills_merges_and_drops_duplicates():
    import random

    rnd = random.Random(3)
    lines = [f"<s{rnd.randrange(300)}> \u2028 {rnd.random():.3f} \x85 \r" for _ in range(2000)]
    sorter = ExternalSort(run_lines=97)
    for line in lines:
        sorter.add(line)
    assert len(sorter.runs) > 10
    assert list(sorter) == sorted(set(lines))
    assert sorter.folder is None            # the runs are removed once read


def test_jsonld_written_without_rdflib_equals_rdflibs_converter():
    """The JSON-LD writer makes each subject's node itself; rdflib's converter, given the same triples
    whole, gives the same document: escapes, languages, native and other datatypes, several values of
    a key, rdf:type, a falsy value followed by another. (The export has no blank nodes; a subject that
    is one goes through rdflib's converter, checked last.)"""
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD
    from rdflib.plugins.serializers.nt import _nt_row

    from graph.rdf import PREFIXES, _canonical

    ex = Namespace("https://example.org/partnership/")
    sdo = Namespace("https://schema.org/")
    g = Graph(store="SimpleMemory", bind_namespaces="none")
    person = ex["person/ann-smith"]
    triples = [
        (person, RDF.type, sdo.Person), (person, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (person, sdo.name, Literal('Ann "Nan" Smith\\ \n line\r two \u2028 \U0001F600')),
        (person, sdo.alternateName, Literal("Mrs Smith", lang="en")),
        (person, sdo.alternateName, Literal("")),
        (person, sdo.alternateName, Literal("Ann")),
        (person, sdo.description, Literal("")),
        (person, sdo.birthDate, Literal("1970-01-02", datatype=XSD.date)),
        (person, sdo.numberOfItems, Literal("7", datatype=XSD.integer)),
        (person, sdo.isAccessibleForFree, Literal("true", datatype=XSD.boolean)),
        (person, sdo.ratingValue, Literal("2.5E0", datatype=XSD.double)),
        (person, sdo.text, Literal("typed string", datatype=XSD.string)),
        (person, sdo.knows, ex["person/raj-patel"]), (person, sdo.knows, URIRef("urn:x:other")),
        (ex["org/a"], sdo.name, Literal("A")),
    ]
    lines = sorted({_nt_row(t)[:-1] for t in triples})
    g.parse(data="\n".join(lines) + "\n", format="nt")     # in the order the writer reads them, as it did
    out = io.StringIO()
    assert rdf_stream.write_jsonld(lines, out) == len(lines)

    from rdflib.plugins.serializers.jsonld import from_rdf

    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    whole = from_rdf(g, context_data=context, auto_compact=True)
    expected = sorted(json.dumps(_canonical(node), ensure_ascii=False, sort_keys=True) for node in whole["@graph"])
    written = json.loads(out.getvalue())
    assert written["@context"] == context
    assert sorted(json.dumps(node, ensure_ascii=False, sort_keys=True) for node in written["@graph"]) == expected
    assert any("ann-smith" in line for line in expected) and len(expected) == 2
    out = io.StringIO()
    rdf_stream.write_jsonld(['_:b1 <https://schema.org/name> "a blank node" .'], out)
    [node] = json.loads(out.getvalue())["@graph"] if "@graph" in out.getvalue() else [None]
    assert node["schema:name"] == "a blank node" and node["@id"].startswith("_:")
