"""Extraction: a Document's text and structure in, one document's PartnershipGraph out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from graph import ids
from graph.model import (Action, AgendaItem, Decision, Document as DocumentNode, Label, Meeting, Organisation,
                         PartnershipGraph, Person, Rel, Role, Strategy)
from loaders.dates import inferred_year, meeting_date
from loaders.document import Document
from loaders.names import NameParts, fold, full_name_mentions, is_name_word, leading_person, parse_person, \
    split_title, titled_mentions
from loaders.organisations import Gazetteer, OrgEntry, find_org_phrases, home_council, load_gazetteer, ORG_HEADS
from loaders.people import PeopleIndex, PersonRecord, RoleFact
from loaders.structure import Item, Layout, Line, parse_layout

# ----------------------------------------------------------------------------------------- patterns
ATTENDANCE_HEAD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<head>Board Members Present|Members Present|Members present|Present|Also Present|"
    r"Also in attendance|In attendance|In Attendance|Officers in attendance|Officers Present|Attendance Details|"
    r"Core Membership|Attendees|Attendance|Others Present|Support|Guests|Invited guests|Councillors present|"
    r"Officers)\s*(?::\s*(?P<rest>.*))?$", re.I)
APOLOGY_TRIGGER = re.compile(
    r"(?:^|\b)(?:Apologies|Apology)(?:\s+for\s+absence)?(?:\s+(?:were|was|had been|have been))?(?:\s+also)?"
    r"(?:\s+(?:received|given|noted|tendered|submitted))?(?:\s+(?:from|by))?(?:\s+the\s+following)?\s*[:\-–]?\s*",
    re.I)
ROLE_WORDS = ("Director", "Manager", "Head", "Officer", "Lead", "Coordinator", "Co-ordinator", "Commander",
              "Chair", "Chairman", "Chairwoman", "Chairperson", "Analyst", "Adviser", "Advisor", "Commissioner",
              "Chief Executive", "CEO", "Inspector", "Superintendent", "Member", "Representative", "Secretary",
              "Clerk", "Councillor", "Mayor", "Leader", "Consultant", "Specialist", "Worker", "Governor",
              "Deputy", "Assistant", "Partner", "Principal", "Senior", "Controller", "Sergeant", "Constable",
              "ACO", "Champion", "Practitioner", "Nurse", "Doctor", "GP", "Solicitor", "Administrator",
              "Strategist", "Engineer", "Planner", "Researcher", "Lecturer", "Professor", "Ambassador", "Cabinet")
_ROLE_WORD_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ROLE_WORDS) + r")s?\b", re.I)
PRESENT_VERBS = (r"presented|introduced|gave (?:a|an|the|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
                 r"(?:update|overview|presentation|report|briefing|summary)|"
                 r"provided (?:the (?:board|group|partnership|committee|meeting|members) with )?(?:a|an|the)\s+"
                 r"(?:[\w-]+\s+){0,3}?(?:update|overview|presentation|report|briefing|summary)|"
                 r"spoke to the (?:report|item|presentation|paper)|took (?:the )?(?:board|members|group|partnership|"
                 r"committee|meeting) through|updated the (?:board|group|partnership|committee|members|meeting)|"
                 r"(?:attended the meeting )?to update the (?:board|group|partnership|committee)|"
                 r"reported\s*:|led (?:the|a) (?:presentation|item|discussion)")
SPEECH_VERBS = ("asked|commented|noted|reported|added|enquired|inquired|responded|replied|suggested|explained|"
                "advised|stated|questioned|requested|informed|confirmed|proposed|updated|highlighted|recommended|"
                "mentioned|emphasised|emphasized|agreed|said|thanked|welcomed|praised|commended|offered|raised|"
                "queried|felt|stressed|acknowledged|remarked|clarified|outlined|drew|made|pointed|expressed|"
                "provided|presented|gave|spoke|took|led|introduced|reminded|encouraged|undertook|circulated|"
                "described|observed|congratulated|referred|tabled|declared|expressed|assured|believed|considered|"
                "indicated|invited|urged|warned|wished|summarised|summarized|concluded|opened|closed|chaired|"
                "moved|seconded|shared|discussed|accepted|undertook|sought|went|set|reiterated|announced|"
                "attended|joined|gave|confirmed")
_SPEECH_AFTER = re.compile(
    rf"^(?:\s*\([^)]{{1,90}}\))?(?:\s*,[^.;()]{{1,120}}?)??\s*,?\s+"
    rf"(?:also\s+|then\s+|further\s+|both\s+)?(?:{SPEECH_VERBS})\b")
_APPOSITIVE = re.compile(rf"(?:,|\s*[—–]|\s+-)\s*((?:the\s+)?[^,.;—–]{{2,90}}?(?:,\s*[A-Z][^,.;]{{1,60}}?)?)(?:,|\s+(?=(?:"
                         rf"{SPEECH_VERBS}|{PRESENT_VERBS}|was|were|had|has|would|will|is|also|then|giving|"
                         rf"providing|presenting|who|and head)\b)|\.?$)")
# "Ms Kay Matthews Chief Operating Officer for Barnet CCG, noted": a post straight after the name.
_BARE_POST = re.compile(r"\s+((?:[A-Z][\w’'&-]*\s+){0,4}?(?:" + "|".join(w for w in ROLE_WORDS if " " not in w) +
                        r")\b(?:\s+(?:of|for|at)\s+[^,.;]{2,60}?)?)\s*(?:,|\s+(?=(?:" + SPEECH_VERBS + r")\b))")
_AT_ORG = re.compile(r"\s+(?:at|from|of)\s+(?:the\s+)?((?:[A-Z][\w’'&-]*\s?(?:of\s|for\s|and\s|&\s)?){1,8})")
ACTION_MARKER = re.compile(r"(?:^|(?<=[.!?)\s]))\*{0,2}ACTIONS?\*{0,2}\s*(?:[:\-–—]|\s-\s)\s*(?P<owners>.+?)\s*\*{0,2}$",
                           re.I)
DECISION_PATTERNS = [
    (re.compile(r"(?:\bIt was\s+(?:(RESOLVED|AGREED)|(?i:(resolved|agreed)))|(?:^|(?<=[.:]\s))(?:(RESOLVED|AGREED)|"
                r"(?i:(resolved|agreed)))(?=\s*[:\-–—]|\s+that\b)|\b(RESOLVED|AGREED))\b\s*(?:[:\-–—]\s*)?"
                r"(?:\(\w\)\s*)?(?:that\s+|to\s+)?(?P<text>.*)"), None),
    (re.compile(r"\b[Tt]he (?:[A-Z][\w’']*\s+){0,5}?(?:Board|Committee|Partnership|Group|Members|board|committee|"
                r"partnership|group|members)\s+(?:also\s+|then\s+|formally\s+|unanimously\s+)?"
                r"(?P<verb>considered and noted|noted and agreed|noted|agreed|approved|endorsed|resolved|ratified|"
                r"adopted|accepted|supported|considered)\b(?P<text>.*)"), "verb"),
    (re.compile(r"\b(?:The )?minutes of the (?:previous |last )?meeting(?: held)?(?: on [^.]{0,30})?\s+"
                r"(?:were|was|be)\s+(?P<verb>approved|agreed|confirmed|accepted)(?P<text>[^.]*)", re.I), "verb"),
]
STRATEGY_KINDS = {
    "strategy": "strategy", "strategies": "strategy", "plan": "plan", "programme": "programme",
    "program": "programme", "project": "project", "scheme": "scheme", "campaign": "campaign",
    "assessment": "assessment", "framework": "framework", "fund": "fund", "charter": "charter",
    "initiative": "programme", "partnership": None, "operation": "operation", "pilot": "project",
}
_KIND_ALT = "Strategy|Plan|Programme|Program|Project|Scheme|Campaign|Assessment|Framework|Fund|Charter|Initiative"
_CAP = r"(?:[A-Z][\w’'/-]*|[A-Z]{2,}[a-z]?|\d{4}(?:[/-]\d{2,4})?)"
STRATEGY_RE = re.compile(
    rf"(?P<name>{_CAP}(?:\s+(?:(?:and|to|for|of|on|&|in|the)\s+)?{_CAP}(?:\s+\([A-Z]{{2,6}}\))?){{0,7}}\s+"
    rf"(?:{_KIND_ALT})\b(?!\s+(?!Update|Report|Progress|Refresh|Review|Consultation)[A-Z][a-z])"
    rf"(?:\s+(?:19|20)\d{{2}}(?:\s*[-–/]\s*\d{{2,4}})?)?(?:\s+\((?:[A-Z][\w ]+)\))?)"
    rf"|(?P<acronym>\b[A-Z]{{2,}}\s+(?:programme|project|scheme|campaign|strategy|plan)\b)"
    rf"|(?P<quoted>[‘'][^’']{{3,40}}[’']\s+(?:campaign|project|programme|scheme))"
    rf"|(?P<framework>\b(?:Framework|Strategy|Plan) for (?:[A-Z][\w’']*\s?){{1,4}})"
    rf"|(?P<operation>\bOperation\s+(?:[A-Z][a-z]+|[a-z]{{4,}}))\b"
    rf"|(?P<lower>(?:[A-Z][\w’'/-]*\s+(?:(?:and|to|for|of|on|&|in|the)\s+)?){{2,7}}"
    rf"(?:project|programme|strategy|scheme|campaign)\b)")
_STRATEGY_NOISE = re.compile(r"^(?:(?:The|A|An|This|That|New|Draft|Update|Updated|Report|Progress|Presentation|"
                             r"Performance|Delivery|Findings|Review|Summary|Outline)\s+(?:on|of|to|for|from)?\s*"
                             r"(?:the\s+)?)+")
GENERIC_STRATEGY_WORDS = {"action", "draft", "new", "work", "forward", "the", "this", "our", "their", "delivery",
                          "business", "local", "national", "future", "current", "previous", "next", "annual",
                          "improvement", "recovery", "a", "an", "its", "his", "her", "each", "any", "all",
                          "project", "programme", "plan", "strategy", "and", "update", "report"}
EVERYONE = re.compile(r"^(?:all|all members|all partners|all board members|board members|everyone|"
                      r"the board|members|partners|all agencies)$", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘(])|(?<=\.)\s*(?=Action\s*[:\-–])|\s*\n\s*")


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
    orgs_seen: dict[str, str] = field(default_factory=dict)          # canonical name -> evidence
    item_nodes: dict[int, AgendaItem] = field(default_factory=dict)  # id(Item) -> node
    presented: list[tuple[PersonRecord, AgendaItem, str]] = field(default_factory=list)
    contributed: list[tuple[PersonRecord, AgendaItem, str]] = field(default_factory=list)
    substitutions: list[tuple[PersonRecord, PersonRecord, str]] = field(default_factory=list)
    org_apologies: dict[str, str] = field(default_factory=dict)
    apology_evidence: dict[int, str] = field(default_factory=dict)
    actions: list[tuple[Action, list[object], str]] = field(default_factory=list)
    mentioned: dict[int, list[tuple[Item, str]]] = field(default_factory=dict)
    pos: int = 0

    @property
    def name(self) -> str:
        return self.doc.name

    def next_pos(self) -> int:
        self.pos += 1
        return self.pos


# ----------------------------------------------------------------------------------------- entry point
def extract(doc: Document, gazetteer: Gazetteer | None = None) -> PartnershipGraph:
    """Read one document of minutes into a graph: meeting, items, people, organisations, facts."""
    gazetteer = gazetteer or load_gazetteer()
    layout = parse_layout(doc.text)
    graph = PartnershipGraph()
    ctx = Context(doc, layout, gazetteer, home_council(doc.text, gazetteer), graph,
                  _meeting(doc, layout, graph))
    _define_acronyms(ctx)
    _contact_lines(ctx)
    _attendance(ctx)
    _apologies(ctx)
    _prose_substitutions(ctx)
    _items(ctx)
    ctx.people.merge_lone_surnames()
    _people_nodes(ctx)
    _organisation_mentions(ctx)
    if not layout.items:
        graph.warn(doc.name, None, "no agenda items found; the meeting has no items")
    return graph


# ----------------------------------------------------------------------------------------- meeting
def _meeting(doc: Document, layout: Layout, graph: PartnershipGraph) -> Meeting:
    header = "\n".join(l.text for l in layout.header)
    body = doc.text[len(header):] if header else doc.text
    date, source, context = meeting_date(header, body)
    if doc.metadata.get("date"):
        date, source = doc.metadata["date"], "metadata"
    body_name, body_source = _body_name(doc, layout)
    meeting = Meeting(id=ids.meeting_id(doc.name), name="", body=body_name, date=date, document=doc.name,
                      documents=[doc.name], venue=doc.metadata.get("venue") or _venue(layout),
                      date_source=source, body_source=body_source, url=doc.metadata.get("url"))
    if not date:
        meeting.date_inferred = inferred_year(context)
    if context.get("previous"):
        meeting.extra["previous_meeting_date"] = context["previous"]
    if context.get("next"):
        meeting.extra["next_meeting_date"] = context["next"]
    when = date or (f"({meeting.date_inferred})" if meeting.date_inferred else "")
    meeting.name = " ".join(x for x in (body_name or f"Meeting recorded in {doc.name}", when) if x)
    graph.add(meeting)
    d = graph.add(DocumentNode(id=ids.document_id(doc.name), name=doc.name, sha256=doc.sha256,
                               documents=[doc.name], url=doc.metadata.get("url")))
    graph.relate(Rel.RECORDED_IN, meeting.id, d.id, doc.name, f"minutes document {doc.name}")
    if body_name:
        org = graph.add(Organisation(id=ids.organisation_id(body_name), name=body_name, documents=[doc.name],
                                     kind="partnership" if "partnership" in body_name.lower() else "board"))
        graph.relate(Rel.MEETING_OF, meeting.id, org.id, doc.name, body_name)
    return meeting


_BODY_RE = re.compile(r"\b((?:[A-Z][\w’']*[ \t]+(?:and[ \t]+|&[ \t]+|of[ \t]+|for[ \t]+)?){0,5}"
                      r"(?:Partnership Board|Partnership|Board|Committee|Sub-Committee|Forum|Group|Panel))\b")


def _body_name(doc: Document, layout: Layout) -> tuple[str | None, str | None]:
    if doc.metadata.get("body"):
        return doc.metadata["body"], "metadata"
    header = [l.text.strip() for l in layout.header if l.text.strip()]
    for text in header[:12]:
        text = re.sub(r"\s+[-–]\s+\w+day\b.*$", "", text)
        m = _BODY_RE.fullmatch(text.strip(" *#").title() if text.isupper() else text.strip(" *#"))
        if m and len(m.group(1).split()) >= 2 and not re.match(r"(?:Agenda|Minutes|Meeting)\b", m.group(1)):
            return _titlecase(m.group(1)), "text"
    counts: dict[str, int] = {}
    for m in _BODY_RE.finditer(doc.text):
        name = m.group(1)
        name = re.sub(r"^(?:The|Of|A|An|And|Chairman|Chair)\s+", "", name)
        if len(name.split()) >= 3 and re.search(r"Partnership|Board", name):
            counts[name] = counts.get(name, 0) + 1
    if counts:
        best = max(counts, key=lambda k: (counts[k], len(k)))
        # Named once, the body still shows itself as the one chaired or meeting here.
        if counts[best] >= 2 or re.search(rf"\b(?:Chair(?:man|woman|person)?|meeting) of the {re.escape(best)}",
                                          doc.text):
            return best, "text"
    return None, None


def _titlecase(text: str) -> str:
    small = {"and", "of", "for", "the", "to", "in", "on"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(text.split()))


def _venue(layout: Layout) -> str | None:
    lines = [l.text.strip() for l in layout.header]
    for i, text in enumerate(lines):
        m = re.match(r"(?:\*\*)?Venue\s*:?\s*(?:\*\*)?\s*(.*)$", text, re.I)
        if m:
            value = m.group(1) or next((t for t in lines[i + 1:] if t), "")
            return re.sub(r"\.?\s*View directions.*$", "", value).strip(" .*") or None
        m = re.match(r"Minutes of (?:a )?meeting held on [^,\n]*?\d{4}\s+(.+)$", text, re.I)
        if m:
            return m.group(1).strip()
        if re.match(r"Minutes of (?:a )?meeting held on", text, re.I) and i + 1 < len(lines) and lines[i + 1] \
                and re.search(r"\b(?:Hall|Centre|Room|House|Offices?|Chamber|Building|Online|Teams)\b", lines[i + 1]):
            return lines[i + 1]
    return None


# ----------------------------------------------------------------------------------------- organisations
def _define_acronyms(ctx: Context) -> None:
    """'Barnet Safer Neighbourhood Board (SNB)': later 'SNB' in this document means that body."""
    for m in re.finditer(r"((?:[A-Z][\w’']+\s+(?:and\s+|of\s+|for\s+|&\s+)?){1,7})\((?P<acr>[A-Z]{2,6})\)",
                         ctx.doc.text):
        acr = m.group("acr")
        phrase = m.group(1).strip()
        entry = ctx.gazetteer.lookup(phrase, ctx.home)
        if entry:
            ctx.org_aliases[acr] = entry
            continue
        for org_phrase, _, end in find_org_phrases(phrase):
            if end == len(phrase):
                ctx.org_aliases[acr] = OrgEntry(org_phrase)


def resolve_org(ctx: Context, text: str, loose: bool = False) -> OrgEntry | None:
    """The organisation a phrase names: gazetteer, this document's acronyms, or an institution-shaped name."""
    text = re.sub(r"\s+", " ", text).strip(" .,;:*")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or len(text) > 90 or text.count("(") != text.count(")") or re.search(r"\bsub[- ]?group\b", text, re.I):
        return None
    if text in ctx.org_aliases:
        return ctx.org_aliases[text]
    entry = ctx.gazetteer.lookup(text, ctx.home)
    if entry:
        return entry
    bare = re.sub(r"^the\s+", "", text, flags=re.I)
    m = re.fullmatch(r"(.+?)\s*\(([A-Z]{2,6})\)", bare)
    if m:
        return resolve_org(ctx, m.group(1), loose)
    if loose and fold(bare) in ctx.gazetteer.boroughs:
        # "Strategic Lead Safer Communities, Barnet": in an organisation's slot a borough is its council.
        return OrgEntry(ctx.gazetteer.boroughs[fold(bare)], "council")
    phrases = find_org_phrases(bare)
    if phrases and phrases[-1][2] == len(bare) and len(phrases[-1][0].split()) >= len(bare.split()) - 1:
        return OrgEntry(phrases[-1][0])
    if loose and re.fullmatch(r"(?:[A-Z][\w’'&-]*\s?){1,5}", bare) and not _ROLE_WORD_RE.search(bare) \
            and not all(is_name_word(w) for w in bare.split()) and not split_title(bare).title \
            and (len(bare.split()) >= 2 or not bare.isupper()):
        return OrgEntry(bare)
    return None


def note_org(ctx: Context, entry: OrgEntry, evidence: str) -> Organisation:
    ctx.orgs_seen.setdefault(entry.name, evidence)
    node = Organisation(id=ids.organisation_id(entry.name), name=entry.name, documents=[ctx.name], kind=entry.kind)
    return ctx.graph.add(node)


def _organisation_mentions(ctx: Context) -> None:
    """Every organisation named anywhere in the text, for the document's MENTIONS and Organisation nodes."""
    text = ctx.doc.text
    gazetteer_hits: list[tuple[OrgEntry, str]] = []
    for entry in {id(e): e for e in ctx.gazetteer.entries.values()}.values():
        for form in [entry.name, *entry.aliases]:
            # Acronyms and one-word names only as written ("Refuge", not "refuge beds").
            flags = 0 if form.isupper() or " " not in form else re.I
            m = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags)
            if m:
                gazetteer_hits.append((entry, _line_of(text, m.start())))
                break
    for acr, entry in ctx.org_aliases.items():
        if re.search(rf"\b{re.escape(acr)}\b", text):
            note_org(ctx, entry, acr)
    for m in re.finditer(r"\b(?:London Borough of|LB|Royal Borough of)\s+[A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)*"
                         r"|\b[A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)*\s+Council\b|\bthe Council\b|\bLB[A-Z]\b",
                         text):
        entry = ctx.gazetteer.lookup(m.group(0), ctx.home)
        if entry:
            note_org(ctx, entry, _line_of(text, m.start()))
    person_words = {w for r in ctx.people.records for w in r.name.split()}
    found: list[tuple[str, str]] = []
    for line in ctx.doc.lines:
        if "\t" in line:
            continue   # a PDF table whose columns ran together: no phrase in it is whole
        plain = _titlecase_line(line)
        for phrase, start, end in find_org_phrases(plain, strict=True,
                                                   known=lambda p: ctx.gazetteer.lookup(p) is not None):
            if set(phrase.split()) & person_words:
                continue
            entry = ctx.gazetteer.lookup(phrase, ctx.home)
            if entry is None:
                if not _plausible_org(phrase):
                    continue
                entry = OrgEntry(phrase)
            note_org(ctx, entry, line.strip())
    # A known body inside a longer local name ("Mencap" in "Barnet Mencap") is that local body.
    longer = [fold(n) for n in ctx.orgs_seen]
    for entry, evidence in gazetteer_hits:
        short = fold(entry.name)
        if entry.name in ctx.orgs_seen or not any(n != short and n.endswith(" " + short) for n in longer):
            note_org(ctx, entry, evidence)


def _plausible_org(phrase: str) -> bool:
    words = phrase.split()
    head = words[-1]
    if head in ("Club", "Watch", "Committee") and len(words) < 3:
        return False
    if head in ("Team", "Support", "Unit"):
        return False
    lowered = {w.lower() for w in words}
    if lowered & {"update", "report", "meeting", "meetings", "minutes", "item", "agenda", "performance",
                  "dashboard", "strategy", "plan", "programme", "project"}:
        return False
    if re.search(r"\d", phrase) or re.search(r"\bsub[- ]?group\b", phrase, re.I):
        return False
    # A body named only by generic words ("Police Service", "Partner Agency") is not one organisation.
    generic = {"strategic", "executive", "management", "steering", "operational", "delivery", "working",
               "advisory", "reference", "programme", "project", "all", "party", "police", "service", "services", "council", "board", "group", "trust", "local", "partner", "partners",
               "agency", "agencies", "health", "public", "community", "statutory", "voluntary", "the", "and", "of",
               "safer", "neighbourhood", "neighbourhoods", "teams", "team", "authority", "authorities", "forum",
               "network", "office", "department", "company", "university", "court", "fire", "rescue"}
    return not lowered <= generic


def _titlecase_line(text: str) -> str:
    """Upper-case headings read as title case, so their names are found like any other."""
    if text.isupper() and len(text) > 8:
        return _titlecase(text)
    return text


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)].strip()


# ----------------------------------------------------------------------------------------- people facts
def note_person(ctx: Context, parts: NameParts, line: int | None, role: str | None = None,
                org: OrgEntry | None = None, evidence: str = "") -> PersonRecord:
    record = ctx.people.mention(parts, ctx.next_pos(), line)
    if org:
        note_org(ctx, org, evidence)
    if role or org:
        record.facts.append(RoleFact(role, org.name if org else None, evidence, line))
    return record


def split_role_org(ctx: Context, text: str) -> tuple[str | None, OrgEntry | None]:
    """'Director of Public Health, London Borough of Barnet (LBB)' -> (role, organisation)."""
    text = re.sub(r"\s+", " ", text).strip(" ,.;:–-—")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    text = text.strip(" ,.;:–-—")
    if not text or text.count("(") != text.count(")"):
        return None, None
    paren = re.fullmatch(r"(.*?)\s*\(([^()]+)\)", text)
    if paren and not re.fullmatch(r"[A-Z]{2,6}", paren.group(2)):
        inner = paren.group(2)
        org = resolve_org(ctx, inner)
        role, org2 = split_role_org(ctx, paren.group(1)) if paren.group(1) else (None, None)
        if org:
            return role, org2 or org
        if _ROLE_WORD_RE.search(inner) and role is None:
            return inner, org2
        return role, org2
    segments = [s.strip() for s in split_outside_parens(text, r",\s*|\s+[–—-]\s+|\s+at\s+|\s+from\s+") if s.strip()]
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
            if _ROLE_WORD_RE.search(left) and not _ROLE_WORD_RE.search(bare_right) \
                    and not re.search(r"(?:&|\band|\bof|\bfor)$", left) \
                    and not (adjacent and (len(right.split()) < 2 or re.search(r"\b(?:of|for|and|&)\b", left))):
                # "Director of Public Health" is a post; only a body the gazetteer or its shape knows splits
                # off after "of"; "CEO CommUNITY Barnet" runs the body straight on.
                found = resolve_org(ctx, bare_right, loose=adjacent)
                if found:
                    return ", ".join(segments[:-1] + [left]), found
            # "Children's Safeguarding Board Chairman": the body first, then the post.
            if _ROLE_WORD_RE.search(right) and not _ROLE_WORD_RE.search(left):
                found = resolve_org(ctx, left)
                if found:
                    return segments[-1], found
    if org is None and len(segments) == 1:
        found = resolve_org(ctx, segments[0])
        if found:
            return None, found
        # "Chair of Barnet Safer Neighbourhood Board (SNB)": the post names its organisation.
        m = re.search(r"\b(?:of|for|at)\s+(?:the\s+)?(.+)$", segments[0])
        if m:
            org_in_role = resolve_org(ctx, m.group(1))
            if org_in_role and _ROLE_WORD_RE.search(segments[0][:m.start()]):
                return segments[0][:m.start()].strip(), org_in_role
    role = re.sub(r"^(?:the|a|an)\s+", "", ", ".join(role_parts).strip(), flags=re.I) or None
    if role and not (_ROLE_WORD_RE.search(role) or len(role.split()) <= 6):
        role = None
    return role, org


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


def parse_entry(ctx: Context, text: str, line: int | None) -> tuple[PersonRecord, NameParts] | None:
    """One attendance or apology entry: 'Fiona Bateman – Independent Chair, Barnet Safeguarding Adults Board'."""
    text = re.sub(r"^\s*[-*•·]+\s*", "", text).strip()
    lead = leading_person(text)
    if not lead:
        return None
    parts, rest = lead
    rest = rest.strip()
    role, org = (None, None)
    if rest:
        if re.match(r"^[,(–—:-]|^-", rest):
            role, org = split_role_org(ctx, rest)
        else:
            # Table rows run together: "Julie Howe Dorset Police", "Laura Beddow Dorset Council (Chair)".
            chair = re.search(r"\((Chair(?:man)?|Vice[- ]Chair(?:man)?)\)", rest)
            first = re.split(r",|\s{2,}", re.sub(r"\([^)]*\)", "", rest).strip())[0]
            org = resolve_org(ctx, first, loose=True)
            role = chair.group(1) if chair else None
    if parts.rank_post and not role:
        role = None
    record = note_person(ctx, parts, line, role, org, text)
    return record, parts


# ----------------------------------------------------------------------------------------- sections
def _all_lines(ctx: Context) -> list[tuple[Line, Item | None]]:
    out: list[tuple[Line, Item | None]] = [(l, None) for l in ctx.layout.header]
    for item in ctx.layout.items:
        out += [(l, item) for l in item.agenda + item.body]
    return out


def _contact_lines(ctx: Context) -> None:
    for line in ctx.layout.header[:40]:
        m = re.match(r"\s*Contact\s*(?:officer)?\s*:\s*(.+)$", line.text, re.I) \
            or re.match(r"\s*((?:[A-Z][a-z]+\s){1,2}[A-Z][\w'-]+)[,\s]+(?:Tel\.?\s*)?0\d{2,4}\s?\d{3,4}\s?\d{3,4}", line.text)
        if m:
            lead = leading_person(m.group(1))
            if lead:
                note_person(ctx, lead[0], line.no)


def _attendance(ctx: Context) -> None:
    lines = _all_lines(ctx)
    i = 0
    while i < len(lines):
        line, item = lines[i]
        m = ATTENDANCE_HEAD.match(line.text.strip().strip("*#: ").rstrip() + (":" if ":" in line.text else ""))
        head_ok = m and (m.group("rest") or line.text.strip().rstrip(":*# ").lower() == m.group("head").lower())
        if not head_ok or _is_apology_text(line.text):
            i += 1
            continue
        rest = (m.group("rest") or "").strip()
        if rest:
            _attendance_inline(ctx, rest, line.no)
            i += 1
            continue
        i = _attendance_block(ctx, lines, i + 1)


def _attendance_inline(ctx: Context, rest: str, line_no: int) -> None:
    names_part = rest.split("\t")[0]
    single = parse_entry(ctx, names_part, line_no) if "\t" not in rest else None
    if single and not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+", names_part.split(",")[0]):
        _mark_attended(ctx, single[0], rest)
        return
    # PDF text where the list's columns ran together: the names alone, in pairs, roles not guessed.
    tokens = names_part.split()
    k = 0
    found = 0
    while k < len(tokens):
        title = []
        while k < len(tokens) and split_title(" ".join(tokens[k:k + 3])).title and \
                split_title(tokens[k] + " X").title:
            title.append(tokens[k])
            k += 1
        words = tokens[k:k + 2]
        if len(words) == 2 and all(is_name_word(w) for w in words):
            parts = NameParts(" ".join(title), " ".join(words))
            _mark_attended(ctx, note_person(ctx, parts, line_no), names_part)
            found += 1
            k += 2
        else:
            k += 1
    if "\t" in rest:
        ctx.graph.warn(ctx.name, line_no, f"attendance list with names and posts run together: {found} names "
                                          "kept, posts not paired")


def _attendance_block(ctx: Context, lines: list[tuple[Line, Item | None]], i: int) -> int:
    last: PersonRecord | None = None
    last_text = ""
    blank_run = 0
    while i < len(lines):
        line, _ = lines[i]
        text = line.text.strip()
        if not text:
            blank_run += 1
            if blank_run > 2 and last is not None:
                return i
            i += 1
            continue
        blank_run = 0
        if re.fullmatch(r"(?:Name|Names)\s*(?:\|\s*)?(?:Agency|Organisation|Organization|Role|Title)(?:.*)", text, re.I):
            i += 1
            continue
        if ATTENDANCE_HEAD.match(text.rstrip(":")) and len(text.split()) <= 4:
            return i
        if _is_apology_text(text) or re.match(r"^\s*(?:No\s+)?\d{1,3}[.)]?\s", text):
            return i
        cells = [c.strip() for c in text.split("|")] if "|" in text else None
        entry_text = cells[0] + (" – " + ", ".join(c for c in cells[1:] if c) if cells and len(cells) > 1 else "") \
            if cells else text
        entry = parse_entry(ctx, entry_text, line.no)
        if entry:
            last, last_text = entry[0], entry_text
            _mark_attended(ctx, last, entry_text)
        elif last is not None and len(text.split()) <= 8 and not text.endswith("."):
            # A post or organisation that wrapped onto the next line.
            role, org = split_role_org(ctx, text)
            if org:
                note_org(ctx, org, text)
                for fact in last.facts[-1:]:
                    if fact.organisation is None:
                        fact.organisation = org.name
                        break
                else:
                    last.facts.append(RoleFact(role, org.name, last_text + " " + text, line.no))
        else:
            return i
        i += 1
    return i


def _mark_attended(ctx: Context, record: PersonRecord, evidence: str) -> None:
    ctx.attended.setdefault(id(record), evidence)


def _is_apology_text(text: str) -> bool:
    return bool(re.match(r"\s*(?:[-*•]\s*)?Apolog", text, re.I))


def _apologies(ctx: Context) -> None:
    lines = _all_lines(ctx)
    for i, (line, item) in enumerate(lines):
        text = line.text.strip().strip("*#")
        m = APOLOGY_TRIGGER.search(text)
        if not m or not re.match(r"\s*(?:[-*•]\s*)?(?:Apolog|There were|[A-Z][\w ]{0,40}\bapolog)", text, re.I):
            continue
        if re.search(r"\bno apologies\b|apologies[^.]*\bnone\b", text, re.I):
            continue
        rest = text[m.end():].strip()
        if re.fullmatch(r"(?:for absence)?\s*", rest, re.I) or rest.endswith(":") or \
                re.fullmatch(r"(?:for\s+)?Absence", rest, re.I):
            _apology_block(ctx, lines, i + 1)
            continue
        if not rest or rest.lower().startswith(("to receive", "the chair", "were noted")):
            continue
        rest = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", rest)[0]     # the list ends with its sentence
        # A list broken over lines: keep reading while the sentence has not ended.
        j = i + 1
        while not re.search(r"[.;]\s*$", rest) and j < len(lines) and j < i + 5:
            following = lines[j][0].text.strip()
            if following:
                rest += " " + following
            elif not rest.endswith(","):
                break
            j += 1
        _apology_list(ctx, rest, line.no)


def _apology_block(ctx: Context, lines: list[tuple[Line, Item | None]], i: int) -> None:
    seen = 0
    blank = 0
    own_item = lines[i - 1][1] if i > 0 else None
    while i < len(lines):
        line, item = lines[i]
        if item is not own_item:
            return      # the list ends with its agenda item
        text = line.text.strip()
        i += 1
        if not text:
            blank += 1
            if blank > 2 and seen:
                return
            continue
        blank = 0
        if re.match(r"^\s*(?:No\s+)?\d{1,3}[.)]?\s", text) or ATTENDANCE_HEAD.match(text.rstrip(":")) and \
                len(text.split()) <= 3:
            return
        if re.match(r"(?:There were )?none\.?$", text, re.I):
            return
        before = seen
        if re.match(r"^[-*•·]", text) or seen == 0 or parse_entry_probe(text):
            seen += _apology_entry(ctx, text, line.no)
        if seen == before:
            if not re.match(r"^[-*•·]", text) and seen:
                return
            if seen == 0 and not re.match(r"^[-*•·]", text):
                # "Terry Cameron (Barnet & Finchley Jobcentre Plus), Tim Harris (...)": an inline list.
                seen += _apology_list(ctx, text, line.no)
                if seen == 0:
                    return


def parse_entry_probe(text: str) -> bool:
    return leading_person(re.sub(r"^\s*[-*•·]+\s*", "", text)) is not None


def _apology_entry(ctx: Context, text: str, line_no: int) -> int:
    text = re.sub(r"^\s*[-*•·]+\s*", "", text).strip()
    sub = _substitution_split(text)
    if sub is None and "," in text and re.search(r"\),|,\s*(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+\s*\(", text):
        return _apology_list(ctx, text, line_no)
    absent_text, substitute_text = sub if sub else (text, None)
    entry = parse_entry(ctx, absent_text, line_no)
    if entry is None:
        org = resolve_org(ctx, absent_text)
        if org:
            note_org(ctx, org, text)
            ctx.org_apologies.setdefault(org.name, text)
            return 1
        return 0
    _mark_apology(ctx, entry[0], text)
    if substitute_text:
        _substitute(ctx, entry[0], substitute_text, line_no, text)
    return 1


_SUBSTITUTION = [
    re.compile(r"^(?P<absent>.+?),?\s+(?:who was|was)\s+(?:substituted|represented|replaced)\s+by\s+(?P<sub>.+?)\.?$", re.I),
    re.compile(r"^(?P<absent>.+?)\s*\((?:substituted|represented)\s+by\s+(?P<sub>[^)]+)\)\.?$", re.I),
    re.compile(r"^(?P<absent>.+?)\s+[-–—]\s+(?P<sub>.+?)\s+(?:substituted|substituting|attended as substitute|"
               r"deputised|attended instead)\.?$", re.I),
    re.compile(r"^(?P<absent>.+?)\s+\((?P<sub>[^)]+?)\s+(?:substituted|substituting|deputising)\)\.?$", re.I),
]


def _substitution_split(text: str) -> tuple[str, str] | None:
    for pattern in _SUBSTITUTION:
        m = pattern.match(text.strip())
        if m:
            return m.group("absent"), m.group("sub")
    return None


def _substitute(ctx: Context, absent: PersonRecord, sub_text: str, line_no: int, evidence: str) -> None:
    entry = parse_entry(ctx, sub_text, line_no)
    if entry:
        ctx.substitutions.append((entry[0], absent, evidence))
        _mark_attended(ctx, entry[0], evidence)


def _mark_apology(ctx: Context, record: PersonRecord, evidence: str) -> None:
    ctx.apologised.add(id(record))
    ctx.apology_evidence.setdefault(id(record), evidence)


def _apology_list(ctx: Context, text: str, line_no: int) -> int:
    """'A, Role and B, Org' or 'A (Org), B (Org)': people, their posts, and bodies that sent apologies."""
    text = re.sub(r"\.\s*$", "", text.strip())
    text = re.sub(r"^(?:the following\s*:?\s*)", "", text, flags=re.I)
    # "Cllrs Zubairi, Gurung and Grocock": the plural title belongs to every name in the list.
    plural = re.match(r"(Cllrs|Councillors)\.?\s+", text)
    if plural:
        body = text[plural.end():]
        text = re.sub(r"(^|,\s*|\s+and\s+)(?=[A-Z])", lambda m: m.group(1) + "Cllr ", body)
    # Keep "who was substituted by" together; split the rest on commas and 'and'.
    segments = [s for s in split_outside_parens(text, r",\s*(?:and\s+)?(?:from\s+)?|;\s*") if s.strip()]
    # 'and' joins two people, but also sits inside names ("London Fire and Emergency Planning Authority").
    joined: list[str] = []
    for seg in segments:
        pieces = re.split(r"\s+and\s+(?:from\s+)?", seg)
        current = pieces[0]
        for piece in pieces[1:]:
            if leading_person(piece) or split_title(piece).title:
                joined.append(current)
                current = piece
            else:
                current += " and " + piece
        joined.append(current)
    segments = joined
    count = 0
    current: PersonRecord | None = None
    current_text = ""
    for seg in segments:
        seg = seg.strip()
        sub = _substitution_split(seg)
        head = sub[0] if sub else seg
        m = re.match(r"(.+?)\s+from\s+(?:the\s+)?(.+)$", head)
        person = parse_person(re.sub(r"\s*\(.*\)$", "", m.group(1) if m else head))
        if person:
            role, org = split_role_org(ctx, m.group(2)) if m else split_role_org(ctx, head[len(person.written):]) \
                if head.startswith(person.written) else (None, None)
            current = note_person(ctx, person, line_no, role, org, seg)
            current_text = seg
            _mark_apology(ctx, current, seg)
            count += 1
            if sub:
                _substitute(ctx, current, sub[1], line_no, seg)
            continue
        org = resolve_org(ctx, seg)
        if org and current is None:
            note_org(ctx, org, seg)
            ctx.org_apologies.setdefault(org.name, text)
            count += 1
            continue
        if current is not None:
            role, org2 = split_role_org(ctx, seg)
            org2 = org2 or org
            if org2:
                note_org(ctx, org2, seg)
            if role or org2:
                current.facts.append(RoleFact(role, org2.name if org2 else None, current_text + ", " + seg, line_no))
            if sub:
                _substitute(ctx, current, sub[1], line_no, seg)
    return count


# ----------------------------------------------------------------------------------------- items
_PROSE_SUBSTITUTION = [
    re.compile(r"(?P<absent>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+(?:was|were)\s+(?:substituted|represented|"
               r"replaced)\s+by\s+(?P<sub>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
    re.compile(r"(?P<sub>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+(?:attended|was present)\s+(?:as (?:a )?substitute "
               r"for|in the absence of|on behalf of|in place of)\s+(?P<absent>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
    re.compile(r"(?P<sub>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+substituted for\s+"
               r"(?P<absent>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
]


def _prose_substitutions(ctx: Context) -> None:
    """'Cllr Grocock was substituted by Cllr Byers', 'B attended as substitute for A', outside apology lists."""
    known = {(id(a), id(b)) for a, b, _ in ctx.substitutions}
    for line, _ in _all_lines(ctx):
        for pattern in _PROSE_SUBSTITUTION:
            for m in pattern.finditer(line.text):
                absent, sub = parse_person(m.group("absent")), parse_person(m.group("sub"))
                if not absent or not sub:
                    continue
                a = note_person(ctx, absent, line.no)
                b = note_person(ctx, sub, line.no)
                if (id(b), id(a)) in known:
                    continue
                known.add((id(b), id(a)))
                ctx.substitutions.append((b, a, line.text.strip()))
                _mark_attended(ctx, b, line.text.strip())
                _mark_apology(ctx, a, line.text.strip())


def _items(ctx: Context) -> None:
    for order, item in enumerate(ctx.layout.items, start=1):
        title = item.title or f"Item {item.number or order}"
        node = AgendaItem(id=ids.child_id(Label.AGENDA_ITEM, ctx.meeting.id, order), name=title,
                          meeting=ctx.meeting.id, number=item.number, title=title, order=order,
                          documents=[ctx.name])
        ctx.graph.add(node)
        ctx.graph.relate(Rel.HAS_ITEM, ctx.meeting.id, node.id, ctx.name, _heading_line(ctx, item) or title,
                         order=order)
        ctx.item_nodes[id(item)] = node
    for item in ctx.layout.items:
        _agenda_block(ctx, item)
    index = 0
    for item in ctx.layout.items:
        node = ctx.item_nodes[id(item)]
        sentences = list(_sentences(item.body, item))
        for k, sentence in enumerate(sentences):
            index += 1
            _read_sentence(ctx, sentence, node, first=k < 2)
        _decisions(ctx, item, node, sentences)
        _actions(ctx, item, node, sentences)
        _strategies(ctx, item, node, sentences)


def _heading_line(ctx: Context, item: Item) -> str:
    """The item's heading as printed, for evidence (titles are tidied for display)."""
    return ctx.doc.lines[item.line - 1].strip() if 0 < item.line <= len(ctx.doc.lines) else item.title


def _sentences(lines: list[Line], item: Item | None):
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        for part in _SENTENCE_SPLIT.split(text):
            part = part.strip(" \t•·")
            if part:
                yield Sentence(part, line.no, item, 0)


def _agenda_block(ctx: Context, item: Item) -> None:
    """The presenter block under an agenda title: 'Kiran Vagarwal – Strategic Lead, Barnet Council'."""
    lines = [l for l in item.agenda if l.text.strip()]
    # In older pages the block sits at the top of the item's text, before any sentence.
    if not item.agenda:
        lines = []
        for l in item.body:
            t = l.text.strip()
            if not t:
                continue
            if t.endswith(".") or len(t.split()) > 20:
                break
            lines.append(l)
    k = 0
    while k < len(lines):
        text = lines[k].text.strip()
        lead = leading_person(text)
        if lead and not re.search(r"\b(?:presented|reported|noted|gave|provided)\b", text):
            parts, rest = lead
            if rest.strip():
                for chunk in re.split(r",\s*and\s+|\s+and\s+(?=[A-Z][a-z]+ [A-Z])", text):
                    entry = parse_entry(ctx, chunk, lines[k].no)
            else:
                # Name, post and organisation on lines of their own.
                following = []
                while k + 1 < len(lines) and len(following) < 2 and not leading_person(lines[k + 1].text.strip()) \
                        and len(lines[k + 1].text.split()) <= 8 and not lines[k + 1].text.strip().endswith("."):
                    following.append(lines[k + 1].text.strip())
                    k += 1
                role, org = split_role_org(ctx, ", ".join(following)) if following else (None, None)
                note_person(ctx, parts, lines[k].no, role, org, " / ".join([text, *following]))
        k += 1


_ROLE_REF = re.compile(r"\b[Tt]he\s+((?:Vice[- ])?(?:Chairman|Chairwoman|Chair|Chairperson)\b"
                       r"|(?:[A-Z][\w’'&-]*,?\s+(?:(?:of|for|and|&)\s+)?){0,6}(?:" + "|".join(
                           w for w in ROLE_WORDS if w[0].isupper()) + r")\b(?:,?\s+(?:for\s+|of\s+)?"
                       r"(?:[A-Z][\w’'&-]*\s?){1,5})?)")


def _people_in(ctx: Context, text: str, line: int) -> list[tuple[PersonRecord, int, int]]:
    """People named in a sentence, titled or not, and posts that stand for one ('the Borough Commander')."""
    spans: list[tuple[NameParts | PersonRecord, int, int]] = []
    taken: list[tuple[int, int]] = []
    for parts, s, e in titled_mentions(text):
        spans.append((parts, s, e))
        taken.append((s, e))
    for parts, s, e in full_name_mentions(text):
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        if not _plausible_untitled(ctx, parts, text, s, e):
            continue
        spans.append((parts, s, e))
        taken.append((s, e))
    for m in _ROLE_REF.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        record = ctx.people.by_role(re.sub(r",.*$", "", m.group(1)))
        if record is None and re.match(r"(?:Vice[- ])?Chair", m.group(1)):
            record = _chair(ctx, m.group(1))
        if record is not None:
            spans.append((record, m.start(), m.end()))
    out = []
    for thing, s, e in sorted(spans, key=lambda x: x[1]):
        record = thing if isinstance(thing, PersonRecord) else note_person(ctx, thing, line)
        out.append((record, s, e))
    return out


def _chair(ctx: Context, phrase: str) -> PersonRecord | None:
    vice = "vice" in phrase.lower()
    hits = [r for r in ctx.people.records
            if any(re.fullmatch(r"(?:Vice[- ])?Chair(?:man|woman|person)?(?: of .*)?", role, re.I)
                   and (("vice" in role.lower()) == vice) for role in r.roles())]
    return hits[0] if len(hits) == 1 else None


def _plausible_untitled(ctx: Context, parts: NameParts, text: str, s: int, e: int) -> bool:
    """An untitled two-word name is a person when the sentence treats it as one."""
    if any(fold(parts.name) == fold(r.name) for r in ctx.people.records):
        return True
    after = text[e:e + 80]
    before = text[max(0, s - 40):s]
    if _SPEECH_AFTER.match(after) or re.match(r"\s*[,(]\s*(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,5}?"
                                              r"(?:" + "|".join(ROLE_WORDS) + r")", after):
        return True
    if re.search(r"\b(?:from|by|with|to|and|thanked|welcomed|contact|liaise with|replacement|named)\s*$", before) \
            and re.match(r"\s*(?:[,.;)—–]|and\b|who\b|from\b|at\b|is\b|will\b|for\b|to\b|outside\b|$)", after):
        return True
    if re.match(r"\s+(?:is|will|who|would|has|had)\b", after):
        return True
    at = _AT_ORG.match(after)     # "Sue Harper at Brent Council"
    return bool(at and resolve_org(ctx, at.group(1).strip()))


def _read_sentence(ctx: Context, sentence: Sentence, item: AgendaItem, first: bool) -> None:
    text = sentence.text
    if ACTION_MARKER.search(text) and ACTION_MARKER.search(text).start() == 0:
        return
    people = _people_in(ctx, text, sentence.line)
    # Posts stated beside a name: "Tina McElligott, Director for Early Help ..., presented the report".
    for record, s, e in people:
        after = text[e:]
        m = re.match(r"\s*\(([^)]{2,90})\)", after) or _APPOSITIVE.match(after) or _BARE_POST.match(after)
        if m and not re.match(r"\s*(?:and|who|which|that)\b", m.group(1)) and not _names_someone(ctx, m.group(1)) \
                and not _is_apology_text(text):
            stated = re.split(r"\s+and\s+(?=(?:[A-Z][\w’'-]+\s){1,3})|,\s*(?:who|which|in her|in his)\b", m.group(1))[0]
            role, org = split_role_org(ctx, stated)
            if role and not _ROLE_WORD_RE.search(role):
                role = None
            if role or org:
                if org:
                    note_org(ctx, org, text)
                record.facts.append(RoleFact(role, org.name if org else None, text, sentence.line))
        at = _AT_ORG.match(after)
        if at:
            org = resolve_org(ctx, at.group(1).strip())
            if org:
                note_org(ctx, org, text)
                record.facts.append(RoleFact(None, org.name, text, sentence.line))
        before = text[:s]
        mb = re.search(r"\b[Tt]he\s+((?:[A-Z][\w’'&-]*(?:\s+(?:of|for|and|&|the))*\s*){1,8}?)"
                       r"(?:,\s*([^,]{2,60}?))?(?:,\s*([^,]{2,60}?))?,\s*$", before)
        if mb and _ROLE_WORD_RE.search(mb.group(1)):
            role, org = split_role_org(ctx, ", ".join(g for g in mb.groups() if g))
            if role or org:
                if org:
                    note_org(ctx, org, text)
                record.facts.append(RoleFact(role, org.name if org else None, text, sentence.line))
    presenters = _presenters(ctx, text, people, first)
    for record in presenters:
        ctx.presented.append((record, item, text))
        _mark_attended(ctx, record, text)
    for record, s, e in people:
        if record in presenters:
            continue
        after = text[e:]
        spoke = bool(_SPEECH_AFTER.match(after))
        welcomed = re.search(r"\bwelcomed\s+(?:new\s+)?(?:members?\s+|(?:[A-Z][\w’'-]*\s*,?\s*(?:and\s+)?){1,12})$",
                             text[:s]) and not re.search(r"\b(?:from|of)\s+$", text[:s])
        declared = sentence.item is not None and re.search(r"declaration", sentence.item.title, re.I) \
            and e - s >= len(text.strip()) - 2
        asked = re.search(r"(?:question|query|comment)s?\s+(?:from|by)\s*$", text[:s], re.I)
        invited = re.match(r"[^.]{0,80}\b(?:was|were)\s+(?:also\s+)?(?:invited to the table|in attendance|present)",
                           after)
        attended = re.match(r"[^.]{0,60}?\battended the meeting", after)
        if spoke or asked or invited or attended or welcomed or declared:
            ctx.contributed.append((record, item, text))
            _mark_attended(ctx, record, text)
        ctx.mentioned.setdefault(id(record), []).append((sentence.item, text))


def _names_someone(ctx: Context, text: str) -> bool:
    """A stated post never contains another person's name ('Sharon Baldwin, Chief Superintendent ...')."""
    if titled_mentions(text):
        return True
    folded = fold(text)
    return any(len(r.name.split()) > 1 and fold(r.name) in folded for r in ctx.people.records)


def _presenters(ctx: Context, text: str, people: list[tuple[PersonRecord, int, int]], first: bool) -> list[PersonRecord]:
    out: list[PersonRecord] = []
    verb_re = re.compile(rf"\b(?:{PRESENT_VERBS})", re.I)
    previous_end = 0
    for m in verb_re.finditer(text):
        subject = [(r, s, e) for r, s, e in people if previous_end <= s and e <= m.start()]
        previous_end = m.end()
        # "the report presented": a participle after a thing, not a person presenting.
        if not subject or re.search(r"\b(?:report|reports|paper|papers|item|slides|document|information)\s+$",
                                    text[:m.start()]):
            continue
        for record, s, e in subject:
            # "In response to a question from X, Y presented": X is not presenting.
            if re.search(r"\b(?:from|to|with|by|of|for|thanked|asked)\s+$", text[max(0, s - 12):s]):
                continue
            if record not in out:
                out.append(record)
    for m in re.finditer(r"(?:presentation|update|briefing|report|overview)s?\s+(?:on\s+[^.]{0,80}?\s+)?from\s+$",
                         text, re.I):
        pass
    for record, s, e in people:
        before = text[max(0, s - 120):s]
        if re.search(r"\b(?:update|presentation|report|overview|briefing)s?\s+(?:was|were)\s+(?:provided|given|"
                     r"presented|delivered|introduced)\s+by\s+$", before, re.I) and record not in out:
            out.append(record)
        if re.search(r"\b(?:received|heard|had|given|was given)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}"
                     r"(?:presentation|update|briefing|report|overview)(?:\s+on\s+[^.]{0,80}?)?\s+from\s+$", before,
                     re.I) and record not in out:
            out.append(record)
    if first:
        for record, s, e in people:
            if re.match(r"\s*(?:\([^)]*\)|,[^.;]{0,90}?,)?\s*(?:reported|advised) that\b|"
                        r"\s*(?:\([^)]*\)|,[^.;]{0,90}?,)?\s*(?:advised|informed|briefed) the (?:board|group|"
                        r"partnership|committee|meeting)\b", text[e:]) and record not in out and s < 60:
                out.append(record)
    return out


# ----------------------------------------------------------------------------------------- actions
def _actions(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    for k, sentence in enumerate(sentences):
        m = ACTION_MARKER.search(sentence.text)
        if not m:
            continue
        owners_text = m.group("owners").strip(" .*")
        if re.match(r"(?:\d+|log|points?|tracker|list)\b", owners_text, re.I):
            continue   # an action log being reviewed, not a new action
        inline = sentence.text[:m.start()].strip()
        owners, task = _owners(ctx, owners_text, sentence.line)
        what = inline or _task_sentence(sentences, k, owners)
        if task:
            what = task
        elif not owners or (len(owners_text.split()) > 6 and re.search(r"\b[a-z]+ed\b", owners_text)):
            what = owners_text     # "ACTION: The Chairman encouraged the board to liaise ..." states the task
        if not owners:
            ctx.graph.warn(ctx.name, sentence.line, f"action with no owner understood: {owners_text!r}")
        action = Action(id=ids.child_id(Label.ACTION, ctx.meeting.id, len(ctx.actions) + 1), name=_short(what),
                        meeting=ctx.meeting.id, text=what, documents=[ctx.name])
        ctx.graph.add(action)
        ctx.graph.relate(Rel.ARISES_FROM, action.id, node.id, ctx.name, sentence.text)
        ctx.actions.append((action, owners, sentence.text if inline else f"{what} {sentence.text}"))


def _task_sentence(sentences: list[Sentence], k: int, owners: list[object]) -> str:
    """The sentence an action marker refers to: the latest one where an owner undertakes something."""
    names = {fold(o.surname) for o in owners if isinstance(o, PersonRecord)}
    names |= {fold(o.name) for o in owners if isinstance(o, OrgEntry)}
    fallback = ""
    if k > 0 and not ACTION_MARKER.search(sentences[k - 1].text) and sentences[k - 1].line >= sentences[k].line - 1 \
            and re.search(r"\b(?:would|will|to|agreed|offered)\b", sentences[k - 1].text):
        return sentences[k - 1].text
    for j in range(k - 1, max(-1, k - 7), -1):
        text = sentences[j].text
        if ACTION_MARKER.search(text) or len(text.split()) <= 3:
            continue
        fallback = fallback or text
        if any(n in fold(text) for n in names) and re.search(r"\b(?:would|will|to|agreed|offered)\b", text):
            return text
    return fallback


def _owners(ctx: Context, text: str, line: int) -> tuple[list[object], str | None]:
    """'Ms McElligott/Mr Tan', 'Adrian Usher, Barnet Borough Commander', 'All', 'Michael Kelly to liaise ...'."""
    task = None
    m = re.match(r"(.+?)\s+to\s+([a-z].+)$", text)
    if m and (parse_person(m.group(1)) or resolve_org(ctx, m.group(1))):
        text, task = m.group(1), m.group(2)
    if EVERYONE.match(text.strip()) or re.search(r"\b(?:the|all) (?:board|members|partners)\b", text, re.I) \
            and not parse_person(text.split(",")[0]):
        return ["ALL"], task
    owners: list[object] = []
    for chunk in re.split(r"\s*/\s*|\s*,\s*|\s+and\s+|\s*&\s*", text):
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        if EVERYONE.match(chunk):
            owners.append("ALL")
            continue
        person = parse_person(chunk, allow_single=False)
        if person:
            owners.append(note_person(ctx, person, line))
            continue
        org = resolve_org(ctx, chunk)
        if org:
            note_org(ctx, org, text)
            if owners and isinstance(owners[-1], PersonRecord) and f", {chunk}" in text:
                # "ACTION - Dan Hughes, Metropolitan Police": the body says who he is, not a second owner.
                owners[-1].facts.append(RoleFact(None, org.name, text, line))
            else:
                owners.append(org)
            continue
        record = ctx.people.by_role(chunk) if owners == [] else None
        if record:
            owners.append(record)
    return owners, task


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


# ----------------------------------------------------------------------------------------- decisions
def _decisions(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    found = 0
    for k, sentence in enumerate(sentences):
        text = sentence.text
        for pattern, verb_group in DECISION_PATTERNS:
            m = pattern.search(text)
            if not m:
                continue
            rest = m.group("text").strip()
            if not rest and k + 1 < len(sentences):
                rest = sentences[k + 1].text
            verb = (m.group("verb") if verb_group else next(g for g in m.groups()[:5] if g)).lower()
            if verb_group is None:
                verb = "resolved" if verb.startswith("resolved") else "agreed"
            if "minutes" in pattern.pattern:
                rest = f"the minutes of the previous meeting{(' ' + rest) if rest else ''}"
            _decision(ctx, node, verb, rest, text)
            found += 1
            break
    body = [s.text for s in sentences]
    if not found and len(body) == 1 and re.fullmatch(r"(Noted|Agreed|Approved|Endorsed)\.?", body[0], re.I):
        verb = body[0].rstrip(".").lower()
        _decision(ctx, node, verb, f"the {item.title}", body[0])


def _decision(ctx: Context, item: AgendaItem, verb: str, rest: str, evidence: str) -> None:
    count = sum(1 for _ in ctx.graph.of_label(Label.DECISION)) + 1
    text = f"{verb} {rest}".strip()
    decision = Decision(id=ids.child_id(Label.DECISION, ctx.meeting.id, count), name=_short(text),
                        meeting=ctx.meeting.id, text=text, verb=verb, documents=[ctx.name])
    ctx.graph.add(decision)
    ctx.graph.relate(Rel.ARISES_FROM, decision.id, item.id, ctx.name, evidence)
    for strategy in _strategy_names(rest):
        node = _strategy_node(ctx, *strategy)
        ctx.graph.relate(Rel.CONCERNS, decision.id, node.id, ctx.name, evidence,
                         verb=verb if verb in ("approved", "agreed", "noted", "endorsed") else "discussed")


# ----------------------------------------------------------------------------------------- strategies
def _strategy_names(text: str) -> list[tuple[str, str]]:
    text = _titlecase_line(text)
    out = []
    for m in STRATEGY_RE.finditer(text):
        raw = next(g for g in (m.group("name"), m.group("acronym"), m.group("quoted"), m.group("framework"),
                               m.group("operation"), m.group("lower")) if g)
        name = _STRATEGY_NOISE.sub("", raw).strip(" ,.;:")
        name = re.sub(r"^(?:[A-Z][a-z]+[’']s\s+)", "", name)          # "Barnet's Vulnerable ..."
        words = [w.lower() for w in re.findall(r"[\w’']+", name)]
        if len(words) < 2 or not set(words) - GENERIC_STRATEGY_WORDS:
            continue
        if m.group("operation") and words[1] in {"of", "the", "and", "to", "in", "was", "is", "will", "with"}:
            continue
        kind_word = "operation" if m.group("operation") else next(
            (w for w in reversed(words) if w in STRATEGY_KINDS and STRATEGY_KINDS[w]), "strategy")
        out.append((name, STRATEGY_KINDS.get(kind_word) or "strategy"))
    return out


def _strategy_node(ctx: Context, name: str, kind: str) -> Strategy:
    # One node per strategy within a document, whatever the spelling: the longest form wins as name.
    key = _strategy_key(name)
    for node in ctx.graph.of_label(Label.STRATEGY):
        other = _strategy_key(node.name)
        if key == other or (key <= other or other <= key) and len(key & other) >= 2:
            if len(name) > len(node.name) and key >= other:
                node.aliases.append(node.name)
                node.name = name
            elif name != node.name and name not in node.aliases:
                node.aliases.append(name)
            return node
    node = Strategy(id=ids.strategy_id(name), name=name, kind=kind, documents=[ctx.name])
    return ctx.graph.add(node)


def _strategy_key(name: str) -> frozenset[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+|\d{4}", name)}
    return frozenset(words - {"the", "of", "and", "for", "to", "a", "barnet"})


@lru_cache(maxsize=1)
def _programmes() -> list[tuple[re.Pattern[str], str, str]]:
    raw = yaml.safe_load(resources.files("loaders").joinpath("data/programmes.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in raw.get("programmes") or []:
        forms = [entry["name"], *(entry.get("aliases") or [])]
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])(?!\s+[A-Z][a-z])")
        out.append((pattern, entry["name"], entry.get("kind", "programme")))
    return out


def _strategies(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    agenda = [l.text.strip() for l in item.agenda if l.text.strip()]
    for text in [item.title, *agenda, *(s.text for s in sentences)]:
        for pattern, name, kind in _programmes():
            if pattern.search(text):
                strategy = _strategy_node(ctx, name, kind)
                ctx.graph.relate(Rel.MENTIONS, node.id, strategy.id, ctx.name, text)
        for name, kind in _strategy_names(text):
            strategy = _strategy_node(ctx, name, kind)
            evidence = _heading_line(ctx, item) if text is item.title else text
            ctx.graph.relate(Rel.CONCERNS if text is item.title else Rel.MENTIONS, node.id, strategy.id,
                             ctx.name, evidence, **({"verb": "discussed"} if text is item.title else {}))


# ----------------------------------------------------------------------------------------- nodes
def _people_nodes(ctx: Context) -> None:
    graph, name, date = ctx.graph, ctx.name, ctx.meeting.date or ctx.meeting.date_inferred
    people = ctx.people
    nodes: dict[int, Person] = {}
    for record in people.records:
        node = Person(id=ids.person_id(record.name), name=record.name, aliases=record.aliases, documents=[name])
        nodes[id(record)] = graph.add(node)

    def node_of(record: PersonRecord) -> Person:
        return nodes[id(people.final(record))]

    for record in people.records:
        person = node_of(record)
        facts = list(record.facts)
        roles = [f.role for f in facts if f.role]
        if record.councillor and not roles and record.first is None:
            facts.append(RoleFact("Councillor", None, "Cllr " + record.name, record.first_line))
        for rank in record.ranks:
            if not any(rank.lower() in r.lower() for r in roles):
                facts.append(RoleFact(rank, _police_org(facts), rank, record.first_line))
        for fact in facts:
            org_id = ids.organisation_id(fact.organisation) if fact.organisation else None
            if org_id and org_id not in graph.nodes:
                graph.add(Organisation(id=org_id, name=fact.organisation, documents=[name]))
            if org_id:
                graph.relate(Rel.AFFILIATED_WITH, person.id, org_id, name, fact.evidence,
                             first_seen=date, last_seen=date)
            if fact.role:
                role = graph.add(Role(id=ids.role_id(fact.role, org_id), name=fact.role, organisation=org_id,
                                      documents=[name]))
                graph.relate(Rel.HOLDS, person.id, role.id, name, fact.evidence, first_seen=date, last_seen=date)
                if org_id:
                    graph.relate(Rel.ROLE_AT, role.id, org_id, name, fact.evidence)
    apologised = {id(people.final(r)) for r in people.records if id(r) in ctx.apologised}
    for record in people.records:
        final = people.final(record)
        if id(record) in ctx.apologised:
            graph.relate(Rel.SENT_APOLOGIES, node_of(record).id, ctx.meeting.id, name,
                         ctx.apology_evidence.get(id(record)))
    for key, evidence in ctx.attended.items():
        record = next((r for r in _all_records(people) if id(r) == key), None)
        if record is None:
            continue
        final = people.final(record)
        if id(final) in apologised and not any(id(people.final(s)) == id(final) for s, _, _ in ctx.substitutions):
            continue
        graph.relate(Rel.ATTENDED, node_of(final).id, ctx.meeting.id, name, evidence)
    for record, item, evidence in ctx.presented:
        graph.relate(Rel.PRESENTED, node_of(record).id, item.id, name, evidence)
    for record, item, evidence in ctx.contributed:
        graph.relate(Rel.CONTRIBUTED, node_of(record).id, item.id, name, evidence)
    for sub, absent, evidence in ctx.substitutions:
        graph.relate(Rel.SUBSTITUTED_FOR, node_of(sub).id, node_of(absent).id, name, evidence,
                     meeting=ctx.meeting.id)
    for org_name, evidence in ctx.org_apologies.items():
        graph.relate(Rel.SENT_APOLOGIES, ids.organisation_id(org_name), ctx.meeting.id, name, evidence)
    for action, owners, evidence in ctx.actions:
        for owner in owners:
            if owner == "ALL":
                target = _everyone(ctx)
            elif isinstance(owner, OrgEntry):
                target = ids.organisation_id(owner.name)
            else:
                target = node_of(owner).id
            graph.relate(Rel.ASSIGNED_TO, action.id, target, name, evidence)
    for key, mentions in ctx.mentioned.items():
        record = next((r for r in _all_records(people) if id(r) == key), None)
        if record is None:
            continue
        for item, evidence in mentions:
            if item is not None and id(item) in ctx.item_nodes:
                graph.relate(Rel.MENTIONS, ctx.item_nodes[id(item)].id, node_of(record).id, name, evidence)


def _all_records(people: PeopleIndex) -> list[PersonRecord]:
    """Records still live plus those merged away (their ids are still keys of facts)."""
    return people.records + people.merged


def _police_org(facts: list[RoleFact]) -> str | None:
    return next((f.organisation for f in facts if f.organisation), None)


def _everyone(ctx: Context) -> str:
    """An action for all: assigned to the body itself, which stands for its members."""
    body = ctx.meeting.body or "All members"
    org_id = ids.organisation_id(body)
    if org_id not in ctx.graph.nodes:
        ctx.graph.add(Organisation(id=org_id, name=body, documents=[ctx.name], kind="board"))
    return org_id
