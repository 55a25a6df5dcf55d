"""The summaries the store derives from the facts: equal to a recomputation from scratch after loads,
replacements and interrupted refreshes, and invisible to everything that reads the model."""
from __future__ import annotations

import json

import pytest

from graph.ids import person_id
from graph.model import PartnershipGraph
from graph.store import summaries
from handmade import handmade_documents, handmade_graph
from queries import get_recipe
from test_store import normalised, write_all

DERIVED = (f"MATCH (a)-[r]->(b) WHERE type(r) IN $types "
           "RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props")


def snapshot(store) -> list[str]:
    """Every derived relationship, its list properties sorted, as comparable text."""
    rows = store.run(DERIVED, {"types": list(summaries.DERIVED_TYPES)})
    out = []
    for row in rows:
        props = row["props"]
        if "years" in props:     # parallel lists: compare them as pairs
            props["years"] = sorted(zip(props.pop("years"), props.pop("counts")))
        props = {k: sorted(v) if isinstance(v, list) else v for k, v in props.items()}
        out.append(json.dumps([row["type"], row["source"], row["target"], props], sort_keys=True))
    return sorted(out)


def recomputed(store) -> list[str]:
    """The summaries rebuilt from scratch (what a fresh store holding the same facts would have)."""
    summaries.rebuild(lambda cypher, params=None: store.run(cypher, params))
    return snapshot(store)


def stale(store) -> dict:
    [state] = store.run(summaries.READ_STATE)
    return {k: sorted(set(state[k])) for k in ("documents", "people", "organisations")}


def without_people(graph: PartnershipGraph, drop: set[str]) -> PartnershipGraph:
    """A new version of one document's graph in which some people are no longer named."""
    changed = PartnershipGraph()
    for node_id, node in graph.nodes.items():
        if node_id not in drop:
            changed.add(node)
    for rel in graph.relationships.values():
        if rel.source in changed.nodes and rel.target in changed.nodes:
            changed.relate(rel.type, rel.source, rel.target, rel.document, rel.evidence, **rel.props)
    return changed


@pytest.fixture
def loaded(store):
    write_all(store)
    assert store.refresh_summaries()
    return store


def test_summaries_after_a_load_equal_a_recomputation(loaded):
    after_load = snapshot(loaded)
    kinds = {json.loads(line)[0] for line in after_load}
    assert kinds == set(summaries.DERIVED_TYPES)
    assert after_load == recomputed(loaded)
    assert loaded.refresh_summaries() is False          # nothing stale any more
    assert stale(loaded) == {"documents": [], "people": [], "organisations": []}


def test_replacing_a_document_refreshes_only_what_it_touched(loaded):
    docs = handmade_documents()
    name = "001_e11e6126daf074eb.txt"
    # Two attendees of 001 are dropped from its new version: pairs between them must go too.
    dropped = {person_id("Bateman"), person_id("Inspector Ishtiaq")}
    loaded.write(without_people(docs[name], dropped), documents=[name])
    marked = stale(loaded)
    assert marked["documents"] == [name]
    assert dropped <= set(marked["people"])             # the old version's people, kept before removal
    assert loaded.refresh_summaries()
    refreshed = snapshot(loaded)
    assert refreshed == recomputed(loaded)
    assert not any(p in line for line in refreshed for p in dropped)


def test_a_write_without_a_refresh_is_marked_and_recipes_refresh_first(loaded):
    docs = handmade_documents()
    name = "004_a04581c6fe3dc2c9.txt"
    loaded.write(without_people(docs[name], {person_id("Peter Clifton")}), documents=[name])
    # As after a crash between the write and the refresh: the marks were written with the facts.
    assert stale(loaded)["documents"] == [name]
    rows = get_recipe("person-links").run(loaded, {"person": "Clifton"})
    assert stale(loaded)["documents"] == []
    assert snapshot(loaded) == recomputed(loaded)
    assert all("Clifton" not in (r["person_a"] + r["person_b"]) or r["meetings"] >= 1 for r in rows)


def test_a_store_without_summaries_gets_them_on_the_first_refresh(store):
    write_all(store)
    store.run(summaries.DROP_STATE)       # as a store written before summaries existed
    assert store.refresh_summaries()
    assert snapshot(store) == recomputed(store)


def test_summaries_are_invisible_to_the_model(loaded):
    assert normalised(loaded.read_graph()) == normalised(handmade_graph())
    assert loaded.counts() == handmade_graph().counts()


def test_writing_a_document_twice_leaves_the_summaries_as_they_were(loaded):
    before = snapshot(loaded)
    write_all(loaded)
    assert loaded.refresh_summaries()
    assert snapshot(loaded) == before


def test_replacement_removes_a_relationship_whose_ends_do_not_list_the_document(loaded):
    """Found through the index on `document`, not through the nodes' `documents` lists."""
    from graph.ids import document_id
    from graph.model import Document, Rel

    g = PartnershipGraph()
    g.add(Document(id=document_id("extra.txt"), name="extra.txt", sha256="1", documents=["extra.txt"]))
    g.relate(Rel.SUBSTITUTED_FOR, person_id("Matt Leng"), person_id("Peter Clifton"), "extra.txt", "stood in",
             meeting="meeting:x")
    loaded.write(g, documents=["extra.txt"])
    empty = PartnershipGraph()
    empty.add(Document(id=document_id("extra.txt"), name="extra.txt", sha256="2", documents=["extra.txt"]))
    loaded.write(empty, documents=["extra.txt"])
    assert loaded.run("MATCH ()-[r:SUBSTITUTED_FOR {document: 'extra.txt'}]->() RETURN count(r) AS n") == [{"n": 0}]
    assert normalised(loaded.read_graph())[0].keys() == normalised(handmade_graph())[0].keys() | {document_id("extra.txt")}


@pytest.mark.parametrize("meeting", ["meeting:001-e11e6126daf074eb", "2021-07-23", "board 2021-07"])
def test_a_meeting_by_id_date_or_part_of_its_name_is_the_same_meeting(loaded, meeting):
    rows = get_recipe("meeting-attendance").run(loaded, {"meeting": meeting})
    assert {r["meeting"] for r in rows} == {"Safer Communities Partnership Board 2021-07-23"}
    assert ("substitute", "Inspector Ishtiaq") in {(r["status"], r["who"]) for r in rows}
    actions = get_recipe("meeting-actions").run(loaded, {"meeting": meeting})
    assert [r["owners"] for r in actions] == [["Matt Leng"], ["London Borough of Barnet", "Matt Leng"]]


def test_a_meeting_matched_by_name_only_when_no_id_or_date_is_exact(loaded):
    by_year = get_recipe("meeting-attendance").run(loaded, {"meeting": "2017"})     # no meeting dated "2017"
    assert {r["date"] for r in by_year} == {"2017"}
    assert get_recipe("meeting-attendance").run(loaded, {"meeting": "no such meeting"}) == []


def test_person_links_from_the_counts_agree_with_the_attendance(loaded):
    def pairs(**params):
        rows = get_recipe("person-links").run(loaded, {"limit": 1000, **params})
        return {frozenset((r["person_a"], r["person_b"])): r["meetings"] for r in rows}

    whole = pairs()                          # from DERIVED_CO_ATTENDED
    assert whole == pairs(year_from="1900")  # counted from ATTENDED (every handmade meeting is dated)
    leng = get_recipe("person-links").run(loaded, {"person": "leng"})
    assert leng and all(r["person_a"] == "Matt Leng" for r in leng)
    assert {frozenset((r["person_a"], r["person_b"])): r["meetings"] for r in leng}.items() <= whole.items()
    assert len(get_recipe("person-links").run(loaded, {"limit": 3})) == 3
