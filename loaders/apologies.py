"""Extraction stage: apologies, and substitutions in apology lists and in prose."""
from __future__ import annotations

import re

from loaders.blocks import read_block
from loaders.context import Context, all_lines, mark_attended, note_org, note_person
from loaders.names import INITIALS, NAME_WORD, TITLE_RE, parse_person, starts_with_person
from loaders.people import PersonRecord
from loaders.lists import read_people_list
from loaders.phrasing import alternation, reads_as_prose, words
from loaders.scan import contains_any, has_any
from loaders.sections import APOLOGY_TRIGGER
from loaders.structure import Line

_NO_APOLOGIES = re.compile(r"\bno apologies\b|apologies[^.]*\bnone\b|there were none", re.I)


# "NAME ROLE PRESENT APOLOGIES DEPUTY ATTENDED": 'Apologies' among a table's column headings heads no list.
_COLUMN_BEFORE = re.compile(r"\b(?:Present|Attended|Attendance|Role|Organi[sz]ation|Name)\s*[|/]?\s*$", re.I)
_COLUMN_AFTER = re.compile(r"\s*[|/]?\s*(?:Deputy|Deputies|Attended|Present|Substitute|Status)\b", re.I)


def read_apologies(ctx: Context) -> None:
    """Apologies wherever they stand: a heading and the rows under it, 'Apologies were received from A, B
    and C', an inline 'Apologies:' after the attendance list on the same line."""
    lines = all_lines(ctx)
    i = 0
    while i < len(lines):
        line, item = lines[i]
        text = line.text.strip().strip("*#")
        if line.no in ctx.status_lines or not has_any(text, ("apolog",)) or _NO_APOLOGIES.search(text):
            i += 1
            continue
        above = _ABOVE_APOLOGIES.search(text)
        if above and not APOLOGY_TRIGGER.search(text, 0, above.start()):
            _block_above_sent_apologies(ctx, lines, i, text)     # "The group noted the above apologies."
            i += 1
            continue
        # "Helen Price | NHS Highland | Apology": a status in a table's row, read with the table.
        triggers = [m for m in APOLOGY_TRIGGER.finditer(text) if "|" not in text[:m.start()]
                    and not _COLUMN_BEFORE.search(text, 0, m.start()) and not _COLUMN_AFTER.match(text, m.end())]
        next_i = i + 1
        for k, m in enumerate(triggers):
            end = triggers[k + 1].start() if k + 1 < len(triggers) else len(text)
            rest = _list_text(text[m.end():end])
            if _LISTED_ABOVE.match(rest):
                _block_above_sent_apologies(ctx, lines, i, text)
                continue
            if not rest and k == len(triggers) - 1:
                # A heading, 'Apologies for absence were received from:-': the rows below are the list.
                mark = lambda record, seg: _mark_apology(ctx, record, seg)
                next_i = max(i + 1, read_block(ctx, lines, i + 1, mark, absent=mark,
                                               on_body=lambda org, seg: _org_apology(ctx, org, seg)))
            elif rest and not reads_as_prose(rest) and not rest.lower().startswith(("to receive", "the chair")):
                if k == len(triggers) - 1:
                    rest, next_i = _continued(lines, i, rest)
                _apology_list(ctx, rest, line.no)
        i = next_i


_LIST_ENDS = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])|\s\d{1,2}\.\s+(?=[A-Z])|\s+Action\s+\d|\s+Item\s+\d")


# "Apologies received from those listed above": the list just above, apart from those present above it.
_ABOVE_APOLOGIES = re.compile(r"\bthe above apolog(?:ies|y)\b", re.I)
_LISTED_ABOVE = re.compile(r"(?:those|the people|the members|members|people|as)\s+(?:listed|named|shown)\s+above", re.I)


def _block_above_sent_apologies(ctx: Context, lines, i: int, evidence: str) -> None:
    """The list above line i is those present, then those who sent apologies, parted by a gap of blank lines:
    the nearest block of rows, with the blocks above it up to a wider gap than the one between them; a list of
    one block is those present only."""
    blocks: list[list[int]] = []      # nearest first: the line numbers of each block of rows
    gaps: list[int] = []              # blank lines above each block
    named_on = {r.first_line for r in ctx.people.records}      # the lines the reader found someone on
    j, skipped = i - 1, 0
    while j >= 0:
        gap = 0
        while j >= 0 and not lines[j][0].text.strip():
            gap, j = gap + 1, j - 1
        block = []
        while j >= 0 and lines[j][0].text.strip():
            block.append(j)
            j -= 1
        if not block:
            break
        if not any(lines[k][0].no in named_on for k in block):
            if blocks or skipped >= 3:
                break
            skipped += 1        # the item's heading, "Points of discussion": headings between the list and here
            continue
        if blocks:
            gaps.append(gap)
        blocks.append(block)
    if len(blocks) < 2:
        return
    # Where the apologies run over blocks, the gap above them is wider than those between their blocks.
    cut = next((k + 1 for k, gap in enumerate(gaps) if gap > gaps[0]), 1)
    numbers = {lines[k][0].no for block in blocks[:cut] for k in block}
    for record in ctx.people.records:
        if record.first_line in numbers:
            _mark_apology(ctx, record, evidence)


def _list_text(text: str) -> str:
    """What follows an apology phrase, up to where the list ends: its sentence, or the next numbered item."""
    text = re.sub(r"^\s*(?:Minutes\s*:\s*)?[:\-–]*\s*", "", text.strip(), flags=re.I)
    if re.fullmatch(r"(?:and\s+)?(?:Substitut\w*|Absence)?\s*:?-?", text, re.I):
        return ""
    return _LIST_ENDS.split(text, 1)[0].strip()


def _continued(lines, i: int, rest: str) -> tuple[str, int]:
    """A list broken over lines: read on while its sentence has not ended."""
    j = i + 1
    while not re.search(r"[.;]\s*$", rest) and j < len(lines) and j < i + 5:
        following = lines[j][0].text.strip()
        if following and not reads_as_prose(following):
            rest += " " + following
        elif not rest.endswith(","):
            break
        j += 1
    return rest, j


def _org_apology(ctx: Context, org, evidence: str) -> None:
    ctx.org_apologies.setdefault(org.name, evidence)


def _mark_apology(ctx: Context, record: PersonRecord, evidence: str) -> None:
    ctx.apologised.add(id(record))
    ctx.apology_evidence.setdefault(id(record), evidence)


def _apology_list(ctx: Context, text: str, line_no: int) -> int:
    """'A, Role and B, Org' or 'A (Org), B (Org)': people, their posts, and bodies that sent apologies."""
    def organisation(org, seg):
        note_org(ctx, org, seg)
        ctx.org_apologies.setdefault(org.name, text)

    mark = lambda record, seg: _mark_apology(ctx, record, seg)
    return read_people_list(ctx, text, line_no, mark, organisation, absent=mark)


# A person as prose names them, titled or not: "Cllr Grocock", "Ben Hollis", "Mr R G Hughes".
_WHO = rf"(?:(?:{TITLE_RE.pattern})?(?:{INITIALS})?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
# Each pattern with the words it cannot match without: most lines have none of them.
_PROSE_SUBSTITUTION = [
    (re.compile(rf"(?P<absent>{_WHO})(?:\s*\([^()]{{1,60}}\))?,?\s+(?:who\s+)?(?:sent (?:their |his |her )?apologies and\s+)?(?:was|were)\s+"
                rf"(?:{alternation('substitution_after_absent')})"
                rf"\s+(?P<sub>{_WHO})"), ("substituted", "represented", "replaced", "deputised")),
    (re.compile(rf"(?P<absent>{_WHO}),?\s+(?:{alternation('substitution_after_absent')})\s+(?P<sub>{_WHO})"),
     ("substituted by", "represented by", "replaced by", "deputised")),
    # "Ella Chase represented Inclusion Eastfield on behalf of Carol Cole": the body between.
    # "Adam Bell, Shire Probation attended on behalf of Kay Hunt": a post or body set off after the name.
    (re.compile(rf"(?P<sub>{_WHO})(?:,\s*(?P<post>[^.,;()]{{1,60}}?),?|,)?\s+(?:represented\s+[^.,;]{{1,60}}?\s+)?"
                rf"(?P<verb>{alternation('substitution_before_absent')})"
                rf"\s+(?P<absent>{_WHO})"),
     tuple(words("substitution_before_absent"))),
]


_ANY_SUBSTITUTION_WORD = re.compile("|".join(re.escape(w) for _, needed in _PROSE_SUBSTITUTION for w in needed))


# "Substitute Members: Cllr A for Cllr B" (or the heading as an item's title, the pairs in its minutes).
_SUBSTITUTES_HEAD = re.compile(rf"^\s*(?:\d{{1,3}}[.)]?\s+)?(?i:{alternation('substitution_headings')})"
                               rf"(?:\s*\([^)]*\))?\s*(?:[:\-–]\s*(?P<rest>.*))?$")
_FOR_PAIR = re.compile(rf"(?P<sub>{_WHO})\s+(?:(?:was\s+)?substituting\s+|substituted\s+|attended\s+)?for\s+(?P<absent>{_WHO})")


def _substitute_lists(ctx: Context, known: set[tuple[int, int]], lines: list[Line]) -> None:
    """Pairs written 'A for B' under a heading of substitutes: on the heading's line, or the lines below it
    (a few, up to a blank line after the list), or an item so titled."""
    texts: list[tuple[str, int]] = []
    for item in ctx.layout.items:
        if _SUBSTITUTES_HEAD.match(item.title):
            texts += [(l.text, l.no) for l in (item.agenda + item.body)[:12] if l.text.strip()][:6]
    for k, line in enumerate(lines):
        m = _SUBSTITUTES_HEAD.match(line.text) if "ubstitut" in line.text else None
        if m is None:
            continue
        if m.group("rest"):
            texts.append((m.group("rest"), line.no))
        else:
            texts += [(l.text, l.no) for l in lines[k + 1:k + 8] if l.text.strip()][:4]
    for text, no in texts:
        for m in _FOR_PAIR.finditer(text):
            absent, sub = parse_person(m.group("absent")), parse_person(m.group("sub"))
            if not absent or not sub:
                continue
            a, b = note_person(ctx, absent, no), note_person(ctx, sub, no)
            if (id(b), id(a)) not in known and a is not b:
                known.add((id(b), id(a)))
                ctx.substitutions.append((b, a, text.strip()))
                mark_attended(ctx, b, text.strip())
                _mark_apology(ctx, a, text.strip())


def read_prose_substitutions(ctx: Context) -> None:
    """'Cllr Grocock was substituted by Cllr Byers', 'B attended as substitute for A', outside apology lists;
    'A for B' under a heading of substitutes."""
    known = {(id(a), id(b)) for a, b, _ in ctx.substitutions}
    lines = [line for line, _ in all_lines(ctx)]
    _substitute_lists(ctx, known, lines)
    previous = ""
    for line in lines:
        above, previous = previous, line.text
        if not _ANY_SUBSTITUTION_WORD.search(line.text):
            continue        # one look for all the patterns' words: most lines have none
        for pattern, needed in _PROSE_SUBSTITUTION:
            if not contains_any(line.text, needed):
                continue
            for m in pattern.finditer(line.text):
                if "replac" in m.group(0) and _MEMBERSHIP_CHANGE.search(_sentence_at(above, line.text, m.start())):
                    continue     # "thanked Cllr A, who was replaced by Cllr B, for her work": a new member
                post = m.groupdict().get("post")
                if post and (any(starts_with_person(p) for p in re.split(r"\s+and\s+|\s*&\s*", post))
                             or not _ATTENDING.match(m.group("verb"))):
                    # "Ann Lee, Bob Marsh attended on behalf of ...": a list, not a post; "Ann Lee, Analyst,
                    # on behalf of Bob Marsh, presented": presenting for someone, no substitution.
                    continue
                for absent_text, sub_text in _pairs(line.text, m):
                    absent, sub = parse_person(absent_text), parse_person(sub_text)
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


# A sentence about who sits on the body, not about this meeting: "replaced by" there is a change of member.
_MEMBERSHIP_CHANGE = re.compile(rf"\b(?:{alternation('membership_change_words')})\b", re.I)


def _sentence_at(above: str, text: str, pos: int) -> str:
    """The sentence around text[pos], begun on the line above where that line runs on into this one."""
    if above.strip() and not re.search(r"[.;:!?]\s*$", above):
        text, pos = f"{above.strip()} {text}", pos + len(above.strip()) + 1
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos)) + 1
    end = text.find(". ", pos)
    return text[start:end if end >= 0 else len(text)]


_ATTENDING = re.compile(r"attended|attending|substitut|deputis|stood|sat|standing|was present|as (?:a )?substitute")
_FIRST_OF_TWO = re.compile(rf"(?P<who>{_WHO})(?:\s*\([^()]{{1,60}}\))?\s+and\s+$")
_SECOND_OF_TWO = re.compile(rf"\s+and\s+(?P<who>{_WHO})")


def _pairs(text: str, m: re.Match[str]) -> list[tuple[str, str]]:
    """The (absent, substitute) pairs a match states: 'A and B, who were substituted by C and D' pairs
    A with C and B with D, in order."""
    pairs = [(m.group("absent"), m.group("sub"))]
    if m.start("absent") < m.start("sub"):
        before = _FIRST_OF_TWO.search(text, max(0, m.start("absent") - 120), m.start("absent"))
        after = _SECOND_OF_TWO.match(text, m.end("sub"))
        if before and after:
            pairs = [(before.group("who"), m.group("sub")), (m.group("absent"), after.group("who"))]
    return pairs
