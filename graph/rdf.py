"""RDF export stage: the partnership graph as linked open data in standard vocabularies."""
from __future__ import annotations

import io
import json
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any, Callable, Iterable, Iterator, TextIO
from urllib.parse import quote, urlsplit

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer

from graph import ids
from graph.errors import PartnershipGraphError
from graph.model import (Action, AgendaItem, Decision, Document, Label, Meeting, Node, Organisation,
                         PartnershipGraph, Person, Rel, Relationship, Role, Strategy)

PERSON = Namespace("http://www.w3.org/ns/person#")
BESLUIT = Namespace("http://data.vlaanderen.be/ns/besluit#")
OA = Namespace("http://www.w3.org/ns/oa#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
# The project's own terms (apologies, substitutions, evidence), described in graph/vocab.ttl. The
# namespace must not move with --base: two councils' exports only join if they share it.
PG = Namespace("https://w3id.org/partnership-graph/vocab#")

OGL_V3 = URIRef("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
DEFAULT_BASE = "https://example.org/partnership/"

PREFIXES: dict[str, Namespace] = {
    "rdf": Namespace(str(RDF)), "rdfs": Namespace(str(RDFS)), "xsd": Namespace(str(XSD)),
    "foaf": Namespace(str(FOAF)), "person": PERSON, "org": Namespace(str(ORG)),
    "skos": Namespace(str(SKOS)), "time": Namespace(str(TIME)), "schema": Namespace(str(SDO)),
    "besluit": BESLUIT, "dct": Namespace(str(DCTERMS)), "prov": Namespace(str(PROV)),
    "oa": OA, "spdx": SPDX, "dcat": Namespace(str(DCAT)), "pg": PG,
}

# fmt -> (media type, file extension, title); the CLI offers these keys.
FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("text/turtle", "ttl", "Turtle"),
    "jsonld": ("application/ld+json", "jsonld", "JSON-LD"),
    "ntriples": ("application/n-triples", "nt", "N-Triples"),
}

# Boards and partnerships are collaborations of member bodies, not formal organisations.
COLLABORATION_KINDS = {"board", "partnership"}
COLLABORATION_NAME = re.compile(r"\b(board|partnership|group|forum)\b", re.IGNORECASE)

ACTION_STATUS = {
    "open": SDO.PotentialActionStatus, "pending": SDO.PotentialActionStatus,
    "in progress": SDO.ActiveActionStatus, "ongoing": SDO.ActiveActionStatus, "active": SDO.ActiveActionStatus,
    "done": SDO.CompletedActionStatus, "complete": SDO.CompletedActionStatus,
    "completed": SDO.CompletedActionStatus, "closed": SDO.CompletedActionStatus,
    "failed": SDO.FailedActionStatus, "dropped": SDO.FailedActionStatus,
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Triple = tuple[Any, Any, Any]


class RdfExportError(PartnershipGraphError):
    hint = ("Pass --base as an absolute http(s) IRI ending in / or #, e.g. "
            "https://data.example.gov.uk/partnership/, and --format turtle, jsonld or ntriples.")


def normalise_base(base: str) -> str:
    """An absolute http(s) IRI ending in '/' or '#', so that node ids append cleanly."""
    parts = urlsplit(base.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in base for c in ' <>"{}|\\^`'):
        raise RdfExportError(f"not an absolute http(s) IRI: {base!r}")
    base = base.strip()
    return base if base.endswith(("/", "#")) else base + "/"


def node_iri(base: str, node_id: str) -> URIRef:
    """`person:tina-mcelligott` -> `{base}person/tina-mcelligott`: each id part becomes a path segment."""
    return URIRef(base + "/".join(quote(part, safe="-._~") for part in node_id.split(":")))


def private_people(graph: PartnershipGraph) -> set[str]:
    """People with no post and no organisation: named in prose only, left out of public exports."""
    public = {r.source for t in (Rel.HOLDS, Rel.AFFILIATED_WITH) for r in graph.rels_of(t)}
    return {n.id for n in graph.of_label(Label.PERSON) if n.id not in public}


def to_rdf(graph: PartnershipGraph, base: str = DEFAULT_BASE, public_only: bool = False, *,
           publisher: str | None = None, issued: str | None = None, store: str = "default") -> Graph:
    """Build the RDF graph. `publisher` is an IRI or a name; `issued` an ISO date (see _Export.dataset).

    `store` is the rdflib store: the default one works with everything (pyshacl needs it);
    serialize() uses "SimpleMemory", which has no named graphs and builds about twice as fast.
    """
    return _Export(graph, normalise_base(base), public_only, publisher, issued, store).build()


def serialize(graph: PartnershipGraph, fmt: str = "turtle", base: str = DEFAULT_BASE,
              public_only: bool = False, **options: Any) -> str:
    """The export as text: fmt is turtle, jsonld or ntriples; JSON-LD carries an inline context."""
    if fmt not in FORMATS:  # before the build, which can take minutes
        raise RdfExportError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    options.setdefault("store", "SimpleMemory")
    return dump(to_rdf(graph, base, public_only, **options), fmt)


def dump(rdf: Graph, fmt: str) -> str:
    """Write a graph built by to_rdf in one of FORMATS."""
    if fmt not in FORMATS:
        raise RdfExportError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt == "jsonld":
        return _jsonld(rdf)
    if fmt == "ntriples":
        # Sorted lines, so that republishing diffs cleanly (the store's set order varies per run).
        # Split on "\n" only: str.splitlines() also splits on U+2028, U+2029, U+0085 and other
        # characters a literal may hold, which cut a triple in two.
        lines = sorted(line for line in rdf.serialize(format="nt").split("\n") if line.strip())
        return "\n".join(lines) + "\n"
    out = io.BytesIO()
    _TurtleWriter(rdf).serialize(out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


class _TurtleWriter(TurtleSerializer):
    """rdflib's Turtle writer, without trying to abbreviate IRIs that no bound prefix covers.

    rdflib files the namespace of every IRI it tries to abbreviate (the IRI up to its last '/')
    in a trie that it then scans linearly; the export has one such path per evidence annotation,
    which made writing Turtle quadratic (500 synthetic meetings: over nine minutes). IRIs under
    the export's base are never abbreviated anyway, so skipping them changes no output.
    """

    _bound = tuple(str(ns) for ns in PREFIXES.values())

    def get_pname(self, uri: Any, gen_prefix: bool = True) -> str | None:
        if isinstance(uri, URIRef) and not str.startswith(uri, self._bound):
            return None
        return super().get_pname(uri, gen_prefix)


def _jsonld(rdf: Graph) -> str:
    """JSON-LD with an inline context, one node per line, every list sorted.

    The inline context dict means no network is needed to read it back (a remote @context URL
    would be fetched). Nodes and multi-valued properties come out of rdflib in the store's set
    order, which changes from run to run; sorting them makes the same graph give the same bytes.
    Writing each node on one line lets json use its C encoder (indent= would not).
    """
    from rdflib.plugins.serializers.jsonld import from_rdf

    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    doc = from_rdf(rdf, context_data=context, auto_compact=True)
    nodes = doc.get("@graph") if "@graph" in doc else ([{k: v for k, v in doc.items() if k != "@context"}]
                                                         if len(doc) > 1 else [])
    lines = [json.dumps(_canonical(node), ensure_ascii=False, sort_keys=True) for node in nodes]
    lines.sort()
    return ('{"@context": ' + json.dumps(context, sort_keys=True, indent=1) + ',\n"@graph": [\n'
            + ",\n".join(lines) + "\n]}\n")


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _iso_date(value: Any) -> str | None:
    """The ISO date at the start of a value, or None: dates are never invented or guessed."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _year(value: Any) -> str | None:
    """A bare four-digit year, as the extractor gives for meetings whose date it could only infer."""
    return value if isinstance(value, str) and re.fullmatch(r"\d{4}", value) else None


def _is_url(value: str | None) -> bool:
    return bool(value) and re.match(r"^https?://[^\s<>\"{}|\\^`]+$", value or "") is not None


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


# The predicate stating each relationship, and whether it runs from the relationship's target to its
# source ("the meeting has attendee the person"). ROLE_AT, CONCERNS and RECORDED_IN depend on more.
PREDICATES: dict[Rel, tuple[URIRef, bool]] = {
    Rel.ATTENDED: (SDO.attendee, True),
    Rel.SENT_APOLOGIES: (PG.sentApologiesFor, False),
    Rel.SUBSTITUTED_FOR: (PG.stoodInFor, False),
    Rel.HOLDS: (ORG.heldBy, True),
    Rel.AFFILIATED_WITH: (ORG.memberOf, False),
    Rel.MEETING_OF: (SDO.organizer, False),
    Rel.HAS_ITEM: (SDO.subEvent, False),
    Rel.PRESENTED: (SDO.performer, True),     # schema:performer's own definition names "a presenter"
    Rel.CONTRIBUTED: (SDO.contributor, True),
    Rel.ARISES_FROM: (DCTERMS.isPartOf, False),
    Rel.ASSIGNED_TO: (SDO.agent, False),
    Rel.MENTIONS: (DCTERMS.references, False),
}


class _Export:
    """One export: indexes the graph once, then writes every node, relationship and the dataset."""

    def __init__(self, graph: PartnershipGraph, base: str, public_only: bool, publisher: str | None,
                 issued: str | None, store: str, sink: Callable[[Triple], None] | None = None) -> None:
        self.pg = graph
        self.base = base
        self.public_only = public_only
        self.publisher = publisher
        self.issued = issued
        # The triples go to an rdflib graph, or one at a time to `sink` (write_rdf: streamed).
        self.g = Graph(store=store, bind_namespaces="none")
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.add: Callable[[Triple], Any] = self.g.add if sink is None else sink
        self.collaboration_ids: set[str] = set()
        self.iris: dict[str, URIRef] = {}
        self.hidden: set[str] = private_people(graph) if public_only else set()
        self.private_names = self._private_name_pattern() if self.hidden else None
        self.docs_by_name = {n.name: n.id for n in graph.of_label(Label.DOCUMENT)}
        self.stub_docs: set[str] = set()
        self.days: set[str] = set()
        self.concepts: set[URIRef] = set()

    # -- helpers
    def iri(self, node_id: str) -> URIRef:
        found = self.iris.get(node_id)
        if found is None:
            found = self.iris[node_id] = node_iri(self.base, node_id)
        return found

    def minted(self, *parts: str) -> URIRef:
        """IRIs of resources the model has no node for (memberships, evidence, concepts, the dataset)."""
        return URIRef(self.base + "/".join(quote(p, safe="-._~") for p in parts))

    def label_of(self, node_id: str) -> Label | None:
        node = self.pg.nodes.get(node_id)
        return node.label if node is not None else None

    def visible(self, node_id: str) -> bool:
        return node_id in self.pg.nodes and node_id not in self.hidden

    def doc_iri(self, file_name: str) -> URIRef:
        node_id = self.docs_by_name.get(file_name)
        if node_id is None:
            # Named by a node or relationship but not loaded as a Document node: still an entity,
            # at the id the loader would have given it, but without a checksum (the shapes flag that).
            node_id = ids.document_id(file_name)
            self.stub_docs.add(file_name)
        return self.iri(node_id)

    def instant(self, when: str) -> URIRef:
        """One time:Instant per calendar day (or year), shared by every interval that starts or ends on it."""
        year_only = len(when) == 4
        node = self.minted("year" if year_only else "day", when)
        if when not in self.days:
            self.days.add(when)
            self.add((node, RDF.type, TIME.Instant))
            if year_only:
                self.add((node, TIME.inXSDgYear, Literal(when, datatype=XSD.gYear)))
            else:
                self.add((node, TIME.inXSDDate, _date(when)))
        return node

    def concept(self, scheme: str, scheme_label: str, value: str, *types: URIRef) -> URIRef:
        """A SKOS concept for a code the minutes use (organisation kinds, strategy kinds, job titles)."""
        slug = ids.slug(value)
        # Values that slug alike share a concept; its label is the least of them, whatever the
        # order nodes come in (the store's, or id order when streamed).
        value = self.concept_labels.get((scheme, slug), value)
        node = self.minted("concept", scheme, slug)
        if node not in self.concepts:
            self.concepts.add(node)
            scheme_node = self.minted("concept", scheme)
            if scheme_node not in self.concepts:
                self.concepts.add(scheme_node)
                self.add((scheme_node, RDF.type, SKOS.ConceptScheme))
                self.add((scheme_node, SKOS.prefLabel, Literal(scheme_label)))
            for t in (SKOS.Concept, *types):
                self.add((node, RDF.type, t))
            self.add((node, SKOS.prefLabel, Literal(value)))
            self.add((node, SKOS.inScheme, scheme_node))
        return node

    def text(self, value: str) -> Literal:
        """Free text from the minutes; in a public export, with private individuals' names withheld."""
        if self.private_names is not None:
            value = self.private_names.sub("[name withheld]", value)
        return Literal(value)

    def derived_from(self, subject: URIRef, node: Node, *extra: str | None) -> None:
        for name in dict.fromkeys([*node.documents, *extra]):
            if name:
                self.add((subject, PROV.wasDerivedFrom, self.doc_iri(name)))

    def _private_name_pattern(self) -> re.Pattern[str] | None:
        names: set[str] = set()
        for node_id in self.hidden:
            node = self.pg.nodes[node_id]
            names.update(n for n in [node.name, *getattr(node, "aliases", [])] if n and len(n) > 2)
        if not names:
            return None
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    # -- the export
    def build(self) -> Graph:
        self.index()
        writers = {
            Label.PERSON: self.node_person, Label.ORGANISATION: self.node_organisation, Label.ROLE: self.node_role,
            Label.MEETING: self.node_meeting, Label.AGENDA_ITEM: self.node_agendaitem,
            Label.ACTION: self.node_action, Label.DECISION: self.node_decision,
            Label.STRATEGY: self.node_strategy, Label.DOCUMENT: self.node_document,
        }
        for node in self.pg.nodes.values():
            if node.id in self.hidden:
                continue
            writers[node.label](node, self.iri(node.id))
        for rel in self.pg.relationships.values():
            self.relationship(rel)
        self.memberships()
        self.collaborations()
        for name in sorted(self.stub_docs):
            subject = self.iri(ids.document_id(name))
            self.add((subject, RDF.type, PROV.Entity))
            self.add((subject, RDF.type, FOAF.Document))
            self.add((subject, DCTERMS.title, Literal(name)))
        self.dataset()
        return self.g

    def index(self) -> None:
        self.concept_labels: dict[tuple[str, str], str] = {}
        for scheme, label, attr in (("job-title", Label.ROLE, "name"), ("organisation-kind", Label.ORGANISATION, "kind"),
                                    ("strategy-kind", Label.STRATEGY, "kind")):
            for node in self.pg.of_label(label):
                value = getattr(node, attr, None)
                if value:
                    key = (scheme, ids.slug(value))
                    known = self.concept_labels.get(key)
                    self.concept_labels[key] = value if known is None else min(known, value)
        self.post_org: dict[str, str] = {}
        for role in self.pg.of_label(Label.ROLE):
            assert isinstance(role, Role)
            if role.organisation and self.label_of(role.organisation) == Label.ORGANISATION:
                self.post_org[role.id] = role.organisation
        for rel in self.pg.rels_of(Rel.ROLE_AT):
            if self.label_of(rel.target) == Label.ORGANISATION:
                self.post_org.setdefault(rel.source, rel.target)
        self.person_orgs: dict[str, set[str]] = defaultdict(set)
        for rel in self.pg.rels_of(Rel.AFFILIATED_WITH):
            if self.label_of(rel.target) == Label.ORGANISATION:
                self.person_orgs[rel.source].add(rel.target)
        for rel in self.pg.rels_of(Rel.HOLDS):
            if rel.target in self.post_org:
                self.person_orgs[rel.source].add(self.post_org[rel.target])
        self.strategies_of: dict[str, set[str]] = defaultdict(set)
        self.concern_verbs: dict[str, str] = {}
        for rel in self.pg.rels_of(Rel.CONCERNS):
            if self.label_of(rel.source) == Label.DECISION and self.label_of(rel.target) == Label.STRATEGY:
                self.strategies_of[rel.source].add(rel.target)
                if rel.props.get("verb"):
                    self.concern_verbs.setdefault(rel.source, str(rel.props["verb"]))

    # -- nodes
    def node_person(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Person)
        self.add((s, RDF.type, FOAF.Person))
        self.add((s, RDF.type, PERSON.Person))
        self.add((s, FOAF.name, Literal(node.name)))
        self.add((s, RDFS.label, Literal(node.name)))
        for alias in node.aliases:
            self.add((s, SKOS.altLabel, Literal(alias)))

    def node_organisation(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Organisation)
        # org:Organization on every body, so consumers without RDFS inference still find them all.
        self.add((s, RDF.type, ORG.Organization))
        collaboration = (node.kind or "").lower() in COLLABORATION_KINDS or bool(COLLABORATION_NAME.search(node.name))
        if collaboration:
            self.collaboration_ids.add(node.id)
        self.add((s, RDF.type, ORG.OrganizationalCollaboration if collaboration else ORG.FormalOrganization))
        self.add((s, SKOS.prefLabel, Literal(node.name)))
        self.add((s, RDFS.label, Literal(node.name)))
        for alias in node.aliases:
            self.add((s, SKOS.altLabel, Literal(alias)))
        if node.kind:
            self.add((s, ORG.classification,
                      self.concept("organisation-kind", "Kinds of organisation", node.kind)))

    def node_role(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Role)
        # The Role node is a post (a title at one organisation); its title alone is the org:Role.
        self.add((s, RDF.type, ORG.Post))
        self.add((s, SKOS.prefLabel, Literal(node.name)))
        self.add((s, RDFS.label, Literal(node.name)))
        self.add((s, ORG.role, self.job_title(node.name)))
        if node.id in self.post_org:
            self.add((s, ORG.postIn, self.iri(self.post_org[node.id])))

    def job_title(self, title: str) -> URIRef:
        return self.concept("job-title", "Job titles", title, ORG.Role)

    def node_meeting(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Meeting)
        self.add((s, RDF.type, SDO.Event))
        self.add((s, RDF.type, BESLUIT.Zitting))
        self.add((s, SDO.name, Literal(node.name)))
        self.add((s, RDFS.label, Literal(node.name)))
        when = _iso_date(node.date)
        if when:
            self.add((s, SDO.startDate, _date(when)))
        elif node.date_inferred:
            self.add((s, PG.dateInferred, Literal(str(node.date_inferred))))
        if node.venue:
            self.add((s, SDO.location, Literal(node.venue)))
        if _is_url(node.url):
            self.add((s, SDO.url, URIRef(node.url)))
        self.derived_from(s, node, node.document)

    def node_agendaitem(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, AgendaItem)
        self.add((s, RDF.type, BESLUIT.Agendapunt))
        self.add((s, RDF.type, SDO.Event))
        title = self.text(node.title or node.name)
        self.add((s, DCTERMS.title, title))
        self.add((s, SDO.name, title))
        self.add((s, RDFS.label, self.text(node.name) if node.name else title))
        if node.number:
            self.add((s, SDO.identifier, Literal(str(node.number))))
        self.add((s, SDO.position, Literal(int(node.order))))
        if self.label_of(node.meeting) == Label.MEETING:
            meeting = self.iri(node.meeting)
            self.add((s, SDO.superEvent, meeting))
            self.add((meeting, SDO.subEvent, s))
            self.add((meeting, BESLUIT.behandelt, s))
        self.derived_from(s, node)

    def node_action(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Action)
        self.add((s, RDF.type, SDO.Action))
        self.add((s, SDO.name, self.text(node.name)))
        self.add((s, RDFS.label, self.text(node.name)))
        self.add((s, SDO.description, self.text(node.text or node.name)))
        status = ACTION_STATUS.get((node.status or "open").strip().lower(), SDO.PotentialActionStatus)
        self.add((s, SDO.actionStatus, status))
        self.part_of_meeting(s, node.meeting)
        self.derived_from(s, node, self.meeting_document(node.meeting))

    def node_decision(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Decision)
        self.add((s, RDF.type, BESLUIT.Besluit))
        self.add((s, RDFS.label, self.text(node.name)))
        self.add((s, DCTERMS.description, self.text(node.text or node.name)))
        verb = node.verb or self.concern_verbs.get(node.id)
        if verb:
            self.add((s, PG.verb, Literal(verb)))
        for strategy in sorted(self.strategies_of.get(node.id, ())):
            self.add((s, DCTERMS.references, self.iri(strategy)))
        self.part_of_meeting(s, node.meeting)
        self.derived_from(s, node, self.meeting_document(node.meeting))

    def part_of_meeting(self, s: URIRef, meeting_id: str) -> None:
        # dct:isPartOf, not prov:wasGeneratedBy: a meeting here is a prov:Entity (it is derived
        # from its minutes), and PROV keeps entities and activities disjoint.
        if self.label_of(meeting_id) == Label.MEETING:
            self.add((s, DCTERMS.isPartOf, self.iri(meeting_id)))

    def meeting_document(self, meeting_id: str) -> str | None:
        meeting = self.pg.nodes.get(meeting_id)
        return meeting.document if isinstance(meeting, Meeting) else None

    def node_strategy(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Strategy)
        self.add((s, RDF.type, PROV.Plan))
        self.add((s, RDF.type, SDO.CreativeWork))
        self.add((s, DCTERMS.title, Literal(node.name)))
        self.add((s, RDFS.label, Literal(node.name)))
        for alias in node.aliases:
            self.add((s, SKOS.altLabel, Literal(alias)))
        if node.kind:
            self.add((s, DCTERMS.type, self.concept("strategy-kind", "Kinds of strategy, plan or programme", node.kind)))

    def node_document(self, node: Node, s: URIRef) -> None:
        assert isinstance(node, Document)
        self.add((s, RDF.type, PROV.Entity))
        self.add((s, RDF.type, FOAF.Document))
        self.add((s, RDF.type, SDO.DigitalDocument))
        self.add((s, DCTERMS.title, Literal(node.name)))
        if node.sha256:
            # spdx:checksum is what DCAT 3 uses for a file's checksum, so portals already read it;
            # a bare dct:identifier would not say which algorithm made the value.
            checksum = URIRef(f"{s}/checksum")
            self.add((s, SPDX.checksum, checksum))
            self.add((checksum, RDF.type, SPDX.Checksum))
            self.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
            self.add((checksum, SPDX.checksumValue, Literal(node.sha256.lower(), datatype=XSD.hexBinary)))
        if _is_url(node.url):
            self.add((s, SDO.url, URIRef(node.url)))

    # -- relationships
    def relationship(self, rel: Relationship) -> None:
        if not (self.visible(rel.source) and self.visible(rel.target)):
            return
        triple = self.statement(rel)
        if triple is None:
            return
        self.add(triple)
        if rel.type is Rel.SUBSTITUTED_FOR:
            self.substitution(rel)
        if rel.evidence and rel.document:
            self.evidence(rel, triple)

    def statement(self, rel: Relationship) -> tuple[URIRef, URIRef, URIRef] | None:
        """The one triple that states a relationship (its evidence annotation points at it)."""
        s, o, t = self.iri(rel.source), self.iri(rel.target), rel.type
        src, dst = self.label_of(rel.source), self.label_of(rel.target)
        if t is Rel.ROLE_AT:
            return (s, ORG.postIn, o) if self.post_org.get(rel.source) == rel.target else None
        if t is Rel.CONCERNS:
            # A decision references the strategy it approves; an item is about it.
            return (s, DCTERMS.references, o) if src == Label.DECISION else (s, DCTERMS.subject, o)
        if t is Rel.RECORDED_IN:
            return (s, SDO.recordedIn, o) if dst == Label.DOCUMENT else None
        if t in PREDICATES:
            predicate, inverse = PREDICATES[t]
            return (o, predicate, s) if inverse else (s, predicate, o)
        return None

    def substitution(self, rel: Relationship) -> None:
        """The qualified form of pg:stoodInFor, saying at which meeting."""
        node = self.minted("substitution", rel.key)
        self.add((node, RDF.type, PG.Substitution))
        self.add((node, PG.substitute, self.iri(rel.source)))
        self.add((node, PG.absentMember, self.iri(rel.target)))
        meeting = rel.props.get("meeting")
        if isinstance(meeting, str) and self.label_of(meeting) == Label.MEETING:
            self.add((node, PG.atMeeting, self.iri(meeting)))
        if rel.document:
            self.add((node, PROV.wasDerivedFrom, self.doc_iri(rel.document)))

    def evidence(self, rel: Relationship, triple: tuple[URIRef, URIRef, URIRef]) -> None:
        """The sentence that supports a relationship, as a Web Annotation on its document.

        The body is the reified triple, so the annotation says exactly which statement the
        sentence supports; the IRIs come from the relationship key (type, ends, document).
        """
        assert rel.evidence is not None and rel.document is not None
        if self.private_names is not None and self.private_names.search(rel.evidence):
            return  # the sentence names someone left out of a public export
        ann = self.minted("evidence", rel.key)
        body, target, selector = URIRef(f"{ann}/statement"), URIRef(f"{ann}/target"), URIRef(f"{ann}/selector")
        add = self.add
        add((ann, RDF.type, OA.Annotation))
        add((ann, OA.motivatedBy, PG.evidencing))
        add((ann, OA.hasBody, body))
        add((ann, OA.hasTarget, target))
        add((body, RDF.type, RDF.Statement))
        add((body, RDF.subject, triple[0]))
        add((body, RDF.predicate, triple[1]))
        add((body, RDF.object, triple[2]))
        add((target, RDF.type, OA.SpecificResource))
        add((target, OA.hasSource, self.doc_iri(rel.document)))
        add((target, OA.hasSelector, selector))
        add((selector, RDF.type, OA.TextQuoteSelector))
        add((selector, OA.exact, Literal(rel.evidence)))

    # -- derived resources
    def memberships(self) -> None:
        """org:Membership per post held and per organisation served, over the meeting dates seen.

        A post's membership and a plain affiliation get separate IRIs, keyed by (person, post) and
        (person, organisation), so a role found in later minutes adds a membership and removes none.
        """
        seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for rel in (r for t in (Rel.HOLDS, Rel.AFFILIATED_WITH) for r in self.pg.rels_of(t)):
            if rel.type is Rel.HOLDS and rel.target in self.post_org:
                key = ("post", rel.source, rel.target)
            elif rel.type is Rel.AFFILIATED_WITH and self.label_of(rel.target) == Label.ORGANISATION:
                key = ("org", rel.source, rel.target)
            else:
                continue
            if not (self.visible(rel.source) and self.visible(rel.target)):
                continue
            dates = seen[key]
            for prop in ("first_seen", "last_seen"):
                when = _iso_date(rel.props.get(prop)) or _year(rel.props.get(prop))
                if when:
                    dates.append(when)
        for (kind, person, target), dates in seen.items():
            m = self.minted("membership", *person.split(":")[1:], kind, *target.split(":")[1:])
            org = self.post_org[target] if kind == "post" else target
            self.add((m, RDF.type, ORG.Membership))
            self.add((m, ORG.member, self.iri(person)))
            self.add((m, ORG.organization, self.iri(org)))
            if kind == "post":
                role = self.pg.nodes[target]
                self.add((m, ORG.role, self.job_title(role.name)))
            if dates:
                during = URIRef(f"{m}/during")
                self.add((m, ORG.memberDuring, during))
                self.add((during, RDF.type, TIME.Interval))
                # A bare year (from minutes whose date was only inferred) covers the whole year.
                self.add((during, TIME.hasBeginning, self.instant(min(dates, key=lambda d: d if len(d) > 4 else d + "-00"))))
                self.add((during, TIME.hasEnd, self.instant(max(dates, key=lambda d: d if len(d) > 4 else d + "-99"))))

    def collaborations(self) -> None:
        """org:hasMember: the bodies whose people attended (or which sent apologies to) a board's meetings."""
        bodies: dict[str, set[str]] = defaultdict(set)
        for rel in self.pg.rels_of(Rel.MEETING_OF):
            if rel.target in self.collaboration_ids and self.visible(rel.target) \
                    and self.label_of(rel.source) == Label.MEETING:
                bodies[rel.source].add(rel.target)
        if not bodies:
            return
        by_name: dict[str, str] = {}
        for org in self.pg.of_label(Label.ORGANISATION):
            for name in [org.name, *getattr(org, "aliases", [])]:
                by_name.setdefault(name.casefold(), org.id)
        for rel in (r for t in (Rel.ATTENDED, Rel.SENT_APOLOGIES) for r in self.pg.rels_of(t)):
            if rel.target not in bodies:
                continue
            if rel.type is Rel.ATTENDED:
                members = self.stated_organisations(rel, by_name) or self.person_orgs.get(rel.source, set())
            elif rel.type is Rel.SENT_APOLOGIES and self.label_of(rel.source) == Label.ORGANISATION:
                members = {rel.source}
            else:
                continue
            for body in bodies[rel.target]:
                for member in members:
                    if member != body:
                        self.add((self.iri(body), ORG.hasMember, self.iri(member)))

    def stated_organisations(self, rel: Relationship, by_name: dict[str, str]) -> set[str]:
        """The organisation an ATTENDED edge names for that meeting (an id or a name), if known."""
        stated = rel.props.get("organisation")
        if not isinstance(stated, str) or not stated:
            return set()
        if self.label_of(stated) == Label.ORGANISATION:
            return {stated}
        found = by_name.get(stated.casefold())
        return {found} if found else set()

    def dataset(self) -> None:
        """The dcat:Dataset that describes this export, for an open-data portal's catalogue.

        dct:issued is not the clock time of the export: it defaults to the latest meeting date in
        the graph, i.e. the data is "as of" its newest minutes. Exporting the same graph twice
        then gives identical output, and a republication after new minutes changes this literal
        (and the period's end) but no IRI. Pass issued= to state a real publication date.
        """
        ds = self.minted("dataset")
        meeting_dates = sorted(d for d in (_iso_date(m.date) for m in self.pg.of_label(Label.MEETING)) if d)
        add = self.add
        add((ds, RDF.type, DCAT.Dataset))
        add((ds, DCTERMS.title, Literal("Partnership meetings: people, posts, meetings, actions and decisions")))
        description = ("People, organisations, posts, meetings, agenda items, actions, decisions and strategies "
                       "read from published partnership minutes, with the sentence that supports each statement.")
        if self.public_only:
            description += " People named only as private individuals (no post or organisation) are left out."
        add((ds, DCTERMS.description, Literal(description)))
        add((ds, DCTERMS.license, OGL_V3))
        add((OGL_V3, RDF.type, DCTERMS.LicenseDocument))
        add((OGL_V3, DCTERMS.title, Literal("Open Government Licence v3.0")))
        add((ds, DCTERMS.publisher, self.publisher_node()))
        issued = _iso_date(self.issued) or (meeting_dates[-1] if meeting_dates else None)
        if issued:
            add((ds, DCTERMS.issued, _date(issued)))
        if meeting_dates:
            period = self.minted("dataset", "period")
            add((ds, DCTERMS.temporal, period))
            add((period, RDF.type, DCTERMS.PeriodOfTime))
            add((period, DCAT.startDate, _date(meeting_dates[0])))
            add((period, DCAT.endDate, _date(meeting_dates[-1])))
        for doc in self.pg.of_label(Label.DOCUMENT):
            add((ds, DCTERMS.source, self.iri(doc.id)))
        for fmt, (media_type, extension, title) in FORMATS.items():
            # Download URLs assume the files are published at the base as partnership.<ext>.
            dist = self.minted("dataset", fmt)
            add((ds, DCAT.distribution, dist))
            add((dist, RDF.type, DCAT.Distribution))
            add((dist, DCTERMS.title, Literal(title)))
            add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media_type}")))
            add((dist, DCAT.downloadURL, self.minted(f"partnership.{extension}")))
            add((dist, DCAT.accessURL, URIRef(self.base)))
            add((dist, DCTERMS.license, OGL_V3))

    def publisher_node(self) -> URIRef:
        """The publisher given (IRI or name); else the body that held most of the meetings."""
        if self.publisher and re.match(r"^https?://", self.publisher):
            return URIRef(self.publisher)
        if not self.publisher:
            organisers = Counter(r.target for r in self.pg.rels_of(Rel.MEETING_OF)
                                 if self.label_of(r.target) == Label.ORGANISATION)
            if organisers:
                # Most meetings first, then the smallest id, so ties resolve the same way every run.
                return self.iri(min(organisers.items(), key=lambda kv: (-kv[1], kv[0]))[0])
        node = self.minted("publisher")
        self.add((node, RDF.type, FOAF.Agent))
        self.add((node, FOAF.name, Literal(self.publisher or urlsplit(self.base).netloc)))
        return node
