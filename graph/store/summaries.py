"""Summaries derived from the stored facts, for recipes that would otherwise aggregate the whole archive.

Four relationship types, all named `DERIVED_...` and never part of the model (the exports,
`read_graph` and `counts` leave them out):

- `(o:Organisation)-[:DERIVED_REPRESENTED_AT {people, year, body}]->(m:Meeting)`: someone who
  attended `m` is named with `o` in the same minutes (`people` are their ids). Depends only on
  the facts around one meeting, so it is rebuilt meeting by meeting.
- `(a:Person)-[:DERIVED_CO_ATTENDED {meetings, first_year, last_year}]->(b:Person)`, a.id < b.id:
  meetings both attended (`person-links`).
- `(a:Organisation)-[:DERIVED_CO_REPRESENTED {meetings, first_year, last_year, years, counts}]->(b)`,
  a.id < b.id: meetings both were represented at, in total and per year (`organisation-links`).
- `(o:Organisation)-[:DERIVED_ORGANISATION_YEAR {year, body, meetings, people}]->(o)`: per year and
  body that met, the meetings `o` was represented at and the ids of its people there
  (`organisations-by-year`, `organisations-stopped`).
- `(p:Person)-[:DERIVED_CHANGED_POST {first_seen, last_seen}]->(r:Role)` and
  `(p:Person)-[:DERIVED_CHANGED_ORGANISATION {first_seen, last_seen}]->(o:Organisation)`: each post
  (organisation) of a person first seen in posts (organisations) at two or more different dates, when
  first and last (`changed-post`, `changed-organisation`). A post's organisation is not kept: the
  recipe follows ROLE_AT, so a post placed by a later document needs no refresh of its holders.
- `(p:Person)-[:DERIVED_FIRST_YEAR {year}]->(p)`: the year of the first meeting `p` attended or sent
  apologies to (`new-faces`).

What is stale is kept on one `(:DerivedState)` node, written in the same transaction as the
facts (`MARK_STALE_BEFORE_REMOVAL`, `MARK_STALE`): the documents written, and the people and
organisations the replaced versions involved (their facts are gone once removed). A person is
involved in a document when it states their attendance, apologies, posts or organisations, or is the
minutes of a meeting they attended or sent apologies to (its date may change). `refresh`
recomputes what involves them and only then clears the marks, so a crash in between leaves
them marked and the next refresh redoes the work. No state node (a new store, or one written
before summaries existed) or another VERSION means: rebuild everything.
"""
from __future__ import annotations

from typing import Any, Callable

VERSION = 3          # 2: years are integers; a post held in the same minutes represents its organisation
                     # 3: people's changes of post and organisation, and their first year
PREFIX = "DERIVED_"       # every derived relationship type starts so; nothing in the model does
STATE = "DerivedState"
REPRESENTED_AT = f"{PREFIX}REPRESENTED_AT"
CO_ATTENDED = f"{PREFIX}CO_ATTENDED"
CO_REPRESENTED = f"{PREFIX}CO_REPRESENTED"
ORGANISATION_YEAR = f"{PREFIX}ORGANISATION_YEAR"
CHANGED_POST = f"{PREFIX}CHANGED_POST"
CHANGED_ORGANISATION = f"{PREFIX}CHANGED_ORGANISATION"
FIRST_YEAR = f"{PREFIX}FIRST_YEAR"
DERIVED_TYPES = (REPRESENTED_AT, CO_ATTENDED, CO_REPRESENTED, ORGANISATION_YEAR, CHANGED_POST,
                 CHANGED_ORGANISATION, FIRST_YEAR)
# Kept per person: recomputed for the people a write involves.
PERSONAL_TYPES = (CHANGED_POST, CHANGED_ORGANISATION, FIRST_YEAR)
# The pair counts recipes rank by (person-links finds its strongest pairs through this index).
REL_INDEXED = [(CO_ATTENDED, "meetings")]

# Ids per statement while refreshing: bounded queries, however many are stale.
BATCH = 2000
# Beyond this many stale people, recompute every pair once from its lower id instead.
WHOLE_ABOVE = 4000

# A meeting's year, the one definition every recipe, page, picture and export shares: the year of its
# date, else the year its minutes imply (`date_inferred`), as an integer; null when neither is known.
_YEAR = "toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4))"

# -- marking what is stale, inside a document's write (graph/store/statements.py write_plan)

# Before a replaced document's facts go: who attended its meetings and which organisations were
# represented there, as the old version had it. Only a SET on the state node, so the removal
# query still deletes and never creates (see EmbeddedStore._execute).
MARK_STALE_BEFORE_REMOVAL = (
    f"MATCH (s:{STATE}) "
    "OPTIONAL MATCH (p)-[a:ATTENDED]->() WHERE a.document IN $documents "
    "WITH s, collect(DISTINCT p.id) AS people "
    # One type per match: each is served by the index on its relationships' `document`.
    + "".join(f"OPTIONAL MATCH (p)-[a:{kind}]->() WHERE a.document IN $documents "
              "WITH s, people, collect(DISTINCT p.id) AS more WITH s, people + more AS people "
              for kind in ("SENT_APOLOGIES", "HOLDS", "AFFILIATED_WITH")) +
    "OPTIONAL MATCH (m:Meeting)<-[:ATTENDED|SENT_APOLOGIES]-(p) WHERE m.document IN $documents "
    "WITH s, people, collect(DISTINCT p.id) AS more WITH s, people + more AS people "
    f"OPTIONAL MATCH (m:Meeting)<-[:{REPRESENTED_AT}]-(o) WHERE m.document IN $documents "
    "WITH s, people, collect(DISTINCT o.id) AS organisations "
    "SET s.documents = s.documents + $documents, s.people = s.people + people, "
    "s.organisations = s.organisations + organisations"
)
MARK_STALE = f"MATCH (s:{STATE}) SET s.documents = s.documents + $documents"

READ_STATE = (f"MATCH (s:{STATE}) RETURN s.version AS version, s.documents AS documents, "
              "s.people AS people, s.organisations AS organisations")
CLEAR_STATE = f"MATCH (s:{STATE}) SET s.documents = [], s.people = [], s.organisations = []"
DROP_STATE = f"MATCH (s:{STATE}) DELETE s"
CREATE_STATE = f"CREATE (:{STATE} {{version: $version, documents: [], people: [], organisations: []}})"
# Deleted a slice at a time: one query deleting 400,000 relationships holds them all in memory.
DELETE_ALL = {kind: f"MATCH ()-[r:{kind}]->() WITH r LIMIT 50000 DELETE r RETURN count(r) AS n"
              for kind in DERIVED_TYPES}

ALL_MEETINGS = "MATCH (m:Meeting) RETURN m.id AS id"
ALL_PEOPLE = "MATCH (p:Person) RETURN p.id AS id"
ALL_ORGANISATIONS = "MATCH (o:Organisation) RETURN o.id AS id"
# The meetings whose representation the documents' facts decide: their own, and any their
# attendance is recorded for.
MEETINGS_OF = (
    "CALL { MATCH (m:Meeting) WHERE m.document IN $documents RETURN m.id AS id "
    "UNION MATCH ()-[a:ATTENDED]->(m) WHERE a.document IN $documents RETURN m.id AS id } "
    "RETURN id"
)
# Unlabelled ends: with a label FalkorDB scans it instead of using the index on `document`.
PEOPLE_OF = (
    "CALL { "
    + " UNION ".join(f"MATCH (p)-[a:{kind}]->() WHERE a.document IN $documents RETURN p.id AS id"
                     for kind in ("ATTENDED", "SENT_APOLOGIES", "HOLDS", "AFFILIATED_WITH")) +
    " } RETURN DISTINCT id"
)
# Who attended or sent apologies to these meetings, whatever document says so (a meeting's new date
# moves their first year).
PEOPLE_AT = ("UNWIND $ids AS id MATCH (:Meeting {id: id})<-[:ATTENDED|SENT_APOLOGIES]-(p:Person) "
             "RETURN DISTINCT p.id AS id")

DELETE_REPRESENTED = (
    f"UNWIND $ids AS id MATCH (:Meeting {{id: id}})<-[r:{REPRESENTED_AT}]-(o) "
    "WITH o, r DELETE r RETURN DISTINCT o.id AS id"
)
# Represented at a meeting: someone who attended it is named with the organisation in the same minutes,
# as affiliated with it or through a post held there (HOLDS -> Role -> ROLE_AT). The heat map
# (viz/heatmap.py) and graph.model.represented() apply the same rule to a PartnershipGraph.
# toString(): compared as is, FalkorDB answers the join with one lookup in the index on
# `document` per attendance, several times slower than following the person's relationships.
CREATE_REPRESENTED = (
    "UNWIND $ids AS id "
    "MATCH (m:Meeting {id: id})<-[at:ATTENDED]-(p:Person) "
    "CALL { WITH p, at "
    "MATCH (p)-[af:AFFILIATED_WITH]->(o:Organisation) WHERE toString(af.document) = at.document RETURN o "
    "UNION WITH p, at "
    "MATCH (p)-[h:HOLDS]->(:Role)-[:ROLE_AT]->(o:Organisation) WHERE toString(h.document) = at.document RETURN o } "
    "WITH o, m, collect(DISTINCT p.id) AS people "
    f"CREATE (o)-[:{REPRESENTED_AT} {{people: people, year: {_YEAR}, body: m.body}}]->(m) "
    "RETURN DISTINCT o.id AS id"
)

DELETE_CO_ATTENDED = (f"UNWIND $ids AS id MATCH (:Person {{id: id}})-[c:{CO_ATTENDED}]-() "
                      "WITH DISTINCT c DELETE c")
# Pairs are keyed lower id first, so a pair reached from both of its people is counted once
# (count DISTINCT); `whole` (every person, a batch at a time) takes each pair from its lower id.
CREATE_CO_ATTENDED = (
    "UNWIND $ids AS id "
    "MATCH (a:Person {id: id})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person) "
    "WHERE a.id <> b.id AND (NOT $whole OR a.id < b.id) "
    "WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, m "
    f"WITH x, y, count(DISTINCT m) AS meetings, min({_YEAR}) AS first_year, max({_YEAR}) AS last_year "
    f"CREATE (x)-[:{CO_ATTENDED} {{meetings: meetings, first_year: first_year, last_year: last_year}}]->(y)"
)

DELETE_CO_REPRESENTED = (f"UNWIND $ids AS id MATCH (:Organisation {{id: id}})-[c:{CO_REPRESENTED}]-() "
                         "WITH DISTINCT c DELETE c")
CREATE_CO_REPRESENTED = (
    "UNWIND $ids AS id "
    f"MATCH (a:Organisation {{id: id}})-[:{REPRESENTED_AT}]->(m:Meeting)<-[r:{REPRESENTED_AT}]-(b:Organisation) "
    "WHERE a.id <> b.id AND (NOT $whole OR a.id < b.id) "
    "WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, "
    "m, r.year AS year "
    "WITH x, y, year, count(DISTINCT m) AS n "
    # Undated meetings count in the total, not in any year (collect skips the nulls).
    "WITH x, y, toInteger(sum(n)) AS meetings, min(year) AS first_year, max(year) AS last_year, "
    "collect(CASE WHEN year IS NOT NULL THEN year END) AS years, "
    "collect(CASE WHEN year IS NOT NULL THEN n END) AS counts "
    f"CREATE (x)-[:{CO_REPRESENTED} {{meetings: meetings, first_year: first_year, last_year: last_year, "
    "years: years, counts: counts}]->(y)"
)

DELETE_ORGANISATION_YEAR = (f"UNWIND $ids AS id MATCH (o:Organisation {{id: id}})-[y:{ORGANISATION_YEAR}]->() "
                            "DELETE y")
CREATE_ORGANISATION_YEAR = (
    "UNWIND $ids AS id "
    f"MATCH (o:Organisation {{id: id}})-[r:{REPRESENTED_AT}]->(m:Meeting) "
    "WHERE r.year IS NOT NULL "
    "UNWIND r.people AS person "
    "WITH o, r.year AS year, r.body AS body, count(DISTINCT m) AS meetings, collect(DISTINCT person) AS people "
    f"CREATE (o)-[:{ORGANISATION_YEAR} {{year: year, body: body, meetings: meetings, people: people}}]->(o)"
)

# -- per person: changes of post and organisation, first year

DELETE_PERSONAL = {kind: f"UNWIND $ids AS id MATCH (:Person {{id: id}})-[c:{kind}]->() DELETE c"
                   for kind in PERSONAL_TYPES}
# A statement's own dates, else its meeting's (looked up only for a statement that does not carry them).
# Kept only for people whose posts (organisations) were first seen at two or more different dates: what
# `changed-post` (`changed-organisation`) lists. The people are found in a first pass, their spells in a
# second.
_SPELLS = (
    "UNWIND $ids AS id "
    "MATCH (p:Person {{id: id}})-[h:{rel}]->(x:{label}) "
    "OPTIONAL MATCH (hm:Meeting {{document: h.document}}) WHERE h.first_seen IS NULL "
    "WITH p, x, min(coalesce(h.first_seen, hm.date, hm.date_inferred)) AS first_seen "
    "WITH p, count(DISTINCT first_seen) AS firsts "
    "WHERE firsts > 1 "
    "MATCH (p)-[h:{rel}]->(x:{label}) "
    "OPTIONAL MATCH (hm:Meeting {{document: h.document}}) WHERE h.first_seen IS NULL OR h.last_seen IS NULL "
    "WITH p, x, min(coalesce(h.first_seen, hm.date, hm.date_inferred)) AS first_seen, "
    "max(coalesce(h.last_seen, hm.date, hm.date_inferred)) AS last_seen "
    "CREATE (p)-[:{kind} {{first_seen: first_seen, last_seen: last_seen}}]->(x)"
)
CREATE_PERSONAL = {
    CHANGED_POST: _SPELLS.format(rel="HOLDS", label="Role", kind=CHANGED_POST),
    CHANGED_ORGANISATION: _SPELLS.format(rel="AFFILIATED_WITH", label="Organisation", kind=CHANGED_ORGANISATION),
    FIRST_YEAR: (
        "UNWIND $ids AS id "
        "MATCH (p:Person {id: id})-[:ATTENDED|SENT_APOLOGIES]->(m:Meeting) "
        f"WITH p, min({_YEAR}) AS year WHERE year IS NOT NULL "
        f"CREATE (p)-[:{FIRST_YEAR} {{year: year}}]->(p)"
    ),
}

Run = Callable[..., list[dict[str, Any]]]


def _ids(rows: list[dict[str, Any]]) -> set[str]:
    return {row["id"] for row in rows if row.get("id") is not None}


def _batches(ids: set[str]) -> list[list[str]]:
    ordered = sorted(ids)
    return [ordered[i:i + BATCH] for i in range(0, len(ordered), BATCH)]


def refresh(run: Run) -> bool:
    """Bring every summary up to date with the facts; False when nothing was stale."""
    rows = run(READ_STATE)
    if not rows or rows[0]["version"] != VERSION:
        rebuild(run)
        return True
    state = rows[0]
    documents = sorted(set(state["documents"] or []))
    people, organisations = set(state["people"] or []), set(state["organisations"] or [])
    if not (documents or people or organisations):
        return False
    meetings = _ids(run(MEETINGS_OF, {"documents": documents})) if documents else set()
    organisations |= _represent(run, meetings)
    people |= _ids(run(PEOPLE_OF, {"documents": documents})) if documents else set()
    for batch in _batches(meetings):
        people |= _ids(run(PEOPLE_AT, {"ids": batch}))
    whole = len(people) > WHOLE_ABOVE
    if whole:       # everyone's, then: recomputing only the stale people's would lose the others'
        people = _ids(run(ALL_PEOPLE))
    _pairs_of_people(run, people, whole=whole)
    _personal(run, people, whole=whole)
    _organisations(run, organisations, whole=False)
    run(CLEAR_STATE)
    return True


def rebuild(run: Run) -> None:
    """Every summary from scratch. The state node goes first and comes back last, so a rebuild
    cut short is started again by the next refresh."""
    run(DROP_STATE)
    for kind in DERIVED_TYPES:
        _delete_all(run, kind)
    _represent(run, _ids(run(ALL_MEETINGS)))
    everyone = _ids(run(ALL_PEOPLE))
    _pairs_of_people(run, everyone, whole=True)
    _personal(run, everyone, whole=True)
    _organisations(run, _ids(run(ALL_ORGANISATIONS)), whole=True)
    run(CREATE_STATE, {"version": VERSION})


def _delete_all(run: Run, kind: str) -> None:
    while run(DELETE_ALL[kind])[0]["n"]:
        pass


def _represent(run: Run, meetings: set[str]) -> set[str]:
    """Rebuild the representation of these meetings; the organisations it involved before or after."""
    touched: set[str] = set()
    for batch in _batches(meetings):
        touched |= _ids(run(DELETE_REPRESENTED, {"ids": batch}))
        touched |= _ids(run(CREATE_REPRESENTED, {"ids": batch}))
    return touched


def _pairs_of_people(run: Run, people: set[str], whole: bool) -> None:
    """Recount the pairs these people are in; `whole` when they are everyone (or nearly)."""
    if whole:
        _delete_all(run, CO_ATTENDED)
        for batch in _batches(people):
            run(CREATE_CO_ATTENDED, {"ids": batch, "whole": True})
        return
    # Deleted and recreated in separate queries: FalkorDB 4.16 can corrupt the graph when it
    # undoes a failed query that both deleted and created.
    for batch in _batches(people):
        run(DELETE_CO_ATTENDED, {"ids": batch})
    # One query for all of them: a pair of two stale people must be counted once.
    run(CREATE_CO_ATTENDED, {"ids": sorted(people), "whole": False})


def _personal(run: Run, people: set[str], whole: bool) -> None:
    """Recompute these people's changes of post and organisation and their first year."""
    for kind in PERSONAL_TYPES:
        if whole:
            _delete_all(run, kind)
        else:
            for batch in _batches(people):
                run(DELETE_PERSONAL[kind], {"ids": batch})
    for kind in PERSONAL_TYPES:
        for batch in _batches(people):
            run(CREATE_PERSONAL[kind], {"ids": batch})


def _organisations(run: Run, organisations: set[str], whole: bool) -> None:
    """Recount these organisations' years and pairs (from DERIVED_REPRESENTED_AT)."""
    if whole:
        _delete_all(run, CO_REPRESENTED)
        _delete_all(run, ORGANISATION_YEAR)
    else:
        for batch in _batches(organisations):
            run(DELETE_CO_REPRESENTED, {"ids": batch})
            run(DELETE_ORGANISATION_YEAR, {"ids": batch})
    for batch in _batches(organisations):
        run(CREATE_ORGANISATION_YEAR, {"ids": batch})
    if whole:
        for batch in _batches(organisations):
            run(CREATE_CO_REPRESENTED, {"ids": batch, "whole": True})
    else:
        run(CREATE_CO_REPRESENTED, {"ids": sorted(organisations), "whole": False})
