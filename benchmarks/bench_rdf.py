"""Benchmark of the RDF export stage on a synthetic council archive (run by hand; prints figures)."""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import ids  # noqa: E402
from graph.model import (Action, AgendaItem, Decision, Document, Label, Meeting, Organisation,  # noqa: E402
                         PartnershipGraph, Person, Rel, Role, Strategy)
from graph.rdf import FORMATS, dump, to_rdf  # noqa: E402

FIRST_NAMES = ["Alice", "Amlan", "Ann", "Clair", "Declan", "Fiona", "Jamie", "Judi", "Julie", "Laura", "Matt",
               "Muneeb", "Peter", "Ray", "Reshma", "Simon", "Tamara", "Tania", "Tina", "Tracy"]
SURNAMES = ["Bateman", "Bird", "Booth", "Clifton", "Curtin", "Djuretic", "Dumont", "Ghoshal", "Green", "Hirani",
            "Keddy", "Khan", "Leng", "Lynch", "Martin", "McElligott", "Pal", "Scollin", "Tan", "Zitver"]
TITLES = ["Community Safety Manager", "Director of Public Health", "Borough Commander", "Chief Executive",
          "Policy Officer", "Head of Community Safety", "Assistant Director", "Service Manager",
          "Independent Chair", "Coordinator"]


def synthetic_archive(meetings: int, seed: int = 7) -> PartnershipGraph:
    """A council's archive: bodies meeting over 25 years, people holding posts, items, actions, decisions."""
    rnd = random.Random(seed)
    g = PartnershipGraph()
    orgs = [g.add(Organisation(id=ids.organisation_id(f"Agency {i}"), name=f"Agency {i}", kind="council"))
            for i in range(60)]
    bodies = [g.add(Organisation(id=ids.organisation_id(f"Committee {i} Partnership Board"),
                                 name=f"Committee {i} Partnership Board", kind="board")) for i in range(40)]
    people = []
    for i in range(3000):
        first, last = rnd.choice(FIRST_NAMES), rnd.choice(SURNAMES)
        name = f"{first} {last} {i}"
        people.append(g.add(Person(id=ids.person_id(name), name=name, aliases=[f"Ms {last} {i}"])))
    posts = []
    for i in range(400):
        org = orgs[i % len(orgs)]
        title = f"{TITLES[i % len(TITLES)]} {i // len(TITLES)}"
        posts.append(g.add(Role(id=ids.role_id(title, org.id), name=title, organisation=org.id)))
    holder = {p.id: posts[i % len(posts)] for i, p in enumerate(people)}
    strategies = [g.add(Strategy(id=ids.strategy_id(f"Strategy {i}"), name=f"Strategy {i}")) for i in range(200)]
    start = date(2000, 1, 1)
    for n in range(meetings):
        doc = f"minutes-{n:05d}.txt"
        when = (start + timedelta(days=rnd.randrange(25 * 365))).isoformat()
        body = rnd.choice(bodies)
        m = g.add(Meeting(id=ids.meeting_id(doc), name=f"{body.name}, {when}", body=body.name, date=when,
                          document=doc, venue="Town Hall", documents=[doc]))
        d = g.add(Document(id=ids.document_id(doc), name=doc, sha256=f"{n:064x}", documents=[doc]))
        g.relate(Rel.RECORDED_IN, m.id, d.id, doc, f"Minutes of a meeting held on {when}")
        g.relate(Rel.MEETING_OF, m.id, body.id, doc, f"{body.name} minutes")
        present = rnd.sample(people, 8)
        for person in present[:6]:
            post = holder[person.id]
            line = f"{person.name} – {post.name}, {g.nodes[post.organisation].name}"
            g.relate(Rel.ATTENDED, person.id, m.id, doc, line)
            g.relate(Rel.HOLDS, person.id, post.id, doc, line, first_seen=when, last_seen=when)
            g.relate(Rel.AFFILIATED_WITH, person.id, post.organisation, doc, line, first_seen=when, last_seen=when)
        for person in present[6:]:
            g.relate(Rel.SENT_APOLOGIES, person.id, m.id, doc, f"Apologies were received from {person.name}.")
        for k in range(1, 5):
            item = g.add(AgendaItem(id=ids.child_id(Label.AGENDA_ITEM, m.id, k), name=f"{k}. Item", meeting=m.id,
                                    number=str(k), title=f"Item {k}", order=k, documents=[doc]))
            g.relate(Rel.HAS_ITEM, m.id, item.id, doc, f"{k}. Item {k}", order=k)
            g.relate(Rel.PRESENTED, present[k].id, item.id, doc, f"{present[k].name} presented the report.")
            g.relate(Rel.CONTRIBUTED, present[k + 1].id, item.id, doc, f"{present[k + 1].name} asked a question.")
        action = g.add(Action(id=ids.child_id(Label.ACTION, m.id, 1), name="Follow up", meeting=m.id,
                              text="Circulate the figures to Board members.", documents=[doc]))
        g.relate(Rel.ASSIGNED_TO, action.id, present[0].id, doc, f"Action: {present[0].name}")
        g.relate(Rel.ARISES_FROM, action.id, ids.child_id(Label.AGENDA_ITEM, m.id, 2), doc, "Action recorded")
        decision = g.add(Decision(id=ids.child_id(Label.DECISION, m.id, 1), name="Strategy approved", meeting=m.id,
                                  text="The Board approved the strategy.", verb="approved", documents=[doc]))
        strategy = rnd.choice(strategies)
        g.relate(Rel.ARISES_FROM, decision.id, ids.child_id(Label.AGENDA_ITEM, m.id, 3), doc, "RESOLVED")
        g.relate(Rel.CONCERNS, decision.id, strategy.id, doc, f"The Board approved the {strategy.name}.",
                 verb="approved")
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS), choices=list(FORMATS))
    args = parser.parse_args()

    t0 = time.perf_counter()
    pg = synthetic_archive(args.meetings)
    t1 = time.perf_counter()
    print(f"synthetic graph: {args.meetings:,} meetings, {len(pg.nodes):,} nodes, "
          f"{len(pg.relationships):,} relationships in {t1 - t0:.1f} s")

    t0 = time.perf_counter()
    # The store serialize() (and so `pgraph export`) uses.
    rdf = to_rdf(pg, "https://data.example.gov.uk/partnership/", store="SimpleMemory")
    built = time.perf_counter() - t0
    triples = len(rdf)
    print(f"{'build (to_rdf)':<18} {triples:>12,} triples {built:>8.1f} s {triples / built:>12,.0f} triples/s")
    for fmt in args.formats:
        t0 = time.perf_counter()
        text = dump(rdf, fmt)
        took = time.perf_counter() - t0
        print(f"{fmt:<18} {len(text.encode()) / 1e6:>9,.0f} MB   {took:>8.1f} s {triples / took:>12,.0f} triples/s")
        del text
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
