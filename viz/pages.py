"""Visualiser stage 5: write a network as one self-contained pyvis page with our legend, time control and panel."""
from __future__ import annotations

import base64
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from viz.collaboration import Tie
from viz.focus import Threshold
from graph.model import Label, Meeting, citation
from viz.index import Evidence, ModelIndex
from viz.layout import positions

HERE = Path(__file__).resolve().parent

# Above these sizes the browser gets fixed positions and no physics: simulating 2,000 nodes
# takes minutes in vis-network, drawing them at precomputed positions takes under a second.
PHYSICS_MAX_NODES = 300
PHYSICS_MAX_EDGES = 1500

EVIDENCE_PER_LINK = 6    # sentences kept per link on the page; the count of the rest is shown
MEETINGS_PER_ITEM = 40   # meetings listed per node or link in the details panel

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79", "#ad494a", "#637939"]
KIND_NAMES = {"pcc": "Police and crime commissioner", "vcs": "Voluntary and community sector",
              "nhs": "NHS", "icb": "Integrated care board"}
OTHER_COLOUR = "#9e9e9e"
NONE_COLOUR = "#d9d9d9"

# Nothing on the page may fetch anything: the browser enforces it even if a remote tag slipped through.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:")
REMOTE_TAG = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?",
                        re.IGNORECASE | re.DOTALL)
EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)

# The page's own parts around pyvis's network; page.js fills them from the page data.
CHROME = """<header id="pg-header">
  <div id="pg-titlebar"><h1 id="pg-title"></h1><span id="pg-status" role="status"></span></div>
  <div id="pg-time" aria-label="Years shown"></div>
  <ul id="pg-notes"></ul>
</header>
<aside id="pg-side">
  <section id="pg-find"><label for="pg-search">Find</label>
    <input id="pg-search" list="pg-names" placeholder="a name" autocomplete="off"><datalist id="pg-names"></datalist>
    <p id="pg-found" role="status"></p></section>
  <section id="pg-legend"></section>
  <section id="pg-info"><p class="pg-hint">Click a node or a link for details.</p></section>
  <details id="pg-picture" hidden><summary>Meetings each organisation was represented at, per year</summary><img id="pg-heatmap" alt=""></details>
</aside>
"""


@dataclass
class PageSpec:
    """What a page says about itself beyond the drawing: title, notes, legend, picture."""

    view: str
    title: str
    notes: list[str] = field(default_factory=list)
    threshold: Threshold | None = None
    heatmap: Path | None = None


class _Tables:
    """Meetings and evidence sentences stored once per page; nodes and links refer to them by number."""

    def __init__(self, index: ModelIndex) -> None:
        self.index = index
        self.meetings: list[list[Any]] = []
        self.evidence: list[list[Any]] = []
        self._meeting_no: dict[str, int] = {}
        self._evidence_no: dict[Evidence, int] = {}

    def meeting(self, meeting_id: str) -> int:
        if meeting_id not in self._meeting_no:
            ref = self.index.meetings.get(meeting_id)
            self._meeting_no[meeting_id] = len(self.meetings)
            self.meetings.append([ref.title if ref else meeting_id, ref.date if ref else None])
        return self._meeting_no[meeting_id]

    def sentence(self, ev: Evidence) -> int:
        """[citation, sentence, link]: cited by meeting (body, date or inferred year), linked to the minutes
        where their address is known; by file name only when the meeting says neither."""
        if ev not in self._evidence_no:
            meeting = self._by_document().get(ev.document or "")
            self._evidence_no[ev] = len(self.evidence)
            self.evidence.append([citation(meeting, ev.document), ev.text, meeting.url if meeting else None])
        return self._evidence_no[ev]

    def _by_document(self) -> dict[str, Meeting]:
        if not hasattr(self, "_meetings_of"):
            self._meetings_of = {m.document: m for m in self.index.graph.of_label(Label.MEETING)
                                 if isinstance(m, Meeting) and m.document}
        return self._meetings_of

    def meetings_by_date(self, meeting_ids: list[str]) -> list[int]:
        def when(m: str) -> tuple[str, str]:
            ref = self.index.meetings.get(m)
            return ((ref.date or "") if ref else "", m)

        return [self.meeting(m) for m in sorted(meeting_ids, key=when, reverse=True)[:MEETINGS_PER_ITEM]]


def write_page(g: nx.Graph, index: ModelIndex, output: Path, spec: PageSpec) -> Path:
    """Draw g (a people or organisation network from viz.collaboration) into OUTPUT."""
    tables = _Tables(index)
    colours, legend, legend_title = _colours(g, index, spec.view)
    where = positions(g)
    nodes = [_node(n, data, index, tables, colours[n], where[n], spec.view) for n, data in sorted(g.nodes(data=True))]
    for node in nodes:
        if g.degree(node["id"]) == 0:
            node["physics"] = False   # loners keep their row beneath the network,
            node["label"] = _short(node["label"], 16)   # and a name that fits their place
    edges = [_edge(a, b, tie, tables) for a, b, tie in
             sorted(g.edges(data="tie"), key=lambda e: (min(e[0], e[1]), max(e[0], e[1])))]
    physics = 1 < len(nodes) <= PHYSICS_MAX_NODES and len(edges) <= PHYSICS_MAX_EDGES
    years = sorted({int(y) for n in nodes for y in n["ym"]})   # years with meetings: the buttons
    data = {
        "view": spec.view, "title": spec.title, "notes": spec.notes + _threshold_notes(spec.threshold, spec.view),
        "legendTitle": legend_title, "legend": legend, "physics": physics,
        "years": years,
        "meetings": tables.meetings, "evidence": tables.evidence,
        "heatmap": _data_uri(spec.heatmap), "counts": {"nodes": len(nodes), "edges": len(edges)},
    }
    net = Network(height="100%", width="100%", directed=False, cdn_resources="in_line", heading="")
    # pyvis's add_node/add_edge scan every existing node and edge on each call (quadratic at 20,000
    # links); the template reads only these two lists, so fill them directly.
    net.nodes, net.edges = nodes, edges
    net.options = _options(physics, large=not physics and len(nodes) > PHYSICS_MAX_NODES)
    html = _finish_html(net.generate_html(name="page.html"), data)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return output


def _colours(g: nx.Graph, index: ModelIndex, view: str) -> tuple[dict[str, str], list[dict[str, Any]], str]:
    """People by their organisation, organisations by their kind; the busiest groups get the colours."""
    if view == "people":
        group = {n: index.people[n].organisation for n in g}
        name = index.org_name
        title = "Organisation"
    else:
        group = {n: index.organisations[n].kind for n in g}
        name = lambda kind: KIND_NAMES.get(kind, (kind or "other").capitalize())   # noqa: E731
        title = "Kind of organisation"
    sizes = Counter(group.values())
    ranked = sorted((k for k in sizes if k is not None), key=lambda k: (-sizes[k], name(k)))
    colour_of = {k: PALETTE[i] for i, k in enumerate(ranked[:len(PALETTE)])}
    legend = [{"colour": colour_of[k], "label": name(k), "count": sizes[k]} for k in ranked[:len(PALETTE)]]
    rest = ranked[len(PALETTE):]
    if rest:
        legend.append({"colour": OTHER_COLOUR, "label": f"{len(rest)} other organisations" if view == "people"
                       else "Other kinds", "count": sum(sizes[k] for k in rest)})
    if sizes.get(None):
        legend.append({"colour": NONE_COLOUR, "label": "No organisation known" if view == "people" else "Kind unknown",
                       "count": sizes[None]})
    colours = {n: NONE_COLOUR if k is None else colour_of.get(k, OTHER_COLOUR) for n, k in group.items()}
    return colours, legend, title


def _node(n: str, data: dict[str, Any], index: ModelIndex, tables: _Tables, colour: str,
          xy: tuple[float, float], view: str) -> dict[str, Any]:
    meetings: dict[str, int | None] = data["meetings"]
    per_year = Counter(y for y in meetings.values() if y is not None)
    if view == "people":
        person = index.people[n]
        name, aliases = person.name, person.aliases
        posts = [_post(r.title, index.org_name(r.organisation) if r.organisation else None, r.first_seen, r.last_seen)
                 for r in person.roles]
        orgs = [index.org_name(o) for o in sorted(person.memberships, key=lambda o: -person.affiliations[o])]
        primary = person.organisation
        if primary and index.org_name(primary) not in orgs:
            orgs.insert(0, index.org_name(primary))
        sections = [["Posts held", posts], ["Organisations", orgs]]
        summary = [*(orgs[:2]), *(f"Post: {p}" for p in posts[:4])]
    else:
        org = index.organisations[n]
        name, aliases = org.name, org.aliases
        people = [index.people[p].name for p in data["people"]]
        sections = [["Kind", [org.kind] if org.kind else []], [f"People attending for it ({len(people)})", people[:60]]]
        summary = [KIND_NAMES.get(org.kind, org.kind.capitalize())] if org.kind else []
    span = f" ({min(per_year)}–{max(per_year)})" if per_year else ""
    summary.append(f"Meetings attended: {len(meetings)}{span}")
    return {
        "id": n, "label": name, "name": name, "shape": "dot", "color": colour, "value": len(meetings),
        "x": xy[0], "y": xy[1], "title": "\n".join([name, *summary]),
        "years": data["years"], "ym": {str(y): c for y, c in sorted(per_year.items())}, "mc": len(meetings),
        "aliases": aliases, "sections": [s for s in sections if s[1]],
        "m": tables.meetings_by_date(list(meetings)),
    }


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _post(title: str, org: str | None, first: str | None, last: str | None) -> str:
    where = f", {org}" if org else ""
    if first and last and first != last:
        when = f" ({first} – {last})"
    elif first or last:
        when = f" ({first or last})"
    else:
        when = ""
    return f"{title}{where}{when}"


def _edge(a: str, b: str, tie: Tie, tables: _Tables) -> dict[str, Any]:
    """A link as vis draws it plus what page.js needs, in short keys: at 20,000 links every byte counts.

    w: times together; k: by kind; yw: dated counts by year; ys: shared-organisation year spans;
    u: undated count; m: meetings (numbers in the page's table), mn: how many in all; ev: evidence
    sentences (numbers), evn: how many in all. The tooltip is written by page.js on hover.
    """
    edge: dict[str, Any] = {"from": a, "to": b, "value": tie.weight, "w": tie.weight,
                            "k": {KIND_CODES[k]: c for k, c in tie.kinds.items() if c},
                            "yw": {str(y): c for y, c in sorted(tie.year_counts.items())}}
    if tie.spans:
        edge["ys"] = [list(s) for s in tie.spans]
    if tie.undated:
        edge["u"] = tie.undated
    if tie.meetings:
        edge["m"] = tables.meetings_by_date(list(tie.meetings))
        if len(tie.meetings) > len(edge["m"]):
            edge["mn"] = len(tie.meetings)
    edge["ev"] = [tables.sentence(ev) for ev in tie.evidence[:EVIDENCE_PER_LINK]]
    total = len(tie.evidence) + tie.more_evidence
    if total > len(edge["ev"]):
        edge["evn"] = total
    return edge


KIND_CODES = {"meeting": "m", "action": "a", "presented": "p", "organisation": "o"}


def _threshold_notes(t: Threshold | None, view: str) -> list[str]:
    if t is None:
        return []
    what = "people" if view == "people" else "organisations"
    if t.edges_hidden == 0:
        return [f"All {t.edges_total:,} links shown (minimum weight {t.min_weight})."]
    why = (f"raised from {t.requested} so the page stays fast" if t.raised else "as asked")
    orphans = f"; {t.nodes_hidden:,} {what} with only weaker links hidden" if t.nodes_hidden else ""
    return [f"Links of weight {t.min_weight} or more shown ({why}): {t.edges_total - t.edges_hidden:,} of "
            f"{t.edges_total:,}{orphans}. Use --min-weight, --person or --organisation to see others."]


def _options(physics: bool, large: bool) -> dict[str, Any]:
    return {
        "nodes": {
            "shape": "dot", "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # Labels scale with the node and are not drawn below 6 px: they appear as you zoom in.
            "scaling": {"min": 6, "max": 34, "label": {"enabled": True, "min": 14, "max": 24, "drawThreshold": 6}},
        },
        "edges": {
            # Straight edges when large: curved ones cost a physics support node each.
            "smooth": {"enabled": True, "type": "continuous"} if physics else False,
            "color": {"color": "#8c959f", "highlight": "#d6336c", "hover": "#495057", "opacity": 0.5},
            "scaling": {"min": 1, "max": 9}, "selectionWidth": 2, "hoverWidth": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "keyboard": False},
        "layout": {"improvedLayout": False},   # positions come from viz.layout
        "physics": {
            "enabled": physics, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -9000, "centralGravity": 0.15, "springLength": 200,
                          "springConstant": 0.02, "damping": 0.3, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25, "fit": True},
        },
    }


def _finish_html(html: str, data: dict[str, Any]) -> str:
    """Strip what pyvis fetches from CDNs, then add our policy, styles, controls and script."""
    html = REMOTE_TAG.sub("", html)
    html = EMPTY_HEADING.sub("", html)
    css = (HERE / "page.css").read_text(encoding="utf-8")
    js = (HERE / "page.js").read_text(encoding="utf-8")
    head = (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_escape(data['title'])}</title>\n")
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n' + head, 1)
    html = html.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    html = html.replace("<body>", "<body>\n" + CHROME, 1)
    payload = script_json(data)
    tail = f'<script type="application/json" id="pg-data">{payload}</script>\n<script>{js}</script>\n</body>'
    head_part, _, rest = html.rpartition("</body>")
    html = head_part + tail + rest
    if REMOTE_TAG.search(html) or not html.startswith("<html>"):
        raise RuntimeError("pyvis's template changed: the page would load something from the network")
    return "<!DOCTYPE html>\n" + html


# What must not appear raw in data inside <script>: '<' could open '<!--' or '</script>', which
# change how the HTML parser ends the element; '>' and '&' for good measure; U+2028/9 end a line
# in older JavaScript. Each becomes its JSON escape, so the data parses to the same values.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_json(data: Any) -> str:
    """JSON safe to embed in an HTML <script> element, whatever text the values hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _data_uri(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
