"""User-supplied files and values checked on read: each problem one line naming the file, the field and
what is expected; never a traceback, a wrong hint, or a wrong fact stored silently (issue 14, 5, 6, 12)."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli
from app.pipeline import load_into
from graph.errors import ExtractionError, InvalidInput
from helpers import sample_path
from loaders.formats import load
from loaders.resolve import Curation
from loaders.validation import iso_date

MINUTES = sample_path("001").read_text(encoding="utf-8")


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    # A crash would come back as the exception itself; a handled error is click's exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# ------------------------------------------------------------------------------------- the curation file

@pytest.mark.parametrize("text, expected", [
    ("distinct: 7\n", "curation.yaml: distinct: 7 is not a list of groups"),
    ("- name: Andy Mariner\n", "curation.yaml: the top level is list; expected sections people:"),
    ("people:\n  - aliases: [Andy Murrant]\n", "curation.yaml: people[0].name: missing; expected the name to keep"),
    ("people:\n  - name: Andy Mariner\n    aliases: [Andy Murrant]\n    from: 2023-02-30\n",
     "curation.yaml: people[0].from: 2023-02-30 is not a date in the calendar (expected YYYY-MM-DD"),
    ("people:\n  - name: Andy Mariner\n    aliases: [Andy Murrant]\n    to: 31/12/2013\n",
     "curation.yaml: people[0].to: '31/12/2013' is not a date (expected YYYY-MM-DD"),
    ('people:\n  - name: "Andy\\0Mariner"\n    aliases: [Andy Murrant]\n',
     "curation.yaml: people[0].name: 'Andy\\x00Mariner' contains a control character ('\\x00')"),
    ("people:\n  - name: Andy\x00Mariner\n",
     "curation.yaml: not valid YAML at line 2, column 15: the control character '\\x00' is not allowed"),
    ("people:\n  - name: Andy Mariner\n    aliases: 7\n", "curation.yaml: people[0].aliases: 7 is not a list of names"),
    ("organisations:\n  - LBB\n", "curation.yaml: organisations[0]: 'LBB' is not an entry"),
    ("peple:\n  - name: Andy\n", "curation.yaml: peple: unknown field (expected people, distinct, organisations)"),
    ("distinct:\n  - [Ben Norfolk]\n", "curation.yaml: distinct[0]: names one person; expected two or more"),
    ("people: [name: {\n", "curation.yaml: not valid YAML at line 2, column 1"),
])
def test_a_curation_problem_is_one_line_naming_the_file_and_field(tmp_path, text, expected):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        Curation.load(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(path)), lines
    assert expected.replace("curation.yaml", str(path)) in lines[0]


def test_every_problem_in_a_curation_file_is_its_own_line(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("people:\n  - aliases: [A]\n  - name: B\n    from: 2023-13-01\ndistinct: 7\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        Curation.load(path)
    assert [line.split(": ")[1] for line in str(caught.value).splitlines()] == ["people[0].name", "people[1].from",
                                                                                "distinct"]


def test_a_valid_curation_file_still_reads(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("people:\n  - name: Andy Mariner\n    aliases: [Andy Murrant]\n    from: 2013-01-01\n"
                    "    to: '2013-12-31'\ndistinct:\n  - [Ben Norfolk, Richard Norfolk]\n"
                    "organisations:\n  - name: London Borough of Barnet\n    aliases: LBB\n", encoding="utf-8")
    cur = Curation.load(path)
    assert cur.person_aliases == [("andy murrant", "Andy Mariner", "2013-01-01", "2013-12-31")]
    assert cur.distinct == [{"ben norfolk", "richard norfolk"}]
    assert cur.org_aliases == {"lbb": "London Borough of Barnet"}


def test_invalid_curation_on_the_command_line_is_not_called_unreadable_minutes(tmp_path):
    (tmp_path / "curation.yaml").write_text("people: [name: {\n", encoding="utf-8")
    (tmp_path / "m.txt").write_text(MINUTES, encoding="utf-8")
    result = run("--store", str(tmp_path / "store"), "load", str(tmp_path / "m.txt"),
                 "--curation", str(tmp_path / "curation.yaml"))
    assert result.exit_code == 1
    assert error_lines(result) == [f"Error: {tmp_path / 'curation.yaml'}: not valid YAML at line 2, column 1: "
                                   "expected the node content, but found '<stream end>'"]
    assert "could not be read as minutes" not in result.output


# ------------------------------------------------------------------------------------- sidecars and front matter

@pytest.mark.parametrize("date, expected", [
    ("2023-02-30", "date: 2023-02-30 is not a date in the calendar (expected YYYY-MM-DD"),
    ("not a date at all", "date: 'not a date at all' is not a date (expected YYYY-MM-DD"),
    ("17 March 2023", "date: '17 March 2023' is not a date (expected YYYY-MM-DD"),
    ("[2023-03-17, 2023-03-18]", "date: ['2023-03-17', '2023-03-18'] is not a date"),
])
def test_a_sidecar_date_is_checked_and_reported_against_the_sidecar(tmp_path, date, expected):
    path = tmp_path / "m.txt"
    path.write_text(MINUTES, encoding="utf-8")
    sidecar = tmp_path / "m.txt.meta.yaml"
    sidecar.write_text(f"date: {date}\nbody: Safer Communities Partnership Board\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load(path)
    assert str(caught.value) == f"{sidecar}: {expected}" or str(caught.value).startswith(f"{sidecar}: {expected}")


def test_front_matter_with_an_impossible_date_names_the_file(tmp_path):
    path = tmp_path / "m.md"
    path.write_text("---\ndate: 2023-02-30\nbody: Safer Communities Partnership Board\n---\n" + MINUTES,
                    encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"^m.md \(front matter\): date: 2023-02-30 is not a date in the calendar"):
        load(path)


def test_valid_metadata_is_unchanged(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("---\ndate: 2021-07-01\nbody: Front Matter Board\nvenue: 7\n---\n" + MINUTES, encoding="utf-8")
    assert load(path).metadata == {"date": "2021-07-01", "body": "Front Matter Board", "venue": "7"}


def test_a_bad_sidecar_fails_its_file_and_the_load_goes_on(tmp_path):
    from graph.store import open_store

    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "a.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "b.txt").write_text(MINUTES.replace("Barnet", "Brent"), encoding="utf-8")
    (folder / "b.txt.meta.yaml").write_text("date: not a date at all\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        report = load_into(store, [folder], workers=1)
        dates = store.run("MATCH (m:Meeting) RETURN m.date AS date")
    assert report.loaded == ["a.txt"]
    assert report.failed == [(str(folder / "b.txt"), f"{folder / 'b.txt.meta.yaml'}: date: 'not a date at all' "
                                                     "is not a date (expected YYYY-MM-DD, e.g. 2023-03-17)")]
    assert "not a date at all" not in str(dates)


# ------------------------------------------------------------------------------------- dates given as options

def test_export_refuses_an_impossible_issued_date(tmp_path):
    result = run("--store", str(tmp_path / "store"), "export", "--format", "turtle", "--issued", "2023-13-45")
    assert result.exit_code == 2
    assert "Invalid value for '--issued': 2023-13-45 is not a date in the calendar (expected YYYY-MM-DD" \
        in result.stderr


def test_iso_date():
    assert iso_date("2023-03-17", "x", "date") == "2023-03-17"
    for bad in ("2023-3-17", "2023-02-29", "20230317", "", "2023-03-17T10:00", True, None):
        with pytest.raises(InvalidInput):
            iso_date(bad, "x", "date")


# ------------------------------------------------------------------------------------- unreadable files

@pytest.fixture
def unreadable(monkeypatch):
    """Files whose reading the operating system refuses (as root, chmod cannot make one)."""
    refused: set[Path] = set()

    def refuse(original):
        def reader(self, *args, **kwargs):
            if self in refused:
                raise PermissionError(13, "Permission denied", str(self))
            return original(self, *args, **kwargs)
        return reader

    monkeypatch.setattr(Path, "read_bytes", refuse(Path.read_bytes))
    monkeypatch.setattr(Path, "read_text", refuse(Path.read_text))
    return refused


def test_an_unreadable_file_named_on_the_command_line_is_one_line_and_the_rest_are_read(tmp_path, unreadable):
    (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MINUTES, encoding="utf-8")
    unreadable.add(tmp_path / "b.txt")
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--stage", "extract")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: cannot read {tmp_path / 'b.txt'}: permission denied"]
    assert "a.txt" in result.stdout


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A folder the operating system will not let us into (as root, chmod cannot make one): os.stat of
    anything inside it fails with EACCES, as it does for a file in a folder without search permission."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "m.txt").write_text(MINUTES, encoding="utf-8")
    stat = os.stat

    def refusing(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing)
    return folder


@pytest.mark.parametrize("command", ["extract", "load"])
def test_a_path_that_cannot_be_reached_is_one_line_and_the_others_are_read(tmp_path, locked, command):
    (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
    args = ["extract", "--stage", "extract"] if command == "extract" else ["--store", str(tmp_path / "s"), "load"]
    result = run(*args, str(tmp_path / "a.txt"), str(locked / "m.txt"), str(locked))
    assert result.exit_code == 1
    errors = [line for line in error_lines(result) if line.startswith("error:")]
    assert errors == [f"error: cannot read {locked / 'm.txt'}: permission denied",
                      f"error: cannot read {locked}: permission denied"]
    if command == "extract":
        assert "a.txt" in result.stdout
    else:
        assert "1 loaded, 0 unchanged, 2 failed of 3 files" in result.stderr


def test_an_unreadable_file_in_a_load_fails_alone(tmp_path, unreadable):
    from graph.store import open_store

    (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MINUTES.replace("Barnet", "Brent"), encoding="utf-8")
    unreadable.add(tmp_path / "b.txt")
    with open_store(tmp_path / "store") as store:
        report = load_into(store, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
    assert report.loaded == ["a.txt"]
    assert report.failed == [(str(tmp_path / "b.txt"), f"cannot read {tmp_path / 'b.txt'}: permission denied")]


def test_an_unreadable_sidecar_or_curation_file_is_one_line(tmp_path, unreadable):
    (tmp_path / "m.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "m.txt.meta.yaml").write_text("date: 2023-03-17\n", encoding="utf-8")
    (tmp_path / "curation.yaml").write_text("distinct: []\n", encoding="utf-8")
    unreadable.update({tmp_path / "m.txt.meta.yaml", tmp_path / "curation.yaml"})
    with pytest.raises(ExtractionError, match=r"^cannot read .*m.txt.meta.yaml: permission denied$"):
        load(tmp_path / "m.txt")
    with pytest.raises(InvalidInput, match=r"^cannot read .*curation.yaml: permission denied$"):
        Curation.load(tmp_path / "curation.yaml")


# ------------------------------------------------------------------------------------- the server, parameters

def test_the_graph_server_dying_mid_load_is_one_line(tmp_path, monkeypatch):
    from graph.store.embedded import EmbeddedStore

    write = EmbeddedStore.write

    def write_then_die(self, *args, **kwargs):
        os.kill(self._proc.pid, signal.SIGKILL)
        self._proc.wait()
        return write(self, *args, **kwargs)

    monkeypatch.setattr(EmbeddedStore, "write", write_then_die)
    (tmp_path / "m.txt").write_text(MINUTES, encoding="utf-8")
    result = run("--store", str(tmp_path / "store"), "load", str(tmp_path / "m.txt"))
    assert result.exit_code == 1
    lines = [line for line in error_lines(result) if not line.startswith(("Extracting", "Writing"))]
    assert lines[0].startswith(f"Error: the graph server for {tmp_path / 'store'} stopped while in use (")
    assert lines[0].endswith("documents written before it stopped are kept: run the command again")
    assert len(lines) == 2 and lines[1].startswith("Check --store DIR")      # the store error's hint


def test_a_huge_integer_parameter_is_a_clear_error(tmp_path):
    result = run("--store", str(tmp_path / "store"), "query", "meetings", "-p", "limit=9223372036854775807")
    assert result.exit_code == 1
    assert error_lines(result)[0] == ("Error: limit must be between -2,147,483,647 and 2,147,483,647, "
                                      "not 9223372036854775807")
