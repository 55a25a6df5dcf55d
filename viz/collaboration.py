"""Visualiser stage 2: derive who works with whom (people, and organisations) as weighted networkx graphs."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

import networkx as nx

from graph.model import PartnershipGraph
from viz.index import Evidence, ModelIndex, Window, clip, in_window

# The ways two people (or organisations) work together, as counted on a link.
MEETING = "meeting"            # attended the same meeting
ACTION = "action"              # share an action (ASSIGNED_TO both)
PRESENTED = "presented"        # presented at the same meeting
ORGANISATION = "organisation"  # affiliated with, or hold posts in, the same organisation at the same time
KINDS = (MEETING, ACTION, PRESENTED, ORGANISATION)

# The first sentences behind a link are kept; a link between two councils across an archive
# can rest on thousands, and checking each new one against all the others would be quadratic.
EVIDENCE_KEPT = 12
COLLEAGUE_LIMIT = 50   # above this many people an organisation links only people already linked


@dataclass
class Tie:
    """One link: how often, when, at which meetings and on what evidence two nodes worked together."""

    kinds: Counter[str] = field(default_factory=Counter)
    year_counts: Counter[int] = field(default_factory=Counter)   # dated co-occurrences by year
    spans: list[tuple[int, int]] = field(default_factory=list)   # shared-organisation periods (years)
    undated: int = 0
    meetings: dict[str, None] = field(default_factory=dict)      # ordered set of meeting ids
    evidence: list[Evidence] = field(default_factory=list)
    more_evidence: int = 0   # sentences beyond EVIDENCE_KEPT, counted but not kept

    @property
    def weight(self) -> int:
        return sum(self.kinds.values())

    @property
    def years(self) -> list[int]:
        found = set(self.year_counts)
        for lo, hi in self.spans:
            found.update(range(lo, hi + 1))
        return sorted(found)

    def add(self, kind: str, when: int | tuple[int, int] | None, meeting: str | None,
            evidence: Iterable[Evidence]) -> None:
        self.kinds[kind] += 1
        if when is None:
            self.undated += 1
        elif isinstance(when, tuple):
            self.spans.append(when)
        else:
            self.year_counts[when] += 1
        if meeting:
            self.meetings.setdefault(meeting, None)
        for ev in evidence:
            if ev.text and ev not in self.evidence:
                if len(self.evidence) < EVIDENCE_KEPT:
                    self.evidence.append(ev)
                else:
                    self.more_evidence += 1


class _Ties(dict[tuple[str, str], Tie]):
    def between(self, a: str, b: str) -> Tie:
        key = (a, b) if a < b else (b, a)
        tie = self.get(key)
        if tie is None:
            tie = self[key] = Tie()
        return tie


def people_network(source: PartnershipGraph | ModelIndex, window: Window = None) -> nx.Graph:
    """People as nodes (attribute `info`, `meetings`, `years`), links with attribute `tie`.

    Every person is a node when no window is given; with a window, only those active in it.
    """
    index = source if isinstance(source, ModelIndex) else ModelIndex(source)
    ties = _Ties()
    _same_meeting(index, window, ties)
    _presented_together(index, window, ties)
    _shared_actions(index, window, ties)
    _same_organisation(index, window, ties)

    g = nx.Graph()
    for person in sorted(index.people.values(), key=lambda p: p.id):
        meetings = {m: index.meeting_year(m) for m in person.attended if in_window(index.meeting_year(m), window)}
        g.add_node(person.id, info=person, meetings=meetings,
                   years=sorted({y for y in meetings.values() if y is not None}))
    return _finish(g, ties, window)


def _same_meeting(index: ModelIndex, window: Window, ties: _Ties) -> None:
    by_meeting: dict[str, set[str]] = defaultdict(set)
    for person in index.people.values():
        for meeting in person.attended:
            by_meeting[meeting].add(person.id)
    _pair_at_meetings(index, window, ties, by_meeting, MEETING, index.attendance_evidence)


def _presented_together(index: ModelIndex, window: Window, ties: _Ties) -> None:
    by_meeting: dict[str, set[str]] = defaultdict(set)
    for person, meeting in index.presentations:
        by_meeting[meeting].add(person)
    _pair_at_meetings(index, window, ties, by_meeting, PRESENTED, index.presentations)


def _pair_at_meetings(index: ModelIndex, window: Window, ties: _Ties, by_meeting: dict[str, set[str]],
                      kind: str, evidence: dict[tuple[str, str], list[str]]) -> None:
    """Tie every pair of people found together at a meeting, with both sides' evidence."""
    for meeting, people in sorted(by_meeting.items()):
        year = index.meeting_year(meeting)
        if not in_window(year, window):
            continue
        for a, b in combinations(sorted(people), 2):
            ties.between(a, b).add(kind, year, meeting, [*evidence[(a, meeting)], *evidence[(b, meeting)]])


def _shared_actions(index: ModelIndex, window: Window, ties: _Ties) -> None:
    for action, owners in sorted(index.assignments.items()):
        meeting = index.action_meeting[action]
        year = index.meeting_year(meeting)
        if not in_window(year, window):
            continue
        people = {owner: ev for owner, ev in owners if owner in index.people}
        for a, b in combinations(sorted(people), 2):
            ties.between(a, b).add(ACTION, year, meeting, [people[a], people[b]])


def _same_organisation(index: ModelIndex, window: Window, ties: _Ties) -> None:
    """Colleagues: one count per shared organisation, over the years both were seen there.

    When both people's dates are known and do not overlap they were never there together, so
    no link; when either is undated the link is undated (whole span only). In an organisation
    of more than COLLEAGUE_LIMIT people (a whole council across an archive) everyone-with-everyone
    would bury the real links under hundreds of thousands of weak ones, so there being colleagues
    only adds weight to people already linked some other way.
    """
    members: dict[str, list[str]] = defaultdict(list)
    for person in index.people.values():
        for org in person.memberships:
            members[org].append(person.id)
    for org, people in sorted(members.items()):
        if len(people) <= COLLEAGUE_LIMIT:
            pairs: Iterable[tuple[str, str]] = combinations(sorted(people), 2)
        else:
            inside = set(people)
            pairs = [(a, b) for a, b in sorted(ties) if a in inside and b in inside]
        for a, b in pairs:
            ma, mb = index.people[a].memberships[org], index.people[b].memberships[org]
            sa, sb = ma.years, mb.years
            when: tuple[int, int] | None = None
            if sa is not None and sb is not None:
                lo, hi = max(sa[0], sb[0]), min(sa[1], sb[1])
                if lo > hi:
                    continue
                when = (lo, hi)
            when = clip(when, window)
            if window is not None and when is None:
                continue
            ties.between(a, b).add(ORGANISATION, when, None, [*ma.evidence[:1], *mb.evidence[:1]])


def organisation_network(source: PartnershipGraph | ModelIndex, window: Window = None) -> nx.Graph:
    """Organisations as nodes (`meetings`, `people`, `years`), linked by shared meetings and actions.

    An organisation is at a meeting when someone attends for it (as stated, else their usual
    organisation); it shares an action when the action is assigned to it or to one of its people.
    """
    index = source if isinstance(source, ModelIndex) else ModelIndex(source)
    present: dict[str, dict[str, list[Evidence]]] = defaultdict(dict)   # meeting -> org -> evidence
    people: dict[str, set[str]] = defaultdict(set)
    for person in index.people.values():
        for meeting in person.attended:
            if not in_window(index.meeting_year(meeting), window):
                continue
            org = index.organisation_at(person.id, meeting)
            if org:
                present[meeting].setdefault(org, []).extend(index.attendance_evidence[(person.id, meeting)][:1])
                people[org].add(person.id)
    ties = _Ties()
    for meeting, orgs in sorted(present.items()):
        year = index.meeting_year(meeting)
        for a, b in combinations(sorted(orgs), 2):
            ties.between(a, b).add(MEETING, year, meeting, [*orgs[a][:1], *orgs[b][:1]])
    for action, owners in sorted(index.assignments.items()):
        meeting = index.action_meeting[action]
        year = index.meeting_year(meeting)
        if not in_window(year, window):
            continue
        orgs: dict[str, Evidence] = {}
        for owner, ev in owners:
            org = owner if owner in index.organisations else (
                index.organisation_at(owner, meeting) if owner in index.people else None)
            if org:
                orgs.setdefault(org, ev)
        for a, b in combinations(sorted(orgs), 2):
            ties.between(a, b).add(ACTION, year, meeting, [orgs[a], orgs[b]])

    g = nx.Graph()
    for org_id in sorted(index.organisations):
        meetings = {m: index.meeting_year(m) for m, orgs in present.items() if org_id in orgs}
        g.add_node(org_id, org=index.organisations[org_id], meetings=meetings, people=sorted(people[org_id]),
                   years=sorted({y for y in meetings.values() if y is not None}))
    return _finish(g, ties, window)


def _finish(g: nx.Graph, ties: _Ties, window: Window) -> nx.Graph:
    """Add the links; in a window drop the nodes with nothing in it; give each node all its years."""
    for (a, b), tie in sorted(ties.items()):
        if a in g and b in g:
            g.add_edge(a, b, tie=tie, weight=tie.weight)
    if window is not None:
        g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if not d["meetings"] and g.degree(n) == 0])
    for n in g:
        years = set(g.nodes[n]["years"])
        for _, _, tie in g.edges(n, data="tie"):
            years.update(tie.years)
        g.nodes[n]["years"] = sorted(years)
    return g
