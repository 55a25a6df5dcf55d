"""Names as people type them, for every command: the store's people and organisations, with the aliases
the gazetteer and the curation file know, through graph/lookup.py."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from graph.lookup import Found, NameLookup
from graph.store.statements import SIGHTING

# Recipe parameters that name a person or an organisation (the others are roles, bodies, words).
PERSON_PARAMS = ("person", "person_a", "person_b")
ORGANISATION_PARAMS = ("organisation",)

# How many documents name each: counted from its sightings (graph/store/statements.py), not a list on the node.
PEOPLE = (f"MATCH (n:Person) OPTIONAL MATCH (s:{SIGHTING} {{node: n.id}}) "
          "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, count(s) AS documents")
ORGANISATIONS = (f"MATCH (n:Organisation) OPTIONAL MATCH (s:{SIGHTING} {{node: n.id}}) "
                 "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, count(s) AS documents")


def _groups(curation: Path | None) -> tuple[list[list[str]], list[list[str]]]:
    """(person groups, organisation groups): names that are one person or one organisation."""
    from loaders.organisations import load_gazetteer
    from loaders.resolve import Curation

    seen: set[int] = set()
    orgs: list[list[str]] = []
    for entry in load_gazetteer().entries.values():
        if id(entry) not in seen:
            seen.add(id(entry))
            orgs.append([entry.name, *entry.aliases])
    people: list[list[str]] = []
    path = curation or os.environ.get("PGRAPH_CURATION")
    if path:
        cur = Curation.load(path)
        by_name: dict[str, list[str]] = {}
        for alias, name in cur.org_aliases.items():
            by_name.setdefault(name, [name]).append(alias)
        orgs += list(by_name.values())
        by_person: dict[str, list[str]] = {}
        for alias, name, _, _ in cur.person_aliases:
            by_person.setdefault(name, [name]).append(alias)
        people += list(by_person.values())
    return people, orgs


class Names:
    """The lookups of one store, built when first asked for."""

    def __init__(self, store: Any, curation: Path | None = None) -> None:
        self.store, self.curation = store, curation
        self._lookups: dict[str, NameLookup] = {}

    def lookup(self, what: str) -> NameLookup:
        if what not in self._lookups:
            people, orgs = _groups(self.curation)
            query = PEOPLE if what == "person" else ORGANISATIONS
            rows = self.store.run(query, read_only=True)
            self._lookups[what] = NameLookup(what, ((r["id"], r["name"], r["aliases"] or [], r["documents"]) for r in rows),
                                             people if what == "person" else orgs)
        return self._lookups[what]

    def person(self, text: str) -> Found:
        return self.lookup("person").find(text)

    def organisation(self, text: str) -> Found:
        return self.lookup("organisation").find(text)


def resolve_params(names: Names, values: dict[str, Any], say: Callable[[str], None]) -> dict[str, Any]:
    """Person and organisation parameters replaced by the id of the one node they name (an error
    naming the closest names when none or several fit); a partial match is said on stderr."""
    out = dict(values)
    for key, value in values.items():
        if not isinstance(value, str) or key not in PERSON_PARAMS + ORGANISATION_PARAMS:
            continue
        found = names.person(value) if key in PERSON_PARAMS else names.organisation(value)
        if found.how == "partial" or found.name.casefold() != value.casefold():
            say(f"{key} {value!r}: {found.name}")
        out[key] = found.id
    return out


SEARCH_EXTRA = ("MATCH (n) WHERE n.id IN $ids "
                "RETURN n.label AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases, n.id AS id")


def search_rows(names: Names, q: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `search` recipe's rows, with the people and organisations `q` names by an alias the graph does not
    hold itself (the gazetteer's and the curation file's: "LBB", "Met Police") or by initials."""
    from graph.errors import NotFound

    extra = []
    for what in ("person", "organisation"):
        try:
            found = names.lookup(what).find(q)
        except NotFound:
            continue
        if found.how == "exact":
            extra.append(found.id)
    have = {row["id"] for row in rows}
    more = [i for i in extra if i not in have]
    if more:
        rows = rows + names.store.run(SEARCH_EXTRA, {"ids": more}, read_only=True)
    return sorted(rows, key=lambda r: (r["kind"], r["name"], r["id"]))
