"""Tests of the visualiser: who-works-with-whom derivation, focus, pages, and the pages in headless Chromium."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.model import (Action, AgendaItem, Label, Meeting, Organisation, PartnershipGraph, Person, Rel, Role)
from viz import render
from viz.collaboration import (ACTION, COLLEAGUE_LIMIT, MEETING, ORGANISATION, PRESENTED, organisation_network,
                               people_network)
from viz.focus import NotFound, ego, filter_weak, find_organisation, find_person
from viz.heatmap import UNDATED, attendance_table
from viz.index import Evidence, ModelIndex
from viz.layout import force_layout, positions
from helpers import CHROMIUM, needs_chromium

DOCS = Path(__file__).resolve().parent.parent / "docs"

BARNET, MET, MOPAC = "org:barnet", "org:met", "org:mopac"
TINA, TANIA, MAGGIE, MATT, ALICE = ("person:tina-mcelligott", "person:tania-martin", "person:maggie-higton-brown",
                                    "person:matt-leng", "person:alice-bird")
M1, M2, M3, M4 = "meeting:m1", "meeting:m2", "meeting:m3", "meeting:m4"


def attended(g: PartnershipGraph, person: str, meeting: str, doc: str, line: str, **props: Any) -> None:
    g.relate(Rel.ATTENDED, person, meeting, doc, line, **props)


@pytest.fixture()
def small() -> PartnershipGraph:
    """Five people, three organisations, four meetings (one undated) and what they did together."""
    g = PartnershipGraph()
    g.add(Organisation(id=BARNET, name="London Borough of Barnet", aliases=["Barnet Council"], kind="council"))
    g.add(Organisation(id=MET, name="Metropolitan Police Service", aliases=["Met Police"], kind="police"))
    g.add(Organisation(id=MOPAC, name="Mayor's Office for Policing and Crime", aliases=["MOPAC"], kind="pcc"))
    g.add(Person(id=TINA, name="Tina McElligott", aliases=["Ms McElligott"]))
    g.add(Person(id=TANIA, name="Tania Martin", aliases=["Superintendent Tania Martin"]))
    g.add(Person(id=MAGGIE, name="Maggie Higton-Brown"))
    g.add(Person(id=MATT, name="Matt Leng"))
    g.add(Person(id=ALICE, name="Alice Bird"))
    for mid, date, inferred, doc in [(M1, "2021-03-02", None, "a.txt"), (M2, "2022-06-15", None, "b.txt"),
                                     (M3, "2023-03-09", None, "c.txt"), (M4, None, None, "d.txt")]:
        g.add(Meeting(id=mid, name=doc, body="Safer Communities Partnership Board", date=date,
                      date_inferred=inferred, document=doc, documents=[doc]))
    # M1 (2021): Tina, Tania, Matt. M2 (2022): Tina, Tania, Maggie. M3 (2023): Tina, Maggie, Alice. M4: Tina, Tania.
    attended(g, TINA, M1, "a.txt", "Tina McElligott, Director of Public Health", organisation="Barnet Council")
    attended(g, TANIA, M1, "a.txt", "Superintendent Tania Martin, Met Police", organisation="Met Police")
    attended(g, MATT, M1, "a.txt", "Matt Leng, Community Safety Manager")
    attended(g, TINA, M2, "b.txt", "Ms McElligott (LBB)")
    attended(g, TANIA, M2, "b.txt", "Supt Martin (MPS)", organisation=MET)
    attended(g, MAGGIE, M2, "b.txt", "Maggie Higton-Brown, Head of Community Safety")
    attended(g, TINA, M3, "c.txt", "Tina McElligott")
    attended(g, MAGGIE, M3, "c.txt", "Maggie Higton-Brown")
    attended(g, ALICE, M3, "c.txt", "Alice Bird, MOPAC", organisation="MOPAC")
    attended(g, TINA, M4, "d.txt", "Tina McElligott")
    attended(g, TANIA, M4, "d.txt", "Tania Martin")
    # Affiliations: Tina twice with Barnet (two documents), once with MOPAC; Matt at Barnet in 2019 only.
    g.relate(Rel.AFFILIATED_WITH, TINA, BARNET, "a.txt", "Tina McElligott, Barnet", first_seen="2021-03-02",
             last_seen="2021-03-02")
    g.relate(Rel.AFFILIATED_WITH, TINA, BARNET, "c.txt", "Tina McElligott, Barnet", first_seen="2023-03-09",
             last_seen="2023-03-09")
    g.relate(Rel.AFFILIATED_WITH, TINA, MOPAC, "b.txt", "seconded to MOPAC", first_seen="2022-06-15",
             last_seen="2022-06-15")
    g.relate(Rel.AFFILIATED_WITH, TANIA, MET, "a.txt", "Superintendent Tania Martin, Met Police",
             first_seen="2021-03-02", last_seen="2022-06-15")
    g.relate(Rel.AFFILIATED_WITH, MATT, BARNET, "a.txt", "Matt Leng, Barnet", first_seen="2019-01-10",
             last_seen="2019-11-10")
    g.relate(Rel.AFFILIATED_WITH, ALICE, MOPAC, "c.txt", "Alice Bird, MOPAC", first_seen="2023-03-09",
             last_seen="2023-03-09")
    # Maggie holds a post at Barnet, known from 2022 to 2023: a colleague of Tina's then, never of Matt's.
    g.add(Role(id="role:head-of-community-safety:barnet", name="Head of Community Safety", organisation=BARNET))
    g.relate(Rel.ROLE_AT, "role:head-of-community-safety:barnet", BARNET, "b.txt", "Head of Community Safety")
    g.relate(Rel.HOLDS, MAGGIE, "role:head-of-community-safety:barnet", "b.txt",
             "Maggie Higton-Brown, Head of Community Safety", first_seen="2022-06-15", last_seen="2022-06-15")
    g.relate(Rel.HOLDS, MAGGIE, "role:head-of-community-safety:barnet", "c.txt",
             "Maggie Higton-Brown, Head of Community Safety & CCTV", first_seen="2023-03-09", last_seen="2023-03-09")
    # M3: Tina and Maggie present item 5 together; Alice presents item 6.
    for n, title in [(5, "Performance Dashboard"), (6, "MOPAC update")]:
        g.add(AgendaItem(id=f"item:m3:{n}", name=title, meeting=M3, number=str(n), title=title))
        g.relate(Rel.HAS_ITEM, M3, f"item:m3:{n}", "c.txt", title, order=n)
    g.relate(Rel.PRESENTED, TINA, "item:m3:5", "c.txt", "Tina McElligott and Maggie Higton-Brown gave an overview")
    g.relate(Rel.PRESENTED, MAGGIE, "item:m3:5", "c.txt", "Tina McElligott and Maggie Higton-Brown gave an overview")
    g.relate(Rel.PRESENTED, ALICE, "item:m3:6", "c.txt", "Alice Bird gave the MOPAC update")
    # An action at M2 owned by Tina and Tania, and one owned by Tania and an organisation.
    g.add(Action(id="action:m2:1", name="Joint ASB plan", meeting=M2, text="Tina and Tania to draft the ASB plan"))
    g.relate(Rel.ASSIGNED_TO, "action:m2:1", TINA, "b.txt", "ACTION: Tina and Tania to draft the ASB plan")
    g.relate(Rel.ASSIGNED_TO, "action:m2:1", TANIA, "b.txt", "ACTION: Tina and Tania to draft the ASB plan")
    g.add(Action(id="action:m1:1", name="Patrols", meeting=M1, text="Police and MOPAC to review patrols"))
    g.relate(Rel.ASSIGNED_TO, "action:m1:1", TANIA, "a.txt", "ACTION: Supt Martin and MOPAC to review patrols")
    g.relate(Rel.ASSIGNED_TO, "action:m1:1", MOPAC, "a.txt", "ACTION: Supt Martin and MOPAC to review patrols")
    return g


def tie(g: nx.Graph, a: str, b: str):
    return g.edges[a, b]["tie"]


# -- who works with whom ---------------------------------------------------------------------

def test_same_meeting_and_shared_action_are_counted_with_years_meetings_and_evidence(small):
    g = people_network(small)
    t = tie(g, TINA, TANIA)
    assert t.kinds == {MEETING: 3, ACTION: 1}      # M1, M2, M4 together; the ASB plan action
    assert t.weight == 4 == g.edges[TINA, TANIA]["weight"]
    assert dict(t.year_counts) == {2021: 1, 2022: 2}   # M1; M2 and the action recorded at M2
    assert t.undated == 1                               # M4 has no date
    assert t.years == [2021, 2022]
    assert list(t.meetings) == [M1, M2, M4]
    texts = [e.text for e in t.evidence]
    assert "Ms McElligott (LBB)" in texts and "Supt Martin (MPS)" in texts
    assert "ACTION: Tina and Tania to draft the ASB plan" in texts
    assert Evidence("a.txt", "Superintendent Tania Martin, Met Police") in t.evidence


def test_presenting_together_and_colleagues_at_the_same_time(small):
    g = people_network(small)
    t = tie(g, TINA, MAGGIE)
    # M2 and M3 together, presented item 5 at M3, and at Barnet together in 2022-2023.
    assert t.kinds == {MEETING: 2, PRESENTED: 1, ORGANISATION: 1}
    assert t.spans == [(2022, 2023)]
    assert t.year_counts == {2022: 1, 2023: 2}
    assert t.years == [2022, 2023]
    assert "Tina McElligott and Maggie Higton-Brown gave an overview" in [e.text for e in t.evidence]
    # Alice presented at M3 too, so she presented at the same meeting as both of them.
    assert tie(g, MAGGIE, ALICE).kinds[PRESENTED] == 1
    # Matt was at Barnet in 2019 only: never a colleague of Tina (2021-2023) or Maggie (2022-2023).
    assert tie(g, TINA, MATT).kinds == {MEETING: 1}
    assert not g.has_edge(MATT, MAGGIE)


def test_a_large_organisation_only_strengthens_existing_links():
    """Everyone-with-everyone in a big organisation would bury the real links; small ones get them all."""
    g = PartnershipGraph()
    g.add(Organisation(id="org:big", name="Big Council"))
    g.add(Organisation(id="org:small", name="Small Charity"))
    g.add(Meeting(id="meeting:x", name="x.txt", date="2020-01-01", document="x.txt"))
    size = COLLEAGUE_LIMIT + 1
    for i in range(size):
        g.add(Person(id=f"person:p{i:02d}", name=f"P {i}"))
        g.relate(Rel.AFFILIATED_WITH, f"person:p{i:02d}", "org:big", "x.txt", f"P {i}, Big Council")
    for i in range(3):
        g.relate(Rel.AFFILIATED_WITH, f"person:p{i:02d}", "org:small", "x.txt", f"P {i}, Small Charity")
    g.relate(Rel.ATTENDED, "person:p10", "meeting:x", "x.txt", "P 10")
    g.relate(Rel.ATTENDED, "person:p11", "meeting:x", "x.txt", "P 11")
    net = people_network(g)
    assert net.number_of_nodes() == size
    assert tie(net, "person:p10", "person:p11").kinds == {MEETING: 1, ORGANISATION: 1}
    assert tie(net, "person:p10", "person:p11").undated == 1          # affiliation dates unknown
    small_pairs = {frozenset(("person:p00", "person:p01")), frozenset(("person:p00", "person:p02")),
                   frozenset(("person:p01", "person:p02"))}
    assert {frozenset(e) for e in net.edges()} == small_pairs | {frozenset(("person:p10", "person:p11"))}
    assert tie(net, "person:p00", "person:p01").kinds == {ORGANISATION: 1}


def test_every_person_is_a_node_with_meetings_and_years(small):
    g = people_network(small)
    assert set(g) == {p.id for p in small.of_label(Label.PERSON)}
    assert g.nodes[TINA]["meetings"] == {M1: 2021, M2: 2022, M3: 2023, M4: None}
    assert g.nodes[MATT]["years"] == [2021]
    assert g.nodes[ALICE]["years"] == [2023]


def test_primary_organisation_is_the_most_frequent_affiliation(small):
    index = ModelIndex(small)
    assert index.people[TINA].organisation == BARNET           # two Barnet statements beat one MOPAC
    assert index.people[MAGGIE].organisation == BARNET         # no AFFILIATED_WITH: her post's organisation
    assert index.people[TANIA].attended[M1] == MET             # "Met Police" resolved through the alias
    assert index.people[MAGGIE].roles[0].first_seen == "2022-06-15"
    assert index.people[MAGGIE].roles[0].last_seen == "2023-03-09"   # two HOLDS statements, one post


def test_a_window_of_years_counts_only_what_happened_in_it(small):
    g = people_network(small, window=(2022, 2022))
    assert set(g) == {TINA, TANIA, MAGGIE}        # Matt (2021) and Alice (2023) drop out
    assert tie(g, TINA, TANIA).kinds == {MEETING: 1, ACTION: 1}
    assert tie(g, TINA, TANIA).undated == 0
    assert tie(g, TINA, MAGGIE).kinds == {MEETING: 1, ORGANISATION: 1}
    assert tie(g, TINA, MAGGIE).spans == [(2022, 2022)]


def test_organisation_network_links_organisations_by_shared_meetings_and_actions(small):
    g = organisation_network(small)
    assert set(g) == {BARNET, MET, MOPAC}
    barnet_met = tie(g, BARNET, MET)
    assert barnet_met.kinds == {MEETING: 3, ACTION: 1}         # M1, M2, M4; Tina and Tania's action
    # Action at M1 assigned to Tania (Met) and to MOPAC itself; MOPAC attended M3 with Barnet.
    assert tie(g, MET, MOPAC).kinds == {ACTION: 1}
    assert tie(g, BARNET, MOPAC).kinds == {MEETING: 1}
    assert g.nodes[BARNET]["meetings"] == {M1: 2021, M2: 2022, M3: 2023, M4: None}
    assert g.nodes[MOPAC]["people"] == [ALICE]


# -- focus and filtering ---------------------------------------------------------------------

def test_people_are_found_by_name_or_alias_ignoring_case(small):
    index = ModelIndex(small)
    assert find_person(index, "ms mcelligott") == TINA
    assert find_person(index, "  TANIA   martin ") == TANIA
    assert find_organisation(index, "met police") == MET
    with pytest.raises(NotFound, match="Tina McElligott"):
        find_person(index, "Tina McEligott")


def test_ego_network_reaches_two_links():
    g = nx.path_graph(["a", "b", "c", "d"])
    assert set(ego(g, "a", radius=2)) == {"a", "b", "c"}


def test_weak_links_are_filtered_and_the_threshold_raised_to_fit(small):
    g = people_network(small)
    kept, t = filter_weak(g, min_weight=3)
    assert all(w >= 3 for _, _, w in kept.edges(data="weight"))
    assert {frozenset(e) for e in kept.edges()} == {frozenset((TINA, TANIA)), frozenset((TINA, MAGGIE))}
    assert t.edges_hidden == g.number_of_edges() - 2
    assert t.nodes_hidden == 2 and MATT not in kept and ALICE not in kept
    # Seven links weigh 4, 4, 2, 2, 1, 1, 1: room for two means nothing under 3.
    raised, t2 = filter_weak(g, min_weight=1, max_edges=2)
    assert raised.number_of_edges() == 2 and t2.raised and t2.min_weight == 3 and t2.requested == 1


def test_attendance_table_counts_meetings_each_organisation_was_represented_at(small):
    table = attendance_table(ModelIndex(small))
    assert table.years == ["2021", "2022", "2023"]      # M4 is undated and names no one's organisation
    row = dict(zip(table.organisations, table.counts))
    # Named with the organisation in the same minutes: Tina with Barnet at M1 and M3 and with MOPAC at M2,
    # Maggie through her post at Barnet (M2, M3), Tania with the Met at M1 only, Alice with MOPAC at M3.
    assert row["London Borough of Barnet"] == [1, 1, 1]
    assert row["Metropolitan Police Service"] == [1, 0, 0]
    assert row["Mayor's Office for Policing and Crime"] == [0, 1, 1]
    assert table.organisations[0] == "London Borough of Barnet"


def test_large_graphs_get_distinct_finite_positions():
    g = nx.relabel_nodes(nx.gnm_random_graph(600, 2400, seed=3), str)
    pos = positions(g)
    assert len(pos) == 600 and len(set(pos.values())) == 600
    raw = force_layout(g, iterations=5)
    assert raw.shape == (600, 2) and bool((abs(raw) < 1e6).all())


# -- the page as written ---------------------------------------------------------------------

def page_data(html: str) -> tuple[list[dict], list[dict], dict]:
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", html).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((.*?)\);\n", html).group(1))
    data = json.loads(re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html,
                                re.DOTALL).group(1))
    return nodes, edges, data


def test_page_is_self_contained_and_carries_years(small, tmp_path):
    out = render(small, tmp_path / "people.html")
    html = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<(script|link|img)\b[^>]*(src|href)=[\"']?(https?:)?//", html, re.IGNORECASE)
    assert "bootstrap" not in html.lower()
    nodes, edges, data = page_data(html)
    assert len(nodes) == 5 and len(edges) == people_network(small).number_of_edges()
    tina_tania = next(e for e in edges if {e["from"], e["to"]} == {TINA, TANIA})
    assert tina_tania["w"] == 4 and tina_tania["yw"] == {"2021": 1, "2022": 2} and tina_tania["u"] == 1
    assert [data["meetings"][i][1] for i in tina_tania["m"]] == ["2022-06-15", "2021-03-02", None]
    tina = next(n for n in nodes if n["id"] == TINA)
    assert tina["years"] == [2021, 2022, 2023] and tina["mc"] == 4 and tina["label"] == "Tina McElligott"
    assert tina["ym"] == {"2021": 1, "2022": 1, "2023": 1}
    maggie = next(n for n in nodes if n["id"] == MAGGIE)
    # Hover text: name, organisation, the post over time, meetings.
    assert maggie["title"].splitlines() == [
        "Maggie Higton-Brown", "London Borough of Barnet",
        "Post: Head of Community Safety, London Borough of Barnet (2022-06-15 – 2023-03-09)",
        "Meetings attended: 2 (2022–2023)"]
    colours = {n["id"]: n["color"] for n in nodes}
    assert colours[TINA] == colours[MAGGIE] == colours[MATT] != colours[TANIA]
    assert data["legend"][0] == {"colour": colours[TINA], "label": "London Borough of Barnet", "count": 3}
    assert data["years"] == [2021, 2022, 2023]
    assert (tmp_path / "people-attendance.png").stat().st_size > 1000
    assert data["heatmap"].startswith("data:image/png;base64,")


def test_evidence_is_cited_by_meeting_not_by_file(small, tmp_path):
    from graph.model import Meeting, citation

    small.nodes[M1].url = "https://barnet.moderngov.co.uk/ieListDocuments.aspx?MId=1"
    _, _, data = page_data(render(small, tmp_path / "people.html").read_text(encoding="utf-8"))
    cites = {tuple(row[0::2]) for row in data["evidence"]}
    assert ("Safer Communities Partnership Board, 2021-03-02",
            "https://barnet.moderngov.co.uk/ieListDocuments.aspx?MId=1") in cites
    assert ("Safer Communities Partnership Board, 2022-06-15", None) in cites
    assert not any(cite.endswith(".txt") for cite, _ in cites)     # M4 is undated but its body is known
    undated = Meeting(id="meeting:x", name="x", body=None, date=None, date_inferred="2017", document="x.txt")
    assert citation(undated) == "2017 (year inferred)"
    assert citation(Meeting(id="meeting:y", name="y", document="y.txt")) == "y.txt"       # only as a fallback


def test_focus_options_shape_the_page(small, tmp_path):
    nodes, _, data = page_data(render(small, tmp_path / "p.html", person="ms mcelligott",
                                      min_weight=2).read_text(encoding="utf-8"))
    assert {n["id"] for n in nodes} == {TINA, TANIA, MAGGIE, ALICE}   # Matt's one link weighs 1
    assert any("weight 2 or more" in note for note in data["notes"])
    nodes, _, _ = page_data(render(small, tmp_path / "o.html", view="organisations",
                                   organisation="MOPAC").read_text(encoding="utf-8"))
    assert {n["id"] for n in nodes} == {MOPAC, BARNET, MET}
    nodes, _, data = page_data(render(small, tmp_path / "y.html", year_from=2023).read_text(encoding="utf-8"))
    assert {n["id"] for n in nodes} == {TINA, MAGGIE, ALICE} and data["years"] == [2023]
    with pytest.raises(NotFound):
        render(small, tmp_path / "x.html", person="Nobody")


# -- in the browser ---------------------------------------------------------------------------

browser = pytest.mark.browser


def open_page(chromium, path: Path, shot: Path) -> dict[str, Any]:
    """Open a page from file://, wait for the network to settle, screenshot it; report what happened."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.pgStable === true", timeout=60_000)
    page.screenshot(path=str(shot))
    drawn = page.evaluate("nodes.get({filter: n => !n.hidden}).length")
    links = page.evaluate("edges.get({filter: e => !e.hidden}).length")
    result = {"page": page, "errors": errors, "requests": requests, "nodes": drawn, "edges": links}
    return result


def assert_offline_and_clean(result: dict[str, Any]) -> None:
    assert result["errors"] == []
    assert [u for u in result["requests"] if not u.startswith(("file://", "data:"))] == []


@browser
@needs_chromium
def test_small_graph_pages_in_chromium(chromium, small, tmp_path):
    r = open_page(chromium, render(small, tmp_path / "people.html"), tmp_path / "people.png")
    assert_offline_and_clean(r)
    assert r["nodes"] == 5 and r["edges"] == people_network(small).number_of_edges()
    page = r["page"]
    # The time control: 2021 shows the M1 trio and their links only.
    page.click("#pg-time button[data-year='2021']")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()") == sorted([TINA, TANIA, MATT])
    assert page.evaluate("edges.get({filter: e => !e.hidden}).length") == 3
    assert "2021: 3 people, 3 links" in page.inner_text("#pg-span")
    page.click("#pg-time button[data-year='all']")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == 5
    # Clicking a link's data into the panel: the Tina–Tania evidence.
    page.evaluate(f"network.emit('click', {{nodes: [], edges: [edges.get().find(e => "
                  f"e.from === '{TINA}' && e.to === '{TANIA}' || e.from === '{TANIA}' && e.to === '{TINA}').id]}})")
    panel = page.inner_text("#pg-info")
    assert "Worked together 4 times" in panel and "Supt Martin (MPS)" in panel
    assert "2021-03-02 — Safer Communities Partnership Board" in panel
    # Hovering that link with the mouse shows its tooltip, written on first hover.
    point = page.evaluate(HOVER_POINT, [TINA, TANIA])
    assert point is not None, "no spot on the Tina–Tania link free of nodes and other links"
    page.mouse.move(*point)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert "Worked together 4 times: 3 meetings attended together, 1 shared action" in \
        page.inner_text("div.vis-tooltip")
    assert r["errors"] == []
    page.close()


@browser
@needs_chromium
def test_page_search_takes_partial_names_and_says_when_nothing_matches(chromium, small, tmp_path):
    r = open_page(chromium, render(small, tmp_path / "people.html"), tmp_path / "search.png")
    page = r["page"]

    def search(text: str) -> str:
        page.fill("#pg-search", text)
        page.dispatch_event("#pg-search", "change")
        return page.inner_text("#pg-found")

    assert search("mcelligott") == "" and page.evaluate("network.getSelectedNodes()") == [TINA]   # part of a name
    assert search("MS MCELLIGOTT") == "" and page.evaluate("network.getSelectedNodes()") == [TINA]  # an alias
    assert search("Higton") == "" and page.evaluate("network.getSelectedNodes()") == [MAGGIE]
    assert search("Tina Mcélligott") == "" and page.evaluate("network.getSelectedNodes()") == [TINA]  # accents
    said = search("Nobody Here")
    assert "No one called" in said and "Nobody Here" in said
    assert "3 match" in search("ma")       # Maggie, Matt and Tania Martin (words starting so): shows the first
    assert r["errors"] == []
    page.close()


# Where on the page the mouse finds the link between two nodes (and nothing else): searched
# along the line between them, as vis draws links curved when physics runs.
HOVER_POINT = """([a, b]) => {
  const e = edges.get({filter: x => (x.from === a && x.to === b) || (x.from === b && x.to === a)})[0];
  const p = network.getPositions([a, b]);
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  for (let t = 0.5; t < 0.9; t += 0.05) {
    for (const side of [0, 1, -1, 2, -2, 4, -4, 6, -6, 8, -8, 10, -10, 14, -14, 18, -18]) {
      for (const tt of [t, 1 - t]) {
        const c = {x: p[a].x + (p[b].x - p[a].x) * tt, y: p[a].y + (p[b].y - p[a].y) * tt};
        const d = network.canvasToDOM(c);
        const len = Math.hypot(p[b].x - p[a].x, p[b].y - p[a].y) || 1;
        const q = {x: d.x - (p[b].y - p[a].y) / len * side, y: d.y + (p[b].x - p[a].x) / len * side};
        if (network.getNodeAt(q) === undefined && network.getEdgeAt(q) === e.id) {
          return [box.left + q.x, box.top + q.y];
        }
      }
    }
  }
  return null;
}"""


@browser
@needs_chromium
def test_an_empty_graph_still_makes_a_working_page(chromium, tmp_path):
    r = open_page(chromium, render(PartnershipGraph(), tmp_path / "empty.html"), tmp_path / "empty.png")
    assert_offline_and_clean(r)
    assert r["nodes"] == 0
    assert "Nothing to draw" in r["page"].inner_text("#pg-notes")
    assert not (tmp_path / "empty-attendance.png").exists()
    r["page"].close()


@browser
@needs_chromium
@pytest.mark.parametrize("view", ["people", "organisations"])
def test_sample_pages_in_chromium(chromium, sample_graph, tmp_path, view):
    out = render(sample_graph, tmp_path / f"{view}.html", view=view)
    shot = tmp_path / f"{view}.png"
    r = open_page(chromium, out, shot)
    assert_offline_and_clean(r)
    label = Label.PERSON if view == "people" else Label.ORGANISATION
    assert r["nodes"] == sum(1 for _ in sample_graph.of_label(label))
    derived = people_network(sample_graph) if view == "people" else organisation_network(sample_graph)
    assert r["edges"] == derived.number_of_edges()
    assert shot.stat().st_size > 10_000
    r["page"].close()
    if r["nodes"] and os.environ.get("PGRAPH_UPDATE_DOCS"):   # refresh the README's pictures on request
        shutil.copyfile(shot, DOCS / f"{view}.png")
        if view == "people":
            shutil.copyfile(tmp_path / "people-attendance.png", DOCS / "attendance.png")
