"""Loading in pieces: the store keeps each document's extraction and every load resolves the whole archive, so a
later load joins, renames and places what an earlier one stored, exactly as loading everything at once would;
only what changed is written; a load interrupted between its writes is finished by the next; a store written
before extractions were kept is one clear line, or rebuilt from the files given.

Three short minutes, each holding one of the decisions resolution takes across documents:
- a.txt names "Ms Bateman" alone, b.txt "Jane Bateman": one person, Jane Bateman;
- a.txt spells "Combatting Drugs Partnership", b.txt and c.txt "Combating ...": one body, the spelling most use;
- a.txt has Raj Patel as "Community Safety Manager", b.txt at the London Borough of Barnet: one post, placed.
"""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli
from app.pipeline import extract_documents, load_into, read_documents
from graph.errors import StoreOutdated, StoreUnavailable
from graph.model import Label, PartnershipGraph, Rel
from graph.store import extractions
from helpers import SAMPLES
from test_load_order import exported

A = ("Community Safety Partnership\nMinutes of the meeting held on 3 May 2022\n\nPresent:\nAnn Smith, Chair\n"
     "Raj Patel, Community Safety Manager\n\n1. Budget\n\nMs Bateman presented the budget report. "
     "The Board noted the report of the Combatting Drugs Partnership.\n")
B = ("Community Safety Partnership\nMinutes of the meeting held on 7 June 2022\n\nPresent:\nAnn Smith, Chair\n"
     "Jane Bateman, Finance Manager\nRaj Patel, Community Safety Manager, London Borough of Barnet\n\n1. Budget\n\n"
     "Jane Bateman presented the budget. The Board noted the report of the Combating Drugs Partnership.\n")
C = ("Community Safety Partnership\nMinutes of the meeting held on 5 July 2022\n\nPresent:\nAnn Smith, Chair\n"
     "Omar Khan, Inspector, Metropolitan Police Service\n\n1. Drugs\n\n"
     "Omar Khan presented the report of the Combating Drugs Partnership.\n")
PLACED = "role:community-safety-manager:london-borough-of-barnet"


@pytest.fixture
def minutes(tmp_path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def whole(open_test_store, folder: Path, paths: list[Path]) -> dict:
    with open_test_store(folder) as store:
        assert not load_into(store, paths, workers=1).failed
        return exported(store)


def stated_in(graph: PartnershipGraph, document: str) -> set[tuple[str, str, str]]:
    return {(r.type.value, r.source, r.target) for r in graph.relationships.values() if r.document == document}


def test_a_later_load_joins_renames_and_places_what_an_earlier_one_stored(open_test_store, minutes, tmp_path):
    with open_test_store(tmp_path / "pieces") as store:
        load_into(store, [minutes / "a.txt"], workers=1)
        alone = store.read_graph()
        assert {"person:bateman", "org:combatting-drugs-partnership", "role:community-safety-manager"} <= set(alone.nodes)
        report = load_into(store, [minutes / "b.txt", minutes / "c.txt"], workers=1)
        assert report.loaded == ["b.txt", "c.txt"] and report.resolved_again == ["a.txt"]
        graph = store.read_graph()
        # The surname alone is the one full name with it, in a.txt too.
        assert "person:bateman" not in graph.nodes
        assert ("PRESENTED", "person:jane-bateman") in {(t, s) for t, s, _ in stated_in(graph, "a.txt")}
        assert "Bateman" in graph.nodes["person:jane-bateman"].aliases
        # The body keeps the spelling two documents of three use; a.txt's is an alias, its id gone.
        assert "org:combatting-drugs-partnership" not in graph.nodes
        body = graph.nodes["org:combating-drugs-partnership"]
        assert body.name == "Combating Drugs Partnership" and "Combatting Drugs Partnership" in body.aliases
        assert body.documents == ["a.txt", "b.txt", "c.txt"]
        # The post a.txt stated without its organisation is the one b.txt places.
        assert ("HOLDS", "person:raj-patel", PLACED) in stated_in(graph, "a.txt")
        assert "role:community-safety-manager" not in graph.nodes
        pieces = exported(store)
    assert pieces == whole(open_test_store, tmp_path / "whole", [minutes])


@pytest.mark.parametrize("change", ["spelt as the others", "named no more"])
def test_a_changed_document_leaves_no_spelling_of_its_old_version_behind(open_test_store, minutes, tmp_path, change):
    """The stored body was merged from every document's spelling: a.txt's old spelling goes with its old version,
    whether the new one spells the body as the others do or names it no more (then neither the body nor the
    minutes that name it are written again: the body is set as the archive has it)."""
    with open_test_store(tmp_path / "store") as store:
        load_into(store, [minutes], workers=1)
        assert "Combatting Drugs Partnership" in store.read_graph().nodes["org:combating-drugs-partnership"].aliases
        new_a = (A.replace("Combatting", "Combating") if change == "spelt as the others" else
                 A.replace(" The Board noted the report of the Combatting Drugs Partnership.", ""))
        assert new_a != A
        (minutes / "a.txt").write_text(new_a, encoding="utf-8")
        report = load_into(store, [minutes], workers=1)
        assert report.loaded == ["a.txt"] and report.unchanged == ["b.txt", "c.txt"]
        assert "Combatting Drugs Partnership" not in store.read_graph().nodes["org:combating-drugs-partnership"].aliases
        again = exported(store)
    assert again == whole(open_test_store, tmp_path / "whole", [minutes])


def test_a_person_only_a_changed_document_named_so_loses_that_name(open_test_store, minutes, tmp_path):
    """e.txt calls Ann Smith 'Ms Smith'; its next version names her not at all. The other minutes that name her are
    unchanged and not written again, yet her node loses the alias (set as the whole archive has it)."""
    e = ("Community Safety Partnership\nMinutes of the meeting held on 2 August 2022\n\nPresent:\n"
         "Omar Khan, Inspector, Metropolitan Police Service\n\n1. Thanks\n\n{who} thanked the Board.\n")
    (minutes / "e.txt").write_text(e.format(who="Ms Smith"), encoding="utf-8")
    with open_test_store(tmp_path / "store") as store:
        load_into(store, [minutes], workers=1)
        assert "Smith" in store.read_graph().nodes["person:ann-smith"].aliases
        (minutes / "e.txt").write_text(e.format(who="Omar Khan"), encoding="utf-8")
        report = load_into(store, [minutes], workers=1)
        assert report.loaded == ["e.txt"] and report.resolved_again == []
        assert "Smith" not in store.read_graph().nodes["person:ann-smith"].aliases
        after = exported(store)
    assert after == whole(open_test_store, tmp_path / "whole", [minutes])


def test_one_changed_document_is_the_only_write_and_an_unchanged_archive_none(open_test_store, minutes, tmp_path,
                                                                              monkeypatch):
    with open_test_store(tmp_path / "store") as store:
        load_into(store, [minutes], workers=1)
        writes: list[list[str]] = []
        original = type(store).write

        def spy(self, graph, documents=(), **kwargs):
            writes.append(sorted(documents))
            return original(self, graph, documents, **kwargs)

        monkeypatch.setattr(type(store), "write", spy)
        report = load_into(store, [minutes], workers=1)
        assert report.unchanged == ["a.txt", "b.txt", "c.txt"] and writes == [] and report.resolve_s == 0
        (minutes / "c.txt").write_text(C + "\n2. Any other business\n\nNone.\n", encoding="utf-8")
        report = load_into(store, [minutes], workers=1)
        assert report.loaded == ["c.txt"] and report.resolved_again == [] and writes == [["c.txt"]]
        assert report.resolve_s > 0


@pytest.mark.parametrize("stop", ["interrupt", "server killed"])
@pytest.mark.parametrize("after_writes", [0, 1])
def test_a_load_stopped_between_its_writes_is_finished_by_the_next(minutes, tmp_path, monkeypatch, stop, after_writes):
    """d.txt (a.txt's minutes, named to be written last) stored alone, then b.txt and c.txt loaded and stopped before
    their write, or after it and before d.txt is resolved again with them. The next load, with no file changed in
    the second case, still resolves the archive (the store says a load was interrupted) and ends as a whole load."""
    from graph.store import open_store
    from graph.store.embedded import EmbeddedStore

    (minutes / "a.txt").rename(minutes / "d.txt")
    with open_store(tmp_path / "whole") as store:
        load_into(store, [minutes], workers=1)
        reference = exported(store)
    with open_store(tmp_path / "store") as store:
        load_into(store, [minutes / "d.txt"], workers=1)
    original = EmbeddedStore.write
    calls = []

    def stopping(self, *args, **kwargs):
        if len(calls) == after_writes:
            if stop == "interrupt":
                raise KeyboardInterrupt
            os.kill(self._proc.pid, signal.SIGKILL)
            self._proc.wait()
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(EmbeddedStore, "write", stopping)
    with pytest.raises(KeyboardInterrupt if stop == "interrupt" else StoreUnavailable):
        with open_store(tmp_path / "store") as store:
            load_into(store, [minutes / "b.txt", minutes / "c.txt"], workers=1)
    monkeypatch.setattr(EmbeddedStore, "write", original)
    with open_store(tmp_path / "store") as store:
        assert extractions.pending(store)
        held = set(store.document_hashes())
        assert held == ({"b.txt", "c.txt", "d.txt"} if after_writes else {"d.txt"})
        report = load_into(store, [minutes], workers=1)
        assert report.loaded == ([] if after_writes else ["b.txt", "c.txt"])
        assert report.resolved_again == ["d.txt"]
        assert not extractions.pending(store)
        assert exported(store) == reference


def test_forgetting_a_document_resolves_the_others_again_at_the_next_load(open_test_store, minutes, tmp_path):
    with open_test_store(tmp_path / "store") as store:
        load_into(store, [minutes], workers=1)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "forget", "b.txt"])
    assert result.exit_code == 0, result.output
    with open_test_store(tmp_path / "store") as store:
        report = load_into(store, [minutes / "a.txt", minutes / "c.txt"], workers=1)
        assert report.loaded == [] and "a.txt" in report.resolved_again    # Bateman alone again, the post unplaced
        after = exported(store)
    assert after == whole(open_test_store, tmp_path / "whole", [minutes / "a.txt", minutes / "c.txt"])


def _old_store(folder: Path, files: list[Path]) -> None:
    """A store as earlier versions wrote it: the resolved facts, no extraction kept."""
    from graph.store import open_store

    graphs = extract_documents(read_documents(files, lambda f, m: pytest.fail(m)), workers=1)
    with open_store(folder) as store:
        for graph in graphs:
            store.write(graph, documents=[n.name for n in graph.of_label(Label.DOCUMENT)])


def test_a_store_written_before_extractions_were_kept_is_one_line(minutes, tmp_path):
    _old_store(tmp_path / "store", [minutes / "a.txt", minutes / "b.txt"])
    from graph.store import open_store

    with open_store(tmp_path / "store") as store:
        with pytest.raises(StoreOutdated, match=r"holds 2 documents loaded by an earlier version of pgraph.*"
                                                r"\(a\.txt, b\.txt\)$"):
            load_into(store, [minutes / "c.txt"], workers=1)
        assert set(store.document_hashes()) == {"a.txt", "b.txt"}          # nothing written
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "load", str(minutes / "c.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "loaded by an earlier version of pgraph" in errors[0]
    assert "Load those documents' files again" in result.output


def test_a_store_written_before_extractions_were_kept_is_rebuilt_from_its_files(open_test_store, minutes, tmp_path):
    _old_store(tmp_path / "store", [minutes / "a.txt"])
    from graph.store import open_store

    with open_store(tmp_path / "store") as store:
        report = load_into(store, [minutes], workers=1)
        assert report.loaded == ["a.txt", "b.txt", "c.txt"]        # a.txt read anew, though unchanged
        rebuilt = exported(store)
    assert rebuilt == whole(open_test_store, tmp_path / "whole", [minutes])


def test_the_kept_extraction_is_the_extraction():
    from loaders.extract import extract
    from loaders.formats import load

    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html")):
        graph = extract(load(path))
        back = extractions.unpack(extractions.pack(graph))
        assert back.to_node_link() == graph.to_node_link(), path.name
        assert [str(w) for w in back.warnings] == [str(w) for w in graph.warnings]


def test_the_stores_bookkeeping_is_not_part_of_the_graph(store, minutes):
    load_into(store, [minutes], workers=1)
    assert len(extractions.kept(store)) == 3
    labels = {label.value for label in Label}
    assert {node.label.value for node in store.read_graph().nodes.values()} <= labels
    assert set(store.counts()) <= labels | {rel.value for rel in Rel}


def test_a_shared_node_no_document_states_is_removed_when_the_archive_is_resolved(store, minutes):
    """A person left behind with no document stating them (as a store could hold only if something went wrong
    between writes): the next load that resolves the archive leaves the store holding the archive's facts."""
    load_into(store, [minutes / "a.txt", minutes / "c.txt"], workers=1)
    store.run("CREATE (:Person {id: 'person:stray', name: 'Stray', label: 'Person'})")
    extractions.set_pending(store, True)
    load_into(store, [minutes / "a.txt", minutes / "c.txt"], workers=1)
    assert "person:stray" not in store.read_graph().nodes


def _meeting(day: int, present: str, item: str) -> str:
    return (f"Community Safety Partnership\nMinutes of the meeting held on {day} May 2022\n\nPresent:\n{present}\n\n"
            f"1. Business\n\n{item}\n")


# One decision at a time, each made only by the later minutes: the earlier ones are resolved again for it alone.
ONE_DECISION = {
    "post placed": [
        _meeting(3, "Ann Smith, Chair\nRaj Patel, Community Safety Manager", "Raj Patel presented the plan."),
        _meeting(9, "Ann Smith, Chair\nRaj Patel, Community Safety Manager, London Borough of Barnet",
                 "Raj Patel presented the budget.")],
    "spelling most use": [
        _meeting(3, "Ann Smith, Chair", "The Board noted the report of the Combatting Drugs Partnership."),
        _meeting(9, "Ann Smith, Chair", "The Board noted the report of the Combating Drugs Partnership."),
        _meeting(11, "Ann Smith, Chair", "The Board thanked the Combating Drugs Partnership.")],
    "surname joined": [
        _meeting(3, "Ann Smith, Chair", "Ms Bateman presented the budget report."),
        _meeting(9, "Ann Smith, Chair\nJane Bateman, Finance Manager", "Jane Bateman presented the budget.")],
}


@pytest.mark.parametrize("decision", sorted(ONE_DECISION))
def test_the_stored_minutes_one_decision_changes_are_resolved_again(open_test_store, tmp_path, decision):
    folder = tmp_path / "minutes"
    folder.mkdir()
    paths = []
    for k, text in enumerate(ONE_DECISION[decision]):
        paths.append(folder / f"{k}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    with open_test_store(tmp_path / "pieces") as store:
        load_into(store, paths[:1], workers=1)
        report = load_into(store, paths[1:], workers=1)
        assert report.resolved_again == ["0.txt"]
        pieces = exported(store)
    assert pieces == whole(open_test_store, tmp_path / "whole", paths)
