"""Lists of people laid out over lines: the rows under a heading, read whatever the list is of."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from loaders.context import Context, note_org, note_post, parse_entry, resolve_org, split_role_org
from loaders.lists import read_people_list, substitute, substitution_split
from loaders.names import people_in_run, starts_with_person
from loaders.organisations import OrgEntry
from loaders.people import PersonRecord, RoleFact
from loaders.phrasing import attendance_code, reads_as_prose
from loaders.sections import ATTENDANCE_HEAD, GROUP_HEAD, INLINE_HEAD, NUMBERED, TABLE_HEADER, is_apology_text
from loaders.structure import Item, Line

Mark = Callable[[PersonRecord, str], None]
_MARKDOWN_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")


def block_rows(lines: list[tuple[Line, Item | None]], i: int) -> tuple[list[tuple[str, int]], int]:
    """The rows of a list that starts at line i, and where it ends. A table whose cells stand on lines of
    their own, each closed by '|', is joined back into cells ('Eastfield County Borough' + 'Council |')."""
    rows: list[tuple[str, int]] = []
    blank_run, j = 0, i
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
        if _MARKDOWN_RULE.fullmatch(text):
            j += 1
            continue        # a Markdown table's rule under its header
        if text.startswith("|") and text.endswith("|"):
            text = text.strip("| ").strip()    # a Markdown table row: its cells, as any other table's
        status = attendance_code(text) and any(roster_row(t) for t, _ in rows[-2:])
        if not status and (ATTENDANCE_HEAD.match(text.rstrip(":")) and (len(text.split()) <= 4 or ":" in text)
                           or GROUP_HEAD.match(text) or INLINE_HEAD.match(text) or NUMBERED.match(text)
                           or is_apology_text(text) and not attendance_code(text)):
            break       # the next list's heading ('Present' under a name and its post is that name's status)
        rows.append((text, line.no))
        j += 1
    # 'Apologies' on its own is a status beside a name only in a roster of statuses; else it heads a list.
    if sum(1 for t, _ in rows if attendance_code(t)) < 2:
        cut = next((k for k, (t, _) in enumerate(rows) if is_apology_text(t)), None)
        if cut is not None:
            j = line_index(lines, rows[cut][1], j)
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
    return _hyphen_separated(rows), j


# "Stephen Howe (Convener)-Eastfield North", "Graham Noble-Mid Vale": a hyphen with no spaces
# parting a name from a ward or post, told from a double-barrelled surname by what follows it.
_NAME_HYPHEN = re.compile(r"^(?P<name>(?:[A-Z][\w.’']*\s+){1,3}[A-Z][\w’']+(?:\s*\([^)]*\))?)-(?P<rest>[A-Z].*)$")


_PLACE_ONLY = re.compile(r"(?:[A-Z][\w’'.]*|and|of|the|&)(?:\s+(?:[A-Z][\w’'.]*|and|of|the|&))*")


def _hyphen_separated(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Where two or more rows plainly use a bare hyphen as the separator (a bracket before it, or a ward of
    several words after it: 'Noble-Mid Vale'), every row's bare hyphen before a ward or place is one.
    A double-barrelled surname ('Smith-Taylor, Head of ...', 'Ward-Jenkins substituted for ...') is not."""
    shaped = [_NAME_HYPHEN.match(t) for t, _ in rows]
    shaped = [m if m and _PLACE_ONLY.fullmatch(m.group("rest").strip()) else None for m in shaped]
    plain = sum(1 for m in shaped if m and (m.group("name").endswith(")") or len(m.group("rest").split()) >= 2))
    if plain < 2:
        return rows
    return [(f"{m.group('name')} - {m.group('rest')}" if m else t, n) for m, (t, n) in zip(shaped, rows)]


def read_block(ctx: Context, lines: list[tuple[Line, Item | None]], i: int, mark: Mark,
               continuing: bool = False, on_body: Callable[[OrgEntry, str], None] | None = None,
               absent: Mark | None = None) -> int:
    """The rows of a list of people after its heading, each person marked: 'Name – Post, Body', a table
    row, several people on one line, a post or body wrapped onto the next line, a status code after a name
    or in a status column (which overrides the mark), a body alone before any person (to on_body), a
    substitute (marked present) beside the member they stood in for (to absent). A row that is none of
    these ends the list; after an inline heading ('Present: A, B'), so does any sentence."""
    rows, end = block_rows(lines, i)
    stop = _read_rows(ctx, lines, rows, end, mark, continuing, on_body, absent)
    # The rows read are a list, not prose: the item's sentences are not read from them again.
    ctx.list_lines.update(line.no for line, _ in lines[i:stop] if rows and line.no >= rows[0][1])
    return stop


def _read_rows(ctx: Context, lines: list[tuple[Line, Item | None]], rows: list[tuple[str, int]], end: int,
               mark: Mark, continuing: bool, on_body: Callable[[OrgEntry, str], None] | None,
               absent: Mark | None) -> int:
    last: PersonRecord | None = None
    last_text = ""
    columns: list[str] = []      # a table's header: which cell is the post, the body, the status
    after_several = False        # the row before held several people
    for n, (text, line_no) in enumerate(rows):
        code = attendance_code(text)
        if code and last is not None:
            ctx.status_lines.add(line_no)
            _set_status(ctx, last, code, f"{last_text} | {text}")
            continue
        if TABLE_HEADER.fullmatch(text):
            columns = [c.strip().lower() for c in text.split("|")] if "|" in text else []
            continue
        if reads_as_prose(text) and not re.search(r"\|", text):
            return line_index(lines, line_no, end)
        cells = [c.strip() for c in text.split("|")] if "|" in text else None
        status = None
        if cells and len(columns) == len(cells):
            # "Name | Organisation | Role | Attendance": written as a reader would, "Name – Role, Organisation".
            post = [c for c, h in zip(cells, columns) if re.match(r"role|title|post|position", h)]
            org_cells = [c for c, h in zip(cells, columns) if re.match(r"agency|organi[sz]ation|body|representing", h)]
            status = next((attendance_code(c) for c, h in zip(cells, columns)
                           if re.match(r"attend|status|present", h) and attendance_code(c)), None)
            if status:
                ctx.status_lines.add(line_no)
            cells = [cells[0], *post, *org_cells]
        # "A (substituted by B)" in the name cell of a row with more cells: the substitution is the cell's.
        sub = substitution_split(cells[0]) if cells else None
        entry_text = (sub[0] if sub else cells[0]) + (" – " + ", ".join(c for c in cells[1:] if c)
                                                       if len(cells) > 1 else "") if cells else text
        sub = sub or substitution_split(entry_text)
        several = len(people_in_run(entry_text)) >= 2 or ";" in entry_text
        if several and not (sub and all(len(people_in_run(part)) <= 1 for part in sub)):
            # Several people on one row: 'Councillor Ann Reid Councillor Neil Moss'.
            if read_people_list(ctx, entry_text, line_no, mark, absent=absent):
                last, last_text, after_several = None, entry_text, True
                continue
        entry = parse_entry(ctx, sub[0] if sub else entry_text, line_no)
        if entry and sub:
            # "Jim Gamble (represented by Anna Reid)" in a list of those present: only the substitute was.
            substitute(ctx, entry[0], sub[1], line_no, entry_text)
            if absent is not None:
                absent(entry[0], entry_text)
            last, last_text = entry[0], entry_text
        elif entry:
            last, last_text = entry[0], entry_text
            mark(last, entry_text)
            if status:
                _set_status(ctx, last, status, text)
        elif last is not None and len(text.split()) <= 20 and not text.endswith(".") and not reads_as_prose(text):
            _wrapped_post(ctx, last, last_text, text, line_no)
        elif last is None and on_body is not None and resolve_org(ctx, text):
            org = resolve_org(ctx, text)
            note_org(ctx, org, text)
            on_body(org, text)
        elif n == 0 and not continuing:
            continue       # a caption before the list ("Organisation represented")
        elif after_several and len(text.split()) <= 8 and not reads_as_prose(text):
            continue       # the wrapped ends of a row of several people's bodies ("Board) Councils)")
        else:
            return line_index(lines, line_no, end)
    return end


def _set_status(ctx: Context, record: PersonRecord, code: str, evidence: str) -> None:
    """A status beside a listed person: absent or apologies take back the mark the list gave."""
    if code != "attended":
        ctx.attended.pop(id(record), None)
    if code == "apologies":
        ctx.apologised.add(id(record))
        ctx.apology_evidence.setdefault(id(record), evidence)


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


def line_index(lines: list[tuple[Line, Item | None]], line_no: int, default: int) -> int:
    for k, (line, _) in enumerate(lines):
        if line.no == line_no:
            return k
    return default


def is_roster_status(lines: list[tuple[Line, Item | None]], i: int) -> bool:
    """'Present' alone under a name and its post: a roster's status, not a heading."""
    if not attendance_code(lines[i][0].text):
        return False
    before = [line.text.strip() for line, _ in lines[max(0, i - 4):i] if line.text.strip()][-2:]
    return any(roster_row(t) for t in before)


@lru_cache(maxsize=8192)
def roster_row(text: str) -> bool:
    """A short row that starts with a person's name as lists print them (titled, initials, or a first
    name), perhaps with a post; never a sentence ('Cllr X presided.')."""
    return starts_with_person(text) and len(text.split()) <= 14 and not text.endswith(".") \
        and not reads_as_prose(text)
