"""Visualiser stage 3: narrow a network to a person, an organisation or the stronger links."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import networkx as nx

from graph.errors import NotFound
from viz.index import ModelIndex, normalise

# Above this many links a page stays responsive only if weaker links are left out by default.
MAX_EDGES = 6000



def find_person(index: ModelIndex, name: str) -> str:
    """The id of the person whose name or an alias equals NAME, ignoring case and spacing."""
    return _find(name, {p.id: [p.name, *p.aliases] for p in index.people.values()}, "person")


def find_organisation(index: ModelIndex, name: str) -> str:
    return _find(name, {o.id: [o.name, *o.aliases] for o in index.organisations.values()}, "organisation")


def _find(name: str, names: dict[str, list[str]], what: str) -> str:
    wanted = normalise(name)
    hits = sorted(node for node, forms in names.items() if wanted in {normalise(f) for f in forms})
    if hits:
        return hits[0]
    every = sorted({f for forms in names.values() for f in forms})
    close = difflib.get_close_matches(name, every, n=3, cutoff=0.6)
    suggestion = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise NotFound(f"no {what} called {name!r}{suggestion}")


def ego(g: nx.Graph, centre: str, radius: int = 2) -> nx.Graph:
    return g.subgraph(nx.ego_graph(g, centre, radius=radius)).copy()


def organisation_people(g: nx.Graph, index: ModelIndex, org_id: str) -> nx.Graph:
    """The organisation's people (affiliated, posted there or attending for it) and who they work with."""
    members = {n for n in g if org_id in index.people[n].memberships
               or org_id in index.people[n].attended.values() or index.people[n].organisation == org_id}
    keep = set(members)
    for n in members:
        keep.update(g.neighbors(n))
    return g.subgraph(keep).copy()


@dataclass(frozen=True)
class Threshold:
    """What the weight filter left out, said on the page so nobody mistakes it for the whole."""

    min_weight: int
    requested: int
    edges_total: int
    edges_hidden: int
    nodes_hidden: int

    @property
    def raised(self) -> bool:
        return self.min_weight > self.requested


def filter_weak(g: nx.Graph, min_weight: int = 1, max_edges: int | None = MAX_EDGES) -> tuple[nx.Graph, Threshold]:
    """Drop links lighter than min_weight, raising it until at most max_edges remain.

    Nodes that only had weaker links go too; nodes that never had a link stay.
    """
    requested = max(1, min_weight)
    weights = sorted((w for _, _, w in g.edges(data="weight")), reverse=True)
    threshold = requested
    if max_edges is not None and sum(1 for w in weights if w >= threshold) > max_edges:
        # The weight of the (max_edges+1)-th strongest link, plus one, is the lowest threshold that fits.
        threshold = max(threshold, weights[max_edges] + 1)
    kept = nx.Graph()
    kept.add_nodes_from(g.nodes(data=True))
    kept.add_edges_from((a, b, d) for a, b, d in g.edges(data=True) if d["weight"] >= threshold)
    orphaned = [n for n in kept if kept.degree(n) == 0 and g.degree(n) > 0]
    kept.remove_nodes_from(orphaned)
    return kept, Threshold(threshold, requested, g.number_of_edges(),
                           g.number_of_edges() - kept.number_of_edges(), len(orphaned))
