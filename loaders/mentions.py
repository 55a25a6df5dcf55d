"""Extraction stage: every organisation named in the text, and acronyms the document defines."""
from __future__ import annotations

import re

from loaders.context import Context, is_sub_group, line_of, local_partnership, localised, note_org, titlecase_line
from loaders.names import fold
from loaders.organisations import LETTERS_AND_SPACES, Gazetteer, OrgEntry, find_org_phrases
from loaders.places import area_ending
from loaders.scan import ascii_caseless, finditer_near, has_word, literal_alternation

_DEFINITION = re.compile(r"((?:[A-Z][\w’']+\s+(?:and\s+|of\s+|for\s+|&\s+)?){1,7})\((?P<acr>[A-Z]{2,6})\)")
_ACRONYM_IN_PARENS = re.compile(r"\([A-Z]{2,6}\)")
_PHRASE_CHARS = re.compile(r"[\w’'\s&]*")      # all a definition's phrase can be made of


def _definitions(text: str) -> list[re.Match[str]]:
    """_DEFINITION's matches in the text, found from each '(ACR)' back: the phrase can only lie in the run
    of phrase characters just before it, so only that run is searched (the whole text was slow to scan)."""
    out: list[re.Match[str]] = []
    backwards = text[::-1]
    for paren in _ACRONYM_IN_PARENS.finditer(text):
        from_end = len(text) - paren.start()
        run_start = paren.start() - (_PHRASE_CHARS.match(backwards, from_end).end() - from_end)
        m = _DEFINITION.search(text, run_start, paren.end())
        if m:
            out.append(m)
    return out


def define_acronyms(ctx: Context) -> None:
    """'Barnet Safer Neighbourhood Board (SNB)': later 'SNB' in this document means that body."""
    for m in _definitions(ctx.doc.text):
        acr = m.group("acr")
        phrase = m.group(1).strip()
        entry = ctx.gazetteer.lookup(phrase, ctx.home)
        if entry:
            ctx.org_aliases[acr] = entry
            continue
        for org_phrase, _, end in find_org_phrases(phrase):
            if end == len(phrase):
                # "the Community Safety Partnership (CSP)": a partnership of its kind is this place's.
                ctx.org_aliases[acr] = local_partnership(ctx, org_phrase) or OrgEntry(org_phrase)
    # "Chair HWB", "the CSP's plan": the meeting's own body by its initials, with or without its place.
    body = ctx.meeting.body
    if body:
        words = [w for w in re.split(r"[\s-]+", body) if w[:1].isupper() and w not in ("The", "Of")]
        entry = ctx.gazetteer.lookup(body, ctx.home) or OrgEntry(body)
        for lead in range(min(2, len(words) - 1)):
            acr = "".join(w[0] for w in words[lead:])
            if len(acr) >= 2:
                ctx.org_aliases.setdefault(acr, entry)


# A council however the text names it; only letters and spaces, around one of the anchor's words.
_COUNCIL = re.compile(r"\b(?:London Borough of|LB|Royal Borough of)\s+[A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)*"
                      r"|\b[A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)*\s+Council\b|\bthe Council\b|\bLB[A-Z]\b")
_COUNCIL_ANCHOR = re.compile("Council|LB|Borough of")


def _whole_area(text: str, m: re.Match[str]) -> str:
    """'East Lothian Council' where the pattern saw 'Lothian Council': the council's name from the
    longest known area its words end, with the words before (and '&' read as 'and')."""
    name = m.group(0)
    if not name.endswith("Council") or name.startswith(("the ", "London Borough", "Royal Borough")):
        return name
    head = name[:-len("Council")].strip()
    qualifier = re.search(r"\s+(?:City|County Borough|County|Borough|District|Metropolitan Borough)$", head)
    place = head[:qualifier.start()] if qualifier else head
    area = area_ending(text, m.start() + len(place), reach=len(place) + 40)
    if area and len(area) > len(place):
        return area + head[len(place):] + " Council"
    return name


def note_organisation_mentions(ctx: Context) -> None:
    """Every organisation named anywhere in the text, for the document's MENTIONS and Organisation nodes."""
    text = ctx.doc.text
    gazetteer_hits: list[tuple[OrgEntry, str]] = []
    seen: set[int] = set()
    for pattern, view, entry_of in _gazetteer_patterns(ctx.gazetteer):
        for m in pattern.finditer(view(text)):
            entry = entry_of(text[m.start():m.end()])
            if entry is not None and id(entry) not in seen:
                seen.add(id(entry))
                gazetteer_hits.append((entry, line_of(text, m.start())))
    for acr, entry in ctx.org_aliases.items():
        if has_word(text, acr):
            local = localised(ctx, entry)
            if not local.local_name:        # a federation whose local body cannot be told is no one body
                note_org(ctx, local, acr)
    for m in finditer_near(_COUNCIL, _COUNCIL_ANCHOR, LETTERS_AND_SPACES, text):
        entry = ctx.gazetteer.lookup(_whole_area(text, m), ctx.home)
        if entry:
            note_org(ctx, entry, line_of(text, m.start()))
    person_words = {w for r in ctx.people.records for w in r.name.split()}
    for line in ctx.lines:
        if "\t" in line:
            continue   # a PDF table whose columns ran together: no phrase in it is whole
        plain = titlecase_line(line)
        for phrase, start, end in find_org_phrases(plain, strict=True,
                                                   known=lambda p: ctx.gazetteer.lookup(p) is not None):
            if set(phrase.split()) & person_words:
                continue
            entry = ctx.gazetteer.lookup(phrase, ctx.home)
            if entry is not None and entry.local_name:
                entry = localised(ctx, entry)
                if entry.local_name:
                    continue    # a federation named alone, whose local body cannot be told: no one body
            entry = entry or local_partnership(ctx, phrase)
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
            local = localised(ctx, entry)
            if local is entry and entry.local_name:
                continue    # a federation named alone, whose local body cannot be told: no one body
            note_org(ctx, local, evidence)


_PATTERNS: dict[int, list] = {}


def _gazetteer_patterns(gazetteer: Gazetteer) -> list:
    """(pattern, the view of the text it scans, entry of a match) for two alternations over every name
    and alias, compiled once per gazetteer as tries: scanning a text once per form was half of all
    extraction time, and a flat alternation still a tenth. Acronyms and one-word names match only as
    written ("Refuge", not "refuge beds"); longer names in any case, on a lower-cased view of the text
    when they are plain ASCII (the same matches as re.IGNORECASE, faster)."""
    if id(gazetteer) not in _PATTERNS:
        exact: dict[str, OrgEntry] = {}
        loose: dict[str, OrgEntry] = {}
        for entry in {id(e): e for e in gazetteer.entries.values()}.values():
            for form in [entry.name, *entry.aliases]:
                if form.isupper() or " " not in form:
                    exact.setdefault(form, entry)
                else:
                    loose.setdefault(fold(form), entry)

        def alternation(forms, flags=0, quick_test=False):
            # The quick test, a look-ahead for the forms' first characters, pays off for capitals only.
            first_chars = re.escape("".join(sorted({f[0] for f in forms})))
            test = f"(?=[{first_chars}])" if quick_test and forms else ""
            return re.compile(rf"{test}(?<![\w-])(?:{literal_alternation(forms)})(?![\w-])", flags)

        caseless_view, flags = (ascii_caseless, 0) if all(f.isascii() for f in loose) else (_as_written, re.I)
        _PATTERNS[id(gazetteer)] = [(alternation(exact, quick_test=True), _as_written, exact.get),
                                    (alternation(loose, flags), caseless_view, lambda found: loose.get(fold(found)))]
    return _PATTERNS[id(gazetteer)]


def _as_written(text: str) -> str:
    return text


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
    if re.search(r"\d", phrase) or is_sub_group(phrase):
        return False
    # A body named only by generic words ("Police Service", "Partner Agency") is not one organisation.
    generic = {"strategic", "executive", "management", "steering", "operational", "delivery", "working",
               "advisory", "reference", "programme", "project", "all", "party", "police", "service", "services", "council", "board", "group", "trust", "local", "partner", "partners",
               "agency", "agencies", "health", "public", "community", "statutory", "voluntary", "the", "and", "of",
               "teams", "team", "authority", "authorities", "forum",
               "network", "office", "department", "company", "university", "court", "fire", "rescue",
               "government", "labour", "conservative", "coalition", "corporate"}
    return not lowered <= generic
