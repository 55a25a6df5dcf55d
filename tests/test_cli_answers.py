"""The command line says what happened: rows cut at a limit, an empty store, where the demo's store is,
hints that match the error, status while another command holds the store; and the README's example
queries give, after `pgraph demo`, exactly the output the README shows."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"



def invoke(args: list[str]):
    return CliRunner().invoke(cli, args)


def test_a_line_on_stderr_when_rows_stop_at_the_limit(loaded):
    cut = invoke(loaded + ["query", "meetings", "--limit", "2", "-f", "json"])
    assert cut.exit_code == 0, cut.stderr
    assert len(json.loads(cut.stdout)) == 2
    assert "stopped at 2 rows" in cut.stderr and "--limit" in cut.stderr
    whole = invoke(loaded + ["query", "meetings", "--limit", "5", "-f", "json"])
    assert len(json.loads(whole.stdout)) == 5 and "stopped" not in whole.stderr     # exactly five: nothing cut
    via_param = invoke(loaded + ["query", "meetings", "-p", "limit=3", "-f", "csv"])
    assert len(via_param.stdout.splitlines()) == 4 and "stopped at 3 rows" in via_param.stderr
    refused = invoke(loaded + ["query", "search", "-p", "q=leng", "--limit", "2"])
    assert refused.exit_code == 1 and "has no limit" in refused.stderr


def test_an_empty_store_says_so(tmp_path):
    result = invoke(["--store", str(tmp_path / "empty"), "query", "meetings"])
    assert result.exit_code == 0 and result.stdout == "(no rows)\n"
    assert "the store is empty" in result.stderr
    result = invoke(["--store", str(tmp_path / "empty"), "status"])
    assert "the store is empty" in result.stdout


def test_a_write_in_cypher_gets_a_hint_about_reading_only(loaded):
    result = invoke(loaded + ["cypher", "CREATE (n:Person {name: 'x'}) RETURN n"])
    assert result.exit_code == 1
    assert "only reading is allowed" in result.stderr and "RO_QUERY" not in result.stderr
    assert "Check the Cypher" not in result.stderr


def test_a_store_in_use_gets_the_matching_hint_and_status_still_answers(tmp_path):
    from graph.store import open_store

    folder = tmp_path / "busy"
    with open_store(folder):        # another command holding the store, as a load does
        refused = invoke(["--store", str(folder), "query", "meetings"])
        assert refused.exit_code == 1 and "in use by another pgraph process" in refused.stderr
        assert "Wait for that command to finish" in refused.stderr and "writable" not in refused.stderr
        status = invoke(["--store", str(folder), "status"])
        assert status.exit_code == 0, status.stderr
        assert "in use by pgraph process" in status.stdout and str(folder.resolve()) in status.stdout


def readme_examples() -> list[tuple[str, list[str]]]:
    """Each `$ pgraph ...` line of the README with the output lines shown under it."""
    text = README.read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"^```\w*\n(.*?)^```", text, re.DOTALL | re.MULTILINE):
        for chunk in re.split(r"\n(?=\$ )", block.strip()):
            if chunk.startswith("$ pgraph"):
                command, *output = chunk.rstrip().splitlines()
                examples.append((command[2:], output))
    return examples


def test_the_readme_examples_give_what_it_shows_after_the_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    demo = invoke(["demo"])
    assert demo.exit_code == 0, demo.stderr
    next_lines = demo.stdout.split("Next, against the store at pgraph-demo/store:\n")[1].splitlines()
    assert len(next_lines) == 3
    for line in next_lines:           # the three commands the demo suggests work as printed
        result = invoke(shlex.split(line.strip())[1:])
        assert result.exit_code == 0 and result.stdout != "(no rows)\n", line
    examples = readme_examples()
    assert len(examples) >= 3
    for command, shown in examples:
        assert command.startswith("pgraph --store pgraph-demo/store "), command
        result = invoke(shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.stderr)
        assert [line.rstrip() for line in result.stdout.splitlines()] == shown, command


def test_counts_and_years_are_whole_numbers_in_every_format(loaded):
    """The issue saw `meetings 1.0` in table, JSON and CSV, and years as strings in JSON."""
    for recipe in ("organisations-by-year", "organisation-links", "organisations-stopped"):
        rows = json.loads(invoke(loaded + ["query", recipe, "-f", "json"]).stdout)
        assert rows, recipe
        for row in rows:
            for column, value in row.items():
                if column in ("meetings", "people") or column.endswith("year"):
                    assert type(value) is int, (recipe, column, value)
        table = invoke(loaded + ["query", recipe]).stdout
        csv_text = invoke(loaded + ["query", recipe, "-f", "csv"]).stdout
        assert not re.search(r"\b\d+\.0\b", table + csv_text), recipe
    one_year = json.loads(invoke(loaded + ["query", "organisations-by-year", "-p", "year=2021", "-f", "json"]).stdout)
    assert one_year and {r["year"] for r in one_year} == {2021}
