"""Recognising people's names in minutes: honorifics, ranks, and the words that are never names."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from loaders.data_files import data_file, names_data
from loaders.first_names import is_first_name
from loaders.places import place_at
from loaders.scan import literal_alternation

# Ranks and honorifics, longest first so "Chief Superintendent" wins over "Superintendent".
# A rank is also a post ("Inspector"); a courtesy title is not.
RANKS = [
    "Temporary Detective Chief Superintendent", "Temporary Detective Superintendent",
    "Detective Chief Superintendent", "Detective Superintendent", "Detective Chief Inspector",
    "Detective Inspector", "Detective Sergeant", "Detective Constable", "Chief Superintendent",
    "Chief Inspector", "Chief Insp.", "Chief Insp", "Ch Supt", "Ch. Supt.", "Superintendent", "Supt.", "Supt",
    "Inspector", "Insp.", "Insp", "Sergeant", "Sgt", "DCI", "DCS", "DSupt", "DI", "DS", "DC", "CI", "PC",
    "PCSO", "Commander", "Station Commander", "Borough Commander", "Assistant Commissioner",
    "Deputy Assistant Commissioner",
]
COURTESY = ["Councillor", "Cllr.", "Cllr", "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr.", "Dr",
            "Prof.", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Rev.", "Rev", "Reverend",
            "Acting", "Interim", "Temporary"]


def _names_list(key: str) -> list[str]:
    """A list from data/names.yaml: titles, particles, post and place words."""
    return list(names_data().get(key) or [])


RANKS += [t for t in _names_list("rank_titles") if t not in RANKS]
COURTESY += [t for t in _names_list("courtesy_titles") if t not in COURTESY]

_TITLE_ALT = literal_alternation(RANKS + COURTESY)
# A rank as a post is written out: "Chief Insp. Peter Brown" holds the post of Chief Inspector.
_RANK_IN_FULL = {"Chief Insp": "Chief Inspector", "Insp": "Inspector", "Supt": "Superintendent", "Sup": "Superintendent",
                 "Ch Supt": "Chief Superintendent", "Ch. Supt": "Chief Superintendent", "Chief Supt": "Chief Superintendent",
                 "Det Supt": "Detective Superintendent", "Det Insp": "Detective Inspector",
                 "Det Ch Insp": "Detective Chief Inspector", "Sgt": "Sergeant"}     # longest first: "Chief Superintendent", then "Chief"
# A rank may be marked acting or temporary: "A/Supt.", "T/DCI".
_ACTING_MARK = r"(?:[AT]/\s?)?"
TITLE_RE = re.compile(rf"(?:{_ACTING_MARK}(?:{_TITLE_ALT})(?![A-Za-z])\.?\s+)+")

# A name word: capitalised, may be hyphenated or have an inner capital (McElligott, O'Dwyer, LaToya).
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿā-ž"     # Latin letters with accents too: 'Chloé', 'Zoë', 'Ó Súilleabháin'
# After the capital: lower-case letters, perhaps an apostrophe or an inner capital, then lower case. Written
# so each word has one way to match (not "[a-z]*[’']?[A-Z]?[a-z]+", which splits a run of lower case
# between its two quantifiers in every possible way): a pattern with several names that fails tried all of
# them, and "Ms A B, C D E, F to ..." took a tenth of a second.
# An apostrophe inside a name has a capital or two letters after it ("O'Dwyer", "D'arcy"): "Hale’s" is
# Hale's, the possessive.
_NAME_REST = rf"(?:[{_LO}]*(?:[’'](?:[{_UP}][{_LO}]+|[{_LO}]{{2,}})|[{_UP}][{_LO}]+)|[{_LO}]+)"
NAME_WORD = (rf"(?:[{_UP}]{_NAME_REST}(?:-[{_UP}]{_NAME_REST})?"
             rf"|[{_UP}][’'-][{_UP}][{_LO}]+)")
# Initials before a surname: "P Jones", "R G Hughes", "S.J. Patel", "B. E. Brooks".
INITIALS = r"(?:[A-Z](?:\.\s?|\s+)){1,3}"
_INITIAL_WORD = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]\.?|(?:[A-Z]\.){1,2}[A-Z]")
# A middle initial between a first name and a surname: "Tom E Hale", "Mary J. Blake".
_MIDDLE_INITIAL = rf"(?:\s+[A-Z]\.?(?=\s+{NAME_WORD}))?"
_UNTITLED_LEAD = re.compile(rf"{INITIALS}{NAME_WORD}|{NAME_WORD}{_MIDDLE_INITIAL}(?:\s+{NAME_WORD}){{1,3}}")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w’']*)")
FULL_NAME_RE = re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}\b")
_TITLE_STARTS = re.escape("".join(sorted({t[0] for t in RANKS + COURTESY})))    # a quick test at each position
TITLED_RE = re.compile(rf"(?=[{_TITLE_STARTS}])(?<![A-Za-z])(?P<title>{TITLE_RE.pattern})"
                       rf"(?P<name>(?:{INITIALS})?{NAME_WORD}{_MIDDLE_INITIAL}(?:\s+{NAME_WORD}){{0,2}})")

# Words that appear capitalised in minutes but are not part of a person's name.
NOT_NAME_WORDS = set("""
The A An This That These Those It Its He She They We Our Their His Her There Here Of And For To In On At By With
From As Or But If When Where Which Who Whom Whose What How Why All Any Each Every Some No None Not Also Both
Board Boards Partnership Partnerships Council Councils Councillor Councillors Committee Group Groups Team Teams
Service Services Trust Police Policing Fire Brigade Authority Office Department Ministry Unit Centre Center Panel
Forum Network Agency Commission Commissioner Company Court Courts University College School Schools Hospital
Health Public Safety Safer Community Communities Safeguarding Adults Adult Children Childrens Children's Family
Families Youth Justice Probation Crime Criminal Violence Violent Domestic Abuse Strategy Strategies Plan Plans
Programme Programmes Project Projects Scheme Schemes Operation Campaign Assessment Framework Fund Funding Report
Reports Update Updates Performance Dashboard Minutes Minute Meeting Meetings Agenda Item Items Action Actions
Apologies Apology Absence Present Attendance Attendees Members Member Chair Chairman Chairwoman Vice Deputy
Director Directors Assistant Head Manager Managers Officer Officers Lead Coordinator Co-ordinator Commander
Chief Executive Inspector Superintendent Sergeant Constable Analyst Adviser Advisor Senior Principal Strategic
Partnership Borough London National Metropolitan   Mayor's Local Government Royal City County District Town
      Estate               Room Civic Centre     High    
    Central Greater New January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Saturday Sunday     Autumn   Q1 Q2 Q3 Q4 Year
Years Date Next Previous Matters Arising Any Other   Welcome Introductions Introduction Declarations
Declaration Interest Interests Terms Reference Forward Work Future Noted Agreed Resolved Resolution Approved
Covid Coronavirus Lockdown Mental Social Care Early Help Housing Homes Homeless Homelessness Drug Drugs Alcohol
Misuse Substance Anti Behaviour Behavior Hate Gangs Gang Knife Knives Burglary Robbery Theft Offending
Reoffending Re-offending Offender Offenders Management Integrated Prevent Prevention Channel Victim Victims
Support Watch Neighbourhood Neighbourhoods Safe Safety Protection Protections Order Orders Notice Notices
Engagement Equality Equalities Diversity Inclusion Education Training Employment Data Information Intelligence
Women Girls Men Boys   People     Adolescents Vulnerable Exploitation Sexual Serious Organised
Modern Slavery Trafficking Terrorism Counter Extremism Radicalisation Cyber Online Fraud Scams   Roads
Transport Traffic Environment Environmental Planning Regeneration Licensing Enforcement Trading Standards
Please Thank Thanks Dear Yours Sincerely Note Notes Email Tel Telephone Contact Venue Media Webcast Additional
Documents Supporting Document   Pages Appendix Annex Table Figure Section Paragraph Part Version Draft Final
Key Main Overall Total Summary Overview Highlights Headlines Priorities Priority Outcome Outcomes Objectives
Risk Risks Review Reviews Needs Audit Inspection Quality Improvement Delivery Commissioning Commissioned
Business Development Budget Finance Financial Resources Resource Capital Revenue       Bids Contract Contracts Charter
Task Finish Steering Sub Subgroup Sub-Group Working Joint Multi Multi-Agency Agency Agencies   Partners
Stakeholder Stakeholders Resident Residents Citizen Citizens Customer Customers   Businesses Retail
Economy Night Time     Weeks Month Months Quarter Quarterly Annual Annually Monthly Weekly Daily
Tranche Phase Stage Level Levels Rate Rates Figure Figures Number Numbers Total Totals Increase Decrease
Reduction Reductions Rise Fall Trend Trends Cases   Incidents Incident Offences Offence Calls Call Reports
England Wales Scotland Britain UK Chinese Jewish Muslim Asian British English European
NHS CCG ICB ICS GP GPs MARAC MASH IOM ASB VAWG DV DA CSE SEN ADHD CCTV ANPR OWL PSPO PSPOs BCU SNT SNB HWBB
Please See Following Item Report   Resident Residents Opposition            
Governance Democratic Democracy Legal Monitoring Officer Solicitor Legal Services Scrutiny Overview Select
Division Divisional Region Regional Locality Sector Directorate Cluster Independent Co-opted Elected Appointed
""".split())

# Words of the borough names in the organisations data file ('Barking', 'Dagenham'): places, never names.
NOT_NAME_WORDS |= {w for place, _ in data_file("organisations.yaml").get("london_boroughs") or []
                   for w in place.split() if w[0].isupper()}

# The last word of a street, building or place: 'Victoria Street', 'Grahame Park' are never people.
PLACE_WORDS = frozenset(_names_list("place_words"))

# Lower-case words that may sit inside a multi-word organisation or post but never in a name.
NAME_CONNECTORS = set(_names_list("surname_particles"))


@dataclass(frozen=True)
class NameParts:
    """A name as written, split into its title (if any) and the name proper."""

    title: str          # "Inspector", "Ms", "Cllr", "" when none
    name: str           # "Muneeb Ishtiaq", "McElligott"

    @property
    def words(self) -> list[str]:
        return self.name.split()

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def is_full(self) -> bool:
        return len(self.words) >= 2

    @property
    def written(self) -> str:
        return f"{self.title} {self.name}".strip()

    @property
    def rank_post(self) -> str | None:
        """The post a rank title implies: 'Inspector', 'Superintendent', 'DCI'."""
        if not self.title:
            return None
        posts = [t for t in _split_titles(self.title) if t.casefold().rstrip(".") not in _COURTESY_FOLDED]
        if not posts:
            return None
        return " ".join(_RANK_IN_FULL.get(t.rstrip("."), t) for t in posts)

    @property
    def is_councillor(self) -> bool:
        return any(w in t.casefold() for t in _split_titles(self.title) for w in ("cllr", "councillor"))


_COURTESY_FOLDED = {c.casefold().rstrip(".") for c in COURTESY} - {"acting", "interim", "temporary"}


@lru_cache(maxsize=1024)
def _split_titles(title: str) -> tuple[str, ...]:
    out, rest = [], title.strip()
    while rest:
        m = re.match(rf"{_ACTING_MARK}({_TITLE_ALT})(?![A-Za-z])\.?\s*", rest)
        if not m:
            break
        out.append(m.group(1))
        rest = rest[m.end():]
    return tuple(out)      # shared by every caller: memoised


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


# Words that make a rank a post of its own when they stand before it: "Divisional Commander", "Borough
# Police Commander", "District Inspector".
RANK_QUALIFIERS = (r"(?:(?:Borough|Police|District|Divisional|Area|Station|Group|Watch|Local|Policing|Neighbourhood|"
                   r"Force)\s+){1,3}")

# Titles that are never a surname: a roster run together ("Cllr Ash Cllr Bell") starts a name at each.
_NEVER_SURNAMES = {"Cllr", "Cllrs", "Councillor", "Councillors", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof",
                   "Professor", "Rev", "Reverend", "Insp", "Supt", "Sgt", "Sup", "Cty"}


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    # Plurals of institution words ("Sergeants", "Councillors") are not names either.
    return bool(re.fullmatch(NAME_WORD, word)) and word not in NOT_NAME_WORDS and word not in _NEVER_SURNAMES \
        and not (word.endswith("s") and word[:-1] in NOT_NAME_WORDS)


def split_title(text: str) -> NameParts:
    """'Inspector Muneeb Ishtiaq' -> ('Inspector', 'Muneeb Ishtiaq')."""
    text = " ".join(text.split())
    m = TITLE_RE.match(text)
    if m and m.end() < len(text):
        return NameParts(m.group(0).strip(), text[m.end():].strip())
    return NameParts("", text)


def parse_person(text: str, allow_single: bool = False) -> NameParts | None:
    """The person a short phrase names, or None: 'Cllr Jennifer Grocock', 'Ms McElligott', 'Matt Leng'."""
    text = re.sub(r"\s+", " ", text).strip(" .,;:–-•·*()")
    if not text or len(text) > 60:
        return None
    parts = split_title(text)
    words = parts.words
    if not words or len(words) > 4:
        return None
    initials = len(_name_run(words)) == len(words) and sum(map(is_initial, words))
    if not all(is_name_word(w) or (initials and i < initials)
               or (w.casefold() in NAME_CONNECTORS and 0 < i < len(words) - 1)
               for i, w in enumerate(words)):
        return None
    if len(words) == 1 and not parts.title and not allow_single:
        return None
    return parts


def is_initial(word: str) -> bool:
    return bool(_INITIAL_WORD.fullmatch(word))


# Months that are also first names: 'June Gray' is a person, 'June 2024' a date.
_MONTH_FIRST_NAMES = frozenset({"April", "June", "August"})


def _name_run(words: list[str]) -> list[str]:
    """The leading words that are name words: 'Muneeb Ishtiaq Metropolitan Police' -> ['Muneeb', 'Ishtiaq'];
    initials lead to a surname or are not a name ('R G Hughes', not 'A Board')."""
    run = []
    while len(run) < len(words) and len(run) < 3 and is_initial(words[len(run)]):
        run.append(words[len(run)])
    if run and (len(run) == len(words) or not is_name_word(words[len(run)])):
        return []
    for k, w in enumerate(words[len(run):], start=len(run)):
        if len(run) == 1 and _single_initial(w) and not is_initial(run[0]) and is_first_name(run[0]) \
                and k + 1 < len(words) and is_name_word(words[k + 1]):
            run.append(w)      # "Tom E Hale": a first name, a middle initial, a surname
            continue
        if not (is_name_word(w) or not run and w in _MONTH_FIRST_NAMES and len(words) > 1 and is_name_word(words[1])):
            break      # a first name that is also a month ('June Gray') leads a name, with a surname after it
        run.append(w)
    return run


def _single_initial(word: str) -> bool:
    """'E' or 'E.': one letter standing for a name."""
    return 0 < len(word) <= 2 and "A" <= word[0] <= "Z" and word[1:] in ("", ".")


def _is_middle_initial(run: list[str]) -> bool:
    return len(run) > 2 and _single_initial(run[1]) and not is_initial(run[0])


def _first_name_cut(run: list[str], after: str) -> list[str]:
    """'Lynn Smith Eastfield Community Council': a first name and a surname, then the body, where a third
    name word runs straight on into more words ('Joan Baker Wood, ...' keeps three, and so does
    'Joan Baker Wood Shire Council', where a council's area starts after the third)."""
    if len(run) == 3 and is_first_name(run[0]) and not is_initial(run[0]) and not _is_middle_initial(run) \
            and not re.match(r"\s*(?:$|[,;(:–—-])", after) and not place_starts_body(after.split(None, 6)[:6]):
        return run[:2]
    return run


def place_starts_body(words: list[str]) -> bool:
    """Whether the words start with a council's area and go on into a body: 'Shire Borough Council',
    'Shire Police', 'Shire & Westshire Fire'."""
    n = place_at(words)
    return bool(n) and n < len(words) and (words[n] in _INSTITUTION_WORDS | _PLACE_QUALIFIERS
                                           or words[n] in ("and", "&", "Council"))


@lru_cache(maxsize=16384)     # pure, and asked of the same row by several stages
def leading_person(text: str) -> tuple[NameParts, str] | None:
    """A person's name at the start of text, and what follows: 'Tina McElligott, Director ...'."""
    text = text.strip(" •·*-–\t")
    m = TITLED_RE.match(text)
    if m:
        # "Inspector Muneeb Ishtiaq Metropolitan Police": stop the name where non-name words start.
        kept = _titled_run(text, m)
        if kept:
            end = _span_end(text, m.start("name"), kept)
            return NameParts(" ".join(m.group("title").split()), " ".join(kept)), text[end:]
        return None
    m = _UNTITLED_LEAD.match(text)
    if not m:
        return None
    kept = _name_run(m.group(0).split())
    if len(kept) < 2:
        return None
    words = text.split(None, 9)[:9]
    at_place = next((i for i in (2, 3) if i <= len(kept) and place_starts_body(words[i:i + 6])), None)
    if at_place:
        kept = kept[:at_place]      # "Joan Baker Wood Shire Council": the council's area ends the name
    else:
        if len(kept) > 3:
            kept = kept[:3] if _is_middle_initial(kept) else kept[:2]
        kept = _first_name_cut(kept, text[_span_end(text, 0, kept):])
    return NameParts("", " ".join(kept)), text[_span_end(text, 0, kept):]


def _span_end(text: str, start: int, words: list[str]) -> int:
    """Where the words, read from start with any spacing between them, end in the text."""
    pos = start
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos


def _titled_run(text: str, m: re.Match[str]) -> list[str]:
    """The name words after a title, where the name stops: at words that are no name, before a body's
    name that runs on ('Cllr Harris Eastfield Borough Council'), after a first name and a surname."""
    kept = _name_run(m.group("name").split())
    if not kept:
        return []
    if len(kept) == 1 and is_first_name(kept[0]):
        # "Cllr Rita Means (Cabinet Member)": after a title and a first name, a word that is mostly no
        # name is the surname where the entry ends with it.
        end = _span_end(text, m.start("name"), kept)
        word = _SURNAME_THEN_END.match(text, end)
        if word and word.group(1) not in _INSTITUTION_WORDS | _PLACE_QUALIFIERS | _POST_WORDS:
            return kept + [word.group(1)]
    end = _span_end(text, m.start("name"), kept)
    kept = _first_name_cut(kept, text[end:])
    end = _span_end(text, m.start("name"), kept)
    nxt = _NEXT_WORD.match(text[end:end + 30])
    if len(kept) >= 2 and nxt and nxt.group(1) in _INSTITUTION_WORDS | _PLACE_QUALIFIERS \
            and not (len(kept) == 2 and is_first_name(kept[0])):
        kept = kept[:-1]       # the last word starts the council's name
    following = text[end:end + 60].split()
    for i in range(1, len(kept)):
        if place_starts_body(kept[i:] + following):
            return kept[:i]    # "Cllr Harris Shire Borough Council": a council's area starts the body
    return kept


_SURNAME_THEN_END = re.compile(r"\s+([A-Z][a-z]{2,})(?=\s*(?:[,;()]|$|\s[–—-]\s|\sand\s))")
_POST_WORDS = frozenset(_names_list("post_words")) | {"Chair", "Chairman", "Vice", "Deputy", "Members", "Member"}


def titled_mentions(text: str) -> list[tuple[NameParts, int, int]]:
    """Every 'Title Name' in a sentence, with its span."""
    out = []
    for m in TITLED_RE.finditer(text):
        words = _titled_run(text, m)
        if not words:
            continue
        name = " ".join(words)
        parts = NameParts(" ".join(m.group("title").split()), name)
        start, end = m.start(), _span_end(text, m.start("name"), words)
        if _dash_post_before(text, parts, start, end):
            parts, start = NameParts("", name), m.start("name")
        out.append((parts, start, end))
    return out


def _dash_post_before(text: str, parts: NameParts, start: int, end: int) -> bool:
    """'Nick Hart – Chief Constable Jo Cole – Treasurer': the rank after a dash is the previous entry's post."""
    return bool(parts.title and _DASH_AFTER.match(text, end) and _JUST_AFTER_DASH.search(text, 0, start)
                and parts.rank_post and not _courtesy_part(parts.title))


# Words after which a capitalised pair names a place or a body, whatever its first word ("Hendon Football Club").
_INSTITUTION_WORDS = PLACE_WORDS | {"Council", "Board", "Club", "Trust", "School", "College", "University",
                                    "Partnership", "Service", "Services", "Court", "Hospital", "Police", "Group",
                                    "Centre", "Church", "Academy", "Society", "Association", "Foundation"}


# Words that follow a place in a body's name: "Eastfield Borough Council", "Shire Association of ...".
_PLACE_QUALIFIERS = {"Borough", "District", "County", "City", "Metropolitan", "Town", "Parish", "Community",
                     "Association", "Councils", "Constabulary", "Fire", "Health", "Clinical", "Safeguarding"}


def full_name_mentions(text: str) -> list[tuple[NameParts, int, int]]:
    """Untitled two- or three-word names in a sentence ('Tania Martin'), with their spans."""
    out = []
    for m in FULL_NAME_RE.finditer(text):
        words = m.group(0).split()
        start = m.start()
        # Trim leading non-name words ("The Chair", "Councillor"), then keep a run of name words.
        while words and not is_name_word(words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        run = _name_run(words)
        if len(run) < 2:
            continue
        run = _first_name_cut(run, text[start + len(" ".join(run)):])
        end_pos = start + len(" ".join(run))
        following = text[end_pos:end_pos + 30]
        # "Grahame Park Estate", "Hendon Football Club": a name followed by an institution word is a place.
        nxt = _NEXT_WORD.match(following)
        if nxt and nxt.group(1) in NOT_NAME_WORDS and nxt.group(1) not in ("The", "And", "For", "To", "In", "On",
                                                                              "At", "With", "As", "He", "She") \
                and not (is_first_name(run[0]) and nxt.group(1) not in _INSTITUTION_WORDS):
            continue     # ... but 'Peter Cole Data Analyst': a first name, then the post
        out.append((NameParts("", " ".join(run)), start, end_pos))
    return out


_WORD_START = re.compile(r"(?:(?<=^)|(?<=[\s,;(]))[A-Z]")
_NAMED_BODY_AFTER = re.compile(r"\s*(?:&|and)\s+(?:[A-Z][\w’'-]*\s+){1,5}(?:Hospital|Trust|Foundation|Centre|"
                               r"Partnership|College|School|Hospice|Institute)\b")
_JOINED_BEFORE = re.compile(r"(?:&|\band)\s+$")
_BODY_RUNS_ON = re.compile(r"\s+(?:[A-Z][\w’'-]*\s+){0,4}(?:Hospital|Trust|Foundation|Centre|Partnership|College|School|"
                           r"Hospice|Institute)\b")
_AFTER_SEPARATOR = re.compile(r"(?:^|[,;(]\s*|\band\s+)$")
_DASH_AFTER = re.compile(r"\s*[–—-]\s")
_DASH_BEFORE = re.compile(r"\s[–—-]\s[^–—]{2,90}$")
_JUST_AFTER_DASH = re.compile(r"\w\s+[–—-]\s+$")


def _courtesy_part(title: str) -> bool:
    return any(t.casefold().rstrip(".") in _COURTESY_FOLDED for t in _split_titles(title))


_POST_BEFORE = re.compile(rf"\b(?:{literal_alternation(_names_list('post_words'))})\s+$")


@lru_cache(maxsize=8192)
def people_in_run(text: str) -> tuple[tuple[NameParts, int, int], ...]:
    """Every person a run of list text names, with the span of each name, where separators may be missing:
    'Helen Crane (Chair) Area Manager, Council Cllr Gareth Lloyd Coast Group Siobhan Kerr Development
    Officer'. A name begins with a title, with initials, or with a known first name and a surname."""
    out: list[tuple[NameParts, int, int]] = []
    pos = 0
    for m in _WORD_START.finditer(text):
        start = m.start()
        if start < pos:
            continue
        lead = leading_person(text[start:])
        if not lead:
            continue
        parts, rest = lead
        end = len(text) - len(rest)
        # "Ian Bell – Lead Officer Nick Hart – Chief Constable Jo Cole – Treasurer": in a list of
        # 'Name – Post' a post before a name that a dash follows ends the previous entry.
        dashed = _DASH_AFTER.match(text, end) is not None and _DASH_BEFORE.search(text, 0, start) is not None
        if _dash_post_before(text, parts, start, end):
            start = TITLE_RE.match(text, start).end()
            parts = NameParts("", parts.name)
        first = parts.words[0]
        after_separator = _AFTER_SEPARATOR.search(text, 0, start) is not None
        if not parts.title and not (is_first_name(first) or "." in first or is_initial(first) and after_separator):
            continue
        if not parts.title and _POST_BEFORE.search(text, 0, start) and not dashed:
            continue
        if not parts.title and len(parts.words) < 2:
            continue
        if _NAMED_BODY_AFTER.match(text, end) or _JOINED_BEFORE.search(text, max(0, start - 6), start) \
                and _BODY_RUNS_ON.match(text, end):
            continue     # "Robert Jones & Agnes Hunt Orthopaedic Hospital": people a body is named after
        out.append((parts, start, end))
        pos = end
    return tuple(out)


def starts_with_person(text: str) -> bool:
    """Whether a row begins with a person's name as lists print them: titled, with initials, or a known
    first name and a surname (people_in_run's test, for the first word only)."""
    if not text[:1].isupper():
        return False
    lead = leading_person(text)
    if not lead:
        return False
    parts = lead[0]
    return bool(parts.title) or (len(parts.words) >= 2 and (is_first_name(parts.words[0]) or "." in parts.words[0]))


_NAME_SHAPED = re.compile(r"[A-Z][a-z’'-]+")


def _in_pairs(words: list[str]) -> bool:
    """Whether bare name words run together are first name and surname, two by two: 'Cammy Roe June Gray
    Andrew Hale' (a known first name leads a pair, a surname that is no first name ends one)."""
    if len(words) < 4 or len(words) % 2 or not all(_NAME_SHAPED.fullmatch(w) and not place_at([w])
                                                   and (is_name_word(w) or is_first_name(w)) for w in words):
        return False
    pairs = [(words[k], words[k + 1]) for k in range(0, len(words), 2)]
    score = sum(is_first_name(a) + (not is_first_name(b)) for a, b in pairs)
    shifted = [(words[k], words[k + 1]) for k in range(1, len(words) - 1, 2)]
    score_shifted = sum(is_first_name(a) + (not is_first_name(b)) for a, b in shifted)
    return score >= len(pairs) and score > score_shifted


def split_at_people(text: str) -> list[str]:
    """A list's text cut where each person's name begins; what stands before the first name is kept first
    (it may be the previous entry's post or body)."""
    spans = people_in_run(text)
    lead_end = spans[0][2] if spans and spans[0][1] == 0 else 0
    rest = [w for w in text[lead_end:].split() if w.strip("|.,;:-–")]
    if _in_pairs(rest):
        pieces = [text[:lead_end]] if lead_end else []
        return [p.strip() for p in pieces + [" ".join(rest[k:k + 2]) for k in range(0, len(rest), 2)]]
    if not spans or len(spans) == 1 and spans[0][1] == 0:
        return [text]
    cuts = [s for _, s, _ in spans]
    pieces = [text[:cuts[0]]] if cuts[0] > 0 and text[:cuts[0]].strip() else []
    pieces += [text[a:b] for a, b in zip(cuts, cuts[1:] + [len(text)])]
    return [p.strip() for p in pieces if p.strip()]
