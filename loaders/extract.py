"""Extraction: a Document's text and structure in, one document's PartnershipGraph out."""
from __future__ import annotations

import dataclasses
import re

from graph import ids
from graph.model import Organisation, PartnershipGraph, Person, Rel, Role
from loaders.action_logs import read_action_logs
from loaders.apologies import read_apologies, read_prose_substitutions
from loaders.attendance import read_attendance, read_chairs_acting, read_contact_lines
from loaders.context import Context
from loaders.document import Document
from loaders.items import add_items, read_header_prose, read_items
from loaders.meeting import add_meeting
from loaders.mentions import define_acronyms, note_organisation_mentions
from loaders.organisations import Gazetteer, OrgEntry, document_place, home_council, load_gazetteer
from loaders.phrasing import alternation
from loaders.people import PeopleIndex, PersonRecord, RoleFact
from loaders.recorded import read_recorded_attendance
from loaders.reflow import reflowed
from loaders.structure import parse_layout


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> PartnershipGraph:
    """Read one document of minutes into a graph: meeting, items, people, organisations, facts."""
    gazetteer = gazetteer or load_gazetteer()
    text = reflowed(doc.text)
    if text != doc.text:
        doc = dataclasses.replace(doc, text=text)
    layout = parse_layout(doc.text)
    graph = PartnershipGraph()
    home = home_council(doc.text, gazetteer)
    place = document_place(doc.text, home)
    ctx = Context(doc, layout, gazetteer, home, graph, add_meeting(doc, layout, graph, place), place=place)
    define_acronyms(ctx)
    read_recorded_attendance(ctx)       # first: the record's evidence stands where the text says the same
    read_contact_lines(ctx)
    read_attendance(ctx)
    read_apologies(ctx)
    read_prose_substitutions(ctx)
    add_items(ctx)
    read_action_logs(ctx)
    read_items(ctx)
    read_header_prose(ctx)
    read_chairs_acting(ctx)
    ctx.people.merge_lone_surnames()
    _people_nodes(ctx)
    note_organisation_mentions(ctx)
    _check_endpoints(graph, doc.name)
    if not layout.items and not ctx.people.records and not ctx.meeting.date:
        graph.warn(doc.name, None, "this does not read as minutes: no date, agenda items or people found "
                                   "(is it a README or another document?)")
    elif not layout.items:
        graph.warn(doc.name, None, "no agenda items found; the meeting has no items")
    return graph


def _check_endpoints(graph: PartnershipGraph, name: str) -> None:
    """Every fact the stages recorded must join the labels its relationship allows; one that does not is
    taken out and said, never kept wrong nor dropped silently."""
    for rel in graph.misfits():
        graph.drop(rel)
        graph.warn(name, None, f"{rel.type.value} from {_described(graph, rel.source)} to "
                               f"{_described(graph, rel.target)} does not join the kinds of node it may; "
                               f"left out (evidence: {(rel.evidence or '')[:80]!r})")


def _described(graph: PartnershipGraph, node_id: str) -> str:
    node = graph.nodes.get(node_id)
    return f"{node.label.value} {node.name!r}" if node is not None else node_id


# The posts that chair a meeting: held with no body named, they are the meeting's own body's.
_CHAIRS = re.compile(rf"(?:Independent\s+)?(?:{alternation('chair_lines')})", re.I)


def _people_nodes(ctx: Context) -> None:
    graph, name, date = ctx.graph, ctx.name, ctx.meeting.date or ctx.meeting.date_inferred
    people = ctx.people
    nodes: dict[int, Person] = {}
    for record in people.records:
        node = Person(id=ids.person_id(record.name), name=record.name, aliases=record.aliases, documents=[name])
        nodes[id(record)] = graph.add(node)

    def node_of(record: PersonRecord) -> Person:
        return nodes[id(people.final(record))]

    for record in people.records:
        person = node_of(record)
        facts = list(record.facts)
        roles = [f.role for f in facts if f.role]
        if record.councillor and record.first is None:
            facts.append(RoleFact("Councillor", None, "Cllr " + record.name, record.first_line))
        for rank in record.ranks:
            if not any(rank.lower() in r.lower() for r in roles):
                facts.append(RoleFact(rank, _police_org(facts), rank, record.first_line))
        placed_elsewhere = any(f.organisation for f in facts)
        for fact in facts:
            if fact.role and not fact.organisation and not placed_elsewhere and ctx.meeting.body \
                    and _CHAIRS.fullmatch(fact.role):
                # "The Chairman, Councillor Ann Hale, welcomed ...", "Jan Marsh, as Chair in the absence of ...":
                # the chair of the body that met.
                fact = RoleFact(fact.role, ctx.meeting.body, fact.evidence, fact.line)
            org_id = ids.organisation_id(fact.organisation) if fact.organisation else None
            if org_id and org_id not in graph.nodes:
                graph.add(Organisation(id=org_id, name=fact.organisation, documents=[name]))
            if org_id:
                graph.relate(Rel.AFFILIATED_WITH, person.id, org_id, name, fact.evidence,
                             first_seen=date, last_seen=date)
            if fact.role:
                role = graph.add(Role(id=ids.role_id(fact.role, org_id), name=fact.role, organisation=org_id,
                                      documents=[name]))
                graph.relate(Rel.HOLDS, person.id, role.id, name, fact.evidence, first_seen=date, last_seen=date)
                if org_id:
                    graph.relate(Rel.ROLE_AT, role.id, org_id, name, fact.evidence)
    apologised = {id(people.final(r)) for r in people.records if id(r) in ctx.apologised}
    for record in people.records:
        final = people.final(record)
        if id(record) in ctx.apologised:
            graph.relate(Rel.SENT_APOLOGIES, node_of(record).id, ctx.meeting.id, name,
                         ctx.apology_evidence.get(id(record)))
    by_key: dict[int, PersonRecord] = {}        # id() -> record, live or merged away
    for r in _all_records(people):
        by_key.setdefault(id(r), r)
    for key, evidence in ctx.attended.items():
        record = by_key.get(key)
        if record is None:
            continue
        final = people.final(record)
        if id(final) in apologised and not any(id(people.final(s)) == id(final) for s, _, _ in ctx.substitutions):
            continue
        graph.relate(Rel.ATTENDED, node_of(final).id, ctx.meeting.id, name, evidence,
                     **ctx.attended_props.get(key, {}))
    for record, item, evidence in ctx.presented:
        final = people.final(record)
        if id(final) in apologised and not any(id(people.final(s)) == id(final) for s, _, _ in ctx.substitutions):
            continue      # "the report of Ann Lee" when Ann Lee sent apologies: she wrote it, someone else presented
        graph.relate(Rel.PRESENTED, node_of(record).id, item.id, name, evidence)
    for record, item, evidence in ctx.contributed:
        graph.relate(Rel.CONTRIBUTED, node_of(record).id, item.id, name, evidence)
    for sub, absent, evidence in ctx.substitutions:
        graph.relate(Rel.SUBSTITUTED_FOR, node_of(sub).id, node_of(absent).id, name, evidence,
                     meeting=ctx.meeting.id)
    for org_name, evidence in ctx.org_apologies.items():
        graph.relate(Rel.SENT_APOLOGIES, ids.organisation_id(org_name), ctx.meeting.id, name, evidence)
    for action, owners, evidence in ctx.actions:
        for owner in owners:
            if owner == "ALL":
                target = _everyone(ctx)
            elif isinstance(owner, OrgEntry):
                target = ids.organisation_id(owner.name)
            else:
                target = node_of(owner).id
            graph.relate(Rel.ASSIGNED_TO, action.id, target, name, evidence)
    for key, mentions in ctx.mentioned.items():
        record = by_key.get(key)
        if record is None:
            continue
        for item, evidence in mentions:
            if item is not None and id(item) in ctx.item_nodes:
                graph.relate(Rel.MENTIONS, ctx.item_nodes[id(item)].id, node_of(record).id, name, evidence)


def _all_records(people: PeopleIndex) -> list[PersonRecord]:
    """Records still live plus those merged away (their ids are still keys of facts)."""
    return people.records + people.merged


def _police_org(facts: list[RoleFact]) -> str | None:
    return next((f.organisation for f in facts if f.organisation), None)


def _everyone(ctx: Context) -> str:
    """An action for all: assigned to the body itself, which stands for its members."""
    body = ctx.meeting.body or "All members"
    org_id = ids.organisation_id(body)
    if org_id not in ctx.graph.nodes:
        ctx.graph.add(Organisation(id=org_id, name=body, documents=[ctx.name], kind="board"))
    return org_id
