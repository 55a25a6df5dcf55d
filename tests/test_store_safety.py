"""Store safety (issue 14): the store folder is private, ad-hoc Cypher never reaches outside the graph."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli
from graph.errors import StoreUnavailable
from graph.store.embedded import EmbeddedStore
from graph.store.guard import RefusedQuery, check_ad_hoc


# -- finding 7: the store folder is forced to mode 700 ----------------------------------------

def test_a_folder_made_beforehand_with_mode_777_is_made_private(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    folder.chmod(0o777)
    with EmbeddedStore(folder) as store:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_a_folder_that_cannot_be_made_private_is_refused_in_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    folder.mkdir()
    folder.chmod(0o777)

    def refuse(self, mode, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(StoreUnavailable) as info:
        with EmbeddedStore(folder):
            pass
    message = str(info.value)
    assert "777" in message and "700" in message and "\n" not in message
    assert not (folder / "falkordb.sock").exists()      # no server was started on it


# -- finding 8: ad-hoc Cypher cannot reach files or the network --------------------------------

@pytest.mark.parametrize("statement", [
    "LOAD CSV FROM 'https://example.org/x.csv' AS row RETURN row",
    "load   csv with headers from 'file:///etc/passwd' AS row RETURN row",
    "MATCH (n) WITH n LIMIT 1 LOAD\nCSV FROM $url AS row RETURN row",
    "CALL apoc.load.json('https://example.org/x.json') YIELD value RETURN value",
    "CALL `apoc`.`load`.json('https://example.org/') YIELD value RETURN value",
    "CALL/**/apoc.import.csv([], [], {})",
    "CALL dbms.procedures()",
    "MATCH (n) CALL { CALL apoc.load.csv('x') YIELD map RETURN map } RETURN map",
    "call apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
])
def test_statements_that_reach_outside_are_refused(statement):
    with pytest.raises(RefusedQuery) as info:
        check_ad_hoc(statement)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("statement", [
    "MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 5",
    "MATCH (n) WHERE n.name = 'LOAD CSV FROM x' RETURN n",          # only inside a string
    "MATCH (n) RETURN n // CALL apoc.load.json('x')",               # only inside a comment
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.idx.fulltext.queryNodes('Person', 'smith') YIELD node RETURN node",
    "MATCH (a:Person) CALL { WITH a MATCH (a)-[:ATTENDED]->(m) RETURN count(m) AS n } RETURN a.id, n",
])
def test_statements_that_read_the_graph_pass(statement):
    check_ad_hoc(statement)


def test_pgraph_cypher_refuses_load_csv_before_opening_the_store(tmp_path):
    folder = tmp_path / "never-opened"
    result = CliRunner().invoke(cli, ["--store", str(folder), "cypher",
                                      "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row"])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("Error: refused: LOAD CSV")
    assert "Traceback" not in result.output
    assert not folder.exists()           # the store was never opened: the server never saw the query


def test_pgraph_cypher_still_runs_reads(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "cypher", "RETURN 1 AS one"])
    assert result.exit_code == 0, result.output
    assert "one" in result.output and "1" in result.output


def test_a_store_folder_pgraph_creates_has_mode_700(tmp_path):
    # The default path: a folder pgraph makes itself is private too (and stays so).
    folder = tmp_path / "made"
    with EmbeddedStore(folder):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert os.stat(folder).st_uid == os.getuid()


# -- finding 11: no per-node list that grows with the archive --------------------------------

def _doc_mentioning(council: str, chair: str, n: int):
    from graph.ids import document_id, meeting_id, organisation_id, person_id
    from graph.model import Document, Meeting, Organisation, PartnershipGraph, Person, Rel

    name = f"m{n:04d}.txt"
    g = PartnershipGraph()
    meeting = meeting_id(name)
    g.add(Document(id=document_id(name), name=name, sha256=str(n), documents=[name]))
    g.add(Meeting(id=meeting, name=f"{council} {n}", body=council, document=name, documents=[name]))
    g.add(Organisation(id=organisation_id(council), name=council, documents=[name]))
    g.add(Person(id=person_id(chair), name=chair, documents=[name]))
    g.relate(Rel.MEETING_OF, meeting, organisation_id(council), name, f"{council} met")
    g.relate(Rel.ATTENDED, person_id(chair), meeting, name, f"{chair} attended", role="Chair")
    g.relate(Rel.RECORDED_IN, meeting, document_id(name), name, "minutes")
    return name, g


def test_nodes_many_documents_state_keep_no_growing_list(tmp_path):
    from graph.ids import organisation_id, person_id

    with EmbeddedStore(tmp_path / "s") as store:
        sizes = []
        for n in range(60):
            name, g = _doc_mentioning("Barnet Council", "Ann Chair", n)
            store.write(g, documents=[name])
            props = store.run("MATCH (o:Organisation {id: $id}) RETURN properties(o) AS p",
                              {"id": organisation_id("Barnet Council")})[0]["p"]
            sizes.append(len(repr(props)))
        assert len(set(sizes)) == 1                     # the stored node does not grow with each document
        graph = store.read_graph()                      # yet every document that states it is known
        assert graph.nodes[organisation_id("Barnet Council")].documents == [f"m{n:04d}.txt" for n in range(60)]
        assert graph.nodes[person_id("Ann Chair")].documents == [f"m{n:04d}.txt" for n in range(60)]
        # Replacing one document takes it off the council's documents and leaves the others.
        name, g = _doc_mentioning("Barnet Council", "Bob Other", 7)
        report = store.write(g, documents=[name])
        assert report.documents_replaced == [name]
        graph = store.read_graph()
        assert name in graph.nodes[person_id("Bob Other")].documents
        assert name not in graph.nodes[person_id("Ann Chair")].documents
        assert len(graph.nodes[person_id("Ann Chair")].documents) == 59
        # A person only that document stated goes with its next version.
        name, g = _doc_mentioning("Barnet Council", "Ann Chair", 7)
        store.write(g, documents=[name])
        assert person_id("Bob Other") not in store.read_graph().nodes


def test_a_store_written_with_documents_lists_is_moved_to_sightings_on_open(tmp_path):
    from graph.ids import person_id

    folder = tmp_path / "old"
    with EmbeddedStore(folder) as store:
        # As a store written before sightings holds them: the list on the node itself.
        store.run("CREATE (:Person {id: $id, label: 'Person', name: 'Old Timer', aliases: [], documents: $docs})",
                  {"id": person_id("Old Timer"), "docs": ["a.txt", "b.txt"]})
    with EmbeddedStore(folder) as store:
        assert store.run("MATCH (p:Person) RETURN p.documents AS d") == [{"d": None}]
        assert store.read_graph().nodes[person_id("Old Timer")].documents == ["a.txt", "b.txt"]


# -- a large store takes longer to read in than the start-up time ------------------------------

def test_a_server_still_reading_a_large_store_is_waited_for(tmp_path, monkeypatch):
    """A server that answers LOADING is alive and busy, not stalled: at 10,000 meetings it read its
    graph for more than the 20 s start-up time on a busy machine, and `pgraph export` gave up."""
    import time

    import redis
    from redis.exceptions import BusyLoadingError

    real_ping = redis.Redis.ping
    until = time.monotonic() + 1.5        # three times the start-up time given below

    def loading_ping(self, *args, **kwargs):
        if time.monotonic() < until:
            raise BusyLoadingError("Redis is loading the dataset in memory")
        return real_ping(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "ping", loading_ping)
    with EmbeddedStore(tmp_path / "store", start_timeout=0.5) as store:
        assert time.monotonic() >= until
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
