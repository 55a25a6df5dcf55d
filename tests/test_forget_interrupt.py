"""Removing a document (`pgraph forget`) and interrupting a load (Ctrl-C): the store holds exactly the
documents it should, whole, with summaries that agree with the facts."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli
from graph.model import PartnershipGraph
from test_store import normalised
from test_summaries import recomputed, snapshot

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "minutes"
FORGOTTEN = "002_1b73c097ab10a907.txt"


def without(graph: PartnershipGraph, document: str) -> tuple[dict, dict]:
    """What forgetting a document should leave: its statements gone, nodes only it names gone, the
    rest unlisted from it (computed here in Python, not by the store)."""
    nodes, rels = normalised(graph)
    kept_nodes = {}
    for node_id, props in nodes.items():
        documents = props.get("documents")
        if documents is not None and document in documents:
            if props["label"] == "Document" or documents == [document]:
                continue
            props = {**props, "documents": [d for d in documents if d != document]}
        kept_nodes[node_id] = props
    kept_rels = {key: props for key, props in rels.items()
                 if props.get("document") != document
                 and graph.relationships[key].source in kept_nodes and graph.relationships[key].target in kept_nodes}
    return kept_nodes, kept_rels


def test_forget_removes_one_documents_facts_and_refreshes_the_summaries(tmp_path):
    from app.pipeline import load_into
    from graph.store import open_store
    from independent import Independent
    from queries import get_recipe

    with open_store(tmp_path / "store") as store:
        load_into(store, [SAMPLES])
        get_recipe("organisations-by-year").run(store, {})          # summaries in use before
        before = store.read_graph()
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "forget", FORGOTTEN])
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "store") as store:
        assert normalised(store.read_graph()) == without(before, FORGOTTEN)
        assert FORGOTTEN not in store.document_hashes()
        assert snapshot(store) == recomputed(store)        # summaries as a rebuild from the facts gives
        truth = Independent(store.read_graph().to_node_link())
        for name in ("organisations-by-year", "organisation-links", "person-links", "meetings"):
            rows = get_recipe(name).run(store, {"limit": 10 ** 9} if name != "organisations-by-year" else {})
            assert sorted(map(str, rows)) == sorted(map(str, truth.answer(name, {})))
        assert not any(r["document"] == FORGOTTEN for r in get_recipe("meetings").run(store, {}))
    # Loaded again, it is back: the folder load finds it missing and reads only it.
    with open_store(tmp_path / "store") as store:
        report = load_into(store, [SAMPLES])
        assert report.loaded == [FORGOTTEN] and len(report.unchanged) == 4


def test_forget_an_unknown_document_names_the_close_ones_and_removes_nothing(tmp_path, sample_graph):
    from graph.store import open_store

    with open_store(tmp_path / "store") as store:
        store.write(sample_graph)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "forget", "002_1b73c097ab10a90.txt",
                                      FORGOTTEN])
    assert result.exit_code == 1
    assert f"did you mean {FORGOTTEN}?" in result.output
    with open_store(tmp_path / "store") as store:
        assert FORGOTTEN in store.document_hashes()


# -- Ctrl-C while loading, in a real process group as a terminal sends it

@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    folder = tmp_path_factory.mktemp("interrupt") / "minutes"
    generate(150, folder)
    return folder


def interrupted_load(archive: Path, store: Path, wait_for: str, delay: float) -> tuple[int, str]:
    pgraph = Path(sys.executable).parent / "pgraph"
    proc = subprocess.Popen([str(pgraph), "--store", str(store), "load", str(archive)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    seen = b""
    deadline = time.monotonic() + 120
    while wait_for.encode() not in seen and time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGINT)          # the whole group, as Ctrl-C at a terminal does
    _, rest = proc.communicate(timeout=120)
    return proc.returncode, (seen + rest).decode(errors="replace")


@pytest.mark.parametrize("phase, wait_for, delay", [("reading and extracting", "Extracting", 0.3),
                                                     ("writing", "Writing", 0.0)])
def test_ctrl_c_at_any_phase_ends_with_one_line_and_whole_documents(archive, tmp_path, phase, wait_for, delay):
    from app.pipeline import load_into
    from graph.store import open_store

    code, stderr = interrupted_load(archive, tmp_path / "store", wait_for, delay)
    if code == 0:
        pytest.skip(f"the load finished before the interrupt reached it ({phase})")
    assert code == 1
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith("Error: interrupted while")
    assert stderr.rstrip().splitlines()[-1] == errors[0]
    with open_store(tmp_path / "store") as store:
        counts = store.counts()
        held = len(store.document_hashes())
        assert counts.get("Document", 0) == counts.get("Meeting", 0) == held     # each document whole
        said = re.search(r"the store holds (\d+) documents", errors[0])
        assert said is None or int(said.group(1)) == held
        report = load_into(store, [archive])            # the same load again finishes it
        assert len(report.unchanged) == held and len(report.loaded) == 150 - held
