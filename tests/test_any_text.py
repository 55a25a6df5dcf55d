"""Any text survives every output (issue 14, findings 2 and 3): names, bodies, evidence and metadata
drawn from all of Unicode (every plane, control characters, line and paragraph separators) go through
every export, streamed from the store and in memory, and each parses back to the same values; the
network page's script still runs in Chromium whatever the text."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import FOAF, RDFS, SKOS

from graph.ids import document_id
from graph.model import (Action, AgendaItem, Decision, Document, Meeting, Organisation, PartnershipGraph, Person, Rel,
                         Strategy)
from graph.nodelink import write_node_link
from graph.rdf import OA, serialize, to_rdf
from graph.rdf_stream import write_rdf
from graph.store.embedded import EmbeddedStore
from graph.store.stream import StoredGraph
from viz import render
from helpers import CHROMIUM, needs_chromium

PARSE = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt"}

# Every plane, control characters included; not lone surrogates, which no UTF-8 file can hold.
ANY = st.characters(blacklist_categories=("Cs",))
# The embedded store's query protocol cannot carry NUL (FalkorDB refuses the query): the store's
# tests use everything else, the in-memory ones everything.
NOT_NUL = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
# Characters that broke an output before: the page's script data, N-Triples lines, JSON strings.
TRICKY = st.sampled_from(["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r", "\n", '"', "\\", "'",
                          "<!--<script>", "</script>", "]]>", "&amp;", "${x}", "\U0010FFFD", "\U0001F600"])


def text(chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    part = st.one_of(st.text(chars, min_size=1, max_size=12), TRICKY)
    # Names need something visible: an all-space name is not a name anywhere in the project.
    return st.lists(part, min_size=1, max_size=4).map("".join).filter(lambda s: s.strip() != "")


def build(t: list[str]) -> PartnershipGraph:
    """A meeting with two people, an organisation, an item, an action, a decision and a strategy,
    whose every free-text field is drawn text."""
    doc = t[0].replace("/", "_") + ".txt"
    g = PartnershipGraph()
    meeting = "meeting:m1"
    g.add(Document(id=document_id(doc), name=doc, sha256="ab" * 32, documents=[doc]))
    g.add(Meeting(id=meeting, name=t[1], body=t[1], date="2023-03-17", venue=t[2], document=doc,
                  url="https://example.org/m?id=1", documents=[doc]))
    g.add(Organisation(id="org:o1", name=t[3], aliases=[t[4]], kind="council", documents=[doc]))
    g.add(Person(id="person:p1", name=t[5], aliases=[t[6]], documents=[doc]))
    g.add(Person(id="person:p2", name=t[7], documents=[doc]))
    g.add(AgendaItem(id="item:m1-1", name=t[8], meeting=meeting, title=t[8], number="1", order=1, documents=[doc]))
    g.add(Action(id="action:m1-1", name=t[9], meeting=meeting, text=t[9], documents=[doc]))
    g.add(Decision(id="decision:m1-1", name=t[10], meeting=meeting, text=t[10], verb="agreed", documents=[doc]))
    g.add(Strategy(id="strategy:s1", name=t[11], documents=[doc]))
    g.relate(Rel.RECORDED_IN, meeting, document_id(doc), doc, t[1])
    g.relate(Rel.MEETING_OF, meeting, "org:o1", doc, t[12])
    for person in ("person:p1", "person:p2"):
        g.relate(Rel.ATTENDED, person, meeting, doc, t[13] + person, organisation=t[3])
        g.relate(Rel.AFFILIATED_WITH, person, "org:o1", doc, t[14], first_seen="2023-03-17", last_seen="2023-03-17")
    g.relate(Rel.HAS_ITEM, meeting, "item:m1-1", doc, t[8], order=1)
    g.relate(Rel.PRESENTED, "person:p1", "item:m1-1", doc, t[15])
    g.relate(Rel.ARISES_FROM, "action:m1-1", "item:m1-1", doc, t[9])
    g.relate(Rel.ASSIGNED_TO, "action:m1-1", "person:p2", doc, t[9])
    g.relate(Rel.CONCERNS, "decision:m1-1", "strategy:s1", doc, t[10], verb="agreed")
    g.relate(Rel.MENTIONS, "item:m1-1", "strategy:s1", doc, t[11])
    return g


def texts(chars: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(text(chars), min_size=16, max_size=16)


def literals(rdf: Graph, predicate) -> set[str]:
    return {str(o) for o in rdf.objects(None, predicate) if isinstance(o, Literal)}


def check_rdf(graph: PartnershipGraph, rdf_text: str, fmt: str) -> Graph:
    parsed = Graph().parse(data=rdf_text, format=PARSE[fmt])
    people = [n for n in graph.nodes.values() if isinstance(n, Person)]
    assert {p.name for p in people} <= literals(parsed, FOAF.name)
    assert {a for p in people for a in p.aliases} | {graph.nodes["org:o1"].aliases[0]} <= literals(parsed, SKOS.altLabel)
    assert {r.evidence for r in graph.relationships.values() if r.evidence} == literals(parsed, OA.exact)
    assert graph.nodes["meeting:m1"].name in literals(parsed, RDFS.label)
    return parsed


def check_node_link(graph: PartnershipGraph, data: dict) -> None:
    back = PartnershipGraph.from_node_link(data)
    assert {i: n.properties() for i, n in back.nodes.items()} == {i: n.properties() for i, n in graph.nodes.items()}
    assert {k: r.properties() for k, r in back.relationships.items()} == \
        {k: r.properties() for k, r in graph.relationships.items()}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("anytext") / "store") as s:
        yield s


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts(NOT_NUL))
def test_any_text_round_trips_through_the_store_and_every_streamed_export(store, t):
    store.run("MATCH (n) DETACH DELETE n")
    graph = build(t)
    store.write(graph, documents=[graph.nodes["meeting:m1"].document])
    out = io.StringIO()
    write_node_link(StoredGraph(store), out)
    check_node_link(graph, json.loads(out.getvalue()))
    expected = set(to_rdf(graph))                       # built in memory from the graph as written
    for fmt in PARSE:
        out = io.StringIO()
        write_rdf(StoredGraph(store), fmt, out)
        assert set(check_rdf(graph, out.getvalue(), fmt)) == expected, fmt


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts(ANY))
def test_any_text_round_trips_through_every_in_memory_export(t):
    graph = build(t)
    check_node_link(graph, json.loads(json.dumps(graph.to_node_link(), ensure_ascii=False)))
    expected = set(to_rdf(graph))
    for fmt in PARSE:
        assert set(check_rdf(graph, serialize(graph, fmt), fmt)) == expected, fmt


def test_a_publisher_with_a_line_separator_gives_valid_n_triples():
    # The case the issue found: `export --format ntriples --publisher $'A\u2028B'`.
    graph = build([f"x{i}" for i in range(16)])
    for write in (lambda: serialize(graph, "ntriples", publisher="A\u2028B"),
                  lambda: _streamed(graph, "ntriples", publisher="A\u2028B")):
        parsed = Graph().parse(data=write(), format="nt")
        assert "A\u2028B" in literals(parsed, FOAF.name)


def _streamed(graph: PartnershipGraph, fmt: str, **options) -> str:
    out = io.StringIO()
    write_rdf(graph, fmt, out, **options)
    return out.getvalue()


def page_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.DOTALL).group(1))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(texts(ANY))
def test_page_data_holds_any_text_without_ending_its_script_element(t):
    graph = build(t)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        html = render(graph, Path(folder) / "p.html").read_text(encoding="utf-8")
    data = page_data(html)
    block = html[html.index('id="pg-data">'):]
    block = block[:block.index("</script>")]
    assert "<" not in block[len('id="pg-data">'):] and "\u2028" not in block and "\u2029" not in block
    # The sentences behind the links come back exactly as stated.
    stated = {r.evidence for r in graph.relationships.values() if r.evidence}
    shown = {row[1] for row in data["evidence"]}
    assert shown and shown <= stated


# -- in the browser ---------------------------------------------------------------------------



def run_page(chromium, path: Path) -> dict:
    page = chromium.new_page(viewport={"width": 1000, "height": 700})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_function("() => window.pgStable === true", timeout=30_000)
        return {"errors": errors, "title": page.evaluate("document.getElementById('pg-title').textContent"),
                "legend": page.evaluate("document.querySelectorAll('#pg-legend *').length"),
                "data": page.evaluate("JSON.parse(document.getElementById('pg-data').textContent)")}
    finally:
        page.close()


@pytest.mark.browser
@needs_chromium
def test_the_issue_s_comment_then_script_text_leaves_the_page_working(chromium, tmp_path):
    t = [f"Name {i}" for i in range(16)]
    t[5], t[13] = "Ann <!--<script> Smith", "She said <!--<script> and </script> too"
    graph = build(t)
    r = run_page(chromium, render(graph, tmp_path / "p.html"))
    assert r["errors"] == [] and r["legend"] > 0 and r["title"]


@pytest.mark.browser
@needs_chromium
@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts(ANY))
def test_the_page_script_runs_in_chromium_whatever_the_text(chromium, tmp_path, t):
    graph = build(t)
    html = render(graph, tmp_path / "p.html")
    r = run_page(chromium, html)
    assert r["errors"] == []
    assert r["legend"] > 0                     # the page's own script drew the legend
    assert r["data"] == page_data(html.read_text(encoding="utf-8"))   # and read its data as written
