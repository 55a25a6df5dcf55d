"""Entity resolution across documents: one node per real person and per organisation, with curation applied."""
from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from graph import ids
from rapidfuzz import fuzz

from graph.model import Label, Node, Organisation, PartnershipGraph, Person, Rel, Role
from loaders import validation
from loaders.names import fold
from loaders.people import similar_surname


@dataclass
class Curation:
    """Corrections a user keeps in YAML and applies on every load (mySociety's parlparse keeps member aliases so).

    people:
      - name: Andy Mariner                 # the canonical name
        aliases: [Andy Murrant]            # other forms that are this person
        from: 2013-01-01                   # optional: only for meetings in this range
        to: 2014-12-31
    distinct:
      - [Ben Norfolk, Richard Norfolk]     # never merge these
    organisations:
      - name: London Borough of Barnet
        aliases: [LBB, Barnet Council]
    """

    person_aliases: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    distinct: list[set[str]] = field(default_factory=list)
    org_aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None) -> Curation:
        if not path:
            return cls()
        raw = validation.curation(Path(path))      # every problem one line naming the file and field
        cur = cls()
        for entry in raw["people"]:
            for alias in entry["aliases"]:
                cur.person_aliases.append((fold(alias), entry["name"], entry["from"], entry["to"]))
        cur.distinct = [{fold(n) for n in group} for group in raw["distinct"]]
        for entry in raw["organisations"]:
            for alias in entry["aliases"]:
                cur.org_aliases[fold(alias)] = entry["name"]
        return cur

    def canonical_person(self, name: str, date: str | None) -> str | None:
        key = fold(name)
        for alias, canonical, start, end in self.person_aliases:
            if alias == key and (not date or ((not start or date >= start) and (not end or date <= end))):
                return canonical
        return None

    def kept_apart(self, a: str, b: str) -> bool:
        return any(fold(a) in group and fold(b) in group for group in self.distinct)


class Named(NamedTuple):
    """A person, organisation or post as resolution reads it: a tuple of shared strings, not a node."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None              # an organisation's
    organisation: str | None = None      # a post's

    def interned(self) -> Named:
        return Named(*(_intern(v) for v in self))

    def organisation_node(self) -> Organisation:
        return Organisation(id=self.id, name=self.name, aliases=list(self.aliases), kind=self.kind)

    def role_node(self) -> Role:
        return Role(id=self.id, name=self.name, organisation=self.organisation)


def _intern(value: Any) -> Any:
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, tuple):
        return tuple(_intern(v) for v in value)
    return value


@dataclass
class Names:
    """What resolution reads of one document: its people, organisations and posts held at an
    organisation, and the meeting's date.

    About a kilobyte where the document's graph is a hundred, so a whole archive's fit in memory at
    once while the graphs themselves wait, packed, to be rewritten and written a batch at a time.
    """

    date: str | None
    people: list[Named]
    organisations: list[Named]
    posts: list[tuple[str, Named]]          # (person id, post)

    def interned(self) -> Names:
        """The same names sharing one string object per distinct value, as thousands of documents
        name the same people and bodies."""
        return Names(self.date, [n.interned() for n in self.people], [n.interned() for n in self.organisations],
                     [(sys.intern(p), n.interned()) for p, n in self.posts])


def names_of(graph: PartnershipGraph) -> Names:
    people = [Named(n.id, n.name, tuple(n.aliases)) for n in graph.of_label(Label.PERSON)]
    orgs = [Named(n.id, n.name, tuple(n.aliases), kind=n.kind) for n in graph.of_label(Label.ORGANISATION)]
    posts = []
    for rel in graph.rels_of(Rel.HOLDS):
        role = graph.nodes.get(rel.target)
        if isinstance(role, Role) and role.organisation:
            posts.append((rel.source, Named(role.id, role.name, organisation=role.organisation)))
    return Names(_meeting_date(graph), people, orgs, posts)


def resolve(graphs: list[PartnershipGraph], known: PartnershipGraph | None = None,
            curation: Curation | None = None) -> list[PartnershipGraph]:
    """Rewrite each document's people and organisations onto shared ids (see `Resolution`)."""
    plan = Resolution([names_of(graph) for graph in graphs], known, curation)
    return [plan.rewrite(gi, graph) for gi, graph in enumerate(graphs)]


class Resolution:
    """One node per real person and per organisation across a batch of documents and what is stored.

    Full names spelled alike (or with a one-letter slip and the same first name) are one person; a
    surname alone joins the one full name that has it across the corpus; two people who share only
    a surname stay apart. `known` holds people and organisations already stored, and the posts they
    hold at an organisation. Planned from the documents' `Names` alone; `rewrite` then applies the
    plan to one document's graph at a time.
    """

    def __init__(self, names: list[Names], known: PartnershipGraph | None = None,
                 curation: Curation | None = None) -> None:
        curation = curation or Curation()
        people: list[tuple[int, Named | Person, str | None]] = []   # (document index or -1 for known, person, meeting date)
        for gi, entry in enumerate(names):
            people += [(gi, n, entry.date) for n in entry.people]
        if known:
            people += [(-1, n, None) for n in known.of_label(Label.PERSON)]
        self.mapping: dict[tuple[int, str], str] = {}
        self.names: dict[str, tuple[str, list[str]]] = {}
        # The local bodies each document names (councils, forces, fire and health services): a surname alone
        # in one place's minutes is not someone named in full in another place's ("Cllr Blake" of one
        # council, "Tom Blake" of another's fire brigade).
        councils = {gi: frozenset(o.id for o in entry.organisations if o.kind in _LOCAL_KINDS)
                    for gi, entry in enumerate(names)}
        for members in _cluster(people, curation, councils):
            canonical = _canonical_name([(n, d) for _, n, d in members], curation)
            new_id = ids.person_id(canonical)
            aliases = sorted({a for _, n, _ in members for a in [n.name, *n.aliases] if a != canonical})
            self.names[new_id] = (canonical, aliases)
            for gi, node, _ in members:
                self.mapping[(gi, node.id)] = new_id
        stored = [n.name for n in known.of_label(Label.ORGANISATION)] if known else []
        self.org_map = _organisation_map([entry.organisations for entry in names], curation, stored)
        self.placed, self.homes = self._placed_posts(names, known)

    def _new_id(self, gi: int, old: str) -> str:
        if (gi, old) in self.mapping:
            return self.mapping[(gi, old)]
        if old in self.org_map:
            return self.org_map[old][0]
        return old

    def _node_properties(self, gi: int, node: Node) -> dict[str, Any]:
        nid = self._new_id(gi, node.id)
        props = node.properties()
        props["id"] = nid
        if nid in self.names and node.label == Label.PERSON:
            props["name"], props["aliases"] = self.names[nid]
        elif node.id in self.org_map:
            props["aliases"] = sorted(set(props.get("aliases") or []) | {node.name})
            props["name"] = self.org_map[node.id][1]
        if props.get("label") == Label.ROLE.value and props.get("organisation") in self.org_map:
            props["organisation"] = self.org_map[props["organisation"]][0]
        return props

    def _placed_posts(self, names: list[Names], known: PartnershipGraph | None
                      ) -> tuple[dict[tuple[str, str], Role], dict[str, dict[str, Any]]]:
        """Each person's posts held at an organisation, by title (the first document to state one
        wins), and the organisations those posts are at, as the first document naming them has them."""
        placed: dict[tuple[str, str], Role] = {}
        for gi, entry in enumerate(names):
            for person, post in entry.posts:
                props = self._node_properties(gi, post.role_node())
                placed.setdefault((self._new_id(gi, person), fold(post.name)), Node.from_properties(props))
        if known:
            for rel in known.rels_of(Rel.HOLDS):
                role = known.nodes.get(rel.target)
                if isinstance(role, Role) and role.organisation:
                    placed.setdefault((rel.source, fold(role.name)), role)
        wanted = {role.organisation for role in placed.values()}
        homes: dict[str, dict[str, Any]] = {}
        for gi, entry in enumerate(names):
            found: dict[str, Node] = {}
            for org in entry.organisations:
                new_id = self._new_id(gi, org.id)
                if new_id not in wanted or new_id in homes:
                    continue
                node = Node.from_properties(self._node_properties(gi, org.organisation_node()))
                if new_id in found:
                    found[new_id].absorb(node)       # two spellings of it in one document
                else:
                    found[new_id] = node
            homes.update({org_id: node.properties() for org_id, node in found.items()})
        return placed, homes

    def rewrite(self, gi: int, graph: PartnershipGraph) -> PartnershipGraph:
        """Document `gi`'s graph on the shared ids, with its posts stated without an organisation placed."""
        out = PartnershipGraph()
        for node in graph.nodes.values():
            out.add(Node.from_properties(self._node_properties(gi, node)))
        for rel in graph.relationships.values():
            out.relate(rel.type, self._new_id(gi, rel.source), self._new_id(gi, rel.target), rel.document,
                       rel.evidence, **rel.props)
        out.warnings = list(graph.warnings)
        self._complete_posts(out)
        return out

    def decisions(self, gi: int, names: Names, unplaced: Iterable[tuple[str, str]] = (),
                  organisations: Iterable[str] = ()) -> str:
        """A digest of every decision of this plan that `rewrite(gi, ...)` reads for document `gi`: its people's
        ids and names, its organisations' ids and names, and the post (and its organisation) each of its posts
        stated without an organisation is placed at. `unplaced` are those posts as (person id, title);
        `organisations` any other organisation ids the document's posts name. Two plans giving a document the
        same digest rewrite it alike, so a load need not rewrite it to know (app/pipeline.py). Keep in step with
        `rewrite`: whatever it reads of the plan must be read here."""
        people = []
        for person in names.people:
            new_id = self.mapping.get((gi, person.id), person.id)
            people.append((person.id, new_id, self.names.get(new_id)))
        orgs = {o.id for o in names.organisations} | {post.organisation for _, post in names.posts
                                                       if post.organisation} | set(organisations)
        placed = []
        for person, title in unplaced:
            home = self.placed.get((self.mapping.get((gi, person), person), fold(title)))
            placed.append((person, title, home.properties() if home is not None else None,
                           self.homes.get(home.organisation) if home is not None else None))
        decided = repr((people, sorted((o, self.org_map.get(o)) for o in orgs), sorted(placed, key=repr)))
        return hashlib.sha256(decided.encode("utf-8", "surrogatepass")).hexdigest()

    def _complete_posts(self, graph: PartnershipGraph) -> None:
        """A post stated without its organisation ('Matt Leng, Community Safety Manager') is the post
        that person holds at an organisation elsewhere under the same title."""
        for rel in list(graph.rels_of(Rel.HOLDS)):
            role = graph.nodes.get(rel.target)
            if not isinstance(role, Role) or role.organisation:
                continue
            home = self.placed.get((rel.source, fold(role.name)))
            if home is None:
                continue
            del graph.relationships[rel.key]
            graph.add(Role(id=home.id, name=home.name, organisation=home.organisation, documents=list(role.documents)))
            org = self.homes.get(home.organisation)
            if home.organisation not in graph.nodes and org is not None:
                graph.add(Node.from_properties({**org, "documents": list(role.documents)}))
            graph.relate(Rel.HOLDS, rel.source, home.id, rel.document, rel.evidence, **rel.props)
            if home.organisation in graph.nodes:
                graph.relate(Rel.ROLE_AT, home.id, home.organisation, rel.document, rel.evidence)
            if not any(r.target == role.id for r in graph.relationships.values()):
                graph.nodes.pop(role.id, None)


def _meeting_date(graph: PartnershipGraph) -> str | None:
    meeting = next(graph.of_label(Label.MEETING), None)
    return getattr(meeting, "date", None) if meeting else None


_LOCAL_KINDS = frozenset({"council", "police", "fire", "health"})


def _cluster(people: list[tuple[int, Named | Person, str | None]], curation: Curation,
             councils: dict[int, frozenset[str]] | None = None
             ) -> list[list[tuple[int, Named | Person, str | None]]]:
    parent = list(range(len(people)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = people[i][1].name, people[j][1].name
        if curation.kept_apart(a, b):
            return
        parent[find(i)] = find(j)

    by_name: dict[str, int] = {}
    curated: dict[str, int] = {}
    for i, (_, node, date) in enumerate(people):
        canonical = curation.canonical_person(node.name, date)
        if canonical:
            key = fold(canonical)
            if key in curated:
                union(i, curated[key])
            else:
                curated[key] = i
        key = fold(canonical or node.name)
        if key in by_name:
            union(i, by_name[key])
        else:
            by_name[key] = i
    for key, i in curated.items():
        if key in by_name:
            union(i, by_name[key])
    full = [(i, n) for i, (_, n, _) in enumerate(people) if len(n.name.split()) >= 2]
    # Slips between documents: same first name, surname one letter off ("Vagarwal"/"Vargwarl").
    # Compared name by name within a first name, so a whole archive stays fast.
    # Two names already in the store were compared when they were stored: only pairs with a new one count.
    by_first: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    fresh: set[str] = set()
    for i, node in full:
        words = node.name.split()
        key = (fold(words[0]), len(words))
        by_first[key].setdefault(fold(words[-1]), i)
        if people[i][0] != -1:
            fresh.add(f"{key}|{fold(words[-1])}")
    for key, block in by_first.items():
        surnames_here = list(block.items())
        for x in range(len(surnames_here)):
            for y in range(x + 1, len(surnames_here)):
                (sa, i), (sb, j) = surnames_here[x], surnames_here[y]
                if f"{key}|{sa}" not in fresh and f"{key}|{sb}" not in fresh:
                    continue
                if find(i) != find(j) and similar_surname(sa, sb):
                    union(i, j)
    # A surname alone (from "Ms Bateman") joins the single full name with that surname, if only one.
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, node in full:
        surnames[fold(node.name.split()[-1])].add(find(i))
    councils = councils or {}
    docs_of: dict[int, set[int]] = defaultdict(set)
    for i, (gi, _, _) in enumerate(people):
        docs_of[find(i)].add(gi)

    def same_place(gi: int, root: int) -> bool:
        """Whether a document and a person's documents could be of one place: they name a local body in
        common, or one of them names none (or is the store's)."""
        here = councils.get(gi)
        if gi == -1 or not here:
            return True
        there = [councils.get(d) for d in docs_of[root]]
        return any(d is None or not d or d & here for d in there)

    for i, (gi, node, _) in enumerate(people):
        if len(node.name.split()) == 1:
            roots = surnames.get(fold(node.name), set())
            if len(roots) == 1 and same_place(gi, next(iter(roots))):
                union(i, next(iter(roots)))
    groups: dict[int, list[tuple[int, Named | Person, str | None]]] = defaultdict(list)
    for i, entry in enumerate(people):
        groups[find(i)].append(entry)
    return list(groups.values())


def _canonical_name(members: list[tuple[Named | Person, str | None]], curation: Curation) -> str:
    for node, date in members:
        canonical = curation.canonical_person(node.name, date)
        if canonical:
            return canonical
    counts = Counter(node.name for node, _ in members)
    return max(counts, key=lambda n: (len(n.split()), counts[n], n))


def _organisation_map(documents: list[list[Named]], curation: Curation,
                      stored: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Organisation id -> (new id, canonical name): the curation file's aliases, then spelling variants
    ("Combating"/"Combatting", "Neighbour Hood Watch") and a name with its head word left off
    ("North West London Magistrates" for "... Magistrates Court"). A name already `stored` is the
    canonical form of its cluster, as stored facts are not rewritten."""
    out: dict[str, tuple[str, str]] = {}
    stored = set(stored)
    names: Counter[str] = Counter({name: 0 for name in stored})
    seen: set[str] = set()
    for organisations in documents:
        for node in organisations:
            canonical = curation.org_aliases.get(fold(node.name))
            if canonical:
                out[node.id] = (ids.organisation_id(canonical), canonical)
            else:
                names[node.name] += 1
                seen.add(node.name)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[_org_key(name)[:4]].append(name)
    for group in by_first.values():
        # A stored form first, then the most often seen (then longest) form is each cluster's name.
        group.sort(key=lambda n: (n not in stored, -names[n], -len(n), n))
        for i, name in enumerate(group):
            if ids.organisation_id(name) in out:
                continue
            for other in group[:i]:
                # Two stored names were compared when they were stored.
                if ids.organisation_id(other) in out or (name not in seen and other not in seen):
                    continue
                if _same_organisation(name, other):
                    out[ids.organisation_id(name)] = (ids.organisation_id(other), other)
                    break
    return out


def _org_key(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


def _same_organisation(a: str, b: str) -> bool:
    ka, kb = _org_key(a), _org_key(b)
    if ka == kb:
        return True
    short, long_ = sorted((fold(a), fold(b)), key=len)
    if long_.startswith(short + " ") and long_[len(short) + 1:] in ("court", "board", "group", "service", "trust"):
        return True
    return min(len(ka), len(kb)) >= 12 and fuzz.ratio(ka, kb) >= 95
