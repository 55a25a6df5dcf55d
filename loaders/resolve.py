"""Entity resolution across documents: one node per real person and per organisation, with curation applied."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph import ids
from rapidfuzz import fuzz

from graph.errors import ExtractionError
from graph.model import Label, Node, PartnershipGraph, Person, Rel, Role
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
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ExtractionError(f"curation file {path}: {exc}") from exc
        cur = cls()
        for entry in raw.get("people") or []:
            for alias in entry.get("aliases") or []:
                cur.person_aliases.append((fold(alias), entry["name"], _iso(entry.get("from")), _iso(entry.get("to"))))
        cur.distinct = [{fold(n) for n in group} for group in raw.get("distinct") or []]
        for entry in raw.get("organisations") or []:
            for alias in entry.get("aliases") or []:
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


def _iso(value: Any) -> str | None:
    return str(value) if value else None


def resolve(graphs: list[PartnershipGraph], known: PartnershipGraph | None = None,
            curation: Curation | None = None) -> list[PartnershipGraph]:
    """Rewrite each document's people and organisations onto shared ids.

    Full names spelled alike (or with a one-letter slip and the same first name) are one person; a
    surname alone joins the one full name that has it across the corpus; two people who share only
    a surname stay apart. `known` holds people and organisations already stored.
    """
    curation = curation or Curation()
    people: list[tuple[int, Person, str | None]] = []        # (graph index or -1 for known, node, meeting date)
    for gi, graph in enumerate(graphs):
        date = _meeting_date(graph)
        people += [(gi, n, date) for n in graph.of_label(Label.PERSON)]
    if known:
        people += [(-1, n, None) for n in known.of_label(Label.PERSON)]
    clusters = _cluster(people, curation)
    mapping: dict[tuple[int, str], str] = {}
    names: dict[str, tuple[str, list[str]]] = {}
    for members in clusters:
        canonical = _canonical_name([(n, d) for _, n, d in members], curation)
        new_id = ids.person_id(canonical)
        aliases = sorted({a for _, n, _ in members for a in [n.name, *n.aliases] if a != canonical})
        names[new_id] = (canonical, aliases)
        for gi, node, _ in members:
            mapping[(gi, node.id)] = new_id
    org_map = _organisation_map(graphs, curation)
    rewritten = [_rewrite(graph, gi, mapping, names, org_map) for gi, graph in enumerate(graphs)]
    return _complete_posts(rewritten, known)


def _complete_posts(graphs: list[PartnershipGraph], known: PartnershipGraph | None) -> list[PartnershipGraph]:
    """A post stated without its organisation ('Matt Leng, Community Safety Manager') is the post
    that person holds at an organisation elsewhere under the same title."""
    placed: dict[tuple[str, str], Node] = {}
    for graph in [*graphs, *([known] if known else [])]:
        for rel in graph.rels_of(Rel.HOLDS):
            role = graph.nodes.get(rel.target)
            if isinstance(role, Role) and role.organisation:
                placed.setdefault((rel.source, fold(role.name)), role)
    for graph in graphs:
        for rel in list(graph.rels_of(Rel.HOLDS)):
            role = graph.nodes.get(rel.target)
            if not isinstance(role, Role) or role.organisation:
                continue
            home = placed.get((rel.source, fold(role.name)))
            if home is None:
                continue
            del graph.relationships[rel.key]
            graph.add(Role(id=home.id, name=home.name, organisation=home.organisation, documents=list(role.documents)))
            if home.organisation not in graph.nodes:
                org = next((g.nodes[home.organisation] for g in graphs if home.organisation in g.nodes), None)
                if org is not None:
                    graph.add(Node.from_properties({**org.properties(), "documents": list(role.documents)}))
            graph.relate(Rel.HOLDS, rel.source, home.id, rel.document, rel.evidence, **rel.props)
            if home.organisation in graph.nodes:
                graph.relate(Rel.ROLE_AT, home.id, home.organisation, rel.document, rel.evidence)
            if not any(r.target == role.id for r in graph.relationships.values()):
                graph.nodes.pop(role.id, None)
    return graphs


def _meeting_date(graph: PartnershipGraph) -> str | None:
    meeting = next(graph.of_label(Label.MEETING), None)
    return getattr(meeting, "date", None) if meeting else None


def _cluster(people: list[tuple[int, Person, str | None]], curation: Curation) -> list[list[tuple[int, Person, str | None]]]:
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
    for i, (_, node, _) in enumerate(people):
        if len(node.name.split()) == 1:
            roots = surnames.get(fold(node.name), set())
            if len(roots) == 1:
                union(i, next(iter(roots)))
    groups: dict[int, list[tuple[int, Person, str | None]]] = defaultdict(list)
    for i, entry in enumerate(people):
        groups[find(i)].append(entry)
    return list(groups.values())


def _canonical_name(members: list[tuple[Node, str | None]], curation: Curation) -> str:
    for node, date in members:
        canonical = curation.canonical_person(node.name, date)
        if canonical:
            return canonical
    counts = Counter(node.name for node, _ in members)
    return max(counts, key=lambda n: (len(n.split()), counts[n], n))


def _organisation_map(graphs: list[PartnershipGraph], curation: Curation) -> dict[str, tuple[str, str]]:
    """Organisation id -> (new id, canonical name): the curation file's aliases, then spelling variants
    ("Combating"/"Combatting", "Neighbour Hood Watch") and a name with its head word left off
    ("North West London Magistrates" for "... Magistrates Court")."""
    out: dict[str, tuple[str, str]] = {}
    names: Counter[str] = Counter()
    for graph in graphs:
        for node in graph.of_label(Label.ORGANISATION):
            canonical = curation.org_aliases.get(fold(node.name))
            if canonical:
                out[node.id] = (ids.organisation_id(canonical), canonical)
            else:
                names[node.name] += 1
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_first[_org_key(name)[:4]].append(name)
    for group in by_first.values():
        # The most often seen (then longest) form of each cluster is its name.
        group.sort(key=lambda n: (-names[n], -len(n), n))
        for i, name in enumerate(group):
            if ids.organisation_id(name) in out:
                continue
            for other in group[:i]:
                if ids.organisation_id(other) in out:
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


def _rewrite(graph: PartnershipGraph, gi: int, mapping: dict[tuple[int, str], str],
             names: dict[str, tuple[str, list[str]]], org_map: dict[str, tuple[str, str]]) -> PartnershipGraph:
    def new_id(old: str) -> str:
        if (gi, old) in mapping:
            return mapping[(gi, old)]
        if old in org_map:
            return org_map[old][0]
        return old

    out = PartnershipGraph()
    for node in graph.nodes.values():
        nid = new_id(node.id)
        props = node.properties()
        props["id"] = nid
        if nid in names and node.label == Label.PERSON:
            canonical, aliases = names[nid]
            props["name"] = canonical
            props["aliases"] = aliases
        elif node.id in org_map:
            props["aliases"] = sorted(set(props.get("aliases") or []) | {node.name})
            props["name"] = org_map[node.id][1]
        if props.get("label") == Label.ROLE.value and props.get("organisation") in org_map:
            props["organisation"] = org_map[props["organisation"]][0]
        out.add(Node.from_properties(props))
    for rel in graph.relationships.values():
        out.relate(rel.type, new_id(rel.source), new_id(rel.target), rel.document, rel.evidence, **rel.props)
    out.warnings = list(graph.warnings)
    return out
