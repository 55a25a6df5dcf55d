"""Lists of people as minutes write them: entries with posts and bodies, substitutes among them."""
from __future__ import annotations

import re
from typing import Callable

from loaders.context import Context, mark_attended, note_org, parse_entry, resolve_org, \
    split_outside_parens, split_role_org
from loaders.names import leading_person, split_at_people, split_title
from loaders.organisations import OrgEntry
from loaders.phrasing import alternation
from loaders.people import PersonRecord, RoleFact

_AFTER_ABSENT = alternation("substitution_after_absent")
_BEFORE_ABSENT = alternation("substitution_before_absent")
_AFTER_SUB = alternation("substitution_after_substitute")
# Most specific first: a phrase in brackets, then one in the open, then a substitute's trailing word.
_SUBSTITUTION = [
    re.compile(rf"^(?P<absent>.+?)\s*\((?:{_AFTER_ABSENT})\s+(?P<sub>[^)]+)\)\.?$", re.I),
    re.compile(rf"^(?P<sub>.+?)\s*\((?:{_BEFORE_ABSENT})\s+(?P<absent>[^)]+)\)\.?$", re.I),
    re.compile(rf"^(?P<absent>.+?),?\s+(?:{_AFTER_ABSENT})\s+(?P<sub>.+?)\.?$", re.I),
    re.compile(rf"^(?P<sub>.+?),?\s+(?:{_BEFORE_ABSENT})\s+(?P<absent>.+?)\.?$", re.I),
    re.compile(rf"^(?P<absent>.+?)\s+[-–—]\s+(?P<sub>.+?)\s+(?:{_AFTER_SUB})\.?$", re.I),
    re.compile(rf"^(?P<absent>.+?)\s+\((?P<sub>[^)]+?)\s+(?:{_AFTER_SUB})\)\.?$", re.I),
]


def substitution_split(text: str) -> tuple[str, str] | None:
    for pattern in _SUBSTITUTION:
        m = pattern.match(text.strip())
        if m:
            return m.group("absent"), m.group("sub")
    return None


def substitute(ctx: Context, absent: PersonRecord, sub_text: str, line_no: int, evidence: str) -> None:
    entry = parse_entry(ctx, sub_text, line_no)
    if entry:
        ctx.substitutions.append((entry[0], absent, evidence))
        mark_attended(ctx, entry[0], evidence)


def read_people_list(ctx: Context, text: str, line_no: int, mark: Callable[[PersonRecord, str], None],
                     organisation: Callable[[OrgEntry, str], None] | None = None) -> int:
    """'A, Role and B, Org', 'A (Org), B (Org)', 'Councillors A (Chair), B and C': each person, with the
    post or body stated beside them, is marked; a body standing alone (before any person) goes to
    `organisation`. Returns how many entries were understood."""
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
    # A list whose separators were lost (PDF text, run-together table cells): cut where each name begins.
    segments = [piece for seg in joined for piece in ([seg] if substitution_split(seg) else split_at_people(seg))]
    count = 0
    current: PersonRecord | None = None
    current_text = ""
    for seg in segments:
        seg = seg.strip()
        sub = substitution_split(seg)
        head = sub[0] if sub else seg
        entry = parse_entry(ctx, head, line_no, evidence=seg)
        if entry:
            current = entry[0]
            current_text = seg
            mark(current, seg)
            count += 1
            if sub:
                substitute(ctx, current, sub[1], line_no, seg)
            continue
        org = resolve_org(ctx, seg)
        if org and current is None:
            if organisation is not None:
                organisation(org, seg)
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
                substitute(ctx, current, sub[1], line_no, seg)
    return count
