"""Extraction stage: attendance lists and contact lines."""
from __future__ import annotations

import re

from loaders.context import Context, all_lines, is_apology_text, mark_attended, note_org, note_person, parse_entry, \
    split_role_org
from loaders.lists import read_people_list, substitute, substitution_split
from loaders.names import NameParts, is_name_word, leading_person, split_title
from loaders.people import PersonRecord, RoleFact
from loaders.structure import Item, Line

ATTENDANCE_HEAD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<head>Board Members Present|Members Present|Members present|Present|Also Present|"
    r"Also in attendance|In attendance|In Attendance|Officers in attendance|Officers Present|Attendance Details|"
    r"Core Membership|Attendees|Attendance|Others Present|Support|Guests|Invited guests|Councillors present|"
    r"Officers|Board Members|Partners Present|Partners in attendance|Present at the meeting|Attending|"
    r"Councillors|Co-opted Members|Advisers|Advisors|Observers)\s*(?::\s*(?P<rest>.*))?$", re.I)


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
        m = ATTENDANCE_HEAD.match(line.text.strip().strip("*#: ").rstrip() + (":" if ":" in line.text else ""))
        head_ok = m and (m.group("rest") or line.text.strip().rstrip(":*# ").lower() == m.group("head").lower())
        if not head_ok or is_apology_text(line.text):
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
    run_together = "\t" in rest or re.search(r"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+",
                                              names_part.split(",")[0].split("(")[0])
    if not run_together:
        # "Councillors Smith (Chair), Jones and Patel", "A (Post, Body), Inspector B (Police), C":
        # a list like an apology list, each person marked present.
        if read_people_list(ctx, names_part, line_no, lambda record, seg: mark_attended(ctx, record, seg)):
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
            mark_attended(ctx, note_person(ctx, parts, line_no), names_part)
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
    columns: list[str] = []      # a table's header: which cell is the post and which the body
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
        if re.fullmatch(r"(?:Name|Names)\s*(?:\|\s*)?(?:Agency|Organisation|Organization|Role|Title|Post)(?:.*)", text, re.I):
            columns = [c.strip().lower() for c in text.split("|")] if "|" in text else []
            i += 1
            continue
        if ATTENDANCE_HEAD.match(text.rstrip(":")) and len(text.split()) <= 4:
            return i
        if is_apology_text(text) or re.match(r"^\s*(?:No\s+)?\d{1,3}[.)]?\s", text):
            return i
        cells = [c.strip() for c in text.split("|")] if "|" in text else None
        if cells and len(columns) == len(cells):
            # "Name | Organisation | Role": written as a reader would, "Name – Role, Organisation".
            post = [c for c, h in zip(cells, columns) if re.match(r"role|title|post|position", h)]
            body = [c for c, h in zip(cells, columns) if re.match(r"agency|organi[sz]ation|body|representing", h)]
            cells = [cells[0], *post, *body]
        entry_text = cells[0] + (" – " + ", ".join(c for c in cells[1:] if c) if cells and len(cells) > 1 else "") \
            if cells else text
        sub = substitution_split(entry_text)
        entry = parse_entry(ctx, sub[0] if sub else entry_text, line.no)
        if entry and sub:
            # "Jim Gamble (represented by Anna Reid)" in a list of those present: only the substitute was.
            substitute(ctx, entry[0], sub[1], line.no, entry_text)
            last, last_text = entry[0], entry_text
        elif entry:
            last, last_text = entry[0], entry_text
            mark_attended(ctx, last, entry_text)
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
