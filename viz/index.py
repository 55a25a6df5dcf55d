"""Visualiser stage 1: read the partnership graph once into the lookups every view needs."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from graph.model import (Action, AgendaItem, Label, Meeting, Organisation, PartnershipGraph, Person, Rel,
                         Relationship, Role)

# An inclusive (first year, last year) window; None means the whole span.
Window = tuple[int, int] | None


class Evidence(NamedTuple):
    """A sentence of the minutes behind a link, with the document it comes from (a tuple: compared in C)."""

    document: str | None
    text: str


@dataclass(frozen=True)
class MeetingRef:
    id: str
    title: str
    date: str | None
    year: int | None


@dataclass
class Membership:
    """A person's time at an organisation, from AFFILIATED_WITH and from posts held there."""

    organisation: str
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def widen(self, first: str | None, last: str | None) -> None:
        if first and (self.first_seen is None or first < self.first_seen):
            self.first_seen = first
        if last and (self.last_seen is None or last > self.last_seen):
            self.last_seen = last

    @property
    def years(self) -> tuple[int, int] | None:
        """(first year, last year) seen there; one known end stands for both; None when undated."""
        known = [y for y in (year_of(self.first_seen), year_of(self.last_seen)) if y is not None]
        return (known[0], known[-1]) if known else None


@dataclass(frozen=True)
class RoleSpell:
    title: str
    organisation: str | None   # organisation id
    first_seen: str | None
    last_seen: str | None


@dataclass
class PersonInfo:
    id: str
    name: str
    aliases: list[str]
    affiliations: Counter[str] = field(default_factory=Counter)        # org id -> AFFILIATED_WITH statements
    memberships: dict[str, Membership] = field(default_factory=dict)  # org id -> time there
    roles: list[RoleSpell] = field(default_factory=list)
    attended: dict[str, str | None] = field(default_factory=dict)     # meeting id -> org id stated there

    @property
    def organisation(self) -> str | None:
        """The organisation the person is coloured by: most frequent AFFILIATED_WITH, else as stated."""
        counts = self.affiliations or Counter(o for o in self.attended.values() if o) \
            or Counter(self.memberships.keys())
        if not counts:
            return None
        # Ties go to the alphabetically first id so the colour never depends on input order.
        return min(counts, key=lambda org: (-counts[org], org))


def year_of(value: str | None) -> int | None:
    """The year of an ISO date or of an inferred year or range such as '2021' or '2021/22'."""
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def in_window(year: int | None, window: Window) -> bool:
    """Undated facts belong to the whole span only, never to a chosen window of years."""
    if window is None:
        return True
    return year is not None and window[0] <= year <= window[1]


def clip(span: tuple[int, int] | None, window: Window) -> tuple[int, int] | None:
    if span is None or window is None:
        return span
    lo, hi = max(span[0], window[0]), min(span[1], window[1])
    return (lo, hi) if lo <= hi else None


# What the pages read from the graph, and nothing more: `pgraph viz` reads only these from the
# store (graph/store/stream.py StoredGraph), not the archive's decisions, strategies, documents,
# mentions or which documents state each node.
READS_FIELDS: dict[Label, tuple[str, ...]] = {
    Label.MEETING: ("date", "date_inferred", "body", "document", "url"),   # url, document: citations (pages.py)
    Label.ORGANISATION: ("aliases", "kind"),
    Label.PERSON: ("aliases",),
    Label.AGENDA_ITEM: ("meeting",),
    Label.ACTION: ("meeting",),
    Label.ROLE: ("organisation",),
}
READS_TYPES: tuple[Rel, ...] = (Rel.HAS_ITEM, Rel.ROLE_AT, Rel.ATTENDED, Rel.AFFILIATED_WITH, Rel.HOLDS,
                                Rel.PRESENTED, Rel.ASSIGNED_TO)


class ModelIndex:
    """People, organisations, meetings and who did what where, keyed by node id."""

    def __init__(self, graph: PartnershipGraph) -> None:
        self.graph = graph
        self.meetings: dict[str, MeetingRef] = {}
        for m in graph.of_label(Label.MEETING):
            assert isinstance(m, Meeting)
            title = m.body or m.name
            self.meetings[m.id] = MeetingRef(m.id, title, m.when, m.year)
        self.organisations: dict[str, Organisation] = {
            o.id: o for o in graph.of_label(Label.ORGANISATION) if isinstance(o, Organisation)}
        self._org_by_name: dict[str, str] = {}
        for org in sorted(self.organisations.values(), key=lambda o: o.id):
            for name in [org.name, *org.aliases]:
                self._org_by_name.setdefault(normalise(name), org.id)
        self.people: dict[str, PersonInfo] = {
            p.id: PersonInfo(p.id, p.name, list(p.aliases))
            for p in graph.of_label(Label.PERSON) if isinstance(p, Person)}
        self.item_meeting = {i.id: i.meeting for i in graph.of_label(Label.AGENDA_ITEM) if isinstance(i, AgendaItem)}
        self.action_meeting = {a.id: a.meeting for a in graph.of_label(Label.ACTION) if isinstance(a, Action)}
        self.role_org: dict[str, str | None] = {}
        self.role_title: dict[str, str] = {}
        for r in graph.of_label(Label.ROLE):
            assert isinstance(r, Role)
            self.role_org[r.id] = self.org_id(r.organisation)
            self.role_title[r.id] = r.name
        # (person, meeting) -> evidence of attendance; (person, meeting) -> evidence of presenting.
        self.attendance_evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        self.presentations: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        # action id -> [(person or organisation id, evidence)]
        self.assignments: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
        self._read_relationships()

    def _ordered_relationships(self) -> Iterator[Relationship]:
        """The relationships by type, source, target and key. From a graph streamed from the store
        (graph.store.stream.StoredGraph: sources a slice at a time, in id order), each slice is
        sorted as it comes, so they are never all held at once."""
        batches = getattr(self.graph, "iter_relationship_batches", None)
        if batches is None:
            yield from sorted(self.graph.relationships.values(), key=lambda r: (r.type.value, r.source, r.target, r.key))
            return
        for rel_type in sorted(self.graph.types or Rel, key=lambda t: t.value):
            for batch in batches([rel_type]):
                yield from sorted(batch, key=lambda r: (r.source, r.target, r.key))

    def _read_relationships(self) -> None:
        for rel in self._ordered_relationships():
            if rel.type == Rel.HAS_ITEM:
                self.item_meeting.setdefault(rel.target, rel.source)
            elif (rel.type == Rel.ROLE_AT and self.role_org.get(rel.source) is None
                  and rel.target in self.organisations):
                self.role_org[rel.source] = rel.target
        for rel in self._ordered_relationships():
            ev = Evidence(rel.document, rel.evidence or "")
            person = self.people.get(rel.source)
            if rel.type == Rel.ATTENDED and person and rel.target in self.meetings:
                stated = self.org_id(rel.props.get("organisation"))
                if stated or rel.target not in person.attended:
                    person.attended[rel.target] = stated
                _add_unique(self.attendance_evidence[(person.id, rel.target)], ev)
            elif rel.type == Rel.AFFILIATED_WITH and person and rel.target in self.organisations:
                person.affiliations[rel.target] += 1
                self._member(person, rel.target, rel.props, ev)
            elif rel.type == Rel.HOLDS and person:
                org = self.role_org.get(rel.target)
                person.roles.append(RoleSpell(self.role_title.get(rel.target, rel.target), org,
                                              rel.props.get("first_seen"), rel.props.get("last_seen")))
                if org:
                    self._member(person, org, rel.props, ev)
            elif rel.type == Rel.PRESENTED and person:
                meeting = self.item_meeting.get(rel.target)
                if meeting in self.meetings:
                    _add_unique(self.presentations[(person.id, meeting)], ev)
            elif rel.type == Rel.ASSIGNED_TO and rel.source in self.action_meeting:
                self.assignments[rel.source].append((rel.target, ev))
        for person in self.people.values():
            person.roles = _merge_spells(person.roles)

    @staticmethod
    def _member(person: PersonInfo, org: str, props: dict, ev: Evidence) -> None:
        membership = person.memberships.setdefault(org, Membership(org))
        membership.widen(props.get("first_seen"), props.get("last_seen"))
        _add_unique(membership.evidence, ev)

    def org_id(self, value: object) -> str | None:
        """An organisation id from an id or a name as stated in the minutes (ATTENDED.organisation)."""
        if not isinstance(value, str) or not value:
            return None
        if value in self.organisations:
            return value
        return self._org_by_name.get(normalise(value))

    def org_name(self, org_id: str | None) -> str:
        if org_id is None:
            return "No organisation"
        org = self.organisations.get(org_id)
        return org.name if org else org_id

    def meeting_year(self, meeting_id: str | None) -> int | None:
        ref = self.meetings.get(meeting_id or "")
        return ref.year if ref else None

    def organisation_at(self, person_id: str, meeting_id: str) -> str | None:
        """Whom a person represented at a meeting: as stated there, else their usual organisation."""
        person = self.people[person_id]
        return person.attended.get(meeting_id) or person.organisation

    def years(self) -> list[int]:
        return sorted({m.year for m in self.meetings.values() if m.year is not None})


def normalise(name: str) -> str:
    return " ".join(name.casefold().split())


def _add_unique(items: list[Evidence], ev: Evidence) -> None:
    if ev.text and ev not in items:
        items.append(ev)


def _merge_spells(spells: list[RoleSpell]) -> list[RoleSpell]:
    """One line per post: HOLDS is stated once per document, so widen the dates instead of repeating."""
    merged: dict[tuple[str, str | None], RoleSpell] = {}
    for s in spells:
        old = merged.get((s.title, s.organisation))
        if old is None:
            merged[(s.title, s.organisation)] = s
            continue
        firsts = [d for d in (old.first_seen, s.first_seen) if d]
        lasts = [d for d in (old.last_seen, s.last_seen) if d]
        merged[(s.title, s.organisation)] = RoleSpell(s.title, s.organisation, min(firsts, default=None),
                                                      max(lasts, default=None))
    return sorted(merged.values(), key=lambda s: (s.first_seen or "9999", s.title))
