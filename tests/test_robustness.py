"""Bad input, big batches and reloads: every bad file gets one error line, the rest loads, reloads change only what changed."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from app.cli import cli
from graph import ids
from graph.errors import ExtractionError
from graph.model import Label, PartnershipGraph, Rel
from loaders.document import Document, sha256_of

# -------------------------------------------------------------------------------------------- inputs

FIRST = ["Priya", "Owen", "Hannah", "Gareth", "Nadia", "Colin", "Ruth", "Imran", "Teresa", "Stuart"]
LAST = ["Sharma", "Hughes", "Marshall", "Pritchard", "Rahman", "Fenwick", "Okafor", "Kershaw", "Whitfield", "Dalton"]
POSTS = ["Community Safety Manager, London Borough of Barnet", "Borough Commander, London Fire Brigade",
         "Head of Service, Barnet Mencap", "Policy Officer, MOPAC"]


def minutes(day: int, people: list[str], title: str, extra: str = "") -> str:
    """Short minutes in the samples' shape: attendance with posts, numbered items, a decision, an action."""
    present = "\n\n".join(f"{name} – {POSTS[i % len(POSTS)]}" for i, name in enumerate(people))
    return f"""Safer Communities Partnership Board

Minutes of a meeting held on {day} March 2022
Hendon Town Hall

Board Members Present:

{present}

1. Apologies for Absence

There were no apologies.

2. {title}

{people[0]} presented the report on {title.lower()}. The Board noted the update.

ACTION: {people[0]} to circulate the figures.
{extra}"""


def person(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def text_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds `text`, one line per text line (Helvetica, Latin-1)."""
    lines = [line.replace("–", "-").replace("(", "[").replace(")", "]") for line in text.split("\n")]
    content = "BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -------------------------------------------------------------------------------------------- helpers

def load(store: Path, *paths: Path | str) -> Any:
    return CliRunner().invoke(cli, ["--store", str(store), "load", *map(str, paths)])


def error_lines(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:") and name in line]


def stored_documents(store_dir: Path) -> set[str]:
    from graph.store import open_store

    with open_store(store_dir) as store:
        return {row["name"] for row in store.run("MATCH (d:Document) RETURN d.name AS name", read_only=True)}


def status_counts(store_dir: Path) -> dict[str, int]:
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "status"])
    assert result.exit_code == 0, result.output
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+(\d+)$", result.output, re.M)}


# -------------------------------------------------------------------------------------------- bad input

@pytest.fixture
def bad_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three good minutes (UTF-8, Windows-1252, UTF-16) beside one of each kind of bad file."""
    import app.pipeline
    import loaders.formats

    # Eight files: extracted in this process, where the smaller size limit below applies (a
    # pool's workers import loaders.formats afresh and would not see the monkeypatch).
    monkeypatch.setattr(app.pipeline, "PARALLEL_THRESHOLD", 100)
    monkeypatch.setattr(loaders.formats, "MAX_TEXT_BYTES", 20_000)
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "good.txt").write_text(minutes(1, [person(0), person(1)], "Knife Crime Update"), encoding="utf-8")
    (folder / "windows.txt").write_bytes(
        minutes(2, [person(2), person(3)], "Café Licensing Review", "The Board’s £5,000 grant was noted.\n")
        .encode("cp1252"))
    (folder / "unicode16.txt").write_bytes(minutes(3, [person(4), person(5)], "Fête and Festival Safety")
                                           .encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    pdf = text_pdf(minutes(4, [person(4), person(5)], "Prevent Update"))
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf(pdf))
    (folder / "huge.txt").write_text(minutes(5, [person(6)], "Huge Update") + "Filler line.\n" * 2000,
                                     encoding="utf-8")
    return folder


BAD = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "truncated.pdf": "not a readable PDF",
    "encrypted.pdf": "encrypted",
    "huge.txt": "larger than minutes can be",
    "nowhere.txt": "no such file",
}


def test_each_bad_file_gets_one_error_line_and_the_rest_loads(bad_folder: Path, tmp_path: Path):
    store = tmp_path / "store"
    result = load(store, bad_folder, tmp_path / "nowhere.txt")
    assert result.exit_code == 1, result.output
    for name, reason in BAD.items():
        lines = error_lines(result.output, name)
        assert len(lines) == 1, f"{name}: {lines}\n{result.output}"
        assert reason in lines[0], lines[0]
    assert "3 loaded, 0 unchanged, 6 failed of 9 files" in result.output
    assert stored_documents(store) == {"good.txt", "windows.txt", "unicode16.txt"}
    assert status_counts(store)["Document"] == 3


def test_extract_reports_each_bad_file_and_prints_the_rest(bad_folder: Path, tmp_path: Path):
    out = tmp_path / "graph.json"
    result = CliRunner().invoke(cli, ["extract", str(bad_folder), "-o", str(out)])
    assert result.exit_code == 1, result.output
    for name, reason in BAD.items():
        if name != "nowhere.txt":        # click refuses a missing path before extraction
            lines = error_lines(result.output, name)
            assert len(lines) == 1 and reason in lines[0], f"{name}: {lines}"
    documents = {n["name"] for n in json.loads(out.read_text())["nodes"] if n["label"] == "Document"}
    assert documents == {"good.txt", "windows.txt", "unicode16.txt"}


def test_a_pdf_read_around_its_damage_extracts_without_noise(tmp_path: Path):
    pdf = text_pdf(minutes(1, [person(0), person(1)], "Knife Crime Update"))
    # The pointer to the cross-reference table is wrong: pypdf finds the table by scanning, and
    # logs that it did (to stderr when nothing configures logging, as in `pgraph`).
    shifted = re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + 5), pdf)
    (tmp_path / "shifted.pdf").write_bytes(shifted)
    pgraph = Path(sys.executable).with_name("pgraph")
    done = subprocess.run([str(pgraph), "extract", str(tmp_path / "shifted.pdf"), "-o", str(tmp_path / "g.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Knife Crime Update" in (tmp_path / "g.json").read_text()
    assert done.stderr == ""


def test_a_100_mb_text_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "minutes" / "archive-dump.txt"
    big.parent.mkdir()
    line = b"The Board noted the update on anti-social behaviour in the borough.\n"
    with big.open("wb") as handle:
        for _ in range(100 * 2**20 // len(line) + 1):
            handle.write(line)
    (tmp_path / "minutes" / "good.txt").write_text(minutes(1, [person(0), person(1)], "Knife Crime Update"),
                                                   encoding="utf-8")
    result = load(tmp_path / "store", tmp_path / "minutes")
    assert result.exit_code == 1, result.output
    [line] = error_lines(result.output, "archive-dump.txt")
    assert "100 MB is larger than minutes can be" in line and "split it" in line
    assert stored_documents(tmp_path / "store") == {"good.txt"}


def test_a_pdf_whose_text_is_too_long_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import loaders.formats

    monkeypatch.setattr(loaders.formats, "MAX_TEXT_CHARS", 200)
    (tmp_path / "pack.pdf").write_bytes(text_pdf(minutes(1, [person(0), person(1)], "Knife Crime Update")))
    with pytest.raises(ExtractionError, match=r"pack\.pdf: .* characters of text is larger than minutes can be"):
        loaders.formats.load(tmp_path / "pack.pdf")


def test_other_encodings_keep_their_letters(bad_folder: Path, tmp_path: Path):
    store = tmp_path / "store"
    load(store, bad_folder)
    from graph.store import open_store

    with open_store(store) as s:
        titles = {row["t"] for row in s.run("MATCH (i:AgendaItem) RETURN i.title AS t", read_only=True)}
        people = {row["name"] for row in s.run("MATCH (p:Person) RETURN p.name AS name", read_only=True)}
    assert {"Café Licensing Review", "Fête and Festival Safety"} <= titles
    assert {person(2), person(3), person(4), person(5)} <= people


def test_names_with_accents_are_people():
    from loaders.extract import extract

    text = minutes(2, ["Chloé Dubois", "Siân Brontë", person(2)], "Café Licensing Review")
    graph = extract(Document(name="accents.txt", text=text, sha256=sha256_of(text.encode())))
    assert {"Chloé Dubois", "Siân Brontë", person(2)} <= {n.name for n in graph.of_label(Label.PERSON)}


def test_a_page_with_no_minutes_is_skipped_with_a_warning(tmp_path: Path):
    """Decision: a page in which nobody, no decision and no action is found (an agenda, an index, a search or
    error page saved with the minutes) is skipped with a warning naming it: not an error, since nothing is
    wrong with the rest of the folder, and not stored, since it would be an empty meeting in every list."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "search.html").write_text(
        "<html><head><title>Committee search</title></head><body><div id='mgContent'>"
        "<h1>Search results</h1><p>Sorry, the page you asked for could not be found.</p>"
        "<p>Try the committee calendar instead.</p></div></body></html>", encoding="utf-8")
    (folder / "good.txt").write_text(minutes(1, [person(0)], "Knife Crime Update"), encoding="utf-8")
    store = tmp_path / "store"
    result = load(store, folder)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "search.html" in line]
    assert line.startswith("warning:") and "no minutes found" in line
    assert stored_documents(store) == {"good.txt"}
    assert status_counts(store)["Meeting"] == 1


def test_two_files_for_one_meeting_are_refused(tmp_path: Path):
    folder = tmp_path / "twice"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    (folder / "a" / "minutes.txt").write_text(minutes(1, [person(0)], "Knife Crime Update"), encoding="utf-8")
    (folder / "b" / "minutes.txt").write_text(minutes(2, [person(1)], "Prevent Update"), encoding="utf-8")
    (folder / "b" / "minutes.md").write_text(minutes(3, [person(2)], "CCTV Update"), encoding="utf-8")
    store = tmp_path / "store"
    result = load(store, folder, folder)        # the same folder twice counts once
    assert result.exit_code == 1
    refused = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(refused) == 2
    assert any(line.startswith(f"error: {folder / 'b' / 'minutes.txt'}: ") for line in refused)
    assert any(line.startswith(f"error: {folder / 'b' / 'minutes.md'}: ") for line in refused)
    assert "1 loaded, 0 unchanged, 2 failed of 3 files" in result.output
    assert stored_documents(store) == {"minutes.txt"}


def test_a_big_folder_with_some_bad_files(tmp_path: Path):
    """200 files through the process pool: the bad ones named once each, the good ones all stored."""
    folder = tmp_path / "archive"
    folder.mkdir()
    bad = set()
    for i in range(200):
        path = folder / f"m{i:03d}.txt"
        if i % 40 == 7:
            path.write_bytes(b"")
            bad.add(path.name)
        elif i % 40 == 23:
            path.write_bytes(b"\x00\x01\x02garbage" * 100)
            bad.add(path.name)
        else:
            people = [person(i % 37), person((i * 7 + 3) % 37), person((i * 11 + 5) % 37)]
            path.write_text(minutes(1 + i % 28, people, f"Item {i} Update"), encoding="utf-8")
    store = tmp_path / "store"
    result = load(store, folder)
    assert result.exit_code == 1, result.output
    for name in bad:
        assert len(error_lines(result.output, name)) == 1, name
    assert len([line for line in result.output.splitlines() if line.startswith("error:")]) == len(bad)
    good = {f"m{i:03d}.txt" for i in range(200)} - bad
    assert f"{len(good)} loaded, 0 unchanged, {len(bad)} failed of 200 files" in result.output
    assert stored_documents(store) == good
    counts = status_counts(store)
    assert counts["Document"] == counts["Meeting"] == len(good)
    # People named in many files are one node each: resolution ran across the whole batch.
    assert counts["Person"] == len({person(k) for k in range(37)})


# -------------------------------------------------------------------------------------------- extraction failures

def _docs(n: int) -> list[Document]:
    out = []
    for i in range(n):
        text = minutes(1 + i, [person(i), person(i + 1)], f"Item {i} Update")
        out.append(Document(name=f"d{i:02d}.txt", text=text, sha256=sha256_of(text.encode())))
    return out


class _KillsItsProcess:
    """Unpickled in a worker, it ends that worker at once, as an out-of-memory kill would."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os._exit, (3,))


def test_a_bug_in_one_document_is_reported_with_its_type_and_the_rest_extract(monkeypatch: pytest.MonkeyPatch):
    import loaders.extract

    real = loaders.extract.extract

    def flaky(doc: Document, *args: Any, **kwargs: Any) -> PartnershipGraph:
        if doc.name == "d02.txt":
            return {}["no such key"]            # a KeyError, as a bug would raise
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(loaders.extract, "extract", flaky)
    failures: list[tuple[str, str]] = []
    seen: list[str] = []
    graphs = extract_documents_serial(_docs(4), failures, seen)
    assert [name for name, _ in failures] == ["d02.txt"]
    assert "KeyError" in failures[0][1] and "bug" in failures[0][1]
    assert sorted(seen) == ["d00.txt", "d01.txt", "d02.txt", "d03.txt"]
    assert len(graphs) == 3


def extract_documents_serial(docs: list[Document], failures: list[tuple[str, str]], seen: list[str]):
    from app.pipeline import extract_documents

    return extract_documents(docs, progress=lambda d: seen.append(d.name),
                             on_error=lambda name, message: failures.append((name, message)), workers=1)


def test_without_on_error_failures_are_raised_together_after_the_rest(monkeypatch: pytest.MonkeyPatch):
    import loaders.extract

    real = loaders.extract.extract
    done: list[str] = []

    def flaky(doc: Document, *args: Any, **kwargs: Any) -> PartnershipGraph:
        done.append(doc.name)
        if doc.name in ("d00.txt", "d02.txt"):
            raise ExtractionError(f"{doc.name}: cannot be read as minutes")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(loaders.extract, "extract", flaky)
    from app.pipeline import extract_documents

    with pytest.raises(ExtractionError, match=r"2 of 4 documents.*d00\.txt.*d02\.txt"):
        extract_documents(_docs(4), workers=1)
    assert len(done) == 4


def test_in_the_pool_a_bug_and_a_dead_worker_cost_only_their_own_documents():
    from app.pipeline import extract_documents

    docs = _docs(20)
    docs[5].text = None                                 # type: ignore[assignment]  # extraction raises
    docs[12].metadata["bomb"] = _KillsItsProcess()      # kills the worker that receives it
    failures: dict[str, str] = {}
    seen: list[str] = []
    graphs = extract_documents(docs, progress=lambda d: seen.append(d.name),
                               on_error=lambda name, message: failures.__setitem__(name, message), workers=2)
    assert set(failures) == {"d05.txt", "d12.txt"}
    assert "bug" in failures["d05.txt"] and ("TypeError" in failures["d05.txt"]
                                            or "AttributeError" in failures["d05.txt"])
    assert "process died" in failures["d12.txt"]
    assert sorted(seen) == sorted(d.name for d in docs)
    meetings = {m.document for g in graphs for m in g.of_label(Label.MEETING)}
    assert meetings == {d.name for d in docs} - {"d05.txt", "d12.txt"}


def test_the_pool_gives_the_same_graph_as_one_process():
    from app.pipeline import extract_documents

    def merged(graphs: list[PartnershipGraph]) -> dict[str, Any]:
        out = PartnershipGraph()
        for g in graphs:
            out.merge(g)
        return out.to_node_link()

    docs = _docs(24)
    assert merged(extract_documents(docs, workers=2)) == merged(extract_documents(docs, workers=1))


# -------------------------------------------------------------------------------------------- reloads

@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three minutes: Priya Sharma at all three, Owen Hughes only in a.txt, Hannah Marshall only in b.txt."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(minutes(1, ["Priya Sharma", "Owen Hughes"], "Knife Crime Update"), encoding="utf-8")
    (folder / "b.txt").write_text(minutes(8, ["Priya Sharma", "Hannah Marshall"], "Prevent Update"), encoding="utf-8")
    (folder / "c.txt").write_text(minutes(15, ["Gareth Pritchard", "Priya Sharma"], "CCTV Update"), encoding="utf-8")
    return folder


def _facts(graph: PartnershipGraph, document: str) -> set[tuple[str, str, str]]:
    return {(r.type.value, r.source, r.target) for r in graph.relationships.values() if r.document == document}


def test_reloading_the_same_corpus_writes_nothing(corpus: Path, tmp_path: Path):
    from app.pipeline import load_into
    from graph.store import open_store

    with open_store(tmp_path / "store") as store:
        first = load_into(store, [corpus])
        assert sorted(first.loaded) == ["a.txt", "b.txt", "c.txt"] and not first.failed
        before = store.read_graph().to_node_link()
        again = load_into(store, [corpus])
        assert again.loaded == [] and sorted(again.unchanged) == ["a.txt", "b.txt", "c.txt"]
        w = again.write
        assert (w.nodes_created, w.nodes_merged, w.relationships_created, w.relationships_merged) == (0, 0, 0, 0)
        assert store.read_graph().to_node_link() == before
    result = load(tmp_path / "store", corpus)
    assert result.exit_code == 0 and "0 loaded, 3 unchanged" in result.output


def test_a_changed_document_replaces_its_own_facts_and_nothing_else(corpus: Path, tmp_path: Path):
    from app.pipeline import load_into
    from graph.store import open_store

    priya, owen = ids.person_id("Priya Sharma"), ids.person_id("Owen Hughes")
    with open_store(tmp_path / "store") as store:
        load_into(store, [corpus])
        before = store.read_graph()
        assert owen in before.nodes and "a.txt" in before.nodes[priya].documents
        # a.txt now has another item, and Owen Hughes has given way to Ruth Kershaw.
        (corpus / "a.txt").write_text(minutes(1, ["Priya Sharma", "Ruth Kershaw"], "Road Safety Review"),
                                      encoding="utf-8")
        report = load_into(store, [corpus])
        assert report.loaded == ["a.txt"] and sorted(report.unchanged) == ["b.txt", "c.txt"]
        assert report.write.documents_replaced == ["a.txt"]
        after = store.read_graph()
    # Its own facts are replaced ...
    assert owen not in after.nodes
    assert ids.person_id("Ruth Kershaw") in after.nodes
    titles = {n.title for n in after.of_label(Label.AGENDA_ITEM) if n.meeting == ids.meeting_id("a.txt")}
    assert "Road Safety Review" in titles and "Knife Crime Update" not in titles
    assert (Rel.ATTENDED.value, owen, ids.meeting_id("a.txt")) not in _facts(after, "a.txt")
    # ... and nothing else: the other documents' facts are as they were, shared people survive.
    for other in ("b.txt", "c.txt"):
        assert _facts(after, other) == _facts(before, other)
    assert set(after.nodes[priya].documents) == {"a.txt", "b.txt", "c.txt"}
    assert ids.person_id("Hannah Marshall") in after.nodes
    assert {d.name for d in after.of_label(Label.DOCUMENT)} == {"a.txt", "b.txt", "c.txt"}


def test_a_person_a_changed_document_drops_survives_through_the_others(corpus: Path, tmp_path: Path):
    from app.pipeline import load_into
    from graph.store import open_store

    priya = ids.person_id("Priya Sharma")
    with open_store(tmp_path / "store") as store:
        load_into(store, [corpus])
        before = store.read_graph()
        (corpus / "b.txt").write_text(minutes(8, ["Hannah Marshall", "Colin Fenwick"], "Prevent Update"),
                                      encoding="utf-8")
        assert load_into(store, [corpus]).loaded == ["b.txt"]
        after = store.read_graph()
    assert priya in after.nodes
    assert set(after.nodes[priya].documents) == {"a.txt", "c.txt"}
    assert not any(r.source == priya for r in after.relationships.values() if r.document == "b.txt")
    for other in ("a.txt", "c.txt"):
        assert _facts(after, other) == _facts(before, other)
    # The roles and organisations Priya's other documents state are still there.
    for rel in before.relationships.values():
        if rel.document in ("a.txt", "c.txt"):
            assert rel.source in after.nodes and rel.target in after.nodes


# -------------------------------------------------------------------------------------------- fuzzing

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "minutes"
_EXCERPTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def mutated_minutes(draw: st.DrawFn) -> str:
    """A stretch of a sample with lines dropped, repeated, shuffled or replaced by random text."""
    text = draw(st.sampled_from(_EXCERPTS))
    start = draw(st.integers(0, max(0, len(text) - 3000)))
    lines = text[start:start + draw(st.integers(0, 3000))].split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap", "noise", "cut"]))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines[at:at] = [lines[at]] * draw(st.integers(1, 5))
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "noise":
            lines[at] = draw(st.text(max_size=120))
        else:
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    return "\n".join(lines)


def _extract_text(text: str) -> None:
    from loaders.extract import extract

    try:
        extract(Document(name="fuzz.txt", text=text, sha256=sha256_of(text.encode("utf-8", "replace"))))
    except ExtractionError:
        pass        # the project's own error is an answer; anything else is a bug


@FUZZ
@given(mutated_minutes())
def test_the_extractor_survives_mutated_minutes(text: str):
    _extract_text(text)


@FUZZ
@given(st.text(max_size=1500))
def test_the_extractor_survives_random_text(text: str):
    _extract_text(text)


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf"]))
def test_the_readers_raise_only_their_own_errors_on_random_bytes(tmp_path: Path, data: bytes, suffix: str):
    from graph.errors import PartnershipGraphError
    from loaders.formats import load as read

    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        read(path)
    except PartnershipGraphError:
        pass


_PDF = text_pdf(minutes(4, [person(4), person(5)], "Prevent Update"))


def _damaged(flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(_PDF)
    for at, value in flips:
        data[at] = value
    return bytes(data)


# Found by the test below: the page's /Contents made to refer to itself.
SELF_REFERENCE = [(21, 0), (918, 0)]


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(_PDF) - 1), st.integers(0, 255)), min_size=1, max_size=12))
@example(flips=SELF_REFERENCE)
def test_the_pdf_reader_raises_only_its_own_errors_on_damaged_pdfs(tmp_path: Path, flips: list[tuple[int, int]]):
    from graph.errors import PartnershipGraphError
    from loaders.formats import load as read

    path = tmp_path / "damaged.pdf"
    path.write_bytes(_damaged(flips))
    try:
        read(path)
    except PartnershipGraphError:
        pass


def test_a_damaged_pdf_is_one_error_line_and_the_rest_loads(tmp_path: Path):
    """Whatever a reader raises, `pgraph load` names the file and the exception type, and goes on."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "loop.pdf").write_bytes(_damaged(SELF_REFERENCE))
    (folder / "good.pdf").write_bytes(_PDF)
    store = tmp_path / "store"
    result = load(store, folder)
    assert result.exit_code == 1
    [line] = error_lines(result.output, "loop.pdf")
    assert "not a readable PDF" in line and "LimitReachedError" in line
    assert stored_documents(store) == {"good.pdf"}
