"""People within one document: every mention resolved to one record ('Ms McElligott' is 'Tina McElligott')."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler, Levenshtein

from loaders.names import NameParts, fold


@dataclass
class RoleFact:
    role: str | None
    organisation: str | None
    evidence: str
    line: int | None


@dataclass
class PersonRecord:
    name: str                                   # fullest form, no title
    forms: list[str] = field(default_factory=list)   # every written form, titles kept
    facts: list[RoleFact] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    councillor: bool = False
    last_pos: int = 0
    first_line: int | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first(self) -> str | None:
        words = self.name.split()
        return words[0] if len(words) > 1 else None

    @property
    def aliases(self) -> list[str]:
        return [f for f in dict.fromkeys(self.forms) if f != self.name]

    def roles(self) -> list[str]:
        return list(dict.fromkeys(f.role for f in self.facts if f.role))


def similar_surname(a: str, b: str, threshold: float = 0.93) -> bool:
    """Spelling slips in minutes: 'McElligot' for 'McElligott', 'Knight' for 'Knights'."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return JaroWinkler.similarity(a, b) >= threshold


# Within one document, the same first name with a surname this close is a slip ('Kiran Vargwarl'
# beside 'Kiran Vagarwal'); across documents the bar is higher (similar_surname's default).
SAME_DOCUMENT_SLIP = 0.85


class PeopleIndex:
    """Resolves each mention to a record as the document is read, in reading order."""

    def __init__(self) -> None:
        self.records: list[PersonRecord] = []
        self.merged: list[PersonRecord] = []          # records folded into another; facts may still name them
        self.redirects: dict[int, PersonRecord] = {}

    def mention(self, parts: NameParts, pos: int, line: int | None = None) -> PersonRecord:
        record = self._find(parts)
        if record is None:
            record = PersonRecord(parts.name, first_line=line)
            self.records.append(record)
        elif parts.is_full and len(parts.words) > len(record.name.split()):
            record.forms.append(record.name)
            record.name = parts.name
        elif parts.is_full and fold(parts.name) != fold(record.name):
            record.forms.append(parts.name)
        record.forms.append(parts.written)
        if parts.rank_post and parts.rank_post not in record.ranks:
            record.ranks.append(parts.rank_post)
        record.councillor = record.councillor or parts.is_councillor
        record.last_pos = max(record.last_pos, pos)
        return record

    def _find(self, parts: NameParts) -> PersonRecord | None:
        key = fold(parts.name)
        for r in self.records:
            if fold(r.name) == key or key in (fold(f) for f in r.forms):
                return r
        if parts.is_full:
            first = fold(parts.words[0])
            for r in self.records:
                # "Cesar Tan" and "Cezar Tan" in one set of minutes: a slip in the first name.
                if r.first and fold(r.surname) == fold(parts.surname) and len(first) >= 5 \
                        and Levenshtein.distance(fold(r.first), first) == 1 and len(r.name.split()) == len(parts.words):
                    return r
                if r.first and fold(r.first) == first and similar_surname(r.surname, parts.surname, SAME_DOCUMENT_SLIP) \
                        and len(r.name.split()) == len(parts.words):
                    return r
            # A full name arriving after its surname-only mention ("Mr Leng" ... "Matt Leng").
            lone = [r for r in self.records if r.first is None and similar_surname(r.surname, parts.surname)]
            if len(lone) == 1 and not any(r.first and similar_surname(r.surname, parts.surname)
                                          for r in self.records):
                return lone[0]
            return None
        candidates = [r for r in self.records if similar_surname(r.surname, parts.surname)]
        exact = [r for r in candidates if fold(r.surname) == fold(parts.surname)]
        pool = exact or candidates
        if not pool:
            return None
        # "Mr Norfolk" after both Ben and Richard Norfolk: the one named most recently.
        return max(pool, key=lambda r: r.last_pos)

    def merge_lone_surnames(self) -> None:
        """A surname-only record joins the one full-name record with that surname, if there is one."""
        for lone in [r for r in self.records if r.first is None]:
            matches = [r for r in self.records if r.first and similar_surname(r.surname, lone.surname)]
            if len(matches) == 1:
                target = matches[0]
                target.forms += lone.forms + [lone.name]
                target.facts += lone.facts
                target.ranks += [x for x in lone.ranks if x not in target.ranks]
                target.councillor = target.councillor or lone.councillor
                self.records.remove(lone)
                self.merged.append(lone)
                self.redirects[id(lone)] = target

    def final(self, record: PersonRecord) -> PersonRecord:
        while id(record) in self.redirects:
            record = self.redirects[id(record)]
        return record

    def by_role(self, phrase: str) -> PersonRecord | None:
        """'the Borough Commander' -> the one person whose stated post contains those words."""
        words = set(fold(phrase).replace(",", " ").split()) - {"the", "of", "for", "and", "&"}
        if not words:
            return None
        hits = []
        for r in self.records:
            for role in r.roles():
                role_words = set(fold(role).replace(",", " ").split())
                if words <= role_words:
                    hits.append(r)
                    break
        return hits[0] if len(hits) == 1 else None
