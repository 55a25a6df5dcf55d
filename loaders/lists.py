"""Lists of people as minutes write them: entries with posts and bodies, substitutes among them."""
from __future__ import annotations

import re
from typing import Callable

from loaders.context import LAST_BRACKETED_INITIALS, Context, clean_post, initials_of, mark_attended, note_org, parse_entry, \
    resolve_org, split_outside_parens, split_role_org
from loaders.names import NameParts, split_at_people, starts_with_person
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
    # "Susan Bacon (SB for Chris Ford)": their initials, then whom they stood in for.
    re.compile(r"^(?P<sub>.+?)\s*\((?:[A-Z][A-Za-z]{1,3}\s+)?for\s+(?P<absent>(?:[A-Z][\w.’'-]*\s*){1,4})\)\.?$"),
    re.compile(rf"^(?P<absent>.+?)\s+\((?P<sub>[^)]+?)\s+(?:{_AFTER_SUB})\)\.?$", re.I),
]

_WHO_CLAUSE = re.compile(r"\s*who\s+(?:was|were|is|are|has|had|will)\b", re.I)


def substitution_split(text: str) -> tuple[str, str] | None:
    for pattern in _SUBSTITUTION:
        m = pattern.match(text.strip())
        if m:
            return m.group("absent"), m.group("sub")
    return None


def substitute(ctx: Context, absent: PersonRecord, sub_text: str, line_no: int, evidence: str
               ) -> PersonRecord | None:
    """The substitute named in sub_text attended in place of the absent member; returns the substitute."""
    entry = parse_entry(ctx, sub_text, line_no)
    if entry:
        ctx.substitutions.append((entry[0], absent, evidence))
        mark_attended(ctx, entry[0], evidence)
        return entry[0]
    return None


# "Superintendents R Horan and S Wright": a plural title shared by the two names after it.
_PLURAL_PAIR = re.compile(r"\b(?P<title>Superintendents|Inspectors|Chief Inspectors|Sergeants|Drs|Doctors|Professors|"
                          r"Messrs|Councillors|Cllrs)\s+(?P<a>[^,;()]+?)\s+and\s+(?=[A-Z])")
_SINGULAR = {"Messrs": "Mr", "Drs": "Dr", "Cllrs": "Cllr"}


def _singular_pair(m: re.Match[str]) -> str:
    title = _SINGULAR.get(m.group("title"), m.group("title")[:-1])
    return f"{title} {m.group('a')} and {title} "


# "(all Police Scotland)", "(both Finance & Resources)": the body of every person listed since the last one.
_SHARED_BODY = re.compile(r"\s*\((?:all|both)\s+(?:of\s+)?(?:the\s+)?([^)]+)\)")


def _share_body(ctx: Context, group: list[PersonRecord], body: str, evidence: str, line_no: int) -> None:
    org = resolve_org(ctx, body, loose=True)
    if org is not None:
        note_org(ctx, org, evidence)
        for record in group:
            if not any(f.organisation for f in record.facts):
                record.facts.append(RoleFact(None, org.name, evidence, line_no))
    group.clear()


# "Ann Rowe and Tom Lake, Victim Support", "A and B (Victim Support)": two people, one body after both.
_PAIR_THEN_BODY = re.compile(r"(?:^|[,;:]\s*)(?P<a>[A-Z][^,;()]{2,40}?)\s+(?:and|&)\s+(?P<b>[A-Z][^,;()]{2,40}?)"
                             r"(?:,\s*|\s*\()(?P<body>[A-Z][^,;()]{2,80}?)\)?\s*(?=[,;]|$)")


def share_pairs_bodies(ctx: Context, text: str, line_no: int) -> None:
    """The first of two people joined by 'and' before a body is of that body too, where nothing else places
    them."""
    if " and " not in text and " & " not in text:
        return
    for m in _PAIR_THEN_BODY.finditer(text):
        first, second = ctx.people.find_named(m.group("a")), ctx.people.find_named(m.group("b"))
        if first is None or second is None or first is second:
            continue
        org = resolve_org(ctx, m.group("body"))
        if org is not None and any(f.organisation == org.name for f in second.facts):
            _share_body(ctx, [first], m.group("body"), m.group(0), line_no)


def _balanced(text: str) -> str:
    """Brackets a PDF's columns left open ('Malcolm Jenkin (London Helen Johnston (London') are dropped, so
    they do not swallow the names after them; matched pairs stay."""
    if text.count("(") == text.count(")"):
        return text
    chars, opened = list(text), []
    for k, ch in enumerate(chars):
        if ch == "(":
            opened.append(k)
        elif ch == ")":
            if opened:
                opened.pop()
            else:
                chars[k] = " "
    for k in opened:
        chars[k] = " "
    return "".join(chars)


# "A and B, who were substituted by C and D": a plural clause over two lists.
_PLURAL_SUBSTITUTION = re.compile(rf"^(?P<absents>.+?),?\s+(?:who\s+)?were\s+(?:{_AFTER_ABSENT})\s+(?P<subs>.+)$", re.I)
_LIST_SEPARATOR = r",\s*(?:and\s+)?|\s+and\s+"


def _pair_up(text: str) -> str:
    """'A and B who were substituted by C and D' -> 'A (substituted by C), B (substituted by D)': each
    absent member with the substitute in the same place of the other list, where the lists are as long."""
    m = _PLURAL_SUBSTITUTION.match(text) if " were " in text else None
    if m is None:
        return text
    absents = [a for a in split_outside_parens(m.group("absents"), _LIST_SEPARATOR) if a.strip()]
    subs = [b for b in split_outside_parens(m.group("subs"), _LIST_SEPARATOR) if b.strip()]
    if len(absents) < 2 or len(absents) != len(subs) or not all(starts_with_person(b.strip()) for b in subs):
        return text
    return ", ".join(f"{a.strip()} (substituted by {b.strip()})" for a, b in zip(absents, subs))


def read_people_list(ctx: Context, text: str, line_no: int, mark: Callable[[PersonRecord, str], None],
                     organisation: Callable[[OrgEntry, str], None] | None = None,
                     absent: Callable[[PersonRecord, str], None] | None = None) -> int:
    """'A, Role and B, Org', 'A (Org), B (Org)', 'Councillors A (Chair), B and C': each person, with the
    post or body stated beside them, is marked; a body standing alone (before any person) goes to
    `organisation`; a member a substitute stood in for goes to `absent`. Returns how many entries were
    understood."""
    text = _balanced(re.sub(r"\.\s*$", "", text.strip()))
    text = re.sub(r"^(?:the following\s*:?\s*)", "", text, flags=re.I)
    text = _pair_up(text)
    # "Cllrs Zubairi, Gurung and Grocock": the plural title belongs to every name in the list.
    plural = re.match(r"(Cllrs|Councillors)\.?\s+", text)
    if plural:
        body = text[plural.end():]
        text = re.sub(r"(^|,\s*|\s+and\s+)(?=[A-Z])", lambda m: m.group(1) + "Cllr ", body)
    else:
        text = _PLURAL_PAIR.sub(_singular_pair, text)
    # Keep "who was substituted by" together; split the rest on commas and 'and'.
    segments = [s for s in split_outside_parens(text, r",\s*(?:and\s+)?(?:from\s+)?|;\s*(?:and\s+)?") if s.strip()]
    # 'and' joins two people, but also sits inside names ("London Fire and Emergency Planning Authority").
    joined: list[str] = []
    for seg in segments:
        pieces = re.split(r"\s+and\s+(?:from\s+)?", seg)
        current = pieces[0]
        for piece in pieces[1:]:
            if starts_with_person(piece):
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
    group: list[PersonRecord] = []       # people since the last '(all Police Scotland)'
    for seg in segments:
        seg = seg.strip()
        shared = _SHARED_BODY.search(seg)
        if shared:
            seg = (seg[:shared.start()] + seg[shared.end():]).strip()
        sub = substitution_split(seg)
        head = sub[0] if sub else seg
        entry = parse_entry(ctx, head, line_no, evidence=seg) if seg else None
        if entry:
            current = entry[0]
            current_text = seg
            group.append(current)
            count += 1
            if sub:
                # "A (substituted by B)": B was there; A is only marked where the list is of the absent.
                substitute_record = substitute(ctx, current, sub[1], line_no, seg)
                if absent is not None:
                    absent(current, seg)
                if substitute_record is not None and not seg.rstrip().endswith(")"):
                    # "A – Director substituted by B, Head of Service": what follows is B's post.
                    current, current_text = substitute_record, sub[1]
            else:
                mark(current, seg)
            if shared:
                _share_body(ctx, group, shared.group(1), text, line_no)
            continue
        if shared:
            _share_body(ctx, group, shared.group(1), text, line_no)
        org = resolve_org(ctx, seg)
        if org and current is None:
            if organisation is not None:
                organisation(org, seg)
                count += 1
            continue
        if current is not None:
            initials = LAST_BRACKETED_INITIALS.search(seg)
            if initials and initials_of(initials.group(1), NameParts("", current.name)):
                ctx.people.add_form(current, initials.group(1))    # "Council (Chair) (WM)": Will Moore's
                seg = seg[:initials.start()].rstrip()
            # "A, who was substituted by B": a clause about A, never A's post.
            role, org2 = (None, None) if _WHO_CLAUSE.match(seg) else split_role_org(ctx, seg)
            org2 = org2 or org
            if org2:
                note_org(ctx, org2, seg)
            if role or org2:
                current.facts.append(RoleFact(clean_post(role), org2.name if org2 else None, current_text + ", " + seg,
                                                    line_no))
            if sub:
                substitute(ctx, current, sub[1], line_no, seg)
    share_pairs_bodies(ctx, text, line_no)
    return count
