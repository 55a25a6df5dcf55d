"""Visualiser: who works with whom, over time, as self-contained network pages and a heat map."""
from __future__ import annotations

from pathlib import Path

from graph.errors import PartnershipGraphError
from graph.model import PartnershipGraph
from viz.collaboration import Tie, organisation_network, people_network
from viz.focus import MAX_EDGES, NotFound, Threshold, ego, filter_weak, find_organisation, find_person, \
    organisation_people
from viz.heatmap import attendance_table, write_heatmap
from viz.index import READS_FIELDS, READS_TYPES, ModelIndex, Window
from viz.pages import PageSpec, write_page

__all__ = ["render", "READS_FIELDS", "READS_TYPES", "people_network", "organisation_network", "ModelIndex", "Tie", "NotFound", "Threshold"]

VIEWS = ("people", "organisations")


def render(graph: PartnershipGraph, output: Path, view: str = "people", person: str | None = None,
           organisation: str | None = None, year_from: int | None = None, year_to: int | None = None,
           min_weight: int = 1, max_edges: int | None = MAX_EDGES) -> Path:
    """Write OUTPUT (an HTML page that opens offline) and OUTPUT's stem + '-attendance.png' beside it.

    view: "people" (who works with whom) or "organisations". person: an ego network two links
    deep; organisation: that organisation's people (or, in the organisation view, its partners)
    and who they work with; year_from/year_to: count only what happened in those years;
    min_weight: hide weaker links (raised, and said on the page, when more than max_edges remain).
    """
    if view not in VIEWS:
        raise PartnershipGraphError(f"view must be one of {VIEWS}, not {view!r}")
    output = Path(output)
    index = ModelIndex(graph)
    window = _window(index, year_from, year_to)
    notes: list[str] = []
    if view == "people":
        g = people_network(index, window)
        if person:
            centre = find_person(index, person)
            g = ego(g, centre, radius=2) if centre in g else g.subgraph([]).copy()
            notes.append(f"Around {index.people[centre].name}: the people within two links.")
        if organisation:
            org = find_organisation(index, organisation)
            g = organisation_people(g, index, org)
            notes.append(f"People of {index.org_name(org)} and those they work with.")
    else:
        g = organisation_network(index, window)
        org = find_organisation(index, organisation) if organisation else (
            index.people[find_person(index, person)].organisation if person else None)
        if org:
            g = ego(g, org, radius=1) if org in g else g.subgraph([]).copy()
            notes.append(f"Around {index.org_name(org)}: the organisations it shares meetings or actions with.")
    if window:
        years = f"{window[0]}–{window[1]}" if window[0] != window[1] else str(window[0])
        notes.append(f"Counting only {years}.")
    g, threshold = filter_weak(g, min_weight, max_edges)
    noun = "people" if view == "people" else "organisations"
    if g.number_of_nodes() == 0:
        notes.append(f"Nothing to draw: no {noun} found" + (" with these options." if notes else " in the graph."))
    picture = output.with_name(output.stem + "-attendance.png")
    heatmap = write_heatmap(attendance_table(index, window), picture)
    if heatmap is None:
        picture.unlink(missing_ok=True)   # not an old picture beside a new page
    one = "person" if view == "people" else "organisation"
    title = ("Who works with whom" if view == "people" else "Organisations working together") + \
        f": {_count(g.number_of_nodes(), one, noun)}, {_count(g.number_of_edges(), 'link', 'links')}"
    return write_page(g, index, output, PageSpec(view, title, notes, threshold, heatmap))


def _window(index: ModelIndex, year_from: int | None, year_to: int | None) -> Window:
    if year_from is None and year_to is None:
        return None
    years = index.years()
    low = year_from if year_from is not None else (years[0] if years else 0)
    high = year_to if year_to is not None else (years[-1] if years else 9999)
    if low > high:
        raise PartnershipGraphError(f"--from {low} is after --to {high}")
    return (low, high)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"
