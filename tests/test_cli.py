"""The command line end to end on the sample minutes, against the embedded server."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory, sample_dir) -> Path:
    store = tmp_path_factory.mktemp("store")
    result = CliRunner().invoke(cli, ["--store", str(store), "load", str(sample_dir)])
    assert result.exit_code == 0, result.output
    return store


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_load_reports_what_it_did(tmp_path, sample_dir):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "load", str(sample_dir)])
    assert result.exit_code == 0, result.output
    assert re.search(r"5 loaded, 0 unchanged, 0 failed of 5 files", result.output)
    assert re.search(r"\d+ warnings", result.output)


def test_loading_twice_changes_nothing(loaded_store, sample_dir):
    before = run("--store", str(loaded_store), "status")
    again = CliRunner().invoke(cli, ["--store", str(loaded_store), "load", str(sample_dir)])
    assert again.exit_code == 0, again.output
    assert "0 loaded, 5 unchanged" in again.output
    forced = CliRunner().invoke(cli, ["--store", str(loaded_store), "load", "--force", str(sample_dir)])
    assert forced.exit_code == 0, forced.output
    assert "nodes 0 created" in forced.output and "relationships 0 created" in forced.output
    assert run("--store", str(loaded_store), "status") == before


def test_export_json_holds_the_july_2021_meeting(loaded_store, tmp_path):
    out = tmp_path / "g.json"
    run("--store", str(loaded_store), "export", "--format", "json", "-o", str(out))
    data = json.loads(out.read_text())
    nodes = {n["id"]: n for n in data["nodes"]}
    meeting = next(n for n in nodes.values() if n["label"] == "Meeting" and n.get("date") == "2021-07-23")
    tina = next(n for n in nodes.values() if n["label"] == "Person" and n["name"] == "Tina McElligott")
    edges = data["edges"]
    assert any(e["type"] == "ATTENDED" and e["source"] == tina["id"] and e["target"] == meeting["id"] for e in edges)
    her_actions = {e["source"] for e in edges if e["type"] == "ASSIGNED_TO" and e["target"] == tina["id"]}
    assert any(nodes[a].get("meeting") == meeting["id"] for a in her_actions)
    assert all(e.get("document") and e.get("evidence") for e in edges)


def test_missing_file_is_an_error_naming_it_and_the_rest_loads(tmp_path, sample_dir):
    sample = sample_dir / "004_a04581c6fe3dc2c9.txt"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "load", str(sample), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.output
    assert "1 loaded" in result.output


def test_unsupported_format_is_reported(tmp_path):
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "load", str(bad)])
    assert result.exit_code == 1
    assert "minutes.docx" in result.output and ".pdf" in result.output


def test_query_post_holders(loaded_store):
    out = run("--store", str(loaded_store), "query", "post-holders", "-p", "role=Community Safety Manager",
              "--format", "json")
    rows = json.loads(out)
    people = [r["person"] for r in rows]
    assert "Peter Clifton" in people and "Matt Leng" in people
    assert people.index("Peter Clifton") < people.index("Matt Leng")


def test_recipes_lists_every_recipe_file():
    listed = {r["name"] for r in json.loads(run("recipes", "--format", "json"))}
    assert listed == {p.stem for p in (ROOT / "queries").glob("*.cypher")}


def test_cypher_is_read_only(loaded_store):
    result = CliRunner().invoke(cli, ["--store", str(loaded_store), "cypher", "CREATE (:Person {id: 'x'})"])
    assert result.exit_code != 0
    assert "Person" in run("--store", str(loaded_store), "status")


def test_extract_stops_after_a_stage(sample_dir):
    out = run("extract", str(sample_dir / "004_a04581c6fe3dc2c9.txt"), "--stage", "load")
    docs = json.loads(out)
    assert docs[0]["name"] == "004_a04581c6fe3dc2c9.txt" and "Peter Clifton" in docs[0]["text"]
    graph = json.loads(run("extract", str(sample_dir / "004_a04581c6fe3dc2c9.txt"), "--stage", "extract"))
    assert any(n["label"] == "Action" for n in graph["nodes"])


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert run(name, "-h").startswith("Usage:")
        assert f"pgraph {name}" in readme, f"`pgraph {name}` is not documented in the README"


def test_a_later_load_resolves_onto_what_is_stored(tmp_path, sample_dir):
    """Loading the samples one at a time joins each new document's posts and organisations onto
    the stored ones, as loading them together does."""
    store = tmp_path / "s"
    files = sorted(p for p in sample_dir.iterdir() if p.stem != "README")
    latest = files[0]          # the 2023 minutes, which name Matt Leng's post without its council
    for path in files[1:] + [latest]:
        run("--store", str(store), "load", str(path))
    out = tmp_path / "g.json"
    run("--store", str(store), "export", "--format", "json", "-o", str(out))
    data = json.loads(out.read_text())
    edges = data["edges"]
    held = {e["target"] for e in edges if e["type"] == "HOLDS" and e["source"] == "person:matt-leng"
            and e["document"] == latest.name}
    assert held == {"role:community-safety-manager:london-borough-of-barnet"}
    magistrates = {e["target"] for e in edges if e["type"] == "AFFILIATED_WITH" and e["source"] == "person:tim-harris"}
    assert len(magistrates) == 1 and "magistrates" in next(iter(magistrates))


def test_neo4j_password_is_asked_for_and_never_shown(monkeypatch):
    import app.cli

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setattr(app.cli, "interactive", lambda: True)
    # Nothing listens on port 1: the password is asked for, then the connection fails cleanly.
    result = CliRunner().invoke(cli, ["--neo4j", "bolt://127.0.0.1:1", "status"], input="s3cret-pw\n")
    assert result.exit_code == 1, result.output
    assert "Neo4j password for bolt://127.0.0.1:1" in result.output
    assert "cannot reach Neo4j" in result.output or "cannot connect to Neo4j" in result.output
    assert "s3cret-pw" not in result.output
