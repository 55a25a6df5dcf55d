"""Extraction stage: who attended — lists under a heading or after an inline 'Present:', tables with their
cells on lines of their own, rosters with a status beside each name, and contact lines."""
from __future__ import annotations

import re

from loaders.blocks import is_roster_status, read_block, roster_row
from loaders.context import Context, all_lines, mark_attended, note_person, note_post, parse_entry, \
    line_of, meeting_body, resolve_org, split_role_org
from loaders.first_names import is_first_name
from loaders.lists import read_people_list
from loaders.organisations import find_org_phrases
from loaders.names import TITLE_RE, NameParts, fold, is_name_word, leading_person, people_in_run, split_title, \
    split_at_people, starts_with_person
from loaders.people import PersonRecord
from loaders.data_files import phrasings
from loaders.phrasing import alternation, attendance_code
from loaders.scan import has_any
from loaders.sections import APOLOGIES_IN_LINE, ATTENDANCE_HEAD, GROUP_HEAD, HEADING_RUN, INLINE_HEAD, \
    is_apology_text
from loaders.structure import Item, Line

def read_contact_lines(ctx: Context) -> None:
    for line in ctx.layout.header[:40]:
        m = re.match(r"\s*Contact\s*(?:officer)?\s*:\s*(.+)$", line.text, re.I) \
            or re.match(r"\s*((?:[A-Z][a-z]+\s){1,2}[A-Z][\w'-]+)[,\s]+(?:Tel\.?\s*)?0\d{2,4}\s?\d{3,4}\s?\d{3,4}", line.text)
        if m:
            lead = leading_person(m.group(1))
            if lead:
                # "Contact: Suzanne Price  Scrutiny Facilitator", "Contact: Jo Bell, Democratic Services Officer"
                post = re.split(r"\s*(?:Tel|Email|E-mail|Phone)\b|\s+0\d", lead[1], maxsplit=1, flags=re.I)[0]
                role, org = split_role_org(ctx, post) if post.strip(" ,–-:") else (None, None)
                note_person(ctx, lead[0], line.no, role, org, line.text.strip())


def read_attendance(ctx: Context) -> None:
    lines = all_lines(ctx)
    i = 0
    first_heading = len(lines)
    while i < len(lines):
        line, item = lines[i]
        text = line.text.strip()
        if _chair_line(ctx, text, line.no):
            i += 1
            continue
        m = ATTENDANCE_HEAD.match(text.strip("*#: ").rstrip() + (":" if ":" in text else ""))
        head_ok = m and (m.group("rest") or text.rstrip(":*# ").lower() == m.group("head").lower())
        group = GROUP_HEAD.match(text)
        inline = None if head_ok or group \
            else (INLINE_HEAD.search(text) if has_any(text, ("present", "attend")) else None) or _head_then_person(text)
        if not (head_ok or group or inline) and _coded_table_run(ctx, text, line.no):
            i += 1
            continue
        coded = _coded_roster(ctx, text[:inline.start()] if inline else text, line.no) if not (head_ok or group) else False
        if coded and not inline:
            i += 1
            continue
        if is_apology_text(text) or not (head_ok or group or inline) or is_roster_status(lines, i):
            i += 1
            continue
        first_heading = min(first_heading, i)
        rest = ((m or group or inline).group("rest") or "").strip().rstrip(":")
        body = resolve_org(ctx, group.group("body"), loose=True) if group else None
        seat = seat_of((m or inline).group("head")) if m or inline else None
        if rest:
            _attendance_inline(ctx, APOLOGIES_IN_LINE.split(rest, 1)[0], line.no, body, seat)
        i = read_block(ctx, lines, i + 1, _marker(ctx, body, seat), continuing=bool(rest))
    # Those present listed first, their heading lost, before an 'In attendance:' that kept its own.
    _headless_roster(ctx, lines[:first_heading])


_HEAD_WORDS = re.compile(rf"^\s*(?P<head>{alternation('attendance_headings')})\s+(?:[–—-]\s+)?(?P<rest>[A-Z].*)$", re.I)


# "P. Councillor Lisa Brett P. Councillor Gary Hopkins A. Councillor John Parham": a status code before
# each titled name, the table's columns run together into one paragraph.
_CODE_BEFORE_NAME = re.compile(rf"(?<![\w.])(?P<code>P|A|Y|N|X|✓|√)\.?\s+(?=(?:{TITLE_RE.pattern})|[A-Z][a-z’'-]+\s+[A-Z])")


def _coded_roster(ctx: Context, text: str, line_no: int) -> bool:
    codes = list(_CODE_BEFORE_NAME.finditer(text)) if len(text) > 40 else []
    if len(codes) < 3:
        return False
    # "Eastfield City Council P. Cllr A P. Cllr B Westfield District Council A. Cllr C": where a body heads the
    # first entry, bodies between entries head the members after them; otherwise a body after a name is
    # that member's own.
    group = _trailing_body(ctx, text[:codes[0].start()])
    heads_before = group is not None
    seat = None
    for k, m in enumerate(codes):
        end = codes[k + 1].start() if k + 1 < len(codes) else len(text)
        lead = leading_person(text[m.end():end])
        if not lead:
            continue
        parts, rest = lead
        if not parts.title and not is_first_name(parts.words[0]):
            continue        # untitled, only a first name starts a member ("P. Rosa Hui")
        evidence = text[m.start():m.end()] + parts.written
        record = note_person(ctx, parts, line_no)
        status = attendance_code(m.group("code"))
        if status == "attended":
            mark_attended(ctx, record, evidence)
        elif status == "apologies":
            ctx.apologised.add(id(record))
            ctx.apology_evidence.setdefault(id(record), evidence)
        role, own = None, None
        bracket = re.match(r"\s*\(([^()]{2,80})\)", rest)
        if bracket:
            role, own = split_role_org(ctx, bracket.group(1))
            rest = rest[bracket.end():]
        rest = rest.strip(" ,;")
        body, held = group, seat
        seat_head = _SEAT_AT_END.search(rest) if heads_before and rest else None
        if seat_head:
            # "... Independent Members P. Rosa Hill P. Roger Kent": members of a seat, of the body that met.
            seat, group = seat_of(seat_head.group(1)), meeting_body(ctx)
            rest = rest[:seat_head.start()].strip(" ,;")
        elif heads_before:
            group = _trailing_body(ctx, rest) if rest else group
        elif rest:
            own = own or resolve_org(ctx, rest)
        note_post(ctx, record, role or held, own or body, evidence + (" " + rest if rest else ""), line_no)
    return True


# "NAME ROLE, ORGANISATION PRESENT APOLOGIES DEPUTY ATTENDED Ann Rowe Independent Chair, ESCB Y (Chair) Tom Lake
# ... A": a table's column headings, then its rows run together, each with a status code after it.
_COLUMN_HEADINGS = re.compile(r"^\s*(?:Name|NAME)\b[^a-z]{0,60}?\b(?:PRESENT|Present|ATTENDED|Attended)\b"
                              r"(?:\s+(?:APOLOGIES|Apologies|DEPUTY|Deputy|ATTENDED|Attended|SUBSTITUTE|Substitute|"
                              r"PRESENT|Present))*\s+")
_STATUS_TOKEN = re.compile(r"(?<!\S)(Y|P|A|✓|√|X|N)(?!\S)")
_BRACKETED_STATUS = re.compile(r"\[(Y|P|A|✓|√|X|N)\]")


def _coded_table_run(ctx: Context, text: str, line_no: int) -> bool:
    head = _COLUMN_HEADINGS.match(text)
    if not head:
        return False
    # Codes bracketed first, so that no code reads as an initial starting a name ("A Eastfield ...").
    rows = split_at_people(_STATUS_TOKEN.sub(r"[\1]", text[head.end():]))
    found = 0
    for row in rows:
        code = _BRACKETED_STATUS.search(row)
        status = attendance_code(code.group(1)) if code else None
        entry = parse_entry(ctx, " ".join(_BRACKETED_STATUS.sub(" ", row).replace(" _ ", " ").split()), line_no, row)
        if entry is None or status is None:
            continue
        found += 1
        if status == "attended":
            mark_attended(ctx, entry[0], row)
        elif status == "apologies":
            ctx.apologised.add(id(entry[0]))
            ctx.apology_evidence.setdefault(id(entry[0]), row)
    if found:
        ctx.list_lines.add(line_no)
    return found > 0


# "The Vice-Chair welcomed all attendees": the meeting's chair, by the post, doing what only one present does.
_CHAIR_ACTING = re.compile(rf"\bThe\s+(?P<post>{alternation('chair_lines')})\s+(?:then\s+)?(?:welcomed|opened|"
                           rf"thanked|introduced|invited|explained|closed|reminded|declared)\b")


def read_chairs_acting(ctx: Context) -> None:
    """'The Vice-Chair welcomed all attendees' where one person in the minutes holds that post and nothing
    else ('Philip Dale, my Vice-Chair'): that person was there."""
    if "The " not in ctx.doc.text:
        return
    for m in _CHAIR_ACTING.finditer(ctx.doc.text):
        post = _bare_post(m.group("post"))
        # Held at no other body: "the Chair of the Cluster was ..." chairs another body, not this meeting.
        holders = [r for r in ctx.people.records
                   if any(f.role and _bare_post(f.role) == post and f.organisation in (None, ctx.meeting.body)
                          for f in r.facts)]
        if len(holders) == 1:
            mark_attended(ctx, holders[0], line_of(ctx.doc.text, m.start()))


def _bare_post(post: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", post.lower()).split())


def _trailing_body(ctx: Context, text: str):
    """A body named at the very end of text (a group's heading before its members), or None."""
    tail = text.rstrip(" ,;:")[-100:]
    phrases = find_org_phrases(tail)
    if phrases and phrases[-1][2] == len(tail):
        return resolve_org(ctx, phrases[-1][0])
    return None


def _head_then_person(text: str) -> re.Match[str] | None:
    """'Core Membership Cllr Kerr (Chair) ...': a heading run straight into its list, no colon between."""
    if not text[:1].isupper():
        return None
    m = _HEAD_WORDS.match(text)
    if m and m.group("head")[0].isupper():
        spans = people_in_run(m.group("rest"))
        if spans and spans[0][1] == 0:
            return m
    return None


def _marker(ctx: Context, body, seat: str | None = None):
    """Marks a listed person present; a member listed under a body's heading, with no body of their own,
    takes that body, and one under a seat's heading ('Independent Members') holds that seat."""
    def mark(record: PersonRecord, evidence: str) -> None:
        mark_attended(ctx, record, evidence)
        if body is not None and not any(f.organisation for f in record.facts):
            note_post(ctx, record, None, body, evidence, record.first_line)
        if seat is not None:
            note_post(ctx, record, seat, None, evidence, record.first_line)
    return mark


_CHAIR_LINE = re.compile(rf"^\s*(?P<head>{alternation('chair_lines')})\s*(?::|\s[–—-])\s*(?P<rest>\S.{{2,120}})$", re.I)


def _chair_line(ctx: Context, text: str, line_no: int) -> bool:
    """'CHAIR: Councillor Ann Lee, Shire Council.': who chaired, attended, and the post they held."""
    m = _CHAIR_LINE.match(text)
    if not m or not starts_with_person(m.group("rest").strip()):
        return False
    found = parse_entry(ctx, m.group("rest").strip().rstrip("."), line_no, text)
    if found is None:
        return False
    head = " ".join(m.group("head").split())
    head = head.title() if head.isupper() else head
    post = "Chair" if {"by", "the"} & set(head.lower().split()) else head     # "Chaired by", "In the Chair"
    mark_attended(ctx, found[0], text)
    note_post(ctx, found[0], post.rstrip("s") if post.endswith("Chairs") else post, None, text, line_no)
    ctx.list_lines.add(line_no)
    return True


_SEATS = {fold(h): h for h in phrasings()["seat_headings"]}


_SEAT_AT_END = re.compile(rf"(?:^|\s)({alternation('seat_headings')})$", re.I)


def seat_of(heading: str) -> str | None:
    """'Independent Members' -> 'Independent Member': the seat a heading's members hold, if it names one."""
    seat = _SEATS.get(fold(heading))
    return re.sub(r"s$", "", seat) if seat else None


def _attendance_inline(ctx: Context, rest: str, line_no: int, body=None, seat: str | None = None) -> None:
    heading = HEADING_RUN.search(rest)
    if heading and people_in_run(rest[:heading.start()]):
        rest = rest[:heading.start()]
    # A tab parts a column of names from a column of their posts: the two cannot be paired.
    if "\t" not in rest and read_people_list(ctx, rest, line_no, _marker(ctx, body, seat)):
        return
    # PDF text where the list's columns ran together: the names alone, in pairs, roles not guessed.
    tokens = rest.split("\t")[0].split()
    k = found = 0
    while k < len(tokens):
        title = []
        while k < len(tokens) and split_title(" ".join(tokens[k:k + 3])).title and \
                split_title(tokens[k] + " X").title:
            title.append(tokens[k])
            k += 1
        words = tokens[k:k + 2]
        if len(words) == 2 and all(is_name_word(w) for w in words):
            mark_attended(ctx, note_person(ctx, NameParts(" ".join(title), " ".join(words)), line_no), rest)
            found += 1
            k += 2
        else:
            k += 1
    if "\t" in rest:
        ctx.graph.warn(ctx.name, line_no, f"attendance list with names and posts run together: {found} names "
                                          "kept, posts not paired")


def _headless_roster(ctx: Context, lines: list[tuple[Line, Item | None]]) -> None:
    """A list of those present whose heading was lost (PDF columns, a roster with a status per name): the
    first place where three or more rows start with a name within a few lines of each other."""
    rows = [roster_row(line.text.strip()) for line, _ in lines]
    k = 0
    while k < len(lines):
        if rows[k]:
            if sum(rows[k:k + 9]) >= 3:
                k = max(k + 1, read_block(ctx, lines, k, _marker(ctx, None)))
                break       # the first roster is the meeting's; later ones are action logs and contacts
        k += 1
