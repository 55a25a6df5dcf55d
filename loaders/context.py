"""Shared ground for every extraction stage: the Context, and noting people, posts and organisations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph import ids
from graph.model import Action, AgendaItem, Meeting, Organisation, PartnershipGraph, Strategy
from loaders.document import Document
from loaders.first_names import is_first_name
from loaders.names import NOT_NAME_WORDS, RANK_QUALIFIERS, NameParts, fold, is_name_word, leading_person, \
    place_starts_body, split_title
from loaders.organisations import WEAK_HEADS, Gazetteer, OrgEntry, find_org_phrases, gazetteer_key, partnership_type, \
    placed
from loaders.people import PeopleIndex, PersonRecord, RoleFact
from loaders.places import canonical_place, council_by_initials, health_board, is_place, national_service, \
    place_at, police_force
from loaders.phrasing import alternation, attendance_code
from loaders.scan import has_any
from loaders.structure import Item, Layout, Line

ROLE_WORDS = ("Director", "Manager", "Head", "Officer", "Lead", "Coordinator", "Co-ordinator", "Commander",
              "Chair", "Chairman", "Chairwoman", "Chairperson", "Analyst", "Adviser", "Advisor", "Commissioner",
              "Chief Executive", "CEO", "Inspector", "Superintendent", "Member", "Representative", "Secretary",
              "Clerk", "Councillor", "Mayor", "Leader", "Consultant", "Specialist", "Worker", "Governor",
              "Deputy", "Assistant", "Partner", "Principal", "Senior", "Controller", "Sergeant", "Constable",
              "ACO", "Champion", "Practitioner", "Nurse", "Doctor", "GP", "Solicitor", "Administrator",
              "Strategist", "Trustee", "Patron", "Engineer", "Planner", "Researcher", "Lecturer", "Professor", "Ambassador", "Cabinet",
              "Convener", "Convenor", "Facilitator", "Registrar", "Provost", "Treasurer", "Depute", "Constable",
              "Commissioner", "Co-Chair", "Nominee", "Delegate", "Guardian")
ROLE_WORD_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ROLE_WORDS) + r")s?\b", re.I)


@dataclass
class Sentence:
    text: str
    line: int
    item: Item | None
    index: int          # position in reading order


@dataclass
class Context:
    doc: Document
    layout: Layout
    gazetteer: Gazetteer
    home: str | None
    graph: PartnershipGraph
    meeting: Meeting
    people: PeopleIndex = field(default_factory=PeopleIndex)
    org_aliases: dict[str, OrgEntry] = field(default_factory=dict)    # acronyms defined in this document
    apologised: set[int] = field(default_factory=set)                 # id() of records who sent apologies
    attended: dict[int, str] = field(default_factory=dict)           # id() -> evidence
    attended_props: dict[int, dict] = field(default_factory=dict)    # id() -> ATTENDED's role, organisation
    orgs_seen: dict[str, str] = field(default_factory=dict)          # canonical name -> evidence
    item_nodes: dict[int, AgendaItem] = field(default_factory=dict)  # id(Item) -> node
    presented: list[tuple[PersonRecord, AgendaItem, str]] = field(default_factory=list)
    contributed: list[tuple[PersonRecord, AgendaItem, str]] = field(default_factory=list)
    substitutions: list[tuple[PersonRecord, PersonRecord, str]] = field(default_factory=list)
    org_apologies: dict[str, str] = field(default_factory=dict)
    apology_evidence: dict[int, str] = field(default_factory=dict)
    actions: list[tuple[Action, list[object], str]] = field(default_factory=list)
    decisions: int = 0                                                # Decision nodes made so far
    strategies: list[Strategy] = field(default_factory=list)          # Strategy nodes, in the order made
    mentioned: dict[int, list[tuple[Item, str]]] = field(default_factory=dict)
    status_lines: set[int] = field(default_factory=set)              # roster lines read as a status code
    list_lines: set[int] = field(default_factory=set)                # lines read as a list of people, not prose
    action_log_lines: set[int] = field(default_factory=set)          # rows of an action log, read as its table
    place: str | None = None      # the place whose minutes these are ("Eastfield"), where the text says
    pos: int = 0
    lines: list[str] = field(init=False, repr=False)   # the document's lines, split once
    # What resolve_org and split_role_org answered, and the organisations noted: the stages ask about the
    # same phrases again and again, and the answers depend only on the gazetteer, the home council and the
    # acronyms, all settled before.
    answers: dict[tuple, object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.lines = self.doc.lines

    @property
    def name(self) -> str:
        return self.doc.name

    def next_pos(self) -> int:
        self.pos += 1
        return self.pos


def titlecase(text: str) -> str:
    small = {"and", "of", "for", "the", "to", "in", "on"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(text.split()))


_TOKEN_ACRONYM = re.compile(r"(?<![\w&])[A-Z]{3,6}(?![\w&])")


def _body_with_initials(ctx: Context, acr: str) -> OrgEntry | None:
    """'Ed Garth, ESVA' in a page that names the Shire Voluntary Action elsewhere: an acronym nobody
    defined is the body, named in full somewhere in the page, whose initials it is (if only one is)."""
    key = ("initials", acr)
    if key not in ctx.answers:
        # One pattern per acronym: a capitalised word for each letter, small joining words between.
        joined = r"[\w’'-]*\s+(?:(?:and|of|for|&|the)\s+)?".join(re.escape(c) for c in acr)
        phrases = {m.group(0) for m in re.finditer(rf"(?<![\w’'-]){joined}[\w’'-]*", ctx.doc.text)
                   if not is_first_name(m.group(0).split()[0]) and not m.group(0).replace(" ", "").isupper()}
        ctx.answers[key] = None
        if len(phrases) == 1:
            phrase = phrases.pop()
            found = ctx.gazetteer.lookup(phrase, ctx.home)
            ctx.answers[key] = localised(ctx, found) if found else OrgEntry(phrase)
        elif not phrases and council_by_initials(acr, ctx.place):
            # "Nigel Hale (SBC)" in the minutes of a place whose council is never named in full.
            ctx.answers[key] = OrgEntry(council_by_initials(acr, ctx.place), "council")
    return ctx.answers[key]


# A council's initials, then a service of its own (no board, partnership or committee of several bodies).
_COUNCIL_DEPARTMENT = re.compile(r"([A-Z]{2,5})\s+((?>[A-Z][\w’'&-]*)(?:\s+(?>[A-Z][\w’'&-]*)){0,3})"
                                 r"(?<!Board)(?<!Partnership)(?<!Committee)(?<!Forum)(?<!Trust)(?<!Group)")


def _names_own_body(text: str) -> bool:
    """'Eastfield Homes' after 'LBE': a body's name of its own (a head that names no department)."""
    phrases = find_org_phrases(text.strip())
    return bool(phrases) and phrases[-1][2] == len(text.strip()) and text.split()[-1] not in WEAK_HEADS


def _council_of(ctx: Context, place: str) -> str:
    """The council of a place as this page names it in full ('Westvale County Borough Council'), else
    '<place> Council'."""
    key = ("council-of", place)
    if key not in ctx.answers:
        named = re.search(rf"\b{re.escape(place)}\s+((?:(?:County|Borough|City|District|Metropolitan)\s+){{0,3}})Council\b",
                          ctx.doc.text)
        ctx.answers[key] = f"{place} {named.group(1) if named else ''}Council"
    return ctx.answers[key]


def resolve_org(ctx: Context, text: str, loose: bool = False) -> OrgEntry | None:
    """The organisation a phrase names: gazetteer, this document's acronyms, or an institution-shaped name."""
    key = ("org", text, loose)
    if key not in ctx.answers:
        ctx.answers[key] = _resolve_org(ctx, text, loose)
    return ctx.answers[key]


def _resolve_org(ctx: Context, text: str, loose: bool) -> OrgEntry | None:
    text = re.sub(r"\s+", " ", text).strip(" .,;:*")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or len(text) > 90 or text.count("(") != text.count(")") or is_sub_group(text):
        return None
    if text in ctx.org_aliases:
        return localised(ctx, ctx.org_aliases[text])
    if _TOKEN_ACRONYM.fullmatch(text):
        found = _body_with_initials(ctx, text)
        if found is not None:
            return found
    entry = ctx.gazetteer.lookup(text, ctx.home)
    if entry:
        return localised(ctx, entry)
    bare = re.sub(r"^the\s+", "", text, flags=re.I)
    m = re.fullmatch(r"(.+?)\s*\(([A-Z]{2,6})\)", bare)
    if m:
        return resolve_org(ctx, m.group(1), loose)
    if loose and fold(bare) in ctx.gazetteer.boroughs:
        # "Strategic Lead Safer Communities, Barnet": in an organisation's slot a borough is its council.
        return OrgEntry(ctx.gazetteer.boroughs[fold(bare)], "council")
    if loose and is_place(bare):
        return OrgEntry(_council_of(ctx, canonical_place(bare)), "council")     # "Councillor Ann Hale (Westvale)"
    local = local_partnership(ctx, bare)
    if local:
        return local
    lead = _COUNCIL_DEPARTMENT.fullmatch(bare)
    if lead and not _names_own_body(lead.group(2)):
        council = resolve_org(ctx, lead.group(1))
        if council is not None and council.kind == "council":
            return council      # "LBL Crime Reduction Service", "LBL YOS": a council's own service is the council
    if is_generic_body(bare):
        # "Police" in a Scottish council's minutes: the nation's one force (or fire service).
        service = {"police": "police", "fire": "fire", "fire service": "fire", "fire and rescue": "fire",
                   "fire and rescue service": "fire", "nhs": "health", "the nhs": "health", "health board": "health",
                   "nhs board": "health"}.get(fold(bare))
        if service == "health":
            board = health_board(ctx.place)      # "Edith Ross, NHS" in a Scottish area's minutes: its board
            return (ctx.gazetteer.lookup(board) or OrgEntry(board, "health")) if board else None
        national = national_service(ctx.place, service) if service else None
        if national is None and service == "police":
            national = force_area_named(ctx) or police_force(ctx.place)     # "Police colleagues" in an English area's minutes
            if national and not national.endswith(("Police", "Constabulary", "Service")):
                national = None
        if national:
            return ctx.gazetteer.lookup(national) or OrgEntry(national, service)
        return None     # otherwise: which one, the text has not said
    if _NHS_PLACE.fullmatch(bare):
        return OrgEntry(bare)     # "NHS Grampian", "NHS South Yorkshire"
    if bare.startswith("Public Health ") and is_place(bare[len("Public Health "):]):
        return OrgEntry(bare, "health")     # a place's public health team named as a body: "Public Health Eastshire"
    phrases = find_org_phrases(bare)
    if phrases and phrases[-1][2] == len(bare) and _PLACES_JOINED.fullmatch(bare, 0, phrases[-1][1]):
        return OrgEntry(bare)     # "Eastfield and Westfield Teaching Hospitals NHS Foundation Trust"
    if phrases and phrases[-1][2] == len(bare) and len(phrases[-1][0].split()) >= len(bare.split()) - 1 \
            and not _LEADING_POST.match(phrases[-1][0]):
        # "Local Government", "Corporate Support": a government by its adjective, a department by its
        # field, is no one body.
        head = phrases[-1][0].split()[-1]
        generic = is_generic_body(phrases[-1][0]) or head in ("Government", "Support", "Team", "Unit", "Department") \
            and _only_service_words(phrases[-1][0])
        return None if generic else OrgEntry(phrases[-1][0])
    if loose and re.fullmatch(r"(?:[A-Z][\w’'&-]*\s?){1,5}", bare) and not ROLE_WORD_RE.search(bare) \
            and not all(is_name_word(w) for w in bare.split()) and not split_title(bare).title \
            and (len(bare.split()) >= 2 or not bare.isupper()) \
            and not _only_service_words(bare):
        # ... but "Local Government", "Strategic Commissioning", "Independent": words of a service or a
        # seat, with nothing that names one body.
        return OrgEntry(bare)
    return None


def _only_service_words(text: str) -> bool:
    """'Local Government', 'Corporate Support', 'Independent': words of a service or a seat, none naming a
    place or anything of its own."""
    return all((w in NOT_NAME_WORDS or w.lower() in _SERVICE_WORDS) and not _a_place(w) for w in text.split())


def _a_place(word: str) -> bool:
    return bool(place_at([word])) or word in _NATIONS


_NATIONS = frozenset({"London", "England", "Wales", "Scotland", "Ireland", "Britain", "UK"})
_SERVICE_WORDS = frozenset("""
corporate labour government conservative liberal democrat green party resources commissioning engagement education
strategy policy finance operations development services service care support
""".split())
_GENERIC_BODY_WORDS = frozenset("""
council councils community county borough district city town parish metropolitan unitary police fire rescue
service services health board trust nhs partnership group team panel committee forum network action voluntary
authority local public safety safer social care commissioning clinical university hospital the of and for in
governance needs attendance support office department unit agency
""".split())


_NHS_PLACE = re.compile(r"NHS(?:\s+[A-Z][a-z]+){1,3}")
# Two places (or a founder's names) joined before a body named for both: "Eastfield and Westfield ...".
_PLACES_JOINED = re.compile(r"(?:[A-Z][\w’'-]+\s+){1,2}(?:and|&)\s+")
# "Co-chair Inclusion and Fairness Forum", "Chair Safer Streets Board": a post run straight into its body.
_LEADING_POST = re.compile(r"(?:Co-|Vice[- ]|Deputy\s+)?(?:Chair|Chairman|Chairperson|Chairwoman|Convener|Convenor|"
                           r"Secretary|Treasurer|Clerk|Lead|Manager|Director|Officer|Member)\s+(?!of\b|for\b|and\b)", re.I)


def localised(ctx: Context, entry: OrgEntry) -> OrgEntry:
    """A federation named alone ('Healthwatch', 'the OPCC') in a place's minutes is that place's body
    ('Healthwatch Eastfield', 'Office of the Police and Crime Commissioner for Shire'), where the place or
    the police force the minutes name is known."""
    if not entry.local_name:
        return entry
    force = force_area(ctx) if "{force}" in entry.local_name else None
    if "{force}" in entry.local_name and not force or "{place}" in entry.local_name and not ctx.place:
        return entry
    return OrgEntry(entry.local_name.format(place=ctx.place, force=force), entry.kind)


_FORCE = re.compile(r"\b((?:[A-Z][a-z]+\s+(?:and\s+|&\s+)?){1,3})(?:Police|Constabulary)\b")
_FORCE_IN_CAPS = re.compile(r"\b(?:[A-Z]+\s+(?:AND\s+|&\s+)?){1,3}(?:POLICE|CONSTABULARY)\b")


def force_area(ctx: Context) -> str | None:
    """The area of the police force the text names most ('Shire Police' -> 'Shire'), if one stands out."""
    force = force_area_named(ctx)
    return re.sub(r"\s+(?:Police|Constabulary)$", "", force) if force else None


def force_area_named(ctx: Context) -> str | None:
    """The police force the text names most ('Shire Police'), if one stands out."""
    key = ("force-named",)
    if key not in ctx.answers:
        counts: dict[str, int] = {}
        text = ctx.doc.text
        if "POLICE" in text or "CONSTABULARY" in text:
            # "SHIRE POLICE AND CRIME PANEL" as a heading names the force as well.
            text += "\n" + "\n".join(titlecase(m.group(0)) for m in _FORCE_IN_CAPS.finditer(text))
        for m in _FORCE.finditer(text) if "Police" in text or "Constabulary" in text else ():
            words = m.group(1).split()
            for k in range(len(words)):      # the longest known force the words end with
                entry = ctx.gazetteer.lookup(" ".join(words[k:]) + " Police")
                if entry is not None and entry.kind == "police":
                    counts[entry.name] = counts.get(entry.name, 0) + 1
                    break
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        ctx.answers[key] = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    return ctx.answers[key]


def local_partnership(ctx: Context, phrase: str) -> OrgEntry | None:
    """'the Community Safety Partnership' named alone: the meeting's own body where it is one of that
    kind, else this place's ('Eastfield Community Safety Partnership'); None where the place is unknown."""
    kind = partnership_type(phrase)
    if kind is None:
        return None
    body = ctx.meeting.body
    if body and fold(body).endswith(fold(kind)):
        return meeting_body(ctx)
    return OrgEntry(placed(kind, ctx.place), "partnership") if ctx.place else None


def meeting_body(ctx: Context) -> OrgEntry | None:
    """The meeting's own body as an organisation, where the minutes name it (the gazetteer's entry if it
    knows the body: not resolve_org, which asks local_partnership)."""
    body = ctx.meeting.body
    return (ctx.gazetteer.lookup(body, ctx.home) or OrgEntry(body)) if body else None


def person_by_initials(ctx: Context, token: str, line: int | None) -> PersonRecord | None:
    """'JR', 'PB gave a presentation': the person these initials name, a person of that name where no one
    named in full has them, or None where the letters are a body's acronym ('CSP', 'NHS')."""
    if token in ctx.org_aliases or token in NOT_NAME_WORDS or ctx.gazetteer.lookup(token, ctx.home) is not None:
        return None
    return ctx.people.by_initials(token) or ctx.people.mention(NameParts("", token), ctx.next_pos(), line)


def is_generic_body(name: str) -> bool:
    """A body named by its kind alone ('Council', 'Community Council', 'Fire and Rescue Service'): no name."""
    words = re.findall(r"[A-Za-z]+", name.lower())
    return bool(words) and all(w in _GENERIC_BODY_WORDS for w in words) and len(words) <= 4


_SUB_GROUP = re.compile(r"\bsub[- ]?group\b", re.I)


def is_sub_group(text: str) -> bool:
    """'Performance Sub-Group': a part of a body, not a body (the pattern is tried only if 'group' is there)."""
    return has_any(text, ("group",)) and bool(_SUB_GROUP.search(text))


def note_org(ctx: Context, entry: OrgEntry, evidence: str) -> Organisation:
    ctx.orgs_seen.setdefault(entry.name, evidence)
    # Adding the same node again would change nothing (the graph merges it), so it is added once.
    key = ("org-node", entry.name, entry.kind)
    if key not in ctx.answers:
        node = Organisation(id=ids.organisation_id(entry.name), name=entry.name, documents=[ctx.name],
                            kind=entry.kind)
        ctx.answers[key] = ctx.graph.add(node)
    return ctx.answers[key]


def titlecase_line(text: str) -> str:
    """Upper-case headings read as title case, so their names are found like any other."""
    if text.isupper() and len(text) > 8:
        return titlecase(text)
    return text


def line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)].strip()


def note_person(ctx: Context, parts: NameParts, line: int | None, role: str | None = None,
                org: OrgEntry | None = None, evidence: str = "") -> PersonRecord:
    record = ctx.people.mention(parts, ctx.next_pos(), line)
    note_post(ctx, record, role, org, evidence, line)
    return record


_POST_NOISE = re.compile(rf"^(?:(?:{alternation('post_noise_before')})\s+)*(?:the\s+|a\s+|an\s+)?", re.I)
_POST_TAIL = re.compile(r"\s+(?:to|at) the (?:meeting|board|panel|committee|partnership|group)\b.*$", re.I)


def clean_post(role: str | None) -> str | None:
    """A post without the words around it: 'in her new role as Provost' -> 'Provost'."""
    if not role:
        return role
    role = _POST_TAIL.sub("", _POST_NOISE.sub("", role.strip())).strip(" ,;")
    # "Executive Director of Place, Present, as expected": an attendance code left in a table's post cell.
    parts = role.split(",")
    for k in range(1, len(parts)):
        if attendance_code(",".join(parts[k:])):
            role = ",".join(parts[:k]).strip(" ,;")
            break
    return role or None


def note_post(ctx: Context, record: PersonRecord, role: str | None, org: OrgEntry | None, evidence: str,
              line: int | None) -> None:
    """A post and/or organisation the text gives a person; the organisation is noted as named."""
    role = clean_post(role)
    if org:
        note_org(ctx, org, evidence)
    if role or org:
        record.facts.append(RoleFact(role, org.name if org else None, evidence, line))


_ACRONYM = re.compile(r"[A-Z]{2,6}")


_POST_OF_BODY = re.compile(r"(?:the\s+)?(?P<post>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:of|for|at)\s+(?:the\s+)?"
                           r"(?P<body>[A-Z].*)")
_POSSESSIVE_POST = re.compile(r"(?:the\s+)?(?P<body>[A-Z][^’',()]{1,80}?)[’'](?:s)?\s+(?P<post>[^’'()]{2,80})")


def split_role_org(ctx: Context, text: str) -> tuple[str | None, OrgEntry | None]:
    """'Director of Public Health, London Borough of Barnet (LBB)' -> (role, organisation)."""
    key = ("role", text)
    if key not in ctx.answers:
        ctx.answers[key] = _split_role_org(ctx, text)
    return ctx.answers[key]


def _split_role_org(ctx: Context, text: str) -> tuple[str | None, OrgEntry | None]:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:–-—")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    text = text.strip(" ,.;:–-—")
    if not text or text.count("(") != text.count(")"):
        return None, None
    owner = _POSSESSIVE_POST.fullmatch(text)
    if owner and ROLE_WORD_RE.search(owner.group("post")):
        # "Eastfield Homes’ representative": the body owns the post, which is written with it.
        org = resolve_org(ctx, owner.group("body"))
        if org:
            return re.sub(r"^the\s+", "", text), org
    lead = re.match(r"\(([^()]+)\)[\s,]*", text)
    if lead and ROLE_WORD_RE.search(lead.group(1)) and lead.end() < len(text):
        # "(Chairman), Mid and Upper Dale": the post in brackets, then a ward or a body.
        return lead.group(1).strip(), resolve_org(ctx, text[lead.end():])
    paren = re.fullmatch(r"(.*?)\s*\(([^()]+)\)", text)
    if paren and (not re.fullmatch(r"[A-Z]{2,6}", paren.group(2)) or ROLE_WORD_RE.search(paren.group(1))):
        # 'Data Analyst (LBB)': the post, then its body by its initials; 'Shire Safety Board (SSB)' is one body.
        inner = paren.group(2)
        org = resolve_org(ctx, inner)
        role, org2 = split_role_org(ctx, paren.group(1)) if paren.group(1) else (None, None)
        if org:
            return role, org2 or org
        if ROLE_WORD_RE.search(inner) and role is None:
            return inner, org2
        return role, org2
    segments = [s.strip() for s in split_outside_parens(text, r",\s*|\s+[–—-]\s+|\s+at\s+|\s+from\s+") if s.strip()]
    placed_body = _post_then_placed_body(ctx, segments[-1]) if segments else None
    if placed_body:
        return ", ".join(segments[:-1] + [placed_body[0]]), placed_body[1]
    post_of = _POST_OF_BODY.fullmatch(segments[0]) if len(segments) == 1 else None
    if post_of and ROLE_WORD_RE.search(post_of.group("post")) and not ROLE_WORD_RE.search(post_of.group("body")) \
            and post_of.group("body").split()[0] not in WEAK_HEADS and not _FOR_OR_AT.search(post_of.group("body")):
        # "Chair of Eastfield CCG": the post, at the body it names (which alone would read as the body).
        body = resolve_org(ctx, post_of.group("body"))
        if body and not _is_department(body):
            return post_of.group("post"), body
    # Trailing segments that name bodies: "Dorset Council, Community Safety" -> the council, not its team.
    org, org_loose = None, True
    cut = len(segments)
    for i in range(len(segments) - 1, -1, -1):
        found = resolve_org(ctx, segments[i])
        loose = False
        if not found and i == len(segments) - 1 and i > 0:
            found, loose = resolve_org(ctx, segments[i], loose=True), True
        if found:
            # A known body (council, force, gazetteer) beats a department named beside it.
            known_kind = found.kind is not None
            if org is None or (org_loose and not loose) or (not loose and (known_kind or org.kind is None)):
                if not (org is not None and org.kind is not None and not known_kind):
                    org, org_loose = found, loose
            cut = i
        elif org is not None:
            break
    role_parts = segments[:cut]
    if org is None and segments:
        # "CEO CommUNITY Barnet", "Chair of Barnet Safer Neighbourhood Board": a post, then its body.
        words = segments[-1].split()
        for k in range(1, len(words)):
            left, right = " ".join(words[:k]), " ".join(words[k:])
            bare_right = re.sub(r"^(?:of|for|at|with)\s+(?:the\s+)?", "", right)
            adjacent = bare_right == right
            if ROLE_WORD_RE.search(left) and not ROLE_WORD_RE.search(bare_right) \
                    and not re.search(r"(?:&|\band|\bof|\bfor)$", left) \
                    and bare_right.split()[0] not in WEAK_HEADS and not _FOR_OR_AT.search(bare_right) \
                    and not (adjacent and (len(right.split()) < 2 and not _ACRONYM.fullmatch(right)
                                           or re.search(r"\b(?:of|for|and|&)\b", left))):
                # "Director of Public Health" is a post; only a body the gazetteer or its shape knows splits
                # off after "of"; "CEO CommUNITY Barnet" runs the body straight on.
                found = resolve_org(ctx, bare_right, loose=adjacent and not _ACRONYM.fullmatch(right))
                if found and not (not adjacent and _is_department(found)):
                    return ", ".join(segments[:-1] + [left]), found
            # "Children's Safeguarding Board Chairman": the body first, then the post.
            if ROLE_WORD_RE.search(right) and not ROLE_WORD_RE.search(left) and not re.match(r"(?:and|&|of|for)\b", right):
                found = resolve_org(ctx, left)
                if found:
                    return segments[-1], found     # the post keeps the body it is named for
    if org is None and len(segments) == 1:
        found = resolve_org(ctx, segments[0])
        if found:
            return None, found
        # "Chair of Barnet Safer Neighbourhood Board (SNB)": the post names its organisation.
        # The last "for" or "at" that a body follows, else the first "of": 'Director of Public Health for
        # Eastfield Council' keeps its field; 'Head of Service for ...' goes on to the body.
        splits = list(re.finditer(r"\b(?:of|for|at)\s+(?:the\s+)?(?=\S)", segments[0]))
        for m in [m for m in splits[::-1] if not m.group(0).startswith("of")] + splits[:1]:
            rest = segments[0][m.end():]
            if rest.split()[0] in WEAK_HEADS:
                continue
            org_in_role = resolve_org(ctx, rest)
            if org_in_role and not _is_department(org_in_role) and ROLE_WORD_RE.search(segments[0][:m.start()]):
                return segments[0][:m.start()].strip(), org_in_role
    role = re.sub(r"^(?:the|a|an)\s+", "", ", ".join(role_parts).strip(), flags=re.I) or None
    if role and not ROLE_WORD_RE.search(role):
        # 'NHS Grampian', 'City of Wakefield MDC': a body where a post would stand; a service area is no post.
        if not re.match(r"(?:Item|No|Agenda|Minute)s?\b", role) and not re.search(r"\d", role):
            org = org or resolve_org(ctx, role, loose=True)
        role = None
    return role, org


_FOR_OR_AT = re.compile(r"\s(?:for|at)\s")


def _is_department(body: OrgEntry) -> bool:
    """'Community Safety and Regulatory Services': a unit known only by its shape, which a post named 'of' it
    keeps ('Assistant Director of ...'), as printed."""
    return body.kind is None and body.name.split()[-1] in WEAK_HEADS


def _post_then_placed_body(ctx: Context, text: str) -> tuple[str, OrgEntry] | None:
    """'Director of Public Health Shire City Council': a post, then a known body whose name starts with a
    council's area."""
    words = text.split()
    for k in range(1, len(words)):
        if not place_at(words[k:]) or words[k - 1] in ("and", "&"):
            continue
        left, right = re.sub(r"\s+(?:(?:of|for|at)(?:\s+the)?|the)$", "", " ".join(words[:k])), " ".join(words[k:])
        if ROLE_WORD_RE.search(left) and not ROLE_WORD_RE.search(right):
            found = resolve_org(ctx, right)
            if found and found.kind:
                return left, found
    return None


def split_outside_parens(text: str, separator: str) -> list[str]:
    """Split on a separator pattern, but never inside parentheses: 'A (X, Y), B (Z)' -> ['A (X, Y)', 'B (Z)']."""
    masked, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        masked.append("\x00" if depth and ch not in "()" else ch)
    masked_text = "".join(masked)
    out, last = [], 0
    for m in re.finditer(separator, masked_text):
        out.append(text[last:m.start()])
        last = m.end()
    out.append(text[last:])
    return out


# A post as printed: capitalised words with their small joining words ("Head of Community Safety").
_RANK_QUALIFIER_LEAD = re.compile(rf"{RANK_QUALIFIERS}(?=[A-Z])")
_POST_SHAPE = re.compile(r"[A-Z][\w’'&/.-]*(?:\s+(?:[A-Z][\w’'&/.()-]*|of|for|and|the|&|to|in|on|with|[–-]))*")


def parse_entry(ctx: Context, text: str, line: int | None, evidence: str | None = None
                ) -> tuple[PersonRecord, NameParts] | None:
    """One attendance or apology entry: 'Fiona Bateman – Independent Chair, Barnet Safeguarding Adults Board',
    'Jo Bell Public Health Co-ordinator, NHS Highland', 'Ian Hart from the Development Partnership'."""
    text = re.sub(r"^\s*[-*•·]+\s*", "", text).strip()
    qualified = _RANK_QUALIFIER_LEAD.match(text)
    lead = leading_person(text[qualified.end():] if qualified else text)
    if lead and qualified and not lead[0].rank_post:
        lead = None
    if not lead:
        return None
    parts, rest = lead
    # "Divisional Commander Ken Marsh - Shire Police": the rank and the words before it are the post.
    qualified_rank = f"{' '.join(qualified.group(0).split())} {parts.rank_post}" if qualified else None
    if not parts.title and _names_a_body(ctx, text, parts):
        return None
    if not parts.title and not name_shaped_lead(parts) and rest.strip() \
            and not re.match(r"\s*(?:[,(–—:|]|\s-\s)\s*\S", rest):
        return None     # "Aberdeenshire Voluntary Action": no known first name, and the words run on into a body
    rest = rest.strip()
    if len(parts.words) == 3 and rest and not re.match(r"[,(–—:-]", rest) and not place_starts_body(rest.split(None, 6)[:6]):
        # "Julie Howe Dorset Police": a table's columns run together; the third word starts the body.
        first_cell = re.split(r",|\s{2,}|\s*\(", rest)[0]
        body_first = f"{parts.words[2]} {first_cell}".strip()
        if resolve_org(ctx, body_first):
            parts = NameParts(parts.title, " ".join(parts.words[:2]))
            rest = text[text.index(parts.name) + len(parts.name):].strip()
    role, org = (None, None)
    rest, initials = _own_initials(rest, parts)
    rest = re.sub(r"^(?:from|of|representing)\s+(?:the\s+)?", "", rest)
    if rest:
        if re.match(r"^[,(–—:-]|^-", rest):
            role, org = split_role_org(ctx, rest)
        elif _POST_SHAPE.fullmatch(rest.split(",")[0].strip()) and ROLE_WORD_RE.search(rest.split(",")[0]):
            # "Development Officer, Shire Voluntary Action": a post run on after the name.
            role, org = split_role_org(ctx, rest)
        else:
            # Table rows run together: "Julie Howe Dorset Police", "Laura Beddow Dorset Council (Chair)".
            chair = re.search(r"\((Chair(?:man)?|Vice[- ]Chair(?:man)?)\)", rest)
            first = re.split(r",|\s{2,}|\s[–—-]\s", re.sub(r"\([^)]*\)", "", rest).strip())[0]
            org = resolve_org(ctx, first, loose=True)
            role = chair.group(1) if chair else None
    if parts.rank_post and not role:
        role = qualified_rank
    record = note_person(ctx, parts, line, role, org, evidence or text)
    if initials:
        ctx.people.add_form(record, initials)
    return record, parts


_BRACKETED_INITIALS = re.compile(r"\s*\((?:(?:Cllr|Dr|Cty Cllr)\.?\s+)?([A-Z][A-Za-z]{1,4})(?:\s*[-–,]\s*([^)]*))?\)\s*")


LAST_BRACKETED_INITIALS = re.compile(r"\s*\(([A-Z][A-Za-z]{1,4})\)\s*$")


def initials_of(token: str, parts: NameParts) -> bool:
    """'PK' for Pat Kerr, 'PMa' for Paul Mason: the first name's initial, then the surname's among the rest."""
    capitals = [c for c in token if c.isupper()]
    words = [w for w in parts.words if w[:1].isupper()]
    return len(words) >= 2 and capitals[:1] == [words[0][0]] and words[-1][0] in capitals[1:]


def _own_initials(rest: str, parts: NameParts) -> tuple[str, str | None]:
    """'Pat Kerr (PK)', 'Paul Mason (PMa)', 'Dan Hale (DH - Chair)': the initials the minutes will call
    the person by are an alias, not a post. Whatever else the brackets hold stays."""
    m = _BRACKETED_INITIALS.match(rest)
    if not m:
        # "Will Moore, Council (Chair) (WM)": the initials close the entry, after its post or body.
        last = LAST_BRACKETED_INITIALS.search(rest)
        if last and initials_of(last.group(1), parts):
            return rest[:last.start()].rstrip(), last.group(1)
        return rest, None
    if not initials_of(m.group(1), parts):
        return rest, None
    remainder = f" ({m.group(2)})" if m.group(2) else ""
    return (remainder + " " + rest[m.end():]).strip(), m.group(1)


_FIRST_CELL = re.compile(r"\s*(?:,|\(|\||\s[–—-]\s|\s{2,})")


def name_shaped_lead(parts: NameParts) -> bool:
    """A lead that reads as a person's name by itself: a known first name, or initials."""
    first = parts.words[0]
    return is_first_name(first) or "." in first or len(first.rstrip(".")) == 1


def _names_a_body(ctx: Context, text: str, parts: NameParts) -> bool:
    """'Aneurin Bevan University Health Board', 'Scottish Water': an organisation whose first words look like
    a name. A cell that reads as a body is one, unless it is exactly a name that starts with a first name."""
    cell = _FIRST_CELL.split(text, 1)[0].strip()
    after = cell[cell.find(parts.words[-1]) + len(parts.words[-1]):].strip()
    if not after and is_first_name(parts.words[0]):
        return False       # the cell is exactly a first name and a surname: a person
    body = resolve_org(ctx, cell)
    if not body:
        return False
    if gazetteer_key(cell) in ctx.gazetteer.entries:
        return True        # a body the gazetteer knows by this whole name
    if after and (resolve_org(ctx, after) or ROLE_WORD_RE.search(after)
                  or is_first_name(parts.words[0]) and is_generic_body(after)):
        return False       # 'Lee Gold Office of the Police and Crime Commissioner': a name, then the body
    return bool(after) or not is_first_name(parts.words[0])


def all_lines(ctx: Context) -> list[tuple[Line, Item | None]]:
    out: list[tuple[Line, Item | None]] = [(l, None) for l in ctx.layout.header]
    for item in ctx.layout.items:
        out += [(l, item) for l in item.agenda + item.body]
    return out


def mark_attended(ctx: Context, record: PersonRecord, evidence: str) -> None:
    ctx.attended.setdefault(id(record), evidence)


def heading_line(ctx: Context, item: Item) -> str:
    """The item's heading as printed, for evidence (titles are tidied for display)."""
    return ctx.lines[item.line - 1].strip() if 0 < item.line <= len(ctx.lines) else item.title
