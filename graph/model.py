"""The partnership graph model: node kinds, relationship types and the container every stage shares."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from enum import Enum
from typing import Any, ClassVar, Iterable, Iterator


class Label(str, Enum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    ROLE = "Role"
    MEETING = "Meeting"
    AGENDA_ITEM = "AgendaItem"
    ACTION = "Action"
    DECISION = "Decision"
    STRATEGY = "Strategy"
    DOCUMENT = "Document"

    def __str__(self) -> str:
        return self.value


class Rel(str, Enum):
    ATTENDED = "ATTENDED"
    SENT_APOLOGIES = "SENT_APOLOGIES"
    SUBSTITUTED_FOR = "SUBSTITUTED_FOR"
    HOLDS = "HOLDS"
    ROLE_AT = "ROLE_AT"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    MEETING_OF = "MEETING_OF"
    HAS_ITEM = "HAS_ITEM"
    PRESENTED = "PRESENTED"
    CONTRIBUTED = "CONTRIBUTED"
    ARISES_FROM = "ARISES_FROM"
    ASSIGNED_TO = "ASSIGNED_TO"
    CONCERNS = "CONCERNS"
    MENTIONS = "MENTIONS"
    RECORDED_IN = "RECORDED_IN"

    def __str__(self) -> str:
        return self.value


# Properties that hold lists and are unioned, not overwritten, when a node is seen again.
LIST_PROPERTIES = ("documents", "aliases")


def preferred_spelling(a: str, b: str) -> str:
    """Of two spellings of one name, the one a node keeps whatever the order it met them in: not all
    capitals if one is not ('Hate Crime Strategy' over 'HATE CRIME STRATEGY'), then the first in code point
    order, which puts capitals first ('Hate Crime Strategy' over 'Hate crime strategy').
    graph/store/statements.py chooses by the same rule in Cypher."""
    return min(a, b, key=lambda s: (s == s.upper(), s))


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    """A node class's fields but `extra`, in order: looked up once per class (dataclasses.fields is slow, and
    a whole archive's nodes are built and read hundreds of thousands of times while it is resolved)."""
    return tuple(f.name for f in fields(cls) if f.name != "extra")


@dataclass(kw_only=True)
class Node:
    """A node of any kind; subclasses add the properties SCHEMA.md requires of their label."""

    LABEL: ClassVar[Label]
    id: str
    name: str
    documents: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> Label:
        return self.LABEL

    def properties(self) -> dict[str, Any]:
        """Flat properties as stored and exported (no nested values, nulls dropped)."""
        props: dict[str, Any] = {"label": self.LABEL.value}
        for name in _field_names(type(self)):
            props[name] = getattr(self, name)
        props.update(self.extra)
        return {k: v for k, v in props.items() if v is not None}

    def absorb(self, other: Node) -> None:
        """Merge what another sighting of the same node adds: lists unioned, gaps filled."""
        for f in fields(self):
            if f.name in ("id", "extra"):
                continue
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, list):
                mine.extend(v for v in theirs if v not in mine)
            elif mine in (None, "") and theirs not in (None, ""):
                setattr(self, f.name, theirs)
        for key, value in other.extra.items():
            if isinstance(value, list):
                current = self.extra.setdefault(key, [])
                current.extend(v for v in value if v not in current)
            else:
                self.extra.setdefault(key, value)
        if isinstance(self, (Person, Organisation, Strategy)) and other.name != self.name:
            other_name = other.name
            if isinstance(self, Strategy) and preferred_spelling(other.name, self.name) == other.name:
                # One strategy spelt two ways by two documents: the spelling kept is the same whichever
                # document came first (the store chooses by the same rule).
                self.name, other_name, self.kind = other.name, self.name, other.kind or self.kind
            if other_name not in self.aliases:
                self.aliases.append(other_name)
            if self.name in self.aliases:
                self.aliases.remove(self.name)

    @staticmethod
    def from_properties(props: dict[str, Any]) -> Node:
        cls = NODE_CLASSES[Label(props["label"])]
        known = _field_names(cls)
        kwargs = {k: v for k, v in props.items() if k in known}
        for key in LIST_PROPERTIES:
            if key in known:
                kwargs[key] = list(kwargs.get(key) or [])
        extra = {k: v for k, v in props.items() if k not in known and k != "label"}
        return cls(**kwargs, extra=extra)


@dataclass(kw_only=True)
class Person(Node):
    LABEL: ClassVar[Label] = Label.PERSON
    aliases: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Organisation(Node):
    LABEL: ClassVar[Label] = Label.ORGANISATION
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None          # council, police, fire, probation, health, pcc, board, ...


@dataclass(kw_only=True)
class Role(Node):
    LABEL: ClassVar[Label] = Label.ROLE
    organisation: str | None = None  # organisation id


@dataclass(kw_only=True)
class Meeting(Node):
    LABEL: ClassVar[Label] = Label.MEETING
    body: str | None = None
    date: str | None = None          # ISO date as stated (or from metadata), never invented
    document: str | None = None
    venue: str | None = None
    date_inferred: str | None = None  # a year or range deduced from other dates in the text
    date_source: str | None = None   # "text", "metadata" or None
    body_source: str | None = None
    url: str | None = None

    @property
    def when(self) -> str | None:
        """Its date, else the year (or range) its minutes imply: what every answer shows as its date."""
        return self.date or self.date_inferred

    @property
    def year(self) -> int | None:
        """The meeting's year, one definition for recipes, pages, pictures and exports."""
        return meeting_year(self.date, self.date_inferred)


def citation(meeting: Meeting | None, document: str | None = None) -> str:
    """How a source is cited to a reader: the body that met and the meeting's date (or the year its
    minutes imply), the file name only when the meeting says neither."""
    if meeting is not None:
        when = meeting.date or (f"{meeting.date_inferred} (year inferred)" if meeting.date_inferred else None)
        said = [part for part in (meeting.body, when) if part]
        if said:
            return ", ".join(said)
    return document or (meeting.document if meeting is not None else None) or ""


def meeting_year(date: str | None, date_inferred: str | None = None) -> int | None:
    """The year of a meeting's date, else of the year its minutes imply; None when neither is known
    (the recipes compute `toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4))`)."""
    value = date or date_inferred
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


@dataclass(kw_only=True)
class AgendaItem(Node):
    LABEL: ClassVar[Label] = Label.AGENDA_ITEM
    meeting: str
    number: str | None = None
    title: str = ""
    order: int = 0


@dataclass(kw_only=True)
class Action(Node):
    LABEL: ClassVar[Label] = Label.ACTION
    meeting: str
    text: str = ""
    status: str = "open"


@dataclass(kw_only=True)
class Decision(Node):
    LABEL: ClassVar[Label] = Label.DECISION
    meeting: str
    text: str = ""
    verb: str | None = None          # resolved, agreed, approved, endorsed, noted


@dataclass(kw_only=True)
class Strategy(Node):
    LABEL: ClassVar[Label] = Label.STRATEGY
    kind: str = "strategy"
    aliases: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Document(Node):
    LABEL: ClassVar[Label] = Label.DOCUMENT
    sha256: str = ""
    url: str | None = None


NODE_CLASSES: dict[Label, type[Node]] = {
    cls.LABEL: cls
    for cls in (Person, Organisation, Role, Meeting, AgendaItem, Action, Decision, Strategy, Document)
}

# The labels each relationship type may join, for the stores' MATCH clauses and for checks.
ENDPOINTS: dict[Rel, tuple[tuple[Label, ...], tuple[Label, ...]]] = {
    Rel.ATTENDED: ((Label.PERSON,), (Label.MEETING,)),
    Rel.SENT_APOLOGIES: ((Label.PERSON, Label.ORGANISATION), (Label.MEETING,)),
    Rel.SUBSTITUTED_FOR: ((Label.PERSON,), (Label.PERSON,)),
    Rel.HOLDS: ((Label.PERSON,), (Label.ROLE,)),
    Rel.ROLE_AT: ((Label.ROLE,), (Label.ORGANISATION,)),
    Rel.AFFILIATED_WITH: ((Label.PERSON,), (Label.ORGANISATION,)),
    Rel.MEETING_OF: ((Label.MEETING,), (Label.ORGANISATION,)),
    Rel.HAS_ITEM: ((Label.MEETING,), (Label.AGENDA_ITEM,)),
    Rel.PRESENTED: ((Label.PERSON,), (Label.AGENDA_ITEM,)),
    Rel.CONTRIBUTED: ((Label.PERSON,), (Label.AGENDA_ITEM,)),
    Rel.ARISES_FROM: ((Label.ACTION, Label.DECISION), (Label.AGENDA_ITEM,)),
    Rel.ASSIGNED_TO: ((Label.ACTION,), (Label.PERSON, Label.ORGANISATION)),
    Rel.CONCERNS: ((Label.AGENDA_ITEM, Label.DECISION), (Label.STRATEGY,)),
    Rel.MENTIONS: ((Label.AGENDA_ITEM,), (Label.ORGANISATION, Label.STRATEGY, Label.PERSON)),
    Rel.RECORDED_IN: ((Label.MEETING,), (Label.DOCUMENT,)),
}


@dataclass
class Relationship:
    type: Rel
    source: str
    target: str
    document: str | None = None
    evidence: str | None = None
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable identity: the same fact from the same document is one relationship."""
        return relationship_key(self.type, self.source, self.target, self.document)

    def properties(self) -> dict[str, Any]:
        props = {"type": self.type.value, "document": self.document, "evidence": self.evidence,
                 "key": self.key, **self.props}
        return {k: v for k, v in props.items() if v is not None}


@lru_cache(maxsize=65536)
def relationship_key(type: Rel, source: str, target: str, document: str | None) -> str:
    # Memoised: a fact is related again each time a document restates it, and keys are sorted on.
    raw = "|".join([type.value, source, target, document or ""])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


@dataclass
class ExtractionWarning:
    document: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.document}:{self.line}" if self.line else self.document
        return f"{where}: {self.message}"


class PartnershipGraph:
    """Nodes and relationships with their provenance; what every stage passes on."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.relationships: dict[str, Relationship] = {}
        self.warnings: list[ExtractionWarning] = []

    # -- building
    def add(self, node: Node) -> Node:
        existing = self.nodes.get(node.id)
        if existing is None:
            self.nodes[node.id] = node
            return node
        existing.absorb(node)
        return existing

    def relate(self, type: Rel, source: str, target: str, document: str | None = None,
               evidence: str | None = None, **props: Any) -> Relationship:
        key = relationship_key(type, source, target, document)
        existing = self.relationships.get(key)
        if existing is None:
            rel = Relationship(type, source, target, document, _clean_evidence(evidence),
                               {k: v for k, v in props.items() if v is not None})
            self.relationships[key] = rel
            return rel
        for k, v in props.items():
            if v is not None:
                existing.props.setdefault(k, v)
        if not existing.evidence:
            existing.evidence = _clean_evidence(evidence)
        return existing

    def misfits(self) -> list[Relationship]:
        """Relationships whose ends, where this graph holds them, are not of the labels ENDPOINTS allows."""
        out = []
        for rel in self.relationships.values():
            sources, targets = ENDPOINTS[rel.type]
            for node_id, allowed in ((rel.source, sources), (rel.target, targets)):
                node = self.nodes.get(node_id)
                if node is not None and node.label not in allowed:
                    out.append(rel)
                    break
        return out

    def drop(self, rel: Relationship) -> None:
        self.relationships.pop(rel.key, None)

    def warn(self, document: str, line: int | None, message: str) -> None:
        self.warnings.append(ExtractionWarning(document, line, message))

    def merge(self, other: PartnershipGraph) -> PartnershipGraph:
        for node in other.nodes.values():
            self.add(node)
        for rel in other.relationships.values():
            self.relate(rel.type, rel.source, rel.target, rel.document, rel.evidence, **rel.props)
        self.warnings.extend(other.warnings)
        return self

    # -- reading
    def of_label(self, label: Label) -> Iterator[Node]:
        return (n for n in self.nodes.values() if n.label == label)

    def rels_of(self, type: Rel) -> Iterator[Relationship]:
        return (r for r in self.relationships.values() if r.type == type)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for node in self.nodes.values():
            out[node.label.value] = out.get(node.label.value, 0) + 1
        for rel in self.relationships.values():
            out[rel.type.value] = out.get(rel.type.value, 0) + 1
        return out

    # -- node-link JSON (SCHEMA.md), the form the evaluation reads
    def to_node_link(self, **graph_attrs: Any) -> dict[str, Any]:
        import networkx as nx

        return nx.node_link_data(self.to_networkx(**graph_attrs), edges="edges")

    def to_networkx(self, **graph_attrs: Any):
        import networkx as nx

        g = nx.MultiDiGraph(**graph_attrs)
        for node_id in sorted(self.nodes):
            g.add_node(node_id, **self.nodes[node_id].properties())
        for rel in sorted(self.relationships.values(), key=lambda r: (r.type.value, r.source, r.target, r.key)):
            props = rel.properties()
            g.add_edge(rel.source, rel.target, key=props.pop("key"), **props)
        return g

    @classmethod
    def from_node_link(cls, data: dict[str, Any]) -> PartnershipGraph:
        graph = cls()
        for raw in data["nodes"]:
            graph.add(Node.from_properties(dict(raw)))
        for raw in data.get("edges", data.get("links", [])):
            props = {k: v for k, v in raw.items()
                     if k not in ("source", "target", "type", "document", "evidence", "key")}
            graph.relate(Rel(raw["type"]), raw["source"], raw["target"], raw.get("document"),
                         raw.get("evidence"), **props)
        return graph

    @classmethod
    def from_records(cls, nodes: Iterable[dict[str, Any]], rels: Iterable[dict[str, Any]]) -> PartnershipGraph:
        """Rebuild from store rows: node property maps, and relationship maps with source/target."""
        return cls.from_node_link({"nodes": list(nodes), "edges": list(rels)})


def represented(graph: PartnershipGraph) -> dict[str, dict[str, set[str]]]:
    """Meeting id -> organisation id -> the people who represented it there.

    Represented: someone who attended the meeting is named with the organisation in the same minutes,
    as affiliated with it or through a post held there (HOLDS a Role that is ROLE_AT it). The store's
    summaries (graph/store/summaries.py, CREATE_REPRESENTED) apply the same rule.
    """
    role_orgs: dict[str, set[str]] = {}
    for rel in graph.rels_of(Rel.ROLE_AT):
        if rel.target in graph.nodes:
            role_orgs.setdefault(rel.source, set()).add(rel.target)
    named: dict[tuple[str, str | None], set[str]] = {}     # (person, document) -> organisations
    for rel in graph.relationships.values():
        if rel.type == Rel.AFFILIATED_WITH and rel.target in graph.nodes:
            named.setdefault((rel.source, rel.document), set()).add(rel.target)
        elif rel.type == Rel.HOLDS:
            named.setdefault((rel.source, rel.document), set()).update(role_orgs.get(rel.target, ()))
    out: dict[str, dict[str, set[str]]] = {}
    for rel in graph.rels_of(Rel.ATTENDED):
        if not isinstance(graph.nodes.get(rel.source), Person) or not isinstance(graph.nodes.get(rel.target), Meeting):
            continue
        for org in named.get((rel.source, rel.document), ()):
            out.setdefault(rel.target, {}).setdefault(org, set()).add(rel.source)
    return out


def _clean_evidence(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text[:500] if text else None
