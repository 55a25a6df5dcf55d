"""People within one document: every mention resolved to one record ('Ms McElligott' is 'Tina McElligott')."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from loaders.first_names import is_first_name
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


BARE_INITIALS = re.compile(r"[A-Z]{2,3}")


@lru_cache(maxsize=8192)      # each mention is compared with every record's surname
def similar_surname(a: str, b: str, threshold: float = 0.93) -> bool:
    """Spelling slips in minutes: 'McElligot' for 'McElligott', 'Knight' for 'Knights'."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return JaroWinkler.similarity(a, b) >= threshold


def lone_surname_fits(lone: str, surname: str) -> bool:
    """A surname written alone ('Cllr Harris') is someone's whose surname it is, or a slip for a long one
    ('McElligot', 'Knight' for 'Knights'); a short surname a letter from another is another surname
    ('Harris', 'Harries')."""
    a, b = sorted((fold(lone), fold(surname)), key=len)
    return a == b or b == a + "s" or len(a) >= 7 and similar_surname(a, b)


# Within one document, the same first name with a surname this close is a slip ('Kiran Vargwarl'
# beside 'Kiran Vagarwal'); across documents the bar is higher (similar_surname's default).
SAME_DOCUMENT_SLIP = 0.85


@lru_cache(maxsize=4096)
def _words_of(name: str) -> tuple[str, ...]:
    return tuple(name.split())


class PeopleIndex:
    """Resolves each mention to a record as the document is read, in reading order."""

    def __init__(self) -> None:
        self.records: list[PersonRecord] = []
        self.merged: list[PersonRecord] = []          # records folded into another; facts may still name them
        self.redirects: dict[int, PersonRecord] = {}
        # Every name and form any record has, folded -> the first record (in reading order) with it, so
        # that a mention is found without folding every record's forms again (once a costly part of reading).
        self._first_with: dict[str, PersonRecord] = {}
        self._order: dict[int, int] = {}              # id(record) -> its place in reading order
        self.initials = False                          # whether any list gave someone's initials

    def mention(self, parts: NameParts, pos: int, line: int | None = None) -> PersonRecord:
        record = self._find(parts)
        known_forms = len(record.forms) if record else 0
        if record is None:
            record = PersonRecord(parts.name, first_line=line)
            self.records.append(record)
            self._order[id(record)] = len(self._order)
        elif parts.is_full and len(parts.words) > len(record.name.split()):
            record.forms.append(record.name)
            record.name = parts.name
        elif parts.is_full and fold(parts.name) != fold(record.name):
            record.forms.append(parts.name)
        record.forms.append(parts.written)
        self._fold_in(record, [record.name, *record.forms[known_forms:]])
        if parts.rank_post and parts.rank_post not in record.ranks:
            record.ranks.append(parts.rank_post)
        record.councillor = record.councillor or parts.is_councillor
        record.last_pos = max(record.last_pos, pos)
        return record

    def named(self, name: str) -> bool:
        """Whether a record's name folds as this one does: any(fold(r.name) == fold(name) for r in records),
        answered from the index of names and forms, without a pass over every record for most names."""
        key = fold(name)
        holder = self._first_with.get(key)
        if holder is None:
            return False
        return fold(holder.name) == key or any(fold(r.name) == key for r in self.records)

    def by_initials(self, token: str) -> PersonRecord | None:
        """The person these minutes call by their initials ('LR'), once a list has said whose they are."""
        if self.initials:
            record = self._first_with.get(fold(token))
            if record is not None and token in record.forms and fold(token) != fold(record.name):
                return record
        return self._by_own_initials(token)

    def _by_own_initials(self, token: str) -> PersonRecord | None:
        """'TE to arrange ...' where one person named in full has those initials (Tanya Edwards)."""
        if not BARE_INITIALS.fullmatch(token):
            return None
        hits = [r for r in self.records if len(r.name.split()) >= 2
                and token in ("".join(w[0] for w in r.name.split()), r.name[0] + r.name.split()[-1][0])]
        return hits[0] if len(hits) == 1 else None

    def add_form(self, record: PersonRecord, form: str) -> None:
        """Another form the document names this person by ('PK' for Pam Kelly)."""
        self.initials = True
        if form not in record.forms:
            record.forms.append(form)
            self._fold_in(record, [form])

    def _fold_in(self, record: PersonRecord, forms: list[str]) -> None:
        for form in forms:
            key = fold(form)
            holder = self._first_with.get(key)
            if holder is None or self._order[id(record)] < self._order[id(holder)]:
                self._first_with[key] = record

    def find_named(self, written: str) -> PersonRecord | None:
        """The one record the written name ('Cllr Ann Hale', 'Ann Hale') is a form of, if any."""
        key = fold(written.strip())
        found = [r for r in self.records if fold(r.name) == key or any(fold(f) == key for f in r.forms)]
        return found[0] if len(found) == 1 else None

    def _find(self, parts: NameParts) -> PersonRecord | None:
        key = fold(parts.name)
        if key in self._first_with:          # the first record whose name or a form is this name
            return self._first_with[key]
        surname = parts.surname
        # Every test below compares surnames, and similar surnames start alike: other records are passed over.
        initial = fold(surname)[:1]
        named = []
        for r in self.records:
            words = _words_of(r.name)
            if fold(words[-1])[:1] == initial:
                named.append((r, words))
        if parts.is_full:
            first, folded_surname, length = fold(parts.words[0]), fold(surname), len(parts.words)
            for r, words in named:
                if len(words) < 2 or len(words) != length:
                    continue
                # "Cesar Tan" and "Cezar Tan" in one set of minutes: a slip in the first name.
                if fold(words[-1]) == folded_surname and len(first) >= 5 \
                        and Levenshtein.distance(fold(words[0]), first) == 1:
                    return r
                if fold(words[0]) == first and similar_surname(words[-1], surname, SAME_DOCUMENT_SLIP):
                    return r
            # A full name arriving after its surname-only mention ("Mr Leng" ... "Matt Leng").
            lone = [r for r, words in named if len(words) < 2 and lone_surname_fits(words[-1], surname)]
            if len(lone) == 1 and not any(len(words) > 1 and similar_surname(words[-1], surname)
                                          for r, words in named):
                return lone[0]
            return None
        candidates = [(r, words) for r, words in named if lone_surname_fits(surname, words[-1])]
        exact = [r for r, words in candidates if fold(words[-1]) == fold(surname)]
        pool = exact or [r for r, _ in candidates]
        if not pool:
            return None
        # "Mr Norfolk" after both Ben and Richard Norfolk: the one named most recently.
        return max(pool, key=lambda r: r.last_pos)

    def merge_lone_surnames(self) -> None:
        """A surname-only record joins the one full-name record with that surname, if there is one; a
        first name alone ('Jo to notify ...') joins the one full name it begins, where no surname fits."""
        for lone in [r for r in self.records if r.first is None]:
            matches = [r for r in self.records if r.first and lone_surname_fits(lone.surname, r.surname)]
            if not matches and not lone.councillor and not lone.ranks and is_first_name(lone.name):
                matches = [r for r in self.records if r.first and fold(r.first) == fold(lone.name)]
            if len(matches) == 1:
                self._merge_into(matches[0], lone)
        # "Ms Whitby Lane" beside "Jane Whitby Lane": a titled surname of two words, no first name before it.
        for lone in [r for r in self.records if len(r.name.split()) == 2 and not is_first_name(r.name.split()[0])
                     and any(f != r.name and f.endswith(" " + r.name) for f in r.forms)]:
            tail = fold(lone.name)
            matches = [r for r in self.records if r is not lone and len(r.name.split()) >= 3
                       and fold(r.name).endswith(" " + tail)]
            if len(matches) == 1:
                self._merge_into(matches[0], lone)
        self._first_with = {}
        for record in self.records:
            self._fold_in(record, [record.name, *record.forms])

    def _merge_into(self, target: PersonRecord, lone: PersonRecord) -> None:
        target.forms += lone.forms + [lone.name]
        self._fold_in(target, lone.forms + [lone.name])
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
