"""Extraction stage: agenda items and their sentences: who is named, their posts, who presented or spoke."""
from __future__ import annotations

import re

from graph import ids
from graph.model import AgendaItem, Label, Rel
from loaders.sections import is_apology_text
from loaders.context import ROLE_WORD_RE, ROLE_WORDS, Context, Sentence, heading_line, mark_attended, \
    is_generic_body, meeting_body, name_shaped_lead, note_person, note_post, parse_entry, person_by_initials, resolve_org, \
    split_role_org
from loaders.first_names import is_first_name
from loaders.names import PLACE_WORDS, RANK_QUALIFIERS, NameParts, fold, full_name_mentions, leading_person, \
    starts_with_person, titled_mentions
from loaders.lists import share_pairs_bodies
from loaders.organisations import OrgEntry
from loaders.outcomes import action_marker, read_actions, read_decisions
from loaders.people import PersonRecord
from loaders.phrasing import alternation, reads_as_prose
from loaders.places import place_at
from loaders.scan import NEAR, caseless, has_any, literal_alternation
from loaders.strategies import read_strategies
from loaders.structure import Item, Line

PRESENT_VERBS = (r"presented|introduced(?!\s+(?:himself|herself|themselves|themself|new|the new|to\b))|gave (?:(?:a|an|the|their|his|her)\s+)?(?:[\w-]+\s+){0,3}?"
                 r"(?:update|overview|presentation|report|briefing|summary)|"
                 r"provided (?:(?:the )?(?:board|group|partnership|committee|meeting|members) with )?(?:a|an|the)\s+"
                 r"(?:[\w-]+\s+){0,3}?(?:update|overview|presentation|report|briefing|summary)|"
                 r"spoke to the (?:[\w-]+\s+){0,3}?(?:report|item|presentation|paper|slides|update)|"
                 r"(?:elaborated on|went through|talked through|outlined) (?:the )?(?:[\w-]+\s+){0,3}?(?:report|item|"
                 r"presentation|papers?|slides|update|figures)|delivered (?:a|an|the) (?:[\w-]+\s+){0,3}?(?:presentation|"
                 r"update|report|briefing)|(?:took|talked|walked) (?:the )?(?:board|members|group|partnership|"
                 r"committee|meeting) through|updated the (?:board|group|partnership|committee|members|meeting)|"
                 r"attended the meeting to update the (?:board|group|partnership|committee)|"
                 r"reported\s*:|reported (?:back\s+)?(?:on\s+)?progress\b|led (?:the|a) (?:presentation|item|discussion)|"
                 r"fed back to the (?:board|group|partnership|committee|panel|meeting|members)|"
                 r"(?:highlighted|outlined|set out|summarised|summarized|reported on) the following\b")
SPEECH_VERBS = ("asked|commented|noted|reported|added|enquired|inquired|responded|replied|suggested|explained|"
                "advised|stated|questioned|requested|informed|confirmed|proposed|updated|highlighted|recommended|"
                "mentioned|emphasised|emphasized|agreed|said|thanked|welcomed|praised|commended|offered|raised|"
                "queried|felt|stressed|acknowledged|remarked|clarified|outlined|drew|made|pointed|expressed|"
                "provided|presented|gave|spoke|took|led|introduced|reminded|encouraged|undertook|circulated|"
                "described|observed|congratulated|referred|tabled|declared|expressed|assured|believed|considered|"
                "indicated|invited|urged|warned|wished|summarised|summarized|concluded|opened|closed|chaired|"
                "moved|seconded|presided|shared|discussed|accepted|undertook|sought|went|set|reiterated|announced|"
                "attended|joined|gave|confirmed")
# A post set off after the name, before the verb: closed by a comma ("X, the Council's lead, said"), or of
# capitalised words and their joining words only ("X, Head of Community Safety reported"): not a clause
# ("X, MSP, Cabinet Secretary ... to all attendees which set out ...": a letter's writer, not a speaker).
_SET_OFF_POST = r"(?:\s*,[^.;()]{1,120}?,|\s*,\s*(?:the\s+)?[A-Z][\w’'&/-]*(?:\s+(?:of|for|and|&|the|at|from|on|in|[A-Z][\w’'&/-]*))*)"
_SPEECH_AFTER = re.compile(
    rf"^(?:\s*\([^)]{{1,90}}\))?{_SET_OFF_POST}??\s*,?\s+"
    rf"(?:also\s+|then\s+|further\s+|both\s+|(?:was|were)\s+(?=welcomed|invited))?(?:{SPEECH_VERBS})\b")
_APPOSITIVE = re.compile(rf"(?:,|\s*[—–]|\s+-)\s*((?:the\s+)?[^,.;—–]{{2,90}}?(?:,\s*[A-Z][^,.;]{{1,60}}?)?)(?:,|;|\s+(?=(?:"
                         rf"{SPEECH_VERBS}|{PRESENT_VERBS}|was|were|had|has|would|will|is|also|then|giving|"
                         rf"providing|presenting|who|and head|in relation to|regarding|concerning)\b)|\.?$)")
# "Ms Kay Matthews Chief Operating Officer for Barnet CCG, noted": a post straight after the name.
_BARE_POST = re.compile(r"\s+((?:[A-Z][\w’'&-]*\s+){0,4}?(?:" + "|".join(w for w in ROLE_WORDS if " " not in w) +
                        r")\b(?:\s+(?:of|for|at)\s+[^,.;]{2,60}?)?(?:\s*\([^()]{2,40}\))?)\s*(?:,|\s+(?=(?:" +
                        SPEECH_VERBS + r")\b))")
# A body's name as prose runs it on: capitalised words, with "of", "for", "and" or "&" between them.
_BODY_RUN = r"(?:[A-Z][\w’'&-]*\s?(?:of\s|for\s|and\s|&\s)?){1,8}"
_AT_ORG = re.compile(rf"\s+(?:at|from|of)\s+(?:the\s+)?({_BODY_RUN})")
# Every split starts at a space or at "Action": the look-ahead is a quick test before the three forms.
# A full stop after a title or an initial ('Ms. A. Bell') ends no sentence.
# The line-break form starts only where a run of spaces starts (every match does): tried from each
# space of a long run, it rescanned the run to its end each time.
_NOT_AN_END = "".join(rf"(?<!\b{t}\.)" for t in ("Mr", "Ms", "Mrs", "Dr", "Cllr", "Prof", "Rev", "St", "No", "Insp",
                                                  "Supt", "Sgt", "Det", "Ch", "Co", "Cty"))
_SENTENCE_SPLIT = re.compile(rf"(?=[\sA])(?:(?<=[.!?]){_NOT_AN_END}(?<![\s(][A-Z]\.)(?<!^[A-Z]\.)\s+"
                             r"(?=[A-Z“\"‘(]|\d{1,2}\.\s+[A-Z])|(?<=\.)\s*(?=Action\s*[:\-–])|(?<!\s)\s*\n\s*)")


def add_items(ctx: Context) -> None:
    """A node for each agenda item, in order: the stages after this one attach what they read to them."""
    for order, item in enumerate(ctx.layout.items, start=1):
        # "Declarations of Interest." in an agenda's list: the full stop is no part of the title.
        title = re.sub(r"(?<=[a-z0-9)])\.$", "", item.title) or f"Item {item.number or order}"
        node = AgendaItem(id=ids.child_id(Label.AGENDA_ITEM, ctx.meeting.id, order), name=title,
                          meeting=ctx.meeting.id, number=item.number, title=title, order=order,
                          documents=[ctx.name])
        ctx.graph.add(node)
        ctx.graph.relate(Rel.HAS_ITEM, ctx.meeting.id, node.id, ctx.name, heading_line(ctx, item) or title,
                         order=order)
        ctx.item_nodes[id(item)] = node


def read_items(ctx: Context) -> None:
    listed = {id(item): _agenda_block(ctx, item) for item in ctx.layout.items}
    index = 0
    for item in ctx.layout.items:
        node = ctx.item_nodes[id(item)]
        sentences = list(_sentences([l for l in item.body if l.no not in ctx.list_lines], item))
        declarations = bool(_DECLARATIONS.search(node.title))
        subject = None
        presented_before = len(ctx.presented)
        for sentence in _sentences([l for l in item.agenda if l.no not in ctx.list_lines], None):
            # The agenda's description ("To consider the report of Ann Lee, Head of Service"): who it names
            # and their posts; what it says is to happen is no record of what did.
            if not _AGENDA_BLOCK_ROW.match(sentence.text):
                _read_sentence(ctx, sentence, None, first=False)
        opened_by = None       # the person the sentence before opened with: whom a following 'He' or 'She' is
        for k, sentence in enumerate(sentences):
            index += 1
            people = _read_sentence(ctx, sentence, node, first=k < 2)
            if opened_by is not None and sentence.text[:1] in "HS" and _PRONOUN_PRESENTS.match(sentence.text) \
                    and not any(r is opened_by and i is node for r, i, _ in ctx.presented):
                # "The Team Leader reported a fall in crime. He gave an overview of ...": he presented.
                ctx.presented.append((opened_by, node, sentence.text))
                mark_attended(ctx, opened_by, sentence.text)
            opened_by = people[0][0] if people and people[0][1] <= 4 else None
            if declarations:
                subject = _declaration_row(ctx, sentence, people, subject)
        by_post = next((m.group("post") for sentence in sentences if has_any(sentence.text, _PRESENT_WORDS)
                        and (m := _POST_PRESENTED.search(sentence.text))), None) if listed[id(item)] else None
        _title_presenters(ctx, item, node, listed[id(item)], found=len(ctx.presented) > presented_before,
                          by_post=by_post)
        read_decisions(ctx, item, node, sentences)
        read_actions(ctx, item, node, sentences)
        read_strategies(ctx, item, node, sentences)


_AGENDA_BLOCK_ROW = re.compile(r"^\s*(?:[A-Z][\w.’'-]*\s+){1,4}[–—-]\s")     # "Ann Lee – Head of Service": read as a block


def _sentences(lines: list[Line], item: Item | None):
    for line in _unwrapped(lines):
        text = line.text.strip()
        if not text:
            continue
        for part in _SENTENCE_SPLIT.split(text):
            part = part.strip(" \t•·")
            if part:
                yield Sentence(part, line.no, item, 0)


def _unwrapped(lines: list[Line]) -> list[Line]:
    """Lines a PDF wrapped mid-sentence joined again ('... Sam Dean and Ella' / 'Burt were welcomed'):
    a long line that stops without a stop, straight above the next, runs on into it."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and line.text.strip() and not _ENDS_CLAUSE.search(prev.text) \
                and not _STARTS_ROW.match(line.text) and (len(prev.text.strip()) >= 60 or _RUNS_ON(prev.text, line.text)):
            out[-1] = Line(prev.no, prev.text.rstrip() + " " + line.text.strip())
        else:
            out.append(line)
    return out


_ENDS_CLAUSE = re.compile(r"[.!?:;)\]|]\s*$")
_ENDS_MIDWAY = re.compile(r"\b(?:from|by|and|the|of|to|with|for|a|an|on|in|at|that|who|was|were)\s*$")


def _RUNS_ON(prev: str, line: str) -> bool:
    """A short line that cannot end a sentence: it stops on a word that needs more ('update from'), or on
    a first name whose surname starts the next line ('... from Lena' / 'Ashdown on behalf of')."""
    if len(prev.split()) < 4:
        return False      # a heading or a label, not a sentence cut short
    last = prev.split()[-1]
    return bool(_ENDS_MIDWAY.search(prev)) or is_first_name(last) and bool(re.match(r"\s*[A-Z][a-z]", line))
_STARTS_ROW = re.compile(r"\s*(?:[-•·*–]|\d{1,2}[.)]|\(?[a-z]{1,3}\)|[A-Z][A-Za-z ]{0,30}:)")


# "9(i) Women's Safety Forum – Jo Baker": who takes the item, after a dash at the end of its title.
_TITLE_DASH_NAMES = re.compile(r"\s[–—-]\s*(?P<names>[^–—-]{3,120})$")
_TITLE_BRACKET_NAMES = re.compile(r"\((?P<names>[^()]{3,120})\)\s*$")


def _title_presenters(ctx: Context, item: Item, node: AgendaItem, listed: list[PersonRecord], found: bool,
                      by_post: str | None = None) -> None:
    """Who presented, from the item's heading: names after a dash ('Title – Name'), or, where the minutes
    name no presenter, names in brackets ('Summary of Progress (A and B)') or in the block under the title."""
    def present(records: list[PersonRecord], evidence: str) -> None:
        for record in records:
            if not any(r is record and i is node for r, i, _ in ctx.presented):
                ctx.presented.append((record, node, evidence))
                mark_attended(ctx, record, evidence)

    heading = heading_line(ctx, item)
    dash = _TITLE_DASH_NAMES.search(item.title)
    if dash and _all_people(dash.group("names")):
        present([note_person(ctx, parts, item.line) for parts in _all_people(dash.group("names"))], heading)
        return
    if found:
        return
    bracket = _TITLE_BRACKET_NAMES.search(item.title)
    if bracket and _all_people(bracket.group("names")):
        present([note_person(ctx, parts, item.line) for parts in _all_people(bracket.group("names"))], heading)
    elif listed and item.agenda:
        if by_post is not None:
            # "The Community Safety Manager spoke to the report": of those the agenda lists, only one holding
            # that post presented.
            words = set(fold(by_post).split()) - {"the", "of", "for", "and"}
            listed = [r for r in listed if any(words <= set(fold(role).split()) for role in r.roles())]
        present(listed, heading)
    elif (holder := _title_post_holder(ctx, item.title)) is not None:
        present([holder], heading)


# A title naming who reports by their post: "Fire Reform – Report by the Chief Executive", "Chair's
# Announcements", "Borough Commander Update". The post's words come from data (ROLE_WORDS); who holds it
# from the posts the minutes state.
_TITLE_REPORT_BY = re.compile(rf"\b(?i:{alternation('presenter_title_before_post')})\s+(?:the\s+)?"
                              r"(?P<post>[A-Z][^()–—]{2,120}?)\.?\s*$")
_TITLE_POSTS_OWN = re.compile(r"^\s*(?:the\s+)?(?P<post>(?:[A-Z][\w’'&/-]*\s+){0,4}?[A-Z][\w’'&/-]*?)(?:['’]s)?\s+"
                              rf"(?i:{alternation('presenter_title_after_post')})\.?\s*$")
_POST_CUT = re.compile(r"\s*(?:,|/|\band\b|&|\bto\b|\bfor\b|\bof\b)\s*")


def _title_post_holder(ctx: Context, title: str) -> PersonRecord | None:
    """The one person whose stated post the title names as reporting (one who sent apologies is dropped
    with the meeting's presenters, loaders/extract.py); the post is tried
    whole, then cut at each joining word ('Chief Executive and Clerk to the Authority' -> 'Chief Executive')."""
    m = _TITLE_REPORT_BY.search(title) or _TITLE_POSTS_OWN.match(title)
    if m is None or not ROLE_WORD_RE.search(m.group("post")):
        return None
    post = m.group("post")
    cuts = [post[:c.start()] for c in _POST_CUT.finditer(post)] + [post]
    pieces = [p for p in re.split(r"\s*/\s*", post) if p]
    for candidate in [post, *sorted(cuts, key=len, reverse=True), *pieces]:
        if not ROLE_WORD_RE.search(candidate):
            continue
        record = _holder(ctx, candidate)
        if record is not None:
            return record
    return None


def _holder(ctx: Context, post: str) -> PersonRecord | None:
    """Who holds a post: one person only, a vice or deputy post never standing for the post itself, another
    body's post ('Chair of the Cluster') never for this meeting's."""
    words = set(fold(post).replace(",", " ").split()) - {"the", "of", "for", "and", "&"}
    plain = not words & {"vice", "deputy", "depute", "assistant"}
    hits = [r for r in ctx.people.records
            if any(words <= set(fold(role).replace(",", " ").split())
                   and (not plain or not set(fold(role).split()) & {"vice", "deputy", "depute", "assistant"})
                   and not _ANOTHER_BODYS.search(role) for role in r.roles())]
    return hits[0] if len(hits) == 1 else None


def _all_people(text: str) -> list[NameParts]:
    """The people a short phrase names, if it names nothing else: 'A and B', 'Dr A, B'."""
    chunks = [c for c in re.split(r"\s*(?:,|&|\band\b)\s*", text.strip()) if c]
    found = [leading_person(c) for c in chunks]
    if not found or any(f is None or f[1].strip() for f in found):
        return []
    return [f[0] for f in found if f[0].is_full or f[0].title]


def _agenda_block(ctx: Context, item: Item) -> list[PersonRecord]:
    """The presenter block under an agenda title: 'Kiran Vagarwal – Strategic Lead, Barnet Council'."""
    records: list[PersonRecord] = []
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
            if rest.strip() and (parts.title or name_shaped_lead(parts) or ROLE_WORD_RE.search(rest)):
                for chunk in re.split(r",\s*and\s+|\s+and\s+(?=[A-Z][a-z]+ [A-Z])", text):
                    entry = parse_entry(ctx, chunk, lines[k].no)
                    if entry:
                        records.append(entry[0])
                share_pairs_bodies(ctx, text, lines[k].no)
            elif not rest.strip() and (parts.title or name_shaped_lead(parts)
                                       or k + 1 < len(lines) and ROLE_WORD_RE.search(lines[k + 1].text)):
                # Name, post and organisation on lines of their own: a name by its shape, or with a post below
                # it ("Healthwatch Eastfield" above "Present, as expected" is no one).
                following = []
                while k + 1 < len(lines) and len(following) < 2 and not leading_person(lines[k + 1].text.strip()) \
                        and len(lines[k + 1].text.split()) <= 8 and not lines[k + 1].text.strip().endswith("."):
                    following.append(lines[k + 1].text.strip())
                    k += 1
                role, org = split_role_org(ctx, ", ".join(following)) if following else (None, None)
                records.append(note_person(ctx, parts, lines[k].no, role, org, " / ".join([text, *following])))
        k += 1
    return records


_ROLE_REF = re.compile(r"\b[Tt]he\s+((?:Vice[- ])?(?:Chairman|Chairwoman|Chair|Chairperson)\b"
                       r"|(?:[A-Z][\w’'&-]*,?\s+(?:(?:of|for|and|&)\s+)?){0,6}(?:" + "|".join(
                           w for w in ROLE_WORDS if w[0].isupper()) + r")\b(?:,?\s+(?:for\s+|of\s+)?"
                       r"(?:[A-Z][\w’'&-]*\s?){1,5})?)")


# "The Chair of the Eastfield Trust": another body's chair, not this meeting's.
_ANOTHER_BODYS = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?!(?:Board|Panel|Partnership|Committee|Group|Meeting|"
                            r"Forum|Sub-Group|Subgroup)\b)[A-Z]")
# Quick tests before _ROLE_REF: "the" (as "he"), and a post's word.
_ANY_ROLE_WORD = re.compile(literal_alternation([w for w in ROLE_WORDS if w[0].isupper()]))


_INITIALS_TOKEN = re.compile(r"\b[A-Z][A-Za-z]?[A-Z]{1,2}\b")


def _people_in(ctx: Context, text: str, line: int) -> list[tuple[PersonRecord, int, int]]:
    """People named in a sentence, titled or not, and posts that stand for one ('the Borough Commander')."""
    spans: list[tuple[NameParts | PersonRecord, int, int]] = []
    # Which characters a name already taken covers: a look-up per name, not a pass over every name
    # taken so far (quadratic in a sentence that names thousands).
    taken = bytearray(len(text) + 1)

    def take(s: int, e: int) -> None:
        taken[s:e] = b"\x01" * (e - s)

    for parts, s, e in titled_mentions(text):
        spans.append((parts, s, e))
        take(s, e)
    for parts, s, e in full_name_mentions(text):
        if taken[s] or taken[e - 1]:
            continue
        if not _plausible_untitled(ctx, parts, text, s, e):
            continue
        spans.append((parts, s, e))
        take(s, e)
    for m in _INITIALS_TOKEN.finditer(text) if ctx.people.initials else ():
        # "WM introduced Cara Lund": initials the list of those present gave a person.
        record = ctx.people.by_initials(m.group(0))
        if record is not None and not taken[m.start()]:
            spans.append((record, m.start(), m.end()))
            take(m.start(), m.end())
    lead = _INITIALS_PRESENTING.match(text)
    record = person_by_initials(ctx, lead.group(1), line) if lead and not taken[lead.start(1)] else None
    if record is not None:
        # "PB gave a presentation on ...", "2.1 ID reported progress": notes naming people by their initials.
        spans.append((record, lead.start(1), lead.end(1)))
        take(lead.start(1), lead.end(1))
    for m in _ROLE_REF.finditer(text) if "he" in text and _ANY_ROLE_WORD.search(text) else ():
        if taken[m.start()] or _ANOTHER_BODYS.match(text, m.end()):
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


# "The Community Safety Manager spoke to the report": the minutes name who presented by their post.
_POST_PRESENTED = re.compile(r"\b[Tt]he\s+(?P<post>(?:[A-Z][\w’'&-]*\s+(?:(?:of|for|and|&)\s+)?){0,6}(?:"
                             + "|".join(w for w in ROLE_WORDS if w[0].isupper()) + rf")s?)\s+(?:{PRESENT_VERBS})")
_PRONOUN_PRESENTS = re.compile(rf"(?:He|She)\s+(?:also\s+|then\s+|further\s+)?(?:{PRESENT_VERBS})\b")
_INITIALS_PRESENTING = re.compile(rf"(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)?([A-Z][A-Z]?[A-Z])\s+(?=(?:{PRESENT_VERBS})\b)")



def _chair(ctx: Context, phrase: str) -> PersonRecord | None:
    vice = "vice" in phrase.lower()
    hits = [r for r in ctx.people.records
            if any(re.fullmatch(r"(?:Vice[- ])?Chair(?:man|woman|person)?(?: of .*)?", role, re.I)
                   and (("vice" in role.lower()) == vice) for role in r.roles())]
    return hits[0] if len(hits) == 1 else None


# "Ann Lee, Health and Housing Director": a post after the name, its words joined by "and" or "of".
_POST_AFTER = re.compile(r"\s*[,(]\s*(?:the\s+)?(?:(?:[A-Z][\w’'&-]*|and|&|of|for)\s+){0,6}?(?:" + "|".join(ROLE_WORDS) + r")")


def _plausible_untitled(ctx: Context, parts: NameParts, text: str, s: int, e: int) -> bool:
    """An untitled two-word name is a person when the sentence treats it as one."""
    if ctx.people.named(parts.name):
        return True
    known_body = ctx.gazetteer.lookup(parts.name, ctx.home)
    if known_body is not None and known_body.kind:
        return False     # "Scottish Water", "Natural Resources Wales": a body the gazetteer knows
    if is_first_name(parts.words[0]) and parts.words[-1] not in PLACE_WORDS:
        return True      # 'Alan Tolman': a known first name and a surname
    if any(place_at([w]) for w in parts.words):
        return False     # "Healthwatch Eastfield", "Eastfield Culture": a place's body, no person
    after = text[e:e + 80]
    before = text[max(0, s - 40):s]
    if _SPEECH_AFTER.match(after) or _POST_AFTER.match(after):
        return True
    if re.search(r"\b(?:from|by|with|to|and|thanked|welcomed|contact|liaise with|replacement|named)\s*$", before) \
            and re.match(r"\s*(?:[,.;)—–]|and\b|who\b|from\b|at\b|is\b|will\b|for\b|to\b|outside\b|$)", after):
        return True
    # The middle of a list of names the sentence has just introduced ("welcomed new members A, B and C").
    if re.search(r"\b(?:welcomed|from|by|thanked|members?)\s+(?:[A-Z][\w’'-]*\s*,?\s*(?:and\s+)?){1,12}$",
                 text[max(0, s - NEAR):s]) and re.match(r"\s*(?:,|and\b|\.|$)", after):
        return True
    if re.search(r"\b(?:at|in|near|around|across|within|outside)\s*$", before):
        return False     # "the police station at Golders Green would stay open": a place
    if re.match(r"\s+(?:is|will|who|would|has|had)\b", after):
        return True
    at = _AT_ORG.match(after)     # "Sue Harper at Brent Council"
    return bool(at and resolve_org(ctx, at.group(1).strip()))


_IS_POST = re.compile(r"\b(?:is|was|being|as)\s+(?:a|an|the)\s+(?P<post>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+"
                      rf"(?:of|at|for)\s+(?:the\s+)?(?P<body>{_BODY_RUN})")


# "thanked Dr Ann Hale for all her work as Director of Public Health for the Council and the CCG": a post
# the person held, named in thanks or a farewell.
_WORK_AS = re.compile(r"\s+for\s+(?:all\s+)?(?:his|her|their)\s+(?:[a-z]+\s+){0,2}(?:work|time|service|contributions?|"
                      r"efforts|leadership)\s+as\s+(?:the\s+|a\s+|an\s+)?(?P<post>[A-Z][^,.;:()]{2,120})")
_POST_FOR_BODIES = re.compile(r"\s+(?:for|at|of)\s+(?:the\s+)?")
_AND_THE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")


def _post_at_bodies(ctx: Context, text: str) -> tuple[str | None, list[OrgEntry]]:
    """'Director of Public Health for the Council and the CCG' -> the post, at each body it names."""
    for m in reversed(list(_POST_FOR_BODIES.finditer(text)) if _AND_THE.search(text) else []):
        parts = _AND_THE.split(text[m.end():])
        bodies = [resolve_org(ctx, part) for part in parts]
        # Each part a body, or a short name this page does not spell out ('the CCG'), one body at least.
        if len(parts) > 1 and any(bodies) and all(b or len(p.split()) <= 2 for b, p in zip(bodies, parts)) \
                and ROLE_WORD_RE.search(text[:m.start()]):
            return text[:m.start()], [b for b in bodies if b]
    role, org = split_role_org(ctx, text)
    return role, [org] if org else []


_POST_THEN_BRACKET = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'&-]*\s+(?:(?:of|for|and|&)\s+)?){1,8}?)\s*\($")
_PAREN_POST = re.compile(r"\s*\(([^)]{2,90})\)")
_OPEN_PAREN_POST = re.compile(r"\s*\(([^()]{2,90}?)(?=,\s*(?:[A-Z][\w’'-]+\s+){1,2}\()")
# "The Borough Commander, Sharon Baldwin, ...": a post before the name, ending in a comma.
_POST_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'&-]*(?:\s+(?:of|for|and|&|the))*\s*){1,8}?)"
                          r"(?:,\s*([^,]{2,60}?))?(?:,\s*([^,]{2,60}?))?,\s*$")


def _own_post(stated: str) -> str:
    """A stated post up to where the next person or a relative clause begins ('Policy and Improvement
    Officer' keeps its 'and'; 'Chair, and Ann Lee' does not)."""
    stated = re.split(r",\s*(?:who|which|in her|in his)\b", stated)[0]
    for m in re.finditer(r"\s+and\s+", stated):
        if starts_with_person(stated[m.end():]):
            return stated[:m.start()]
    return stated


_RANK_QUALIFIED = re.compile(rf"(?<![\w’']){RANK_QUALIFIERS}$")
_AFFILIATED_AFTER = re.compile(rf"(?:,[^,.;()]{{2,60}}?)?,?\s+(?:who\s+)?(?:{alternation('affiliation_after_name')})"
                               rf"\s+(?:the\s+)?({_BODY_RUN})")
_ON_BEHALF = re.compile(rf"\s*(?:{alternation('on_behalf')})\s+")
_JOINED_BY_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")


def _bodies_after(ctx: Context, people: list[tuple[PersonRecord, int, int]], text: str, line: int) -> None:
    """'Sue Harper at Eastfield Council', 'X and Y from the Transport Police', 'X represented the Trust':
    the body named after a person, shared with the people joined to them by 'and'."""
    for k, (record, s, e) in enumerate(people):
        after = text[e:e + NEAR]
        m = _AT_ORG.match(after) if after[:1].isspace() else None
        m = m or _AFFILIATED_AFTER.match(after)
        # A verb ("represented", "employed by") says a body follows, whatever its shape; "of" or "at" does not.
        body = re.sub(r"(?:\s+(?:of|for|and|&))+\s*$", "", m.group(1)) if m else ""
        org = resolve_org(ctx, body.strip(), loose=m.re is _AFFILIATED_AFTER) if m else None
        if org is None:
            continue
        note_post(ctx, record, None, org, text, line)
        # "X represented the Trust on behalf of Y": Y is of the Trust too.
        instead = _ON_BEHALF.match(text, e + m.end(1))
        if instead and k + 1 < len(people) and people[k + 1][1] == instead.end():
            note_post(ctx, people[k + 1][0], None, org, text, line)
        j = k
        while j > 0 and _JOINED_BY_AND.fullmatch(text, people[j - 1][2], people[j][1]):
            j -= 1
            note_post(ctx, people[j][0], None, org, text, line)


def _stated_post(after: str) -> re.Match[str] | None:
    """A post stated straight after a name: in brackets, set off by a comma or dash, or running on.
    Each pattern is tried only when the text after the name starts as it must."""
    lead = after.lstrip()[:1]
    if lead == "(":
        m = _PAREN_POST.match(after)
        if m is None or "(" in m.group(1):
            # "Ann Bell (Director, Shire Council, Tom Hay (Registrar, ...": a bracket left open; the post
            # ends where the next person starts.
            m = _OPEN_PAREN_POST.match(after)
        if m:
            return m
    if lead and lead in ",—–-":
        m = _APPOSITIVE.match(after)
        if m:
            return m
    return _BARE_POST.match(after) if after[:1].isspace() else None


def _read_sentence(ctx: Context, sentence: Sentence, item: AgendaItem | None, first: bool
                   ) -> list[tuple[PersonRecord, int, int]]:
    """Read one sentence's people, posts and parts; returns the people it names, with their spans."""
    text = sentence.text
    marker = action_marker(text)
    if marker and marker.start() == 0:
        return []
    people = _people_in(ctx, text, sentence.line)
    # Posts stated beside a name: "Tina McElligott, Director for Early Help ..., presented the report".
    for record, s, e in people:
        after = text[e:e + NEAR]
        m = _stated_post(after)
        if m and not re.match(r"\s*(?:and|who|which|that)\b", m.group(1)) and not _names_someone(ctx, m.group(1)) \
                and not is_apology_text(text):
            stated = _own_post(m.group(1))
            role, org = split_role_org(ctx, stated)
            if role and not ROLE_WORD_RE.search(role):
                role = None
            note_post(ctx, record, role, org, text, sentence.line)
        before = text[max(0, s - NEAR):s]
        bracketed = _POST_THEN_BRACKET.search(before) if before.endswith("(") else None
        if bracketed and ROLE_WORD_RE.search(bracketed.group(1)):
            # "The Assistant Director for Public Protection and Safety (Jo Stone) chaired ..."
            role, org = split_role_org(ctx, bracketed.group(1))
            note_post(ctx, record, role, org, text, sentence.line)
        mb = _POST_BEFORE.search(before) if before.rstrip().endswith(",") else None
        if mb and ROLE_WORD_RE.search(mb.group(1)):
            role, org = split_role_org(ctx, ", ".join(g for g in mb.groups() if g))
            note_post(ctx, record, role, org, text, sentence.line)
    for record, s, e in people:
        work = _WORK_AS.match(text, e) if " as " in text else None
        if work and ROLE_WORD_RE.search(work.group("post")):
            role, bodies = _post_at_bodies(ctx, re.sub(r"\s+(?:and|who|which|that)\s+(?!the\s)[a-z].*$", "",
                                                       work.group("post")))
            for org in bodies or [None]:
                note_post(ctx, record, role, org, text, sentence.line)
    _bodies_after(ctx, people, text, sentence.line)
    for record, s, e in people:
        rank = record.ranks[-1] if record.ranks else None
        qualified = _RANK_QUALIFIED.search(text, max(0, s - 60), s) if rank and text.startswith(rank, s) else None
        if qualified:
            # "Borough Police Commander Dan Hale": the words before the rank are its post's.
            note_post(ctx, record, f"{' '.join(qualified.group(0).split())} {rank}", None, text, sentence.line)
    # "Cllr Conway declared ... that she is a Trustee of the Jewish Volunteering Network": a post the
    # sentence gives its one subject.
    if people and people[0][1] < 40:
        _post_of_body(ctx, people[0][0], _IS_POST.search(text, people[0][2]), text, sentence.line)
        _post_of_body(ctx, people[0][0], _SUBJECT_EMPLOYED_BY.search(text, people[0][2]), text, sentence.line)
    for record, s, e in people:
        _appointed(ctx, record, text, s, e, sentence.line)
    _introduced_as(ctx, people, text, sentence.line)
    presenters = _presenters(ctx, text, people, first) if item is not None else []
    for record in presenters:
        ctx.presented.append((record, item, text))
        mark_attended(ctx, record, text)
    for record, s, e in people:
        if record in presenters:
            continue
        if _takes_part(text, sentence, s, e):
            if item is not None:
                ctx.contributed.append((record, item, text))
            mark_attended(ctx, record, text)
        ctx.mentioned.setdefault(id(record), []).append((sentence.item, text))
    return people


def read_header_prose(ctx: Context) -> None:
    """Sentences before the first item ('WM introduced Cara Lund ... and welcomed Ken Andrews'): the
    people they name, and who took part, though no item holds them. A titled name anywhere else outside
    the items' text (a cover sheet's 'Chief Constable - Ms. C. Napier', an item's title) is a person too."""
    for sentence in _sentences([l for l in ctx.layout.header if _HEADER_SENTENCE.search(l.text)], None):
        if len(sentence.text.split()) >= 6 and (reads_as_prose(sentence.text) or _CONTACT.search(sentence.text)) \
                and not is_apology_text(sentence.text):
            _read_sentence(ctx, sentence, None, first=False)
    elsewhere = [(l.text, l.no) for l in ctx.layout.header if l.no not in ctx.list_lines]
    elsewhere += [(item.title, item.line) for item in ctx.layout.items]
    for text, line in elsewhere:
        for parts, _, _ in titled_mentions(text) if text else ():
            note_person(ctx, parts, line)


_CONTACT = re.compile(r"\b(?:please\s+)?contact\s+(?=[A-Z])")      # "For enquiries please contact Ann Lee (Tel. ...)"
_HEADER_SENTENCE = re.compile(r"[a-z]\S*\s+[a-z]\S*\s+[a-z]")     # three lower-case words: prose, not a list


_DECLARATIONS = re.compile(r"\binterests?\b", re.I)
# "Cllr Reed declared that he was employed by Shire Police": the sentence's subject works there.
_SUBJECT_EMPLOYED_BY = re.compile(r"\b(?:he|she|they)\s+(?:is|was|were|are|had been|has been)\s+(?:\w+\s+)?"
                                  rf"employed\s+by\s+(?:the\s+)?(?P<body>{_BODY_RUN})")
_EMPLOYED_BY = re.compile(rf"\bemployed by\s+(?:the\s+)?(?P<body>{_BODY_RUN})")


def _declaration_row(ctx: Context, sentence: Sentence, people: list[tuple[PersonRecord, int, int]],
                     subject: PersonRecord | None) -> PersonRecord | None:
    """Declarations of interest set out as a table: a member's name alone on a line, what they
    declare on the next ('Non-pecuniary interest by virtue of being a Trustee of Barnet Carers
    Centre'). Returns the row's member while their declaration may follow."""
    text = sentence.text
    if len(people) == 1:
        record, s, e = people[0]
        return record if not re.sub(r"[\W_]", "", text[:s] + text[e:]) else None
    if people or subject is None:
        return None
    _post_of_body(ctx, subject, _IS_POST.search(text), text, sentence.line)
    _post_of_body(ctx, subject, _EMPLOYED_BY.search(text), text, sentence.line)
    return None


_POST_RUN = r"[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'&-]*|of|for|the|and|&|on)|-[A-Z][\w’'-]*)*"
_APPOINTED_AFTER = re.compile(rf"\s*(?:\([^)]{{0,60}}\)\s*)?,?\s*(?i:{alternation('appointment_after_name')})"
                              rf"\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?(?P<post>{_POST_RUN})")
_APPOINTED_BEFORE = re.compile(rf"(?i:\b(?:{alternation('appointment_before_name')}))\s+$")
_AS_POST = re.compile(rf"\s*(?:\([^)]{{0,60}}\)\s*)?,?\s+as\s+(?:the\s+)?(?:new\s+)?(?P<post>{_POST_RUN})")
_FOR_THE_YEAR = re.compile(r"\s+for\s+(?:the\s+)?(?:ensuing\s+|coming\s+|forthcoming\s+|current\s+)?"
                           r"(?:Municipal|Council|Civic|Financial)\s+Year\b.*$", re.I)
_AS_POST_AFTER = re.compile(rf",?\s+as\s+(?:the\s+)?(?:new\s+)?(?P<post>{_POST_RUN})")
_POST_WAS = re.compile(rf"\b[Tt]he\s+(?:new\s+)?(?P<post>{_POST_RUN})\s+(?:was|is|will be|would be|had been|has been)\s+$")
# "The group appointed Jo Bloggs vice chair": a post straight after the name, as minutes type it.
_BARE_POST_NAMED = re.compile(rf"\s+(?P<post>(?i:(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(ROLE_WORDS)})))\b")
_OF_THE_BODY = re.compile(r"\s+(?:of|for|to|on)\s+(?:the\s+)?(?P<body>[^,]+)$")


def _appointed(ctx: Context, record: PersonRecord, text: str, s: int, e: int, line: int) -> None:
    """'X was elected Chairman of the Panel', 'the appointment of X as Vice Chair': the post given, at the
    body named, or at the meeting's own body where the sentence calls it 'the Panel' or 'the Board'."""
    m = _APPOINTED_AFTER.match(text, e)
    if m is None and _APPOINTED_BEFORE.search(text, max(0, s - 40), s):
        m = _AS_POST.match(text, e) or _BARE_POST_NAMED.match(text, e)
    # "Ann Lee, as Chair in the absence of ...", "The Chair of the Trust was Ann Lee".
    m = m or _AS_POST_AFTER.match(text, e) or _POST_WAS.search(text, max(0, s - NEAR), s)
    if m is None:
        return
    post = m.group("post")
    if re.match(r"\s+year\b", text[m.end():m.end() + 6], re.I):
        post = re.sub(r"\s+for\s+.*$", "", post)       # "Chairman for the Council year 2020/21"
    post = _FOR_THE_YEAR.sub("", post)                  # "... for the Municipal Year 2021-22"
    post = _own_post(post)                               # "Chair and Mr Jo Bell": two people's posts
    post = re.sub(r"(?:\s+(?:of|for|the|and|&|on))+$", "", post)
    if not ROLE_WORD_RE.search(post):
        return
    role, org = split_role_org(ctx, post)
    if org is None and role:
        body = _OF_THE_BODY.search(role)
        if body and is_generic_body(body.group("body")):
            role = role[:body.start()]
            org = meeting_body(ctx)
    if role and ROLE_WORD_RE.search(role):
        note_post(ctx, record, role, org, text, line)



_INTRODUCED_AS = re.compile(rf"\bintroduced\s+(?:themselves|himself|herself)(?:\s+to\s+[^.]{{0,40}}?)?\s+as\s+"
                            rf"(?:the\s+|a\s+|an\s+|new\s+)*(?P<post>{_POST_RUN})")


def _introduced_as(ctx: Context, people: list[tuple[PersonRecord, int, int]], text: str, line: int) -> None:
    """'X and Y introduced themselves as Crime Reduction Officers': each holds the post (in the singular)."""
    m = _INTRODUCED_AS.search(text) if "introduced" in text else None
    if m is None or not ROLE_WORD_RE.search(m.group("post")):
        return
    post = re.sub(r"(?:\s+(?:of|for|the|and|&|on))+$", "", m.group("post"))
    post = re.sub(r"\b(Officer|Manager|Member|Lead|Director|Adviser|Advisor|Worker|Coordinator)s\b", r"\1", post)
    for record, s, e in people:
        if e <= m.start():
            note_post(ctx, record, post, None, text, line)


def _post_of_body(ctx: Context, record: PersonRecord, m: re.Match[str] | None, text: str, line: int) -> None:
    """A post (if the match has one that is a post) at the body it names, for the sentence's subject;
    nothing when the body is no organisation."""
    if m is None:
        return
    post = m.groupdict().get("post")
    if post is not None and not ROLE_WORD_RE.search(post):
        return
    org = resolve_org(ctx, m.group("body").strip(), loose=True)
    if org:
        note_post(ctx, record, post.strip() if post else None, org, text, line)


# How a sentence has the person it names take part. Each pattern is tried only when the words it
# needs are there: most sentences have none of them.
_WELCOMED = re.compile(r"\bwelcomed\s+(?:new\s+)?(?:members?\s+)?(?:[A-Z][\w’'-]*\s*,?\s*(?:and\s+)?){0,12}$")
_FROM_OR_OF = re.compile(r"\b(?:from|of)\s+$")
_ASKED_BY_LIST = re.compile(r"(?:question|query|comment)s?\s+(?:from|by)\s+(?:[A-Z][\w’'-]*\s*,?\s*(?:and\s+)?){0,8}$",
                            re.I)
_ASKED_BY = re.compile(r"(?:question|query|comment)s?\s+(?:from|by)\s*$", re.I)
# "Subject to the correction that Ms X was also in attendance, the minutes of the meeting held on ...": a
# sentence about the previous meeting's record.
_EARLIER_MINUTES = re.compile(r"\bminutes of the (?:previous|last|meeting held)|\bprevious minutes\b", re.I)
_WAS_PRESENT = re.compile(r"[^.]{0,80}\b(?:was|were)\s+(?:also\s+)?(?:invited to the table|in attendance|present|welcomed)")
_ATTENDED = re.compile(r"[^.]{0,60}?\battended the meeting")


_ACTING_BEFORE = re.compile(rf"\b(?:{alternation('acting_before_name')})\s+(?:the\s+)?$", re.I)
_INTRODUCED_SELF = re.compile(r"\bintroduced\s+(?:themselves|himself|herself)\b")
_WELCOME_VERB = re.compile(rf"\b(?:{alternation('welcome_verbs')})\b", re.I)
_NOT_PRESENT_BEFORE = re.compile(rf"\b(?:{alternation('not_present_before_name')})\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+)?$")


_INTEREST_KIND = re.compile(r"\s*(?:[–—-]|,|\()\s*(?:personal|prejudicial|pecuniary|non[- ]?pecuniary|disclosable|"
                            r"other registrable|significant)\b", re.I)


def _takes_part(text: str, sentence: Sentence, s: int, e: int) -> bool:
    """Whether the person named at text[s:e] speaks, asks, is welcomed, attends or declares an interest."""
    before, after = text[max(0, s - NEAR):s], text[e:e + NEAR]
    if _SPEECH_AFTER.match(after) or _ACTING_BEFORE.search(before):
        return True
    intro = _INTRODUCED_SELF.search(after, 0, 200)
    if intro and not reads_as_prose(after[:intro.start()]) and "." not in after[:intro.start()]:
        return True      # "X and Y from the Trust introduced themselves"
    welcome = _WELCOME_VERB.search(before)
    if welcome and not _NOT_PRESENT_BEFORE.search(before) and not re.search(r"\.\s", before[welcome.end():]) \
            and not reads_as_prose(before[welcome.end():]) and not has_any(before[welcome.end():], ("thank",)):
        return True      # named in the welcome itself, not in a clause after it
    # "welcomed new members Sara Leach, Luke Kwamya and ...": everyone in the welcomed list.
    if "welcomed" in before and _WELCOMED.search(before) and not _FROM_OR_OF.search(before):
        return True
    if sentence.item is not None and e - s >= len(text) - 2 - (len(text) - len(text.strip()) if text[:1].isspace()
                                                               or text[-1:].isspace() else 0) \
            and re.search(r"declaration", sentence.item.title, re.I):
        return True
    if s <= 2 and sentence.item is not None and _INTEREST_KIND.match(after) \
            and re.search(r"declaration|interest", sentence.item.title, re.I):
        return True     # "Councillor Ann Hale – Personal – being ...": an interest declared at the meeting
    if has_any(before, ("question", "query", "comment")) and (_ASKED_BY_LIST.search(before + " ")
                                                               or _ASKED_BY.search(before)):
        return True
    if ("was" in after or "were" in after) and _WAS_PRESENT.match(after) and not _EARLIER_MINUTES.search(text):
        return True
    return "attended the meeting" in after and bool(_ATTENDED.match(after))


def _names_someone(ctx: Context, text: str) -> bool:
    """A stated post never contains another person's name ('Sharon Baldwin, Chief Superintendent ...')."""
    if titled_mentions(text):
        return True
    folded = fold(text)
    return any(len(r.name.split()) > 1 and fold(r.name) in folded for r in ctx.people.records)


# Words without which a pattern below cannot match: most sentences have none, and need no search.
_PRESENT_VERB = re.compile(rf"\b(?:{PRESENT_VERBS})", re.I)
_PRESENT_WORDS = ("present", "introduced", "gave", "provided", "spoke", "took", "update", "reported", "led",
                  "elaborated", "through", "outlined", "delivered", "fed back", "the following")
_GIVEN_BY = re.compile(r"\b(?:update|presentation|report|overview|briefing)s?\s+(?:was|were)\s+(?:provided|given|"
                       r"presented|delivered|introduced)\s+by\s+$", re.I)
_THANKED = re.compile(r"\bthanked\s+(?:[A-Z][\w’'.-]*\s+){0,3}$")
_FOR_PRESENTING = re.compile(r",?\s+for\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}"
                             r"(?:presentation|update|report|briefing|overview)", re.I)
_HEARD_FROM = re.compile(r"\b(?:received|heard|had|given|was given)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}"
                         r"(?:presentation|update|briefing|report|overview)(?:\s+on\s+[^.]{0,80}?)?\s+from\s+$", re.I)


_PRESENTER_BEFORE = re.compile(rf"\b(?:{alternation('presenter_before_name')})\s+(?:the\s+)?"
                               rf"(?:[A-Z][^.;()]{{0,80}}?,\s+)?$", re.I)
_INVITED_TO = re.compile(rf"(?:\s*\([^)]*\)|,[^.;]{{0,150}}?,)?\s+to\s+(?:{alternation('presenter_invited_to')})\b",
                         re.I)
_INVITED = re.compile(r"\b(?:invited|asked|welcomed|called (?:on|upon))\s+(?:the\s+)?[^.;]{0,40}$", re.I)
_ON_BEHALF_OF = re.compile(rf"\b(?:{alternation('on_behalf')})\s+(?:the\s+)?$", re.I)


def _listed_after_phrase(text: str, people: list[tuple[PersonRecord, int, int]]) -> list[PersonRecord]:
    """'was presented by Greg Fenn (Director ...), Helen Wade (Registrar ...) and Dan Spence': every name
    in the list that follows a presenter phrase, not only the first."""
    out: list[PersonRecord] = []
    previous_end = None
    for record, s, e in people:
        if _PRESENTER_BEFORE.search(text, max(0, s - NEAR), s):
            out, previous_end = [record], e
        elif previous_end is not None and _LIST_GAP.fullmatch(text, previous_end, s):
            out.append(record)
            previous_end = e
        elif previous_end is not None:
            break
    return out


_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,120}\)?)?\s*(?:,|\band\b|&)\s*(?:and\s+)?")
# Between two names a verb shares: a post, then 'and' (and perhaps the next one's post: "Mr A and the
# Communities Manager, Mr B, introduced the report").
_JOINED = re.compile(r"\s*(?:\([^)]*\))?\s*(?:,[^,.;]{0,90}?,?)?\s*(?:and|&|,)\s*"
                     r"(?:the\s+(?:[A-Z][\w’'&-]*(?:\s+|(?=,))(?:(?:of|for|and|&)\s+)?){1,8}?,?\s*)?")
_UP_TO_VERB = re.compile(r"\)?\s*(?:(?:[A-Z][\w’'&/-]*|of|for|and|&|the)\s+){0,8}?(?:\([^)]*\))?\s*(?:,[^.;]{0,120}?,?)?"
                         r"\s*(?:(?:from|of|at)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){1,6})?"   # "Joanna Peebles from Scottish Water"
                         # "Insp. K. Lord was present at the meeting and fed back", "introduced herself and highlighted"
                         r"\s*(?:(?:was|were)\s+present(?:\s+at\s+the\s+meeting)?\s+and\s+|attended(?:\s+the\s+meeting)?"
                         r"\s+and\s+|introduced\s+(?:himself|herself|themselves)\s+and\s+)?"
                         r"\s*(?:also\s+|then\s+|jointly\s+|both\s+)?")


# "A, Partner, Eastfield Law (Adviser) presented": a post and then only a comma between two names says the
# second is A's firm, not a second presenter ("A, Post, and B" or "A (Post) and B" still joins them).
_POST_THEN_COMMA = re.compile(r"\s*,\s*[^,.;&()]{0,60}?\b(?:" + "|".join(re.escape(w) for w in ROLE_WORDS) +
                              r")s?\b[^,.;&()]{0,40}?,\s*", re.I)


def _subject(text: str, before: list[tuple[PersonRecord, int, int]], verb: int) -> list[tuple[PersonRecord, int, int]]:
    """Who a verb's subject names: the person just before it ('Dr Harding introduced'), with those joined to
    them by 'and' ('A and B presented'), never someone earlier in the sentence ('The Chairman welcomed ...')."""
    if len(before) >= 2 and _ON_BEHALF_OF.search(text, max(0, before[-1][1] - NEAR), before[-1][1]):
        # "A, post, on behalf of B, post, presented": A presented.
        spoken_for = before.pop()
        if not re.fullmatch(r"[^.;]{0,120}", text[before[-1][2]:spoken_for[1]]) \
                or not _UP_TO_VERB.fullmatch(text, spoken_for[2], verb):
            return []
        return [before[-1]]
    if not before or not _UP_TO_VERB.fullmatch(text, before[-1][2], verb):
        return []
    subject = [before[-1]]
    if len(before) >= 2 and _POST_THEN_COMMA.fullmatch(text, before[-2][2], before[-1][1]) \
            and re.fullmatch(r"\s*(?:\([^()]*\))?\s*", text[before[-1][2]:verb]):
        # "A, Partner, Eastfield Law (Adviser) presented": the firm after A's post is A's, and A presented.
        before = before[:-1]
        subject = [before[-1]]
    for k in range(len(before) - 2, -1, -1):
        if not _JOINED.fullmatch(text, before[k][2], subject[0][1]) \
                or _POST_THEN_COMMA.fullmatch(text, before[k][2], subject[0][1]):
            break
        subject.insert(0, before[k])
    return subject


def _presenters(ctx: Context, text: str, people: list[tuple[PersonRecord, int, int]], first: bool) -> list[PersonRecord]:
    out: list[PersonRecord] = []
    if not people:
        return out
    previous_end = 0
    for m in _PRESENT_VERB.finditer(text) if has_any(text, _PRESENT_WORDS) else ():
        subject = _subject(text, [(r, s, e) for r, s, e in people if previous_end <= s and e <= m.start()], m.start())
        previous_end = m.end()
        # "the report presented": a participle after a thing, not a person presenting.
        if not subject or re.search(r"\b(?:report|reports|paper|papers|item|slides|document|information)\s+$",
                                    text[max(0, m.start() - NEAR):m.start()]):
            continue
        for record, s, e in subject:
            # "In response to a question from X, Y presented": X is not presenting.
            if re.search(r"\b(?:from|to|with|by|of|for|thanked|asked)\s+$", text[max(0, s - 12):s]):
                continue
            if record not in out:
                out.append(record)
    for record, s, e in people:
        before = text[max(0, s - 120):s]
        folded = caseless(before)
        if "by" in folded and _GIVEN_BY.search(before) and record not in out:
            out.append(record)
        if "from" in folded and _HEARD_FROM.search(before) and record not in out:
            out.append(record)
        if "thank" in folded and _THANKED.search(before) and _FOR_PRESENTING.match(text, e) and record not in out:
            out.append(record)       # "the Board thanked Lena Ford for his detailed presentation"
    listed_after = _listed_after_phrase(text, people)
    for record, s, e in people:
        invited = _INVITED.search(text, max(0, s - NEAR), s) and _INVITED_TO.match(text, e)
        if record in listed_after and record not in out:
            out.append(record)
            continue
        if record not in out and (_PRESENTER_BEFORE.search(text, max(0, s - NEAR), s) or invited) \
                and not _ON_BEHALF_OF.search(text, max(0, s - NEAR), s):
            out.append(record)
    # "Jaime Wyatt, on behalf of Sam Long, presented the report": only the one speaking presented.
    out = [r for r in out if not any(r is record and _ON_BEHALF_OF.search(text, max(0, s - NEAR), s)
                                     for record, s, e in people)]
    if first:
        for record, s, e in people:
            if re.match(r"\s*(?:\([^)]*\)|,[^.;]{0,90}?,)?\s*(?:reported|advised) that\b|"
                        r"\s*(?:\([^)]*\)|,[^.;]{0,90}?,)?\s*(?:advised|informed|briefed) the (?:board|group|"
                        r"partnership|committee|meeting)\b|"
                        r"\s*(?:\([^)]*\)|,[^.;]{0,90}?,)?\s*(?:informed|briefed|updated) (?:members\s+)?(?:of|on|about)\b",
                        text[e:e + NEAR]) and record not in out and s < 60:
                out.append(record)
    return out
