"""Extraction stage: apologies, and substitutions in apology lists and in prose."""
from __future__ import annotations

import re

from loaders.attendance import ATTENDANCE_HEAD
from loaders.context import Context, all_lines, mark_attended, note_org, note_person, parse_entry, resolve_org
from loaders.names import leading_person, parse_person
from loaders.people import PersonRecord
from loaders.lists import read_people_list, substitute, substitution_split
from loaders.scan import contains_any, has_any
from loaders.structure import Item, Line

APOLOGY_TRIGGER = re.compile(
    r"(?:^|\b)(?:Apologies|Apology)(?:\s+for\s+absence)?(?:\s+(?:were|was|had been|have been))?(?:\s+also)?"
    r"(?:\s+(?:received|given|noted|tendered|submitted))?(?:\s+(?:from|by))?(?:\s+the\s+following)?\s*[:\-–]?\s*",
    re.I)


def read_apologies(ctx: Context) -> None:
    lines = all_lines(ctx)
    for i, (line, item) in enumerate(lines):
        text = line.text.strip().strip("*#")
        if line.no in ctx.status_lines:
            continue        # 'Apologies' beside a name in a roster, read with the roster
        m = APOLOGY_TRIGGER.search(text) if has_any(text, ("apolog",)) else None
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
    sub = substitution_split(text)
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
        substitute(ctx, entry[0], substitute_text, line_no, text)
    return 1


def _mark_apology(ctx: Context, record: PersonRecord, evidence: str) -> None:
    ctx.apologised.add(id(record))
    ctx.apology_evidence.setdefault(id(record), evidence)


def _apology_list(ctx: Context, text: str, line_no: int) -> int:
    """'A, Role and B, Org' or 'A (Org), B (Org)': people, their posts, and bodies that sent apologies."""
    def organisation(org, seg):
        note_org(ctx, org, seg)
        ctx.org_apologies.setdefault(org.name, text)

    return read_people_list(ctx, text, line_no, lambda record, seg: _mark_apology(ctx, record, seg), organisation)


# Each pattern with the words it cannot match without: most lines have none of them.
_PROSE_SUBSTITUTION = [
    (re.compile(r"(?P<absent>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+(?:was|were)\s+(?:substituted|represented|"
                r"replaced)\s+by\s+(?P<sub>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
     ("substituted", "represented", "replaced")),
    (re.compile(r"(?P<sub>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+(?:attended|was present)\s+(?:as (?:a )?substitute "
                r"for|in the absence of|on behalf of|in place of)\s+(?P<absent>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
     ("attended", "was present")),
    (re.compile(r"(?P<sub>(?:[A-Z][\w’'-]*\s){1,3}?[A-Z][\w’'-]+)\s+substituted for\s+"
                r"(?P<absent>(?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]+)"),
     ("substituted for",)),
]


def read_prose_substitutions(ctx: Context) -> None:
    """'Cllr Grocock was substituted by Cllr Byers', 'B attended as substitute for A', outside apology lists."""
    known = {(id(a), id(b)) for a, b, _ in ctx.substitutions}
    for line, _ in all_lines(ctx):
        for pattern, needed in _PROSE_SUBSTITUTION:
            if not contains_any(line.text, needed):
                continue
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
                mark_attended(ctx, b, line.text.strip())
                _mark_apology(ctx, a, line.text.strip())
