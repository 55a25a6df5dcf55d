"""One name lookup for people and organisations, as people type them: every command that takes a
person or an organisation resolves it here before asking the store.

Rules, in order:
1. an id, or a name or alias equal to what was typed once both are folded (case, accents, punctuation,
   '&' as 'and'). Aliases are the graph's own, those the curation file and the gazetteer give for the
   same organisation ("LBB", "Met Police"), and an organisation's initials ("MOPAC", "LBB");
   Initials shared by several organisations ("LBB": Barnet, Brent) go to the one named in the most
   documents when there is one such (the council whose minutes these are);
2. otherwise, the one name whose words contain the typed words in order ("Leng" is Matt Leng);
3. otherwise nothing is guessed: the error names the closest names ("did you mean Matt Leng?").
Two or more equally good matches are an error too, naming them with their ids.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from graph.errors import NotFound

_SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to"}


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as space, '&' as 'and', single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def initials(name: str) -> str | None:
    """'London Borough of Barnet' -> 'lbb'; None for a name of one word."""
    words = [w for w in fold(name).split() if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


@dataclass
class Named:
    id: str
    name: str
    forms: set[str] = field(default_factory=set)     # folded name and aliases
    weight: int = 0                                  # documents it is named in


@dataclass
class Found:
    id: str
    name: str
    how: str        # "exact" or "partial"


class NameLookup:
    """The people or the organisations of a graph, with the aliases known from elsewhere."""

    def __init__(self, what: str, entries: Iterable[tuple[str, str, Iterable[str]] | tuple[str, str, Iterable[str], int]],
                 known_aliases: Iterable[Iterable[str]] = ()) -> None:
        """`entries`: (id, name, aliases[, documents it is named in]) of each node; `known_aliases`: groups
        of names that are one person or organisation (a gazetteer or curation entry's name and aliases)."""
        self.what = what
        self.entries: list[Named] = []
        by_form: dict[str, list[Named]] = {}
        for node_id, name, aliases, *weight in entries:
            entry = Named(node_id, name, {fold(n) for n in [name, *aliases] if n and fold(n)}, *weight[:1])
            self.entries.append(entry)
            for form in entry.forms:
                by_form.setdefault(form, []).append(entry)
        for group in known_aliases:
            forms = {fold(n) for n in group if n and fold(n)}
            owners = {id(e): e for form in forms for e in by_form.get(form, [])}
            for entry in owners.values():
                entry.forms |= forms
        self.initials: dict[str, list[Named]] = {}
        if what == "organisation":
            for entry in self.entries:
                short = initials(entry.name)
                if short and short not in entry.forms:
                    self.initials.setdefault(short, []).append(entry)

    def find(self, text: str) -> Found:
        wanted = fold(text)
        exact = [e for e in self.entries if e.id == text or wanted in e.forms]
        if not exact:
            exact = self.initials.get(wanted.replace(" ", ""), [])
            ranked = sorted(exact, key=lambda e: -e.weight)
            if len(ranked) > 1 and ranked[0].weight > ranked[1].weight:
                exact = ranked[:1]
        if len(exact) == 1:
            return Found(exact[0].id, exact[0].name, "exact")
        if len(exact) > 1:
            raise NotFound(f"{text!r} names {len(exact)} {self.what}s: "
                           + "; ".join(f"{e.name} ({e.id})" for e in sorted(exact, key=lambda e: e.id))
                           + "; give one of the ids")
        pattern = re.compile(rf"(?:^| ){re.escape(wanted)}(?: |$)") if wanted else None
        partial = [e for e in self.entries if pattern and any(pattern.search(f) for f in e.forms)]
        if len(partial) == 1:
            return Found(partial[0].id, partial[0].name, "partial")
        raise NotFound(f"no {self.what} called {text!r}{self._suggest(wanted, partial)}")

    def _suggest(self, wanted: str, partial: list[Named]) -> str:
        names = sorted({e.name for e in partial})
        if not names and wanted:
            names = sorted({e.name for e in self.entries if any(wanted in f for f in e.forms)})
        if not names and wanted:
            forms = {f: e.name for e in self.entries for f in e.forms}
            close = difflib.get_close_matches(wanted, list(forms), n=3, cutoff=0.6)
            names = list(dict.fromkeys(forms[c] for c in close))
        if not names:
            return ""
        shown = names[:5] + ([f"... ({len(names) - 5} more)"] if len(names) > 5 else [])
        return f"; did you mean {', '.join(shown)}?"
