"""Extraction stage: who attended — lists under a heading or after an inline 'Present:', tables with their
cells on lines of their own, rosters with a status beside each name, and contact lines."""
from __future__ import annotations

import re

from loaders.context import Context, all_lines, is_apology_text, mark_attended, note_org, note_person, \
    note_post, parse_entry, resolve_org, split_role_org
from loaders.lists import read_people_list, substitute, substitution_split
from loaders.names import NameParts, is_name_word, leading_person, people_in_run, split_title
from loaders.people import PersonRecord, RoleFact
from loaders.phrasing import alternation, attendance_code, reads_as_prose
from loaders.structure import Item, Line

ATTENDANCE_HEAD = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<head>{alternation('attendance_headings')})\s*"
                             rf"(?::\s*(?P<rest>.*))?$", re.I)
# "... Longhaven Hall Present: Chris White (Chair) ...": a heading run into the line before it.
_INLINE_HEAD = re.compile(r"(?<!\w)(?P<head>Present|PRESENT|Members [Pp]resent|Attendees|ATTENDEES|"
                          r"In [Aa]ttendance|IN ATTENDANCE|Also [Pp]resent|Attending)\s*:\s*(?P<rest>\S.*)")
# "Representing Town and Community Councils: E. Pritchard (Barry Town Council), ...": members under their body.
_GROUP_HEAD = re.compile(r"^\s*(?:Representing|Representatives? (?:of|from)|Nominated by)\s+(?:the\s+)?"
                         r"(?P<body>[^:]{3,80}?)\s*:\s*(?P<rest>.*)$", re.I)
_APOLOGIES_IN_LINE = re.compile(r"\bApolog(?:ies|y)\b(?:\s+for\s+absence)?\s*(?:[:\-–]|$)", re.I)
_TABLE_HEADER = re.compile(r"(?:(?:Name|Names|Organi[sz]ation(?: represented)?|Agency|Role|Title|Post|Position|"
                           r"Representing|Present|Apologies|Deputy(?: attended)?)\s*\|?\s*)+", re.I)
_NUMBERED = re.compile(r"^\s*(?:No\s+)?\d{1,3}[.)]?\s")


def read_contact_lines(ctx: Context) -> None:
    for line in ctx.layout.header[:40]:
        m = re.match(r"\s*Contact\s*(?:officer)?\s*:\s*(.+)$", line.text, re.I) \
            or re.match(r"\s*((?:[A-Z][a-z]+\s){1,2}[A-Z][\w'-]+)[,\s]+(?:Tel\.?\s*)?0\d{2,4}\s?\d{3,4}\s?\d{3,4}", line.text)
        if m:
            lead = leading_person(m.group(1))
            if lead:
                note_person(ctx, lead[0], line.no)


def read_attendance(ctx: Context) -> None:
    lines = all_lines(ctx)
    i = 0
    while i < len(lines):
        line, item = lines[i]
        text = line.text.strip()
        m = ATTENDANCE_HEAD.match(text.strip("*#: ").rstrip() + (":" if ":" in text else ""))
        head_ok = m and (m.group("rest") or text.rstrip(":*# ").lower() == m.group("head").lower())
        group = _GROUP_HEAD.match(text)
        inline = None if head_ok or group else _INLINE_HEAD.search(text)
        if is_apology_text(text) or not (head_ok or group or inline):
            i += 1
            continue
        rest = ((m or group or inline).group("rest") or "").strip().rstrip(":")
        body = resolve_org(ctx, group.group("body"), loose=True) if group else None
        if rest:
            _attendance_inline(ctx, _APOLOGIES_IN_LINE.split(rest, 1)[0], line.no, body)
        i = _attendance_block(ctx, lines, i + 1, continuing=bool(rest), body=body)
    if not ctx.attended:
        _headless_roster(ctx, lines)


def _marker(ctx: Context, body):
    """Marks a listed person present; a member listed under a body's heading, with no body of their own,
    takes that body."""
    def mark(record: PersonRecord, evidence: str) -> None:
        mark_attended(ctx, record, evidence)
        if body is not None and not any(f.organisation for f in record.facts):
            note_post(ctx, record, None, body, evidence, record.first_line)
    return mark


def _attendance_inline(ctx: Context, rest: str, line_no: int, body=None) -> None:
    # A tab parts a column of names from a column of their posts: the two cannot be paired.
    if "\t" not in rest and read_people_list(ctx, rest, line_no, _marker(ctx, body)):
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


def _block_rows(lines: list[tuple[Line, Item | None]], i: int) -> tuple[list[tuple[str, int]], int]:
    """The rows of a list that starts at line i, and where it ends. A table whose cells stand on lines of
    their own, each closed by '|', is joined back into cells ('Caerphilly County Borough' + 'Council |')."""
    rows: list[tuple[str, int]] = []
    start, blank_run, j = i, 0, i
    own_item = lines[i][1] if i < len(lines) else None
    while j < len(lines):
        line, item = lines[j]
        text = line.text.strip()
        if item is not own_item:
            break
        if not text:
            blank_run += 1
            if blank_run > 2 and rows:
                break
            j += 1
            continue
        blank_run = 0
        if ATTENDANCE_HEAD.match(text.rstrip(":")) and (len(text.split()) <= 4 or ":" in text) \
                or _GROUP_HEAD.match(text) or _INLINE_HEAD.match(text) or _NUMBERED.match(text) \
                or is_apology_text(text) and not attendance_code(text):
            break
        rows.append((text, line.no))
        j += 1
    # 'Apologies' on its own is a status beside a name only in a roster of statuses; else it heads a list.
    if sum(1 for t, _ in rows if attendance_code(t)) < 2:
        cut = next((k for k, (t, _) in enumerate(rows) if is_apology_text(t)), None)
        if cut is not None:
            j = _line_index(lines, rows[cut][1], j)
            rows = rows[:cut]
    closed = sum(1 for t, _ in rows if t.endswith("|"))
    if rows and closed * 2 >= len(rows) and not any(t.count("|") > 1 for t, _ in rows):
        cells, current, first_no = [], [], None
        for text, no in rows:
            first_no = first_no or no
            current.append(text.rstrip("|").strip())
            if text.endswith("|"):
                cells.append((" ".join(c for c in current if c), first_no))
                current, first_no = [], None
        if current:
            cells.append((" ".join(current), first_no))
        rows = [(t, n) for t, n in cells if t]
    return rows, j


def _attendance_block(ctx: Context, lines: list[tuple[Line, Item | None]], i: int, continuing: bool = False,
                      body=None) -> int:
    """Rows of those present after a heading: 'Name – Post, Body', a table row, several people on one line,
    a post or body wrapped onto the next line, a status code after a name. A row that is none of these ends
    the list; after an inline heading ('Present: A, B'), so does any sentence."""
    rows, end = _block_rows(lines, i)
    last: PersonRecord | None = None
    last_text = ""
    columns: list[str] = []      # a table's header: which cell is the post and which the body
    mark = _marker(ctx, body)
    for n, (text, line_no) in enumerate(rows):
        code = attendance_code(text)
        if code and last is not None:
            ctx.status_lines.add(line_no)
            if code != "attended":
                ctx.attended.pop(id(last), None)
            if code == "apologies":
                ctx.apologised.add(id(last))
                ctx.apology_evidence.setdefault(id(last), f"{last_text} | {text}")
            continue
        if _TABLE_HEADER.fullmatch(text):
            columns = [c.strip().lower() for c in text.split("|")] if "|" in text else []
            continue
        if reads_as_prose(text) and not re.search(r"\|", text):
            return _line_index(lines, line_no, end)
        cells = [c.strip() for c in text.split("|")] if "|" in text else None
        if cells and len(columns) == len(cells):
            # "Name | Organisation | Role": written as a reader would, "Name – Role, Organisation".
            post = [c for c, h in zip(cells, columns) if re.match(r"role|title|post|position", h)]
            org_cells = [c for c, h in zip(cells, columns) if re.match(r"agency|organi[sz]ation|body|representing", h)]
            cells = [cells[0], *post, *org_cells]
        entry_text = cells[0] + (" – " + ", ".join(c for c in cells[1:] if c) if len(cells) > 1 else "") \
            if cells else text
        if len(people_in_run(entry_text)) >= 2 and not substitution_split(entry_text):
            # Several people on one row: 'Councillor Elaine Robertson Councillor Neil MacIntyre'.
            if read_people_list(ctx, entry_text, line_no, mark):
                last, last_text = None, entry_text
                continue
        sub = substitution_split(entry_text)
        entry = parse_entry(ctx, sub[0] if sub else entry_text, line_no)
        if entry and sub:
            # "Jim Gamble (represented by Anna Reid)" in a list of those present: only the substitute was.
            substitute(ctx, entry[0], sub[1], line_no, entry_text)
            last, last_text = entry[0], entry_text
        elif entry:
            last, last_text = entry[0], entry_text
            mark(last, entry_text)
        elif last is not None and len(text.split()) <= 20 and not text.endswith(".") and not reads_as_prose(text):
            _wrapped_post(ctx, last, last_text, text, line_no)
        elif n == 0 and not continuing:
            continue       # a caption before the list ("Organisation represented")
        else:
            return _line_index(lines, line_no, end)
    return end


def _wrapped_post(ctx: Context, last: PersonRecord, last_text: str, text: str, line_no: int) -> None:
    """A post or organisation that wrapped onto the row after the name."""
    role, org = split_role_org(ctx, text)
    if not last.facts and (role or org):
        note_post(ctx, last, role, org, f"{last_text} {text}", line_no)
        return
    if not org:
        return
    note_org(ctx, org, text)
    for fact in last.facts[-1:]:
        if fact.organisation is None:
            fact.organisation = org.name
            return
    last.facts.append(RoleFact(role, org.name, last_text + " " + text, line_no))


def _line_index(lines: list[tuple[Line, Item | None]], line_no: int, default: int) -> int:
    for k, (line, _) in enumerate(lines):
        if line.no == line_no:
            return k
    return default


def _person_row(text: str) -> bool:
    """A short row that starts with a person's name as lists print them (titled, initials, or a first name)."""
    if len(text.split()) > 14 or reads_as_prose(text):
        return False
    spans = people_in_run(text)
    return bool(spans) and spans[0][1] == 0


def _headless_roster(ctx: Context, lines: list[tuple[Line, Item | None]]) -> None:
    """A list of those present whose heading was lost (PDF columns, a roster with a status per name): the
    first place where three or more rows start with a name within a few lines of each other."""
    k = 0
    while k < len(lines):
        if _person_row(lines[k][0].text.strip()):
            window = [line.text.strip() for line, _ in lines[k:k + 9]]
            if sum(1 for t in window if _person_row(t)) >= 3:
                k = max(k + 1, _attendance_block(ctx, lines, k))
                break       # the first roster is the meeting's; later ones are action logs and contacts
        k += 1
