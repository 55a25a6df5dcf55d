"""The ModernGov fetcher against a web service served on 127.0.0.1 by the test: real responses of one council's
service (tests/fixtures/moderngov/, see its README) and variants written in the same form."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from click.testing import CliRunner

from app.cli import cli
from graph.errors import FetchError
from loaders.moderngov.client import PoliteClient, check_url, user_agent
from loaders.moderngov.fetch import base_url, minutes_documents
from loaders.moderngov.service import parse_meeting, parse_meetings
from test_formats import handmade_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "moderngov"
FROM, TO = "2026-01-01", "2026-06-30"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class Site:
    """A ModernGov web service on 127.0.0.1: each route answers from a list of responses (the last one
    repeats), and every request is logged with its arrival time, Host and User-Agent."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.log: list[dict] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:            # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                key = route_key(parts.path, query)
                site.log.append({"at": time.monotonic(), "key": key, "path": self.path,
                                 "host": self.headers.get("Host", ""), "agent": self.headers.get("User-Agent", "")})
                answers = site.routes.get(key) or [(404, {}, b"not found")]
                status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def ok(self, key: str, body: bytes, *more: tuple[int, dict, bytes]) -> None:
        self.routes[key] = [*more, (200, {"Content-Type": "text/xml; charset=utf-8"}, body)]

    def requests(self, prefix: str = "") -> list[str]:
        return [r["key"] for r in self.log if r["key"].startswith(prefix)]


def route_key(path: str, query: dict[str, str]) -> str:
    name = path.rsplit("/", 1)[-1]
    if name == "GetMeetings":
        return f"GetMeetings:{query.get('lCommitteeId')}"
    if name == "GetMeeting":
        return f"GetMeeting:{query.get('lMeetingId')}"
    if name == "mgConvert2PDF.aspx":
        return f"pdf:{query.get('ID')}"
    return name


MALFORMED = b"<?xml version='1.0' encoding='utf-8'?>\n<meeting>\n  <meetingid>7004</meetingid>\n  <agendaitems>\n"
PDF_LINES = ["Safer Communities Partnership Board", "Minutes of the meeting held on 14 January 2026",
             "Committee Room 1, Hendon Town Hall", "",
             "Present: Councillor Sarah Hale (Chair), Councillor Linda Moss (substitute for Councillor Anne Porter),",
             "Inspector Daniel Webb (Metropolitan Police), Dr Tamara Reid (Director of Public Health),",
             "Karen Blake (Chief Executive, Barnet Homes). In attendance: Mark Ellis (Head of Community Safety).",
             "", "1. Minutes of the previous meeting",
             "RESOLVED that the minutes of the meeting held on 12 November 2025 be agreed as a correct record.",
             "2. Apologies for absence and substitutions",
             "Apologies for absence were received from Councillor Anne Porter and Superintendent Raj Kohli.",
             "3. Community Safety Strategy 2026-2030",
             "Mark Ellis, Head of Community Safety, presented the draft Community Safety Strategy 2026-2030.",
             "Members discussed the consultation responses and the priorities for the first year in detail.",
             "RESOLVED that the Board approve the Community Safety Strategy 2026-2030.",
             "4. Any other business", "There was no other business. The meeting closed at 3.45 pm."]


@pytest.fixture
def site():
    """The partnership board's site: a meeting with minutes and full attendance (7001), a cancelled one
    (7002), one with no minutes yet (7003), a malformed answer (7004), a 500 then a success (7005) and a
    redirect to another host (7006); and the real Audit Committee responses (144, 4966 cancelled, 4967)."""
    s = Site()
    s.ok("GetCommittees", fixture("partnership_committees.xml"))
    s.ok("GetMeetings:601", fixture("partnership_meetings.xml"))
    s.ok("GetMeetings:144", fixture("meetings.xml"))
    s.ok("GetMeetings:0", fixture("partnership_meetings.xml"))          # 0: every committee's
    s.ok("GetMeeting:7001", fixture("partnership_meeting_7001.xml"))
    s.ok("GetMeeting:7003", fixture("partnership_meeting_7003_no_minutes.xml"))
    s.ok("GetMeeting:7004", MALFORMED)
    s.ok("GetMeeting:7005", fixture("partnership_meeting_7005.xml"), (500, {}, b"Server Error"))
    s.routes["GetMeeting:7006"] = [(302, {"Location": f"http://localhost:{s.port}/mgWebService.asmx/GetMeeting"
                                                       f"?lMeetingId=7006"}, b"")]
    s.ok("GetMeeting:4967", fixture("meeting_with_minutes.xml"))
    s.routes["pdf:9001"] = [(200, {"Content-Type": "application/pdf"}, handmade_pdf([PDF_LINES]))]
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def fetch(site: Site, out: Path, *extra: str, store: Path | None = None):
    args = (["--store", str(store)] if store else []) + [
        "fetch", "moderngov", site.url, "--from", FROM, "--to", TO, "-o", str(out), *extra]
    return CliRunner().invoke(cli, args)


# -- fetching


def test_fetch_writes_a_document_and_sidecar_per_meeting_with_minutes(site, tmp_path):
    out = tmp_path / "minutes"
    result = fetch(site, out, "--committee", "Safer Communities", "--committee", "144", "--delay", "0.1")
    assert result.exit_code == 1, result.output        # two requests failed; the rest was fetched
    written = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert written == ["4967_2026-02-10.html", "4967_2026-02-10.meta.yaml", "7001_2026-01-14.html",
                       "7001_2026-01-14.meta.yaml", "7005_2026-04-15.html", "7005_2026-04-15.meta.yaml"]

    meta = yaml.safe_load((out / "7001_2026-01-14.meta.yaml").read_text())
    assert meta["body"] == "Safer Communities Partnership Board"
    assert meta["date"] == "2026-01-14" and meta["venue"] == "Committee Room 1, Hendon Town Hall"
    assert meta["url"] == f"{site.url}/ieListDocuments.aspx?MId=7001"
    assert meta["status"] == "Confirmed"
    assert meta["source"] == f"{site.url}/mgWebService.asmx/GetMeeting?lMeetingId=7001"
    people = {a["name"]: a for a in meta["attendees"]}
    assert people["Councillor Sarah Hale"] == {"name": "Councillor Sarah Hale", "role": "Chair",
                                               "attendance": "Present", "member_id": "1"}
    assert people["Inspector Daniel Webb"]["substitute_for"] == "Superintendent Raj Kohli"
    assert people["Councillor Anne Porter"]["attendance"] == "Apologies, sent substitute"
    assert len(people) == 10

    page = (out / "7001_2026-01-14.html").read_text()
    assert "<h2>3. Community Safety Strategy 2026-2030</h2>" in page
    assert "who presented the draft Community Safety Strategy" in page
    assert "<script" not in page and "Any other business" not in page     # no minutes under that item

    real = yaml.safe_load((out / "4967_2026-02-10.meta.yaml").read_text())     # Manchester's own answer
    assert (real["body"], real["date"]) == ("Audit Committee", "2026-02-10")
    assert real["venue"] == "Council Antechamber, Level 2, Town Hall Extension"
    assert real["attendees"] == [{"name": "Councillor Basil Curley", "role": "Committee Member",
                                  "attendance": "Expected", "member_id": "192"}]
    assert "<h2>9. Work Programme</h2>" in (out / "4967_2026-02-10.html").read_text()

    # Errors: each a warning naming its URL, the rest fetched, exit code 1.
    assert f"{site.url}/mgWebService.asmx/GetMeeting?lMeetingId=7004: the answer is not the service's XML" \
        in result.output
    assert "lMeetingId=7006: redirected to another host (localhost); not followed" in result.output
    assert "1 failed" not in result.output and "2 failed" in result.output
    # The cancelled meetings were never asked for; the 500 was retried; the other host never asked.
    asked = site.requests("GetMeeting:")
    assert "GetMeeting:7002" not in asked and "GetMeeting:4966" not in asked
    assert asked.count("GetMeeting:7005") == 2
    assert all(r["host"] == f"127.0.0.1:{site.port}" for r in site.log)

    # Polite: the tool's User-Agent on every request, one at a time, the delay between them.
    assert {r["agent"] for r in site.log} == {user_agent()}
    assert user_agent().startswith("partnership-graph/")
    gaps = [b["at"] - a["at"] for a, b in zip(site.log, site.log[1:])]
    assert len(gaps) >= 8 and min(gaps) >= 0.1 * 0.95, gaps


def test_a_second_run_fetches_only_new_or_changed_meetings(site, tmp_path):
    site.ok("GetMeeting:7004", fixture("partnership_meeting_7005.xml").replace(b"7005", b"7004")
            .replace(b"15/04/2026", b"18/03/2026"))
    site.ok("GetMeeting:7006", fixture("partnership_meeting_7005.xml").replace(b"7005", b"7006")
            .replace(b"15/04/2026", b"13/05/2026"))
    out = tmp_path / "minutes"
    first = fetch(site, out, "--committee", "601", "--delay", "0")
    assert first.exit_code == 0, first.output
    files = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    assert len(files) == 8         # 7001, 7004, 7005, 7006: a document and a sidecar each
    site.log.clear()

    second = fetch(site, out, "--committee", "601", "--delay", "0")
    assert second.exit_code == 0, second.output
    assert site.requests() == ["GetCommittees", "GetMeetings:601"]       # the lists, no meeting
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == files
    assert "0 written" in second.output and "5 fetched before" in second.output

    # The list now says 7005 moved to the evening: that meeting alone is fetched again, and rewritten
    # since its record changed too.
    site.ok("GetMeetings:601", fixture("partnership_meetings.xml").replace(
        b"<meetingid>7005</meetingid>\n        <meetingdate>15/04/2026</meetingdate>\n"
        b"        <meetingstatus>Confirmed</meetingstatus>\n        <meetingtime>2.00 pm",
        b"<meetingid>7005</meetingid>\n        <meetingdate>15/04/2026</meetingdate>\n"
        b"        <meetingstatus>Confirmed</meetingstatus>\n        <meetingtime>6.00 pm"))
    site.ok("GetMeeting:7005", fixture("partnership_meeting_7005.xml").replace(b"2.00 pm", b"6.00 pm"))
    site.log.clear()
    third = fetch(site, out, "--committee", "601", "--delay", "0")
    assert third.exit_code == 0, third.output
    assert site.requests("GetMeeting:") == ["GetMeeting:7005"]
    assert yaml.safe_load((out / "7005_2026-04-15.meta.yaml").read_text())["time"] == "6.00 pm"
    assert "1 written" in third.output
    state = json.loads((out / ".moderngov" / "state.json").read_text())
    assert set(state["meetings"]) == {"7001", "7003", "7004", "7005", "7006"}


def test_fetch_then_load_puts_the_meeting_and_its_attendance_in_the_store(site, tmp_path):
    out, store = tmp_path / "minutes", tmp_path / "store"
    result = fetch(site, out, "--committee", "Safer Communities Partnership Board", "--delay", "0", "--load",
                   store=store)
    assert result.exit_code == 1, result.output          # 7004 and 7006 failed, and say so
    assert "2 loaded, 0 unchanged" in result.output
    export = tmp_path / "g.json"
    assert CliRunner().invoke(cli, ["--store", str(store), "export", "-o", str(export)]).exit_code == 0
    data = json.loads(export.read_text())
    nodes = {n["id"]: n for n in data["nodes"]}
    edges = data["edges"]
    meeting = nodes["meeting:7001-2026-01-14"]
    assert meeting["date"] == "2026-01-14" and meeting["body"] == "Safer Communities Partnership Board"
    assert meeting["url"] == f"{site.url}/ieListDocuments.aspx?MId=7001"
    assert meeting["venue"] == "Committee Room 1, Hendon Town Hall"
    assert meeting["absent"] == ["Councillor Peter Lang"]
    items = sorted((e["order"], nodes[e["target"]]["number"], nodes[e["target"]]["title"]) for e in edges
                   if e["type"] == "HAS_ITEM" and e["source"] == meeting["id"])
    assert [(n, t) for _, n, t in items] == [("1", "Minutes of the previous meeting"),
                                              ("2", "Apologies for absence and substitutions"),
                                              ("3", "Community Safety Strategy 2026-2030")]

    def named(person_id: str) -> str:
        return nodes[person_id]["name"]

    def facts(kind: str) -> list[dict]:
        return [e for e in edges if e["type"] == kind and e["document"] == "7001_2026-01-14.html"]

    attended = {named(e["source"]): e for e in facts("ATTENDED")}
    assert set(attended) == {"Sarah Hale", "Linda Moss", "Daniel Webb", "Tamara Reid", "Karen Blake", "Mark Ellis"}
    assert attended["Sarah Hale"]["role"] == "Chair" and attended["Mark Ellis"]["role"] == "Officer"
    assert (attended["Tamara Reid"]["role"], attended["Tamara Reid"]["organisation"]) == (
        "Director of Public Health", "London Borough of Barnet")
    source = f"{site.url}/mgWebService.asmx/GetMeeting?lMeetingId=7001"
    assert source in attended["Sarah Hale"]["evidence"] and "Present" in attended["Sarah Hale"]["evidence"]
    assert {named(e["source"]) for e in facts("SENT_APOLOGIES")} == {"Anne Porter", "Raj Kohli"}
    assert sorted((named(e["source"]), named(e["target"])) for e in facts("SUBSTITUTED_FOR")) == [
        ("Daniel Webb", "Raj Kohli"), ("Linda Moss", "Anne Porter")]
    # The minutes text names the same people ('Councillor Hale', the apologies and substitutions item): one
    # person each, one fact each.
    people = sorted(n["name"] for n in data["nodes"] if n["label"] == "Person" and "7001_2026-01-14.html" in n["documents"])
    assert people == ["Anne Porter", "Daniel Webb", "Karen Blake", "Linda Moss", "Mark Ellis", "Raj Kohli",
                      "Sarah Hale", "Tamara Reid"]         # not Helen Grant (expected) nor Peter Lang (absent)
    assert "Cllr Hale" in nodes["person:sarah-hale"]["aliases"] or "Councillor Hale" in nodes["person:sarah-hale"]["aliases"]
    keys = [(e["type"], e["source"], e["target"]) for e in facts("SUBSTITUTED_FOR") + facts("ATTENDED")]
    assert len(keys) == len(set(keys))
    assert any(e["type"] == "PRESENTED" and named(e["source"]) == "Mark Ellis" for e in edges)
    # The posts the record states for external members.
    held = {(named(e["source"]), nodes[e["target"]]["name"]) for e in edges if e["type"] == "HOLDS"}
    assert ("Tamara Reid", "Director of Public Health") in held and ("Karen Blake", "Chief Executive") in held
    # Where the text says more than the record: Mark Ellis sat as 'Officer'; the minutes give his post.
    assert ("Mark Ellis", "Head of Community Safety") in held
    assert not any(name == "Mark Ellis" and post == "Officer" for name, post in held)   # a seat, not a post
    assert not any(post.startswith("who ") for _, post in held)     # 'A, who was substituted by B'
    assert nodes["meeting:7005-2026-04-15"]["date"] == "2026-04-15"

    turtle = CliRunner().invoke(cli, ["--store", str(store), "export", "--format", "turtle", "-o", str(tmp_path / "g.ttl")])
    assert turtle.exit_code == 0, turtle.output
    from rdflib import Graph
    from test_rdf import conforms

    ok, shacl = conforms(Graph().parse(tmp_path / "g.ttl", format="turtle"))
    assert ok, shacl

    # Nothing new on the next run: nothing fetched, nothing re-extracted.
    site.log.clear()
    again = fetch(site, out, "--committee", "601", "--delay", "0", "--load", store=store)
    assert "0 loaded, 2 unchanged" in again.output
    assert site.requests("GetMeeting:") == ["GetMeeting:7004", "GetMeeting:7006"]     # the failed ones again


def test_pdfs_keep_whichever_holds_more(site, tmp_path):
    out = tmp_path / "minutes"
    assert fetch(site, out, "--committee", "601", "--to", "2026-01-31", "--delay", "0").exit_code == 0
    assert site.requests("pdf:") == []
    # Asked for PDFs on a later run: the meetings fetched without them are fetched again.
    result = fetch(site, out, "--committee", "601", "--to", "2026-01-31", "--delay", "0", "--pdfs")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["7001_2026-01-14.meta.yaml", "7001_2026-01-14.pdf"]
    assert (out / ".moderngov" / "alternatives" / "7001_2026-01-14.html").is_file()
    assert site.requests("pdf:") == ["pdf:9001"]          # not 9000: the previous meeting's minutes
    meta = yaml.safe_load((out / "7001_2026-01-14.meta.yaml").read_text())
    assert meta["document"] == "7001_2026-01-14.pdf"
    assert meta["minutes_pdfs"] == [f"{site.url}/mgConvert2PDF.aspx?ID=9001"]
    from app.pipeline import discover

    assert [p.name for p in discover([out])[0]] == ["7001_2026-01-14.pdf"]

    # A PDF that holds less than the items' minutes (a cover sheet): the HTML stays the document.
    site.routes["pdf:9001"] = [(200, {}, handmade_pdf([PDF_LINES[:2]]))]
    again = fetch(site, out, "--committee", "601", "--to", "2026-01-31", "--delay", "0", "--pdfs", "--refresh")
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["7001_2026-01-14.html", "7001_2026-01-14.meta.yaml"]
    assert (out / ".moderngov" / "alternatives" / "7001_2026-01-14.pdf").is_file()


# -- the client's rules


def test_only_http_addresses_and_clear_errors(tmp_path):
    for bad in ("ftp://moderngov.example.gov.uk", "file:///etc/passwd", "moderngov.example.gov.uk", "http://"):
        with pytest.raises(FetchError):
            check_url(bad)
    result = CliRunner().invoke(cli, ["fetch", "moderngov", "file:///etc", "-o", str(tmp_path / "x")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "only http:// and https:// addresses are fetched" in result.output
    assert base_url("https://moderngov.example.gov.uk/mgWebService.asmx/GetCommittees?lDays=0") \
        == "https://moderngov.example.gov.uk"
    assert base_url("https://democracy.example.gov.uk/mgListCommittees.aspx?bcr=1") == "https://democracy.example.gov.uk"
    assert base_url("https://example.gov.uk/democracy/") == "https://example.gov.uk/democracy"


def test_an_unknown_committee_is_one_line_listing_what_there_is(site, tmp_path):
    result = fetch(site, tmp_path / "m", "--committee", "Planning", "--delay", "0")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "--committee 'Planning' matches no committee" in result.output
    assert "601 Safer Communities Partnership Board" in result.output


def test_retries_back_off_on_429_and_follow_a_redirect_on_the_same_host(site):
    site.ok("GetCommittees", fixture("committees.xml"), (429, {"Retry-After": "0.3"}, b""), (503, {}, b""))
    site.routes["moved"] = [(301, {"Location": "/mgWebService.asmx/GetCommittees"}, b"")]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    with PoliteClient(delay=0, backoff=0.05, sleep=sleep) as client:
        data = client.get(f"{site.url}/moved")
    assert b"Audit Committee" in data
    assert site.requests() == ["moved", "GetCommittees", "GetCommittees", "GetCommittees"]
    assert waits[0] >= 0.3 and waits[1] >= 0.1           # Retry-After, then the doubled back-off
    with PoliteClient(delay=0, retries=1, backoff=0.01) as client:
        site.routes["down"] = [(503, {}, b"")]
        with pytest.raises(FetchError, match=r"/down: HTTP 503"):
            client.get(f"{site.url}/down")


def test_a_timeout_is_a_failure_naming_the_url():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)           # accepts, never answers
    port = listener.getsockname()[1]
    try:
        with PoliteClient(delay=0, timeout=0.2, retries=1, backoff=0.01) as client:
            with pytest.raises(FetchError, match=rf"127.0.0.1:{port}/x: timed out"):
                client.get(f"http://127.0.0.1:{port}/x")
    finally:
        listener.close()


def test_entities_are_not_expanded():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b"<getmeetings><committee><committeeid>&b;</committeeid></committee></getmeetings>")
    with pytest.raises(FetchError, match="not the service's XML"):
        parse_meetings(bomb, "http://127.0.0.1/x")


def test_this_meetings_minutes_pdf_is_told_from_the_last_meetings():
    record = parse_meeting(fixture("partnership_meeting_7001.xml"), "x")
    assert [d.title for d in minutes_documents(record)] == [
        "Printed minutes 14th-Jan-2026 14.00 Safer Communities Partnership Board"]
    real = parse_meeting(fixture("meeting_with_minutes.xml"), "x")     # its only 'Minutes' PDF is of 25 Nov 2025
    assert minutes_documents(real) == []


def test_file_names_come_from_the_meeting_id_and_date_only(site, tmp_path):
    site.ok("GetMeetings:601", fixture("partnership_meetings.xml").replace(b"<meetingid>7001</meetingid>",
                                                                          b"<meetingid>../../evil</meetingid>"))
    out = tmp_path / "minutes"
    result = fetch(site, out, "--committee", "601", "--delay", "0")
    assert "meeting id '../../evil' is not a number" in result.output
    assert not (tmp_path / "evil").exists() and all(p.parent == out for p in out.rglob("*.html"))


# -- attendance the service records, read from a sidecar by `pgraph load`


RECORDED_DATA = yaml.safe_load((Path(__file__).resolve().parent.parent / "loaders" / "data" /
                                "recorded_attendance.yaml").read_text())
EXPECTED_FACT = {"attended": "ATTENDED", "substitute": "ATTENDED", "apologies": "SENT_APOLOGIES",
                 "absent": None, "not_recorded": None}


@pytest.mark.parametrize("status,code", [(status, code) for status, codes in RECORDED_DATA["statuses"].items()
                                         for code in codes if code])
def test_every_recorded_status_is_read(status, code):
    """One snippet per line of loaders/data/recorded_attendance.yaml: a sidecar attendee with that status."""
    from helpers import extract_text

    attendees = [{"name": "Councillor Jane Doyle", "role": "Committee Member", "attendance": code},
                 {"name": "Councillor Paul Finch", "role": "Committee Member", "attendance": "Apologies"}]
    graph = extract_text("Board\n\n1. Welcome\n\nThe Chair welcomed everyone.", "m.txt",
                         date="2026-01-14", source="https://moderngov.example.gov.uk/x", attendees=attendees)
    facts = {(rel.type.value, rel.source) for rel in graph.relationships.values()
             if rel.source == "person:jane-doyle"}
    expected = EXPECTED_FACT[status]
    assert facts == ({(expected, "person:jane-doyle")} if expected else set())
    if status == "substitute":
        assert not any(rel.type.value == "SUBSTITUTED_FOR" for rel in graph.relationships.values())   # whom: not said
    if status == "absent":
        meeting = next(n for n in graph.nodes.values() if n.label.value == "Meeting")
        assert meeting.extra["absent"] == ["Councillor Jane Doyle"]


def test_an_unknown_recorded_status_is_a_warning_and_no_fact():
    from helpers import extract_text

    graph = extract_text("Board\n\n1. Welcome\n\nThe Chair welcomed everyone.", "m.txt",
                         attendees=[{"name": "Jane Doyle", "attendance": "Sent a postcard"}])
    assert not any(rel.source == "person:jane-doyle" for rel in graph.relationships.values())
    assert any("'Sent a postcard' of Jane Doyle is not a status the reader knows" in w.message for w in graph.warnings)


def test_a_substitute_named_in_the_role_or_status():
    from helpers import extract_text

    graph = extract_text("Board\n\n1. Welcome\n\nThe Chair welcomed everyone.", "m.txt", attendees=[
        {"name": "Cllr Rob Hart MBE", "role": "Substitute for Cllr Amy Stone", "attendance": "Present as substitute"},
        {"name": "Ian Cole", "role": "Partner Member", "attendance": "Present as deputy for Chief Inspector Kim Lowe"}])
    subs = sorted((rel.source, rel.target) for rel in graph.relationships.values() if rel.type.value == "SUBSTITUTED_FOR")
    assert subs == [("person:ian-cole", "person:kim-lowe"), ("person:rob-hart", "person:amy-stone")]


def test_a_who_clause_after_an_apology_is_no_post():
    from helpers import extract_text

    graph = extract_text("Board\n\n1. Apologies\n\nApologies for absence were received from Councillor Anne "
                         "Porter, who was substituted by Councillor Linda Moss.", "m.txt")
    assert not [n.name for n in graph.nodes.values() if n.label.value == "Role" and "who" in n.name]
    assert [(r.source, r.target) for r in graph.relationships.values() if r.type.value == "SUBSTITUTED_FOR"] == [
        ("person:linda-moss", "person:anne-porter")]


def test_a_folder_holds_one_sites_meetings(site, tmp_path):
    out = tmp_path / "minutes"
    assert fetch(site, out, "--committee", "601", "--to", "2026-01-31", "--delay", "0").exit_code == 0
    state = out / ".moderngov" / "state.json"
    state.write_text(state.read_text().replace(site.url, "https://moderngov.other-council.gov.uk"))
    result = fetch(site, out, "--committee", "601", "--delay", "0")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "holds meetings fetched from https://moderngov.other-council.gov.uk" in result.output


def test_without_committee_every_committees_meetings_in_one_request(site, tmp_path):
    import os
    import stat

    out = tmp_path / "minutes"
    result = fetch(site, out, "--to", "2026-01-31", "--delay", "0")
    assert result.exit_code == 0, result.output
    assert site.requests() == ["GetCommittees", "GetMeetings:0", "GetMeeting:7001"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / "7001_2026-01-14.html").stat().st_mode) == 0o666 & ~umask
    assert not list(out.glob(".part-*"))


def test_attendees_as_attributes_or_child_elements():
    data = (b'<?xml version="1.0" encoding="utf-8"?><meeting><meetingid>12</meetingid><meetingdate>03/02/2025'
            b'</meetingdate><attendees><attendee><name>Dr Amy Shah</name><roledescription>Director of Public Health'
            b'</roledescription><attendance>Present</attendance></attendee>'
            b'<attendee name="Cllr Tom Bell" roledescription="Chair" attendance="Apologies"/></attendees></meeting>')
    record = parse_meeting(data, "x")
    assert [(a.name, a.role, a.attendance) for a in record.attendees] == [
        ("Dr Amy Shah", "Director of Public Health", "Present"), ("Cllr Tom Bell", "Chair", "Apologies")]
    assert record.date.isoformat() == "2025-02-03" and not record.has_minutes
