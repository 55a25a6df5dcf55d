"""Recognising organisations: a gazetteer of UK public bodies plus the shapes local bodies' names take."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from loaders.data_files import data_file, names_data
from loaders.names import fold
from loaders.places import area_ending, canonical_place, place_of_domain, places_named
from loaders.scan import count_word, finditer_near, literal_alternation

# Words that end the name of an organisation ("Barnet Safeguarding Adults Board").
ORG_HEADS = (
    "Board", "Partnership", "Council", "Councils", "Trust", "Brigade", "Police", "Service", "Services", "Authority",
    "Commission", "Company", "University", "College", "Court", "Forum", "Group", "Network", "Agency",
    "Office", "Department", "Commissioner", "Association", "Society", "Foundation", "Charity", "Corporation",
    "Homes", "Watch", "CCG", "ICB", "CIC", "Centre", "Mencap", "Inspectorate", "Ministry", "Panel", "Team",
    "Committee", "Club", "Embassy", "Support", "Magistrates",
    # Councils and NHS bodies as minutes abbreviate them after their place: "Torfaen CBC", "Kirklees MBC".
    "CBC", "MBC", "MDC", "BC", "DC", "CC", "UHB", "PCT", "LHB", "LSCB", "SAB", "Ltd", "Limited",
    "Constabulary", "Government", "Federation", "Alliance", "Collaborative", "Housing", "Fire and Rescue", "Fire & Rescue",
)
# Heads too often naming a department, a building or a function to be trusted when scanning prose.
WEAK_HEADS = {"Police", "Service", "Services", "Team", "Panel", "Centre", "Unit", "Support", "Office",
              "Department", "Agency", "Network"}
_CONNECT = r"(?:\s+(?:of|for|and|&|the|on|in|upon|to)\s+|\s+|,\s+(?=[A-Z][a-z]+\s+and\s))"
_WORD = r"(?:St\.|[A-Z][A-Za-z’'\-]*[A-Za-z]|[A-Z]{2,}|[A-Z])"     # "St. Athan Community Council"
# Each word is matched atomically, "(?>...)": a word is always followed by a space or a comma, so only
# its whole length can do, and trying every shorter one on each failed phrase made this slow. The
# look-ahead for a capital is a quick test; the heads are a trie (one at most can end at a word boundary).
# A body named head first takes its place or field after "of": "University of South Wales".
_HEAD_FIRST = r"University|College|Institute|Royal Borough|London Borough"
ORG_PHRASE_RE = re.compile(
    rf"(?=[A-Z])\b(?>{_WORD})(?:{_CONNECT}(?>{_WORD})){{0,7}}\s+(?:{literal_alternation(ORG_HEADS)})\b"
    rf"(?:\s+(?:for|of)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+and\s+[A-Z][a-z]+)?)?"
    rf"|\b(?:{_HEAD_FIRST})\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+and\s+[A-Z][a-z]+)?"
)
_ANY_HEAD = re.compile("|".join(ORG_HEADS))     # a quick test before ORG_PHRASE_RE: most lines have no head
_ENDS_WITH_HEAD = re.compile(rf"\b(?:{'|'.join(ORG_HEADS)})s?$")
_AND = re.compile(r"\s+(?:and|&)\s+")
_LEADING_NOISE = re.compile(r"^(?:(?:The|A|An|This|That|Our|Their|His|Her|Its|Each|Every|All|Both|Any|Other|"
                            r"New|Partner|Statutory|Current|Previous|Next|Chair|Chairman|Members?|"
                            r"Apologies|From|With|And|By|At|In|On|To|For|Of|Cllr|Councillor|Mr|Ms|Mrs|Dr)\s+)+")


@dataclass
class OrgEntry:
    name: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    # A federation of local bodies ("Citizens Advice", a Police and Crime Commissioner's office): named with a
    # place ("Citizens Advice Eastfield", "Thames Valley Police and Crime Commissioner") it is that local body.
    local_branches: bool = False
    local_name: str | None = None     # "Healthwatch {place}": the local body where the federation is named alone


@dataclass
class Gazetteer:
    entries: dict[str, OrgEntry]            # folded form -> entry
    boroughs: dict[str, str]                # folded place -> council name
    _answers: dict[tuple[str, str | None], OrgEntry | None] = field(default_factory=dict, repr=False,
                                                                     compare=False)

    @cached_property
    def places(self) -> frozenset[str]:
        """The folded borough names, hashable (strategy matching memoises on them)."""
        return frozenset(self.boroughs)

    def lookup(self, text: str, home: str | None = None) -> OrgEntry | None:
        """The organisation a phrase names, if the gazetteer or a council pattern knows it.

        Remembered: the stages ask about the same phrases again and again. Entries are never changed
        by their users, so one answer can be shared."""
        key = (text, home)
        if key not in self._answers:
            if len(self._answers) >= 100_000:
                self._answers.clear()      # a bound for a worker that reads a whole archive
            self._answers[key] = self._lookup(text, home)
        return self._answers[key]

    def _lookup(self, text: str, home: str | None) -> OrgEntry | None:
        text = re.sub(r"\s+", " ", text).strip(" .,;:()")
        text = re.sub(r"\s*\((?:[A-Z]{2,}[a-z]?)\)$", "", text)   # "London Borough of Barnet (LBB)"
        key = gazetteer_key(text)
        key_no_the = re.sub(r"^the ", "", key)
        for k in (key, key_no_the):
            if k in self.entries:
                return self.entries[k]
        ccg = self._ccg(text)
        if ccg:
            return ccg
        council = self.council(text, home)
        if council:
            return OrgEntry(council, "council")
        # "Barnet & Finchley Jobcentre Plus", "Mayor's Office for Policing and Crime DNA": a known body
        # with a local qualifier before it or a word after it.
        words = re.sub(r"^the\s+", "", text, flags=re.I).split()
        for cut in range(1, min(3, len(words) - 1) + 1):
            for candidate in (" ".join(words[cut:]), " ".join(words[:-cut])):
                entry = self.entries.get(gazetteer_key(candidate)) or self._ccg(candidate)
                after = words[len(words) - cut:] if candidate == " ".join(words[:-cut]) else []
                if entry and (entry.local_branches or _PLACE_AFTER.fullmatch(" ".join(after))) \
                        and not _POSTS_OR_HEADS & set(after):
                    # "Scottish Enterprise Ayrshire", "Citizens Advice Eastfield": that place's own body.
                    return OrgEntry(" ".join(words), entry.kind)
                if entry and len(candidate.split()) >= 2 and not _POSTS_OR_HEADS & set(after):
                    return entry
        return None

    @staticmethod
    def _ccg(text: str) -> OrgEntry | None:
        """'Barnet CCG', 'NHS Barnet Clinical Commissioning Group': one name for a place's CCG."""
        m = re.fullmatch(r"(?:nhs )?((?:[a-z]+ ){0,2}?[a-z]+) (?:ccg|clinical commissioning group)", fold(text))
        if not m or re.search(r"\b[A-Z]{2,4}\b", text.replace("CCG", "").replace("NHS", "")):
            return None
        if set(m.group(1).split()) & {"of", "for", "officer", "director", "manager", "chief", "head", "lead",
                                      "chair", "member", "board", "the", "and"}:
            return None
        place = " ".join(w.capitalize() for w in m.group(1).split())
        return OrgEntry(f"NHS {place} Clinical Commissioning Group", "health")

    def council(self, text: str, home: str | None = None) -> str | None:
        key = re.sub(r"^the ", "", fold(text))
        if home and key in ("council", "the council", "local authority", "the local authority"):
            return home
        m = re.fullmatch(r"(?:london borough of|lb|royal borough of) (.+)", key) \
            or re.fullmatch(r"(.+?) (?:london borough )?council", key)
        if m and m.group(1) in self.boroughs:
            return self.boroughs[m.group(1)]
        if m and key.endswith("council") and not key.startswith(("london borough", "lb ")):
            place = m.group(1)
            words = text.strip().split()[:-1]
            # "Public Health Eastfield City Council": a team's words before the place are not the place.
            team = [k for k, w in enumerate(words) if w.lower() in _TEAM_WORDS]
            if team and team[-1] < len(words) - 1:
                words = words[team[-1] + 1:]
                if words[0].lower() in ("for", "of", "at", "in"):
                    return None     # "Director of Public Health for Eastshire Council": a post at the council
                place = " ".join(w.lower() for w in words)
            if re.fullmatch(r"[a-z][a-z' ,&-]*", place) and len(place.split()) <= 4 and place not in _NOT_PLACES \
                    and not _NOT_PLACES.issuperset(place.split()):
                return " ".join(_place_word(w) for w in words) + " Council"
        if home and re.fullmatch(r"lb[a-z]", key) and fold(home).split()[-1].startswith(key[2]):
            return home
        if key in self.boroughs and home == self.boroughs[key]:
            return None   # a bare place name is a place, not the council
        return None


_NOT_PLACES = {"the", "county", "district", "borough", "city", "parish", "town", "local", "full", "the full"}
# Words that are in no place's name, so a council named with one is not the place of these minutes.
_NOT_A_PLACE_WORD = frozenset(_NOT_PLACES - {"the full"}) | {"community", "metropolitan", "london", "royal", "cabinet",
                                                           "this", "each", "every", "member", "members", "councils",
                                                           "council", "executive", "and", "of"}


def _place_word(word: str) -> str:
    """'NEWTON-ON-SEA' and 'newton-on-sea' -> 'Newton-on-Sea'; 'and', 'of', 'upon' stay small."""
    small = ("and", "of", "upon", "on", "in", "le", "under", "by", "the")
    return "-".join(p.lower() if p.lower() in small and k else p.capitalize() if not p[:1].isupper() or p.isupper()
                    else p for k, p in enumerate(word.split("-"))) if word.lower() not in small else word.lower()


_TEAM_WORDS = {"public", "health", "safety", "services", "service", "social", "care", "children's", "adult",
               "adults", "housing", "team", "department", "directorate", "policy", "strategy", "officer",
               "manager", "director", "lead", "head", "member", "councillor", "cabinet", "executive", "chief"}


GAZETTEER_FILES = ("uk_public_bodies.yaml",)
# A place after a national body's name (title-case words, not an acronym such as "DNA" or a post).
_PLACE_AFTER = re.compile(r"(?:[A-Z][a-z]+(?:\s+(?:and|&)\s+)?\s*){1,3}")


def _posts_or_heads() -> frozenset[str]:
    return frozenset(names_data()["post_words"]) | frozenset(ORG_HEADS) | {"Policy", "Borough", "Service", "Unit"}


_POSTS_OR_HEADS = _posts_or_heads()


_COUNTY_SHORT = {fold(k): fold(v) for k, v in (data_file("uk_places.yaml").get("county_short_forms") or {}).items()}
_SHORT_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _COUNTY_SHORT)) + r")\b") if _COUNTY_SHORT else None


@lru_cache(maxsize=65536)
def gazetteer_key(text: str) -> str:
    """How the gazetteer compares names: folded, '&' read as 'and' ('Avon & Somerset Police'), a county's
    short form as the county ('Notts Police')."""
    key = re.sub(r"\s+", " ", fold(text).replace("&", " and ")).strip()
    return _SHORT_WORD.sub(lambda m: _COUNTY_SHORT[m.group(0)], key) if _SHORT_WORD else key


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    if path:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        listed = list(raw.get("organisations") or [])
    else:
        raw = data_file("organisations.yaml")
        listed = list(raw.get("organisations") or [])
        # The other gazetteer files beside it: the UK's forces, fire services, health boards, national bodies.
        for extra in GAZETTEER_FILES:
            listed += data_file(extra).get("organisations") or []
    entries: dict[str, OrgEntry] = {}
    for item in listed:
        entry = OrgEntry(item["name"], item.get("kind"), list(item.get("aliases") or []),
                         bool(item.get("local_branches")), item.get("local_name"))
        for form in [entry.name, *entry.aliases]:
            entries[gazetteer_key(form)] = entry
    boroughs = {}
    for place, council in raw.get("london_boroughs") or []:
        boroughs[fold(place)] = council
        entry = OrgEntry(council, "council", [f"{place} Council", f"LB {place}", f"London Borough of {place}"])
        for form in [council, *entry.aliases]:
            entries[gazetteer_key(form)] = entry
    return Gazetteer(entries, boroughs)


# "London Borough of Barnet", "Barnet Council", "Barnet Civic Centre"; letters and spaces around one of
# the anchor's words, so a text is searched only there (scan.finditer_near).
_COUNCIL_NAMED = re.compile(r"\b(?:London Borough of|LB)\s+([A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)?)|"
                            r"\b([A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)?)\s+(?:Council|Civic Centre)\b")
_COUNCIL_ANCHOR = re.compile("Council|LB|Borough of|Civic Centre")
LETTERS_AND_SPACES = re.compile(r"[A-Za-z\s]*")


def home_council(text: str, gazetteer: Gazetteer) -> str | None:
    """The council that publishes the minutes: from its e-mail domain, else its most named borough."""
    votes: Counter[str] = Counter()
    for domain in re.findall(r"@([a-z\-]+)\.gov\.uk", text, re.I):
        place = fold(domain.replace("-", " "))
        if place in gazetteer.boroughs:
            votes[gazetteer.boroughs[place]] += 5
    for m in finditer_near(_COUNCIL_NAMED, _COUNCIL_ANCHOR, LETTERS_AND_SPACES, text):
        place = fold(m.group(1) or m.group(2))
        if place in gazetteer.boroughs:
            votes[gazetteer.boroughs[place]] += 1
    if not votes:
        folded = fold(text)
        for place, council in gazetteer.boroughs.items():
            n = count_word(folded, place)
            if n:
                votes[council] += n
        # A borough named once in prose ('a model in place in <borough>') is another place, not the publisher;
        # named once as a local body's place ('<borough> Carers Centre'), it may be.
        ranked = votes.most_common(2)
        if ranked and (len(ranked) > 1 and ranked[0][1] == ranked[1][1]
                       or ranked[0][1] < 2 and not _names_a_local_body(text, ranked[0][0])):
            votes.clear()
    if not votes:
        return _council_named_most(text)
    return votes.most_common(1)[0][0] if votes else None


def _names_a_local_body(text: str, council: str) -> bool:
    """Whether the text names the council's place as the first word of a name: 'Eastfield Carers Centre'."""
    place = re.sub(r"^(?:London Borough of|Royal Borough of)\s+|\s+Council$", "", council)
    return re.search(rf"\b{re.escape(place)}\s+(?:(?:&|and)\s+)?[A-Z]", text) is not None


def _council_named_most(text: str) -> str | None:
    """Beyond London: the council of a known area the text names most ('East Lothian Council'), as the
    text writes it, where one stands out."""
    votes: Counter[str] = Counter()
    for m in finditer_near(_PLACE_COUNCIL, _PLACE_COUNCIL_ANCHOR, _PLACE_CHARS, text):
        area = area_ending(text, m.end(1))
        if area:
            votes[" ".join(f"{area} {m.group(2) or ''}Council".split())] += 1
    ranked = votes.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


@lru_cache(maxsize=8192)      # the same phrases come back from every stage
def clean_org_phrase(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    phrase = _LEADING_NOISE.sub("", phrase)
    phrase = re.sub(r"^(?:(?:of|for|at|and|the|to|from|with|January|February|March|April|May|June|July|August|"
                    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|The)\s+)+", "",
                    phrase)
    # "Vice Chairman for Barnet Safer Neighbourhood Board": the post is not part of the body's name.
    phrase = re.sub(r"^.*\b(?:Chair(?:man|woman|person)?|Director|Manager|Head|Officer|Lead|Coordinator|Member|"
                    r"Commander|Representative)\s+(?:of|for|at)\s+(?:the\s+)?", "", phrase)
    return phrase.strip(" ,.;:")


def find_org_phrases(text: str, strict: bool = False, known=None) -> list[tuple[str, int, int]]:
    """Capitalised phrases ending in an institution word ('Barnet Safeguarding Adults Board').

    strict (for scanning prose): weak heads ('Service', 'Police') do not count, and a phrase that runs
    on into more capitalised words ('Multi Agency Risk Assessment Conference') is part of something else.
    """
    out = []
    if not _ANY_HEAD.search(text):
        return out
    for m in ORG_PHRASE_RE.finditer(text):
        phrase = m.group(0)
        # Two bodies joined by 'and': "Barnet Public Health and North Central London Integrated Care Board".
        parts = _AND.split(phrase)
        if known and known(clean_org_phrase(phrase)):
            parts = [phrase]
        if len(parts) > 1 and any(_ENDS_WITH_HEAD.search(p) or (known and known(p))
                                  for p in parts[:-1]) \
                or len(parts) > 1 and len(parts[-1].split()) >= 5:
            phrase = parts[-1]
        phrase = clean_org_phrase(phrase)
        if len(phrase.split()) < 2:
            continue
        end = m.end()
        start = end - len(phrase)
        if strict:
            head = phrase.split()[-1]
            if head in WEAK_HEADS or re.match(r"\s+[A-Z][a-z]", text[end:end + 3]) \
                    or re.match(r"[’']s\b", text[end:end + 3]) or len(phrase.split()) > 7:
                continue
        out.append((phrase, start, end))
    return out


# ---------------------------------------------------------------------------------- this place's partnerships
_PARTNERSHIP_TYPES = {fold(t): t for t in data_file("organisations.yaml").get("partnership_types") or []}
# "Eastfield City Council", "North Riding of Westshire Council", "Newton-on-Sea Borough Council".
_PLACE_COUNCIL = re.compile(r"\b((?:[A-Z][A-Za-z’'-]+[ \t]+(?:(?:and|upon|on|of)[ \t]+)?){1,3}?)"
                            r"((?:City|County|Borough|District|Metropolitan Borough|Metropolitan District|"
                            r"County Borough)[ \t]+)?Council\b")
_PLACE_COUNCIL_ANCHOR = re.compile("Council")
_PLACE_CHARS = re.compile(r"[A-Za-z’' \t-]*")
_GOV_DOMAIN = re.compile(r"@(?:[a-z]+\.)?([a-z]+(?:-[a-z]+)*)\.gov\.uk\b")


def partnership_type(name: str) -> str | None:
    """The national name of a partnership every council has ('Health and Wellbeing Board'), if that is all
    the name says."""
    return _PARTNERSHIP_TYPES.get(re.sub(r"^the ", "", fold(name)))


def document_place(text: str, home: str | None) -> str | None:
    """The place whose minutes these are: the publishing council's place, else the place of the council
    the text names most, else the place in its e-mail addresses."""
    if home:
        return re.sub(r"^(?:London Borough of|Royal Borough of|City of)\s+|\s+(?:(?:City|County|Borough|District)\s+)?"
                      r"Council$", "", home).strip() or None
    votes: Counter[str] = Counter()
    known: Counter[str] = Counter()
    for m in finditer_near(_PLACE_COUNCIL, _PLACE_COUNCIL_ANCHOR, _PLACE_CHARS, text):
        place = " ".join(m.group(1).split())
        # The longest council area the words before "Council" end with: "Services North Yorkshire" is North
        # Yorkshire, "Brighton & Hove" is Brighton and Hove, not Hove.
        area = area_ending(text, m.end(1), reach=m.end(1) - m.start(1) + 40)
        if area:
            known[area] += 1
        elif not _NOT_A_PLACE_WORD & set(fold(place).split()):
            votes[place] += 1
    if known or votes:
        return (known or votes).most_common(1)[0][0]
    domains = Counter(_GOV_DOMAIN.findall(text.lower()))
    for domain, _ in domains.most_common(1):
        if domain not in ("gov", "nhs", "police"):
            return place_of_domain(domain) or " ".join(w.capitalize() for w in domain.split("-"))
    # No council named: the place of the venue's address (a line with a postcode), if it names one...
    address = "\n".join(m.group(0) for m in _POSTCODE_LINE.finditer(text)) if _POSTCODE.search(text) else ""
    at = places_named(address) if address else None
    if at and len(at) == 1:
        return canonical_place(next(iter(at)))
    # ... else the area the text names most, where it stands out.
    named = places_named(text).most_common(2)
    if named and named[0][1] >= 2 and (len(named) == 1 or named[0][1] > 2 * named[1][1]):
        return canonical_place(named[0][0])
    return None


_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_POSTCODE_LINE = re.compile(r"^.{0,200}\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b.{0,40}$", re.M)


def placed(name: str, place: str | None) -> str:
    """'Health and Wellbeing Board' in Eastfield's minutes is 'Eastfield Health and Wellbeing Board'."""
    if not (partnership_type(name) and place):
        return name
    # The statutory partnership by its usual name: "Health & Wellbeing Board" is the Health and Wellbeing Board.
    return place + " " + re.sub(r"^(?i:the)\s+", "", name.strip()).replace(" & ", " and ")
