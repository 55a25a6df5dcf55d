"""The places of UK local government (loaders/data/uk_places.yaml): which capitalised words name a council's
area, so a reader can tell where a name stops and a council's starts, and whose minutes a page is."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from loaders.data_files import data_file


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the places (as word tuples) that begin with it, longest first."""
    raw = data_file("uk_places.yaml")
    forms: set[str] = set(raw.get("counties") or [])
    for council in raw.get("councils") or []:
        forms.add(council["place"])
        forms.update(council.get("alt") or [])
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.replace(",", "").split())
        if words and words[0][:1].isupper():
            by_first.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(v, key=len, reverse=True)) for w, v in by_first.items()}


def place_at(words: list[str] | tuple[str, ...]) -> int:
    """How many of the words, from the first, name a council's area (0 when they don't):
    ['Kingston', 'upon', 'Thames', 'Council'] -> 3."""
    if not words:
        return 0
    for place in _places().get(words[0], ()):
        if tuple(words[:len(place)]) == place:
            return len(place)
    return 0


def is_place(text: str) -> bool:
    words = text.replace(",", "").split()
    return bool(words) and place_at(words) == len(words)


def longest_place_suffix(text: str) -> str | None:
    """The known place a phrase ends with: 'Services North Yorkshire' -> 'North Yorkshire'."""
    words = text.replace(",", "").split()
    for i in range(len(words)):
        if place_at(words[i:]) == len(words) - i:
            return " ".join(words[i:])
    return None


def area_ending(text: str, end: int, reach: int = 40) -> str | None:
    """The longest council area the words just before text[end] end with, '&' read as 'and':
    '... Officer, Brighton & Hove' -> 'Brighton and Hove' (not 'Hove')."""
    return longest_place_suffix(" ".join(text[max(0, end - reach):end].replace("&", "and").split()))


@lru_cache(maxsize=1)
def _squashed() -> dict[str, str]:
    out = {}
    for places in _places().values():
        for place in places:
            out.setdefault(re.sub(r"[^a-z]", "", " ".join(place).lower()), " ".join(place))
    return out


# What a council's web domain adds to its place: "eastfielddc", "westfieldbc", "northshire-cc".
_DOMAIN_TAIL = re.compile(r"(?:dc|bc|cc|mbc|council|gov|city)$")


def place_of_domain(domain: str) -> str | None:
    """The place a council's e-mail domain names: 'eppingforestdc' -> 'Epping Forest'; a shortened one
    ('westberks') stands for the one place it begins."""
    squashed = re.sub(r"[^a-z]", "", domain.lower())
    bare = _DOMAIN_TAIL.sub("", squashed) or squashed
    known = _squashed()
    if bare in known:
        return known[bare]
    starting = [p for k, p in known.items() if len(bare) >= 5 and k.startswith(bare)]
    return starting[0] if len(starting) == 1 else None


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:and|upon|on|under|of|the|[A-Z][\w'’-]*))*")


def places_named(text: str) -> Counter[str]:
    """Each known place the text names, counted."""
    found: Counter[str] = Counter()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        i = 0
        while i < len(words):
            n = place_at(words[i:])
            if n:
                found[" ".join(words[i:i + n])] += 1
                i += n
            else:
                i += 1
    return found


@lru_cache(maxsize=1)
def _nations() -> dict[str, str]:
    return {form: council["nation"] for form, council in _council_by_form().items()}


@lru_cache(maxsize=1)
def _council_by_form() -> dict[str, dict]:
    """Each way the data writes a place (its name and alternative forms) -> the first council listed for it."""
    out: dict[str, dict] = {}
    for council in data_file("uk_places.yaml").get("councils") or []:
        for form in [council["place"], *(council.get("alt") or [])]:
            out.setdefault(form, council)
    return out


def national_service(place: str | None, service: str) -> str | None:
    """'Police Scotland' for a Scottish council's area and 'police': the nation's one force or fire service."""
    nation = _nations().get(place or "")
    return (data_file("uk_places.yaml").get("national_services") or {}).get(nation, {}).get(service)


@lru_cache(maxsize=None)
def _body_by_place(section: str) -> dict[str, str]:
    """A section of the data file that lists each body with the council areas it serves, by area."""
    bodies = data_file("uk_places.yaml").get(section) or {}
    return {place: body for body, places in bodies.items() for place in places}


def health_board(place: str | None) -> str | None:
    """'NHS Tayside' for Angus: the one health board of a Scottish or Welsh council's area."""
    return _body_by_place("health_boards").get(place or "")


def canonical_place(form: str) -> str:
    """A form the data lists (a short or other-language name) -> the place as its council writes it."""
    council = _council_by_form().get(form)
    return council["place"] if council else form


# A council's initials after its place's ("SBC"): what each ending stands for.
_COUNCIL_ENDINGS = {"BC": "Borough Council", "DC": "District Council", "MBC": "Metropolitan Borough Council",
                    "CBC": "County Borough Council", "MDC": "Metropolitan District Council", "C": "Council"}


@lru_cache(maxsize=1)
def _types() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for council in data_file("uk_places.yaml").get("councils") or []:
        if council["status"] == "current":
            out.setdefault(council["place"], set()).add(council["type"])
    return out


def council_by_initials(acronym: str, place: str | None) -> str | None:
    """'EBC' in Eastfield's minutes is Eastfield Borough Council: the place's initials (all its
    words', or its first word's), then a council's ending. 'CC' is a county's or a city's, by the place's type."""
    if not place:
        return None
    words = [w for w in re.split(r"[\s-]+", place) if w[:1].isupper()]
    for lead in {"".join(w[0] for w in words), words[0][0]} if words else ():
        if not acronym.startswith(lead):
            continue
        ending = acronym[len(lead):]
        if ending in _COUNCIL_ENDINGS:
            return f"{place} {_COUNCIL_ENDINGS[ending]}"
        types = _types().get(place, set())
        if ending == "CC" and len(types & {"county", "city"}) == 1:
            return f"{place} {'County' if 'county' in types else 'City'} Council"
    return None


def police_force(place: str | None) -> str | None:
    """'Kent Police' for Dover: the territorial force of an English or Welsh council's area."""
    return _body_by_place("police_forces").get(place or "")
