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


def test_a_refresh_of_many_stale_people_keeps_everyone_elses_pairs(loaded, monkeypatch):
    """Past WHOLE_ABOVE stale people every pair is recomputed, not only the stale people's (it used to
    delete every pair and recreate those of the stale people alone)."""
    monkeypatch.setattr(summaries, "WHOLE_ABOVE", 1)
    docs = handmade_documents()
    name = "001_e11e6126daf074eb.txt"
    loaded.write(without_people(docs[name], {person_id("Bateman")}), documents=[name])
    assert len(stale(loaded)["people"]) > 1
    assert loaded.refresh_summaries()
    assert snapshot(loaded) == recomputed(loaded)


def _attended_elsewhere(document: str, meeting: PartnershipGraph, people: list[str]) -> PartnershipGraph:
    """A document that names another document's meeting and records attendance at it."""
    from dataclasses import replace

    from graph.ids import document_id
    from graph.model import Document, Label, Person, Rel

    g = PartnershipGraph()
    g.add(Document(id=document_id(document), name=document, sha256=document, documents=[document]))
    [node] = [n for n in meeting.nodes.values() if n.label is Label.MEETING]
    g.add(replace(node, documents=[document]))
    for name in people:
        g.add(Person(id=person_id(name), name=name, documents=[document]))
        g.relate(Rel.ATTENDED, person_id(name), node.id, document, f"{name} attended")
    return g


def test_a_meetings_new_date_moves_the_first_year_of_people_another_document_places_there(store):
    """The minutes' new version moves the meeting from 2019 to 2015: a person whose attendance only
    another document records now first came in 2015 (and so the pairs' years); and again when a third
    document restates the meeting's date."""
    from handmade import DocBuilder

    def minutes(date: str) -> PartnershipGraph:
        d = DocBuilder("a.txt", date)
        d.person("Jane Doe", "London Fire Brigade", "Borough Commander")
        return d.graph

    later = DocBuilder("b.txt", "2018-03-01")
    later.person("Ann Other", "Metropolitan Police", "Inspector")
    store.write(minutes("2019-05-01"), documents=["a.txt"])
    store.write(later.graph, documents=["b.txt"])
    store.write(_attended_elsewhere("c.txt", minutes("2019-05-01"), ["Ann Other"]), documents=["c.txt"])
    store.refresh_summaries()
    faces = {r["person"]: r["year"] for r in get_recipe("new-faces").run(store, {})}
    assert faces == {"Jane Doe": 2019, "Ann Other": 2018}
    store.write(minutes("2015-05-01"), documents=["a.txt"])
    assert store.refresh_summaries()
    assert snapshot(store) == recomputed(store)
    faces = {r["person"]: r["year"] for r in get_recipe("new-faces").run(store, {})}
    assert faces == {"Jane Doe": 2015, "Ann Other": 2015}
    # A new document restates the meeting with another date and records one more person there: the
    # others' first year moves too, though no document of theirs was written.
    store.write(_attended_elsewhere("d.txt", minutes("2013-05-01"), ["Sam New"]), documents=["d.txt"])
    assert store.refresh_summaries()
    assert snapshot(store) == recomputed(store)
    faces = {r["person"]: r["year"] for r in get_recipe("new-faces").run(store, {})}
    assert faces == {"Jane Doe": 2013, "Ann Other": 2013, "Sam New": 2013}


def test_changes_of_post_and_organisation_follow_replacement_and_forget(store):
    """A person seen in two posts at two dates changed post; once the later minutes are replaced by a
    version without them, and once forgotten, they did not."""
    from graph.store.forget import forget
    from handmade import DocBuilder

    first = DocBuilder("a.txt", "2019-05-01")
    first.person("Jane Doe", "London Fire Brigade", "Borough Commander")
    second = DocBuilder("b.txt", "2021-06-01")
    second.person("Jane Doe", "Metropolitan Police", "Chief Inspector")
    store.write(first.graph, documents=["a.txt"])
    store.write(second.graph, documents=["b.txt"])

    def changed() -> tuple[list, list]:
        posts = get_recipe("changed-post").run(store, {})
        organisations = get_recipe("changed-organisation").run(store, {})
        return ([(r["role"], r["organisation"], r["first_seen"]) for r in posts],
                [(r["organisation"], r["first_seen"], r["last_seen"]) for r in organisations])

    assert changed() == ([("Borough Commander", "London Fire Brigade", "2019-05-01"),
                          ("Chief Inspector", "Metropolitan Police", "2021-06-01")],
                         [("London Fire Brigade", "2019-05-01", "2019-05-01"),
                          ("Metropolitan Police", "2021-06-01", "2021-06-01")])
    # The later minutes name her in her old post: one post, one organisation, no change.
    again = DocBuilder("b.txt", "2021-06-01")
    again.person("Jane Doe", "London Fire Brigade", "Borough Commander")
    store.write(again.graph, documents=["b.txt"])
    assert changed() == ([], [])
    assert snapshot(store) == recomputed(store)
    store.write(second.graph, documents=["b.txt"])
    assert len(changed()[0]) == 2
    forget(store, ["b.txt"])
    assert changed() == ([], [])
    assert snapshot(store) == recomputed(store)


def test_the_first_rows_of_changes_come_from_everyone_sharing_the_last_name_kept(store):
    """Two people called Jane Doe (kept apart, as curation's `distinct` does), whose changes interleave in
    time: the first row is the earlier one's, whichever of them the store happens to list first."""
    from dataclasses import replace

    from handmade import DocBuilder

    def minutes(name: str, date: str, people: list[tuple[str, str, str]]) -> PartnershipGraph:
        d = DocBuilder(name, date)
        for person, org, role in people:
            d.person(person, org, role)
        g = d.graph
        twin = person_id("Jane Twin")
        if twin in g.nodes:          # another person, with the same name
            g.nodes[twin] = replace(g.nodes[twin], name="Jane Doe")
        return g

    # The later one written first.
    store.write(minutes("b.txt", "2019-01-01", [("Jane Doe", "London Fire Brigade", "Watch Manager")]),
                documents=["b.txt"])
    store.write(minutes("a.txt", "2018-01-01", [("Jane Twin", "Metropolitan Police", "Sergeant")]), documents=["a.txt"])
    store.write(minutes("c.txt", "2020-01-01", [("Jane Twin", "Metropolitan Police", "Inspector")]), documents=["c.txt"])
    store.write(minutes("d.txt", "2021-01-01", [("Jane Doe", "London Fire Brigade", "Station Manager"),
                                                ("Zoe Last", "Metropolitan Police", "Sergeant")]), documents=["d.txt"])
    store.write(minutes("e.txt", "2022-01-01", [("Zoe Last", "Metropolitan Police", "Inspector")]), documents=["e.txt"])
    for recipe in ("changed-post", "changed-organisation"):
        every = get_recipe(recipe).run(store, {})
        if recipe == "changed-organisation":      # one organisation each: nobody changed
            assert every == []
            continue
        assert [(r["person"], r["first_seen"]) for r in every] == [
            ("Jane Doe", "2018-01-01"), ("Jane Doe", "2019-01-01"), ("Jane Doe", "2020-01-01"),
            ("Jane Doe", "2021-01-01"), ("Zoe Last", "2021-01-01"), ("Zoe Last", "2022-01-01")]
        for limit in range(1, 7):
            assert get_recipe(recipe).run(store, {"limit": limit}) == every[:limit], limit
