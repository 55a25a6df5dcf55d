"""Every recipe's answer computed again in plain Python and networkx from the node-link export,
without Cypher and without the store's summaries: what tests/test_recipes_independent.py compares
each recipe (queries/*.cypher) with.

Written from each recipe's header (what it answers, its parameters and columns) and from the shared
definitions stated there, not from its Cypher:
- a meeting's date is its `date`, else its `date_inferred`; its year is that value's first four
  digits as an integer, None when there is neither;
- an organisation is represented at a meeting by someone who attended it and is named with the
  organisation in the same minutes: AFFILIATED_WITH it, or HOLDS a post that is ROLE_AT it;
- a name parameter matches the node whose id it is, or a node whose name or alias contains it,
  case-insensitively (the command line resolves names to ids first, app/lookup.py).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

import networkx as nx

ALL = 10 ** 9      # "no limit": recipes are compared in full, their limits checked on their own


def year_of(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def contains(text: str | None, node: dict) -> bool:
    if text is None:
        return True
    if node["id"] == text:
        return True
    needle = text.lower()
    return any(needle in (n or "").lower() for n in [node.get("name"), *(node.get("aliases") or [])])


def _min(values: Iterable[Any]) -> Any:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _max(values: Iterable[Any]) -> Any:
    known = [v for v in values if v is not None]
    return max(known) if known else None



def _in_years(year: int | None, year_from: int | None, year_to: int | None) -> bool:
    """Whether a meeting's year falls in the window a recipe was asked for (an undated meeting never does)."""
    return year is not None and (year_from is None or year >= year_from) and (year_to is None or year <= year_to)

class Independent:
    """The node-link export read into plain dictionaries, and one method per recipe."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.nodes: dict[str, dict] = {n["id"]: n for n in data["nodes"]}
        self.edges: list[dict] = [e for e in data.get("edges", data.get("links", []))
                                  if not e["type"].startswith("DERIVED_")]
        self.out: dict[str, list[dict]] = defaultdict(list)
        self.into: dict[str, list[dict]] = defaultdict(list)
        for e in self.edges:
            self.out[e["source"]].append(e)
            self.into[e["target"]].append(e)
        self.meeting_by_document = {n["document"]: n for n in self.of("Meeting") if n.get("document")}

    # -- reading helpers
    def of(self, label: str) -> list[dict]:
        return [n for n in self.nodes.values() if n["label"] == label]

    def outgoing(self, node_id: str, *types: str) -> list[tuple[dict, dict]]:
        return [(e, self.nodes[e["target"]]) for e in self.out[node_id] if e["type"] in types]

    def incoming(self, node_id: str, *types: str) -> list[tuple[dict, dict]]:
        return [(e, self.nodes[e["source"]]) for e in self.into[node_id] if e["type"] in types]

    @staticmethod
    def date(m: dict | None) -> str | None:
        return None if m is None else (m.get("date") or m.get("date_inferred"))

    def year(self, m: dict | None) -> int | None:
        return year_of(self.date(m))

    def seen(self, e: dict, end: str) -> str | None:
        """A statement's first or last sighting: as it says, else its meeting's date."""
        return e.get(end) or self.date(self.meeting_by_document.get(e.get("document")))

    def meeting(self, meeting_id: str | None) -> dict | None:
        node = self.nodes.get(meeting_id or "")
        return node if node is not None and node["label"] == "Meeting" else None

    def represented(self) -> dict[str, dict[str, set[str]]]:
        """Meeting id -> organisation id -> people who represented it there."""
        out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for p in self.of("Person"):
            named: dict[str, set[str]] = defaultdict(set)      # document -> organisations
            for e, o in self.outgoing(p["id"], "AFFILIATED_WITH"):
                if o["label"] == "Organisation":
                    named[e.get("document")].add(o["id"])
            for e, r in self.outgoing(p["id"], "HOLDS"):
                for _, o in self.outgoing(r["id"], "ROLE_AT"):
                    if o["label"] == "Organisation":
                        named[e.get("document")].add(o["id"])
            for e, m in self.outgoing(p["id"], "ATTENDED"):
                if m["label"] == "Meeting":
                    for org in named.get(e.get("document"), ()):
                        out[m["id"]][org].add(p["id"])
        return out

    def attended(self) -> dict[str, set[str]]:
        """Meeting id -> people who attended it."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            if e["type"] == "ATTENDED" and self.nodes[e["source"]]["label"] == "Person" \
                    and self.nodes[e["target"]]["label"] == "Meeting":
                out[e["target"]].add(e["source"])
        return out

    # -- the recipes, one method each (named after the file, '-' as '_')

    def absences(self, organisation: str) -> list[dict]:
        found: set[tuple] = set()
        for o in self.of("Organisation"):
            if not contains(organisation, o):
                continue
            for _, m in self.outgoing(o["id"], "SENT_APOLOGIES"):
                found.add((o["id"], m["id"], "apologies", o["name"]))
            for f, p in self.incoming(o["id"], "AFFILIATED_WITH"):
                if p["label"] != "Person":
                    continue
                for ap, m in self.outgoing(p["id"], "SENT_APOLOGIES"):
                    if m["label"] == "Meeting" and ap.get("document") == f.get("document"):
                        found.add((o["id"], m["id"], "apologies", p["name"]))
                subs = [(s, p, self.nodes[s["target"]]) for s in self.out[p["id"]] if s["type"] == "SUBSTITUTED_FOR"]
                subs += [(s, self.nodes[s["source"]], p) for s in self.into[p["id"]] if s["type"] == "SUBSTITUTED_FOR"]
                for s, sub, absent in subs:
                    m = self.meeting(s.get("meeting"))
                    if m is not None and s.get("document") == f.get("document"):
                        found.add((o["id"], m["id"], "substitute", f"{sub['name']} for {absent['name']}"))
        rows = []
        for org, meeting, what, who in found:
            m = self.nodes[meeting]
            rows.append({"date": self.date(m), "body": m.get("body"), "meeting": m["name"],
                         "organisation": self.nodes[org]["name"], "what": what, "who": who})
        return rows

    def _spells(self, person: str | None, rel: str) -> list[dict]:
        rows = []
        for p in self.of("Person"):
            if not contains(person, p):
                continue
            spells: dict[tuple, list] = defaultdict(lambda: [[], []])
            for e, target in self.outgoing(p["id"], rel):
                if rel == "HOLDS":
                    orgs = [o["name"] for _, o in self.outgoing(target["id"], "ROLE_AT")
                            if o["label"] == "Organisation"] or [None]
                    keys = [(target["id"], target["name"], org) for org in orgs]
                elif target["label"] == "Organisation":
                    keys = [(target["id"], target["name"])]
                else:
                    continue
                for key in keys:
                    spells[key][0].append(self.seen(e, "first_seen"))
                    spells[key][1].append(self.seen(e, "last_seen"))
            firsts = {_min(v[0]) for v in spells.values()} - {None}
            if len(spells) < 2 or len(firsts) < 2:
                continue
            for key, (first, last) in spells.items():
                row = {"person": p["name"]}
                if rel == "HOLDS":
                    row.update(role=key[1], organisation=key[2])
                else:
                    row.update(organisation=key[1])
                row.update(first_seen=_min(first), last_seen=_max(last))
                rows.append(row)
        return rows

    def changed_organisation(self, person: str | None = None, limit: int = ALL) -> list[dict]:
        return self._spells(person, "AFFILIATED_WITH")

    def changed_post(self, person: str | None = None, limit: int = ALL) -> list[dict]:
        return self._spells(person, "HOLDS")

    def _meetings(self, body: str | None, year: int | None) -> list[dict]:
        return [m for m in self.of("Meeting")
                if (body is None or body.lower() in (m.get("body") or "").lower())
                and (year is None or self.year(m) == year)]

    def decisions(self, body: str | None = None, year: int | None = None, text: str | None = None,
                  limit: int = ALL) -> list[dict]:
        wanted = {m["id"]: m for m in self._meetings(body, year)}
        rows = []
        for d in self.of("Decision"):
            m = wanted.get(d.get("meeting"))
            if m is not None and (text is None or text.lower() in (d.get("text") or "").lower()):
                rows.append({"date": self.date(m), "body": m.get("body"), "meeting": m["name"],
                             "verb": d.get("verb"), "decision": d.get("text")})
        return rows

    def _people_called(self, text: str, exclude: str | None = None) -> list[dict]:
        """A name or id given exactly wins; else names and aliases containing it, an exact name first."""
        people = [p for p in self.of("Person") if p["id"] != exclude]
        exact = [p for p in people if p["name"] == text or p["id"] == text]
        if exact:
            return exact
        found = [p for p in people if contains(text, p)]
        same = [p for p in found if p["name"].lower() == text.lower()]
        return same or found

    CONNECTING = {"ATTENDED", "SENT_APOLOGIES", "PRESENTED", "CONTRIBUTED", "HAS_ITEM", "ASSIGNED_TO",
                  "SUBSTITUTED_FOR", "HOLDS"}

    def how_connected(self, person_a: str, person_b: str) -> list[dict]:
        g = nx.MultiGraph()
        for e in self.edges:
            if e["type"] in self.CONNECTING:
                g.add_edge(e["source"], e["target"], key=e["key"], type=e["type"])
        pairs = [(a, b) for a in self._people_called(person_a) for b in self._people_called(person_b, a["id"])]
        pairs = [(a, b) for a, b in pairs if a["id"] in g and b["id"] in g]

        def label(node_id: str) -> str:
            n = self.nodes[node_id]
            return n.get("name") or n.get("title") or n.get("text") or node_id

        def paths(lengths: range) -> list[tuple[int, str, str, dict, dict]]:
            found = []
            for a, b in pairs:
                for path in nx.all_simple_edge_paths(g, a["id"], b["id"], cutoff=max(lengths)):
                    if len(path) not in lengths:
                        continue
                    route = [label(a["id"])] + [label(v) for _, v, _ in path]
                    via = [g.edges[u, v, k]["type"] for u, v, k in path]
                    found.append((len(path), " > ".join(route), " ".join(via), a, b))
            return found

        near = paths(range(1, 3))
        if near:
            best = min(p[0] for p in near)
            near = [p for p in near if p[0] == best]
        found = near or paths(range(3, 5))
        if not found:
            return []
        steps, route, via, a, b = min(found, key=lambda p: p[:3])
        return [{"person_a": a["name"], "person_b": b["name"], "steps": steps, "route": route, "via": via}]

    def _meetings_called(self, meeting: str) -> list[dict]:
        meetings = self.of("Meeting")
        exact = [m for m in meetings if m["id"] == meeting or m.get("date") == meeting]
        return exact or [m for m in meetings if meeting.lower() in m["name"].lower()]

    def meeting_actions(self, meeting: str) -> list[dict]:
        groups: dict[tuple, list] = {}
        for m in self._meetings_called(meeting):
            for a in self.of("Action"):
                if a.get("meeting") != m["id"]:
                    continue
                key = (m["name"], self.date(m), a.get("text"), a.get("status") or "open")
                groups.setdefault(key, []).extend(o["name"] for _, o in self.outgoing(a["id"], "ASSIGNED_TO"))
        return [{"meeting": k[0], "date": k[1], "action": k[2], "owners": owners, "status": k[3]}
                for k, owners in groups.items()]

    def meeting_attendance(self, meeting: str) -> list[dict]:
        rows = []
        for m in self._meetings_called(meeting):
            found: set[tuple] = set()
            for a, p in self.incoming(m["id"], "ATTENDED"):
                if p["label"] != "Person":
                    continue
                doc = a.get("document")
                roles = sorted({r["name"] for h, r in self.outgoing(p["id"], "HOLDS")
                                if r["label"] == "Role" and h.get("document") == doc})
                orgs = sorted({o["name"] for f, o in self.outgoing(p["id"], "AFFILIATED_WITH")
                               if o["label"] == "Organisation" and f.get("document") == doc})
                found.add(("present", p["name"], a.get("role") or (roles[0] if roles else None),
                           a.get("organisation") or (orgs[0] if orgs else None)))
            for _, x in self.incoming(m["id"], "SENT_APOLOGIES"):
                found.add(("apologies", x["name"], None, None))
            for s in self.edges:
                if s["type"] == "SUBSTITUTED_FOR" and s.get("meeting") == m["id"]:
                    found.add(("substitute", self.nodes[s["source"]]["name"],
                               "for " + self.nodes[s["target"]]["name"], None))
            rows += [{"date": self.date(m), "meeting": m["name"], "status": status, "who": who, "role": role,
                      "organisation": org} for status, who, role, org in found]
        return rows

    def meetings(self, body: str | None = None, year: int | None = None, limit: int = ALL) -> list[dict]:
        rows = []
        for m in self._meetings(body, year):
            attendees = {p["id"] for _, p in self.incoming(m["id"], "ATTENDED") if p["label"] == "Person"}
            apologies = {x["id"] for _, x in self.incoming(m["id"], "SENT_APOLOGIES")}
            items = {i["id"] for _, i in self.outgoing(m["id"], "HAS_ITEM") if i["label"] == "AgendaItem"}
            rows.append({"date": self.date(m), "body": m.get("body"), "meeting": m["name"], "url": m.get("url"),
                         "document": m.get("document"), "attendees": len(attendees),
                         "apologies": len(apologies), "items": len(items)})
        return rows

    def new_faces(self, year: int | None = None, limit: int = ALL) -> list[dict]:
        first: dict[str, int] = {}
        for e in self.edges:
            if e["type"] in ("ATTENDED", "SENT_APOLOGIES") and self.nodes[e["source"]]["label"] == "Person":
                y = self.year(self.meeting(e["target"]))
                if y is not None:
                    first[e["source"]] = min(y, first.get(e["source"], y))
        groups: dict[tuple, set] = defaultdict(set)
        for person, y in first.items():
            if year is None or y == year:
                orgs = {o["name"] for _, o in self.outgoing(person, "AFFILIATED_WITH") if o["label"] == "Organisation"}
                groups[(y, self.nodes[person]["name"])] |= orgs
        return [{"year": y, "person": name, "organisations": sorted(orgs)} for (y, name), orgs in groups.items()]

    def _open_actions_of(self, owner: dict) -> list[tuple]:
        return [(a["id"], owner["id"]) for _, a in self.incoming(owner["id"], "ASSIGNED_TO")
                if a["label"] == "Action" and (a.get("status") or "open") == "open"]

    def open_actions(self, person: str | None = None, organisation: str | None = None,
                     limit: int = ALL) -> list[dict]:
        found: set[tuple] = set()
        if person is None and organisation is None:
            for a in self.of("Action"):
                if self.meeting(a.get("meeting")) is not None and (a.get("status") or "open") == "open":
                    found |= {(a["id"], o["id"]) for _, o in self.outgoing(a["id"], "ASSIGNED_TO")}
        elif organisation is None:
            for p in self.of("Person"):
                if contains(person, p):
                    found |= set(self._open_actions_of(p))
        elif person is None:
            for o in self.of("Organisation"):
                if contains(organisation, o):        # its own actions and those of its people
                    found |= set(self._open_actions_of(o))
                    for _, p in self.incoming(o["id"], "AFFILIATED_WITH"):
                        if p["label"] == "Person":
                            found |= set(self._open_actions_of(p))
        rows = []
        for action, owner in found:
            a, o = self.nodes[action], self.nodes[owner]
            m = self.meeting(a.get("meeting"))
            rows.append({"owner": o["name"], "owner_kind": o["label"], "action": a.get("text"),
                         "date": self.date(m), "body": None if m is None else m.get("body"),
                         "meeting": None if m is None else m["name"]})
        return rows

    def organisation_links(self, year_from: int | None = None, year_to: int | None = None,
                           limit: int = ALL) -> list[dict]:
        window = year_from is not None or year_to is not None
        pairs: dict[tuple[str, str], list] = defaultdict(list)
        for meeting, orgs in self.represented().items():
            y = self.year(self.nodes[meeting])
            if window and not _in_years(y, year_from, year_to):
                continue
            ordered = sorted(orgs)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    pairs[(a, b)].append(y)
        return [{"organisation_a": self.nodes[a]["name"], "organisation_b": self.nodes[b]["name"],
                 "meetings": len(years), "first_year": _min(years), "last_year": _max(years)}
                for (a, b), years in pairs.items()]

    def organisation_people(self, organisation: str) -> list[dict]:
        rows = []
        for o in self.of("Organisation"):
            if not contains(organisation, o):
                continue
            spells: dict[str, list] = defaultdict(lambda: [[], []])
            for f, p in self.incoming(o["id"], "AFFILIATED_WITH"):
                if p["label"] == "Person":
                    spells[p["id"]][0].append(self.seen(f, "first_seen"))
                    spells[p["id"]][1].append(self.seen(f, "last_seen"))
            for person, (first, last) in spells.items():
                posts = sorted({r["name"] for _, r in self.outgoing(person, "HOLDS")
                                if any(t["id"] == o["id"] for _, t in self.outgoing(r["id"], "ROLE_AT"))})
                rows.append({"organisation": o["name"], "person": self.nodes[person]["name"], "posts": posts,
                             "first_seen": _min(first), "last_seen": _max(last)})
        return rows

    def _organisation_years(self, body: str | None) -> dict[tuple[int, str], list]:
        """(year, organisation id) -> [meetings, people], dated meetings of the bodies asked for."""
        out: dict[tuple[int, str], list] = defaultdict(lambda: [set(), set()])
        for meeting, orgs in self.represented().items():
            m = self.nodes[meeting]
            y = self.year(m)
            if y is None or (body is not None and body.lower() not in (m.get("body") or "").lower()):
                continue
            for org, people in orgs.items():
                out[(y, org)][0].add(meeting)
                out[(y, org)][1] |= people
        return out

    def organisations_by_year(self, year: int | None = None, body: str | None = None) -> list[dict]:
        return [{"year": y, "organisation": self.nodes[org]["name"], "meetings": len(meetings),
                 "people": len(people)}
                for (y, org), (meetings, people) in self._organisation_years(body).items()
                if year is None or y == year]

    def organisations_stopped(self, body: str | None = None) -> list[dict]:
        by_org: dict[str, list] = defaultdict(list)
        for (y, org), (meetings, _) in self._organisation_years(body).items():
            by_org[org].append((y, len(meetings)))
        if not by_org:
            return []
        latest = max(y for years in by_org.values() for y, _ in years)
        rows = []
        for org, years in by_org.items():
            last = max(y for y, _ in years)
            if last < latest:
                rows.append({"organisation": self.nodes[org]["name"], "first_year": min(y for y, _ in years),
                             "last_year": last, "meetings": sum(n for _, n in years), "latest_year": latest})
        return rows

    def person_links(self, person: str | None = None, year_from: int | None = None, year_to: int | None = None,
                     limit: int = ALL) -> list[dict]:
        window = year_from is not None or year_to is not None
        pairs: dict[tuple[str, str], list] = defaultdict(list)
        for meeting, people in self.attended().items():
            y = self.year(self.nodes[meeting])
            if window and not _in_years(y, year_from, year_to):
                continue
            for a in people:
                for b in people:
                    if a == b:
                        continue
                    if person is None:
                        keep = a < b
                    else:
                        a_matches, b_matches = contains(person, self.nodes[a]), contains(person, self.nodes[b])
                        keep = a_matches and (a < b or not b_matches)
                    if keep:
                        pairs[(a, b)].append(y)
        return [{"person_a": self.nodes[a]["name"], "person_b": self.nodes[b]["name"], "meetings": len(years),
                 "first_year": _min(years), "last_year": _max(years)} for (a, b), years in pairs.items()]

    def person_record(self, person: str) -> list[dict]:
        rows = []
        for p in self.of("Person"):
            if not contains(person, p):
                continue
            found: set[tuple] = set()
            for _, m in self.outgoing(p["id"], "ATTENDED"):
                found.add((self.date(m), "attended", m["name"], m.get("body")))
            for _, m in self.outgoing(p["id"], "SENT_APOLOGIES"):
                found.add((self.date(m), "sent apologies", m["name"], m.get("body")))
            for _, i in self.outgoing(p["id"], "PRESENTED"):
                for _, m in self.incoming(i["id"], "HAS_ITEM"):
                    found.add((self.date(m), "presented", i.get("title"), m.get("body")))
            for _, a in self.incoming(p["id"], "ASSIGNED_TO"):
                m = self.meeting(a.get("meeting"))
                found.add((self.date(m), f"action ({a.get('status') or 'open'})", a.get("text"),
                           None if m is None else m.get("body")))
            posts: dict[tuple, list] = defaultdict(lambda: [[], []])
            for h, r in self.outgoing(p["id"], "HOLDS"):
                orgs = [o["name"] for _, o in self.outgoing(r["id"], "ROLE_AT") if o["label"] == "Organisation"]
                for org in orgs or [None]:
                    posts[(r["id"], r["name"], org)][0].append(self.seen(h, "first_seen"))
                    posts[(r["id"], r["name"], org)][1].append(self.seen(h, "last_seen"))
            for (_, role, org), (first, last) in posts.items():
                at = f" at {org}" if org else ""
                found.add((_min(first), "holds post", f"{role}{at} (last seen {_max(last) or '?'})", None))
            spells: dict[str, list] = defaultdict(lambda: [[], []])
            for f, o in self.outgoing(p["id"], "AFFILIATED_WITH"):
                if o["label"] == "Organisation":
                    spells[o["id"]][0].append(self.seen(f, "first_seen"))
                    spells[o["id"]][1].append(self.seen(f, "last_seen"))
            for org, (first, last) in spells.items():
                found.add((_min(first), "with organisation",
                           f"{self.nodes[org]['name']} (last seen {_max(last) or '?'})", None))
            rows += [{"person": p["name"], "date": d, "what": w, "detail": x, "body": b} for d, w, x, b in found]
        return rows

    def post_holders(self, role: str, organisation: str | None = None) -> list[dict]:
        groups: dict[tuple, list] = defaultdict(lambda: [[], [], set()])
        for r in self.of("Role"):
            if role.lower() not in (r.get("name") or "").lower():
                continue
            orgs = list({o["id"]: o for _, o in self.outgoing(r["id"], "ROLE_AT")
                         if o["label"] == "Organisation"}.values()) or [None]
            for o in orgs:
                if organisation is not None and (o is None or not contains(organisation, o)):
                    continue
                for h, p in self.incoming(r["id"], "HOLDS"):
                    if p["label"] != "Person":
                        continue
                    group = groups[(p["name"], r["name"], None if o is None else o["name"])]
                    group[0].append(self.seen(h, "first_seen"))
                    group[1].append(self.seen(h, "last_seen"))
                    group[2].add(h.get("document"))
        return [{"person": p, "role": r, "organisation": o, "first_seen": _min(first), "last_seen": _max(last),
                 "meetings": len(n - {None})} for (p, r, o), (first, last, n) in groups.items()]

    def role_history(self, organisation: str) -> list[dict]:
        groups: dict[tuple, list] = defaultdict(lambda: [[], []])
        for o in self.of("Organisation"):
            if not contains(organisation, o):
                continue
            for _, r in self.incoming(o["id"], "ROLE_AT"):
                if r["label"] != "Role":
                    continue
                for h, p in self.incoming(r["id"], "HOLDS"):
                    if p["label"] == "Person":
                        group = groups[(o["name"], r["name"], p["name"])]
                        group[0].append(self.seen(h, "first_seen"))
                        group[1].append(self.seen(h, "last_seen"))
        return [{"organisation": o, "role": r, "person": p, "first_seen": _min(first), "last_seen": _max(last)}
                for (o, r, p), (first, last) in groups.items()]

    def search(self, q: str) -> list[dict]:
        return [{"kind": n["label"], "name": n["name"], "aliases": list(n.get("aliases") or []), "id": n["id"]}
                for n in self.nodes.values() if n["label"] in ("Person", "Organisation") and contains(q, n)]

    def strategy_history(self, strategy: str) -> list[dict]:
        rows = []
        for s in self.of("Strategy"):
            if not contains(strategy, s):
                continue
            for c, x in self.incoming(s["id"], "CONCERNS", "MENTIONS"):
                m = self.meeting(x.get("meeting"))
                verb = c.get("verb") or ("mentioned" if c["type"] == "MENTIONS" else "discussed")
                rows.append({"strategy": s["name"], "date": self.date(m), "body": None if m is None else m.get("body"),
                             "kind": x["label"], "verb": verb,
                             "what": x.get("title") or x.get("text") or x.get("name")})
        return rows

    def answer(self, recipe: str, params: dict[str, Any]) -> list[dict]:
        return getattr(self, recipe.replace("-", "_"))(**params)
