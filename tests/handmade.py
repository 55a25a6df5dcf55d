"""A small hand-made partnership graph, one PartnershipGraph per document, for store and recipe assertions.

The people, posts and quotations come from the sample minutes in examples/minutes (Barnet's
Safer Communities Partnership Board); a few facts are invented so that every recipe has
something to find (marked INVENTED). Meetings 002 and 004 have only an inferred year,
as the real minutes do not print their own date.
"""
from __future__ import annotations

import hashlib

from graph.ids import (child_id, document_id, meeting_id, organisation_id, person_id, role_id,
                       strategy_id)
from graph.model import (Action, AgendaItem, Decision, Document, Label, Meeting, Organisation,
                         PartnershipGraph, Person, Rel, Role, Strategy)

BOARD = "Safer Communities Partnership Board"
BARNET = "London Borough of Barnet"
MET = "Metropolitan Police"
MOPAC = "Mayor's Office for Policing and Crime"
LFB = "London Fire Brigade"
ALIASES = {BARNET: ["LBB", "LB Barnet", "Barnet Council"], MET: ["Met Police", "MPS"],
           MOPAC: ["MOPAC"], LFB: ["The London Fire Brigade"]}


class DocBuilder:
    """Builds one document's graph the way the extractor is meant to."""

    def __init__(self, name: str, date: str | None, year: str | None = None) -> None:
        self.name = name
        self.date = date
        self.graph = g = PartnershipGraph()
        self.meeting = meeting_id(name)
        g.add(Document(id=document_id(name), name=name, documents=[name],
                       sha256=hashlib.sha256(name.encode()).hexdigest()))
        g.add(Meeting(id=self.meeting, name=f"{BOARD} {date or year}", body=BOARD, date=date,
                      date_inferred=None if date else year, document=name, documents=[name]))
        g.relate(Rel.RECORDED_IN, self.meeting, document_id(name), name, name)
        g.relate(Rel.MEETING_OF, self.meeting, self.org(BARNET), name, BOARD)
        self.items = 0
        self.actions = 0

    def org(self, name: str) -> str:
        oid = organisation_id(name)
        self.graph.add(Organisation(id=oid, name=name, aliases=list(ALIASES.get(name, [])), documents=[self.name]))
        return oid

    def person(self, name: str, org: str | None = None, role: str | None = None, aliases: tuple[str, ...] = (),
               attended: bool = True, evidence: str = "") -> str:
        g, pid = self.graph, person_id(name)
        g.add(Person(id=pid, name=name, aliases=list(aliases), documents=[self.name]))
        oid = self.org(org) if org else None
        seen = {"first_seen": self.date, "last_seen": self.date}
        if oid:
            g.relate(Rel.AFFILIATED_WITH, pid, oid, self.name, evidence, **seen)
        if role:
            rid = role_id(role, oid)
            g.add(Role(id=rid, name=role, organisation=oid, documents=[self.name]))
            g.relate(Rel.HOLDS, pid, rid, self.name, evidence, **seen)
            if oid:
                g.relate(Rel.ROLE_AT, rid, oid, self.name, evidence)
        if attended:
            g.relate(Rel.ATTENDED, pid, self.meeting, self.name, evidence, role=role, organisation=org)
        return pid

    def item(self, title: str, presenters: tuple[str, ...] = ()) -> str:
        self.items += 1
        iid = child_id(Label.AGENDA_ITEM, self.meeting, self.items)
        self.graph.add(AgendaItem(id=iid, name=title, meeting=self.meeting, number=str(self.items), title=title,
                                  order=self.items, documents=[self.name]))
        self.graph.relate(Rel.HAS_ITEM, self.meeting, iid, self.name, title, order=self.items)
        for pid in presenters:
            self.graph.relate(Rel.PRESENTED, pid, iid, self.name, title)
        return iid

    def action(self, text: str, item: str, *owners: str) -> str:
        self.actions += 1
        aid = child_id(Label.ACTION, self.meeting, self.actions)
        self.graph.add(Action(id=aid, name=text[:60], meeting=self.meeting, text=text, documents=[self.name]))
        self.graph.relate(Rel.ARISES_FROM, aid, item, self.name, text)
        for owner in owners:
            self.graph.relate(Rel.ASSIGNED_TO, aid, owner, self.name, text)
        return aid

    def strategy(self, name: str, kind: str = "strategy") -> str:
        sid = strategy_id(name)
        self.graph.add(Strategy(id=sid, name=name, kind=kind, documents=[self.name]))
        return sid


def handmade_documents() -> dict[str, PartnershipGraph]:
    """Four documents: 2017, 2018 (years inferred), 2021-07-23 and 2023 (year inferred)."""
    docs = {}

    d = DocBuilder("002_1b73c097ab10a907.txt", None, "2017")
    clifton = d.person("Peter Clifton", BARNET, "Community Safety Manager",
                       evidence="Peter Clifton (Community Safety Manager, LB Barnet) provided an update on CCTV and ANPR.")
    kiran = d.person("Kiran Vargwarl", BARNET, "Strategic Lead for Community Safety",
                     evidence="Kiran Vargwarl (Strategic Lead for Community Safety)")
    rose = d.person("Simon Rose", MET, evidence="Simon Rose (Metropolitan Police) advised the Board")
    # INVENTED: Mr Norfolk (named in 001) placed here with the CRC, an organisation that then stops attending.
    d.person("Norfolk", "Community Rehabilitation Company", aliases=("Mr Norfolk",),
             evidence="Update from the Community Rehabilitation Company")
    vawg = d.strategy("Domestic Violence and Violence Against Women and Girls Strategy 2017-2020")
    d.graph.nodes[vawg].aliases.append("VAWG Strategy")  # type: ignore[attr-defined]
    item = d.item("Domestic Violence and VAWG Strategy", (kiran, clifton))
    d.graph.relate(Rel.CONCERNS, item, vawg, d.name, "presented the draft Domestic Violence and VAWG Strategy",
                   verb="discussed")
    dec = decision_id = child_id(Label.DECISION, d.meeting, 1)
    d.graph.add(Decision(id=decision_id, name="approved the strategy", meeting=d.meeting, verb="approved",
                         text="The Board approved the Domestic Violence and VAWG Strategy 2017-2020.",  # INVENTED
                         documents=[d.name]))
    d.graph.relate(Rel.ARISES_FROM, dec, item, d.name, "approved")
    d.graph.relate(Rel.CONCERNS, dec, vawg, d.name, "approved", verb="approved")
    cctv = d.item("CCTV and ANPR", (clifton,))
    d.action("Circulate the CRC structure to Board Members", cctv, clifton)     # INVENTED owner
    d.graph.relate(Rel.MENTIONS, cctv, rose, d.name, "Simon Rose (Metropolitan Police) advised the Board")
    docs[d.name] = d.graph

    d = DocBuilder("004_a04581c6fe3dc2c9.txt", None, "2018")
    clifton = d.person("Peter Clifton", BARNET, "Community Safety Manager", aliases=("Mr Clifton",),
                       evidence="Mr Clifton reported that the Community Safety MARAC had been working with around 30 ASB cases")
    rose = d.person("Simon Rose", MET, evidence="INVENTED: Simon Rose attended")
    assessment = d.strategy("Community Safety Strategic Assessment 2018/19", "assessment")
    item = d.item("Update on the findings of the 2018/19 Community Safety Strategic Assessment", (clifton,))
    d.graph.relate(Rel.CONCERNS, item, assessment, d.name, "findings of the 2018/19 Strategic Assessment", verb="noted")
    d.graph.relate(Rel.MENTIONS, item, vawg, d.name, "INVENTED: the VAWG Strategy was mentioned")
    d.graph.add(Strategy(id=vawg, name="Domestic Violence and Violence Against Women and Girls Strategy 2017-2020",
                         documents=[d.name]))
    docs[d.name] = d.graph

    d = DocBuilder("001_e11e6126daf074eb.txt", "2021-07-23")
    leng = d.person("Matt Leng", BARNET, "Community Safety Manager", aliases=("Mr Leng",),
                    evidence="Matt Leng – Community Safety Manager, LBB")
    tina = d.person("Tina McElligott", BARNET, "Director for Early Help & Childrens Social Care",
                    aliases=("Ms McElligot",), evidence="Ms McElligot noted that moving to virtual training")
    d.person("Bateman", aliases=("Ms Bateman",), evidence="Ms Bateman asked whether there is a representative")
    ishtiaq = d.person("Inspector Ishtiaq", MET, evidence="INVENTED: Inspector Ishtiaq for Simon Rose")
    d.graph.add(Person(id=rose, name="Simon Rose", documents=[d.name]))
    d.graph.relate(Rel.SUBSTITUTED_FOR, ishtiaq, rose, d.name, "INVENTED: substitute", meeting=d.meeting)
    d.graph.relate(Rel.AFFILIATED_WITH, rose, organisation_id(MET), d.name, "INVENTED",
                   first_seen=d.date, last_seen=d.date)
    marac = d.item("MARAC and Adult Social Care", (leng,))
    d.action("Forward the contact details of the MARAC representatives to Ms Bateman", marac, leng)
    payback = d.item("Community payback", ())
    d.action("Share community payback information with Ward Members", payback, leng, organisation_id(BARNET))
    docs[d.name] = d.graph

    d = DocBuilder("000_e798c7233f404b8a.txt", None, "2023")
    d.person("Maggie Higton-Brown", BARNET, "Head of Community Safety & CCTV",
             evidence="Maggie Higton-Brown, Head of Community Safety & CCTV")
    d.person("Tania Martin", MET, "Superintendent", aliases=("Superintendent Tania Martin",),
             evidence="Superintendent Tania Martin gave an overview on performance")
    # INVENTED: Tina McElligott now with MOPAC, so someone has changed organisation.
    tina = d.person("Tina McElligott", MOPAC, "Director for Early Help & Childrens Social Care",
                    evidence="Tina McElligott, Director for Early Help & Childrens Social Care presented the report")
    for who, org in (("Matt Leng", BARNET), ("Alice Bird", MOPAC)):
        pid = d.person(who, org, attended=False, evidence=f"Apologies received from ... {who}")
        d.graph.relate(Rel.SENT_APOLOGIES, pid, d.meeting, d.name, f"Apologies received from ... {who}")
    d.graph.relate(Rel.SENT_APOLOGIES, d.org(LFB), d.meeting, d.name, "Apologies received from The London Fire Brigade")
    docs[d.name] = d.graph
    return docs


def handmade_graph() -> PartnershipGraph:
    merged = PartnershipGraph()
    for graph in handmade_documents().values():
        merged.merge(graph)
    return merged
